"""The idea workshop on a phone: post ideas while they are collected, then spread one's dots.

Built once; a phase change (the vote opened or closed) updates in place. The ballot is one HTML
element whose − and + buttons are read by the element itself (no element per button): a dot
redraws that element on this phone only.
"""

from __future__ import annotations

from typing import Any

from nicegui import ui

from facilitation.ui.a11y import live
from facilitation.ui.common import clear_sent
from facilitation.ui.context import ViewContext, gone, guard
from facilitation.ui.pending import PendingTexts

from . import state as rules
from .display import BALLOT_CLICK, ballot_html, head_html, placed, ranking_html
from .memo import memo
from .settings import IDEA_MAX
from .state import BALLOT, IdeasState


class PhoneView:
    def __init__(self, ctx: ViewContext[IdeasState]) -> None:
        self.ctx = ctx
        self.token = ctx.token or ""
        self.area = ui.column().classes("w-full gap-3").props('data-testid="id-phone"')
        with self.area:
            self.head = live(ui.html().classes("cercle-card w-full"))  # the stage, said when it changes
            with ui.column().classes("cercle-card w-full gap-2") as self.form:
                self.text = (
                    ui.textarea(ctx.t("ideas.phone.idea"))
                    .props(f'maxlength={IDEA_MAX} counter autogrow outlined data-testid="id-text"')
                    .classes("w-full")
                    .mark("id-text")
                )
                ui.button(ctx.t("ideas.phone.send"), icon="send", on_click=self.send).classes(
                    "cercle-big-button"
                ).props('color=primary data-testid="id-send"').mark("id-send")
                self.pending = PendingTexts(ctx, self.rephrase)
            # The ballot is drawn again whole on a tap: what it counts is a live region that stays.
            self.left = live(ui.label().classes("id-left").props('data-testid="id-left"'))
            self.ballot = ui.html().classes("w-full").on("click", self.tap, js_handler=BALLOT_CLICK)
            self.result = ui.html().classes("cercle-card w-full")
        self.shown: str | None = None
        self.update()
        ctx.subscribe("phase", guard(self.area, self.update))
        ctx.subscribe(BALLOT, guard(self.area, self.update))
        ctx.subscribe(f"participant:{self.token}", guard(self.area, self.mark))

    @property
    def state(self) -> IdeasState:
        return self.ctx.state

    def update(self) -> None:
        state, ctx = self.state, self.ctx
        stage = state.stage
        self.head.set_content(head_html(state, ctx.lang))
        self.form.set_visibility(stage == "collect")
        self.ballot.set_visibility(stage == "vote")
        self.left.set_visibility(stage == "vote")
        self.result.set_visibility(stage == "closed")
        if stage == "vote":
            self.mark()
        elif stage == "closed":
            key = ("ideas-phone", ctx.room.code, ctx.item, ctx.lang, state.revision)
            self.result.set_content(memo(key, lambda: ranking_html(state, ctx.lang, size="phone", limit=5)))

    def mark(self) -> None:
        if self.state.stage != "vote":
            return
        html = ballot_html(self.state, self.token, self.ctx.lang)
        if html != self.shown:
            self.shown = html
            self.ballot.set_content(html)
            self.left.text = placed(self.state, self.token, self.ctx.lang)

    async def tap(self, e: Any) -> None:
        args = e.args if isinstance(e.args, list) else [e.args]
        if len(args) < 2:
            return
        target, delta = str(args[0]), args[1]
        if not isinstance(delta, int) or delta not in (-1, 1):
            return
        current = self.state.dots_of(self.token).get(target, 0)
        await self.ctx.act(rules.set_dots, target, max(0, current + delta))
        if not gone(self.area):
            self.mark()

    async def send(self) -> None:
        sent = self.text.value or ""
        screened = await self.ctx.screen(sent, limit=IDEA_MAX)
        events = await self.ctx.events_of(rules.add_idea, screened, item=self.ctx.item)
        if events is None:
            return
        clear_sent(self.text, sent)
        if not self.pending.note(events, "idea"):
            ui.notify(self.ctx.t("ideas.phone.sent"), type="positive", position="top")

    def rephrase(self, old: str) -> None:
        self.text.value = old
