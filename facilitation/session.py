"""A session's state, its core events and rules. Pure: no I/O, no UI.

Command functions read the state and return the events to append (or raise `RuleViolation`);
`apply` folds one event into the state. Activity events are handed to their activity.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from . import agenda, feedback
from .activity import REGISTRY, Registry
from .agenda import AgendaItem
from .commands import NO_ITEM, Actor, Command, CommandContext, check_role, command
from .events import ActivityEvent, Event, Folder, event
from .feedback import (
    Comment,
    CommentModerated,
    CommentPosted,
    ModerationRecord,
    PublicationChosen,
    PublishedAnyway,
    Review,
    TextModerated,
    open_review,
)
from .i18n import RuleViolation, Text, add
from .moderation import DEFAULT_POLICY, QUEUE_TOPIC, ModerationPolicySet, Policy
from .privacy import relabel, session_labels
from .remote import RemoteSet, RemoteSettings

Status = Literal["draft", "live", "closed"]
Category = Literal["woman", "man", "other", "undisclosed"]
Mode = Literal["room", "remote"]
CATEGORIES: tuple[Category, ...] = ("woman", "man", "other", "undisclosed")
MODES: tuple[Mode, ...] = ("room", "remote")
# The collège a participant may declare when the session asks it (`SessionState.colleges`):
# counted only in aggregate, by rules that never show a count of 1 or 2 (`kanon`).
College = Literal["public_agent", "civil_society", "citizen", "business", "other", "undisclosed"]
COLLEGES: tuple[College, ...] = (
    "public_agent",
    "civil_society",
    "citizen",
    "business",
    "other",
    "undisclosed",
)


class Participant(BaseModel):
    """All Cercle keeps of a person: a random token, an optional category, room or remote, and
    an optional collège when the session asks it."""

    token: str
    category: Category | None = None
    mode: Mode = "room"
    joined_at: float = 0.0
    college: College | None = None


# --- events -------------------------------------------------------------------------------


@event
class SessionCreated(Event):
    """A session opened, from a plan (`plan` is its name) or blank. Its agenda's items get the
    ids 0..n-1, in order; `languages` are the interface languages offered (empty: the server's)."""

    type = "session.created"
    code: str
    title: Text
    date: str = ""
    charter: Text = Text()
    licence: str = "Licence Ouverte / Etalab 2.0"
    publish: bool = False
    plan: str | None = None
    languages: list[str] = Field(default_factory=list)
    bilingual: bool = False  # the screen shows French and English at once
    agenda: list[AgendaItem] = Field(default_factory=list)
    moderation: Policy = DEFAULT_POLICY
    remote: RemoteSettings = Field(default_factory=RemoteSettings)
    at: float
    colleges: bool = False  # phones are asked their collège (optional)


@event
class SessionStarted(Event):
    """The facilitator started the session; the first agenda item began."""

    type = "session.started"
    at: float


@event
class AgendaMoved(Event):
    """The facilitator moved the session to agenda item `index`: the item's id (see
    `SessionState.agenda`). Logs written before items had ids hold a position there, which was
    the same number: the items of `session.created` have ids 0..n-1."""

    type = "session.agenda_moved"
    index: int
    at: float


@event
class SessionClosed(Event):
    """The session closed; phones can no longer take part."""

    type = "session.closed"
    at: float


@event
class ParticipantJoined(Event):
    """A phone accepted the charter. `token` is random; nothing else identifies the person.
    `college`: the collège they declared, if the session asked it."""

    type = "session.participant_joined"
    token: str
    category: Category | None = None
    mode: Mode = "room"
    at: float
    college: College | None = None


@event
class ParticipantUpdated(Event):
    """A participant changed their optional category, room/remote or collège."""

    type = "session.participant_updated"
    token: str
    category: Category | None = None
    mode: Mode = "room"
    college: College | None = None


@event
class SessionUnlinked(Event):
    """The close-time privacy step: every stored token was replaced by its neutral label
    ("participant 12", by order of arrival), so no browser's token matches anything stored. The
    log holds no mapping: the store rewrote the earlier events when it appended this one."""

    type = "session.unlinked"
    at: float


@event
class SessionPurged(Event):
    """Retention: the raw participation events were deleted; what `KEPT_ON_PURGE` names stays,
    and the restitution saved at close."""

    type = "session.purged"
    at: float


# --- state --------------------------------------------------------------------------------


class SessionState(BaseModel):
    """A session as its log made it. Agenda items are known by a stable id, never by their
    position: `agenda` maps id -> item in the agenda's order (the items a session was created
    with have ids 0..n-1, each item added later the next unused id); `current`, `item_started`,
    `item_ended` and `activities` are keyed by id. Positions are for display and for the
    commands that order the agenda (`order`, `position_of`)."""

    code: str = ""
    title: Text = Text()
    date: str = ""
    charter: Text = Text()
    licence: str = ""
    publish: bool = False
    plan: str | None = None
    status: Status = "draft"
    languages: list[str] = Field(default_factory=list)  # empty: the server's language
    bilingual: bool = False  # the screen shows French and English at once
    agenda: dict[int, AgendaItem] = Field(default_factory=dict)  # id -> item, in agenda order
    next_id: int = 0  # the id the next added item gets (ids are never reused)
    current: int | None = None  # the id of the current item
    created_at: float = 0.0
    started_at: float | None = None
    closed_at: float | None = None
    unlinked_at: float | None = None
    purged_at: float | None = None
    item_started: dict[int, float] = Field(default_factory=dict)
    item_ended: dict[int, float] = Field(default_factory=dict)
    participants: dict[str, Participant] = Field(default_factory=dict)
    publish_choice: bool | None = None
    publication_waits: bool = False  # to be published once the review is clear: not public yet
    moderation_policy: Policy = DEFAULT_POLICY
    remote: RemoteSettings = Field(default_factory=RemoteSettings)
    colleges: bool = False  # phones are asked their collège
    comments: list[Comment] = Field(default_factory=list)
    moderation: list[ModerationRecord] = Field(default_factory=list)
    activities: dict[int, Any] = Field(default_factory=dict, exclude=True)

    @property
    def current_item(self) -> AgendaItem | None:
        return self.agenda[self.current] if self.current is not None else None

    @property
    def order(self) -> list[int]:
        """The items' ids in agenda order."""
        return list(self.agenda)

    def item(self, item_id: int) -> AgendaItem:
        """Agenda item `item_id` (KeyError if there is none)."""
        return self.agenda[item_id]

    def position_of(self, item_id: int) -> int:
        """Where item `item_id` stands in the agenda, from 0 (ValueError if there is none)."""
        return self.order.index(item_id)

    def started(self, item_id: int) -> bool:
        """Whether item `item_id` ran or runs: its past cannot be rewritten."""
        return item_id in self.item_started

    def after_current(self) -> int:
        """The first position an item may be inserted at or moved to: after the current item."""
        return 0 if self.current is None else self.position_of(self.current) + 1

    def next_after_current(self) -> int | None:
        """The id of the item after the current one (the first item before any), or None."""
        order = self.order
        at = self.after_current()
        return order[at] if at < len(order) else None

    @property
    def will_publish(self) -> bool:
        """The publication choice: the facilitator's if made, else the plan's."""
        return self.publish if self.publish_choice is None else self.publish_choice

    @property
    def published(self) -> bool:
        """Public: closed, to be published, and not waiting for the review to be clear."""
        return self.status == "closed" and self.will_publish and not self.publication_waits

    @property
    def awaiting_review(self) -> bool:
        """Closed, to be published once the review is clear, and not yet."""
        return self.status == "closed" and self.will_publish and self.publication_waits

    def counts(self) -> dict[str, int]:
        """Participants by room/remote and by category, as counts only."""
        result = {"total": len(self.participants), "room": 0, "remote": 0}
        for category in (*CATEGORIES, "none"):
            result[category] = 0
        for p in self.participants.values():
            result[p.mode] += 1
            result[p.category or "none"] += 1
        return result

    def item_seconds(self, item_id: int, now: float) -> float | None:
        """How long agenda item `item_id` ran (or has run so far)."""
        start = self.item_started.get(item_id)
        if start is None:
            return None
        return self.item_ended.get(item_id, now) - start


# Events a retention purge keeps: the record's comments, its moderation log, its publication and
# its closing; everything that people did during the session goes.
KEPT_ON_PURGE = frozenset(
    {
        SessionClosed.type,
        SessionUnlinked.type,
        SessionPurged.type,
        CommentPosted.type,
        CommentModerated.type,
        TextModerated.type,
        PublicationChosen.type,
        PublishedAnyway.type,
    }
)

# --- rules --------------------------------------------------------------------------------


@command("system")
def create(
    state: SessionState,
    cc: CommandContext,
    *,
    code: str,
    title: Text | str,
    agenda: list[AgendaItem] | None = None,
    date: str = "",
    charter: Text | str = "",
    licence: str = "Licence Ouverte / Etalab 2.0",
    publish: bool = False,
    plan: str | None = None,
    moderation: Policy = DEFAULT_POLICY,
    languages: list[str] | None = None,
    bilingual: bool = False,
    remote: RemoteSettings | None = None,
    colleges: bool = False,
) -> list[Event]:
    if state.code:
        raise RuleViolation("error.already_created")
    return [
        SessionCreated(
            code=code,
            title=Text.model_validate(title),
            date=date,
            charter=Text.model_validate(charter),
            licence=licence,
            publish=publish,
            plan=plan,
            languages=languages or [],
            bilingual=bilingual,
            agenda=agenda or [],
            moderation=moderation,
            remote=remote or RemoteSettings(),
            at=cc.now,
            colleges=colleges,
        )
    ]


def _require_live(state: SessionState) -> None:
    if state.status == "closed":
        raise RuleViolation("error.closed")
    if state.status != "live":
        raise RuleViolation("error.not_live")


@command("host")
def start(state: SessionState, cc: CommandContext) -> list[Event]:
    if state.status != "draft":
        raise RuleViolation("error.closed" if state.status == "closed" else "error.already_live")
    return [SessionStarted(at=cc.now)]


@command("host")
def move_to(state: SessionState, cc: CommandContext, item_id: int) -> list[Event]:
    """Move to agenda item `item_id` (its id, not its position)."""
    _require_live(state)
    if item_id not in state.agenda:
        raise RuleViolation("error.no_item")
    if item_id == state.current:
        return []
    return [AgendaMoved(index=item_id, at=cc.now)]


@command("host")
def next_item(state: SessionState, cc: CommandContext, expected: int | None = None) -> list[Event]:
    """Move to the item after the current one; `expected` (the id of the item the console showed
    as current when clicked) makes a second click on a stale button a refusal, not a second move."""
    _require_live(state)
    if expected is not None and expected != state.current:
        raise RuleViolation("error.moved_meanwhile")
    following = state.next_after_current()
    if following is None:
        raise RuleViolation("error.last_item")
    return move_to(state, cc, following)


@command("host")
def close(state: SessionState, cc: CommandContext, review: Review | None = None) -> list[Event]:
    """Close the session, and in the same step fix the publication choice and cut the link
    between tokens and browsers (the privacy step is never left for later). A record to be
    published is published only if the review is clear (`review`: the pre-publication check's
    result, run by the caller; no text waits in the moderation queue); otherwise it waits, and is
    published when the facilitator clears the review or publishes anyway."""
    if state.status == "closed":
        raise RuleViolation("error.closed")
    events: list[Event] = [SessionClosed(at=cc.now)]
    if state.will_publish:
        held, findings = open_review(state, cc, review)
        if held or findings:
            events.append(PublicationChosen(publish=True, waits=True, at=cc.now))
        elif state.publish_choice is None:
            events.append(PublicationChosen(publish=True, at=cc.now))
    elif state.publish_choice is None:
        events.append(PublicationChosen(publish=False, at=cc.now))
    events.append(SessionUnlinked(at=cc.now))
    return events


@command("system")
def unlink(state: SessionState, cc: CommandContext) -> list[Event]:
    """The privacy step of a session closed before it was done (an older log, a crash)."""
    if state.status != "closed" or state.unlinked_at is not None or state.purged_at is not None:
        return []
    return [SessionUnlinked(at=cc.now)]


@command("system")
def purge(state: SessionState, cc: CommandContext) -> list[Event]:
    """Retention: mark the raw events as purged (the store deletes them as it appends this)."""
    if state.status != "closed":
        raise RuleViolation("error.not_closed")
    if state.purged_at is not None:
        return []
    return [SessionPurged(at=cc.now)]


@command("participant")
def join(
    state: SessionState,
    cc: CommandContext,
    category: Category | None,
    mode: Mode,
    college: College | None = None,
) -> list[Event]:
    """A phone accepted the charter (or changed its answers, if it had already joined)."""
    token = cc.token
    if state.status == "closed":
        raise RuleViolation("error.closed")
    if college is not None and college not in COLLEGES:
        raise RuleViolation("error.unknown_college")
    known = state.participants.get(token)
    if known is None:
        return [ParticipantJoined(token=token, category=category, mode=mode, at=cc.now, college=college)]
    if (known.category, known.mode, known.college) == (category, mode, college):
        return []
    return [ParticipantUpdated(token=token, category=category, mode=mode, college=college)]


def require_participant(state: SessionState, token: str) -> Participant:
    """For activity rules: the participant behind `token`, in a live session."""
    _require_live(state)
    participant = state.participants.get(token)
    if participant is None:
        raise RuleViolation("error.not_joined")
    return participant


def decide(
    state: SessionState,
    actor: Actor,
    command: Command,
    *args: Any,
    item: int | None = None,
    now: float,
    registry: Registry = REGISTRY,
    **kwargs: Any,
) -> list[Event]:
    """What `command` decides for `actor` (refused unless it declared the actor's role), on the
    session (`item` None) or on the activity of the agenda item whose id is `item`, with the
    room's activities (`registry`). Pure: nothing is applied."""
    check_role(command, actor)
    cc = CommandContext(
        item=NO_ITEM if item is None else item, now=now, session=state, actor=actor, registry=registry
    )
    if item is None:
        return list(command(state, cc, *args, **kwargs))
    if item not in state.activities:
        raise RuleViolation("error.no_item")
    return list(command(state.activities[item], cc, *args, **kwargs))


# --- folding events -------------------------------------------------------------------------

fold: Folder[SessionState, [Registry]] = Folder()


def _begin_item(state: SessionState, item_id: int, at: float) -> None:
    if state.current is not None and state.current not in state.item_ended:
        state.item_ended[state.current] = at
    state.current = item_id
    state.item_started.setdefault(item_id, at)
    state.item_ended.pop(item_id, None)


@fold.on(SessionCreated)
def _created(state: SessionState, e: SessionCreated, registry: Registry) -> None:
    state.code, state.title, state.date = e.code, e.title, e.date
    state.charter, state.licence, state.publish, state.plan = e.charter, e.licence, e.publish, e.plan
    state.moderation_policy = e.moderation
    state.remote = e.remote
    state.languages, state.bilingual = list(e.languages), e.bilingual
    state.colleges = e.colleges
    state.agenda = dict(enumerate(e.agenda))  # ids 0..n-1: the positions older logs refer to
    state.next_id = len(e.agenda)
    state.created_at = e.at
    for item_id, item in state.agenda.items():
        activity = registry.get(item.kind)
        if activity is not None:
            state.activities[item_id] = activity.initial_state(item.settings)


@fold.on(SessionStarted)
def _started(state: SessionState, e: SessionStarted, registry: Registry) -> None:
    state.status, state.started_at = "live", e.at
    if state.agenda:
        _begin_item(state, state.order[0], e.at)


@fold.on(AgendaMoved)
def _moved(state: SessionState, e: AgendaMoved, registry: Registry) -> None:
    _begin_item(state, e.index, e.at)


@fold.on(SessionClosed)
def _closed(state: SessionState, e: SessionClosed, registry: Registry) -> None:
    state.status, state.closed_at = "closed", e.at
    if state.current is not None:
        state.item_ended.setdefault(state.current, e.at)


@fold.on(SessionUnlinked)
def _unlinked(state: SessionState, e: SessionUnlinked, registry: Registry) -> None:
    labels = session_labels(state)
    if labels:
        state.participants = {
            labels.get(token, token): p.model_copy(update={"token": labels.get(token, token)})
            for token, p in state.participants.items()
        }
        state.activities = {index: relabel(s, labels) for index, s in state.activities.items()}
    state.unlinked_at = e.at


@fold.on(RemoteSet)
def _remote(state: SessionState, e: RemoteSet, registry: Registry) -> None:
    state.remote = RemoteSettings(audio_url=e.audio_url, remote_only=e.remote_only, group_calls=e.group_calls)


@fold.on(ModerationPolicySet)
def _policy(state: SessionState, e: ModerationPolicySet, registry: Registry) -> None:
    state.moderation_policy = e.policy


@fold.on(SessionPurged)
def _purged(state: SessionState, e: SessionPurged, registry: Registry) -> None:
    state.purged_at = e.at


@fold.on(ParticipantJoined)
def _joined(state: SessionState, e: ParticipantJoined, registry: Registry) -> None:
    state.participants[e.token] = Participant(
        token=e.token, category=e.category, mode=e.mode, joined_at=e.at, college=e.college
    )


@fold.on(ParticipantUpdated)
def _updated(state: SessionState, e: ParticipantUpdated, registry: Registry) -> None:
    known = state.participants[e.token]
    state.participants[e.token] = known.model_copy(
        update={"category": e.category, "mode": e.mode, "college": e.college}
    )


def apply(state: SessionState, e: Event, registry: Registry = REGISTRY) -> SessionState:
    """Fold one event into the state (in place) and return it."""
    if isinstance(e, ActivityEvent):  # `e.item` is the id of the item whose activity it is
        activity = registry.get(e.type.split(".", 1)[0])
        if activity is not None and e.item in state.activities:
            state.activities[e.item] = activity.apply(state.activities[e.item], e, state)
    elif feedback.fold.handles(type(e)):
        feedback.fold(state, e)
    elif agenda.fold.handles(type(e)):
        agenda.fold(state, e, registry)
    else:
        fold(state, e, registry)
    return state


def replay(events: list[Event], registry: Registry = REGISTRY) -> SessionState:
    state = SessionState()
    for e in events:
        apply(state, e, registry)
    return state


def topics(e: Event, registry: Registry = REGISTRY) -> set[str]:
    """Which subscribers an event concerns: "phase" reaches every phone, so it must stay rare."""
    match e:
        case ParticipantJoined() | ParticipantUpdated():
            return {"presence", f"profile:{e.token}"}
        case ActivityEvent():
            activity = registry.get(e.type.split(".", 1)[0])
            found = activity.topics(e) if activity is not None else set()
            if getattr(e, "held", False) or getattr(e, "why_held", False):
                found.add(QUEUE_TOPIC)  # a text held for review: the console's queue
            return found
        case SessionUnlinked() | SessionPurged():
            return {"phase", "presence", "restitution"}
        case ModerationPolicySet():
            return {QUEUE_TOPIC}
        case RemoteSet():
            return {"phase", "presence", "remote"}
    if feedback.fold.handles(type(e)):
        return feedback.topics(e)
    return {"phase", "presence", "restitution"}  # agenda edits too: every view shows the agenda


add(
    {
        "error.already_created": ("Cette session existe déjà.", "This session already exists."),
        "error.moved_meanwhile": (
            "L'ordre du jour a déjà avancé entre-temps : rien n'a été changé. Vérifiez le point en cours.",
            "The agenda moved on meanwhile: nothing was changed. Check the current item.",
        ),
        "error.not_closed": ("La session n'est pas close.", "The session is not closed."),
        "error.unknown_college": (
            "Ce collège n'existe pas : choisissez dans la liste, ou ne répondez pas.",
            "No such stakeholder group: choose from the list, or leave it unanswered.",
        ),
        "college.public_agent": ("Agent public", "Public servant"),
        "college.civil_society": ("Société civile organisée", "Organised civil society"),
        "college.citizen": ("Citoyen·ne", "Citizen"),
        "college.business": ("Entreprise", "Business"),
        "college.other": ("Autre", "Other"),
        "college.undisclosed": ("Préfère ne pas dire", "Prefer not to say"),
        "college.none": ("Non renseigné", "Not given"),
        "phone.college": ("Votre collège (facultatif)", "Your stakeholder group (optional)"),
        "phone.college_hint": (
            "Pour lire les résultats par collège : jamais affiché pour moins de 3 personnes, jamais "
            "relié à ce que vous dites.",
            "To read results by stakeholder group: never shown for fewer than 3 people, never linked to what you say.",
        ),
    }
)
