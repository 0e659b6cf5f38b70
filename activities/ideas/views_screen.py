"""The idea workshop on the projector (the ideas as cards, then the ranking), and the same at phone
size for those who follow the screen on their phone. One HTML element each, redrawn on the
coalesced tally; the phone-sized drawing is computed once for all the phones that follow."""

from __future__ import annotations

from nicegui import ui

from facilitation.ui.context import ViewContext, gone
from facilitation.ui.markup import esc

from .display import ranking_html, wall_html
from .memo import memo
from .state import TALLY, IdeasState


def drawing(ctx: ViewContext[IdeasState], size: str) -> str:
    state = ctx.state
    prompt = ctx.both_html(state.settings.prompt.get) if state.settings.prompt else esc(ctx.t("ideas.title"))
    stage = ctx.t(f"ideas.stage.{state.stage}")
    if state.stage == "collect":
        body = wall_html(state, ctx.lang, size=size, limit=6 if size == "screen" else 20)
    else:
        body = ranking_html(state, ctx.lang, size=size, limit=6 if size == "screen" else 10)
    return (
        f'<div class="id-{size}-view">'
        f'<div class="id-stage" data-testid="id-screen-stage">{esc(ctx.t("ideas.title"))} · {esc(stage)}</div>'
        f'<div class="id-prompt">{prompt}</div>{body}</div>'
    )


class ScreenView:
    def __init__(self, ctx: ViewContext[IdeasState], size: str = "screen") -> None:
        self.ctx, self.size = ctx, size
        self.html = ui.html().classes("w-full").props(f'data-testid="id-{size}"')
        self.draw()
        for topic in ("phase", TALLY):
            ctx.subscribe(topic, self.draw)

    def draw(self) -> None:
        if gone(self.html):
            return
        ctx = self.ctx
        if self.size == "screen":
            html = drawing(ctx, "screen")
        else:
            key = ("ideas-follow", ctx.room.code, ctx.item, ctx.lang, ctx.state.revision)
            html = memo(key, lambda: drawing(ctx, "phone"))
        if html != self.html.content:
            self.html.set_content(html)
