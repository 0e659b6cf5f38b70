"""The controversy map's console, screen, phone and follow views (see `views_*`)."""

from __future__ import annotations

from facilitation.ui.context import ViewContext

from .state import ControversiesState
from .views_console import ConsoleView
from .views_phone import PhoneView
from .views_screen import ScreenView


def console(ctx: ViewContext[ControversiesState]) -> None:
    ConsoleView(ctx)


def screen(ctx: ViewContext[ControversiesState]) -> None:
    ScreenView(ctx, "screen")


def follow(ctx: ViewContext[ControversiesState]) -> None:
    ScreenView(ctx, "phone")


def phone(ctx: ViewContext[ControversiesState]) -> None:
    PhoneView(ctx)
