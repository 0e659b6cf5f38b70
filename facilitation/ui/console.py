"""`/host/{code}`: the facilitator's console. The link `/host/{code}?key=…` sets the host cookie
and redirects here (`facilitation/gate.py`); the page reads the key from that cookie."""

from __future__ import annotations

from fastapi import Request
from nicegui import ui

from .. import session as rules
from ..gate import host_key_from
from ..i18n import t
from ..room import Room
from ..service import Service
from ..session import CATEGORIES
from . import guard, restitution_panel
from .common import ActivitySlot, is_unavailable, minutes
from .context import Scope, ViewContext
from .frame import frame, notice, pick_lang


def register(service: Service) -> None:
    default = service.settings.lang

    @ui.page("/host/{code}")
    def console(request: Request, code: str, lang: str | None = None) -> None:
        lang = pick_lang(lang, default)
        room = service.rooms.get(code)
        key = host_key_from(request.cookies, code)
        with frame(lang, default, f"/host/{code}", kind="console"):
            if room is None or not service.rooms.key_ok(code, key):
                # The same refusal for an unknown code and a wrong key: nothing leaks either way.
                notice(t("error.bad_key", lang), kind="error")
                return
            guard.mark_host(ui.context.client, room.code)
            Console(service, room, lang, key or "").build()


class Console:
    def __init__(self, service: Service, room: Room, lang: str, key: str) -> None:
        self.service, self.room, self.lang, self.key = service, room, lang, key
        self.ctx = ViewContext(room, lang, "console", scope=Scope())

    def t(self, key: str, **params: object) -> str:
        return t(key, self.lang, **params)

    def build(self) -> None:
        room, code = self.room, self.room.code
        with ui.row().classes("w-full items-center justify-between"):
            with ui.column().classes("gap-0"):
                ui.label(room.state.title).classes("cercle-h1")
                self.status = ui.label().classes("cercle-muted")
            ui.label(code).classes("cercle-code text-3xl")
        self.controls = ui.row().classes("w-full gap-2")
        with ui.row().classes("w-full gap-4 items-start no-wrap max-md:flex-wrap"):
            with ui.column().classes("cercle-card flex-[2]"):
                ui.label(self.t("console.agenda")).classes("cercle-h2")
                self.agenda = ui.column().classes("w-full gap-1")
            with ui.column().classes("flex-1 gap-4"):
                with ui.column().classes("cercle-card"):
                    ui.label(self.t("console.participants")).classes("cercle-h2")
                    self.presence = ui.column().classes("w-full gap-1")
                with ui.column().classes("cercle-card"):
                    ui.label(self.t("console.links")).classes("cercle-h2")
                    ui.link(self.t("console.screen_link"), f"/screen/{code}", new_tab=True)
                    ui.label(self.service.screen_url(code)).classes("cercle-muted text-xs break-all")
                    ui.link(self.t("console.join_link"), f"/j/{code}", new_tab=True)
                    ui.label(self.service.join_url(code)).classes("cercle-muted text-xs break-all")
        self.slot = ActivitySlot(room, self.lang, "console")
        self.refresh_phase()
        self.refresh_presence()
        self.ctx.subscribe("phase", self.refresh_phase)
        self.ctx.subscribe("presence", self.refresh_presence)
        self.ctx.subscribe("connections", self.refresh_presence)
        ui.timer(1.0, self.tick)  # one console per session: a per-second clock here is cheap
        ui.context.client.on_delete(self.close)
        restitution_panel.panel(self)

    def close(self) -> None:
        self.ctx.scope.close()
        self.slot.close()

    def refresh_phase(self) -> None:
        state = self.room.state
        self.status.text = self.t("console.state", state=self.t(f"state.{state.status}"))
        self.controls.clear()
        with self.controls:
            if state.status == "draft":
                ui.button(self.t("console.start"), icon="play_arrow", on_click=self.start).props(
                    "color=primary"
                )
            elif state.status == "live":
                last = state.current is not None and state.current >= len(state.agenda) - 1
                ui.button(self.t("console.next"), icon="skip_next", on_click=self.next).props(
                    f"color=primary {'disable' if last else ''}"
                )
                ui.button(self.t("console.close"), icon="stop", on_click=self.confirm_close).props(
                    "outline color=negative"
                )
        self.refresh_agenda()
        self.slot.update()

    def refresh_agenda(self) -> None:
        state, now = self.room.state, self.room.clock()
        self.agenda.clear()
        self.elapsed = None
        with self.agenda:
            for index, item in enumerate(state.agenda):
                current = index == state.current and state.status == "live"
                done = index in state.item_ended
                classes = "cercle-agenda-item" + (" current" if current else " done" if done else "")
                with ui.row().classes(classes + " items-center justify-between no-wrap"):
                    with ui.column().classes("gap-0"):
                        ui.label(f"{index + 1}. {item.title}").classes("font-semibold" if current else "")
                        kind = self.room.registry.label(item.kind, self.lang)
                        extra = f" — {self.t('error.unavailable')}" if is_unavailable(state, index) else ""
                        ui.label(kind + extra).classes("text-xs cercle-muted")
                    with ui.row().classes("items-center gap-2 no-wrap"):
                        ui.label(self.t("console.planned", planned=item.duration_min)).classes("text-sm")
                        spent = state.item_seconds(index, now)
                        label = ui.label(self.t("console.actual", actual=minutes(spent))).classes("text-sm")
                        if current:
                            self.elapsed = (label, index)
                        self.mark_late(label, spent, item.duration_min)
                        if state.status == "live" and not current:
                            ui.button(icon="login", on_click=lambda i=index: self.move(i)).props(
                                f'flat dense round aria-label="{self.t("console.goto")}"'
                            ).tooltip(self.t("console.goto"))

    @staticmethod
    def mark_late(label: ui.label, spent: float | None, planned: int) -> None:
        late = spent is not None and planned > 0 and spent > planned * 60
        label.classes(add="cercle-late" if late else "", remove="" if late else "cercle-late")

    def tick(self) -> None:
        if self.elapsed is None:
            return
        label, index = self.elapsed
        spent = self.room.state.item_seconds(index, self.room.clock())
        label.text = self.t("console.actual", actual=minutes(spent))
        self.mark_late(label, spent, self.room.state.agenda[index].duration_min)

    def refresh_presence(self) -> None:
        counts = self.room.state.counts()
        self.presence.clear()
        with self.presence:
            ui.label(str(counts["total"])).classes("cercle-count text-4xl").props(
                'data-testid="participants-total"'
            )
            ui.label(
                f"{self.t('mode.room')} : {counts['room']} · {self.t('mode.remote')} : {counts['remote']}"
            ).props('data-testid="participants-modes"')
            ui.label(self.t("console.connected", n=self.room.connected)).classes("cercle-muted text-sm")
            with ui.column().classes("gap-0 text-sm"):
                for category in (*CATEGORIES, "none"):
                    ui.label(f"{self.t(f'category.{category}')} : {counts[category]}")

    async def start(self) -> None:
        await self.ctx.submit(lambda s: rules.start(s, self.room.clock()))

    async def next(self) -> None:
        await self.ctx.submit(lambda s: rules.next_item(s, self.room.clock()))

    async def move(self, index: int) -> None:
        await self.ctx.submit(lambda s: rules.move_to(s, index, self.room.clock()))

    def confirm_close(self) -> None:
        with ui.dialog() as dialog, ui.card():
            ui.label(self.t("console.close_confirm"))
            with ui.row():
                ui.button(self.t("console.cancel"), on_click=dialog.close).props("flat")

                async def confirmed() -> None:
                    dialog.close()
                    await self.ctx.submit(lambda s: rules.close(s, self.room.clock()))

                ui.button(self.t("console.confirm"), on_click=confirmed).props("color=negative")
        dialog.open()
