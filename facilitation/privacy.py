"""The Chatham House rule, by construction: what was said may be used, who said it never.

- `find_personal_data(text, lang, field)`: names, titles, e-mail addresses, phone numbers,
  @handles, links and IBANs that free texts may carry by accident, for the facilitator to hide or
  edit before publishing (the detector lives in `detector/`; re-exported here).
- Neutral labels: exports name participants "participant 12" (their order of arrival), never
  by token.
- `unlink_tokens(room)`: on close, every token in the stored events is replaced by its neutral
  label, so the token kept in a phone's signed cookie no longer matches anything stored. Replay
  after a restart gives the same state, labels instead of tokens.
- `erase_session` and `purge_expired` (retention, with an injectable clock) delete raw data and
  make it unrecoverable from the SQLite files (secure_delete, WAL truncated).
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from .detector import Finding, find_personal_data, looks_personal  # noqa: F401 (re-exported)
from .session import replay

if TYPE_CHECKING:
    from .room import Room
    from .rooms import Rooms
    from .session import SessionState

log = logging.getLogger(__name__)

DAY = 86_400.0

# --- neutral labels ----------------------------------------------------------------------------

LABEL_PREFIX = "participant"


def neutral_label(number: int) -> str:
    """The label a participant gets in anything stored after close or exported."""
    return f"{LABEL_PREFIX} {number}"


def labels_for(tokens: Iterable[str]) -> dict[str, str]:
    """token -> "participant N", numbered in order of arrival (the order given)."""
    return {token: neutral_label(n) for n, token in enumerate(tokens, start=1)}


def session_labels(state: SessionState) -> dict[str, str]:
    """The labels of a session's participants, who are kept in order of arrival."""
    return labels_for(t for t in state.participants if not t.startswith(f"{LABEL_PREFIX} "))


_TOKENISH = re.compile(r"[A-Za-z0-9_-]{16,64}")


def scrub(value: Any, labels: dict[str, str]) -> Any:
    """`value` (JSON-like) with every token replaced by its label, in keys and in strings."""
    if not labels:
        return value
    if isinstance(value, str):
        if value in labels:
            return labels[value]
        if len(value) < 16:
            return value
        return _TOKENISH.sub(lambda m: labels.get(m.group(0), m.group(0)), _substrings(value, labels))
    if isinstance(value, list):
        return [scrub(v, labels) for v in value]
    if isinstance(value, tuple):
        return tuple(scrub(v, labels) for v in value)
    if isinstance(value, dict):
        return {scrub(k, labels): scrub(v, labels) for k, v in value.items()}
    return value


def _substrings(text: str, labels: dict[str, str]) -> str:
    """Tokens glued to other word characters (rare): replaced only when the text is short
    enough to check every token cheaply."""
    if len(labels) > 200:
        return text
    for token, label in labels.items():
        if token in text:
            text = text.replace(token, label)
    return text


def scrub_json(payload: str, labels: dict[str, str]) -> str:
    """A stored JSON payload with tokens replaced, worked on as text: a token's characters
    ([A-Za-z0-9_-]) are never escaped in JSON, and a label needs no escaping either."""
    return scrub(payload, labels)


def unlink_tokens(room: Room) -> int:
    """Cut the link between browsers and tokens: rewrite the session's stored events with neutral
    labels instead of tokens, rebuild the room's state from the rewritten log, forget the live
    connections. Idempotent. Returns how many events were rewritten."""
    labels = session_labels(room.state)
    changed = room.store.rewrite_payloads(room.code, lambda p: scrub_json(p, labels)) if labels else 0
    room.store.scrub()
    room.state = replay(room.store.events(room.code), room.registry)
    room.connections.clear()
    log.info("session closed: %d stored events now carry neutral labels", changed)
    return changed


# --- erasure and retention ------------------------------------------------------------------


def erase_session(rooms: Rooms, code: str) -> bool:
    """Erase a whole session: its events, restitution, comments, moderation log and row."""
    if not rooms.store.code_taken(code):
        return False
    room = rooms.get(code)
    rooms.store.delete_session(code)
    rooms.store.scrub()
    rooms.forget(code)
    if room is not None:
        room.state.status = "closed"  # views still open on it refuse further actions
        room.bus.publish(code, {"phase", "erased"})
    log.info("a session was erased")
    return True


def expired(closed: list[tuple[str, float | None]], retention_days: int, now: float) -> list[str]:
    """Closed sessions whose raw events are past retention (0 days: keep forever)."""
    if retention_days <= 0:
        return []
    limit = now - retention_days * DAY
    return [code for code, closed_at in closed if closed_at is not None and closed_at <= limit]


def purge_expired(
    rooms: Rooms,
    retention_days: int,
    *,
    now: float | None = None,
    keep: Callable[[str], None] = lambda code: None,
) -> list[str]:
    """Delete the raw events of closed sessions past retention. `keep(code)` runs first (it
    saves the restitution, which stays). Returns the purged codes."""
    now = time.time() if now is None else now
    purged = []
    for code in expired(rooms.store.closed_sessions(), retention_days, now):
        if rooms.store.archive(code)["purged_at"] is not None:
            continue
        keep(code)
        rooms.store.delete_events(code)
        rooms.store.set_archive(code, purged_at=now)
        rooms.forget(code)
        purged.append(code)
    if purged:
        rooms.store.scrub()
        log.info("retention: raw events of %d closed sessions purged", len(purged))
    return purged
