"""The phone at its table: group, clock, theme, the table's work so far, and the form to add to it."""

from __future__ import annotations

from nicegui import ui

from facilitation.remote import group_call
from facilitation.ui.a11y import heading, heading_attributes, live
from facilitation.ui.common import clear_sent
from facilitation.ui.context import Redrawer, ViewContext
from facilitation.ui.markup import esc
from facilitation.ui.pending import PendingTexts

from . import state as rules
from .clock import Timing
from .contributions import ACTOR_KINDS, IDEA_MAX, NAME_MAX, WHY_MAX, actors_by_kind, table_actors, table_ideas
from .display import bar_html, clock_html, short_label
from .events import ContributionAdded
from .state import CafeState
from .views import PHASE, Bell, prepare, shown_rotation, status_line, theme_title

H3 = heading_attributes(3)  # the new state's heading, where the focus may land


class CafePhone:
    def __init__(self, ctx: ViewContext[CafeState]) -> None:
        self.ctx = ctx
        self.token = ctx.token or ""
        self.form_table: int | None = None
        prepare(ctx)
        self.bell = Bell(ctx, "phone")
        self.head = Redrawer(ctx, self.draw_head, "w-full gap-3")
        live(self.head.container.props('data-testid="wc-phone"'))  # the rotation and the table, said
        self.form_card = ui.column().classes("cercle-card gap-2")
        self.form_built = False  # built the first time this phone may write: not before the start
        self.pending = PendingTexts(ctx, self.rephrase)
        self.board = Redrawer(ctx, self.draw_board, "w-full")
        ctx.subscribe(PHASE, self.on_phase)
        ctx.subscribe(f"world_cafe:person:{self.token}", self.on_phase)
        self.update_form()

    @property
    def state(self) -> CafeState:
        return self.ctx.state

    def on_phase(self) -> None:
        self.bell.check()
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
        timing, group, _ = self.where()
        if group is not None:
            r.subscribe(f"world_cafe:group:{group}", self.on_phase)  # moves and merges
        # One HTML element: a thousand phones draw this at the café's start and at each rotation.
        ui.html(self.head_html()).classes("cercle-card w-full")

    def head_html(self) -> str:
        """Where this person is: the themes before the start; then group, clock, table and theme,
        the table after, the group's call when it is a virtual table; the end."""
        ctx, state = self.ctx, self.state
        timing, group, table = self.where()
        t = ctx.t
        if not state.started:
            themes = "".join(f"<li>{esc(ctx.text(theme.title))}</li>" for theme in state.settings.themes)
            return (
                f'<div class="cercle-h2" {H3}>{esc(t("world_cafe.setup"))}</div>'
                f'<div class="font-semibold">{esc(t("world_cafe.phone.themes"))}</div>'
                f'<ol class="wc-phone-themes">{themes}</ol>'
            )
        if timing.phase == "over":
            return (
                f'<div class="cercle-h2" data-testid="wc-phone-over" {H3}>{esc(t("world_cafe.over"))}</div>'
                f"<p>{esc(t('world_cafe.phone.thanks'))}</p>"
            )
        who = ""
        if group is not None:
            extra = f" · {t('world_cafe.virtual')}" if state.groups[group].remote else ""
            who = (
                f'<div class="font-semibold" data-testid="wc-phone-group">'
                f"{esc(t('world_cafe.phone.group', n=group + 1) + extra)}</div>"
            )
        parts = [
            '<div class="wc-phone-where">'
            f'<div>{who}<div class="cercle-muted text-sm">{esc(status_line(ctx, state, timing))}</div></div>'
            f"{clock_html(timing, 'phone')}</div>"
        ]
        virtual = group is not None and state.groups[group].remote
        call = group_call(ctx.session.remote, ctx.room.code, group) if group is not None and virtual else ""
        if call:  # a virtual table: its own call
            parts.append(
                f'<a class="cercle-call" href="{esc(call)}" target="_blank" rel="noopener" '
                f'data-testid="wc-group-call">{esc(t("remote.join_group"))}</a>'
            )
        if table is not None:
            lead = "world_cafe.phone.go_to" if timing.phase == "break" else "world_cafe.phone.at_table"
            rotation = shown_rotation(timing)
            after = state.table_of(group, rotation + 1) if group is not None else None
            parts += [
                f'<div class="cercle-muted">{esc(t(lead, n=table + 1))}</div>',
                f'<div class="wc-phone-theme" data-testid="wc-phone-table" data-table="{table + 1}" {H3}>'
                f"{esc(theme_title(state, table, ctx.lang))}</div>",
                f'<div class="text-sm cercle-muted">{esc(t("world_cafe.host"))}</div>'
                if state.settings.themes[table].host
                else "",
                f'<div class="text-sm">{esc(t("world_cafe.phone.next", n=after + 1) if after is not None else t("world_cafe.phone.last"))}</div>',
                f'<div class="text-xs cercle-muted">{esc(t("world_cafe.phone.mark", mark=short_label(self.token)))}</div>',
            ]
        return "".join(parts)

    def draw_board(self, r: Redrawer) -> None:
        ctx, state = self.ctx, self.state
        timing, group, table = self.where()
        if table is None or not state.started:
            return
        r.subscribe(f"world_cafe:table:{table}", r.redraw)
        count = state.count(table)
        with ui.column().classes("cercle-card gap-1").props('data-testid="wc-board"').mark("wc-board"):
            with ui.row().classes("w-full items-center justify-between"):
                title = (
                    ctx.t("world_cafe.phone.awaits", n=table + 1)
                    if timing.phase == "break"
                    else ctx.t("world_cafe.phone.so_far")
                )
                heading(ui.label(title).classes("cercle-h2"), 3)
                ui.label(ctx.t("world_cafe.progress", count=count, target=state.settings.target)).classes(
                    "font-semibold"
                )
            ui.html(bar_html(count, state.settings.target, ctx.t("world_cafe.table", n=table + 1))).classes(
                "w-full"
            )
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
        """The contribution form: a dozen heavy elements, built once, when first needed (a
        thousand phones entering a café that has not started yet do not pay for it)."""
        self.form_built = True
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
        if not self.form_built:
            return False
        return bool(
            (self.name.value or "").strip()
            or (self.idea.value or "").strip()
            or (self.why.value or "").strip()
        )

    def update_form(self, force: bool = False) -> None:
        """The form writes at the group's table (during a break, the one just left); text being
        typed keeps the table it was started at, and the rules accept it shortly after the bell."""
        state = self.state
        timing = state.timing(self.ctx.now())
        group = state.member_of.get(self.token)
        writing = None if group is None else state.table_of(group, timing.rotation)
        if force or not self.typing() or self.form_table is None:
            self.form_table = writing
        open_ = state.started and group is not None and (timing.phase == "rotation" or self.typing())
        shown = open_ and self.form_table is not None
        if shown and not self.form_built:
            self.build_form()
        self.form_card.set_visibility(shown)
        if self.form_built and self.form_table is not None:
            self.send.text = self.ctx.t("world_cafe.phone.send", n=self.form_table + 1)

    async def submit(self) -> None:
        table = self.form_table
        if table is None:
            return
        item = self.ctx.item
        sent = {field: field.value or "" for field in (self.name, self.why, self.idea)}
        if self.kind.value == "actor":
            name = self.name.value or ""
            known = rules.is_known_actor(self.state, table, name)
            screened = await self.ctx.screen(name, "actor", limit=NAME_MAX)
            why = await self.ctx.screen(sent[self.why], limit=WHY_MAX)
            events = await self.ctx.events_of(
                rules.contribute, table, "actor", screened, self.actor_kind.value or "other", why, item=item
            )
            message = "world_cafe.phone.mention" if known else "world_cafe.phone.added"
        else:
            screened = await self.ctx.screen(sent[self.idea], limit=IDEA_MAX)
            events = await self.ctx.events_of(rules.contribute, table, "idea", screened, item=item)
            message = "world_cafe.phone.added"
        if events is None:
            return
        for field, text in sent.items():
            clear_sent(field, text)
        self.actor_kind.value = "other"
        held = False
        for e in events:
            if isinstance(e, ContributionAdded):
                if e.held:
                    self.pending.add(e.id, e.text, e.held_reason)
                if e.why_held:
                    self.pending.add(f"{e.id}.why", e.why, e.why_held_reason)
                held = e.held or e.why_held
        if not held:
            ui.notify(self.ctx.t(message), type="positive", position="top")
        self.update_form(force=True)

    def rephrase(self, text: str) -> None:
        """A held text taken back by its author goes back into the form."""
        if self.kind.value == "actor":
            self.name.value = text
        else:
            self.idea.value = text
