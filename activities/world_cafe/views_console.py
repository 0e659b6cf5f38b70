"""The facilitator's console: set-up, schedule, clock controls, live counts, groups, moderation."""

from __future__ import annotations

from functools import partial
from typing import Any

from nicegui import ui

from facilitation.remote import group_call
from facilitation.ui.a11y import heading
from facilitation.ui.context import Redrawer, ViewContext
from facilitation.ui.markup import esc
from facilitation.ui.text_input import TextInput

from . import state as rules
from .display import bar_html, clock_html, short_label
from .state import CafeState
from .views import PHASE, TALLY, prepare, shown_rotation, status_line

EDITABLE_GROUPS = 12


def schedule_table(ctx: ViewContext[CafeState], planned: list[list[int]]) -> str:
    """The schedule as one read-only HTML table: rows are rotations, cells the table numbers."""
    head = "".join(
        f'<th class="px-1">{esc(ctx.t("world_cafe.group", n=g + 1))}</th>' for g in range(len(planned[0]))
    )
    rows = "".join(
        f'<tr><td class="pr-2">{esc(ctx.t("world_cafe.rotation", n=r + 1, total=len(planned)))}</td>'
        + "".join(f'<td class="px-1 text-center">{t + 1}</td>' for t in row)
        + "</tr>"
        for r, row in enumerate(planned)
    )
    return f'<table class="text-sm"><tr><th></th>{head}</tr>{rows}</table>'


class CafeConsole:
    """Set-up before the start; then the clock's controls, built once and updated in place (a
    button is never replaced under a click on its way), and the live cards, redrawn."""

    def __init__(self, ctx: ViewContext[CafeState]) -> None:
        self.ctx = ctx
        self.clock: ClockControls | None = None
        self.schedule: Redrawer | None = None
        prepare(ctx)
        self.body = Redrawer(ctx, self.draw, "w-full gap-4")
        ctx.subscribe(PHASE, self.on_phase)

    def on_phase(self) -> None:
        """Before the start, the set-up form and the start button stay (a click on its way, or a
        field being typed in, is never lost): only the planned schedule follows the settings.
        Once started, the clock is updated in place. The change between the two redraws."""
        started = self.state.started
        if self.clock is not None and started:
            self.clock.update()
            self.fill()
        elif self.schedule is not None and not started:
            self.schedule.redraw()
        else:
            self.body.redraw()

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
        self.clock, self.schedule = None, None
        if state.error:
            ui.label(self.ctx.t("world_cafe.console.settings_error", details=state.error)).classes(
                "cercle-notice cercle-notice-error"
            )
        if not state.started:
            self.setup_form()
            self.schedule = Redrawer(self.ctx, self.schedule_card)
            ui.button(self.ctx.t("world_cafe.console.start"), icon="play_arrow", on_click=self.start).props(
                'color=primary data-testid="wc-start"'
            ).mark("wc-start")
            return
        self.clock = ClockControls(self.ctx)
        self.live = ui.column().classes("w-full gap-4")
        self.fill()
        r.subscribe(TALLY, self.fill)

    def fill(self) -> None:
        self.live.clear()
        with self.live:
            with ui.row().classes("w-full gap-4 items-start no-wrap max-md:flex-wrap"):
                with ui.column().classes("flex-1 min-w-0"):
                    self.tables_card()
                with ui.column().classes("flex-1 min-w-0"):
                    self.groups_card()
            self.moderation_card()

    # set-up

    def setup_form(self) -> None:
        ctx, settings = self.ctx, self.state.settings
        themes = [t.model_dump() for t in settings.themes]
        with ui.column().classes("cercle-card gap-2"):
            ui.label(ctx.t("world_cafe.console.setup")).classes("cercle-h2")
            ui.label(ctx.t("world_cafe.console.themes")).classes("font-semibold")
            rows = ui.column().classes("w-full gap-1")

            def remove_theme(n: int) -> None:
                themes.pop(n)
                draw_rows()

            def add_theme() -> None:
                themes.append({"title": "", "host": False})
                draw_rows()

            def draw_rows() -> None:
                rows.clear()
                with rows:
                    for n, theme in enumerate(themes):
                        with ui.row().classes("w-full items-center no-wrap gap-2"):
                            ui.label(f"{n + 1}.").classes("w-6")
                            with ui.column().classes("flex-[3] gap-0"):
                                theme_input(ctx, theme, n)
                            host = ui.checkbox(
                                ctx.t("world_cafe.console.host"), value=bool(theme.get("host"))
                            )
                            host.on_value_change(lambda e, th=theme: th.update(host=bool(e.value)))
                            ui.button(icon="delete", on_click=partial(remove_theme, n)).props(
                                f'flat round dense aria-label="{ctx.t("world_cafe.console.remove")}"'
                            )

            draw_rows()
            ui.button(
                ctx.t("world_cafe.console.add_theme"),
                icon="add",
                on_click=add_theme,
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
        tokens = present if present is not None else list(ctx.session.participants)
        people = len(tokens)
        remote = sum(
            1 for t in tokens if (p := ctx.session.participants.get(t)) is not None and p.mode == "remote"
        )
        planned = state.planned_schedule(people, remote)
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
            if groups > EDITABLE_GROUPS:  # hundreds of dropdowns help nobody and cost seconds
                ui.label(ctx.t("world_cafe.console.schedule_large", max=EDITABLE_GROUPS)).classes(
                    "text-sm cercle-muted"
                )
                ui.html(schedule_table(ctx, planned)).classes("w-full overflow-x-auto")
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
                        ui.label(f"{table + 1}. {ctx.text(theme.title)}").classes("font-semibold")
                        ui.label(
                            ctx.t("world_cafe.progress", count=count, target=state.settings.target)
                        ).classes("whitespace-nowrap").props(f'data-testid="wc-count-{table + 1}"').mark(
                            f"wc-count-{table + 1}"
                        )
                    ui.html(
                        bar_html(count, state.settings.target, ctx.t("world_cafe.table", n=table + 1))
                    ).classes("w-full")
                    if groups and timing.phase != "over":
                        ui.label(
                            ctx.t("common.pair", label=ctx.t("world_cafe.console.groups_title"), value=groups)
                        ).classes("text-xs cercle-muted")

    def alone(self, group: int) -> None:
        """A remote person alone at a virtual table: say so, and offer to merge them into the
        smallest room group (the facilitator's choice: room and remote then share a group)."""
        state, ctx = self.state, self.ctx
        room = [g for g, grp in enumerate(state.groups) if not grp.remote and grp.merged_into is None]
        with ui.row().classes("items-center gap-2"):
            ui.label(ctx.t("world_cafe.console.alone")).classes("text-sm cercle-notice")
            if room:
                smallest = min(room, key=lambda g: (len(state.groups[g].members), g))
                ui.button(
                    ctx.t("world_cafe.console.merge_alone", n=smallest + 1),
                    on_click=partial(ctx.act, rules.merge_groups, group, smallest),
                ).props(f'outline dense no-caps data-testid="wc-merge-alone-{group + 1}"')

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
                        f"{ctx.t('world_cafe.group', n=g + 1)} · {ctx.tn('world_cafe.console.members', len(group.members))}"
                        f"{' · ' + ', '.join(extra) if extra else ''}{where}"
                    ).classes("font-semibold")
                    if marks:
                        ui.label(marks).classes("text-xs cercle-muted cercle-code")
                    call = group_call(ctx.session.remote, ctx.room.code, g) if group.remote else ""
                    if call:
                        ui.label(call).classes("text-xs break-all").props(f'data-testid="wc-call-{g + 1}"')
                    if group.remote and len(group.members) == 1 and group.merged_into is None:
                        self.alone(g)
            people = {t: short_label(t) for t in sorted(state.member_of, key=short_label)}
            with ui.row().classes("w-full items-end gap-2"):
                person = ui.select(people, label=ctx.t("world_cafe.console.person"), with_input=True)
                person.classes("w-44").mark("wc-move-person")
                target = ui.select(open_groups, label=ctx.t("world_cafe.console.to_group"))
                target.classes("w-44").mark("wc-move-group")
                ui.button(
                    ctx.t("world_cafe.console.move"),
                    on_click=lambda: (
                        person.value is not None
                        and target.value is not None
                        and ctx.act(rules.move_person, person.value, target.value)
                    ),
                ).props("outline no-caps").mark("wc-move")
            with ui.row().classes("w-full items-end gap-2"):
                source = (
                    ui.select(open_groups, label=ctx.t("world_cafe.console.merge"))
                    .classes("w-44")
                    .mark("wc-merge-source")
                )
                into = (
                    ui.select(open_groups, label=ctx.t("world_cafe.console.merge_into"))
                    .classes("w-44")
                    .mark("wc-merge-target")
                )
                ui.button(
                    ctx.t("world_cafe.console.merge"),
                    on_click=lambda: (
                        source.value is not None
                        and into.value is not None
                        and ctx.act(rules.merge_groups, source.value, into.value)
                    ),
                ).props("outline no-caps").mark("wc-merge")

    def moderation_card(self) -> None:
        ctx = self.ctx
        with (
            ui.column()
            .classes("cercle-card gap-1")
            .props('data-testid="wc-moderation"')
            .mark("wc-moderation")
        ):
            ui.label(ctx.t("world_cafe.console.moderation")).classes("cercle-h2")
            listing = ui.column().classes("w-full gap-0").style("max-height: 60vh; overflow-y: auto")
            with listing:
                self.moderation_list()

    def moderation_list(self) -> None:
        ctx, state = self.ctx, self.state
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
                            on_click=lambda i=text_id, h=hidden: ctx.moderate(i, hide=not h),
                        ).props("flat dense no-caps").mark(f"wc-hide-{text_id}")
                        ui.button(
                            ctx.t("world_cafe.console.edit"),
                            on_click=lambda i=text_id, tx=text: self.edit(i, tx),
                        ).props("flat dense no-caps")

    def edit(self, text_id: str, text: str) -> None:
        ctx = self.ctx
        with ui.dialog() as dialog, ui.card().classes("w-[32rem]"):
            field = (
                ui.textarea(ctx.t("world_cafe.console.edit"), value=text).classes("w-full").props("autogrow")
            )

            async def save() -> None:
                if await ctx.moderate(text_id, text=field.value or ""):
                    dialog.close()

            with ui.row():
                ui.button(ctx.t("console.cancel"), on_click=dialog.close).props("flat")
                ui.button(ctx.t("console.confirm"), on_click=save).props("color=primary")
        dialog.open()


class ClockControls:
    """The café's clock and its buttons, updated in place."""

    def __init__(self, ctx: ViewContext[CafeState]) -> None:
        self.ctx = ctx
        with ui.column().classes("cercle-card gap-2"):
            with ui.row().classes("w-full items-center justify-between"):
                self.status = (
                    heading(ui.label().classes("cercle-h2"), 3)
                    .props('data-testid="wc-status"')
                    .mark("wc-status")
                )
                self.clock = ui.html()
            with ui.row().classes("gap-2") as self.buttons:
                self.resume = ui.button(
                    ctx.t("world_cafe.console.resume"),
                    icon="play_arrow",
                    on_click=lambda: ctx.act(rules.resume),
                ).props("color=primary")
                self.pause = ui.button(
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
        self.update()

    def update(self) -> None:
        ctx, state = self.ctx, self.ctx.state
        timing = state.timing(ctx.now())
        self.status.text = status_line(ctx, state, timing)
        self.clock.set_content(clock_html(timing, "console"))
        self.buttons.set_visibility(timing.phase != "over")
        self.resume.set_visibility(timing.paused)
        self.pause.set_visibility(not timing.paused)


def theme_input(ctx: ViewContext[CafeState], theme: dict[str, Any], n: int) -> None:
    """A theme's title, with its English under it; `theme["title"]` follows what is typed."""
    field: list[TextInput] = []

    def changed() -> None:
        theme["title"] = field[0].data()

    field.append(
        TextInput(
            ctx.t("world_cafe.console.theme"),
            theme.get("title", ""),
            ctx.lang,
            max_length=200,
            testid=f"wc-theme-{n + 1}",
            on_change=changed,
        )
    )
    field[0].fr.mark(f"wc-theme-{n + 1}")
