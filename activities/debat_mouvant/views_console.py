"""The débat mouvant's console: statements, round controls, live counts with head counts, arguments."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nicegui import ui

from facilitation.disclosure import MARK
from facilitation.i18n import fmt_percent
from facilitation.moderation import Screened
from facilitation.ui.a11y import heading
from facilitation.ui.context import ViewContext, guard
from facilitation.ui.text_input import TextInput
from facilitation.ui.translate import Translator

from . import state as rules
from .display import colour
from .model import Argument
from .state import ARGUMENT_MAX, ARGUMENTS, CONTROL, HEAD_COUNT_MAX, DebatState, Run
from .tally import movement_sentence, short_label
from .views_common import side_names, voted_text

Row = tuple[str, str, bool, bool, str]  # an argument as drawn: id, text, held, hidden, by
DrawnArguments = tuple[tuple[int, str, str], dict[str, ui.column], dict[str, list[Row]]]


class ConsoleView:
    """Statements and their state, round controls, live counts with head counts, arguments."""

    def __init__(self, ctx: ViewContext[DebatState]) -> None:
        self.ctx = ctx
        self.cells: dict[tuple[int, str], tuple[ui.label, ui.label, ui.label, ui.label]] = {}
        self.voted: dict[int, ui.label] = {}
        self.rows: list[tuple[ui.row, ui.label, ui.button]] = []
        with ui.column().classes("w-full gap-4").props('data-testid="dm-console"') as self.root:
            self.translator = Translator.of(ctx)  # a statement's English, given while it runs
            if self.state.error:
                ui.label(
                    self.ctx.t("debat_mouvant.console.settings_error", details=self.state.error)
                ).classes("cercle-notice cercle-notice-error")
            with ui.row().classes("w-full gap-4 items-start no-wrap max-md:flex-wrap"):
                self.current = ui.column().classes("cercle-card flex-[3] gap-3 min-w-0")
                self.shown: int | None = None
                self.build_current()
                with ui.column().classes("cercle-card flex-[2] gap-1 min-w-0"):
                    ui.label(self.ctx.t("debat_mouvant.console.statements")).classes("cercle-h2")
                    self.list = ui.column().classes("w-full gap-1")
                    self.new_statement_form()
            with ui.column().classes("cercle-card gap-2"):
                ui.label(self.ctx.t("debat_mouvant.console.arguments_title")).classes("cercle-h2")
                self.args = ui.row().classes("w-full gap-4 items-start no-wrap")
                # what the arguments' columns show: (statement, sides' names), columns, rows by side
                self.drawn_arguments: DrawnArguments | None = None
                self.argument_form()
        self.draw()
        for topic in ("phase", CONTROL):
            ctx.subscribe(topic, guard(self.root, self.draw))
        ctx.subscribe("tally", guard(self.root, self.on_tally))
        ctx.subscribe(ARGUMENTS, guard(self.root, self.draw_arguments))

    @property
    def state(self) -> DebatState:
        return self.ctx.state

    def t(self, key: str, **params: Any) -> str:
        return self.ctx.t(f"debat_mouvant.{key}", **params)

    def draw(self) -> None:
        self.draw_list()
        self.draw_current()
        self.draw_arguments()

    def draw_list(self) -> None:
        """The statements: a row each, built when a statement is added, then updated in place."""
        state = self.state
        if len(self.rows) != len(state.runs):
            self.list.clear()
            with self.list:
                self.rows = [self.statement_row(index) for index in range(len(state.runs))]
        busy = state.run is not None and state.run.open
        for index, (row, detail, present) in enumerate(self.rows):
            current = index == state.current
            run = state.runs[index]
            row.classes(remove="current", add="current" if current else "")
            detail.text = self.t(f"stage.{run.stage}") + (
                f" · {self.t('console.current')}" if current else ""
            )
            present.set_visibility(not current)
            present.set_enabled(not busy)

    def statement_row(self, index: int) -> tuple[ui.row, ui.label, ui.button]:
        run = self.state.runs[index]
        with ui.row().classes("cercle-agenda-item items-center justify-between no-wrap") as row:
            with ui.column().classes("gap-0 min-w-0 flex-1"):
                ui.label(f"{index + 1}. {self.ctx.text(run.statement.prompt)}").classes(
                    "text-sm font-semibold"
                )
                if run.statement.form == "dilemma":
                    ui.label(f"A — {self.ctx.text(run.statement.a)}").classes(
                        "text-xs cercle-muted truncate w-full"
                    )
                    ui.label(f"B — {self.ctx.text(run.statement.b)}").classes(
                        "text-xs cercle-muted truncate w-full"
                    )
                detail = ui.label().classes("text-xs font-bold").props(f'data-testid="dm-state-{index}"')

            async def present() -> None:
                await self.ctx.act(rules.select_statement, index)

            button = ui.button(self.t("console.present"), on_click=present).props("flat dense no-caps")
        return row, detail, button

    def build_current(self) -> None:
        """The current statement's card: its heading and controls are built once and updated in
        place (a button is never replaced under a click on its way); the counts are redrawn."""
        with self.current:
            self.empty = ui.label(self.t("no_statement")).classes("cercle-muted")
            # where the focus goes when a stage's button disappears under it
            self.kicker = heading(ui.label().classes("dm-kicker text-sm"), 3).props('data-testid="dm-stage"')
            self.prompt = ui.label().classes("cercle-h2")
            with ui.row().classes("gap-2"):
                self.buttons = {
                    "open1": self.control("open1", lambda i, run: self.act(rules.open_round, i, 1)),
                    "close": self.control("close", lambda i, run: self.act(rules.close_round, i)),
                    "arguments": self.control("arguments", lambda i, run: self.act(rules.open_arguments, i)),
                    "open2": self.control("open2", lambda i, run: self.act(rules.open_round, i, 2)),
                    "reveal": self.control("reveal", lambda i, run: self.act(rules.reveal, i, run.round)),
                }
                self.revealed = ui.label(self.t("console.revealed")).classes(
                    "self-center text-sm cercle-muted"
                )
                self.reset = ui.button(self.t("console.reset"), on_click=self.confirm_reset_current).props(
                    "flat no-caps color=negative"
                )
            self.hide = ui.switch(self.t("console.hide"), on_change=self.hide_changed)
            self.details = ui.column().classes("w-full gap-3")

    def control(self, key: str, action: Callable[[int, Run], Any]) -> ui.button:
        """A stage button; it acts on the statement shown when it was clicked."""

        async def click() -> None:
            index, run = self.shown, self.state.run
            if index is None or run is None:
                return
            await action(index, run)

        return ui.button(self.t(f"console.{key}"), on_click=click).props(f'no-caps data-testid="dm-{key}"')

    async def hide_changed(self, e: Any) -> None:
        run = self.state.run
        if self.shown is not None and run is not None and bool(e.value) != run.hide_results:
            await self.act(rules.set_hide_results, self.shown, bool(e.value))

    def confirm_reset_current(self) -> None:
        if self.shown is not None:
            self.confirm_reset(self.shown)

    def draw_current(self) -> None:
        state, run = self.state, self.state.run
        self.shown = state.current if run is not None else None
        for element in (self.kicker, self.prompt, self.hide):
            element.set_visibility(run is not None)
        self.empty.set_visibility(run is None)
        self.update_controls(run)
        self.details.clear()
        self.cells, self.voted = {}, {}
        if run is None:
            return
        index = state.current
        self.kicker.text = f"{self.t('statement', n=index + 1)} · {self.t(f'stage.{run.stage}')}"
        self.prompt.text = self.ctx.text(run.statement.prompt)
        self.hide.value = run.hide_results
        with self.details:
            for round_ in (1, 2):
                if run.round >= round_:
                    self.counts_table(run, index, round_)
            if run.round >= 2:
                m = run.movement()
                ui.label(movement_sentence(run.statement, m, self.ctx.lang)).classes("font-bold").props(
                    'data-testid="dm-sentence"'
                )
            self.english(run, index)
        self.on_tally()

    def english(self, run: Run, index: int) -> None:
        """The "EN" button of the current statement: its prompt and, for a dilemma, its choices."""
        s = run.statement
        texts = [s.prompt.live(), *((s.a.live(), s.b.live()) if s.form == "dilemma" else ())]

        async def save(english: list[str]) -> bool:
            prompt, a, b = (english + ["", ""])[:3]
            return await self.ctx.act(rules.translate_statement, index, prompt, a, b)

        self.translator.button(texts, save, "dm-translate")

    def update_controls(self, run: Run | None) -> None:
        """Which controls the stage offers, and which one is the next step (filled)."""
        stage = run.stage if run is not None else ""
        offered: dict[str, bool] = {
            "ready": {"open1": True},
            "round1": {"close": True},
            "round2": {"close": True},
            "closed1": {"arguments": True, "open2": False},
            "arguments": {"open2": True},
        }.get(stage, {})
        revealable = run is not None and run.closed(run.round)
        revealed = run is not None and revealable and run.round in run.revealed
        if revealable and not revealed and not self.ctx.session.remote.remote_only:  # phones show it there
            offered = {**offered, "reveal": stage == "done"}
        for key, button in self.buttons.items():
            button.set_visibility(key in offered)
            button.props(remove="color=primary outline")
            button.props("color=primary" if offered.get(key) else "outline")
        self.revealed.set_visibility(revealed)
        self.reset.set_visibility(run is not None and (run.round > 0 or any(run.heads.values())))

    def counts_table(self, run: Run, index: int, round_: int) -> None:
        """Counts by position; a fully remote forum has no room, so no room or head-count column."""
        ui.label(self.t(f"round.{round_}")).classes("font-bold")
        no_room = self.ctx.session.remote.remote_only
        headers = (
            [self.t("position"), self.t("remote"), "Total", "%"]
            if no_room
            else [self.t("position"), self.t("room"), self.t("remote"), self.t("heads"), "Total", "%"]
        )
        with ui.grid(columns=f"minmax(0,3fr) repeat({len(headers) - 1}, minmax(0,1fr))").classes(
            "w-full items-center gap-x-3 gap-y-1"
        ):
            for header in headers:
                ui.label(header).classes("text-xs cercle-muted")
            for position in run.statement.positions():
                ui.label(short_label(run.statement, position, self.ctx.lang)).classes("font-semibold").style(
                    f"color:{colour(run.statement, position)}"
                )
                room = ui.label().classes("hidden") if no_room else ui.label()
                remote = ui.label()
                if not no_room:
                    number = (
                        ui.number(
                            value=run.heads[round_].get(position, 0),
                            min=0,
                            max=HEAD_COUNT_MAX,
                            step=1,
                            format="%d",
                        )
                        .props(f'dense outlined data-testid="dm-heads-{round_}-{position}"')
                        .classes("w-20")
                        .mark(f"dm-heads-{round_}-{position}")
                    )

                    async def save(_: Any = None, p: str = position, field: ui.number = number) -> None:
                        value = int(field.value or 0) if field.value is not None else 0
                        await self.act(rules.set_head_count, index, round_, p, value)

                    # named for screen readers by its column and its row: "À main levée – A"
                    number.props["aria-label"] = (
                        f"{self.t('heads')} – {short_label(run.statement, position, self.ctx.lang)}"
                    )
                    number.on("blur", save)
                    number.on("keydown.enter", save)
                total, pct = ui.label().classes("font-bold"), ui.label()
                self.cells[(round_, position)] = (room, remote, total, pct)
        self.voted[round_] = ui.label().classes("text-sm").props(f'data-testid="dm-voted-{round_}"')

    def on_tally(self) -> None:
        run = self.state.run
        if run is None:
            return
        for round_ in (1, 2):
            if round_ not in self.voted or run.round < round_:
                continue
            d = run.distribution(round_)
            for c in d.counts:
                cells = self.cells.get((round_, c.position))
                if cells is None:
                    continue
                room, remote_label, total, pct = cells
                room.text, remote_label.text = (_mark(c.shown(mode)) for mode in ("room", "remote"))
                total.text = _mark(c.shown_total)
                pct.text = fmt_percent(d.percent(c.position) / 100, self.ctx.lang)
            self.voted[round_].text = voted_text(self.ctx, run, round_)

    def draw_arguments(self) -> None:
        """The arguments by side. New arguments are appended to their side; a side is drawn again
        only when one of its arguments changed (held, approved, hidden, corrected)."""
        run = self.state.run
        if run is None:
            self.args.clear()
            self.drawn_arguments = None
            return
        names = side_names(run.statement, self.ctx)
        key = (id(run), names["a"], names["b"])
        if self.drawn_arguments is None or self.drawn_arguments[0] != key:
            self.args.clear()
            with self.args:
                columns = {side: ui.column().classes("flex-1 gap-1 min-w-0") for side in ("a", "b")}
            self.drawn_arguments = (key, columns, {"a": [], "b": []})
        _, columns, drawn = self.drawn_arguments
        for side in ("a", "b"):
            arguments = [a for a in run.arguments if a.side == side]
            wanted: list[Row] = [(a.id, a.text, a.held, a.hidden, str(a.by)) for a in arguments]
            if wanted[: len(drawn[side])] != drawn[side] or not wanted:
                columns[side].clear()
                drawn[side] = []
                with columns[side]:
                    ui.label(names[side]).classes("font-bold").style(f"color:{colour(run.statement, side)}")
                    if not arguments:
                        ui.label(self.t("console.no_arguments")).classes("text-sm cercle-muted")
            elif not drawn[side]:  # the side's "no argument yet" goes with its first argument
                columns[side].clear()
                with columns[side]:
                    ui.label(names[side]).classes("font-bold").style(f"color:{colour(run.statement, side)}")
            with columns[side]:
                for a in arguments[len(drawn[side]) :]:
                    self.argument_row(a)
            drawn[side] = wanted

    def argument_row(self, a: Argument) -> None:
        with ui.row().classes("w-full items-center no-wrap gap-1").props(f'data-testid="dm-arg-{a.id}"'):
            extra = f" ({self.t('console.by_facilitator')})" if a.by == "facilitator" else ""
            waiting = a.held and not a.hidden
            if waiting:
                extra += f" — {self.ctx.t('pending.title').lower()}"
            ui.label(a.text + extra).classes(
                "text-sm flex-1" + (" dm-arg-hidden" if a.hidden else " dm-arg-held" if waiting else "")
            )
            if waiting:
                ui.button(
                    self.ctx.t("queue.approve"),
                    on_click=lambda i=a.id: self.ctx.moderate(i, approve=True),
                ).props("flat dense no-caps color=positive").mark(f"dm-approve-{a.id}")
            ui.button(
                self.t("console.show_argument" if a.hidden else "console.hide_argument"),
                on_click=lambda i=a.id, h=not a.hidden: self.moderate(i, hide=h),
            ).props("flat dense no-caps").mark(f"dm-hide-{a.id}")
            ui.button(icon="edit", on_click=lambda i=a.id, x=a.text: self.correct(i, x)).props(
                f'flat dense round aria-label="{self.t("console.correct")}"'
            )

    def argument_form(self) -> None:
        with ui.row().classes("w-full items-end no-wrap gap-2"):
            side = ui.toggle({"a": "A", "b": "B"}, value="a").props("no-caps")
            text = (
                ui.input(self.t("argument"))
                .props(f"maxlength={ARGUMENT_MAX} dense outlined")
                .classes("flex-1")
            )

            async def add() -> None:
                if await self.act(
                    rules.add_argument,
                    self.state.current,
                    side.value or "a",
                    Screened.unchecked(text.value or ""),
                ):
                    text.value = ""

            text.on("keydown.enter", add)
            ui.button(icon="add", on_click=add).props(f'round color=primary aria-label="{self.t("send")}"')

    def new_statement_form(self) -> None:
        with ui.expansion(self.t("console.new"), icon="add").classes("w-full"):
            form = ui.radio(
                {"dilemma": self.t("console.dilemma"), "scale": self.t("console.scale")}, value="dilemma"
            ).props("inline")
            # each text with its English under it (left empty: the same text in both languages)
            prompt = TextInput(self.t("console.prompt"), "", self.ctx.lang, multiline=True)
            a = TextInput(self.t("console.a"), "", self.ctx.lang)
            b = TextInput(self.t("console.b"), "", self.ctx.lang)
            for field, mark in ((prompt, "dm-new-prompt"), (a, "dm-new-a"), (b, "dm-new-b")):
                field.fr.props("outlined dense").mark(mark)
                field.en.mark(f"{mark}-en")
            hesitant = ui.checkbox(self.t("console.with_hesitant"), value=True)

            def show_dilemma_fields(value: str) -> None:
                for element in (a.fr, a.en, b.fr, b.en, hesitant):
                    element.set_visibility(value == "dilemma")

            show_dilemma_fields(form.value)
            form.on_value_change(lambda e: show_dilemma_fields(e.value))

            async def add() -> None:
                raw: dict[str, Any] = {"form": form.value, "prompt": prompt.data()}
                if form.value == "dilemma":
                    raw.update(a=a.data(), b=b.data(), hesitant=bool(hesitant.value))
                if await self.act(rules.add_statement, raw):
                    for field in (prompt, a, b):
                        field.clear()

            ui.button(self.t("console.add"), icon="campaign", on_click=add).props(
                "color=primary no-caps"
            ).mark("dm-new-add")

    async def act(self, command: Callable[..., Any], *args: Any, **kwargs: Any) -> bool:
        return await self.ctx.act(command, *args, **kwargs)

    async def moderate(self, text_id: str, *, hide: bool | None = None, text: str | None = None) -> None:
        await self.ctx.moderate(text_id, hide=hide, text=text)

    def correct(self, text_id: str, current: str) -> None:
        with ui.dialog() as dialog, ui.card().classes("w-[32rem]"):
            field = (
                ui.textarea(self.t("argument"), value=current)
                .props(f"maxlength={ARGUMENT_MAX} counter autogrow outlined")
                .classes("w-full")
            )
            with ui.row():
                ui.button(self.ctx.t("console.cancel"), on_click=dialog.close).props("flat")

                async def save() -> None:
                    await self.moderate(text_id, text=field.value or "")
                    dialog.close()

                ui.button(self.t("console.save"), on_click=save).props("color=primary")
        dialog.open()

    def confirm_reset(self, index: int) -> None:
        with ui.dialog() as dialog, ui.card():
            ui.label(self.t("console.reset_confirm"))
            with ui.row():
                ui.button(self.ctx.t("console.cancel"), on_click=dialog.close).props("flat")

                async def confirmed() -> None:
                    dialog.close()
                    await self.act(rules.reset_statement, index)

                ui.button(self.ctx.t("console.confirm"), on_click=confirmed).props(
                    'color=negative data-testid="dm-reset-confirm"'
                ).mark("dm-reset-confirm")
        dialog.open()


def _mark(n: int | None) -> str:
    """A published count, or the one mark for hidden and none."""
    return MARK if n is None else str(n)
