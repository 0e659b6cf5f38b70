"""What the public and the facilitator add around the record: comments on the published
restitution, the moderation log, and the choice to publish. Pure: events, rules and folds that
`session.apply` dispatches to; no I/O, no UI.

Like every change, these are events in the session's log. They are also what a retention purge
keeps (`KEPT_ON_PURGE` in `session.py`): the record stays open to comments after the raw
participation events are gone.
"""

from __future__ import annotations

import hashlib
import json
import logging
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from .activity import MOMENT, REGISTRY, FreeText, Registry
from .commands import CommandContext, command
from .events import ActivityEvent, Event, Folder, event
from .i18n import RuleViolation, add
from .moderation import QUEUE_TOPIC, Screened, Span, held_reason
from .text import clean_text

if TYPE_CHECKING:
    from .activity import Activity
    from .session import SessionState

log = logging.getLogger(__name__)

MAX_COMMENT = 2000
MAX_REASON = 300
Action = Literal["hide", "show", "edit", "approve", "withdraw", "publish_anyway"]
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
    target: Literal["comment", "free_text", "record"]
    target_id: str
    action: Action
    reason: str = ""
    place: str = ""
    held: int = 0  # "record": texts still waiting in the queue when it was published anyway
    findings: int = 0  # "record": the pre-publication check's open findings then


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
    plan's choice is written down this way if nobody chose. `waits`: to be published once the
    review is clear (no text waits in the moderation queue, the pre-publication check finds
    nothing); until then the record is not public."""

    type = "session.publication_chosen"
    publish: bool
    at: float
    waits: bool = False


@event
class PublishedAnyway(Event):
    """The facilitator published the record although the review was not clear, by an explicit
    choice: how many texts still waited in the queue, how many findings the pre-publication check
    still had open (a check out of date or incomplete counts as one). Counts only, never a text."""

    type = "session.published_anyway"
    held: int
    findings: int
    at: float


FEEDBACK_TOPIC = "comments"  # the public page and the console's panel
PUBLICATION_TOPIC = "publication"  # the record became public or stopped being: phones, the screen

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


# --- the review before publishing -----------------------------------------------------------------


class Review(BaseModel):
    """What the pre-publication check found, as a command receives it: the open findings (texts
    shown that look personal, texts the detector could not check) among the texts it read, and a
    digest of those texts (`texts_digest`). The check runs off the event loop
    (`restitution.archive.review`); a command compares the digest with the texts it sees, so that
    a check older than the texts counts as no check."""

    model_config = ConfigDict(frozen=True)
    findings: int
    digest: str


def free_texts(state: SessionState, registry: Registry) -> list[tuple[int, FreeText]]:
    """Every activity's free texts, with their agenda item's id."""
    result = []
    for index, item in state.agenda.items():
        activity = registry.get(item.kind) if item.kind != MOMENT else None
        if activity is None or index not in state.activities:
            continue
        try:
            texts = activity.free_texts(state.activities[index])
        except Exception:
            log.exception("free texts of agenda item %d failed", index)
            continue
        result += [(index, text) for text in texts]
    return result


def held_count(state: SessionState, registry: Registry) -> int:
    """Texts that wait in the moderation queue (activities' texts and comments)."""
    texts = sum(1 for _, t in free_texts(state, registry) if t.held and not t.hidden)
    return texts + sum(1 for c in state.comments if c.held and not c.hidden)


def texts_digest(state: SessionState, registry: Registry) -> str:
    """A digest of the texts the pre-publication check reads (every text not held, hidden or not):
    equal digests, the same texts."""
    texts = [
        (index, t.id, t.text, t.hidden) for index, t in free_texts(state, registry) if not t.held or t.hidden
    ]
    texts += [(-1, str(c.id), c.text, c.hidden) for c in state.comments if not c.held or c.hidden]
    return hashlib.sha256(json.dumps(texts, ensure_ascii=False).encode()).hexdigest()


def open_review(state: SessionState, cc: CommandContext, review: Review | None) -> tuple[int, int]:
    """(texts waiting in the queue, the check's open findings) as the command sees them: without
    a check, or with a check older than the texts, the findings count one."""
    registry = cc.registry or REGISTRY
    held = held_count(state, registry)
    if review is None or review.digest != texts_digest(state, registry):
        return held, max(1, review.findings if review is not None else 1)
    return held, review.findings


@command("host")
def set_publication(
    state: SessionState,
    cc: CommandContext,
    publish: bool,
    *,
    review: Review | None = None,
    anyway: bool = False,
    when_clear: bool = False,
) -> list[Event]:
    """Publish the record or not. While the session is live this is the choice made at close.
    Once closed, publishing needs the review clear (`review`: the pre-publication check's result;
    the queue is counted here): otherwise it is refused, unless the facilitator chose explicitly
    to publish anyway (`anyway`, logged with the counts) or to publish once it is clear
    (`when_clear`)."""
    if state.purged_at is not None and publish and not state.will_publish:
        raise RuleViolation("restitution.error.purged")
    if not publish:
        if state.publish_choice is False:
            return []
        return [PublicationChosen(publish=False, at=cc.now)]
    if state.status != "closed":
        return [] if state.publish_choice else [PublicationChosen(publish=True, at=cc.now)]
    if state.published:
        return []
    held, findings = open_review(state, cc, review)
    if not held and not findings:
        return [PublicationChosen(publish=True, at=cc.now)]
    if anyway:
        return [
            PublishedAnyway(held=held, findings=findings, at=cc.now),
            PublicationChosen(publish=True, at=cc.now),
        ]
    if when_clear:
        waiting = state.publish_choice and state.publication_waits
        return [] if waiting else [PublicationChosen(publish=True, waits=True, at=cc.now)]
    raise RuleViolation("restitution.error.review_open", held=held, findings=findings)


@command("host")
def publish_if_clear(state: SessionState, cc: CommandContext, review: Review) -> list[Event]:
    """The record that waits for review is published once the review is clear: the console asks
    after each change it sees (nothing happens while a text waits or a finding is open)."""
    if state.status != "closed" or not state.publication_waits or not state.will_publish:
        return []
    held, findings = open_review(state, cc, review)
    if held or findings:
        return []
    return [PublicationChosen(publish=True, at=cc.now)]


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
    state.publication_waits = e.publish and e.waits


@fold.on(PublishedAnyway)
def _published_anyway(state: SessionState, e: PublishedAnyway) -> None:
    state.moderation.append(
        ModerationRecord(
            at=e.at,
            target="record",
            target_id="",
            action="publish_anyway",
            held=e.held,
            findings=e.findings,
        )
    )


def topics(e: Event) -> set[str]:
    """Comments and the log reach the public page and the panel; an activity's text change also
    its own views (through the activity's topics, not here)."""
    if isinstance(e, ActivityEvent):
        return set()
    if isinstance(e, PublicationChosen):
        return {FEEDBACK_TOPIC, "restitution", QUEUE_TOPIC, PUBLICATION_TOPIC}
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
        "restitution.error.review_open": (
            "Rien n'est publié : la relecture n'est pas terminée (textes dans la file : {held} ; "
            "signalements de la vérification avant publication : {findings}). Relisez-les, ou "
            "choisissez « Publier quand même ».",
            "Nothing was published: the review is not finished (texts in the queue: {held}; findings "
            "of the check before publishing: {findings}). Review them, or choose “Publish anyway”.",
        ),
        "restitution.error.purged": (
            "Les données brutes de cette session ont été purgées : sa publication ne peut plus "
            "être rétablie.",
            "This session's raw data were purged: its publication cannot be restored.",
        ),
    }
)
