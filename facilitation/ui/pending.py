"""On a participant's phone: their own texts waiting for the facilitator's review.

A held text is shown to nobody but its author and the console. Nothing stored says who wrote
it, so this page remembers which texts it sent (in memory, for as long as the page lives); it
shows them marked "en attente de relecture", says why, lets the person take one back to rephrase
it, and tells them when it was approved or not kept.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from nicegui import ui

from .. import feedback
from ..events import Event
from ..i18n import add
from ..moderation import QUEUE_TOPIC
from .a11y import heading
from .context import ViewContext


@dataclass
class Mine:
    text_id: str
    text: str
    reason: str


class PendingTexts:
    """The list of this page's held texts for one agenda item (shown only when there is one).
    `rephrase(text)` puts a withdrawn text back into the activity's form."""

    def __init__(self, ctx: ViewContext[Any], rephrase: Callable[[str], None] | None = None) -> None:
        self.ctx, self.rephrase = ctx, rephrase
        self.mine: dict[str, Mine] = {}
        self.card = (
            ui.column()
            .classes("cercle-card cercle-pending gap-1")
            .props('data-testid="pending" role="status" aria-live="polite"')
        )
        self.card.set_visibility(False)
        ctx.subscribe(QUEUE_TOPIC, self.refresh)

    def t(self, key: str, **params: Any) -> str:
        return self.ctx.t(key, **params)

    def note(self, events: list[Event] | None, text_id_field: str = "id") -> bool:
        """After a text was sent: remember it if it was held, and say so. Returns whether it was."""
        held = False
        for e in events or []:
            if getattr(e, "held", False):
                text = str(getattr(e, "text", ""))
                self.add(str(getattr(e, text_id_field)), text, str(getattr(e, "held_reason", "")))
                held = True
        return held

    def add(self, text_id: str, text: str, reason: str) -> None:
        """Remember a held text of this page's, and tell its author why it waits."""
        reason = reason or "personal"
        self.mine[text_id] = Mine(text_id, text, reason)
        ui.notify(self.t("pending.held", reason=self.t(f"moderation.reason.{reason}")), position="top")
        self.draw()

    def refresh(self) -> None:
        """A moderation happened somewhere: drop this page's texts that are no longer waiting."""
        with self.card:  # called by the bus: notices go to this page
            self.review()

    def review(self) -> None:
        if not self.mine or self.ctx.item is None or self.ctx.item not in self.ctx.session.activities:
            return
        activity = self.ctx.room.registry.get(self.ctx.session.agenda[self.ctx.item].kind)
        if activity is None:
            return
        texts = {t.id: t for t in activity.free_texts(self.ctx.state)}
        changed = False
        for text_id in list(self.mine):
            found = texts.get(text_id)
            if found is None or not found.held or found.hidden:
                del self.mine[text_id]
                changed = True
                shown = found is not None and not found.hidden
                ui.notify(self.t("pending.approved" if shown else "pending.not_kept"), position="top")
        if changed:  # another person's text moderated: nothing to redraw here
            self.draw()

    def draw(self) -> None:
        self.card.clear()
        self.card.set_visibility(bool(self.mine))
        with self.card:
            heading(ui.label(self.t("pending.title")).classes("font-semibold"), 3)
            for mine in self.mine.values():
                with ui.column().classes("w-full gap-0 cercle-pending-text"):
                    ui.label(mine.text).classes("whitespace-pre-line")
                    ui.label(
                        self.t("pending.why", reason=self.t(f"moderation.reason.{mine.reason}"))
                    ).classes("text-sm cercle-muted")
                    ui.button(
                        self.t("pending.rephrase"), icon="edit", on_click=lambda m=mine: self.withdraw(m)
                    ).props("flat no-caps").classes("self-start")

    async def withdraw(self, mine: Mine) -> None:
        item = self.ctx.item
        activity = (
            self.ctx.room.registry.get(self.ctx.session.agenda[item].kind) if item is not None else None
        )
        if activity is None:
            return
        if await self.ctx.act(feedback.withdraw_text, activity, mine.text_id):
            self.mine.pop(mine.text_id, None)
            self.draw()
            if self.rephrase is not None:
                self.rephrase(mine.text)


add(
    {
        "pending.title": ("En attente de relecture", "Waiting for review"),
        "pending.held": (
            "Votre texte attend une relecture avant d'être affiché : {reason}.",
            "Your text waits for review before it is shown: {reason}.",
        ),
        "pending.why": ("Retenu : {reason}.", "Held: {reason}."),
        "pending.rephrase": ("Reformuler", "Rephrase"),
        "pending.approved": (
            "Votre texte a été relu et il est affiché.",
            "Your text was reviewed and is shown.",
        ),
        "pending.not_kept": (
            "Votre texte n'a pas été retenu après relecture.",
            "Your text was not kept after review.",
        ),
    }
)
