"""The propulsion board's console, screen, phone and follow views (see `views_*`)."""

from __future__ import annotations

from facilitation.ui.context import ViewContext

from .state import PropulsionState
from .views_console import ConsoleView
from .views_phone import PhoneView
from .views_screen import ScreenView


def console(ctx: ViewContext[PropulsionState]) -> None:
    ConsoleView(ctx)


def screen(ctx: ViewContext[PropulsionState]) -> None:
    ScreenView(ctx, "screen")


def follow(ctx: ViewContext[PropulsionState]) -> None:
    ScreenView(ctx, "phone")


def phone(ctx: ViewContext[PropulsionState]) -> None:
    PhoneView(ctx)
