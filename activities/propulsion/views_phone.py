"""The propulsion board on a phone: each proposal with "je soutiens" and "je veux contribuer",
an engagement's criteria to rate, and a form to propose a track. The list is one HTML element
whose buttons are read by the element: a tap redraws it on this phone only."""

from __future__ import annotations

from typing import Any

from nicegui import ui

from facilitation.ui.a11y import live
from facilitation.ui.common import clear_sent
from facilitation.ui.context import ViewContext, gone, guard
from facilitation.ui.markup import esc, heading_attributes
from facilitation.ui.pending import PendingTexts

from . import state as rules
from .display import PHONE_CLICK, phone_html
from .state import BOARD, ORGANISATION_MAX, PROPOSAL_MAX, PropulsionState


class PhoneView:
    def __init__(self, ctx: ViewContext[PropulsionState]) -> None:
        self.ctx = ctx
        self.token = ctx.token or ""
        self.unfolded: str | None = None  # the engagement whose criteria this phone is rating
        self.shown_html: str | None = None
        with ui.column().classes("w-full gap-3").props('data-testid="pr-phone"') as self.area:
            self.head = live(ui.html().classes("cercle-card w-full"))  # the stage, said when it changes
            self.list = ui.html().classes("w-full").on("click", self.tap, js_handler=PHONE_CLICK)
            with ui.column().classes("cercle-card w-full gap-2") as self.form:
                ui.label(ctx.t("propulsion.phone.propose")).classes("font-semibold")
                self.text = (
                    ui.textarea(ctx.t("propulsion.phone.track"))
                    .props(f'maxlength={PROPOSAL_MAX} counter autogrow outlined data-testid="pr-text"')
                    .classes("w-full")
                )
                self.organisation = (
                    ui.input(ctx.t("propulsion.phone.organisation"))
                    .props(f'maxlength={ORGANISATION_MAX} outlined data-testid="pr-organisation"')
                    .classes("w-full")
                )
                ui.button(ctx.t("propulsion.phone.send"), icon="send", on_click=self.send).props(
                    'outline no-caps data-testid="pr-send"'
                )
                self.pending = PendingTexts(ctx, self.rephrase)
        self.update()
        ctx.subscribe("phase", guard(self.area, self.update))
        ctx.subscribe(BOARD, guard(self.area, self.update))
        ctx.subscribe(f"participant:{self.token}", guard(self.area, self.mark))

    @property
    def state(self) -> PropulsionState:
        return self.ctx.state

    def update(self) -> None:
        state, ctx = self.state, self.ctx
        intro = ctx.text(state.settings.intro)
        self.head.set_content(
            f'<div class="text-xs uppercase cercle-muted" data-testid="pr-stage" {heading_attributes(3)}>'
            f"{esc(ctx.t(f'propulsion.stage.{state.stage}'))}</div>"
            f'<div class="text-sm">{esc(intro or ctx.t("propulsion.phone.hint"))}</div>'
        )
        self.form.set_visibility(state.settings.proposals and state.stage == "open")
        self.mark()

    def mark(self) -> None:
        html = phone_html(self.state, self.token, self.ctx.lang, self.unfolded)
        if html != self.shown_html:
            self.shown_html = html
            self.list.set_content(html)

    async def tap(self, e: Any) -> None:
        args = e.args if isinstance(e.args, list) else [e.args]
        if len(args) < 4:
            return
        what, proposal = str(args[0]), str(args[1])
        if what == "back":
            await self.ctx.act(rules.back, proposal, str(args[2]), bool(args[3]))
        elif what == "rate":
            self.unfolded = proposal
            await self.ctx.act(rules.rate, proposal, str(args[2]), str(args[3]))
        if not gone(self.area):
            self.mark()

    async def send(self) -> None:
        sent, typed = self.text.value or "", self.organisation.value or ""
        screened = await self.ctx.screen(sent, limit=PROPOSAL_MAX)
        name = typed.strip()
        organisation = await self.ctx.screen(name, "actor", limit=ORGANISATION_MAX) if name else None
        events = await self.ctx.events_of(rules.propose, screened, organisation, item=self.ctx.item)
        if events is None:
            return
        clear_sent(self.text, sent)
        clear_sent(self.organisation, typed)
        held = self.pending.note(events[:1], "proposal")
        held = self.pending.note(events[1:], "organisation") or held
        if not held:
            ui.notify(self.ctx.t("propulsion.phone.sent"), type="positive", position="top")

    def rephrase(self, old: str) -> None:
        self.text.value = old
