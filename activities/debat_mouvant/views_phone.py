"""The débat mouvant on a phone: big targets for one thumb, redrawn on phase changes only."""

from __future__ import annotations

from typing import Any

from nicegui import ui

from facilitation.ui.context import ViewContext

from . import state as rules
from .display import CSS, bar_html, colour
from .state import ARGUMENT_MAX, DebatState, Run
from .tally import movement_sentence, short_label
from .views_common import choice_text, guard, live, side_names

_RESULTS: dict[tuple[Any, ...], tuple[str, str]] = {}


def revealed_result(ctx: ViewContext, run: Run, round_: int) -> tuple[str, str]:
    """The revealed result's bar and movement sentence, computed once for all phones of a room
    (a reveal redraws every phone: counting once per phone would cost O(phones²))."""
    key = (
        ctx.room.code,
        ctx.item,
        ctx.state.current,
        run.resets,
        round_,
        ctx.lang,
        tuple(sorted(run.heads[round_].items())),
        len(ctx.session.participants),
    )
    cached = _RESULTS.get(key)
    if cached is None:
        if len(_RESULTS) > 256:
            _RESULTS.clear()
        d = run.distribution(round_, rules.remote_tokens(ctx.session))
        sentence = movement_sentence(run.statement, run.movement(), ctx.lang) if round_ == 2 else ""
        cached = _RESULTS[key] = (bar_html(run.statement, d, ctx.lang, size="phone"), sentence)
    return cached


class PhoneView:
    """Big targets for one thumb; the area is redrawn on phase changes only."""

    def __init__(self, ctx: ViewContext) -> None:
        self.ctx = ctx
        self.token = ctx.token or ""
        ui.add_css(CSS)
        self.area = ui.column().classes("w-full gap-3").props('data-testid="dm-phone"')
        self.buttons: dict[str, ui.button] = {}
        self.confirm: ui.label | None = None
        self.key: tuple[Any, ...] | None = None
        self.draw()
        ctx.subscribe("phase", guard(self.area, self.on_phase))
        ctx.subscribe(f"participant:{self.token}", guard(self.area, self.mark))

    @property
    def state(self) -> DebatState:
        return self.ctx.state

    def phase_key(self) -> tuple[Any, ...]:
        run = self.state.run
        if run is None:
            return (None,)
        return (self.state.current, run.stage, tuple(run.revealed), run.resets)

    def on_phase(self) -> None:
        if self.phase_key() != self.key:
            self.draw()

    def draw(self) -> None:
        self.key = self.phase_key()
        self.area.clear()
        self.buttons, self.confirm = {}, None
        state, run = self.state, self.state.run
        with self.area:
            if run is None:
                ui.label(self.ctx.t("debat_mouvant.no_statement")).classes("cercle-muted")
                return
            with ui.column().classes("cercle-card gap-1"):
                ui.label(
                    f"{self.ctx.t('debat_mouvant.statement', n=state.current + 1)} / {len(state.runs)} · "
                    f"{self.ctx.t(f'debat_mouvant.stage.{run.stage}')}"
                ).classes("dm-kicker text-xs").props('data-testid="dm-stage"')
                ui.label(run.statement.prompt).classes("text-lg font-bold")
            stage = run.stage
            if stage in ("round1", "round2"):
                self.choices(run)
            elif stage == "ready":
                ui.label(self.ctx.t("debat_mouvant.phone.ready")).classes("cercle-notice cercle-notice-info")
                self.read_only_choices(run)
            else:
                self.after_round(run)

    def choices(self, run: Run) -> None:
        statement, round_ = self.state.current, run.round
        ui.label(self.ctx.t("debat_mouvant.phone.choose")).classes("cercle-h2")
        if round_ == 2:
            ui.label(self.ctx.t("debat_mouvant.phone.final_hint")).classes("cercle-muted text-sm")
        for position in run.statement.positions():
            letter = short_label(run.statement, position, self.ctx.lang)
            text = choice_text(run.statement, position, self.ctx.lang)

            async def choose(p: str = position) -> None:
                if await self.ctx.act(rules.take_position, self.token, statement, round_, p):
                    self.mark()
                elif live(self.area):
                    self.draw()  # the round moved on meanwhile: show where it stands now

            with (
                ui.button(on_click=choose, color=None)
                .props(f'no-caps unelevated data-testid="dm-choice-{position}"')
                .classes("dm-choice")
                .mark(f"dm-choice-{position}") as button
            ):
                if run.statement.form == "dilemma":
                    ui.label(letter if position != "hesitant" else "?").classes("dm-choice-letter")
                    ui.label(text).classes("dm-choice-text")
                else:
                    ui.label(text).classes("dm-choice-text text-lg font-bold")
            self.buttons[position] = button
        self.confirm = ui.label().classes("dm-confirm").props('data-testid="dm-confirm" aria-live="polite"')
        self.mark()

    def mark(self) -> None:
        """Show the current choice and that it counted (also on this person's other tabs)."""
        run = self.state.run
        if run is None or not self.buttons or self.confirm is None or not live(self.area):
            return
        mine = run.position_of(self.token, run.round)
        explicit = run.votes[run.round].get(self.token)
        for position, button in self.buttons.items():
            col = colour(run.statement, position)
            chosen = position == mine
            button.classes(add="dm-chosen" if chosen else "", remove="" if chosen else "dm-chosen")
            button.style(
                replace=f"background:{col if chosen else '#fff'} !important;color:{'#fff' if chosen else col} !important"
            )
            button.props(f'aria-pressed="{str(chosen).lower()}"')
        if mine is None:
            self.confirm.text = ""
        else:
            label = short_label(run.statement, mine, self.ctx.lang)
            key = "debat_mouvant.phone.counted" if explicit is not None else "debat_mouvant.phone.kept"
            self.confirm.text = "✓ " + self.ctx.t(key, position=label)

    def read_only_choices(self, run: Run) -> None:
        if run.statement.form != "dilemma":
            return
        for position in ("a", "b"):
            with ui.row().classes("items-start no-wrap gap-2"):
                ui.label(position.upper()).classes("font-black text-lg").style(
                    f"color:{colour(run.statement, position)}"
                )
                ui.label(getattr(run.statement, position)).classes("text-sm")

    def after_round(self, run: Run) -> None:
        round_ = run.round
        mine = run.position_of(self.token, round_)
        if mine is None:
            ui.label(self.ctx.t("debat_mouvant.phone.closed_none")).classes(
                "cercle-notice cercle-notice-info"
            )
        else:
            label = short_label(run.statement, mine, self.ctx.lang)
            ui.label(self.ctx.t("debat_mouvant.phone.closed", position=label)).classes(
                "cercle-notice cercle-notice-info"
            ).props('data-testid="dm-closed"')
        if round_ in run.revealed:
            with ui.column().classes("cercle-card gap-2").props('data-testid="dm-result"'):
                ui.label(self.ctx.t("debat_mouvant.phone.result")).classes("cercle-h2")
                html, sentence = revealed_result(self.ctx, run, round_)
                ui.html(html, sanitize=False).classes("w-full")
                if sentence:
                    ui.label(sentence).classes("font-bold")
        if run.stage == "arguments":
            self.argument_form(run)
        elif run.stage == "done":
            ui.label(self.ctx.t("debat_mouvant.phone.done")).classes("cercle-muted")

    def argument_form(self, run: Run) -> None:
        statement = self.state.current
        with ui.column().classes("cercle-card gap-2"):
            ui.label(self.ctx.t("debat_mouvant.phone.arguments")).classes("cercle-h2")
            side = (
                ui.toggle(side_names(run.statement, self.ctx), value="a")
                .props('spread no-caps toggle-color=primary data-testid="dm-side"')
                .classes("w-full")
            )
            text = (
                ui.textarea(self.ctx.t("debat_mouvant.argument"))
                .props(f'maxlength={ARGUMENT_MAX} counter autogrow outlined data-testid="dm-argument"')
                .mark("dm-argument")
                .classes("w-full")
            )
            ui.label(self.ctx.t("debat_mouvant.phone.argument_hint", max=ARGUMENT_MAX)).classes(
                "cercle-muted text-xs"
            )

            async def send() -> None:
                if await self.ctx.act(
                    rules.add_argument, statement, side.value or "a", text.value or "", token=self.token
                ):
                    text.value = ""
                    ui.notify(
                        self.ctx.t("debat_mouvant.phone.argument_sent"), type="positive", position="top"
                    )

            ui.button(self.ctx.t("debat_mouvant.send"), icon="send", on_click=send).classes(
                "cercle-big-button"
            ).props('color=primary data-testid="dm-send"').mark("dm-send")
