"""The session's details as the facilitator prepares them: title, date, charter, licence,
publication and languages, saved as one event (`agenda.edit_details`), and the console link to
keep."""

from __future__ import annotations

from nicegui import ui

from .. import agenda
from ..i18n import add
from .context import ViewContext


class DetailsForm:
    def __init__(self, ctx: ViewContext, host_url: str) -> None:
        self.ctx = ctx
        state = ctx.session
        with ui.column().classes("cercle-card w-full gap-2").props('data-testid="details"') as self.card:
            ui.label(ctx.t("details.heading")).classes("cercle-h2")
            ui.label(ctx.t("details.keep_link")).classes("text-sm")
            ui.label(host_url).classes("cercle-muted text-xs break-all").props('data-testid="host-url"')
            self.title = ui.input(ctx.t("home.title"), value=state.title).classes("w-full")
            self.title.props(f'maxlength={agenda.TITLE_MAX} data-testid="details-title"')
            self.title.without_auto_validation().on_value_change(self.check)
            with ui.row().classes("w-full gap-4 no-wrap max-md:flex-wrap"):
                self.date = ui.input(ctx.t("details.date"), value=state.date).props(
                    'maxlength=40 data-testid="details-date"'
                )
                self.licence = ui.input(ctx.t("details.licence"), value=state.licence).classes("flex-1")
                self.licence.props('data-testid="details-licence"')
            self.charter = ui.textarea(ctx.t("details.charter"), value=state.charter).classes("w-full")
            self.charter.props('autogrow data-testid="details-charter"')
            with ui.row().classes("w-full items-center gap-4"):
                self.publish = ui.checkbox(ctx.t("details.publish"), value=state.publish)
                self.publish.props('data-testid="details-publish"')
                ui.label(ctx.t("details.languages")).classes("text-sm")
                chosen = state.languages or list(agenda.LANGUAGES)
                self.languages = {
                    lang: ui.checkbox(ctx.t(f"details.lang.{lang}"), value=lang in chosen).props(
                        f'data-testid="details-lang-{lang}"'
                    )
                    for lang in agenda.LANGUAGES
                }
            self.colleges = ui.checkbox(ctx.t("details.colleges"), value=state.colleges).props(
                'data-testid="details-colleges"'
            )
            self.save = ui.button(ctx.t("editor.save"), on_click=self.submit).props(
                'color=primary data-testid="save-details"'
            )

    def check(self, *_: object) -> None:
        ok = bool((self.title.value or "").strip())
        self.title.error = None if ok else self.ctx.t("home.title_required")
        self.save.set_enabled(ok)

    async def submit(self) -> None:
        languages = [lang for lang, box in self.languages.items() if box.value]
        if await self.ctx.run(
            agenda.edit_details,
            title=self.title.value or "",
            date=self.date.value or "",
            charter=self.charter.value or "",
            licence=self.licence.value or "",
            publish=bool(self.publish.value),
            languages=languages if len(languages) < len(agenda.LANGUAGES) else [],
            colleges=bool(self.colleges.value),
        ):
            ui.notify(self.ctx.t("details.saved"), type="positive", position="top")


add(
    {
        "details.heading": ("Préparer la session", "Prepare the session"),
        "details.keep_link": (
            "Gardez le lien de cette console : c'est la seule clé de la session.",
            "Keep this console's link: it is the session's only key.",
        ),
        "details.date": ("Date", "Date"),
        "details.licence": ("Licence de la restitution", "Licence of the record"),
        "details.charter": ("Charte (Markdown)", "Charter (Markdown)"),
        "details.publish": ("Publier la restitution à la clôture", "Publish the record at close"),
        "details.languages": ("Langues :", "Languages:"),
        "details.lang.fr": ("français", "French"),
        "details.lang.en": ("anglais", "English"),
        "details.saved": ("Détails enregistrés.", "Details saved."),
        "details.colleges": (
            "Demander aux participant·es leur collège (facultatif, compté seulement par groupes d'au "
            "moins 3)",
            "Ask participants their collège (optional, counted only in groups of at least 3)",
        ),
    }
)
