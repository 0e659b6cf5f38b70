"""The speaking turns' console: the turn in progress, the queue with its reasons and overrides,
adding someone, the settings, and the statistics in full. Thin: reads the state, sends commands.

Labels typed here go to `names` (memory only, shared by the processes) and never into a command.
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from functools import partial

from nicegui import ui

from facilitation.session import CATEGORIES, MODES
from facilitation.ui.a11y import heading
from facilitation.ui.context import Redrawer, ViewContext
from facilitation.ui.markup import esc

from . import names
from . import state as rules
from .display import clock_html, reason_html, table_html, tags_html
from .model import Request, TurnsState
from .report import stats_tables, summary
from .settings import LIMIT_MAX
from .stats import duration, published
from .views import prepare, who

HISTORY = 8  # finished turns listed on the console


def console(ctx: ViewContext[TurnsState]) -> None:
    TurnsConsole(ctx)


class TurnsConsole:
    def __init__(self, ctx: ViewContext[TurnsState]) -> None:
        self.ctx = ctx
        prepare(ctx)
        state = self.state
        if state.error:
            ui.label(ctx.t("speaking_turns.error.settings", details=state.error)).classes(
                "cercle-notice cercle-notice-error"
            )
        with ui.row().classes("w-full gap-4 items-start no-wrap max-md:flex-wrap"):
            with ui.column().classes("flex-[3] gap-4 min-w-0"):
                with ui.column().classes("cercle-card gap-2"):
                    self.floor = Redrawer(ctx, self.draw_floor, "w-full gap-2")
                    self.build_controls()
                self.queue = Redrawer(ctx, self.draw_queue, "cercle-card gap-1")
                self.build_add()
            with ui.column().classes("flex-[2] gap-4 min-w-0"):
                self.build_settings()
                self.history = Redrawer(ctx, self.draw_history, "cercle-card gap-1")
        self.stats = Redrawer(ctx, self.draw_stats, "cercle-card gap-2")
        ctx.subscribe(rules.TURN, self.on_turn)
        ctx.subscribe(rules.QUEUE, self.on_queue)
        ctx.subscribe(rules.GAUGE, self.sync_settings)

    @property
    def state(self) -> TurnsState:
        return self.ctx.state

    def name(self, request: Request) -> str:
        return who(self.ctx, request)

    def on_queue(self) -> None:
        self.queue.redraw()
        self.stats.redraw()
        self.history.redraw()
        self.on_turn()
        self.sync_settings()

    def on_turn(self) -> None:
        self.floor.redraw()
        self.update_controls()

    # --- the turn in progress ---------------------------------------------------------------------

    def draw_floor(self, r: Redrawer) -> None:
        ctx, state = self.ctx, self.state
        turn = state.current
        with ui.row().classes("w-full items-center justify-between no-wrap"):
            with ui.column().classes("gap-1 min-w-0"):
                if turn is None:
                    heading(ui.label(ctx.t("speaking_turns.console.nobody")).classes("cercle-h2"), 3).props(
                        'data-testid="st-console-nobody"'
                    )
                else:
                    request = state.requests.get(turn.request)
                    ui.label(ctx.t("speaking_turns.console.turn", n=turn.number)).classes(
                        "text-xs uppercase cercle-muted"
                    )
                    name = (
                        self.name(request)
                        if request
                        else ctx.t("speaking_turns.speaker", n=turn.speaker_number)
                    )
                    heading(ui.label(name).classes("cercle-h1"), 3).props('data-testid="st-console-speaker"')
                    first = (
                        "speaking_turns.console.first" if turn.first_time else "speaking_turns.console.again"
                    )
                    extra = (
                        f'<span class="st-tag">{esc(ctx.t(f"speaking_turns.cat.{turn.bucket}"))}</span>'
                        f'<span class="st-tag">{esc(ctx.t(first))}</span>'
                    )
                    if turn.paused_at is not None:
                        extra += (
                            f'<span class="st-tag st-tag-point">{esc(ctx.t("speaking_turns.paused"))}</span>'
                        )
                    if turn.limit:
                        extra += f'<span class="st-tag">{esc(ctx.t("speaking_turns.limit_of", limit=duration(turn.limit)))}</span>'
                    ui.html(
                        tags_html(ctx.lang, mode=turn.mode, point_of_order=turn.point_of_order, extra=extra),
                    )
            if turn is not None:
                ui.html(clock_html(turn, ctx.now(), "console"))

    def build_controls(self) -> None:
        """The floor's buttons, built once and updated in place: a button under the pointer is
        never replaced while hands are raised."""
        ctx = self.ctx
        with ui.row().classes("w-full gap-2"):
            self.next_button = (
                ui.button(ctx.t("speaking_turns.console.next"), icon="record_voice_over", on_click=self.next)
                .props('color=primary no-caps data-testid="st-next"')
                .mark("st-next")
            )
            self.pause_button = (
                ui.button(ctx.t("speaking_turns.console.pause"), icon="pause", on_click=self.pause)
                .props('outline no-caps data-testid="st-pause"')
                .mark("st-pause")
            )
            self.resume_button = (
                ui.button(ctx.t("speaking_turns.console.resume"), icon="play_arrow", on_click=self.resume)
                .props('outline no-caps data-testid="st-resume"')
                .mark("st-resume")
            )
            self.end_button = (
                ui.button(ctx.t("speaking_turns.console.end"), icon="stop", on_click=self.end)
                .props('outline no-caps data-testid="st-end"')
                .mark("st-end")
            )
        self.update_controls()

    def update_controls(self) -> None:
        state = self.state
        turn = state.current
        self.shown_turns = len(state.turns)
        self.next_button.set_enabled(bool(state.waiting()) or turn is not None)
        self.pause_button.set_visibility(turn is not None and turn.paused_at is None)
        self.resume_button.set_visibility(turn is not None and turn.paused_at is not None)
        self.end_button.set_visibility(turn is not None)

    async def next(self) -> None:
        # With the number of turns shown when clicked: a second click on a stale button is refused.
        await self.ctx.act(rules.next_speaker, shown_turns=self.shown_turns)

    async def pause(self) -> None:
        await self.ctx.act(rules.pause)

    async def resume(self) -> None:
        await self.ctx.act(rules.resume)

    async def end(self) -> None:
        await self.ctx.act(rules.end_turn)

    # --- the queue ------------------------------------------------------------------------------------

    def draw_queue(self, r: Redrawer) -> None:
        ctx = self.ctx
        positions = rules.queue(self.state, ctx.session)
        with ui.row().classes("w-full items-baseline justify-between"):
            ui.label(ctx.t("speaking_turns.console.queue")).classes("cercle-h2")
            ui.label(ctx.t(f"speaking_turns.order.{self.state.order}")).classes("text-sm cercle-muted")
        if not positions:
            ui.label(ctx.t("speaking_turns.console.empty")).classes("cercle-muted")
            return
        last = len(positions) - 1
        for n, p in enumerate(positions):
            request = p.request
            pinned = request.id in self.state.pins
            with (
                ui.element("div")
                .classes("st-row")
                .props(f'data-testid="st-queue-row" data-request="{request.id}"')
            ):
                ui.label(str(n + 1)).classes("st-pos")
                with ui.column().classes("gap-0 flex-1 min-w-0"):
                    ui.label(self.name(request)).classes("st-name").props('data-testid="st-queue-name"').mark(
                        "st-queue-name"
                    )
                    cat = f'<span class="st-tag">{esc(ctx.t(f"speaking_turns.cat.{request.bucket}"))}</span>'
                    ui.html(
                        reason_html(p.reason, ctx.lang)
                        + tags_html(
                            ctx.lang, mode=request.mode, point_of_order=request.point_of_order, extra=cat
                        ),
                    ).props('data-testid="st-queue-tags"')
                self.icon(
                    "campaign",
                    "speaking_turns.console.give",
                    partial(self.give, request.id),
                    f"st-give-{n + 1}",
                )
                self.icon(
                    "arrow_upward",
                    "speaking_turns.console.up",
                    partial(self.move, request.id, -1),
                    f"st-up-{n + 1}",
                    n == 0,
                )
                self.icon(
                    "arrow_downward",
                    "speaking_turns.console.down",
                    partial(self.move, request.id, 1),
                    f"st-down-{n + 1}",
                    n == last,
                )
                if pinned:
                    self.icon(
                        "push_pin",
                        "speaking_turns.console.unpin",
                        partial(self.unpin, request.id),
                        f"st-unpin-{n + 1}",
                        color="primary",
                    )
                else:
                    self.icon(
                        "push_pin",
                        "speaking_turns.console.pin",
                        partial(self.pin, request.id, n),
                        f"st-pin-{n + 1}",
                    )
                self.icon(
                    "close",
                    "speaking_turns.console.remove",
                    partial(self.remove, request.id),
                    f"st-remove-{n + 1}",
                )

    def icon(
        self,
        name: str,
        key: str,
        action: Callable[[], Awaitable[None]],
        marker: str,
        disabled: bool = False,
        color: str = "",
    ) -> None:
        label = self.ctx.t(key)
        button = ui.button(icon=name, on_click=action).props(
            f"flat dense round {'disable' if disabled else ''} {f'color={color}' if color else ''}"
        )
        button.props["aria-label"] = label  # a value, never parsed as props
        button.tooltip(label).mark(marker)

    async def give(self, request_id: str) -> None:
        await self.ctx.act(rules.next_speaker, request_id)

    async def move(self, request_id: str, delta: int) -> None:
        await self.ctx.act(rules.move, request_id, delta)

    async def pin(self, request_id: str, position: int) -> None:
        await self.ctx.act(rules.pin, request_id, position)

    async def unpin(self, request_id: str) -> None:
        await self.ctx.act(rules.unpin, request_id)

    async def remove(self, request_id: str) -> None:
        await self.ctx.act(rules.remove_request, request_id)

    # --- adding someone -----------------------------------------------------------------------------

    def build_add(self) -> None:
        ctx = self.ctx
        with ui.column().classes("cercle-card gap-2"):
            ui.label(ctx.t("speaking_turns.console.add")).classes("cercle-h2")
            self.label = (
                ui.input(ctx.t("speaking_turns.console.label"))
                .props(f"maxlength={names.NAME_MAX} autocomplete=off")
                .classes("w-full")
                .mark("st-label")
            )
            with ui.row().classes("w-full items-center gap-4"):
                self.category = (
                    ui.select(
                        {c: ctx.t(f"speaking_turns.cat.{c}") for c in CATEGORIES},
                        value="undisclosed",
                        label=ctx.t("speaking_turns.console.category"),
                    )
                    .classes("min-w-[12rem]")
                    .mark("st-category")
                )
                self.mode = (
                    ui.toggle({m: ctx.t(f"speaking_turns.mode.{m}") for m in MODES}, value="room")
                    .props("no-caps")
                    .mark("st-mode")
                )
                self.point = ui.checkbox(ctx.t("speaking_turns.console.point")).mark("st-add-point")
            ui.button(
                ctx.t("speaking_turns.console.add_button"), icon="person_add", on_click=lambda: self.add()
            ).props('color=primary no-caps data-testid="st-add"').mark("st-add")
            ui.label(ctx.t("speaking_turns.console.names_note")).classes("text-xs cercle-muted")

    async def add(self, same_as: str | None = None) -> None:
        ctx = self.ctx
        assert ctx.item is not None
        rid = secrets.token_hex(4)
        if same_as is None:
            names.remember(ctx.room.code, ctx.item, rid, self.label.value)
            category, mode, point = self.category.value, self.mode.value or "room", bool(self.point.value)
        else:
            earlier = self.state.requests[same_as]
            category, mode, point = earlier.category, earlier.mode, False
        if category == "undisclosed":
            category = None if same_as is None else category
        if await ctx.act(rules.add_request, rid, category, mode, point, same_as):
            if same_as is None:
                self.label.value = ""
                self.point.value = False
        else:
            names.forget(ctx.room.code, ctx.item, rid)

    # --- settings -------------------------------------------------------------------------------

    def build_settings(self) -> None:
        ctx = self.ctx
        with ui.column().classes("cercle-card gap-2"):
            ui.label(ctx.t("speaking_turns.console.order")).classes("cercle-h2")
            self.order = (
                ui.toggle(
                    {o: ctx.t(f"speaking_turns.order.{o}") for o in ("fifo", "parity")},
                    value=self.state.order,
                    on_change=self.choose_order,
                )
                .props("no-caps")
                .mark("st-order")
            )
            self.order_hint = ui.label(ctx.t(f"speaking_turns.order.{self.state.order}_hint")).classes(
                "text-xs cercle-muted"
            )
            with ui.row().classes("w-full items-center gap-2 no-wrap"):
                self.limit = (
                    ui.number(
                        ctx.t("speaking_turns.console.limit"),
                        value=self.state.limit or 0,
                        min=0,
                        max=LIMIT_MAX,
                        step=10,
                    )
                    .classes("flex-1")
                    .mark("st-limit")
                )
                save = ui.button(icon="check", on_click=self.save_limit).props("flat round")
                save.props["aria-label"] = ctx.t("speaking_turns.console.limit_saved")
                save.mark("st-limit-save")
            self.gauge = ui.switch(
                ctx.t("speaking_turns.console.gauge"), value=self.state.gauge, on_change=self.toggle_gauge
            ).mark("st-gauge-switch")

    def sync_settings(self) -> None:
        state = self.state
        if self.order.value != state.order:
            self.order.value = state.order
        self.order_hint.text = self.ctx.t(f"speaking_turns.order.{state.order}_hint")
        if self.gauge.value != state.gauge:
            self.gauge.value = state.gauge

    async def choose_order(self) -> None:
        if self.order.value and self.order.value != self.state.order:
            await self.ctx.act(rules.choose_order, self.order.value)
        self.sync_settings()

    async def save_limit(self) -> None:
        value = int(self.limit.value or 0)
        if await self.ctx.act(rules.set_limit, value or None):
            ui.notify(self.ctx.t("speaking_turns.console.limit_saved"), type="positive", position="top")

    async def toggle_gauge(self) -> None:
        if bool(self.gauge.value) != self.state.gauge:
            await self.ctx.act(rules.show_gauge, bool(self.gauge.value))

    # --- statistics and history ---------------------------------------------------------------------

    def draw_stats(self, r: Redrawer) -> None:
        ctx = self.ctx
        stats = published(self.state, ctx.session)
        ui.label(ctx.t("speaking_turns.stats.title")).classes("cercle-h2")
        ui.label(summary(stats, ctx.lang)).props('data-testid="st-summary"')
        with ui.row().classes("w-full gap-6 no-wrap max-lg:flex-wrap items-start"):
            for n, table in enumerate(stats_tables(stats, ctx.lang)):
                with ui.column().classes("flex-1 min-w-0 gap-1"):
                    ui.label(table.title).classes("font-semibold text-sm")
                    ui.html(table_html(table.columns, table.rows, f"st-stats-{n}")).classes(
                        "w-full overflow-x-auto"
                    )
        ui.label(ctx.tn("speaking_turns.stats.presence_note", stats.present)).classes("text-xs cercle-muted")

    def draw_history(self, r: Redrawer) -> None:
        ctx, state = self.ctx, self.state
        done = [t for t in state.turns if t.ended_at is not None]
        ui.label(ctx.t("speaking_turns.console.history")).classes("cercle-h2")
        if not done:
            ui.label(ctx.t("speaking_turns.stats.none")).classes("cercle-muted")
            return
        waiting = {q.speaker for q in state.waiting()}
        for turn in reversed(done[-HISTORY:]):
            request = state.requests.get(turn.request)
            with ui.element("div").classes("st-row"):
                ui.label(str(turn.number)).classes("st-pos")
                ui.label(self.name(request) if request else "").classes("flex-1 min-w-0")
                ui.label(ctx.t(f"speaking_turns.cat.{turn.bucket}")).classes("text-sm cercle-muted")
                ui.label(duration(turn.duration)).classes("font-semibold")
                if request is not None and request.by_host and request.speaker not in waiting:
                    self.icon(
                        "replay",
                        "speaking_turns.console.again_button",
                        partial(self.add, request.id),
                        f"st-again-{turn.number}",
                    )
