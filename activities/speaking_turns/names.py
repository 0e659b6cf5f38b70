"""Names in memory only: the name a person types to be called by, and the facilitator's labels.

They never reach an event, the database, a log line or an export: they live in this process's
memory, keyed by (session code, agenda item, request id), and are forgotten when the session
closes. After a restart they are simply gone, and "Intervenant·e N" shows instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from facilitation.events import Event
from facilitation.i18n import t
from facilitation.session import SessionClosed
from facilitation.text import clean_text

from .model import Request, TurnsState

if TYPE_CHECKING:
    from facilitation.room import Room

NAME_MAX = 40

_names: dict[tuple[str, int, str], str] = {}


def clean(name: str | None) -> str:
    """A name as shown: one line, invisible characters removed, at most NAME_MAX characters."""
    return clean_text(name)[:NAME_MAX].rstrip()


def remember(code: str, item: int, request_id: str, name: str | None) -> None:
    name = clean(name)
    if name:
        _names[(code, item, request_id)] = name
    else:
        _names.pop((code, item, request_id), None)


def forget(code: str, item: int, request_id: str) -> None:
    _names.pop((code, item, request_id), None)


def forget_session(code: str) -> None:
    for key in [k for k in _names if k[0] == code]:
        del _names[key]


def name_of(code: str, item: int, state: TurnsState, request: Request) -> str | None:
    """The name of a request, or the latest one its speaker gave on an earlier request."""
    own = _names.get((code, item, request.id))
    if own:
        return own
    for other in reversed(list(state.requests.values())):
        if other.speaker == request.speaker and (code, item, other.id) in _names:
            return _names[(code, item, other.id)]
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
    return sum(1 for k in _names if k[0] == code)


def forget_on_close(room: Room, events: list[Event]) -> None:
    """A projection of the room (run after each command): a session's names go when it closes."""
    if any(isinstance(e, SessionClosed) for e in events):
        forget_session(room.code)


def watch(room: Room) -> None:
    """Forget the session's names as soon as it closes: the rooms run `forget_on_close` after
    each command (registered once, for every room; no subscription to keep)."""
    if forget_on_close not in room.projections:
        room.projections.append(forget_on_close)
