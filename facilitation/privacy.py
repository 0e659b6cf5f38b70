"""The Chatham House rule, by construction: what was said may be used, who said it never.

- `find_personal_data(text, lang, field)`: names, titles, e-mail addresses, phone numbers,
  @handles, links and IBANs that free texts may carry by accident, for the facilitator to hide or
  edit before publishing (the detector lives in `detector/`; re-exported here).
- Neutral labels: exports name participants "participant 12" (their order of arrival), never
  by token.
- `scrub` and `relabel`: on close (the `session.unlinked` event), the store rewrites every token
  in the stored events to its neutral label and the room relabels its state the same way, so the
  token kept in a phone's signed cookie no longer matches anything stored. Replay after a
  restart gives the same state, labels instead of tokens.
- Erasure and retention (`Rooms.erase`, `Rooms.purge_expired`) delete raw data and make it
  unrecoverable from the SQLite files (secure_delete, WAL truncated).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from .detector import Finding, find_personal_data, looks_personal  # noqa: F401 (re-exported)

if TYPE_CHECKING:
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


def relabel(value: Any, labels: dict[str, str]) -> Any:
    """An in-memory state with every token replaced by its label: what replaying the relabelled
    log would give (pydantic models are rebuilt from their scrubbed data)."""
    if not labels:
        return value
    if isinstance(value, BaseModel):
        return type(value).model_validate(scrub(value.model_dump(), labels))
    return scrub(value, labels)
