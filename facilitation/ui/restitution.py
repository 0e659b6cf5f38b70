"""The public restitution page `/r/{code}` (comments, host-key moderation) and the console's
restitution panel (exports, publication, the name check of free texts, erasure)."""

from __future__ import annotations

import asyncio
import logging
from html import escape
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from nicegui import app, background_tasks, ui

from .. import privacy
from ..codes import normalise_code
from ..i18n import RuleViolation, add, t
from ..restitution import archive, render_html
from ..service import Service
from .frame import frame, notice, pick_lang

if TYPE_CHECKING:
    from .console import Console

log = logging.getLogger(__name__)

LIMITER = archive.RateLimiter()
PURGE_EVERY = 6 * 3600.0
FORMAT_LABELS = {"md": "Markdown", "html": "HTML", "json": "JSON", "csv": "CSV"}

add(
    {
        "restitution.ui.unknown": (
            "Aucune restitution ne porte le code « {code} ». Vérifiez le lien.",
            "No record has the code “{code}”. Check the link.",
        ),
        "restitution.ui.not_published": (
            "Cette restitution n'est pas encore publiée. Elle le sera après la clôture du forum, "
            "si l'animation la publie.",
            "This record is not published yet. It will be after the forum closes, if the facilitator "
            "publishes it.",
        ),
        "restitution.ui.preview": (
            "Aperçu réservé à l'animation : cette page n'est pas encore publique.",
            "Facilitator's preview: this page is not public yet.",
        ),
        "restitution.ui.downloads": ("Télécharger", "Download"),
        "restitution.ui.comment_label": ("Votre commentaire (anonyme)", "Your comment (anonymous)"),
        "restitution.ui.comment_hint": (
            "Ni nom, ni adresse, ni numéro : la règle de Chatham House s'applique aussi ici.",
            "No names, addresses or numbers: the Chatham House rule applies here too.",
        ),
        "restitution.ui.comment_send": ("Publier le commentaire", "Post the comment"),
        "restitution.ui.comment_sent": (
            "Merci, votre commentaire est publié.",
            "Thank you, your comment is posted.",
        ),
        "restitution.ui.hide": ("Masquer", "Hide"),
        "restitution.ui.show": ("Rétablir", "Show again"),
        "restitution.ui.edit": ("Corriger", "Edit"),
        "restitution.ui.reason": ("Motif (publié)", "Reason (published)"),
        "restitution.ui.reason_optional": ("Motif (facultatif, publié)", "Reason (optional, published)"),
        "restitution.ui.hidden_note": ("masqué", "hidden"),
        "restitution.ui.panel": ("Restitution", "Restitution"),
        "restitution.ui.state_published": ("Publiée : {url}", "Published: {url}"),
        "restitution.ui.state_will": (
            "Sera publiée à la clôture de la session.",
            "Will be published when the session closes.",
        ),
        "restitution.ui.state_private": ("Non publiée.", "Not published."),
        "restitution.ui.publish": ("Publier", "Publish"),
        "restitution.ui.unpublish": ("Retirer la publication", "Unpublish"),
        "restitution.ui.public_page": ("Page publique", "Public page"),
        "restitution.ui.check": ("Vérification avant publication", "Check before publishing"),
        "restitution.ui.check_hint": (
            "Textes libres qui semblent contenir un nom, une adresse e-mail ou un numéro de téléphone.",
            "Free texts that seem to hold a name, an e-mail address or a phone number.",
        ),
        "restitution.ui.check_none": ("Rien à signaler.", "Nothing to report."),
        "restitution.ui.recheck": ("Vérifier à nouveau", "Check again"),
        "restitution.ui.finding.name": ("nom", "name"),
        "restitution.ui.finding.email": ("e-mail", "e-mail"),
        "restitution.ui.finding.phone": ("téléphone", "phone"),
        "restitution.ui.finding.handle": ("pseudonyme", "handle"),
        "restitution.ui.comment_where": ("Commentaire n° {id}", "Comment #{id}"),
        "restitution.ui.done": ("C'est fait, et consigné au journal de modération.", "Done, and logged."),
        "restitution.ui.erase": ("Effacer la session", "Erase the session"),
        "restitution.ui.erase_confirm": (
            "Effacer définitivement la session {code} : ses événements, sa restitution, ses commentaires. "
            "Rien ne pourra être récupéré. Tapez le code pour confirmer.",
            "Erase session {code} for good: its events, record and comments. Nothing can be recovered. "
            "Type the code to confirm.",
        ),
        "restitution.ui.erase_button": ("Effacer définitivement", "Erase for good"),
        "restitution.ui.erased": ("Session effacée.", "Session erased."),
    }
)


def highlighted(text: str, findings: tuple[privacy.Finding, ...]) -> str:
    """The text, escaped, with what looks personal marked."""
    parts, at = [], 0
    for f in findings:
        parts += [escape(text[at : f.start]), f"<mark>{escape(text[f.start : f.end])}</mark>"]
        at = f.end
    return "".join([*parts, escape(text[at:])])


def export_url(code: str, fmt: str, lang: str, key: str | None = None) -> str:
    query = {"lang": lang, **({"key": key} if key else {})}
    return f"/api/sessions/{code}/export.{fmt}?{urlencode(query)}"


def register(service: Service) -> None:
    default = service.settings.lang
    rooms = service.rooms

    @ui.page("/r/{code}")
    def public(code: str, key: str | None = None, lang: str | None = None) -> None:
        lang = pick_lang(lang, default)
        code = normalise_code(code)
        with frame(lang, default, f"/r/{code}", kind="restitution", **({"key": key} if key else {})):
            if not rooms.store.code_taken(code):
                notice(t("restitution.ui.unknown", lang, code=code), kind="error")
                return
            host = bool(key) and rooms.key_ok(code, key)
            if not archive.is_published(rooms, code):
                if not host:
                    notice(t("restitution.ui.not_published", lang), kind="info")
                    return
                notice(t("restitution.ui.preview", lang), kind="info")
            PublicPage(service, code, lang, key if host else None).build()

    async def purge_now_and_then() -> None:
        while True:
            await asyncio.sleep(PURGE_EVERY)
            try:
                archive.start_up(rooms, service.settings.retention_days)
            except Exception:
                log.exception("retention purge failed")

    if service.settings.retention_days > 0:
        app.on_startup(lambda: background_tasks.create(purge_now_and_then(), name="retention"))


class PublicPage:
    def __init__(self, service: Service, code: str, lang: str, key: str | None) -> None:
        self.rooms, self.code, self.lang, self.key = service.rooms, code, lang, key

    def t(self, key: str, **params: Any) -> str:
        return t(key, self.lang, **params)

    def build(self) -> None:
        doc = archive.document(self.rooms, self.code, self.lang)
        if doc is None:
            notice(self.t("restitution.ui.unknown", code=self.code), kind="error")
            return
        ui.add_head_html(f"<style>{render_html.CSS}</style>")
        with ui.column().classes("cercle-card w-full max-w-[920px] self-center"):
            ui.html(render_html.body(doc, with_comments=False), sanitize=False).classes("w-full")
            with ui.row().classes("items-center gap-3 cercle-restitution").props('data-testid="downloads"'):
                ui.label(self.t("restitution.ui.downloads")).classes("font-semibold")
                for fmt, label in FORMAT_LABELS.items():
                    ui.link(label, export_url(self.code, fmt, self.lang, self.key), new_tab=fmt == "html")
        with ui.column().classes("cercle-card w-full max-w-[920px] self-center"):
            ui.label(self.t("restitution.comments")).classes("cercle-h2")
            self.comments = (
                ui.column().classes("w-full gap-2 cercle-restitution").props('data-testid="comments"')
            )
            self.holder = ui.element()  # dialogs live here, not in the lists that are redrawn
            if archive.is_published(self.rooms, self.code):
                self.form()
        self.show_comments()
        unsubscribe = self.rooms.bus.subscribe(self.code, "comments", self.show_comments)
        client = ui.context.client
        client.on_delete(unsubscribe)
        client.on_delete(lambda: LIMITER.forget(client.id))

    def form(self) -> None:
        self.text = (
            ui.textarea(self.t("restitution.ui.comment_label"))
            .props(f'counter maxlength={archive.MAX_COMMENT} outlined data-testid="comment-text"')
            .mark("comment-text")
            .classes("w-full")
        )
        ui.label(self.t("restitution.ui.comment_hint")).classes("cercle-muted text-sm")
        ui.button(self.t("restitution.ui.comment_send"), icon="send", on_click=self.send).props(
            'color=primary data-testid="comment-send"'
        ).mark("comment-send")

    def send(self) -> None:
        try:
            archive.post_comment(self.rooms, self.code, self.text.value or "", LIMITER, ui.context.client.id)
        except RuleViolation as refusal:
            ui.notify(refusal.message(self.lang), type="warning", position="top")
            return
        self.text.value = ""
        ui.notify(self.t("restitution.ui.comment_sent"), type="positive", position="top")
        self.rooms.bus.publish(self.code, {"comments"})
        self.show_comments()

    def show_comments(self) -> None:
        doc = archive.document(self.rooms, self.code, self.lang)
        if doc is None:
            return
        self.comments.clear()
        with self.comments:
            if not doc.comments:
                ui.label(self.t("restitution.no_comments")).classes("cercle-muted")
            for c in doc.comments:
                with ui.column().classes("comment w-full gap-0" + (" hidden-comment" if c.hidden else "")):
                    ui.label(f"n° {c.id} · {c.at[:16].replace('T', ' ')}").classes("cercle-muted text-xs")
                    if c.hidden:
                        reason = c.reason or self.t("restitution.no_reason")
                        ui.label(self.t("restitution.comment_hidden", reason=reason)).classes(
                            "italic cercle-muted"
                        )
                    else:
                        ui.label(c.text).classes("whitespace-pre-line")
                    if self.key:
                        self.moderation_buttons(c.id, c.hidden)
            if doc.moderation:
                ui.label(self.t("restitution.moderation")).classes("font-semibold mt-2")
                for m in doc.moderation:
                    what = self.t(f"restitution.action.{m.action}")
                    target = (
                        self.t("restitution.target.comment", id=m.target_id)
                        if m.target == "comment"
                        else self.t("restitution.target.free_text", place=m.place or m.target_id)
                    )
                    ui.label(
                        f"{m.at[:16].replace('T', ' ')} · {target} : {what} — {m.reason or '—'}"
                    ).classes("text-sm")

    def moderation_buttons(self, comment_id: int, hidden: bool) -> None:
        if hidden:
            ui.button(
                self.t("restitution.ui.show"), on_click=lambda: self.moderate(comment_id, False, "")
            ).props("flat dense no-caps")
            return
        ui.button(
            self.t("restitution.ui.hide"), icon="visibility_off", on_click=lambda: self.ask_reason(comment_id)
        ).props(f'flat dense no-caps color=negative data-testid="hide-{comment_id}"').mark(
            f"hide-{comment_id}"
        )

    def ask_reason(self, comment_id: int) -> None:
        with self.holder, ui.dialog() as dialog, ui.card():
            reason = (
                ui.input(self.t("restitution.ui.reason"))
                .props('maxlength=300 data-testid="reason"')
                .mark("reason")
            )

            def confirmed() -> None:
                if self.moderate(comment_id, True, reason.value or ""):
                    dialog.close()

            with ui.row():
                ui.button(self.t("console.cancel"), on_click=dialog.close).props("flat")
                ui.button(self.t("restitution.ui.hide"), on_click=confirmed).props(
                    'color=negative data-testid="confirm-hide"'
                ).mark("confirm-hide")
        dialog.open()

    def moderate(self, comment_id: int, hide: bool, reason: str) -> bool:
        if not self.key or not self.rooms.key_ok(self.code, self.key):
            return False
        try:
            archive.hide_comment(self.rooms, self.code, comment_id, reason, hide=hide)
        except RuleViolation as refusal:
            ui.notify(refusal.message(self.lang), type="warning", position="top")
            return False
        self.rooms.bus.publish(self.code, {"comments"})
        self.show_comments()
        return True


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

    def t(self, key: str, **params: Any) -> str:
        return t(key, self.lang, **params)

    def build(self) -> None:
        with ui.column().classes("cercle-card").props('data-testid="restitution-panel"'):
            ui.label(self.t("restitution.ui.panel")).classes("cercle-h2")
            with ui.row().classes("items-center gap-3"):
                ui.label(self.t("restitution.ui.downloads")).classes("font-semibold")
                for fmt, label in FORMAT_LABELS.items():
                    ui.link(label, export_url(self.code, fmt, self.lang, self.key), new_tab=True).props(
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
        self.console.ctx.subscribe("phase", self.on_phase)

    def on_phase(self) -> None:
        if self.room.state.status == "closed":
            archive.finalise(self.room)
        self.refresh()

    def refresh(self) -> None:
        self.show_publication()
        self.show_suspects()

    def show_publication(self) -> None:
        published = archive.is_published(self.rooms, self.code)
        will = archive.will_publish(self.rooms, self.code)
        public = f"{self.service.base_url}/r/{self.code}"
        self.publication.clear()
        with self.publication:
            if published:
                text = self.t("restitution.ui.state_published", url=public)
            else:
                text = self.t("restitution.ui.state_will" if will else "restitution.ui.state_private")
            ui.label(text).props('data-testid="publication"').mark("publication")
            ui.button(
                self.t("restitution.ui.unpublish" if will else "restitution.ui.publish"),
                on_click=lambda: self.publish(not will),
            ).props(f'{"outline" if will else "color=primary"} no-caps data-testid="publish"').mark("publish")
            ui.link(self.t("restitution.ui.public_page"), f"/r/{self.code}?key={self.key}", new_tab=True)

    def publish(self, publish: bool) -> None:
        archive.set_publish(self.rooms, self.code, publish)
        self.show_publication()

    def show_suspects(self) -> None:
        found = archive.suspects(self.rooms, self.code)
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
                        else f"{(s.item or 0) + 1}. {s.item_title} — {s.where}"
                    )
                    hidden = f" · {self.t('restitution.ui.hidden_note')}" if s.hidden else ""
                    ui.label(f"{where} · {', '.join(kinds)}{hidden}").classes("text-xs cercle-muted")
                    ui.html(highlighted(s.text, s.findings), sanitize=False).classes(
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
        try:
            if s.target == "comment":
                archive.hide_comment(self.rooms, self.code, int(s.text_id), reason, hide=bool(hide))
                self.rooms.bus.publish(self.code, {"comments"})
            else:
                assert s.item is not None
                await archive.moderate_text(self.room, s.item, s.text_id, hide=hide, text=text, reason=reason)
        except RuleViolation as refusal:
            ui.notify(refusal.message(self.lang), type="warning", position="top")
            return False
        ui.notify(self.t("restitution.ui.done"), type="positive", position="top")
        self.show_suspects()
        return True

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
        privacy.erase_session(self.rooms, self.code)
        ui.notify(self.t("restitution.ui.erased"), type="positive", position="top")
        ui.navigate.to("/")
