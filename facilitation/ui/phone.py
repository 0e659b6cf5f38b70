"""`/j/{code}`: the participant's phone (in the room or remote).

Kept light for 1,000 phones: no timers, no bindings; a phase change updates two labels in
place, and the activity area is rebuilt only when the agenda item changes.
"""

from __future__ import annotations

from nicegui import app, ui

from .. import session as rules
from ..codes import new_token, normalise_code
from ..feedback import PUBLICATION_TOPIC
from ..i18n import t
from ..room import Room
from ..service import Service
from ..session import CATEGORIES, COLLEGES, MODES, Category, College, Mode
from .a11y import heading, heading_attributes, live
from .common import ActivitySlot
from .context import Scope, ViewContext
from .frame import frame, notice, pick_lang, with_lang
from .markup import esc

TOKENS = "cercle_tokens"


def browser_token(code: str) -> str:
    """This browser's participant token for session `code`, kept in the signed browser cookie."""
    storage = app.storage.browser
    tokens = dict(storage.get(TOKENS, {}))
    if code not in tokens:
        tokens[code] = new_token()
        storage[TOKENS] = tokens
    return tokens[code]


def register(service: Service) -> None:
    default = service.settings.lang

    @ui.page("/j/{code}")
    def phone(code: str, lang: str | None = None, mode: str | None = None) -> None:
        lang = pick_lang(lang, default)
        room = service.rooms.get(code)
        with frame(lang, default, f"/j/{code}", kind="phone"):
            if room is None:
                unknown_code(code, lang, default)
                return
            Phone(room, lang, browser_token(room.code), "remote" if mode == "remote" else "room").build()


def unknown_code(code: str, lang: str, default: str) -> None:
    notice(t("error.unknown_code", lang, code=code), kind="error")
    with ui.column().classes("cercle-card"):
        field = (
            ui.input(t("phone.type_code", lang))
            .props('autocapitalize="characters" maxlength=9')
            .classes("w-full cercle-code text-xl")
        )

        def go() -> None:
            ui.navigate.to(with_lang(f"/j/{normalise_code(field.value or '')}", lang, default))

        field.on("keydown.enter", go)
        ui.button(t("home.join_button", lang), on_click=go).classes("cercle-big-button")


class Phone:
    def __init__(self, room: Room, lang: str, token: str, mode: Mode) -> None:
        self.room, self.lang, self.token, self.default_mode = room, lang, token, mode
        self.ctx = ViewContext(room, lang, "phone", token=token, scope=Scope())
        self.step = "auto"  # "auto" follows the state; "profile" while editing one's answers
        self.slot: ActivitySlot | None = None
        self.follow_slot: ActivitySlot | None = None
        self.following: bool | None = None  # this page shows the screen's view (memory only)

    def t(self, key: str, **params: object) -> str:
        return self.ctx.t(key, **params)  # a remote attendee reads the wording for no room

    def build(self) -> None:
        self.body = ui.column().classes("w-full gap-3")
        self.ctx.scope.owner = self.body
        # Subscribed before the activity view draws: on a move, this page closes the old view
        # before that view's own subscribers would redraw it for nothing.
        self.ctx.subscribe("phase", self.on_phase)
        self.ctx.subscribe(f"profile:{self.token}", self.render)
        self.ctx.subscribe(PUBLICATION_TOPIC, self.on_publication)
        self.render()
        client = ui.context.client
        client.on_connect(lambda: self.room.connect(self.token))
        client.on_disconnect(lambda: self.room.disconnect(self.token))
        client.on_delete(self.close)

    def close(self) -> None:
        self.ctx.scope.close()
        for slot in (self.slot, self.follow_slot):
            if slot is not None:
                slot.close()

    @property
    def joined(self) -> bool:
        return self.token in self.room.state.participants

    def on_phase(self) -> None:
        live = self.room.state.status == "live" and not self.room.erased
        if self.slot is not None and self.joined and self.step == "auto" and live:
            self.show_now()
            self.show_audio()
            self.slot.update()
            if self.follow_slot is not None:
                self.follow_slot.update()
        else:
            self.render()

    def on_publication(self) -> None:
        """The record was published (or withdrawn): a closed session's card says so at once."""
        if self.room.state.status == "closed":
            self.render()

    def render(self) -> None:
        for slot in (self.slot, self.follow_slot):
            if slot is not None:
                slot.close()
        self.slot = self.follow_slot = None
        self.body.clear()
        state = self.room.state
        with self.body:
            ui.label(self.ctx.text(state.title)).classes("cercle-h2")
            if self.room.erased:
                notice(self.t("phone.erased"), kind="info")
            elif state.status == "closed":
                notice(self.t("phone.closed"), kind="ok")
                self.what_next()
            elif self.step == "charter" or (not self.joined and self.step == "auto"):
                self.charter()
            elif self.step == "profile":
                self.profile()
            else:
                self.waiting()

    def charter(self) -> None:
        with ui.column().classes("cercle-card"):
            heading(ui.label(self.t("phone.charter")).classes("cercle-h2"))
            ui.markdown(self.ctx.text(self.room.state.charter)).classes("cercle-charter")

        def accept() -> None:
            self.step = "profile"
            self.render()

        ui.button(self.t("phone.accept"), icon="check", on_click=accept).classes("cercle-big-button").props(
            'color=primary data-testid="accept-charter"'
        )

    def profile(self) -> None:
        known = self.room.state.participants.get(self.token)
        with ui.column().classes("cercle-card"):
            heading(ui.label(self.t("phone.profile")).classes("cercle-h2"))
            ui.label(self.t("phone.profile_hint")).classes("cercle-muted text-sm")
            options = {c: self.t(f"category.{c}") for c in CATEGORIES}
            category = ui.radio(options, value=known.category if known else None).props(
                'data-testid="category"'
            )
            category.props["aria-label"] = self.t("phone.profile")
            mode: ui.radio | None = None
            if not self.room.state.remote.remote_only:  # a fully remote forum asks nothing of a room
                ui.separator()
                ui.label(self.t("phone.where")).classes("font-semibold")
                mode = ui.radio(
                    {m: self.t(f"mode.{m}") for m in MODES}, value=known.mode if known else self.default_mode
                ).props('inline data-testid="mode"')
                mode.props["aria-label"] = self.t("phone.where")
            college = None
            if self.room.state.colleges:  # asked only when the plan or the facilitator asks it
                ui.separator()
                ui.label(self.t("phone.college")).classes("font-semibold")
                ui.label(self.t("phone.college_hint")).classes("cercle-muted text-sm")
                college = ui.radio(
                    {c: self.t(f"college.{c}") for c in COLLEGES}, value=known.college if known else None
                ).props('data-testid="college"')
                college.props["aria-label"] = self.t("phone.college")

        async def done() -> None:
            chosen: Category | None = category.value
            where: Mode = "remote" if mode is None else (mode.value or "room")
            kept = known.college if known is not None else None
            belongs: College | None = college.value if college is not None else kept
            if await self.ctx.run(rules.join, chosen, where, belongs):
                self.step = "auto"
                self.render()

        ui.button(self.t("phone.continue"), icon="arrow_forward", on_click=done).classes(
            "cercle-big-button"
        ).props('color=primary data-testid="join"')

    @property
    def remote(self) -> bool:
        return self.ctx.remote

    def what_next(self) -> None:
        """After the session: where its record is, or when it will be."""
        state = self.room.state
        if state.published:
            url = f"/r/{self.room.code}"
            ui.link(self.t("phone.record"), url).classes("cercle-big-link").props('data-testid="record-link"')
        else:
            ui.label(self.t("phone.record_later" if state.will_publish else "phone.record_none")).classes(
                "cercle-muted"
            ).props('data-testid="record-later"')

    def waiting(self) -> None:
        self.audio = ui.html().classes("w-full")  # the call's link, for whoever has no room
        self.show_audio()
        self.now_card = live(ui.html().classes("cercle-card"))  # the current item, said when it changes
        self.show_now()
        if self.following is None:  # a remote attendee, who has no screen to look at, sees it here
            self.following = self.remote
        self.slot = ActivitySlot(
            self.room, self.lang, "phone", token=self.token, fallback=self.nothing_to_do, deferred=True
        )
        self.switch = (
            ui.button(icon="tv", on_click=lambda: self.show_follow(not self.following))
            .props('outline no-caps data-testid="phone-follow"')
            .classes("w-full cercle-phone-switch")
        )
        self.follow_box = ui.column().classes("w-full cercle-follow").props('data-testid="follow"')
        self.show_follow(self.following)

        def change() -> None:
            self.step = "profile"
            self.render()

        ui.button(self.t("phone.change_profile"), on_click=change).props("flat dense no-caps").classes(
            "self-center"
        )

    def show_audio(self) -> None:
        url = self.room.state.remote.audio_url
        if url and self.remote:
            self.audio.set_content(
                f'<a class="cercle-call" href="{esc(url)}" target="_blank" rel="noopener" '
                f'data-testid="join-audio">{esc(self.t("remote.join_audio"))}</a>'
            )
        self.audio.set_visibility(bool(url) and self.remote)

    def show_follow(self, following: bool) -> None:
        """Show (or not) what the projector shows, under what there is to do; built the first
        time it is shown, and only then costs anything."""
        self.following = following
        self.switch.text = self.t("phone.follow.hide" if following else "phone.follow.show")
        self.follow_box.set_visibility(following)
        if following and self.follow_slot is None:
            with self.follow_box:
                self.follow_slot = ActivitySlot(
                    self.room,
                    self.lang,
                    "follow",
                    token=self.token,
                    fallback=self.follow_moment,
                    deferred=True,
                )

    def follow_moment(self) -> None:
        """The follow view outside activities: the moment as the screen shows it."""
        state = self.room.state
        item = state.current_item if state.status == "live" else None
        with ui.column().classes("w-full gap-1 cercle-follow-view").props('data-testid="follow-moment"'):
            if item is None:
                ui.label(self.t("screen.welcome")).classes("cercle-h2")
                return
            ui.label(self.ctx.text(item.title)).classes("cercle-h2")
            if item.text:
                ui.label(self.ctx.text(item.text))

    def show_now(self) -> None:
        state = self.room.state
        item = state.current_item if state.status == "live" else None
        heading = self.t("phone.now") if item else self.t("phone.waiting")
        title = self.ctx.text(item.title) if item else self.t("phone.before_start")
        text = self.ctx.text(item.text) if item else ""
        self.now_card.set_content(
            f'<div class="text-xs uppercase cercle-muted">{esc(heading)}</div>'
            f'<div class="cercle-h2" data-testid="phone-item" {heading_attributes(2)}>{esc(title)}</div>'
            + (f'<div class="cercle-muted">{esc(text)}</div>' if text else "")
        )

    def nothing_to_do(self) -> None:
        if self.room.state.status == "live":
            ui.label(self.t("phone.unavailable")).classes("cercle-muted text-sm").props(
                'data-testid="phone-nothing"'
            )
