"""Events: immutable, past-tense facts with a namespaced type, stored as JSON in the log.

Events are contracts: never rename one or change a field's meaning; add a new type instead.
"""

from __future__ import annotations

import json
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict

_TYPES: dict[str, type[Event]] = {}


class Event(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    type: ClassVar[str]


class ActivityEvent(Event):
    """An event of one activity: `item` is the agenda position it belongs to."""

    item: int


def event(cls: type[Event]) -> type[Event]:
    """Class decorator: register an event type (an error if the type is taken)."""
    if cls.type in _TYPES and _TYPES[cls.type] is not cls:
        raise ValueError(f"event type registered twice: {cls.type}")
    _TYPES[cls.type] = cls
    return cls


def encode(e: Event) -> tuple[str, str]:
    return e.type, e.model_dump_json()


def decode(type_: str, payload: str | dict[str, Any]) -> Event:
    data = json.loads(payload) if isinstance(payload, str) else payload
    try:
        cls = _TYPES[type_]
    except KeyError:
        raise ValueError(f"unknown event type: {type_}") from None
    return cls.model_validate(data)


def registered_types() -> dict[str, type[Event]]:
    return dict(_TYPES)
