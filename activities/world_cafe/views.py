"""World café views (`views_screen`, `views_phone`, `views_console`) and what they share. Thin:
they read the state, send commands through `ctx.act`, and redraw on their topics.

Costs: a contribution redraws the phones of its table and the coalesced tally of console and
screen; a clock change (pause, +1 min, next rotation) or a rotation running out (the room wakes
the views then) redraws every phone once. A running clock costs nothing: it ticks in the browser (see `display.py`).
"""

from __future__ import annotations

from nicegui import ui

from facilitation.ui.context import ViewContext

from .clock import Timing
from .display import ring_script, sync_script
from .state import PHASE, TALLY, CafeState

__all__ = ["PHASE", "TALLY"]


def prepare(ctx: ViewContext[CafeState]) -> None:
    """Clock script for this page (the style is in every page's head: `ACTIVITY.css`). The ends
    of rotations are the room's to announce (`state.wake_at`), not a page's."""
    ui.run_javascript(sync_script(ctx.now()))


def theme_title(state: CafeState, table: int | None, lang: str) -> str:
    if table is None or not 0 <= table < len(state.settings.themes):
        return ""
    return state.settings.themes[table].title.get(lang)


def status_line(ctx: ViewContext[CafeState], state: CafeState, timing: Timing) -> str:
    if timing.phase == "over":
        return ctx.t("world_cafe.over")
    if timing.paused:
        return ctx.t("world_cafe.paused")
    if timing.phase == "break":
        return ctx.t("world_cafe.break")
    return ctx.t("world_cafe.rotation", n=timing.rotation + 1, total=state.rotations)


def shown_rotation(timing: Timing) -> int:
    """The rotation people sit in (during a break, the one they are walking to)."""
    return timing.rotation + 1 if timing.phase == "break" else timing.rotation


class Bell:
    """Rings on this page when the facilitator ends a rotation early (next rotation, or the end of
    the café): a rotation that runs out rings in the browser by itself."""

    def __init__(self, ctx: ViewContext[CafeState], role: str) -> None:
        self.ctx, self.role = ctx, role
        self.client = ui.context.client
        self.last = ctx.state.timing(ctx.now())

    def check(self) -> None:
        now = self.ctx.now()
        timing = self.ctx.state.timing(now)
        last, self.last = self.last, timing
        early = (
            last.phase == "rotation"
            and last.ends_at is not None
            and now < last.ends_at - 1
            and (timing.segment != last.segment or timing.phase == "over")
        )
        if early:
            self.client.run_javascript(ring_script(self.role))


def screen(ctx: ViewContext[CafeState]) -> None:
    from .views_screen import build_screen

    build_screen(ctx)


def phone(ctx: ViewContext[CafeState]) -> None:
    from .views_phone import CafePhone

    CafePhone(ctx)


def console(ctx: ViewContext[CafeState]) -> None:
    from .views_console import CafeConsole

    CafeConsole(ctx)
