"""Where restitutions live: built live from a session's state, saved at close (so that they
outlast the raw events under retention), exported, and checked for personal data.

The one place that joins the pure document (`model`) to the rooms. It writes nothing but the
saved documents, a record of the log (`record`) that the store writes in the same transaction as
the events it follows, a purge's included: a document that fails to build refuses the command,
and the raw events stay. Comments, moderation and publication are commands through the room
(`facilitation/feedback.py`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import feedback, privacy
from ..activity import FreeText, Registry
from ..detector.screening import screen_text
from ..events import Event
from ..feedback import CommentModerated, CommentPosted, PublicationChosen, PublishedAnyway, Review
from ..i18n import LANGUAGES, Text
from ..session import SessionPurged, SessionState
from ..store import Derived
from . import opendata, render_html, render_md
from .model import Restitution, build, with_comments

if TYPE_CHECKING:
    from ..room import Room
    from ..rooms import Rooms

log = logging.getLogger(__name__)

FORMATS: dict[str, tuple[str, Callable[[Restitution], str]]] = {
    "md": ("text/markdown; charset=utf-8", render_md.render),
    "html": ("text/html; charset=utf-8", render_html.render),
    "json": ("application/json", opendata.to_json),
    "csv": ("text/csv; charset=utf-8", opendata.to_csv),
}


# --- the saved documents: a record of the log -------------------------------------------------

# Events the saved documents do not show (comments and publication are read from the state,
# `with_comments`): they neither make nor leave the documents behind their log.
NOT_IN_DOCUMENTS = frozenset(
    {CommentPosted.type, CommentModerated.type, PublicationChosen.type, PublishedAnyway.type}
)


def documents(room: Room) -> dict[str, str]:
    """The built restitution, in every language (JSON), as the store keeps it."""
    now = room.clock()
    return {lang: build(room.state, room.registry, lang, now).model_dump_json() for lang in LANGUAGES}


def record(room: Room, events: list[Event] | None, derived: Derived) -> None:
    """The saved documents follow every command of a closed session that changes them (its
    close, the moderation of its texts) and are written with its events. A purge writes them if
    the saved ones are missing or behind the log (a log older than this rule) and leaves current
    ones as they are; after it nothing is built again (the raw events are gone). `events` None:
    the whole log, a record catching up."""
    state = room.state
    purging = events is not None and any(isinstance(e, SessionPurged) for e in events)
    if state.status != "closed" or not state.title or (state.purged_at is not None and not purging):
        return
    if purging:
        behind = room.store.restitutions_behind(
            LANGUAGES, purged=SessionPurged.type, ignored=NOT_IN_DOCUMENTS, code=room.code
        )
        if room.code not in behind:
            return
    elif events is not None and all(e.type in NOT_IN_DOCUMENTS for e in events):
        return
    derived.restitutions.update(documents(room))


def attach(rooms: Rooms) -> None:
    """Register the record with every room (once)."""
    if record not in rooms.records:
        rooms.records.append(record)


def catch_up(rooms: Rooms) -> list[str]:
    """Closed sessions, not purged, whose saved documents are missing or older than their log
    (written before they were part of the command's transaction): built again from the log.
    Returns their codes."""
    behind = rooms.store.restitutions_behind(LANGUAGES, purged=SessionPurged.type, ignored=NOT_IN_DOCUMENTS)
    return rooms.save_records(behind)


# --- reading -----------------------------------------------------------------------------------


def document(rooms: Rooms, code: str, lang: str) -> Restitution | None:
    """The restitution of `code` in `lang`, comments and moderation log included; None when the
    session does not exist."""
    room = rooms.get(code)
    if room is None:
        return None
    state = room.state
    if state.purged_at is None and state.title:
        doc = build(state, room.registry, lang, rooms.clock())
    else:
        raw = rooms.store.restitution(room.code, lang)
        if raw is None:
            return None
        doc = Restitution.model_validate_json(raw)
    return with_comments(doc, state)


def export(rooms: Rooms, code: str, fmt: str, lang: str) -> tuple[str, str] | None:
    """(media type, body) of the restitution in `fmt` (md, html, json, csv)."""
    doc = document(rooms, code, lang)
    if doc is None:
        return None
    media, render = FORMATS[fmt]
    return media, render(doc)


def is_published(rooms: Rooms, code: str) -> bool:
    """Public: the session is closed and published (by its plan or its facilitator)."""
    room = rooms.get(code)
    return room is not None and room.state.published


# --- the name check ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Suspect:
    """A free text (or a comment) that looks like it carries personal data."""

    target: str  # "free_text" or "comment"
    item: int | None  # the agenda item's id
    item_title: Text
    text_id: str
    text: str
    where: str
    hidden: bool
    findings: tuple[privacy.Finding, ...]


def free_texts(state: SessionState, registry: Registry) -> list[tuple[int, FreeText]]:
    """Every activity's free texts, with their agenda item's id."""
    return feedback.free_texts(state, registry)


async def suspects(rooms: Rooms, code: str) -> list[Suspect]:
    """Shown (or hidden) free texts and comments that look like they name someone, or give an
    address or number: the check before publishing. Texts still held are in the console's
    queue, not here. The detector runs off the event loop (`detector.screening`)."""
    room = rooms.get(code)
    return [] if room is None else (await _scan(room))[0]


async def review(room: Room) -> tuple[Review, list[Suspect]]:
    """The check before publishing, as the commands that publish take it (`feedback.Review`):
    the open findings (suspects not hidden, and texts the detector could not check), with the
    digest of the texts as they were when the check began; and the suspects, for the panel."""
    digest = feedback.texts_digest(room.state, room.registry)
    found, unchecked = await _scan(room)
    return Review(findings=sum(not s.hidden for s in found) + unchecked, digest=digest), found


async def _scan(room: Room) -> tuple[list[Suspect], int]:
    """The suspects, and how many texts not hidden could not be checked."""
    state, found, unchecked = room.state, [], 0
    if state.purged_at is None:
        for index, text in free_texts(state, room.registry):
            if text.held and not text.hidden:
                continue
            hits = await _findings(text.text, text.field)
            if hits is None:
                unchecked += not text.hidden
            elif hits:
                title = state.agenda[index].title
                found.append(
                    Suspect(
                        "free_text", index, title, text.id, text.text, text.where, text.hidden, tuple(hits)
                    )
                )
    for c in state.comments:
        if c.held and not c.hidden:
            continue
        hits = await _findings(c.text, "text")
        if hits is None:
            unchecked += not c.hidden
        elif hits:
            found.append(Suspect("comment", None, Text(), str(c.id), c.text, "", c.hidden, tuple(hits)))
    return found, unchecked


_checked: dict[tuple[str, str], tuple[privacy.Finding, ...]] = {}


async def _findings(text: str, field: str) -> tuple[privacy.Finding, ...] | None:
    """What the detector finds in `text`, remembered (the panel asks again at every change); a
    text that could not be checked is not remembered: None this time."""
    key = (text, field)
    if key not in _checked:
        screening = await screen_text(text, "fr", field)
        if not screening.complete:
            return None
        if len(_checked) > 10_000:
            _checked.clear()
        _checked[key] = tuple(screening.findings)
    return _checked[key]


# --- start-up: finish closes, purge past retention -------------------------------------------------


def start_up(rooms: Rooms, retention_days: int, now: float | None = None) -> list[str]:
    """Register the saved documents' record, finish any close that missed its privacy step,
    bring saved documents behind their log up to date, then purge raw events past retention
    (the restitution is kept). Returns the purged codes."""
    attach(rooms)
    rooms.finish_closes()
    catch_up(rooms)
    return rooms.purge_expired(retention_days, now)
