"""`/`: open a session (from a plan or blank) or join one by its code."""

from __future__ import annotations

from nicegui import ui

from ..codes import normalise_code
from ..demo import DEMO_PLAN
from ..i18n import RuleViolation, t
from ..plans import list_plans
from ..service import Service
from .frame import frame, notice, pick_lang, with_lang


def register(service: Service) -> None:
    default = service.settings.lang

    @ui.page("/")
    def home(lang: str | None = None) -> None:
        lang = pick_lang(lang, default)
        shipped = list_plans()
        plans = {p.name: p.title for p in shipped}
        descriptions = {p.name: p.description for p in shipped}
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
                    result = ui.column().classes("w-full")

                    def create() -> None:
                        result.clear()
                        try:
                            room, key = service.rooms.create(plan=choice.value or None, title=title.value)
                        except RuleViolation as refusal:
                            with result:
                                notice(refusal.message(lang), kind="error")
                            return
                        host = with_lang(f"/host/{room.code}", lang, default, key=key)
                        with result:
                            notice(t("home.created", lang), kind="ok")
                            ui.link(service.host_url(room.code, key), host).classes("break-all")
                            ui.button(t("console.title", lang), on_click=lambda: ui.navigate.to(host))

                    ui.button(t("home.create_button", lang), on_click=create).classes("cercle-big-button")
