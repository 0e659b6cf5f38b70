"""The idea workshop's console: the stage and its controls, the wall to merge and group, the
sources to import from, and the live ranking."""

from __future__ import annotations

from typing import Any

from nicegui import ui

from facilitation.moderation import Screened
from facilitation.ui.a11y import heading
from facilitation.ui.context import ViewContext, guard
from facilitation.ui.translate import Translator, one

from . import state as rules
from .display import option_label, ranking_html
from .settings import IDEA_MAX
from .sources import cafe_sources
from .state import TALLY, WALL, IdeasState, Option

BUTTONS = {  # stage shown -> (button, the stage it moves to)
    "open": ("collect", "vote"),
    "close": ("vote", "closed"),
    "reopen": ("closed", "vote"),
    "back": ("vote", "collect"),
}


class ConsoleView:
    def __init__(self, ctx: ViewContext[IdeasState]) -> None:
        self.ctx = ctx
        self.selected: list[str] = []
        self.drawn_wall: int | None = None
        with ui.column().classes("w-full gap-4").props('data-testid="id-console"') as self.root:
            self.translator = Translator.of(ctx)
            if self.state.error:
                ui.label(ctx.t("ideas.console.settings_error", details=self.state.error)).classes(
                    "cercle-notice cercle-notice-error"
                )
            with ui.column().classes("cercle-card w-full gap-2"):
                self.kicker = heading(
                    ui.label().classes("text-sm font-bold").props('data-testid="id-console-stage"'), 3
                )
                heading(
                    ui.label(ctx.text(self.state.settings.prompt) or ctx.t("ideas.title")).classes(
                        "cercle-h2"
                    ),
                    3,
                )
                with ui.row().classes("gap-2"):
                    self.buttons = {name: self.stage_button(name) for name in BUTTONS}
            with ui.row().classes("w-full gap-4 items-start no-wrap max-md:flex-wrap"):
                with ui.column().classes("cercle-card flex-[3] gap-2 min-w-0"):
                    heading(ui.label(ctx.t("ideas.console.wall")).classes("cercle-h2"), 3)
                    with ui.row().classes("w-full items-center gap-2"):
                        self.name = (
                            ui.input(ctx.t("ideas.console.cluster_name"))
                            .props('dense outlined maxlength=120 data-testid="id-cluster-name"')
                            .classes("flex-1")
                        )
                        ui.button(ctx.t("ideas.console.group"), on_click=self.group).props(
                            'no-caps color=primary data-testid="id-group"'
                        )
                        ui.button(ctx.t("ideas.console.merge"), on_click=self.merge).props(
                            'no-caps outline data-testid="id-merge"'
                        )
                    ui.label(ctx.t("ideas.console.select_hint")).classes("text-xs cercle-muted")
                    self.wall = ui.column().classes("w-full gap-1")
                    with ui.row().classes("w-full items-center gap-2"):
                        self.new = (
                            ui.input(ctx.t("ideas.console.new"))
                            .props(f'dense outlined maxlength={IDEA_MAX} data-testid="id-new"')
                            .classes("flex-1")
                        )
                        ui.button(ctx.t("ideas.console.add"), on_click=self.add).props(
                            'no-caps data-testid="id-add"'
                        )
                    self.sources = ui.column().classes("w-full gap-1")
                with ui.column().classes("cercle-card flex-[2] gap-2 min-w-0"):
                    heading(ui.label(ctx.t("ideas.console.ranking")).classes("cercle-h2"), 3)
                    self.ranking = ui.html().classes("w-full")
        self.refresh()
        ctx.subscribe("phase", guard(self.root, self.refresh))
        ctx.subscribe(WALL, guard(self.root, self.refresh))
        ctx.subscribe(TALLY, guard(self.root, self.on_tally))

    @property
    def state(self) -> IdeasState:
        return self.ctx.state

    def stage_button(self, name: str) -> ui.button:
        shown, to = BUTTONS[name]

        async def click() -> None:
            await self.ctx.act(rules.set_stage, to, shown)

        return ui.button(self.ctx.t(f"ideas.console.{name}"), on_click=click).props(
            f'no-caps color=primary data-testid="id-{name}"'
        )

    def refresh(self) -> None:
        stage = self.state.stage
        self.kicker.text = self.ctx.t(f"ideas.stage.{stage}")
        for name, button in self.buttons.items():
            button.set_visibility(BUTTONS[name][0] == stage)
        self.on_tally()

    def on_tally(self) -> None:
        state = self.state
        self.ranking.set_content(ranking_html(state, self.ctx.lang, size="console", limit=30))
        if self.drawn_wall != state.wall:
            self.drawn_wall = state.wall
            self.draw_wall()
            self.draw_sources()

    # --- the wall -----------------------------------------------------------------------------

    def draw_wall(self) -> None:
        state = self.state
        options = state.options()
        standing = {i.id for i in state.standing()}
        self.selected = [s for s in self.selected if s in standing]
        self.wall.clear()
        with self.wall:
            if not options:
                ui.label(self.ctx.t("ideas.no_ideas")).classes("cercle-muted")
            for option in options:
                if option.kind == "cluster":
                    self.cluster_row(option)
                    for idea in state.ideas:
                        if idea.cluster == option.id and idea.standing:
                            self.idea_row(idea.id, indent=True)
                else:
                    self.idea_row(option.id)

    def cluster_row(self, option: Option) -> None:
        with ui.row().classes("w-full items-center gap-2 no-wrap"):
            ui.label(option_label(option, self.ctx.lang)).classes("font-bold flex-1").props(
                f'data-testid="id-cluster-{option.id}"'
            )
            cluster = self.state.cluster(option.id)
            if cluster is not None:

                async def translate(en: str) -> bool:
                    return await self.ctx.act(rules.translate_cluster, option.id, en)

                self.translator.button(cluster.live, one(translate), f"id-translate-{option.id}")

            async def rename() -> None:
                name = self.name.value or ""
                if await self.ctx.act(rules.rename_cluster, option.id, name):
                    self.name.value = ""

            ui.button(self.ctx.t("ideas.console.rename"), on_click=rename).props("flat dense no-caps")

    def idea_row(self, idea_id: str, indent: bool = False) -> None:
        idea = self.state.idea(idea_id)
        if idea is None:
            return
        merged = self.state.merged_into(idea_id)
        with ui.row().classes("w-full items-start gap-2 no-wrap" + (" pl-6" if indent else "")):

            def toggle(e: Any, idea_id: str = idea_id) -> None:
                if e.value and idea_id not in self.selected:
                    self.selected.append(idea_id)
                elif not e.value and idea_id in self.selected:
                    self.selected.remove(idea_id)

            box = ui.checkbox(value=idea_id in self.selected, on_change=toggle).props(
                f'dense data-testid="id-select-{idea_id}"'
            )
            box.props["aria-label"] = self.ctx.t("ideas.console.select", idea=self.ctx.text(idea.words))
            with ui.column().classes("gap-0 flex-1 min-w-0"):
                ui.label(self.ctx.text(idea.words)).classes("text-sm")
                details = [self.ctx.tn("ideas.console.same", len(merged))] if merged else []
                if idea.origin:
                    details.append(idea.origin_in(self.ctx.lang))
                if details:
                    ui.label(" · ".join(details)).classes("text-xs cercle-muted")

            async def translate(en: str) -> bool:
                return await self.ctx.act(rules.translate_idea, idea_id, en)

            self.translator.button(idea, one(translate), f"id-translate-{idea_id}")
            if idea.cluster is not None:

                async def ungroup() -> None:
                    await self.ctx.act(rules.ungroup_idea, idea_id)

                ui.button(self.ctx.t("ideas.console.ungroup"), on_click=ungroup).props("flat dense no-caps")

            async def hide() -> None:
                await self.ctx.moderate(idea_id, hide=True)

            ui.button(self.ctx.t("ideas.console.hide"), on_click=hide).props(
                "flat dense no-caps color=negative"
            )

    async def group(self) -> None:
        if await self.ctx.act(rules.group_ideas, list(self.selected), self.name.value or ""):
            self.selected, self.name.value = [], ""

    async def merge(self) -> None:
        if len(self.selected) < 2:
            ui.notify(self.ctx.t("ideas.console.merge_hint"), type="warning", position="top")
            return
        into, *others = self.selected
        for idea in others:
            if not await self.ctx.act(rules.merge_ideas, idea, into):
                return
        self.selected = []

    async def add(self) -> None:
        if await self.ctx.act(rules.add_idea, Screened.unchecked(self.new.value or "")):
            self.new.value = ""

    # --- sources ------------------------------------------------------------------------------

    def draw_sources(self) -> None:
        done = {i.source for i in self.state.ideas if i.source}
        self.sources.clear()
        with self.sources:
            for source in cafe_sources(self.ctx.session, self.ctx.lang):
                waiting = [i for i in source.ideas if i.key not in done]
                with ui.row().classes("w-full items-center gap-2"):
                    ui.label(self.ctx.tn("ideas.console.source", len(waiting), title=source.title)).classes(
                        "text-sm flex-1"
                    )

                    async def bring(item: int = source.item) -> None:
                        await self.ctx.act(rules.import_ideas, item)

                    ui.button(self.ctx.t("ideas.console.import"), on_click=bring).props(
                        f'no-caps outline dense data-testid="id-import-{source.item}"'
                    ).set_enabled(bool(waiting) and self.state.stage == "collect")
