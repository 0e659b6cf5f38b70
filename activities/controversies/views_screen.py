"""The controversy map on the projector, and at phone size for those who follow the screen. One
HTML element, redrawn on the coalesced tally; the map is computed once per change for every page
of the room (`memo`), never once per phone."""

from __future__ import annotations

from nicegui import ui

from activities.ideas.memo import memo
from facilitation.ui.context import ViewContext, gone
from facilitation.ui.markup import esc

from .display import map_html
from .map import build_map
from .state import TALLY, ControversiesState


def drawing(ctx: ViewContext[ControversiesState], size: str) -> str:
    state = ctx.state
    stage = ctx.t(f"controversies.stage.{state.stage}")
    head = f'<div class="cv-stage" data-testid="cv-screen-stage">{esc(ctx.t("controversies.title"))} · {esc(stage)}</div>'
    if state.settings.hide_until_closed and state.stage != "closed":
        body = f'<div class="cv-few">{esc(ctx.t("controversies.hidden_until_closed"))}</div>'
    else:
        maps = build_map(state, ctx.session)
        if size == "screen":  # 36 px type: the most divisive statement by collège, the next overall
            body = map_html(maps, ctx.lang, size=size, limit=2, detailed=1)
        else:
            body = map_html(maps, ctx.lang, size=size, limit=8)
    return f'<div class="cv-{size}-view">{head}{body}</div>'


def cached(ctx: ViewContext[ControversiesState], size: str) -> str:
    key = (
        "controversies",
        size,
        ctx.room.code,
        ctx.item,
        ctx.lang,
        ctx.state.revision,
        len(ctx.session.participants),
    )
    return memo(key, lambda: drawing(ctx, size))


class ScreenView:
    def __init__(self, ctx: ViewContext[ControversiesState], size: str = "screen") -> None:
        self.ctx, self.size = ctx, size
        self.html = ui.html().classes("w-full").props(f'data-testid="cv-{size}"')
        self.draw()
        for topic in ("phase", TALLY):
            ctx.subscribe(topic, self.draw)

    def draw(self) -> None:
        if gone(self.html):
            return
        html = cached(self.ctx, self.size)
        if html != self.html.content:
            self.html.set_content(html)
