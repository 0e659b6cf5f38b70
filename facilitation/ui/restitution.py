"""The public restitution page `/r/{code}` (comments, host-key moderation), and the texts and
helpers it shares with the console's restitution panel (`restitution_panel.py`)."""

from __future__ import annotations

import asyncio
import logging
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from nicegui import app, background_tasks, ui

from .. import feedback
from ..codes import normalise_code
from ..commands import HOST, PUBLIC
from ..feedback import FEEDBACK_TOPIC, MAX_COMMENT
from ..gate import ADDRESS, host_key_from
from ..i18n import add, t
from ..limits import CommentLimiter, Limits
from ..restitution import archive, render_html
from ..restitution.render_md import moderation_what
from ..room import Room
from ..service import Service
from . import guard
from .common import clear_sent
from .context import ViewContext
from .frame import frame, notice, pick_lang
from .phone import TOKENS

log = logging.getLogger(__name__)

LIMITER = CommentLimiter()  # the running server's, set by `register`
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


def export_url(code: str, fmt: str, lang: str) -> str:
    """An export's link: the host's browser sends its host cookie, so no key is in the URL."""
    return f"/api/sessions/{code}/export.{fmt}?{urlencode({'lang': lang})}"


def commenter(code: str) -> tuple[str, str]:
    """Who comments, for the limits: the phone's token for this session if this browser has one,
    else the browser's id in its signed storage; and the keyed hash of the address."""
    request = ui.context.client.request
    browser = request.scope.get("session") or {}
    token = (browser.get(TOKENS) or {}).get(code)
    participant = f"token:{token}" if token else f"browser:{browser.get('id') or ui.context.client.id}"
    return participant, getattr(request.state, ADDRESS, "unknown")


def register(service: Service, limits: Limits) -> None:
    global LIMITER
    LIMITER = limits.comments
    default = service.settings.lang
    rooms = service.rooms

    @ui.page("/r/{code}")
    def public(request: Request, code: str, lang: str | None = None) -> None:
        lang = pick_lang(lang, default)
        code = normalise_code(code)
        key = host_key_from(request.cookies, code)
        with frame(lang, default, f"/r/{code}", kind="restitution"):
            if not rooms.store.code_taken(code):
                notice(t("restitution.ui.unknown", lang, code=code), kind="error")
                return
            host = bool(key) and rooms.key_ok(code, key)
            if host:
                guard.mark_host(ui.context.client, code)
            if not archive.is_published(rooms, code):
                if not host:
                    notice(t("restitution.ui.not_published", lang), kind="info")
                    return
                notice(t("restitution.ui.preview", lang), kind="info")
            room = rooms.get(code)
            if room is not None:
                PublicPage(service, room, lang, key if host else None).build()

    async def purge_now_and_then() -> None:
        while True:
            await asyncio.sleep(PURGE_EVERY)
            try:
                rooms.purge_expired(service.settings.retention_days)
            except Exception:
                log.exception("retention purge failed")

    if service.settings.retention_days > 0:
        app.on_startup(lambda: background_tasks.create(purge_now_and_then(), name="retention"))


class PublicPage:
    def __init__(self, service: Service, room: Room, lang: str, key: str | None) -> None:
        self.rooms, self.room, self.code, self.lang, self.key = service.rooms, room, room.code, lang, key
        self.mine: set[int] = set()  # this page's comments held for review (memory only)
        self.ctx = ViewContext(room, lang, "screen", acting_as=HOST if key else PUBLIC)

    def t(self, key: str, **params: Any) -> str:
        return t(key, self.lang, **params)

    def build(self) -> None:
        doc = archive.document(self.rooms, self.code, self.lang)
        if doc is None:
            notice(self.t("restitution.ui.unknown", code=self.code), kind="error")
            return
        ui.add_head_html(f"<style>{render_html.CSS}</style>")
        with ui.column().classes("cercle-card w-full max-w-[920px] self-center") as card:
            self.ctx.scope.owner = card
            ui.html(render_html.body(doc, with_comments=False)).classes("w-full")
            with ui.row().classes("items-center gap-3 cercle-restitution").props('data-testid="downloads"'):
                ui.label(self.t("restitution.ui.downloads")).classes("font-semibold")
                for fmt, label in FORMAT_LABELS.items():
                    ui.link(label, export_url(self.code, fmt, self.lang), new_tab=fmt == "html")
        with ui.column().classes("cercle-card w-full max-w-[920px] self-center"):
            ui.label(self.t("restitution.comments")).classes("cercle-h2")
            self.comments = (
                ui.column().classes("w-full gap-2 cercle-restitution").props('data-testid="comments"')
            )
            self.holder = ui.element()  # dialogs live here, not in the lists that are redrawn
            if self.room.state.published:
                self.form()
        self.show_comments()
        self.ctx.subscribe(FEEDBACK_TOPIC, self.show_comments)
        ui.context.client.on_delete(self.ctx.scope.close)

    def form(self) -> None:
        self.text = (
            ui.textarea(self.t("restitution.ui.comment_label"))
            .props(f'counter maxlength={MAX_COMMENT} outlined data-testid="comment-text"')
            .mark("comment-text")
            .classes("w-full")
        )
        ui.label(self.t("restitution.ui.comment_hint")).classes("cercle-muted text-sm")
        ui.button(self.t("restitution.ui.comment_send"), icon="send", on_click=self.send).props(
            'color=primary data-testid="comment-send"'
        ).mark("comment-send")

    async def send(self) -> None:
        participant, address = commenter(self.code)
        wait = LIMITER.wait(self.code, participant, address)
        if wait:
            ui.notify(self.t("restitution.error.too_fast", seconds=wait), type="warning", position="top")
            return
        sent = self.text.value or ""
        screened = await self.ctx.screen(sent, multiline=True, limit=MAX_COMMENT)
        events = await self.ctx.events_of(feedback.post_comment, screened)
        if events is None:
            return
        LIMITER.record(self.code, participant, address)
        clear_sent(self.text, sent)
        held = [e for e in events if isinstance(e, feedback.CommentPosted) and e.held]
        if held:
            self.mine.update(e.id for e in held)
            reason = self.t(f"moderation.reason.{held[0].held_reason or 'personal'}")
            ui.notify(self.t("pending.held", reason=reason), type="info", position="top")
            self.show_comments()
        else:
            ui.notify(self.t("restitution.ui.comment_sent"), type="positive", position="top")

    def show_comments(self) -> None:
        doc = archive.document(self.rooms, self.code, self.lang)
        if doc is None:
            return
        self.comments.clear()
        mine = [c.text for c in self.room.state.comments if c.id in self.mine and c.held and not c.hidden]
        with self.comments:
            for text in mine:  # this reader's own comments, waiting for review: shown to them only
                with (
                    ui.column()
                    .classes("comment w-full gap-0 cercle-pending")
                    .props('data-testid="my-pending"')
                ):
                    ui.label(self.t("pending.title")).classes("text-xs font-semibold")
                    ui.label(text).classes("whitespace-pre-line")
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
                    ui.label(
                        f"{m.at[:16].replace('T', ' ')} · {moderation_what(m, self.lang)} — {m.reason or '—'}"
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

            async def confirmed() -> None:
                if await self.moderate(comment_id, True, reason.value or ""):
                    dialog.close()

            with ui.row():
                ui.button(self.t("console.cancel"), on_click=dialog.close).props("flat")
                ui.button(self.t("restitution.ui.hide"), on_click=confirmed).props(
                    'color=negative data-testid="confirm-hide"'
                ).mark("confirm-hide")
        dialog.open()

    async def moderate(self, comment_id: int, hide: bool, reason: str) -> bool:
        if not self.key or not self.rooms.key_ok(self.code, self.key):
            return False
        return await self.ctx.run(feedback.moderate_comment, comment_id, hide=hide, reason=reason)
