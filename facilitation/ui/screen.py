"""`/screen/{code}`: the projected screen. Read-only: nothing on it controls the session."""

from __future__ import annotations

from nicegui import ui

from .. import qr
from ..feedback import PUBLICATION_TOPIC
from ..i18n import fmt_date, t, t_plural
from ..room import Room
from ..service import Service
from .common import ActivitySlot
from .context import Scope, ViewContext
from .frame import frame, notice, pick_lang


def register(service: Service) -> None:
    default = service.settings.lang

    @ui.page("/screen/{code}")
    def screen(code: str, lang: str | None = None) -> None:
        lang = pick_lang(lang, default)
        room = service.rooms.get(code)
        with frame(lang, default, f"/screen/{code}", kind="screen"):
            if room is None:
                notice(t("error.unknown_code", lang, code=code), kind="error")
                return
            Screen(service, room, lang).build()


class Screen:
    def __init__(self, service: Service, room: Room, lang: str) -> None:
        self.service, self.room, self.lang = service, room, lang
        self.ctx = ViewContext(room, lang, "screen", scope=Scope())

    def t(self, key: str, **params: object) -> str:
        return t(key, self.lang, **params)

    def build(self) -> None:
        code = self.room.code
        self.ctx.scope.owner = self.ctx.label(self.room.state.title.get, "cercle-screen-title")
        bilingual = " cercle-screen-bilingual" if self.ctx.second else ""
        with ui.row().classes("w-full flex-1 no-wrap gap-[3vw] items-start" + bilingual):
            with ui.column().classes("cercle-screen-side"):
                self.qr_label = ui.column().classes("items-center gap-0")
                self.qr = ui.html().classes("cercle-screen-qr").props('role="img" data-testid="screen-qr"')
                self.code_label = (
                    ui.label(code)
                    .classes("cercle-code cercle-screen-code")
                    .props('data-testid="screen-code"')
                )
                self.url = ui.label().classes("cercle-screen-url").props('data-testid="join-url"')
                self.count = (
                    ui.label().classes("cercle-count cercle-screen-count").props('data-testid="screen-count"')
                )
                self.modes = ui.label().classes("cercle-screen-label").props('data-testid="screen-modes"')
                self.audio = ui.label().classes("cercle-screen-url").props('data-testid="screen-audio"')
            with ui.column().classes("cercle-screen-main"):
                self.slot = ActivitySlot(self.room, self.lang, "screen", fallback=self.moment)
        self.refresh_side()
        self.refresh_presence()
        self.ctx.subscribe("phase", self.refresh_phase)
        self.ctx.subscribe("presence", self.refresh_presence)
        self.ctx.subscribe(PUBLICATION_TOPIC, self.refresh_side)
        ui.context.client.on_delete(self.close)

    def close(self) -> None:
        self.ctx.scope.close()
        self.slot.close()

    def moment(self) -> None:
        """What the screen shows outside activities: the current moment, or a welcome."""
        state = self.room.state
        if state.status == "closed":
            self.ctx.label(self.ctx.words("screen.closed"), "cercle-screen-item")
            return
        item = state.current_item if state.status == "live" else None
        if item is None:
            self.ctx.label(self.ctx.words("screen.welcome"), "cercle-screen-item")
            if state.date:
                self.ctx.label(lambda lang: fmt_date(state.date, lang), "cercle-screen-text")
            return
        self.ctx.label(item.title.get, "cercle-screen-item").props('data-testid="screen-item"')
        if item.text:
            self.ctx.label(item.text.get, "cercle-screen-text")

    def refresh_phase(self) -> None:
        self.refresh_side()
        self.slot.update(force=True)

    def refresh_side(self) -> None:
        """The QR code to join; once the session is closed, the QR code of its record. The call's
        link, for the room's computer (and what a fully remote forum shares)."""
        state, code = self.room.state, self.room.code
        closed = state.status == "closed"
        url = f"{self.service.base_url}/r/{code}" if closed else self.service.join_url(code)
        shown = not closed or state.will_publish
        self.qr_label.clear()
        with self.qr_label:
            self.ctx.label(
                self.ctx.words("screen.record" if closed else "screen.join"), "cercle-screen-label"
            )
        self.qr.set_content(qr.svg(url) if shown else "")
        self.qr.props(f'data-join-url="{url}" aria-label="QR code: {url}"')
        self.url.text = url if shown else ""
        self.code_label.set_visibility(not closed)
        for element in (self.qr_label, self.qr, self.url):
            element.set_visibility(shown)
        audio = state.remote.audio_url
        self.audio.text = self.t("remote.screen_audio", url=audio) if audio and not closed else ""
        self.audio.set_visibility(bool(audio) and not closed)

    def refresh_presence(self) -> None:
        counts = self.room.state.counts()
        self.count.text = t_plural("screen.participants", counts["total"], self.lang)
        self.modes.text = (
            ""
            if self.room.state.remote.remote_only  # a fully remote forum has no room to count
            else f"{counts['room']} {self.t('screen.room')} · {counts['remote']} {self.t('screen.remote')}"
        )
