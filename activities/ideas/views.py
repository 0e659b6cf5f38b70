"""The idea workshop's console, screen, phone and follow views. Thin: they read the state and send
commands (see `views_console`, `views_screen`, `views_phone`)."""

from __future__ import annotations

from facilitation.ui.context import ViewContext

from .state import IdeasState
from .views_console import ConsoleView
from .views_phone import PhoneView
from .views_screen import ScreenView


def console(ctx: ViewContext[IdeasState]) -> None:
    ConsoleView(ctx)


def screen(ctx: ViewContext[IdeasState]) -> None:
    ScreenView(ctx, "screen")


def follow(ctx: ViewContext[IdeasState]) -> None:
    ScreenView(ctx, "phone")


def phone(ctx: ViewContext[IdeasState]) -> None:
    PhoneView(ctx)
