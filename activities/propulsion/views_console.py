"""The propulsion board's console: what the workshops offer (to promote), the proposals (class,
next step and horizon, organisations, the DITP's checklist for engagements) and the board as the
screen shows it. A proposal's card is built once and updated in place: what the facilitator is
typing is never wiped by a phone's "je soutiens"."""

from __future__ import annotations

from nicegui import ui

from facilitation.moderation import Screened
from facilitation.ui.a11y import heading
from facilitation.ui.context import ViewContext, guard
from facilitation.ui.translate import Translator, one

from . import state as rules
from .board import Entry, build_board
from .display import board_html, contributors_text, ratings_text, support_text
from .model import Proposal
from .settings import CRITERIA
from .sources import workshops
from .state import BOARD, ORGANISATION_MAX, PROPOSAL_MAX, STEP_MAX, TALLY, PropulsionState

OFFERS_SHOWN = 8


class Card:
    """One proposal on the console."""

    def __init__(self, view: ConsoleView, proposal: Proposal) -> None:
        self.view, self.id = view, proposal.id
        t = view.ctx.t
        with (
            ui.column()
            .classes("cercle-card w-full gap-1")
            .props(f'data-testid="pr-card-{proposal.id}"') as self.box
        ):
            self.text = ui.label().classes("font-bold")
            self.origin = ui.label().classes("text-xs cercle-muted")
            with ui.row().classes("w-full items-center gap-2"):
                self.klass = (
                    ui.select(
                        {k: t(f"propulsion.klass.{k}") for k in ("unclassed", *rules.KLASSES)},
                        value=proposal.klass or "unclassed",
                        label=t("propulsion.console.class"),
                        on_change=self.classify,
                    )
                    .props(f'dense outlined data-testid="pr-class-{proposal.id}"')
                    .classes("w-44")
                )
                self.parent = (
                    ui.select({}, label=t("propulsion.console.parent"), on_change=self.classify)
                    .props(f'dense outlined data-testid="pr-parent-{proposal.id}"')
                    .classes("w-64")
                )
                self.english = view.translator.button(
                    lambda: view.state.proposal(self.id), one(self.translate), f"pr-translate-{proposal.id}"
                )
                ui.button(t("propulsion.console.hide"), on_click=self.hide).props(
                    "flat dense no-caps color=negative"
                )
            with ui.row().classes("w-full items-center gap-2"):
                self.step = (
                    ui.input(t("propulsion.console.next_step"))
                    .props(f'dense outlined maxlength={STEP_MAX} data-testid="pr-step-{proposal.id}"')
                    .classes("flex-1")
                )
                self.horizon = (
                    ui.input(t("propulsion.console.horizon"), placeholder="2026-06")
                    .props(f'dense outlined maxlength=10 data-testid="pr-horizon-{proposal.id}"')
                    .classes("w-36")
                )
                ui.button(t("propulsion.console.save"), on_click=self.save_step).props(
                    f'dense no-caps outline data-testid="pr-save-{proposal.id}"'
                )
            with ui.row().classes("w-full items-center gap-2"):
                self.organisations = ui.label().classes("text-sm flex-1")
                self.organisation = (
                    ui.input(t("propulsion.console.organisation"))
                    .props(f'dense outlined maxlength={ORGANISATION_MAX} data-testid="pr-org-{proposal.id}"')
                    .classes("w-64")
                )
                ui.button(t("propulsion.console.add_organisation"), on_click=self.add_organisation).props(
                    f'dense no-caps outline data-testid="pr-add-org-{proposal.id}"'
                )
            with ui.row().classes("w-full gap-x-3 gap-y-0") as self.checklist:
                self.criteria = {
                    c: ui.checkbox(
                        t(f"propulsion.criterion.{c}"), on_change=lambda e, c=c: self.check(c, bool(e.value))
                    ).props(f'dense data-testid="pr-crit-{proposal.id}-{c}"')
                    for c in CRITERIA
                }
            self.summary = ui.label().classes("text-sm").props(f'data-testid="pr-summary-{proposal.id}"')
        step = proposal.next_step
        self.step.value, self.horizon.value = (step.text, step.horizon) if step else ("", "")
        self.updating = False

    def update(self, proposal: Proposal, entry: Entry | None, engagements: list[Proposal]) -> None:
        self.updating = True
        t = self.view.ctx.t
        lang = self.view.ctx.lang
        self.text.text = proposal.words.get(lang)
        self.english.text = self.view.translator.label(proposal)
        self.origin.text = proposal.origin_in(lang) or t(f"propulsion.by.{proposal.by}")
        self.klass.value = proposal.klass or "unclassed"
        options = {e.id: e.words.get(lang)[:60] for e in engagements if e.id != proposal.id}
        if options != self.parent.options or self.parent.value != proposal.parent:
            self.parent.set_options(options, value=proposal.parent if proposal.parent in options else None)
        self.parent.set_visibility(proposal.klass == "action")
        names = [
            o.name + (f" ({t('propulsion.console.held')})" if o.held else "")
            for o in proposal.organisations
            if not o.hidden
        ]
        self.organisations.text = t("propulsion.carried_by", names=", ".join(names)) if names else ""
        self.checklist.set_visibility(proposal.klass == "engagement")
        for c, box in self.criteria.items():
            box.value = c in proposal.criteria
        parts = [support_text(entry, self.view.ctx.lang)] if entry else []
        if entry is not None:
            parts += [contributors_text(entry, self.view.ctx.lang), ratings_text(entry, self.view.ctx.lang)]
        self.summary.text = " · ".join(p for p in parts if p)
        self.updating = False

    async def classify(self) -> None:
        if self.updating:
            return
        klass = None if self.klass.value == "unclassed" else self.klass.value
        if klass == "action" and not self.parent.value:
            self.parent.set_visibility(True)
            return  # wait for the engagement to attach it to
        if not await self.view.ctx.act(rules.classify, self.id, klass, self.parent.value):
            self.view.refresh()

    async def save_step(self) -> None:
        if await self.view.ctx.act(
            rules.set_next_step, self.id, self.step.value or "", self.horizon.value or ""
        ):
            ui.notify(self.view.ctx.t("propulsion.console.saved"), type="positive", position="top")

    async def add_organisation(self) -> None:
        screened = await self.view.ctx.screen(self.organisation.value or "", "actor", limit=ORGANISATION_MAX)
        if await self.view.ctx.act(rules.add_organisation, self.id, screened):
            self.organisation.value = ""

    async def check(self, criterion: str, checked: bool) -> None:
        if not self.updating:
            await self.view.ctx.act(rules.check_criterion, self.id, criterion, checked)

    async def hide(self) -> None:
        await self.view.ctx.moderate(self.id, hide=True)

    async def translate(self, en: str) -> bool:
        return await self.view.ctx.act(rules.translate_proposal, self.id, en)


class ConsoleView:
    def __init__(self, ctx: ViewContext[PropulsionState]) -> None:
        self.ctx = ctx
        self.cards: dict[str, Card] = {}
        with ui.column().classes("w-full gap-4").props('data-testid="pr-console"') as self.root:
            self.translator = Translator.of(ctx)
            if self.state.error:
                ui.label(ctx.t("propulsion.console.settings_error", details=self.state.error)).classes(
                    "cercle-notice cercle-notice-error"
                )
            with ui.row().classes("w-full items-center gap-2"):
                self.kicker = heading(
                    ui.label().classes("text-sm font-bold").props('data-testid="pr-console-stage"'), 3
                )
                self.close = ui.button(ctx.t("propulsion.console.close"), on_click=self.toggle).props(
                    'no-caps color=primary data-testid="pr-close"'
                )
            with ui.row().classes("w-full gap-4 items-start no-wrap max-md:flex-wrap"):
                with ui.column().classes("flex-[3] gap-2 min-w-0"):
                    with ui.column().classes("cercle-card w-full gap-1"):
                        heading(ui.label(ctx.t("propulsion.console.sources")).classes("cercle-h2"), 3)
                        self.sources = ui.column().classes("w-full gap-1")
                    with ui.row().classes("w-full items-center gap-2"):
                        self.new = (
                            ui.input(ctx.t("propulsion.console.new"))
                            .props(f'dense outlined maxlength={PROPOSAL_MAX} data-testid="pr-new"')
                            .classes("flex-1")
                        )
                        ui.button(ctx.t("propulsion.console.add"), on_click=self.add).props(
                            'no-caps data-testid="pr-add"'
                        )
                    self.list = ui.column().classes("w-full gap-2")
                with ui.column().classes("cercle-card flex-[2] gap-2 min-w-0"):
                    heading(ui.label(ctx.t("propulsion.console.board")).classes("cercle-h2"), 3)
                    self.board = ui.html().classes("w-full")
        self.refresh()
        for topic in ("phase", BOARD, TALLY):
            ctx.subscribe(topic, guard(self.root, self.refresh))

    @property
    def state(self) -> PropulsionState:
        return self.ctx.state

    def refresh(self) -> None:
        state, ctx = self.state, self.ctx
        self.kicker.text = ctx.t(f"propulsion.stage.{state.stage}")
        self.close.text = ctx.t(
            "propulsion.console.close" if state.stage == "open" else "propulsion.console.reopen"
        )
        board = build_board(state, ctx.session)
        entries = {e.proposal.id: e for e in board.entries()}
        shown = state.shown()
        for gone_id in [pid for pid in self.cards if pid not in {p.id for p in shown}]:
            self.cards.pop(gone_id).box.delete()
        engagements = state.engagements()
        for proposal in shown:
            card = self.cards.get(proposal.id)
            if card is None:
                with self.list:
                    card = self.cards[proposal.id] = Card(self, proposal)
            card.update(proposal, entries.get(proposal.id), engagements)
        self.board.set_content(board_html(board, ctx.lang, size="console"))
        self.draw_sources()

    def draw_sources(self) -> None:
        """What the workshops offer, built when the offers change and otherwise updated in place
        (a promotion only marks its button: the next click lands on the button it aimed at)."""
        promoted = self.state.promoted()
        found = workshops(self.ctx.session, self.ctx.lang)
        shape = tuple((w.item, tuple(o.key for o in w.offers[:OFFERS_SHOWN])) for w in found)
        if getattr(self, "sources_shape", None) != shape:
            self.sources_shape = shape
            self.promote_buttons: dict[str, ui.button] = {}
            self.sources.clear()
            with self.sources:
                if not found:
                    ui.label(self.ctx.t("propulsion.console.no_sources")).classes("text-sm cercle-muted")
                for workshop in found:
                    ui.label(workshop.title).classes("font-semibold text-sm")
                    for offer in workshop.offers[:OFFERS_SHOWN]:
                        with ui.row().classes("w-full items-center gap-2 no-wrap"):
                            ui.label(offer.text).classes("text-sm flex-1 min-w-0")
                            ui.label(offer.origin).classes("text-xs cercle-muted")

                            async def promote(key: str = offer.key) -> None:
                                await self.ctx.act(rules.promote, key)

                            self.promote_buttons[offer.key] = ui.button(on_click=promote).props(
                                f'dense no-caps outline data-testid="pr-promote-{offer.key.replace(":", "-")}"'
                            )
        for key, button in self.promote_buttons.items():
            done = key in promoted
            button.text = self.ctx.t("propulsion.console.promoted" if done else "propulsion.console.promote")
            button.set_enabled(not done)

    async def add(self) -> None:
        if await self.ctx.act(rules.propose, Screened.unchecked(self.new.value or "")):
            self.new.value = ""

    async def toggle(self) -> None:
        stage = self.state.stage
        await self.ctx.act(rules.set_stage, "closed" if stage == "open" else "open", stage)
