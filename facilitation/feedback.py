"""What the public and the facilitator add around the record: comments on the published
restitution, the moderation log, and the choice to publish. Pure: events, rules and folds that
`session.apply` dispatches to; no I/O, no UI.

Like every change, these are events in the session's log. They are also what a retention purge
keeps (`KEPT_ON_PURGE` in `session.py`): the record stays open to comments after the raw
participation events are gone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, TypeVar

from pydantic import BaseModel

from .commands import CommandContext, command
from .events import ActivityEvent, Event, Folder, event
from .i18n import RuleViolation, add
from .text import clean_text

if TYPE_CHECKING:
    from .activity import Activity
    from .session import SessionState

MAX_COMMENT = 2000
MAX_REASON = 300
Action = Literal["hide", "show", "edit"]
S = TypeVar("S")  # the state of the activity whose text is moderated


class Comment(BaseModel):
    """An anonymous comment on the published restitution: what was said, never who."""

    id: int
    at: float
    text: str
    hidden: bool = False
    reason: str = ""


class ModerationRecord(BaseModel):
    """One line of the public moderation log: what was moderated, when and why; never who, and
    never the text that was hidden or replaced."""

    at: float
    target: Literal["comment", "free_text"]
    target_id: str
    action: Action
    reason: str = ""
    place: str = ""


# --- events -------------------------------------------------------------------------------------


@event
class CommentPosted(Event):
    """A reader commented the published restitution (anonymous; `id` counts from 1)."""

    type = "session.comment_posted"
    id: int
    text: str
    at: float


@event
class CommentModerated(Event):
    """The facilitator hid (or showed again) a comment, with the published reason."""

    type = "session.comment_moderated"
    id: int
    hidden: bool
    reason: str = ""
    at: float


@event
class TextModerated(Event):
    """The moderation log's line for an activity's free text (the activity's own event, stored
    beside it, changes the text): hidden, shown again or edited, where and why."""

    type = "session.text_moderated"
    item: int
    text_id: str
    action: Action
    reason: str = ""
    place: str = ""
    at: float


@event
class PublicationChosen(Event):
    """The facilitator chose to publish the restitution once closed (or not); at close, the
    plan's choice is written down this way if nobody chose."""

    type = "session.publication_chosen"
    publish: bool
    at: float


FEEDBACK_TOPIC = "comments"  # the public page and the console's panel

# --- rules --------------------------------------------------------------------------------------


def _reason(reason: str, required: bool) -> str:
    cleaned = clean_text(reason)[:MAX_REASON]
    if required and not cleaned:
        raise RuleViolation("restitution.error.reason_required")
    return cleaned


@command("public", "participant")
def post_comment(state: SessionState, cc: CommandContext, text: str) -> list[Event]:
    """A comment on the published restitution (rate limits are the caller's: they are about
    addresses and browsers, which the state never holds)."""
    if not state.published:
        raise RuleViolation("restitution.error.not_published")
    cleaned = clean_text(text, multiline=True)
    if not cleaned:
        raise RuleViolation("restitution.error.empty")
    if len(cleaned) > MAX_COMMENT:
        raise RuleViolation("restitution.error.too_long", max=MAX_COMMENT)
    return [CommentPosted(id=len(state.comments) + 1, text=cleaned, at=cc.now)]


@command("host")
def moderate_comment(
    state: SessionState, cc: CommandContext, comment_id: int, hide: bool, reason: str = ""
) -> list[Event]:
    """Hide a comment (a reason is required: it is published) or show it again."""
    comment = next((c for c in state.comments if c.id == comment_id), None)
    if comment is None:
        raise RuleViolation("restitution.error.no_comment")
    reason = _reason(reason, required=hide)
    if comment.hidden == hide:
        return []
    return [CommentModerated(id=comment_id, hidden=hide, reason=reason, at=cc.now)]


@command("host")
def set_publication(state: SessionState, cc: CommandContext, publish: bool) -> list[Event]:
    if state.purged_at is not None and publish and not state.will_publish:
        raise RuleViolation("restitution.error.purged")
    if state.publish_choice == publish:
        return []
    return [PublicationChosen(publish=publish, at=cc.now)]


@command("host")
def moderate_text(
    state: S,
    cc: CommandContext,
    activity: Activity[S],
    text_id: str,
    *,
    hide: bool | None = None,
    text: str | None = None,
    reason: str = "",
) -> list[Event]:
    """Hide, show or correct an activity's free text (`state` is that activity's): the
    activity's own events, then the moderation log's line (the new text is not logged: it may be
    what removed a name)."""
    found = next((t for t in activity.free_texts(state) if t.id == text_id), None)
    if found is None:
        raise RuleViolation("restitution.error.no_text")
    events: list[Event] = list(activity.moderate(state, cc, text_id, hide=hide, text=text))
    if not events:
        return []
    action: Action = "edit" if text is not None else ("hide" if hide else "show")
    record = TextModerated(
        item=cc.item,
        text_id=text_id,
        action=action,
        reason=_reason(reason, required=False),
        place=found.where,
        at=cc.now,
    )
    return [*events, record]


# --- folding ------------------------------------------------------------------------------------

fold: Folder[SessionState, []] = Folder()


@fold.on(CommentPosted)
def _posted(state: SessionState, e: CommentPosted) -> None:
    state.comments.append(Comment(id=e.id, at=e.at, text=e.text))


@fold.on(CommentModerated)
def _comment_moderated(state: SessionState, e: CommentModerated) -> None:
    for c in state.comments:
        if c.id == e.id:
            c.hidden, c.reason = e.hidden, e.reason if e.hidden else ""
    action: Action = "hide" if e.hidden else "show"
    state.moderation.append(
        ModerationRecord(at=e.at, target="comment", target_id=str(e.id), action=action, reason=e.reason)
    )


@fold.on(TextModerated)
def _text_moderated(state: SessionState, e: TextModerated) -> None:
    state.moderation.append(
        ModerationRecord(
            at=e.at,
            target="free_text",
            target_id=f"{e.item}:{e.text_id}",
            action=e.action,
            reason=e.reason,
            place=e.place,
        )
    )


@fold.on(PublicationChosen)
def _publication(state: SessionState, e: PublicationChosen) -> None:
    state.publish_choice = e.publish


def topics(e: Event) -> set[str]:
    """Comments and the log reach the public page and the panel; an activity's text change also
    its own views (through the activity's topics, not here)."""
    if isinstance(e, ActivityEvent):
        return set()
    return {FEEDBACK_TOPIC, "restitution"}


add(
    {
        "restitution.error.empty": ("Le commentaire est vide.", "The comment is empty."),
        "restitution.error.too_long": (
            "Commentaire trop long : {max} caractères au plus. Raccourcissez-le.",
            "Comment too long: {max} characters at most. Please shorten it.",
        ),
        "restitution.error.too_fast": (
            "Doucement : attendez {seconds} secondes avant de commenter à nouveau.",
            "Slow down: wait {seconds} seconds before commenting again.",
        ),
        "restitution.error.not_published": (
            "Cette restitution n'est pas publiée : les commentaires ne sont pas ouverts.",
            "This record is not published: comments are not open.",
        ),
        "restitution.error.reason_required": (
            "Indiquez le motif : il est publié dans le journal de modération.",
            "Give the reason: it is published in the moderation log.",
        ),
        "restitution.error.no_comment": ("Ce commentaire n'existe pas.", "That comment does not exist."),
        "restitution.error.no_text": ("Ce texte n'existe plus.", "That text no longer exists."),
        "restitution.error.purged": (
            "Les données brutes de cette session ont été purgées : sa publication ne peut plus "
            "être rétablie.",
            "This session's raw data were purged: its publication cannot be restored.",
        ),
    }
)
