"""The controversy map's console: the stage, the statements (add, hide), the phones' proposals
(add to the map, hide) and the map as the screen shows it."""

from __future__ import annotations

from nicegui import ui

from facilitation.moderation import flag_text
from facilitation.ui.a11y import heading
from facilitation.ui.context import ViewContext, guard
from facilitation.ui.text_input import TextInput
from facilitation.ui.translate import Translator, one

from . import state as rules
from .display import map_html
from .map import build_map
from .settings import STATEMENT_MAX
from .state import PROPOSALS, STATEMENTS, TALLY, ControversiesState

BUTTONS = {"open": ("ready", "open"), "close": ("open", "closed"), "reopen": ("closed", "open")}


class ConsoleView:
    def __init__(self, ctx: ViewContext[ControversiesState]) -> None:
        self.ctx = ctx
        with ui.column().classes("w-full gap-4").props('data-testid="cv-console"') as self.root:
            self.translator = Translator.of(ctx)
            if self.state.error:
                ui.label(ctx.t("controversies.console.settings_error", details=self.state.error)).classes(
                    "cercle-notice cercle-notice-error"
                )
            with ui.column().classes("cercle-card w-full gap-2"):
                self.kicker = heading(
                    ui.label().classes("text-sm font-bold").props('data-testid="cv-console-stage"'), 3
                )
                with ui.row().classes("gap-2"):
                    self.buttons = {name: self.stage_button(name) for name in BUTTONS}
                self.answered = ui.label().classes("text-sm cercle-muted")
            with ui.row().classes("w-full gap-4 items-start no-wrap max-md:flex-wrap"):
                with ui.column().classes("cercle-card flex-[2] gap-2 min-w-0"):
                    heading(ui.label(ctx.t("controversies.console.statements")).classes("cercle-h2"), 3)
                    self.statements = ui.column().classes("w-full gap-1")
                    with ui.row().classes("w-full items-end gap-2 no-wrap"):
                        with ui.column().classes("flex-1 gap-0 min-w-0"):
                            self.new = TextInput(
                                ctx.t("controversies.console.new"),
                                "",
                                ctx.lang,
                                max_length=STATEMENT_MAX,
                                testid="cv-new",
                            )
                        ui.button(ctx.t("controversies.console.add"), on_click=self.add).props(
                            'no-caps data-testid="cv-add"'
                        )
                    ui.label(ctx.t("controversies.console.proposals")).classes("font-semibold")
                    self.proposals = ui.column().classes("w-full gap-1")
                with ui.column().classes("cercle-card flex-[3] gap-2 min-w-0"):
                    heading(ui.label(ctx.t("controversies.console.map")).classes("cercle-h2"), 3)
                    self.map = ui.html().classes("w-full")
        self.refresh()
        for topic, callback in (
            ("phase", self.refresh),
            (STATEMENTS, self.refresh),
            (PROPOSALS, self.draw_proposals),
            (TALLY, self.draw_map),
        ):
            ctx.subscribe(topic, guard(self.root, callback))

    @property
    def state(self) -> ControversiesState:
        return self.ctx.state

    def stage_button(self, name: str) -> ui.button:
        shown, to = BUTTONS[name]

        async def click() -> None:
            await self.ctx.act(rules.set_stage, to, shown)

        return ui.button(self.ctx.t(f"controversies.console.{name}"), on_click=click).props(
            f'no-caps color=primary data-testid="cv-{name}"'
        )

    def refresh(self) -> None:
        stage = self.state.stage
        self.kicker.text = self.ctx.t(f"controversies.stage.{stage}")
        for name, button in self.buttons.items():
            button.set_visibility(BUTTONS[name][0] == stage)
        self.draw_statements()
        self.draw_proposals()
        self.draw_map()

    def draw_statements(self) -> None:
        self.statements.clear()
        with self.statements:
            for n, statement in enumerate(self.state.shown(), start=1):
                with ui.row().classes("w-full items-start gap-2 no-wrap"):
                    ui.label(f"{n}. {self.ctx.text(statement.words)}").classes("text-sm flex-1")

                    async def translate(en: str, statement_id: str = statement.id) -> bool:
                        return await self.ctx.act(rules.translate_statement, statement_id, en)

                    self.translator.button(statement, one(translate), f"cv-translate-{statement.id}")

                    async def hide(statement_id: str = statement.id) -> None:
                        await self.ctx.moderate(statement_id, hide=True)

                    ui.button(self.ctx.t("controversies.console.hide"), on_click=hide).props(
                        "flat dense no-caps color=negative"
                    )

    def draw_proposals(self) -> None:
        self.proposals.clear()
        with self.proposals:
            waiting = self.state.waiting()
            if not waiting:
                ui.label(self.ctx.t("controversies.console.no_proposal")).classes("text-sm cercle-muted")
            for proposal in waiting:
                with ui.row().classes("w-full items-start gap-2 no-wrap"):
                    ui.label(proposal.text).classes("text-sm flex-1")
                    flags = flag_text(proposal.spans, self.ctx.lang)
                    if flags:  # approved as it is, though the detector found something
                        ui.label(flags).classes("text-xs font-semibold text-negative").props(
                            f'data-testid="cv-flag-{proposal.id}"'
                        )

                    async def accept(proposal_id: str = proposal.id) -> None:
                        await self.ctx.act(rules.accept_proposal, proposal_id)

                    async def hide(proposal_id: str = proposal.id) -> None:
                        await self.ctx.moderate(proposal_id, hide=True)

                    ui.button(self.ctx.t("controversies.console.accept"), on_click=accept).props(
                        f'dense no-caps color=primary data-testid="cv-accept-{proposal.id}"'
                    )
                    ui.button(self.ctx.t("controversies.console.hide"), on_click=hide).props(
                        "flat dense no-caps color=negative"
                    )

    def draw_map(self) -> None:
        maps = build_map(self.state, self.ctx.session)
        people = len({t for answers in self.state.positions.values() for t in answers})
        self.answered.text = self.ctx.tn("controversies.console.answered", people)
        self.map.set_content(map_html(maps, self.ctx.lang, size="console", limit=30))

    async def add(self) -> None:
        typed = self.new.value
        if await self.ctx.act(rules.add_statement, typed.fr, typed.en):
            self.new.clear()
