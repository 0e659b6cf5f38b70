"""The débat mouvant on the projected screen: the statement, the bar across the room, the movement."""

from __future__ import annotations

from nicegui import ui

from facilitation.i18n import Text
from facilitation.ui.context import ViewContext, Words, guard
from facilitation.ui.markup import esc

from .display import bar_html, colour, latest_that_fit, movement_table_html, sankey_options
from .state import ARGUMENTS, CONTROL, DebatState, Run
from .tally import movement_sentence
from .views_common import live, shown_round, side_names, voted_text

SCREEN_ARGUMENTS = 3  # the latest arguments of each side that fit, in type read from the back of the room
SCREEN_ARGUMENT_LINES = 6  # lines each side has under the bar (36 px type, a 1920x1080 projector)
SCREEN_LINE_CHARS = 32  # characters on one line of a side's column


class ScreenView:
    """The statement in large type, the live bar across the room, then the movement."""

    def __init__(self, ctx: ViewContext[DebatState]) -> None:
        self.ctx = ctx
        self.area = ui.column().classes("w-full gap-[2vh]").props('data-testid="dm-screen"')
        self.bar: ui.html | None = None
        self.size = "screen"
        self.voted: ui.label | None = None
        self.args: ui.element | None = None
        self.draw()
        for topic in ("phase", CONTROL):
            ctx.subscribe(topic, guard(self.area, self.draw))
        ctx.subscribe("tally", guard(self.area, self.on_tally))
        ctx.subscribe(ARGUMENTS, guard(self.area, self.draw_arguments))

    @property
    def state(self) -> DebatState:
        return self.ctx.state

    def draw(self) -> None:
        self.area.clear()
        self.bar = self.voted = self.args = None
        state, run = self.state, self.state.run
        with self.area:
            if run is None:
                self.ctx.label(self.ctx.words("debat_mouvant.no_statement"), "cercle-screen-item")
                return
            ui.label(
                f"{self.ctx.t('debat_mouvant.title')} · "
                f"{self.ctx.t('debat_mouvant.statement', n=state.current + 1)} / {len(state.runs)} · "
                f"{self.ctx.t(f'debat_mouvant.stage.{run.stage}')}"
            ).classes("dm-screen-stage").props('data-testid="dm-stage"')
            self.ctx.label(run.statement.prompt.get, "dm-screen-prompt")
            if run.statement.form == "dilemma":
                with ui.element("div").classes("dm-screen-choices"):
                    for position, choice in (("a", run.statement.a), ("b", run.statement.b)):
                        self.ctx.label(choice_words(position, choice), "dm-screen-choice").style(
                            f"border-color:{colour(run.statement, position)}"
                        )
            stage = run.stage
            if stage == "ready":
                return
            if stage == "done":
                self.movement(run)
                self.size = "screen dm-compact"
                self.bar = ui.html("").classes("w-full").props('data-testid="dm-bar"')
            else:
                # while arguments are given, the first round's bar stays, slim, and its legend and
                # count are left to screen readers: the arguments take the room
                arguing = stage == "arguments"
                self.size = "screen dm-compact dm-args" if arguing else "screen"
                if run.open and run.hide_results:
                    self.ctx.label(self.ctx.words("debat_mouvant.hidden_until_closed"), "cercle-screen-text")
                else:
                    self.bar = ui.html("").classes("w-full").props('data-testid="dm-bar"')
                self.voted = ui.label().classes("dm-screen-voted").props('data-testid="dm-voted"')
                if arguing:
                    self.voted.classes("cercle-sr-only")
            if stage == "arguments":
                self.args = ui.element("div").classes("dm-screen-args")
                self.draw_arguments()
        self.on_tally()

    def on_tally(self) -> None:
        run = self.state.run
        if run is None:
            return
        round_ = shown_round(run)
        if self.bar is not None:
            d = run.distribution(round_)
            modes = not self.ctx.session.remote.remote_only  # a fully remote forum: no room to count
            self.bar.content = bar_html(run.statement, d, self.ctx.lang, size=self.size, modes=modes)
        if self.voted is not None:
            self.voted.text = voted_text(self.ctx, run, round_)

    def movement(self, run: Run) -> None:
        m = run.movement()
        with ui.element("div").classes("dm-screen-done"):
            if m.both:
                # The diagram is drawn on a canvas: the table says the same in text, for screen readers.
                ui.echart(sankey_options(run.statement, m, self.ctx.lang)).style("height:24vh;flex:3").props(
                    'data-testid="dm-sankey" aria-hidden="true"'
                )
                ui.html(movement_table_html(run.statement, m, self.ctx.lang)).classes("cercle-sr-only")
            with ui.column().classes("gap-[1vh]").style("flex:2"):
                self.ctx.label(
                    lambda lang: movement_sentence(run.statement, m, lang), "dm-screen-sentence"
                ).props('data-testid="dm-sentence"')
                # how the movement is measured: for screen readers here (36 px type leaves no room
                # under the diagram); the restitution says it in full
                ui.label(self.ctx.t("debat_mouvant.movement.phones_only")).classes("cercle-sr-only")

    def draw_arguments(self) -> None:
        run = self.state.run
        if self.args is None or run is None or not live(self.args):
            return
        self.args.clear()
        names = side_names(run.statement, self.ctx)
        with self.args:
            for side in ("a", "b"):
                with ui.element("div"):
                    ui.label(names[side]).classes("font-bold").style(f"color:{colour(run.statement, side)}")
                    arguments = run.visible_arguments(side)
                    fit = latest_that_fit(
                        [a.text for a in arguments],
                        most=SCREEN_ARGUMENTS,
                        lines=SCREEN_ARGUMENT_LINES,
                        line_chars=SCREEN_LINE_CHARS,
                    )
                    items = "".join(
                        f'<li data-argument="{esc(a.id)}">{esc(a.text)}</li>'
                        for a in arguments[len(arguments) - len(fit) :]
                    )
                    ui.html(f"<ul>{items}</ul>")


def choice_words(position: str, choice: Text) -> Words:
    """ "A — the choice's words", in any language."""
    return lambda lang: f"{position.upper()} — {choice.get(lang)}"
