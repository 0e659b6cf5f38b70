"""Commands without a room: decide for an actor, fold the events, as the Room does (no store)."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from facilitation.activity import REGISTRY, Registry
from facilitation.commands import HOST, SYSTEM, Actor, roles_of
from facilitation.events import Event
from facilitation.i18n import Text
from facilitation.moderation import Screened
from facilitation.room import Room
from facilitation.session import AgendaItem, SessionState, apply, create, decide


def run(
    state: SessionState,
    actor: Actor,
    command: Callable[..., list[Event]],
    *args: Any,
    item: int | None = None,
    now: float = 1.0,
    registry: Registry = REGISTRY,
    **kwargs: Any,
) -> list[Event]:
    """Decide `command` for `actor` and fold its events into `state` (in place)."""
    events = decide(state, actor, command, *args, item=item, now=now, **kwargs)
    for e in events:
        apply(state, e, registry)
    return events


def new_session(
    agenda: list[AgendaItem] | None = None, now: float = 100.0, code: str = "ABCDEF"
) -> SessionState:
    state = SessionState()
    run(state, SYSTEM, create, code=code, title="Forum", agenda=agenda or [], now=now)
    return state


def actor_and_args(command: Callable[..., Any], args: tuple[Any, ...]) -> tuple[Actor, tuple[Any, ...]]:
    """Tests write a participant's command with the token first (`contribute, "tok", 0, ...`):
    the token becomes the actor; a system command runs as the system; anything else as the host."""
    roles = roles_of(command)
    if roles == {"participant"}:
        token, *rest = args
        return Actor.participant(token), tuple(rest)
    if roles == {"system"}:
        return SYSTEM, args
    return HOST, args


def act(room: Room, item: int, command: Callable[..., Any], *args: Any, **kwargs: Any) -> list[Event]:
    """Run an activity command through `room` (see `actor_and_args`)."""
    actor, rest = actor_and_args(command, args)
    return room.run_now(actor, command, *rest, item=item, **kwargs)


def said(text: str) -> Screened:
    """A participant's text as a page sends it after the check, when nothing personal was found."""
    return Screened(text=text)


ROOT = Path(__file__).resolve().parent.parent


def import_everything() -> None:
    """Every module of Cercle, so that every translation is in the tables (`add` runs when a
    module is imported)."""
    for folder in ("facilitation", "activities"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            module = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
            importlib.import_module(module)


def texts_of(value: object) -> Iterator[tuple[str, Text]]:
    """Every bilingual text inside a model or a list of them, with where it is."""
    if isinstance(value, Text):
        yield "", value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            for where, text in texts_of(getattr(value, name)):
                yield f"{name}{where}", text
    elif isinstance(value, list | tuple):
        for i, entry in enumerate(value):
            for where, text in texts_of(entry):
                yield f"[{i}]{where}", text
