"""The débat mouvant's console, screen and phone. Thin: they read the state and send commands.

Costs (DESIGN.md, "Real time"): a phone redraws its area only on `phase` (round opened or
closed, arguments, reveal, statement changed) and re-marks its buttons on its own
`participant:<token>` topic; the console and the screen follow the coalesced `tally`.
"""

from __future__ import annotations

from facilitation.ui.context import ViewContext

from .state import DebatState
from .views_console import ConsoleView
from .views_phone import PhoneView
from .views_screen import ScreenView


def console(ctx: ViewContext[DebatState]) -> None:
    ConsoleView(ctx)


def screen(ctx: ViewContext[DebatState]) -> None:
    ScreenView(ctx)


def phone(ctx: ViewContext[DebatState]) -> None:
    PhoneView(ctx)
