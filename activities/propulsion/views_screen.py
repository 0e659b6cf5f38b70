"""The propulsion board on the projector, and at phone size for those who follow the screen. One
HTML element, redrawn on the coalesced tally, computed once per change for every page (`memo`)."""

from __future__ import annotations

from nicegui import ui

from activities.ideas.memo import memo
from facilitation.ui.context import ViewContext, gone
from facilitation.ui.markup import esc

from .board import build_board
from .display import board_html
from .state import TALLY, PropulsionState


def drawing(ctx: ViewContext[PropulsionState], size: str) -> str:
    state = ctx.state
    stage = ctx.t(f"propulsion.stage.{state.stage}")
    head = f'<div class="pr-stage" data-testid="pr-screen-stage">{esc(ctx.t("propulsion.title"))} · {esc(stage)}</div>'
    intro = (
        f'<div class="pr-intro">{ctx.both_html(state.settings.intro.get)}</div>'
        if state.settings.intro
        else ""
    )
    limit = 2 if size == "screen" else None  # 36 px type on the projector: two proposals, the rest counted
    body = board_html(
        build_board(state, ctx.session), ctx.lang, size=size, detail=size == "screen", limit=limit
    )
    return f'<div class="pr-{size}-view">{head}{intro}{body}</div>'


class ScreenView:
    def __init__(self, ctx: ViewContext[PropulsionState], size: str = "screen") -> None:
        self.ctx, self.size = ctx, size
        self.html = ui.html().classes("w-full").props(f'data-testid="pr-{size}"')
        self.draw()
        for topic in ("phase", TALLY):
            ctx.subscribe(topic, self.draw)

    def draw(self) -> None:
        if gone(self.html):
            return
        ctx = self.ctx
        key = ("propulsion", self.size, ctx.room.code, ctx.item, ctx.lang, ctx.state.revision)
        html = memo(key, lambda: drawing(ctx, self.size))
        if html != self.html.content:
            self.html.set_content(html)
