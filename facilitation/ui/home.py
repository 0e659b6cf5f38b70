"""`/`: open a session (from a plan or blank) or join one by its code."""

from __future__ import annotations

import base64
from collections.abc import Callable

from nicegui import app, events, ui

from ..codes import normalise_code
from ..demo import DEMO_PLAN
from ..gate import ADDRESS
from ..i18n import RuleViolation, add, t
from ..limits import Limits
from ..plans import MAX_PLAN_BYTES, PlanError, list_plans, read_upload
from ..room import Room
from ..service import Service
from .frame import frame, notice, pick_lang, with_lang

# The chosen file, read in the browser: its name and content (base64), or no content when too large.
READ_FILE = """(e) => {
  const file = e.target.files[0]; e.target.value = '';
  if (!file) return;
  if (file.size > %d) { emit({name: file.name, data: null}); return; }
  const reader = new FileReader();
  reader.onload = () => emit({name: file.name, data: String(reader.result).split(',')[1] || ''});
  reader.readAsDataURL(file);
}"""
REMEMBERED = "cercle_organiser_key"  # in the tab's storage: server memory, for this tab only

add(
    {
        "home.organiser_key": ("Clé d'organisation", "Organiser key"),
        "home.prepare": ("Préparer une session", "Prepare a session"),
        "home.untitled": ("Nouvelle session", "New session"),
        "home.upload": (
            "Ouvrir une session depuis un programme (.toml)",
            "Open a session from a plan (.toml)",
        ),
        "home.upload_hint": (
            "« Préparer » ouvre l'éditeur sur une session en brouillon ; un programme exporté "
            "d'une session (256 Kio au plus) peut aussi être déposé ici.",
            "“Prepare” opens the editor on a draft session; a plan exported from a session "
            "(256 KiB at most) can also be dropped here.",
        ),
        "home.organiser_hint": (
            "Ce serveur la demande pour ouvrir une session ; elle est retenue pour cet onglet.",
            "This server asks for it to open a session; it is remembered for this tab.",
        ),
        "home.organiser_remembered": (
            "Clé d'organisation retenue pour cet onglet (laissez vide pour la garder).",
            "Organiser key remembered for this tab (leave empty to keep it).",
        ),
    }
)


def remembered() -> str:
    try:
        return str(app.storage.tab.get(REMEMBERED, ""))
    except (RuntimeError, AssertionError):  # no socket yet: nothing remembered
        return ""


def remember(key: str) -> None:
    try:
        if key:
            app.storage.tab[REMEMBERED] = key
        else:
            app.storage.tab.pop(REMEMBERED, None)
    except (RuntimeError, AssertionError):
        pass


def register(service: Service, limits: Limits) -> None:
    default = service.settings.lang

    @ui.page("/")
    def home(lang: str | None = None) -> None:
        lang = pick_lang(lang, default)
        shipped = list_plans()
        plans = {p.name: p.title.get(lang) for p in shipped}
        descriptions = {p.name: p.description.get(lang) for p in shipped}
        with frame(lang, default, "/", kind="home"):
            ui.label(t("app.tagline", lang)).classes("cercle-h2")
            with ui.row().classes("w-full gap-4 items-start no-wrap max-md:flex-wrap"):
                with ui.column().classes("cercle-card flex-1"):
                    ui.label(t("home.join", lang)).classes("cercle-h2")
                    code = (
                        ui.input(t("home.code", lang))
                        .props('autocapitalize="characters" maxlength=9')
                        .classes("w-full cercle-code")
                    )

                    def join() -> None:
                        ui.navigate.to(with_lang(f"/j/{normalise_code(code.value or '')}", lang, default))

                    code.on("keydown.enter", join)
                    ui.button(t("home.join_button", lang), on_click=join).classes("cercle-big-button")
                with ui.column().classes("cercle-card flex-1"):
                    ui.label(t("home.create", lang)).classes("cercle-h2")
                    choice = ui.select(
                        {**plans, "": t("home.blank", lang)},
                        value=DEMO_PLAN if DEMO_PLAN in plans else next(iter(plans), ""),
                        label=t("home.plan", lang),
                    ).classes("w-full")
                    about = ui.label(descriptions.get(choice.value, "")).classes("cercle-muted text-sm")
                    title = ui.input(t("home.title", lang)).props("maxlength=200").classes("w-full")
                    title.set_visibility(not choice.value)

                    def chosen(value: str) -> None:
                        title.set_visibility(not value)
                        about.text = descriptions.get(value, "")

                    choice.on_value_change(lambda e: chosen(e.value))
                    organiser = None
                    if limits.organiser_key:
                        organiser = (
                            ui.input(t("home.organiser_key", lang), password=True)
                            .props('autocomplete="off" data-testid="organiser-key"')
                            .mark("organiser-key")
                            .classes("w-full")
                        )
                        ui.label(t("home.organiser_hint", lang)).classes("cercle-muted text-xs")
                    result = ui.column().classes("w-full")

                    def open_session(make: Callable[[], tuple[Room, str]], go: bool = False) -> None:
                        """Check the organiser key and the limits, open the session `make` makes,
                        then show its console link (and open the console when `go`)."""
                        result.clear()
                        request = ui.context.client.request
                        address = getattr(request.state, ADDRESS, "unknown")
                        given = (organiser.value or "").strip() if organiser is not None else ""
                        given = given or remembered()
                        try:
                            limits.check_organiser(given, address)
                            limits.check_capacity(address, service.rooms.open_count())
                            room, key = make()
                        except RuleViolation as refusal:
                            if refusal.key.startswith("limits.organiser_key"):
                                remember("")
                            with result:
                                notice(refusal.message(lang), kind="error").props('data-testid="home-error"')
                            return
                        except PlanError as bad:
                            with result:
                                notice(bad.message(lang), kind="error").props('data-testid="home-error"')
                            return
                        if organiser is not None:
                            remember(given)
                            organiser.value = ""
                            organiser.props(f'hint="{t("home.organiser_remembered", lang)}"')
                        host = with_lang(f"/host/{room.code}", lang, default, key=key)
                        with result:
                            notice(t("home.created", lang), kind="ok")
                            ui.link(service.host_url(room.code, key), host).classes("break-all").props(
                                'data-testid="host-link"'
                            )
                            ui.button(t("console.title", lang), on_click=lambda: ui.navigate.to(host))
                        if go:
                            ui.navigate.to(host)

                    def from_choice() -> tuple[Room, str]:
                        if not choice.value and not (title.value or "").strip():
                            raise RuleViolation("home.title_required")
                        return service.rooms.create(plan=choice.value or None, title=title.value)

                    def create() -> None:
                        open_session(from_choice)

                    def prepare() -> None:
                        open_session(lambda: service.rooms.create(title=t("home.untitled", lang)), go=True)

                    def uploaded(e: events.GenericEventArguments) -> None:
                        name, data = str(e.args.get("name", "")), e.args.get("data")
                        if data is None:  # refused by the browser: larger than a plan may be
                            rejected()
                            return
                        try:
                            content = base64.b64decode(str(data), validate=True)
                        except ValueError:
                            content = b"\xff"  # not what a browser sends: refused as not UTF-8
                        open_session(lambda: service.rooms.create(plan=read_upload(name, content)))

                    def rejected() -> None:
                        result.clear()
                        with result:
                            message = t("plans.problem.size", lang, max=MAX_PLAN_BYTES // 1024)
                            notice(message, kind="error").props('data-testid="home-error"')

                    ui.button(t("home.create_button", lang), on_click=create).classes("cercle-big-button")
                    with ui.row().classes("w-full gap-2 items-center"):
                        ui.button(t("home.prepare", lang), icon="edit_note", on_click=prepare).props(
                            'outline no-caps data-testid="prepare"'
                        )
                    ui.label(t("home.upload_hint", lang)).classes("cercle-muted text-xs")
                    # A native file input in its label: named, reached with the keyboard, and
                    # read in the browser (the plan comes over the page's socket, base64).
                    with ui.element("label").classes("cercle-upload").props('data-testid="upload-plan"'):
                        ui.label(t("home.upload", lang)).classes("font-semibold")
                        ui.element("input").props('type=file accept=".toml,text/plain"').on(
                            "change", uploaded, js_handler=READ_FILE % MAX_PLAN_BYTES
                        )
