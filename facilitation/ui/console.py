"""`/host/{code}`: the facilitator's console. The link `/host/{code}?key=…` sets the host cookie
and redirects here (`facilitation/gate.py`); the page reads the key from that cookie."""

from __future__ import annotations

from fastapi import Request
from nicegui import ui

from .. import session as rules
from ..gate import host_key_from
from ..i18n import add, t, t_plural
from ..restitution import archive
from ..room import Room
from ..service import Service
from ..session import CATEGORIES
from . import guard, restitution_panel
from .agenda_editor import AgendaEditor
from .common import ActivitySlot
from .context import Scope, ViewContext
from .details_form import DetailsForm
from .frame import frame, notice, pick_lang
from .queue import ModerationQueue, waiting_texts
from .remote_card import RemoteCard
from .restitution_panel import open_lines
from .translate import Translator


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
    """The facilitator's console. Its controls are built once and updated in place on a phase
    change: a button under the facilitator's pointer is never replaced while a click is on its
    way (NiceGUI drops the events of deleted elements)."""

    def __init__(self, service: Service, room: Room, lang: str, key: str) -> None:
        self.service, self.room, self.lang, self.key = service, room, lang, key
        self.ctx = ViewContext(room, lang, "console", scope=Scope())
        self.shown_current: int | None = None

    def t(self, key: str, **params: object) -> str:
        return t(key, self.lang, **params)

    def build(self) -> None:
        room, code = self.room, self.room.code
        with ui.column().classes("w-full gap-4") as root:
            self.ctx.scope.owner = root
            Translator.of(self.ctx)  # the page's one dialog for the English of what is typed live
            with ui.row().classes("w-full items-center justify-between cercle-console-head"):
                with ui.column().classes("gap-0"):
                    ui.label(self.ctx.text(room.state.title)).classes("cercle-h1")
                    self.status = ui.label().classes("cercle-muted")
                with ui.row().classes("items-center gap-3") as badges:
                    ui.label(code).classes("cercle-code text-3xl")
            with ui.row().classes("w-full gap-2"):
                self.start_button = ui.button(self.t("console.start"), icon="play_arrow", on_click=self.start)
                self.start_button.props("color=primary")
                self.next_button = ui.button(self.t("console.next"), icon="skip_next", on_click=self.next)
                self.next_button.props("color=primary")
                self.close_button = ui.button(
                    self.t("console.close"), icon="stop", on_click=self.confirm_close
                )
                self.close_button.props("outline color=negative")
            with ui.row().classes("w-full gap-4 items-start no-wrap max-md:flex-wrap"):
                with ui.column().classes("cercle-card flex-[2] min-w-0"):
                    self.agenda = AgendaEditor(self.ctx, goto=self.move)
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
                    RemoteCard(self.ctx)
            self.details = DetailsForm(self.ctx, self.service.host_url(code, self.key))
            self.slot = ActivitySlot(room, self.lang, "console")
            self.queue = ModerationQueue(self, badges)
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
        self.shown_current = state.current
        self.status.text = self.t("console.state", state=self.t(f"state.{state.status}"))
        live = state.status == "live"
        last = state.current is not None and state.next_after_current() is None
        self.start_button.set_visibility(state.status == "draft")
        self.next_button.set_visibility(live)
        self.next_button.set_enabled(live and not last)
        self.close_button.set_visibility(live)
        self.details.card.set_visibility(state.status == "draft")
        self.agenda.refresh()
        self.slot.update()

    def tick(self) -> None:
        self.agenda.tick()

    def refresh_presence(self) -> None:
        counts = self.room.state.counts()
        self.presence.clear()
        with self.presence:
            ui.label(str(counts["total"])).classes("cercle-count text-4xl").props(
                'data-testid="participants-total"'
            )
            ui.label(
                self.t("common.pair", label=self.t("mode.room"), value=counts["room"])
                + " · "
                + self.t("common.pair", label=self.t("mode.remote"), value=counts["remote"])
            ).props('data-testid="participants-modes"')
            ui.label(t_plural("console.connected", self.room.connected, self.lang)).classes(
                "cercle-muted text-sm"
            )
            with ui.column().classes("gap-0 text-sm"):
                for category in (*CATEGORIES, "none"):
                    ui.label(
                        self.t("common.pair", label=self.t(f"category.{category}"), value=counts[category])
                    )

    async def start(self) -> None:
        await self.ctx.run(rules.start)

    async def next(self) -> None:
        # The item shown as current when the button was clicked: a stale second click is refused.
        await self.ctx.run(rules.next_item, self.shown_current)

    async def move(self, item_id: int) -> None:
        await self.ctx.run(rules.move_to, item_id)

    async def confirm_close(self) -> None:
        """Closing says what is still under review (the texts waiting in the queue, the check's
        open findings), and whether the record will wait for it before it is published."""
        review, found = await archive.review(self.room)
        held = waiting_texts(self)
        state = self.room.state
        with (
            self.queue.holder,
            ui.dialog() as dialog,
            ui.card().props('data-testid="close-dialog"').mark("close-dialog"),
        ):
            ui.label(self.t("console.close_confirm"))
            if held or review.findings:
                open_lines(self, held, [s for s in found if not s.hidden], review.findings - len(found))
                if state.will_publish:
                    ui.label(self.t("console.close_waits")).classes("font-semibold")
            with ui.row():
                ui.button(self.t("console.cancel"), on_click=dialog.close).props("flat")

                async def confirmed() -> None:
                    dialog.close()
                    if await self.ctx.run(rules.close, review=review) and self.room.state.awaiting_review:
                        ui.notify(
                            self.t("console.closed_waits"),
                            type="warning",
                            position="top",
                            timeout=0,
                            close_button=self.t("console.ok"),
                        )

                ui.button(self.t("console.confirm"), on_click=confirmed).props(
                    'color=negative data-testid="close-confirm"'
                )
        dialog.open()


add(
    {
        "console.close_waits": (
            "La restitution ne sera pas publiée à la clôture : elle attendra votre relecture, et sera "
            "publiée dès que la file et la vérification seront vides (ou par « Publier quand même »).",
            "The record will not be published at close: it will wait for your review, and be published "
            "as soon as the queue and the check are clear (or by “Publish anyway”).",
        ),
        "console.closed_waits": (
            "Session close. La restitution attend votre relecture avant d'être publiée : voyez la file "
            "« Textes à relire » et la « Vérification avant publication ».",
            "Session closed. The record waits for your review before it is published: see “Texts to "
            "review” and the “Check before publishing”.",
        ),
        "console.ok": ("OK", "OK"),
    }
)
