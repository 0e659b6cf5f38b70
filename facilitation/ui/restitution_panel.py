"""The console's restitution panel: exports, publication, the name check of free texts, erasure.

Nothing is published before review: publishing a closed session's record needs the review clear
(no text waits in the moderation queue, the check before publishing finds nothing), or the
facilitator's explicit choice, asked here and decided by the command (`feedback.set_publication`).
A record that waits for review is published as soon as this panel sees the review clear
(`feedback.publish_if_clear`)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from nicegui import background_tasks, ui

from .. import feedback
from ..codes import normalise_code
from ..i18n import add, t, t_plural
from ..moderation import QUEUE_TOPIC
from ..restitution import archive
from .markup import highlighted
from .queue import waiting_texts
from .restitution import FORMAT_LABELS, export_url

if TYPE_CHECKING:
    from .console import Console

log = logging.getLogger(__name__)


# --- the console's panel ------------------------------------------------------------------------


def panel(console: Console) -> None:
    """The restitution card at the end of the console."""
    RestitutionPanel(console).build()


class RestitutionPanel:
    def __init__(self, console: Console) -> None:
        self.console = console
        self.service, self.room, self.lang, self.key = (
            console.service,
            console.room,
            console.lang,
            console.key,
        )
        self.rooms = self.service.rooms
        self.code = self.room.code
        self.review: feedback.Review | None = None  # the last check's result

    def t(self, key: str, **params: Any) -> str:
        return t(key, self.lang, **params)

    def number(self, item_id: int | None) -> int:
        """An agenda item's number as the agenda shows it (from 1)."""
        agenda = self.room.state.agenda
        return self.room.state.position_of(item_id) + 1 if item_id in agenda and item_id is not None else 0

    def build(self) -> None:
        with ui.column().classes("cercle-card").props('data-testid="restitution-panel"'):
            ui.label(self.t("restitution.ui.panel")).classes("cercle-h2")
            with ui.row().classes("items-center gap-3"):
                ui.label(self.t("restitution.ui.downloads")).classes("font-semibold")
                for fmt, label in FORMAT_LABELS.items():
                    ui.link(label, export_url(self.code, fmt, self.lang), new_tab=True).props(
                        f'data-testid="export-{fmt}"'
                    ).mark(f"export-{fmt}")
            self.publication = ui.row().classes("items-center gap-3 w-full")
            ui.separator()
            ui.label(self.t("restitution.ui.check")).classes("font-semibold")
            ui.label(self.t("restitution.ui.check_hint")).classes("cercle-muted text-sm")
            self.suspects = ui.column().classes("w-full gap-2").props('data-testid="suspects"')
            self.holder = ui.element()  # dialogs live here, not in the lists that are redrawn
            ui.button(self.t("restitution.ui.recheck"), icon="refresh", on_click=self.refresh).props(
                "flat dense no-caps"
            )
            ui.separator()
            ui.button(
                self.t("restitution.ui.erase"), icon="delete_forever", on_click=self.confirm_erase
            ).props('outline color=negative data-testid="erase"').mark("erase")
        self.refresh()
        self.console.ctx.subscribe("restitution", self.refresh)
        self.console.ctx.subscribe(QUEUE_TOPIC, self.show_publication)

    def refresh(self) -> None:
        self.show_publication()
        background_tasks.create(self.show_suspects(), name="suspects")

    def show_publication(self) -> None:
        state = self.room.state
        published, will = state.published, state.will_publish
        public = f"{self.service.base_url}/r/{self.code}"
        if self.publication.is_deleted:
            return
        self.publication.clear()
        with self.publication:
            if published:
                text = self.t("restitution.ui.state_published", url=public)
            elif state.awaiting_review:
                held = feedback.held_count(state, self.room.registry)
                findings = "…" if self.review is None else self.review.findings
                text = self.t("restitution.ui.state_waits", held=held, findings=findings)
            else:
                text = self.t("restitution.ui.state_will" if will else "restitution.ui.state_private")
            ui.label(text).props('data-testid="publication"').mark("publication")
            ui.button(
                self.t("restitution.ui.unpublish" if will else "restitution.ui.publish"),
                on_click=lambda: self.publish(not will),
            ).props(f'{"outline" if will else "color=primary"} no-caps data-testid="publish"').mark("publish")
            if state.awaiting_review:
                ui.button(self.t("restitution.ui.publish_anyway"), on_click=lambda: self.publish(True)).props(
                    'color=negative no-caps data-testid="publish-now"'
                ).mark("publish-now")
            ui.link(self.t("restitution.ui.public_page"), f"/r/{self.code}", new_tab=True)  # host cookie

    async def publish(self, publish: bool) -> None:
        """Withdraw the publication; or publish: while live, the choice made at close; once
        closed, at once if the review is clear, else only by an explicit choice in a dialog that
        lists what is still open."""
        ctx = self.console.ctx
        if not publish or self.room.state.status != "closed":
            await ctx.run(feedback.set_publication, publish)
            return
        review, found = await archive.review(self.room)
        self.review = review
        held = waiting_texts(self.console)
        if not held and not review.findings:
            await ctx.run(feedback.set_publication, True, review=review)
            return
        self.confirm_publish(review, held, [s for s in found if not s.hidden])

    def confirm_publish(self, review: feedback.Review, held: list[Any], found: list[archive.Suspect]) -> None:
        """What is still open, and the explicit choice: publish anyway (logged), or once clear."""
        with (
            self.holder,
            ui.dialog() as dialog,
            ui.card()
            .classes("w-[36rem] max-w-full")
            .props('data-testid="publish-dialog"')
            .mark("publish-dialog"),
        ):
            ui.label(self.t("restitution.ui.publish_open")).classes("font-semibold")
            open_lines(self.console, held, found, review.findings - len(found))
            ui.label(self.t("restitution.ui.publish_anyway_hint")).classes("text-sm cercle-muted")

            async def choose(**choice: bool) -> None:
                ctx = self.console.ctx
                if await ctx.run(feedback.set_publication, True, review=review, **choice):
                    dialog.close()

            with ui.row():
                ui.button(self.t("console.cancel"), on_click=dialog.close).props("flat")
                ui.button(
                    self.t("restitution.ui.publish_when_clear"), on_click=lambda: choose(when_clear=True)
                ).props('outline no-caps data-testid="publish-when-clear"').mark("publish-when-clear")
                ui.button(
                    self.t("restitution.ui.publish_anyway"), on_click=lambda: choose(anyway=True)
                ).props('color=negative no-caps data-testid="publish-anyway"').mark("publish-anyway")
        dialog.open()

    async def show_suspects(self) -> None:
        review, found = await archive.review(self.room)
        if self.suspects.is_deleted:
            return
        self.review = review
        self.show_publication()
        if self.room.state.awaiting_review and not review.findings:
            with self.publication:  # a refusal is told on this console
                await self.console.ctx.run(feedback.publish_if_clear, review)
        self.suspects.clear()
        with self.suspects:
            if not found:
                ui.label(self.t("restitution.ui.check_none")).classes("cercle-muted")
            for s in found:
                with ui.column().classes("w-full gap-0 cercle-agenda-item").style("border:1px solid #ddd"):
                    kinds = sorted({self.t(f"restitution.ui.finding.{f.kind}") for f in s.findings})
                    where = (
                        self.t("restitution.ui.comment_where", id=s.text_id)
                        if s.target == "comment"
                        else f"{self.number(s.item)}. {s.item_title.get(self.lang)} — {s.where}"
                    )
                    hidden = f" · {self.t('restitution.ui.hidden_note')}" if s.hidden else ""
                    ui.label(f"{where} · {', '.join(kinds)}{hidden}").classes("text-xs cercle-muted")
                    ui.html(highlighted(s.text, s.findings)).classes(
                        "whitespace-pre-line" + (" line-through" if s.hidden else "")
                    )
                    with ui.row().classes("gap-1"):
                        if s.target == "comment":
                            if not s.hidden:
                                ui.button(
                                    self.t("restitution.ui.hide"),
                                    on_click=lambda s=s: self.edit_dialog(s, hide=True),
                                ).props("flat dense no-caps color=negative")
                            continue
                        ui.button(
                            self.t("restitution.ui.show" if s.hidden else "restitution.ui.hide"),
                            on_click=lambda s=s: self.edit_dialog(s, hide=not s.hidden),
                        ).props(
                            f'flat dense no-caps color=negative data-testid="hide-{s.item}-{s.text_id}"'
                        ).mark(f"hide-{s.item}-{s.text_id}")
                        ui.button(
                            self.t("restitution.ui.edit"), on_click=lambda s=s: self.edit_dialog(s)
                        ).props(f'flat dense no-caps data-testid="edit-{s.item}-{s.text_id}"').mark(
                            f"edit-{s.item}-{s.text_id}"
                        )

    def edit_dialog(self, s: archive.Suspect, hide: bool | None = None) -> None:
        with self.holder, ui.dialog() as dialog, ui.card().classes("w-[36rem] max-w-full"):
            text = None
            if hide is None:
                text = (
                    ui.textarea(self.t("restitution.ui.edit"), value=s.text)
                    .classes("w-full")
                    .props('data-testid="edit-text"')
                    .mark("edit-text")
                )
            needs_reason = s.target == "comment" and hide
            reason = (
                ui.input(
                    self.t("restitution.ui.reason" if needs_reason else "restitution.ui.reason_optional")
                )
                .props('maxlength=300 data-testid="reason"')
                .mark("reason")
            )

            async def confirmed() -> None:
                if await self.apply(s, hide, None if text is None else text.value, reason.value or ""):
                    dialog.close()

            with ui.row():
                ui.button(self.t("console.cancel"), on_click=dialog.close).props("flat")
                ui.button(self.t("console.confirm"), on_click=confirmed).props(
                    'color=primary data-testid="confirm"'
                ).mark("confirm")
        dialog.open()

    async def apply(self, s: archive.Suspect, hide: bool | None, text: str | None, reason: str) -> bool:
        ctx = self.console.ctx
        if s.target == "comment":
            done = await ctx.run(feedback.moderate_comment, int(s.text_id), hide=bool(hide), reason=reason)
        else:
            assert s.item is not None
            activity = self.room.registry.get(self.room.state.agenda[s.item].kind)
            if activity is None:
                return False
            done = await ctx.run(
                feedback.moderate_text, activity, s.text_id, hide=hide, text=text, reason=reason, item=s.item
            )
        if done:
            ui.notify(self.t("restitution.ui.done"), type="positive", position="top")
            await self.show_suspects()
        return done

    def confirm_erase(self) -> None:
        with self.holder, ui.dialog() as dialog, ui.card().classes("w-[32rem] max-w-full"):
            ui.label(self.t("restitution.ui.erase_confirm", code=self.code))
            typed = ui.input(self.code).props('data-testid="erase-code"').mark("erase-code")
            with ui.row():
                ui.button(self.t("console.cancel"), on_click=dialog.close).props("flat")
                button = (
                    ui.button(self.t("restitution.ui.erase_button"), on_click=lambda: self.erase(dialog))
                    .props('color=negative disable data-testid="erase-confirm"')
                    .mark("erase-confirm")
                )

            def check() -> None:
                ok = normalise_code(typed.value or "") == self.code
                button.props(remove="disable") if ok else button.props("disable")

            typed.on_value_change(check)
        dialog.open()

    def erase(self, dialog: ui.dialog) -> None:
        if not self.rooms.key_ok(self.code, self.key):
            return
        dialog.close()
        self.rooms.erase(self.code)
        ui.notify(self.t("restitution.ui.erased"), type="positive", position="top")
        ui.navigate.to("/")


def open_lines(console: Console, held: list[Any], found: list[archive.Suspect], unchecked: int) -> None:
    """What stops a record from being published: the texts waiting in the queue and the check's
    open findings, each with where it was written and the kind of what was found (never the text)."""
    lang = console.lang
    with ui.column().classes("gap-1 text-sm").props('data-testid="open-review"'):
        if held:
            ui.label(t_plural("restitution.ui.open_held", len(held), lang)).classes("font-semibold")
            for w in held[:10]:
                reason = t(f"moderation.reason.{w.reason}", lang) if w.reason else ""
                ui.label(f"• {w.where}" + (f" · {reason}" if reason else ""))
        if found or unchecked:
            ui.label(t_plural("restitution.ui.open_findings", len(found) + unchecked, lang)).classes(
                "font-semibold"
            )
            for s in found[:10]:
                kinds = ", ".join(sorted({t(f"restitution.ui.finding.{f.kind}", lang) for f in s.findings}))
                where = (
                    t("restitution.ui.comment_where", lang, id=s.text_id)
                    if s.target == "comment"
                    else f"{s.item_title.get(lang)} — {s.where}"
                )
                ui.label(f"• {where} · {kinds}")
            if unchecked:
                ui.label(f"• {t_plural('restitution.ui.open_unchecked', unchecked, lang)}")


add(
    {
        "restitution.ui.state_waits": (
            "En attente de relecture (textes dans la file : {held} ; signalements de la vérification : "
            "{findings}). Elle sera publiée dès que tout est relu.",
            "Waiting for review (texts in the queue: {held}; findings of the check: {findings}). It "
            "will be published as soon as everything is reviewed.",
        ),
        "restitution.ui.publish_open": (
            "La relecture n'est pas terminée : rien n'est publié sans votre choix.",
            "The review is not finished: nothing is published without your choice.",
        ),
        "restitution.ui.open_held": (
            {
                "one": "{n} texte attend dans la file de relecture :",
                "other": "{n} textes attendent dans la file de relecture :",
            },
            {"one": "{n} text waits in the review queue:", "other": "{n} texts wait in the review queue:"},
        ),
        "restitution.ui.open_findings": (
            {
                "one": "{n} signalement de la vérification avant publication :",
                "other": "{n} signalements de la vérification avant publication :",
            },
            {
                "one": "{n} finding of the check before publishing:",
                "other": "{n} findings of the check before publishing:",
            },
        ),
        "restitution.ui.open_unchecked": (
            {
                "one": "{n} texte n'a pas pu être vérifié automatiquement",
                "other": "{n} textes n'ont pas pu être vérifiés automatiquement",
            },
            {
                "one": "{n} text could not be checked automatically",
                "other": "{n} texts could not be checked automatically",
            },
        ),
        "restitution.ui.publish_anyway_hint": (
            "« Publier quand même » est consigné au journal de modération public (les nombres, "
            "jamais les textes).",
            "“Publish anyway” is recorded in the public moderation log (the numbers, never the texts).",
        ),
        "restitution.ui.publish_anyway": ("Publier quand même", "Publish anyway"),
        "restitution.ui.publish_when_clear": ("Publier après relecture", "Publish after review"),
    }
)
