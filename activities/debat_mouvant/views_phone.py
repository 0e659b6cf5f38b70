"""The débat mouvant on a phone: big targets for one thumb, redrawn on phase changes only."""

from __future__ import annotations

from typing import Any

from nicegui import ui

from facilitation.ui import a11y
from facilitation.ui.a11y import heading, heading_attributes
from facilitation.ui.common import clear_sent
from facilitation.ui.context import ViewContext, guard
from facilitation.ui.markup import esc
from facilitation.ui.native import NativeButton
from facilitation.ui.pending import PendingTexts

from . import state as rules
from .display import bar_html, colour
from .state import ARGUMENT_MAX, DebatState, Run
from .tally import movement_sentence, short_label
from .views_common import choice_text, live, side_names

_RESULTS: dict[tuple[Any, ...], tuple[str, str]] = {}


def revealed_result(ctx: ViewContext[DebatState], run: Run, round_: int) -> tuple[str, str]:
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
        ctx.session.remote.remote_only,
    )
    cached = _RESULTS.get(key)
    if cached is None:
        if len(_RESULTS) > 256:
            _RESULTS.clear()
        d = run.distribution(round_)
        sentence = movement_sentence(run.statement, run.movement(), ctx.lang) if round_ == 2 else ""
        modes = not ctx.session.remote.remote_only  # a fully remote forum has no room to count apart
        cached = _RESULTS[key] = (bar_html(run.statement, d, ctx.lang, size="phone", modes=modes), sentence)
    return cached


class PhoneView:
    """Big targets for one thumb. The elements are built once per kind of statement (its form and
    positions); a phase change (round opened or closed, reveal, next statement) only updates texts,
    visibility and enabled state in place: with a thousand phones, rebuilding ~20 elements on each
    is what made a round change slow."""

    def __init__(self, ctx: ViewContext[DebatState]) -> None:
        self.ctx = ctx
        self.token = ctx.token or ""
        self.area = ui.column().classes("w-full gap-3").props('data-testid="dm-phone"')
        self.buttons: dict[str, NativeButton] = {}
        self.shape: tuple[Any, ...] | None = ()
        self.shown: tuple[int, int] = (0, 0)  # the statement and round the buttons vote for
        self.arguments: ui.column | None = None  # the arguments' form, built when first needed
        self.side: ui.toggle | None = None  # its side, set to the writer's position in each phase
        self.side_for: tuple[int, int] | None = None  # the statement and round it was set for
        self.marked: tuple[Any, ...] | None = None  # what the buttons show, to skip useless updates
        self.draw()
        ctx.subscribe("phase", guard(self.area, self.on_phase))
        ctx.subscribe(f"participant:{self.token}", guard(self.area, self.mark))

    @property
    def state(self) -> DebatState:
        return self.ctx.state

    def shape_key(self) -> tuple[Any, ...] | None:
        run = self.state.run
        return None if run is None else (run.statement.form, tuple(run.statement.positions()))

    def on_phase(self) -> None:
        if self.shape_key() != self.shape:
            self.draw()
        else:
            self.update()

    def draw(self) -> None:
        """Build the elements for the current kind of statement (rare: the form changed)."""
        self.shape = self.shape_key()
        self.area.clear()
        self.buttons, self.arguments, self.marked = {}, None, None
        self.side, self.side_for = None, None
        run = self.state.run
        with self.area:
            if run is None:
                ui.label(self.ctx.t("debat_mouvant.no_statement")).classes("cercle-muted")
                return
            # Eight elements: a thousand phones build this view at once. What is only read is one
            # HTML element per block; the buttons are plain <button>s.
            self.head = a11y.live(ui.html().classes("w-full"))  # the stage, said when it changes
            with ui.column().classes("w-full gap-3") as self.voting_box:  # one switch for the group
                for position in run.statement.positions():
                    self.buttons[position] = self.choice_button(run, position)
                self.confirm = (
                    ui.label().classes("dm-confirm").props('data-testid="dm-confirm" aria-live="polite"')
                )
            self.after = ui.html().classes("w-full").props('aria-live="polite"')  # closed, result, done
        self.update()

    def choice_button(self, run: Run, position: str) -> NativeButton:
        async def choose() -> None:
            statement, round_ = self.shown
            if await self.ctx.act(rules.take_position, statement, round_, position):
                self.mark()
            elif live(self.area):
                self.update()  # the round moved on meanwhile: show where it stands now

        # One plain <button>: the letter is drawn by the stylesheet from `data-letter`, the colour
        # from `--dm-c`; a choice only toggles a class and `aria-pressed`.
        scale = "" if run.statement.form == "dilemma" else " dm-choice-scale"
        return (
            NativeButton(on_click=choose)
            .props(f'data-testid="dm-choice-{position}" aria-pressed="false"')
            .classes("dm-choice" + scale)
            .style(f"--dm-c:{colour(run.statement, position)}")
            .mark(f"dm-choice-{position}")
        )

    def update(self) -> None:
        """Show the current stage with the elements already there. NiceGUI sends an element only
        when a value really changes, so a round change costs a handful of small updates."""
        run = self.state.run
        if run is None or self.shape is None:
            return
        state, stage, round_ = self.state, run.stage, run.round
        self.shown = (state.current, round_)
        voting = stage in ("round1", "round2")
        kicker = (
            f"{self.ctx.t('debat_mouvant.statement', n=state.current + 1)} / {len(state.runs)} · "
            f"{self.ctx.t(f'debat_mouvant.stage.{stage}')}"
        )
        head = (
            f'<div class="cercle-card"><div class="dm-kicker text-xs" data-testid="dm-stage" {heading_attributes(3)}>'
            f"{esc(kicker)}</div>"
            f'<div class="text-lg font-bold">{esc(self.ctx.text(run.statement.prompt))}</div></div>'
        )
        if voting:
            head += f'<div class="cercle-h2 mt-3">{esc(self.ctx.t("debat_mouvant.phone.choose"))}</div>'
            if round_ == 2:
                head += f'<div class="cercle-muted text-sm">{esc(self.ctx.t("debat_mouvant.phone.final_hint"))}</div>'
        elif stage == "ready":
            head += f'<div class="cercle-notice cercle-notice-info mt-3">{esc(self.ctx.t("debat_mouvant.phone.ready"))}</div>'
        self.head.set_content(head)
        self.voting_box.set_visibility(voting or stage == "ready")
        if voting or stage == "ready":  # hidden elements wait until they are shown again
            for position, button in self.buttons.items():
                button.text = choice_text(run.statement, position, self.ctx.lang)
                if run.statement.form == "dilemma":
                    letter = (
                        short_label(run.statement, position, self.ctx.lang) if position != "hesitant" else "?"
                    )
                    button.props(f'data-letter="{letter}"')
                button.set_enabled(voting)
            self.confirm.set_visibility(voting)
            self.mark()
        self.after.set_content(self.after_html(run, stage, round_, voting))
        if stage == "arguments" and self.arguments is None:
            with self.area:
                self.arguments = self.argument_form(run)
        if self.arguments is not None:
            self.arguments.set_visibility(stage == "arguments")
        if stage == "arguments" and self.side is not None and self.side_for != self.shown:
            self.side_for = self.shown
            self.side.value = self.own_side(run)

    def own_side(self, run: Run) -> str | None:
        """The side this person stands on (None in the middle or without a position: they choose)."""
        mine = run.position_of(self.token, run.round)
        return None if mine is None else run.statement.side_of(mine)

    def after_html(self, run: Run, stage: str, round_: int, voting: bool) -> str:
        """After a round: where this person stood, the result once revealed, the end."""
        if voting or stage == "ready":
            return ""
        mine = run.position_of(self.token, round_)
        closed = (
            self.ctx.t("debat_mouvant.phone.closed_none")
            if mine is None
            else self.ctx.t(
                "debat_mouvant.phone.closed", position=short_label(run.statement, mine, self.ctx.lang)
            )
        )
        parts = [f'<div class="cercle-notice cercle-notice-info" data-testid="dm-closed">{esc(closed)}</div>']
        if round_ in run.revealed:
            html, sentence = revealed_result(self.ctx, run, round_)
            parts.append(
                f'<div class="cercle-card w-full mt-3" data-testid="dm-result">'
                f'<div class="cercle-h2" {heading_attributes(3)}>{esc(self.ctx.t("debat_mouvant.phone.result"))}</div>'
                f"{html}" + (f'<div class="font-bold">{esc(sentence)}</div>' if sentence else "") + "</div>"
            )
        if stage == "done":
            parts.append(f'<p class="cercle-muted mt-3">{esc(self.ctx.t("debat_mouvant.phone.done"))}</p>')
        return "".join(parts)

    def mark(self) -> None:
        """Show the current choice and that it counted (also on this person's other tabs)."""
        run = self.state.run
        if run is None or not self.buttons or not live(self.area):
            return
        voting = run.stage in ("round1", "round2")  # before a round, no button is marked
        mine = run.position_of(self.token, run.round) if voting else None
        explicit = run.votes[run.round].get(self.token) if voting else None
        marked = (mine, explicit is not None, self.shown)
        if marked == self.marked:
            return  # nothing to redraw: a phase change must not resend every button
        was = self.marked[0] if self.marked is not None else None
        self.marked = marked
        if was != mine:
            for position in {was, mine} - {None}:
                chosen = position == mine
                button = self.buttons.get(position or "")
                if button is not None:
                    button.classes(add="dm-chosen" if chosen else "", remove="" if chosen else "dm-chosen")
                    button.props(f'aria-pressed="{str(chosen).lower()}"')
        if mine is None:
            self.confirm.text = ""
        else:
            label = short_label(run.statement, mine, self.ctx.lang)
            key = "debat_mouvant.phone.counted" if explicit is not None else "debat_mouvant.phone.kept"
            self.confirm.text = "✓ " + self.ctx.t(key, position=label)

    def argument_form(self, run: Run) -> ui.column:
        """The form for arguments, built the first time an arguments phase is reached."""
        with ui.column().classes("cercle-card gap-2") as form:
            heading(ui.label(self.ctx.t("debat_mouvant.phone.arguments")).classes("cercle-h2"), 3)
            side = self.side = (
                ui.toggle(side_names(run.statement, self.ctx), value=self.own_side(run))
                .props('spread no-caps toggle-color=primary data-testid="dm-side"')
                .mark("dm-side")
                .classes("w-full")
            )
            self.side_for = self.shown
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
                statement = self.shown[0]
                if side.value is None:
                    ui.notify(self.ctx.t("debat_mouvant.phone.choose_side"), type="warning", position="top")
                    return
                sent = text.value or ""
                screened = await self.ctx.screen(sent, limit=ARGUMENT_MAX)
                events = await self.ctx.events_of(
                    rules.add_argument, statement, side.value, screened, item=self.ctx.item
                )
                if events is None:
                    return
                clear_sent(text, sent)
                if not self.pending.note(events, "argument"):
                    ui.notify(
                        self.ctx.t("debat_mouvant.phone.argument_sent"), type="positive", position="top"
                    )

            def rephrase(old: str) -> None:
                text.value = old

            ui.button(self.ctx.t("debat_mouvant.send"), icon="send", on_click=send).classes(
                "cercle-big-button"
            ).props('color=primary data-testid="dm-send"').mark("dm-send")
            self.pending = PendingTexts(self.ctx, rephrase)
        return form
