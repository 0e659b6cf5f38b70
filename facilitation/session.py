"""A session's state, its core events and rules. Pure: no I/O, no UI.

Command functions read the state and return the events to append (or raise `RuleViolation`);
`apply` folds one event into the state. Activity events are handed to their activity.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from .activity import MOMENT, REGISTRY, Registry
from .events import ActivityEvent, Event, event
from .i18n import RuleViolation

Status = Literal["draft", "live", "closed"]
Category = Literal["woman", "man", "other", "undisclosed"]
Mode = Literal["room", "remote"]
CATEGORIES: tuple[Category, ...] = ("woman", "man", "other", "undisclosed")
MODES: tuple[Mode, ...] = ("room", "remote")


class AgendaItem(BaseModel):
    """A point of the agenda: an activity with its settings, or a plain moment (kind "moment")."""

    title: str = Field(min_length=1, max_length=200)
    kind: str = MOMENT
    text: str = Field(default="", max_length=4000)
    duration_min: int = Field(default=0, ge=0, le=24 * 60)
    settings: dict[str, Any] = Field(default_factory=dict)


class Participant(BaseModel):
    """All Cercle keeps of a person: a random token, an optional category, room or remote."""

    token: str
    category: Category | None = None
    mode: Mode = "room"
    joined_at: float = 0.0


# --- events -------------------------------------------------------------------------------


@event
class SessionCreated(Event):
    """A session opened, from a plan (`plan` is its name) or blank."""

    type = "session.created"
    code: str
    title: str
    date: str = ""
    charter: str = ""
    licence: str = "Licence Ouverte / Etalab 2.0"
    publish: bool = False
    plan: str | None = None
    agenda: list[AgendaItem] = Field(default_factory=list)
    at: float


@event
class SessionStarted(Event):
    """The facilitator started the session; the first agenda item began."""

    type = "session.started"
    at: float


@event
class AgendaMoved(Event):
    """The facilitator moved the session to agenda item `index`."""

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
    """A phone accepted the charter. `token` is random; nothing else identifies the person."""

    type = "session.participant_joined"
    token: str
    category: Category | None = None
    mode: Mode = "room"
    at: float


@event
class ParticipantUpdated(Event):
    """A participant changed their optional category or room/remote."""

    type = "session.participant_updated"
    token: str
    category: Category | None = None
    mode: Mode = "room"


# --- state --------------------------------------------------------------------------------


class SessionState(BaseModel):
    code: str = ""
    title: str = ""
    date: str = ""
    charter: str = ""
    licence: str = ""
    publish: bool = False
    plan: str | None = None
    status: Status = "draft"
    agenda: list[AgendaItem] = Field(default_factory=list)
    current: int | None = None
    created_at: float = 0.0
    started_at: float | None = None
    closed_at: float | None = None
    item_started: dict[int, float] = Field(default_factory=dict)
    item_ended: dict[int, float] = Field(default_factory=dict)
    participants: dict[str, Participant] = Field(default_factory=dict)
    activities: dict[int, Any] = Field(default_factory=dict, exclude=True)

    @property
    def current_item(self) -> AgendaItem | None:
        return self.agenda[self.current] if self.current is not None else None

    def counts(self) -> dict[str, int]:
        """Participants by room/remote and by category, as counts only."""
        result = {"total": len(self.participants), "room": 0, "remote": 0}
        for category in (*CATEGORIES, "none"):
            result[category] = 0
        for p in self.participants.values():
            result[p.mode] += 1
            result[p.category or "none"] += 1
        return result

    def item_seconds(self, index: int, now: float) -> float | None:
        """How long agenda item `index` ran (or has run so far)."""
        start = self.item_started.get(index)
        if start is None:
            return None
        return self.item_ended.get(index, now) - start


# --- rules --------------------------------------------------------------------------------


def create(
    code: str,
    title: str,
    now: float,
    *,
    agenda: list[AgendaItem] | None = None,
    date: str = "",
    charter: str = "",
    licence: str = "Licence Ouverte / Etalab 2.0",
    publish: bool = False,
    plan: str | None = None,
) -> list[Event]:
    return [
        SessionCreated(
            code=code,
            title=title,
            date=date,
            charter=charter,
            licence=licence,
            publish=publish,
            plan=plan,
            agenda=agenda or [],
            at=now,
        )
    ]


def _require_live(state: SessionState) -> None:
    if state.status == "closed":
        raise RuleViolation("error.closed")
    if state.status != "live":
        raise RuleViolation("error.not_live")


def start(state: SessionState, now: float) -> list[Event]:
    if state.status != "draft":
        raise RuleViolation("error.closed" if state.status == "closed" else "error.already_live")
    return [SessionStarted(at=now)]


def move_to(state: SessionState, index: int, now: float) -> list[Event]:
    _require_live(state)
    if not 0 <= index < len(state.agenda):
        raise RuleViolation("error.no_item")
    if index == state.current:
        return []
    return [AgendaMoved(index=index, at=now)]


def next_item(state: SessionState, now: float) -> list[Event]:
    _require_live(state)
    index = 0 if state.current is None else state.current + 1
    if index >= len(state.agenda):
        raise RuleViolation("error.last_item")
    return move_to(state, index, now)


def close(state: SessionState, now: float) -> list[Event]:
    if state.status == "closed":
        raise RuleViolation("error.closed")
    return [SessionClosed(at=now)]


def join(state: SessionState, token: str, category: Category | None, mode: Mode, now: float) -> list[Event]:
    """A phone accepted the charter (or changed its answers, if it had already joined)."""
    if state.status == "closed":
        raise RuleViolation("error.closed")
    known = state.participants.get(token)
    if known is None:
        return [ParticipantJoined(token=token, category=category, mode=mode, at=now)]
    if (known.category, known.mode) == (category, mode):
        return []
    return [ParticipantUpdated(token=token, category=category, mode=mode)]


def require_participant(state: SessionState, token: str) -> Participant:
    """For activity rules: the participant behind `token`, in a live session."""
    _require_live(state)
    participant = state.participants.get(token)
    if participant is None:
        raise RuleViolation("error.not_joined")
    return participant


# --- folding events -------------------------------------------------------------------------


def _begin_item(state: SessionState, index: int, at: float) -> None:
    if state.current is not None and state.current not in state.item_ended:
        state.item_ended[state.current] = at
    state.current = index
    state.item_started.setdefault(index, at)
    state.item_ended.pop(index, None)


def apply(state: SessionState, e: Event, registry: Registry = REGISTRY) -> SessionState:
    """Fold one event into the state (in place) and return it."""
    match e:
        case SessionCreated():
            state.code, state.title, state.date = e.code, e.title, e.date
            state.charter, state.licence, state.publish, state.plan = e.charter, e.licence, e.publish, e.plan
            state.agenda = list(e.agenda)
            state.created_at = e.at
            for index, item in enumerate(state.agenda):
                activity = registry.get(item.kind)
                if activity is not None:
                    state.activities[index] = activity.initial_state(item.settings)
        case SessionStarted():
            state.status, state.started_at = "live", e.at
            if state.agenda:
                _begin_item(state, 0, e.at)
        case AgendaMoved():
            _begin_item(state, e.index, e.at)
        case SessionClosed():
            state.status, state.closed_at = "closed", e.at
            if state.current is not None:
                state.item_ended.setdefault(state.current, e.at)
        case ParticipantJoined():
            state.participants[e.token] = Participant(
                token=e.token, category=e.category, mode=e.mode, joined_at=e.at
            )
        case ParticipantUpdated():
            known = state.participants[e.token]
            state.participants[e.token] = known.model_copy(update={"category": e.category, "mode": e.mode})
        case ActivityEvent():
            activity = registry.get(e.type.split(".", 1)[0])
            if activity is not None and e.item in state.activities:
                state.activities[e.item] = activity.apply(state.activities[e.item], e, state)
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
            return activity.topics(e) if activity is not None else set()
    return {"phase", "presence"}
