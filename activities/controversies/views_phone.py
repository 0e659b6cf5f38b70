"""The controversy map on a phone: one statement at a time, six answers, the previous and next
statements, and a form to propose a statement. The card is one HTML element whose buttons are
read by the element: a position redraws that element on this phone only; a phase change or a new
statement updates it in place."""

from __future__ import annotations

from typing import Any

from nicegui import ui

from facilitation.ui.a11y import live
from facilitation.ui.common import clear_sent
from facilitation.ui.context import ViewContext, gone, guard
from facilitation.ui.markup import esc
from facilitation.ui.pending import PendingTexts

from . import state as rules
from .display import CARD_CLICK, card_status, phone_card
from .settings import STATEMENT_MAX
from .state import STATEMENTS, ControversiesState


class PhoneView:
    def __init__(self, ctx: ViewContext[ControversiesState]) -> None:
        self.ctx = ctx
        self.token = ctx.token or ""
        self.index = 0
        self.shown_html: str | None = None
        with ui.column().classes("w-full gap-3").props('data-testid="cv-phone"') as self.area:
            self.head = live(ui.html().classes("cercle-card w-full"))  # the stage, said when it changes
            with ui.column().classes("cercle-card w-full gap-2") as self.card:
                self.card_html = ui.html().classes("w-full").on("click", self.tap, js_handler=CARD_CLICK)
                # The card is drawn again whole on a tap: the position recorded is a live region that stays.
                self.status = live(ui.label().classes("cv-confirm").props('data-testid="cv-confirm"'))
            with ui.column().classes("cercle-card w-full gap-2") as self.form:
                ui.label(ctx.t("controversies.phone.propose")).classes("font-semibold")
                self.text = (
                    ui.textarea(ctx.t("controversies.phone.statement"))
                    .props(f'maxlength={STATEMENT_MAX} counter autogrow outlined data-testid="cv-text"')
                    .classes("w-full")
                    .mark("cv-text")
                )
                ui.button(ctx.t("controversies.phone.send"), icon="send", on_click=self.send).props(
                    'outline no-caps data-testid="cv-send"'
                ).mark("cv-send")
                self.pending = PendingTexts(ctx, self.rephrase)
        self.update()
        ctx.subscribe("phase", guard(self.area, self.update))
        ctx.subscribe(STATEMENTS, guard(self.area, self.update))
        ctx.subscribe(f"participant:{self.token}", guard(self.area, self.mark))

    @property
    def state(self) -> ControversiesState:
        return self.ctx.state

    def update(self) -> None:
        state, ctx = self.state, self.ctx
        self.head.set_content(
            f'<div class="text-xs uppercase cercle-muted" data-testid="cv-stage">'
            f"{esc(ctx.t(f'controversies.stage.{state.stage}'))}</div>"
            f'<div class="text-sm">{esc(ctx.t(f"controversies.phone.{state.stage}"))}</div>'
        )
        self.card.set_visibility(state.stage != "ready" and bool(state.shown()))
        self.form.set_visibility(state.settings.proposals and state.stage != "closed")
        self.mark()

    def mark(self) -> None:
        html = phone_card(self.state, self.token, self.index, self.ctx.lang)
        if html != self.shown_html:
            self.shown_html = html
            self.card_html.set_content(html)
            self.status.text = card_status(self.state, self.token, self.index, self.ctx.lang)

    async def tap(self, e: Any) -> None:
        args = e.args if isinstance(e.args, list) else [e.args]
        if len(args) < 3:
            return
        what, value, statement = str(args[0]), str(args[1]), str(args[2])
        shown = [s.id for s in self.state.shown()]
        if what == "nav" and value in ("-1", "1"):
            self.index = max(0, min(len(shown) - 1, self.index + int(value)))
        elif what == "pos" and statement in shown:
            self.index = shown.index(statement)
            await self.ctx.act(rules.take_position, statement, value)
        if not gone(self.area):
            self.mark()

    async def send(self) -> None:
        sent = self.text.value or ""
        screened = await self.ctx.screen(sent, limit=STATEMENT_MAX)
        events = await self.ctx.events_of(rules.propose, screened, item=self.ctx.item)
        if events is None:
            return
        clear_sent(self.text, sent)
        if not self.pending.note(events, "proposal"):
            ui.notify(self.ctx.t("controversies.phone.sent"), type="positive", position="top")

    def rephrase(self, old: str) -> None:
        self.text.value = old
