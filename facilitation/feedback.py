"""What the public and the facilitator add around the record: comments on the published
restitution, the moderation log, and the choice to publish. Pure: events, rules and folds that
`session.apply` dispatches to; no I/O, no UI.

Like every change, these are events in the session's log. They are also what a retention purge
keeps (`KEPT_ON_PURGE` in `session.py`): the record stays open to comments after the raw
participation events are gone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, TypeVar

from pydantic import BaseModel, Field

from .commands import CommandContext, command
from .events import ActivityEvent, Event, Folder, event
from .i18n import RuleViolation, add
from .moderation import QUEUE_TOPIC, Screened, Span, held_reason
from .text import clean_text

if TYPE_CHECKING:
    from .activity import Activity
    from .session import SessionState

MAX_COMMENT = 2000
MAX_REASON = 300
Action = Literal["hide", "show", "edit", "approve", "withdraw"]
S = TypeVar("S")  # the state of the activity whose text is moderated


class Comment(BaseModel):
    """An anonymous comment on the published restitution: what was said, never who."""

    id: int
    at: float
    text: str
    hidden: bool = False
    reason: str = ""  # why it was hidden (published)
    held: bool = False  # waiting for review: shown to nobody but its author and the console
    held_reason: str = ""  # why it was held ("personal", "unchecked", "all")
    spans: list[Span] = Field(default_factory=list)


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
    held: bool = False
    held_reason: str = ""
    spans: list[Span] = Field(default_factory=list)
    at: float


@event
class CommentModerated(Event):
    """The facilitator hid (or showed again) a comment, with the published reason; or approved a
    held comment (`approved`), possibly corrected (`text`: not logged, it may have removed a name)."""

    type = "session.comment_moderated"
    id: int
    hidden: bool
    reason: str = ""
    approved: bool = False
    text: str | None = None
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
def post_comment(state: SessionState, cc: CommandContext, screened: Screened) -> list[Event]:
    """A comment on the published restitution, shown at once or held for review by the session's
    moderation policy (rate limits are the caller's: they are about addresses and browsers,
    which the state never holds)."""
    if not state.published:
        raise RuleViolation("restitution.error.not_published")
    cleaned = clean_text(screened.text, multiline=True)
    if not cleaned:
        raise RuleViolation("restitution.error.empty")
    if len(cleaned) > MAX_COMMENT:
        raise RuleViolation("restitution.error.too_long", max=MAX_COMMENT)
    why = held_reason(state.moderation_policy, screened, by_host=False)
    spans = list(screened.spans) if cleaned == screened.text else []
    return [
        CommentPosted(
            id=len(state.comments) + 1, text=cleaned, held=bool(why), held_reason=why, spans=spans, at=cc.now
        )
    ]


@command("host")
def moderate_comment(
    state: SessionState,
    cc: CommandContext,
    comment_id: int,
    *,
    hide: bool | None = None,
    text: str | None = None,
    approve: bool = False,
    reason: str = "",
) -> list[Event]:
    """Hide a comment (a reason is required: it is published), show it again, or approve a held
    one, as it is or corrected (`text`)."""
    comment = next((c for c in state.comments if c.id == comment_id), None)
    if comment is None:
        raise RuleViolation("restitution.error.no_comment")
    if approve or text is not None:
        if not comment.held and text is None:
            raise RuleViolation("moderation.error.not_held")
        corrected = clean_text(text, multiline=True) if text is not None else None
        if corrected is not None and not corrected:
            raise RuleViolation("restitution.error.empty")
        corrected = None if corrected == comment.text else corrected
        return [
            CommentModerated(
                id=comment_id,
                hidden=False,
                approved=True,
                text=corrected,
                reason=_reason(reason, False),
                at=cc.now,
            )
        ]
    if hide is None:
        return []
    reason = _reason(reason, required=hide)
    if comment.hidden == hide and not comment.held:
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
    approve: bool = False,
    reason: str = "",
) -> list[Event]:
    """Hide, show, correct or approve (a held text is shown) an activity's free text (`state` is
    that activity's): the activity's own events, then the moderation log's line (the new text is
    not logged: it may be what removed a name)."""
    found = next((t for t in activity.free_texts(state) if t.id == text_id), None)
    if found is None:
        raise RuleViolation("restitution.error.no_text")
    if approve and not found.held:
        raise RuleViolation("moderation.error.not_held")
    events: list[Event] = list(activity.moderate(state, cc, text_id, hide=hide, text=text, approve=approve))
    if not events:
        return []
    action: Action = "approve" if approve else "edit" if text is not None else ("hide" if hide else "show")
    record = TextModerated(
        item=cc.item,
        text_id=text_id,
        action=action,
        reason=_reason(reason, required=False),
        place=found.where,
        at=cc.now,
    )
    return [*events, record]


@command("participant")
def withdraw_text(state: Any, cc: CommandContext, activity: Activity[Any], text_id: str) -> list[Event]:
    """A participant takes back their own text while it waits for review (to rephrase it). The
    page that sent it offers this for its own texts only: nothing stored says who wrote what."""
    cc.participant()
    found = next((t for t in activity.free_texts(state) if t.id == text_id), None)
    if found is None or not found.held or found.hidden:
        raise RuleViolation("moderation.error.not_held")
    events: list[Event] = list(activity.moderate(state, cc, text_id, hide=True))
    record = TextModerated(item=cc.item, text_id=text_id, action="withdraw", place=found.where, at=cc.now)
    return [*events, record]


# --- folding ------------------------------------------------------------------------------------

fold: Folder[SessionState, []] = Folder()


@fold.on(CommentPosted)
def _posted(state: SessionState, e: CommentPosted) -> None:
    state.comments.append(
        Comment(id=e.id, at=e.at, text=e.text, held=e.held, held_reason=e.held_reason, spans=list(e.spans))
    )


@fold.on(CommentModerated)
def _comment_moderated(state: SessionState, e: CommentModerated) -> None:
    for c in state.comments:
        if c.id == e.id:
            c.hidden, c.reason, c.held = e.hidden, e.reason if e.hidden else "", False
            if e.text is not None:
                c.text, c.spans = e.text, []
    action: Action = "approve" if e.approved else "hide" if e.hidden else "show"
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
    return {FEEDBACK_TOPIC, "restitution", QUEUE_TOPIC}


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
