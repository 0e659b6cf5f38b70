"""World café views: the screen, the phone, and (in `console_views`) the console. Thin: they read
the state, send commands through `ctx.act`, and redraw on their topics.

Costs: a contribution redraws the phones of its table and the coalesced tally of console and
screen; a clock change (pause, +1 min, next rotation) or a rotation running out redraws every
phone once. A running clock costs nothing: it ticks in the browser (see `display.py`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from nicegui import ui

from facilitation.ui.context import Scope, ViewContext

from . import state as rules
from .clock import Timing
from .contributions import ACTOR_KINDS, actors_by_kind, table_actors, table_ideas
from .display import CHIME_URL, STYLE, bar_html, clock_html, esc, short_label, sync_script
from .state import CafeState

PHASE = "world_cafe:phase"
TALLY = "tally:world_cafe"
MAP_ACTORS = 9  # actors shown per theme on the projected map (the rest are counted)

# --- the boundary ticker: one timer per room (not per phone) -------------------------------------

_tickers: dict[str, tuple[float, asyncio.TimerHandle]] = {}


def arm(ctx: ViewContext) -> None:
    """Make sure the room hears of the next end of rotation or break, once, whoever is watching."""
    room, item = ctx.room, ctx.item
    code = room.code
    state: CafeState = room.state.activities[item]
    timing = state.timing(room.clock())
    known = _tickers.get(code)
    if timing.ends_at is None or room.state.current != item:
        if known is not None:
            known[1].cancel()
            del _tickers[code]
        return
    if known is not None and known[0] == timing.ends_at:
        return
    if known is not None:
        known[1].cancel()

    def fire() -> None:
        _tickers.pop(code, None)
        room.bus.publish(code, {PHASE, TALLY})
        if room.state.current == item:
            arm(ctx)

    delay = max(0.0, timing.ends_at - room.clock()) + 0.3
    _tickers[code] = (timing.ends_at, asyncio.get_running_loop().call_later(delay, fire))


def prepare(ctx: ViewContext) -> None:
    """Style and clock script for this page (idempotent), and the ticker."""
    ui.add_css(STYLE)
    ui.run_javascript(sync_script(ctx.now()))
    arm(ctx)


def theme_title(state: CafeState, table: int | None) -> str:
    if table is None or not 0 <= table < len(state.settings.themes):
        return ""
    return state.settings.themes[table].title


def status_line(ctx: ViewContext, state: CafeState, timing: Timing) -> str:
    if timing.phase == "over":
        return ctx.t("world_cafe.over")
    if timing.paused:
        return ctx.t("world_cafe.paused")
    if timing.phase == "break":
        return ctx.t("world_cafe.break")
    return ctx.t("world_cafe.rotation", n=timing.rotation + 1, total=state.rotations)


def shown_rotation(timing: Timing) -> int:
    """The rotation people sit in (during a break, the one they are walking to)."""
    return timing.rotation + 1 if timing.phase == "break" else timing.rotation


class Redrawer:
    """A container redrawn by `draw`, with subscriptions that end at each redraw and with the view."""

    def __init__(self, ctx: ViewContext, draw: Callable[[Redrawer], None], classes: str = "w-full") -> None:
        self.ctx, self.draw = ctx, draw
        self.scope = Scope()
        ctx.scope.add(self.scope.close)
        self.container = ui.column().classes(classes)
        self.redraw()

    def subscribe(self, topic: str, callback: Callable[[], None]) -> None:
        self.scope.add(self.ctx.room.subscribe(topic, callback))

    def redraw(self) -> None:
        self.scope.close()
        self.container.clear()
        with self.container:
            self.draw(self)


# --- screen -----------------------------------------------------------------------------------------


def screen(ctx: ViewContext) -> None:
    prepare(ctx)
    ui.html(f'<audio id="wc-chime" src="{CHIME_URL}" preload="auto"></audio>', sanitize=False)
    ui.html(
        f'<div id="wc-sound-hint" class="wc-sound-hint">{esc(ctx.t("world_cafe.sound_hint"))}</div>',
        sanitize=False,
    )
    item = ctx.session.agenda[ctx.item]
    ui.label(item.title).classes("cercle-screen-item").style("font-size: 4.4vh")
    body = Redrawer(ctx, lambda r: draw_screen(ctx, r), "w-full gap-[2vh]")
    ctx.subscribe(PHASE, lambda: (body.redraw(), arm(ctx)))


def draw_screen(ctx: ViewContext, r: Redrawer) -> None:
    state: CafeState = ctx.state
    timing = state.timing(ctx.now())
    if not state.started:
        ui.label(ctx.t("world_cafe.setup")).classes("cercle-screen-text")
        with ui.element("div").classes("wc-tables"):
            for n, theme in enumerate(state.settings.themes):
                with ui.element("div").classes("wc-table-card"):
                    ui.label(ctx.t("world_cafe.table", n=n + 1)).classes("wc-table-num")
                    ui.label(theme.title).classes("wc-table-theme")
        return
    if timing.phase == "over":
        actor_map(ctx, state)
        return
    with ui.row().classes("w-full items-center justify-between no-wrap"):
        ui.label(status_line(ctx, state, timing)).classes("cercle-screen-item").props(
            'data-testid="wc-status"'
        ).mark("wc-status")
        ui.html(clock_html(timing, "screen"), sanitize=False)
    grid = ui.element("div").classes("wc-tables")

    def fill() -> None:
        grid.clear()
        with grid:
            table_grid(ctx, ctx.state, timing)

    fill()
    r.subscribe(TALLY, fill)


def table_grid(ctx: ViewContext, state: CafeState, timing: Timing) -> None:
    rotation = shown_rotation(timing)
    for table, theme in enumerate(state.settings.themes):
        count = state.count(table)
        with (
            ui.element("div")
            .classes("wc-table-card")
            .props(f'data-testid="wc-table-{table + 1}"')
            .mark(f"wc-table-{table + 1}")
        ):
            ui.label(ctx.t("world_cafe.table", n=table + 1)).classes("wc-table-num")
            ui.label(theme.title).classes("wc-table-theme")
            chips = "".join(
                f'<span class="wc-chip wc-screen-chip{" wc-chip-remote" if state.groups[g].remote else ""}">'
                f"{esc(ctx.t('world_cafe.group', n=g + 1))}</span>"
                for g in state.groups_at(table, rotation)
            )
            ui.html(f"<div>{chips or '&nbsp;'}</div>", sanitize=False)
            ui.html(bar_html(count, state.settings.target, "wc-screen-bar"), sanitize=False)
            ui.label(ctx.t("world_cafe.progress", count=count, target=state.settings.target)).classes(
                "wc-count"
            )


def actor_map(ctx: ViewContext, state: CafeState) -> None:
    ui.label(ctx.t("world_cafe.actor_map")).classes("cercle-screen-item").props(
        'data-testid="wc-actor-map"'
    ).mark("wc-actor-map")
    parts = ['<div class="wc-map">']
    for table, theme in enumerate(state.settings.themes):
        lines = table_actors(state.contributions, table)
        parts.append(f'<div class="wc-map-card"><h3>{esc(theme.title)}</h3>')
        shown = 0
        for kind, group in actors_by_kind(lines).items():
            if shown >= MAP_ACTORS:
                break
            parts.append(f"<h4>{esc(ctx.t(f'world_cafe.kind.{kind}'))}</h4><ul>")
            for line in group[: MAP_ACTORS - shown]:
                mentions = f' <span class="wc-mentions">×{line.mentions}</span>' if line.mentions > 1 else ""
                parts.append(f"<li>{esc(line.name)}{mentions}</li>")
                shown += 1
            parts.append("</ul>")
        if len(lines) > shown:
            parts.append(f"<div>{esc(ctx.t('world_cafe.more', n=len(lines) - shown))}</div>")
        ideas = len(table_ideas(state.contributions, table))
        if ideas:
            parts.append(f"<div>{esc(ctx.t('world_cafe.ideas_count', n=ideas))}</div>")
        if not lines and not ideas:
            parts.append(f"<div>{esc(ctx.t('world_cafe.nothing_yet'))}</div>")
        parts.append("</div>")
    parts.append("</div>")
    ui.html("".join(parts), sanitize=False).classes("w-full")


# --- phone ------------------------------------------------------------------------------------------


def phone(ctx: ViewContext) -> None:
    CafePhone(ctx)


class CafePhone:
    def __init__(self, ctx: ViewContext) -> None:
        self.ctx = ctx
        self.token = ctx.token or ""
        self.form_table: int | None = None
        prepare(ctx)
        self.place_if_late()
        self.head = Redrawer(ctx, self.draw_head, "w-full gap-3")
        self.form_card = ui.column().classes("cercle-card gap-2")
        self.build_form()
        self.board = Redrawer(ctx, self.draw_board, "w-full")
        ctx.subscribe(PHASE, self.on_phase)
        ctx.subscribe(f"world_cafe:person:{self.token}", self.on_phase)
        ctx.subscribe("world_cafe:tables", self.board.redraw)
        self.update_form()

    @property
    def state(self) -> CafeState:
        return self.ctx.state

    def place_if_late(self) -> None:
        """A phone arriving after the start joins the smallest group (no await: same loop turn)."""
        state = self.state
        if (
            state.started
            and self.token not in state.member_of
            and self.token in self.ctx.session.participants
        ):
            item = self.ctx.item
            cc_now = self.ctx.now()

            def decide(session: Any) -> list:
                from facilitation.activity import CommandContext

                return rules.join_late(
                    session.activities[item], CommandContext(item, cc_now, session), self.token
                )

            try:
                self.ctx.room.submit_now(decide)
            except Exception:  # refused (session closed...): the phone simply shows no table
                pass

    def on_phase(self) -> None:
        arm(self.ctx)
        self.head.redraw()
        self.board.redraw()
        self.update_form()

    def where(self) -> tuple[Timing, int | None, int | None]:
        """The clock, this phone's group, and the table it sits at (or walks to)."""
        state = self.state
        timing = state.timing(self.ctx.now())
        group = state.member_of.get(self.token)
        table = None if group is None else state.table_of(group, shown_rotation(timing))
        if table is None and group is not None and timing.phase == "over":
            table = state.table_of(group, timing.rotation)
        return timing, group, table

    def draw_head(self, r: Redrawer) -> None:
        ctx, state = self.ctx, self.state
        timing, group, table = self.where()
        with ui.column().classes("cercle-card gap-1"):
            if not state.started:
                ui.label(ctx.t("world_cafe.setup")).classes("cercle-h2")
                ui.label(ctx.t("world_cafe.phone.themes")).classes("font-semibold")
                for n, theme in enumerate(state.settings.themes):
                    ui.label(f"{n + 1}. {theme.title}")
                return
            if timing.phase == "over":
                ui.label(ctx.t("world_cafe.over")).classes("cercle-h2").props(
                    'data-testid="wc-phone-over"'
                ).mark("wc-phone-over")
                ui.label(ctx.t("world_cafe.phone.thanks"))
                return
            with ui.row().classes("w-full items-center justify-between no-wrap"):
                with ui.column().classes("gap-0"):
                    if group is not None:
                        kind = state.groups[group]
                        extra = f" · {ctx.t('world_cafe.virtual')}" if kind.remote else ""
                        ui.label(ctx.t("world_cafe.phone.group", n=group + 1) + extra).classes(
                            "font-semibold"
                        ).props('data-testid="wc-phone-group"').mark("wc-phone-group")
                    ui.label(status_line(ctx, state, timing)).classes("cercle-muted text-sm")
                ui.html(clock_html(timing, "phone"), sanitize=False)
            if table is None:
                return
            lead = "world_cafe.phone.go_to" if timing.phase == "break" else "world_cafe.phone.at_table"
            ui.label(ctx.t(lead, n=table + 1)).classes("cercle-muted")
            ui.label(theme_title(state, table)).classes("wc-phone-theme").props(
                f'data-testid="wc-phone-table" data-table="{table + 1}"'
            ).mark("wc-phone-table")
            host = state.settings.themes[table].host
            if host:
                ui.label(ctx.t("world_cafe.host", host=host)).classes("text-sm cercle-muted")
            rotation = shown_rotation(timing)
            after = state.table_of(group, rotation + 1) if group is not None else None
            ui.label(
                ctx.t("world_cafe.phone.next", n=after + 1)
                if after is not None
                else ctx.t("world_cafe.phone.last")
            ).classes("text-sm")
            ui.label(ctx.t("world_cafe.phone.mark", mark=short_label(self.token))).classes(
                "text-xs cercle-muted"
            )

    def draw_board(self, r: Redrawer) -> None:
        ctx, state = self.ctx, self.state
        timing, group, table = self.where()
        if table is None or not state.started:
            return
        r.subscribe(f"world_cafe:table:{table}", r.redraw)
        count = state.count(table)
        with ui.column().classes("cercle-card gap-1").props('data-testid="wc-board"').mark("wc-board"):
            with ui.row().classes("w-full items-center justify-between"):
                ui.label(ctx.t("world_cafe.phone.so_far")).classes("cercle-h2")
                ui.label(ctx.t("world_cafe.progress", count=count, target=state.settings.target)).classes(
                    "font-semibold"
                )
            ui.html(bar_html(count, state.settings.target), sanitize=False).classes("w-full")
            actors = table_actors(state.contributions, table)
            ideas = table_ideas(state.contributions, table)
            if not actors and not ideas:
                ui.label(ctx.t("world_cafe.nothing_yet")).classes("cercle-muted")
            for kind, lines in actors_by_kind(actors).items():
                ui.label(ctx.t(f"world_cafe.kind.{kind}")).classes("text-xs uppercase cercle-muted mt-2")
                for line in lines:
                    mentions = f" ×{line.mentions}" if line.mentions > 1 else ""
                    with ui.element("div").classes("wc-phone-actor w-full"):
                        ui.label(line.name).classes("font-semibold")
                        ui.label(mentions).classes("wc-mentions")
            if ideas:
                ui.label(ctx.t("world_cafe.ideas")).classes("text-xs uppercase cercle-muted mt-2")
                for idea in ideas:
                    ui.label(f"• {idea.text}")

    def build_form(self) -> None:
        ctx, settings = self.ctx, self.state.settings
        first = "actor" if settings.contribution == "actors" else "idea"
        with self.form_card:
            self.kind = (
                ui.toggle(
                    {
                        "actor": ctx.t("world_cafe.phone.add_actor"),
                        "idea": ctx.t("world_cafe.phone.add_idea"),
                    },
                    value=first,
                    on_change=lambda: self.show_kind(),
                )
                .classes("w-full")
                .props('spread no-caps data-testid="wc-kind"')
                .mark("wc-kind")
            )
            self.actor_box = ui.column().classes("w-full gap-1")
            with self.actor_box:
                self.name = (
                    ui.input(ctx.t("world_cafe.phone.actor_name"))
                    .props('maxlength=120 counter data-testid="wc-actor-name"')
                    .mark("wc-actor-name")
                    .classes("w-full")
                )
                self.actor_kind = (
                    ui.select(
                        {k: ctx.t(f"world_cafe.kind.{k}") for k in ACTOR_KINDS},
                        value="other",
                        label=ctx.t("world_cafe.phone.actor_kind"),
                    )
                    .classes("w-full")
                    .props('data-testid="wc-actor-kind"')
                    .mark("wc-actor-kind")
                )
                self.why = (
                    ui.input(ctx.t("world_cafe.phone.actor_why")).props("maxlength=280").classes("w-full")
                )
            self.idea_box = ui.column().classes("w-full gap-1")
            with self.idea_box:
                self.idea = (
                    ui.textarea(ctx.t("world_cafe.phone.idea"))
                    .props('maxlength=500 counter autogrow data-testid="wc-idea"')
                    .mark("wc-idea")
                    .classes("w-full")
                )
            self.send = (
                ui.button(on_click=self.submit)
                .classes("cercle-big-button")
                .props('color=primary data-testid="wc-send"')
                .mark("wc-send")
            )
        self.show_kind()

    def show_kind(self) -> None:
        actor = self.kind.value == "actor"
        self.actor_box.set_visibility(actor)
        self.idea_box.set_visibility(not actor)

    def typing(self) -> bool:
        return bool(
            (self.name.value or "").strip()
            or (self.idea.value or "").strip()
            or (self.why.value or "").strip()
        )

    def update_form(self, force: bool = False) -> None:
        timing, group, table = self.where()
        open_ = self.state.started and group is not None and timing.phase in ("rotation", "break")
        self.form_card.set_visibility(open_ and (table is not None or self.form_table is not None))
        if force or not self.typing() or self.form_table is None:
            self.form_table = (
                table if timing.phase == "rotation" or self.form_table is None else self.form_table
            )
        if self.form_table is not None:
            self.send.text = self.ctx.t("world_cafe.phone.send", n=self.form_table + 1)

    async def submit(self) -> None:
        table = self.form_table
        if table is None:
            return
        if self.kind.value == "actor":
            name = self.name.value or ""
            known = rules.is_known_actor(self.state, table, name)
            ok = await self.ctx.act(
                rules.contribute,
                self.token,
                table,
                "actor",
                name,
                self.actor_kind.value or "other",
                self.why.value or "",
            )
            message = "world_cafe.phone.mention" if known else "world_cafe.phone.added"
        else:
            ok = await self.ctx.act(rules.contribute, self.token, table, "idea", self.idea.value or "")
            message = "world_cafe.phone.added"
        if ok:
            self.name.value = self.why.value = self.idea.value = ""
            self.actor_kind.value = "other"
            ui.notify(self.ctx.t(message), type="positive", position="top")
            self.update_form(force=True)


# --- console ----------------------------------------------------------------------------------------


def console(ctx: ViewContext) -> None:
    CafeConsole(ctx)


class CafeConsole:
    def __init__(self, ctx: ViewContext) -> None:
        self.ctx = ctx
        prepare(ctx)
        self.body = Redrawer(ctx, self.draw, "w-full gap-4")
        ctx.subscribe(PHASE, lambda: (self.body.redraw(), arm(ctx)))

    @property
    def state(self) -> CafeState:
        return self.ctx.state

    def present(self) -> list[str] | None:
        """Tokens of the phones connected now (everyone who joined when none is connected)."""
        joined = self.ctx.session.participants
        connected = [t for t in self.ctx.room.connections if t in joined]
        return connected or None

    def draw(self, r: Redrawer) -> None:
        state = self.state
        if state.error:
            ui.label(self.ctx.t("world_cafe.console.settings_error", details=state.error)).classes(
                "cercle-notice cercle-notice-error"
            )
        if not state.started:
            self.setup_form()
            Redrawer(self.ctx, self.schedule_card)
            ui.button(self.ctx.t("world_cafe.console.start"), icon="play_arrow", on_click=self.start).props(
                'color=primary data-testid="wc-start"'
            ).mark("wc-start")
            return
        self.clock_card()
        live = ui.column().classes("w-full gap-4")

        def fill() -> None:
            live.clear()
            with live:
                self.tables_card()
                self.groups_card()
                self.moderation_card()

        fill()
        r.subscribe(TALLY, fill)

    # set-up

    def setup_form(self) -> None:
        ctx, settings = self.ctx, self.state.settings
        themes = [t.model_dump() for t in settings.themes]
        with ui.column().classes("cercle-card gap-2"):
            ui.label(ctx.t("world_cafe.console.setup")).classes("cercle-h2")
            ui.label(ctx.t("world_cafe.console.themes")).classes("font-semibold")
            rows = ui.column().classes("w-full gap-1")

            def draw_rows() -> None:
                rows.clear()
                with rows:
                    for n, theme in enumerate(themes):
                        with ui.row().classes("w-full items-center no-wrap gap-2"):
                            ui.label(f"{n + 1}.").classes("w-6")
                            ui.input(ctx.t("world_cafe.console.theme")).bind_value(theme, "title").classes(
                                "flex-[3]"
                            ).props(f'maxlength=200 data-testid="wc-theme-{n + 1}"').mark(f"wc-theme-{n + 1}")
                            host = ui.input(ctx.t("world_cafe.console.host"), value=theme.get("host") or "")
                            host.on_value_change(lambda e, th=theme: th.update(host=e.value or None))
                            host.classes("flex-1").props("maxlength=80")
                            ui.button(icon="delete", on_click=lambda n=n: (themes.pop(n), draw_rows())).props(
                                f'flat round dense aria-label="{ctx.t("world_cafe.console.remove")}"'
                            )

            draw_rows()
            ui.button(
                ctx.t("world_cafe.console.add_theme"),
                icon="add",
                on_click=lambda: (themes.append({"title": "", "host": None}), draw_rows()),
            ).props('flat no-caps data-testid="wc-add-theme"').mark("wc-add-theme")
            with ui.row().classes("w-full gap-3"):
                fields = {
                    "group_size": ui.number(
                        ctx.t("world_cafe.console.group_size"), value=settings.group_size, min=2
                    ),
                    "groups": ui.number(ctx.t("world_cafe.console.groups"), value=settings.groups, min=1),
                    "rotation_minutes": ui.number(
                        ctx.t("world_cafe.console.rotation_minutes"), value=settings.rotation_minutes, min=0.1
                    )
                    .props('data-testid="wc-rotation-minutes"')
                    .mark("wc-rotation-minutes"),
                    "rotations": ui.number(
                        ctx.t("world_cafe.console.rotations"), value=settings.rotations, min=1
                    ),
                    "pause_minutes": ui.number(
                        ctx.t("world_cafe.console.pause_minutes"), value=settings.pause_minutes, min=0
                    ),
                    "target": ui.number(ctx.t("world_cafe.console.target"), value=settings.target, min=1),
                }
            contribution = ui.toggle(
                {"actors": ctx.t("world_cafe.actors"), "ideas": ctx.t("world_cafe.ideas")},
                value=settings.contribution,
            ).props("no-caps")
            ui.label(ctx.t("world_cafe.console.contribution")).classes("text-xs cercle-muted")

            async def save() -> None:
                raw: dict[str, Any] = {"themes": themes, "contribution": contribution.value}
                for name, field in fields.items():
                    if field.value is not None and field.value != "":
                        value = field.value
                        raw[name] = int(value) if name not in ("rotation_minutes", "pause_minutes") else value
                if await ctx.act(rules.change_setup, raw):
                    ui.notify(ctx.t("world_cafe.console.saved"), type="positive")

            ui.button(ctx.t("world_cafe.console.save"), icon="save", on_click=save).props(
                'color=primary outline data-testid="wc-save"'
            ).mark("wc-save")

    def schedule_card(self, r: Redrawer) -> None:
        ctx, state = self.ctx, self.state
        r.subscribe("presence", r.redraw)  # the number of groups follows the people present
        present = self.present()
        people = len(present) if present is not None else len(ctx.session.participants)
        planned = state.planned_schedule(people)
        with ui.column().classes("cercle-card gap-2").props('data-testid="wc-schedule"').mark("wc-schedule"):
            ui.label(ctx.t("world_cafe.console.schedule")).classes("cercle-h2")
            groups = len(planned[0]) if planned else 0
            ui.label(ctx.t("world_cafe.console.schedule_hint", people=people, groups=groups)).classes(
                "text-sm cercle-muted"
            )
            if state.schedule_edit is not None:
                with ui.row().classes("items-center gap-2"):
                    ui.label(ctx.t("world_cafe.console.schedule_edited")).classes("text-sm font-semibold")
                    ui.button(
                        ctx.t("world_cafe.console.schedule_reset"),
                        on_click=lambda: ctx.act(rules.edit_schedule, None),
                    ).props("flat dense no-caps")
            if not planned:
                return
            options = {t: str(t + 1) for t in range(state.tables)}
            with ui.element("table").classes("text-sm"):
                with ui.element("tr"):
                    ui.element("th")
                    for g in range(groups):
                        with ui.element("th").classes("px-1"):
                            ui.label(ctx.t("world_cafe.group", n=g + 1))
                for rotation, row in enumerate(planned):
                    with ui.element("tr"):
                        with ui.element("td").classes("pr-2"):
                            ui.label(ctx.t("world_cafe.rotation", n=rotation + 1, total=len(planned)))
                        for g, table in enumerate(row):
                            with ui.element("td").classes("px-1"):
                                ui.select(
                                    options,
                                    value=table,
                                    on_change=lambda e, rr=rotation, gg=g: self.edit_cell(
                                        planned, rr, gg, e.value
                                    ),
                                ).props("dense options-dense").classes("min-w-[3.5rem]")

    async def edit_cell(self, planned: list[list[int]], rotation: int, group: int, table: int) -> None:
        if planned[rotation][group] == table:
            return
        edited = [list(row) for row in planned]
        edited[rotation][group] = table
        await self.ctx.act(rules.edit_schedule, edited)

    async def start(self) -> None:
        await self.ctx.act(rules.start, self.present())

    # running

    def clock_card(self) -> None:
        ctx, state = self.ctx, self.state
        timing = state.timing(ctx.now())
        with ui.column().classes("cercle-card gap-2"):
            with ui.row().classes("w-full items-center justify-between"):
                ui.label(status_line(ctx, state, timing)).classes("cercle-h2").props(
                    'data-testid="wc-status"'
                ).mark("wc-status")
                ui.html(clock_html(timing, "console"), sanitize=False)
            if timing.phase == "over":
                return
            with ui.row().classes("gap-2"):
                if timing.paused:
                    ui.button(
                        ctx.t("world_cafe.console.resume"),
                        icon="play_arrow",
                        on_click=lambda: ctx.act(rules.resume),
                    ).props("color=primary")
                else:
                    ui.button(
                        ctx.t("world_cafe.console.pause"), icon="pause", on_click=lambda: ctx.act(rules.pause)
                    ).props("color=primary")
                ui.button(
                    ctx.t("world_cafe.console.add_minute"),
                    icon="more_time",
                    on_click=lambda: ctx.act(rules.add_time),
                ).props("outline")
                ui.button(
                    ctx.t("world_cafe.console.skip"), icon="skip_next", on_click=lambda: ctx.act(rules.skip)
                ).props('outline data-testid="wc-skip"').mark("wc-skip")
                ui.button(
                    ctx.t("world_cafe.console.finish"), icon="stop", on_click=lambda: ctx.act(rules.finish)
                ).props("outline color=negative")

    def tables_card(self) -> None:
        ctx, state = self.ctx, self.state
        timing = state.timing(ctx.now())
        rotation = shown_rotation(timing)
        with ui.column().classes("cercle-card gap-2"):
            ui.label(ctx.t("world_cafe.console.tables")).classes("cercle-h2")
            for table, theme in enumerate(state.settings.themes):
                count = state.count(table)
                groups = ", ".join(str(g + 1) for g in state.groups_at(table, rotation))
                with ui.column().classes("w-full gap-0"):
                    with ui.row().classes("w-full justify-between no-wrap"):
                        ui.label(f"{table + 1}. {theme.title}").classes("font-semibold")
                        ui.label(
                            ctx.t("world_cafe.progress", count=count, target=state.settings.target)
                        ).props(f'data-testid="wc-count-{table + 1}"').mark(f"wc-count-{table + 1}")
                    ui.html(bar_html(count, state.settings.target), sanitize=False).classes("w-full")
                    if groups and timing.phase != "over":
                        ui.label(f"{ctx.t('world_cafe.console.groups_title')} : {groups}").classes(
                            "text-xs cercle-muted"
                        )

    def groups_card(self) -> None:
        ctx, state = self.ctx, self.state
        timing = state.timing(ctx.now())
        open_groups = {
            g: ctx.t("world_cafe.group", n=g + 1)
            for g, grp in enumerate(state.groups)
            if grp.merged_into is None
        }
        with ui.column().classes("cercle-card gap-2"):
            ui.label(ctx.t("world_cafe.console.groups_title")).classes("cercle-h2")
            for g, group in enumerate(state.groups):
                marks = " ".join(short_label(t) for t in group.members)
                extra = []
                if group.remote:
                    extra.append(ctx.t("world_cafe.virtual"))
                if group.mixed:
                    extra.append(ctx.t("world_cafe.mixed"))
                if group.merged_into is not None:
                    extra.append(ctx.t("world_cafe.console.merged", n=group.merged_into + 1))
                table = state.table_of(g, shown_rotation(timing))
                where = (
                    f" → {ctx.t('world_cafe.table', n=table + 1)}"
                    if table is not None and group.merged_into is None
                    else ""
                )
                with ui.column().classes("w-full gap-0"):
                    ui.label(
                        f"{ctx.t('world_cafe.group', n=g + 1)} · {ctx.t('world_cafe.console.members', n=len(group.members))}"
                        f"{' · ' + ', '.join(extra) if extra else ''}{where}"
                    ).classes("font-semibold")
                    if marks:
                        ui.label(marks).classes("text-xs cercle-muted cercle-code")
            people = {t: short_label(t) for t in sorted(state.member_of, key=short_label)}
            with ui.row().classes("w-full items-end gap-2"):
                person = ui.select(people, label=ctx.t("world_cafe.console.person"), with_input=True).classes(
                    "w-32"
                )
                target = ui.select(open_groups, label=ctx.t("world_cafe.console.to_group")).classes("w-44")
                ui.button(
                    ctx.t("world_cafe.console.move"),
                    on_click=lambda: (
                        person.value is not None
                        and target.value is not None
                        and ctx.act(rules.move_person, person.value, target.value)
                    ),
                ).props("outline no-caps")
            with ui.row().classes("w-full items-end gap-2"):
                source = ui.select(open_groups, label=ctx.t("world_cafe.console.merge")).classes("w-44")
                into = ui.select(open_groups, label=ctx.t("world_cafe.console.merge_into")).classes("w-44")
                ui.button(
                    ctx.t("world_cafe.console.merge"),
                    on_click=lambda: (
                        source.value is not None
                        and into.value is not None
                        and ctx.act(rules.merge_groups, source.value, into.value)
                    ),
                ).props("outline no-caps")

    def moderation_card(self) -> None:
        ctx, state = self.ctx, self.state
        with (
            ui.column()
            .classes("cercle-card gap-1")
            .props('data-testid="wc-moderation"')
            .mark("wc-moderation")
        ):
            ui.label(ctx.t("world_cafe.console.moderation")).classes("cercle-h2")
            if not state.contributions:
                ui.label(ctx.t("world_cafe.console.no_contribution")).classes("cercle-muted")
            for c in reversed(state.contributions[-200:]):
                parts = [(c.id, c.text, c.hidden)]
                if c.kind == "actor" and c.why:
                    parts.append((f"{c.id}.why", c.why, c.why_hidden))
                with ui.column().classes("w-full gap-0 border-b border-gray-200 py-1"):
                    kind = (
                        ctx.t(f"world_cafe.kind.{c.actor_kind}")
                        if c.kind == "actor"
                        else ctx.t("world_cafe.ideas")
                    )
                    ui.label(f"{ctx.t('world_cafe.table', n=c.table + 1)} · {kind}").classes(
                        "text-xs cercle-muted"
                    )
                    for text_id, text, hidden in parts:
                        with ui.row().classes("w-full items-center no-wrap gap-1"):
                            ui.label(text).classes("flex-1" + (" wc-hidden" if hidden else "")).props(
                                f'data-testid="wc-mod-{text_id}"'
                            ).mark(f"wc-mod-{text_id}")
                            ui.button(
                                ctx.t("world_cafe.console.show" if hidden else "world_cafe.console.hide"),
                                on_click=lambda i=text_id, h=hidden: ctx.act(self.moderate, i, hide=not h),
                            ).props("flat dense no-caps").mark(f"wc-hide-{text_id}")
                            ui.button(
                                ctx.t("world_cafe.console.edit"),
                                on_click=lambda i=text_id, tx=text: self.edit(i, tx),
                            ).props("flat dense no-caps")

    @staticmethod
    def moderate(state: CafeState, cc: Any, text_id: str, **kwargs: Any) -> list:
        return rules.moderate(state, cc, text_id, **kwargs)

    def edit(self, text_id: str, text: str) -> None:
        ctx = self.ctx
        with ui.dialog() as dialog, ui.card().classes("w-[32rem]"):
            field = (
                ui.textarea(ctx.t("world_cafe.console.edit"), value=text).classes("w-full").props("autogrow")
            )

            async def save() -> None:
                if await ctx.act(self.moderate, text_id, text=field.value or ""):
                    dialog.close()

            with ui.row():
                ui.button(ctx.t("console.cancel"), on_click=dialog.close).props("flat")
                ui.button(ctx.t("console.confirm"), on_click=save).props("color=primary")
        dialog.open()
