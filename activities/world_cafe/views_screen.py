"""The projected screen: the big countdown, the table grid with progress, then the actor map."""

from __future__ import annotations

from nicegui import ui

from facilitation.ui.context import Redrawer, ViewContext
from facilitation.ui.markup import esc

from .clock import Timing
from .display import CHIME_URL, actor_map_html, bar_html, clock_html
from .state import CafeState
from .views import PHASE, TALLY, Bell, prepare, shown_rotation, status_line


def build_screen(ctx: ViewContext[CafeState]) -> None:
    prepare(ctx)
    ui.html(f'<audio id="wc-chime" src="{CHIME_URL}" preload="auto"></audio>')
    ui.html(
        f'<div id="wc-sound-hint" class="wc-sound-hint">{esc(ctx.t("world_cafe.sound_hint"))}</div>',
    )
    assert ctx.item is not None
    item = ctx.session.agenda[ctx.item]
    ctx.label(item.title.get, "cercle-screen-item").style("font-size: 4.4vh")
    body = Redrawer(ctx, lambda r: draw_screen(ctx, r), "w-full gap-[2vh]")
    bell = Bell(ctx, "screen")

    def on_phase() -> None:
        bell.check()
        body.redraw()

    ctx.subscribe(PHASE, on_phase)


def draw_screen(ctx: ViewContext[CafeState], r: Redrawer) -> None:
    state: CafeState = ctx.state
    timing = state.timing(ctx.now())
    if not state.started:
        ctx.label(ctx.words("world_cafe.setup"), "cercle-screen-text")
        with ui.element("div").classes("wc-tables"):
            for n, theme in enumerate(state.settings.themes):
                with ui.element("div").classes("wc-table-card"):
                    ui.label(ctx.t("world_cafe.table", n=n + 1)).classes("wc-table-num")
                    ctx.label(theme.title.get, "wc-table-theme")
                    if theme.host:
                        ui.label(ctx.t("world_cafe.host")).classes("wc-count")
        return
    if timing.phase == "over":
        actor_map(ctx, state)
        return
    with ui.row().classes("w-full items-center justify-between no-wrap"):
        ui.label(status_line(ctx, state, timing)).classes("cercle-screen-item").props(
            'data-testid="wc-status"'
        ).mark("wc-status")
        ui.html(clock_html(timing, "screen"))
    grid = ui.element("div").classes("wc-tables")

    def fill() -> None:
        grid.clear()
        with grid:
            table_grid(ctx, ctx.state, timing)

    fill()
    r.subscribe(TALLY, fill)


def table_grid(ctx: ViewContext[CafeState], state: CafeState, timing: Timing) -> None:
    rotation = shown_rotation(timing)
    for table, theme in enumerate(state.settings.themes):
        count = state.count(table)
        with (
            ui.element("div")
            .classes("wc-table-card")
            .props(f'data-testid="wc-table-{table + 1}"')
            .mark(f"wc-table-{table + 1}")
        ):
            # In 36 px type, five tables in two rows: the number and the groups on one line, the
            # progress bar and its count on another.
            name = ctx.t("world_cafe.table", n=table + 1)
            chips = "".join(
                f'<span class="wc-chip wc-screen-chip{" wc-chip-remote" if state.groups[g].remote else ""}">'
                f"{esc(ctx.t('world_cafe.group', n=g + 1))}"
                f"{esc(' · ' + ctx.t('mode.remote')) if state.groups[g].remote else ''}</span>"
                for g in state.groups_at(table, rotation)
            )
            ui.html(f'<div class="wc-table-head"><span class="wc-table-num">{esc(name)}</span>{chips}</div>')
            ctx.label(theme.title.get, "wc-table-theme")
            if theme.host:
                ui.label(ctx.t("world_cafe.host")).classes("wc-count")
            progress = ctx.t("world_cafe.progress", count=count, target=state.settings.target)
            ui.html(
                f'<div class="wc-table-progress">{bar_html(count, state.settings.target, name, "wc-screen-bar")}'
                f'<span class="wc-count">{esc(progress)}</span></div>'
            )


def actor_map(ctx: ViewContext[CafeState], state: CafeState) -> None:
    ctx.label(ctx.words("world_cafe.actor_map"), "cercle-screen-text font-bold").props(
        'data-testid="wc-actor-map"'
    ).mark("wc-actor-map")
    ui.html(actor_map_html(state, ctx.lang)).classes("w-full")
