"""Events: immutable, past-tense facts with a namespaced type, stored as JSON in the log.

Events are contracts: never rename one or change a field's meaning; add a new type instead. When
a field must change after all, raise the class's `version` and give `upgrades[old_version]`, a
function that turns a stored payload of that version into the next one: `decode` brings every
stored event up to date before validating it, so an old log still replays.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, ClassVar, Concatenate, Generic, TypeVar, overload

from pydantic import BaseModel, ConfigDict
from typing_extensions import ParamSpec

_TYPES: dict[str, type[Event]] = {}
VERSION_KEY = "_v"  # in a stored payload, only when the event's version is above 1

Payload = dict[str, Any]


class Event(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    type: ClassVar[str]
    version: ClassVar[int] = 1
    upgrades: ClassVar[dict[int, Callable[[Payload], Payload]]] = {}


class ActivityEvent(Event):
    """An event of one activity: `item` is the agenda position it belongs to."""

    item: int


E = TypeVar("E", bound=Event)
E2 = TypeVar("E2", bound=Event)


def event(cls: type[E]) -> type[E]:
    """Class decorator: register an event type (an error if the type is taken, or if an upgrade
    from an older version is missing)."""
    if cls.type in _TYPES and _TYPES[cls.type] is not cls:
        raise ValueError(f"event type registered twice: {cls.type}")
    missing = [v for v in range(1, cls.version) if v not in cls.upgrades]
    if missing:
        raise ValueError(f"{cls.type} v{cls.version} lacks upgrades from versions {missing}")
    _TYPES[cls.type] = cls
    return cls


def encode(e: Event) -> tuple[str, str]:
    payload = e.model_dump_json()
    if e.version > 1:
        payload = json.dumps({**json.loads(payload), VERSION_KEY: e.version}, ensure_ascii=False)
    return e.type, payload


def decode(type_: str, payload: str | Payload) -> Event:
    """The event stored as `type_` and `payload`, upgraded to its current version."""
    data: Payload = dict(json.loads(payload) if isinstance(payload, str) else payload)
    try:
        cls = _TYPES[type_]
    except KeyError:
        raise ValueError(f"unknown event type: {type_}") from None
    version = int(data.pop(VERSION_KEY, 1))
    if version > cls.version:
        raise ValueError(f"{type_} v{version} is newer than this Cercle knows (v{cls.version})")
    while version < cls.version:
        data = cls.upgrades[version](data)
        version += 1
    return cls.model_validate(data)


def registered_types() -> dict[str, type[Event]]:
    return dict(_TYPES)


S = TypeVar("S")
P = ParamSpec("P", default=...)


class Folder(Generic[S, P]):
    """Folds events into a state with one small function per event type, dispatched by type.

    `fold: Folder[SessionState, [Registry]] = Folder()` folds into a `SessionState` with one
    piece of context (a registry); `@fold.on(AgendaMoved)` registers `f(state, event, registry)`,
    and the type checker holds `f` to that: its event is an `AgendaMoved`. One function may
    fold two types (`@fold.on(ClockResumed, RotationSkipped)`, its event typed as their union).
    `fold(state, event,
    registry)` runs the one registered for the event's type (nothing for others) and returns the
    state. Folding may change the state in place (a Room owns its state)."""

    def __init__(self) -> None:
        self._by_type: dict[type[Event], Callable[..., None]] = {}

    @overload
    def on(
        self, cls: type[E], /
    ) -> Callable[[Callable[Concatenate[S, E, P], None]], Callable[Concatenate[S, E, P], None]]: ...

    @overload
    def on(
        self, cls: type[E], other: type[E2], /
    ) -> Callable[[Callable[Concatenate[S, E | E2, P], None]], Callable[Concatenate[S, E | E2, P], None]]: ...

    def on(self, *types: type[Event]) -> Callable[[Callable[..., None]], Callable[..., None]]:
        def register(fold: Callable[..., None]) -> Callable[..., None]:
            for cls in types:
                if cls in self._by_type:
                    raise ValueError(f"two folds for {cls.type}")
                self._by_type[cls] = fold
            return fold

        return register

    def __call__(self, state: S, e: Event, /, *context: P.args, **named: P.kwargs) -> S:
        fold = self._by_type.get(type(e))
        if fold is not None:
            fold(state, e, *context, **named)
        return state

    def handles(self, cls: type[Event]) -> bool:
        return cls in self._by_type
