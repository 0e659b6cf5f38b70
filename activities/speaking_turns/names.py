"""Names never stored: the name a person types to be called by, and the facilitator's labels.

They never reach an event, the database, a log line or an export: they live in the ephemeral
store (`facilitation/ephemeral.py`), keyed by session code and "speaking_turns:<item>:<request
id>": this process's memory, or, with several processes (`CERCLE_REDIS_URL`), a Redis hash that
no disk keeps and that expires a day after its last change, cached in each process's memory. A
name typed on a phone served by one process shows on a console served by another. They are
forgotten when the session closes; after a restart of a lone process (or of Redis) they are
simply gone, and "Intervenant·e N" shows instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from facilitation.ephemeral import shared
from facilitation.events import Event
from facilitation.i18n import t
from facilitation.session import SessionClosed
from facilitation.text import clean_text

from .model import Request, TurnsState
from .state import QUEUE, TURN

if TYPE_CHECKING:
    from facilitation.room import Room

NAME_MAX = 40
KIND = "speaking_turns"  # the names' keys in the ephemeral store: "speaking_turns:<item>:<id>"


def _key(item: int, request_id: str) -> str:
    return f"{KIND}:{item}:{request_id}"


def clean(name: str | None) -> str:
    """A name as shown: one line, invisible characters removed, at most NAME_MAX characters."""
    return clean_text(name)[:NAME_MAX].rstrip()


def remember(code: str, item: int, request_id: str, name: str | None) -> None:
    shared().put(code, _key(item, request_id), clean(name) or None)


def forget(code: str, item: int, request_id: str) -> None:
    shared().put(code, _key(item, request_id), None)


def forget_session(code: str) -> None:
    shared().drop(code)


def name_of(code: str, item: int, state: TurnsState, request: Request) -> str | None:
    """The name of a request, or the latest one its speaker gave on an earlier request."""
    store = shared()
    own = store.get(code, _key(item, request.id))
    if own:
        return own
    for other in reversed(list(state.requests.values())):
        if other.speaker == request.speaker:
            earlier = store.get(code, _key(item, other.id))
            if earlier:
                return earlier
    return None


def label(
    code: str, item: int, state: TurnsState, request: Request, lang: str, *, public: bool = False
) -> str:
    """What to call a request's person: their name if one is known, else "Intervenant·e N". On
    what everyone sees (`public`: the screen, phones following it) only a name the facilitator
    typed is shown: a name typed on a phone is free text nobody vetted."""
    known = name_of(code, item, state, request)
    if known and (not public or request.by_host):
        return known
    return t("speaking_turns.speaker", lang, n=request.number)


def count(code: str) -> int:
    return sum(1 for key in shared().items(code) if key.startswith(f"{KIND}:"))


def forget_on_close(room: Room, events: list[Event]) -> None:
    """A projection of the room (run after each command): a session's names go when it closes."""
    if any(isinstance(e, SessionClosed) for e in events):
        forget_session(room.code)


def watch(room: Room) -> None:
    """A view shows the session's names: redraw the queue and the turn when another process
    changes one, and forget them as soon as the session closes (the rooms run `forget_on_close`
    after each command: registered once, for every room; no subscription to keep)."""
    shared().follow(room.code, {QUEUE, TURN})
    if forget_on_close not in room.projections:
        room.projections.append(forget_on_close)
