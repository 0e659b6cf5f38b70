"""Where restitutions live: built live from a session's state, saved at close (so that they
outlast the raw events under retention), published, commented and moderated.

The one place that joins the pure document (`model`) to the store and the rooms.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .. import privacy
from ..activity import CommandContext, FreeText, Registry
from ..codes import normalise_code
from ..events import Event
from ..i18n import RuleViolation, add
from ..session import MOMENT, SessionState
from ..settings import LANGUAGES
from ..text import clean_text
from . import opendata, render_html, render_md
from .model import Restitution, build, with_comments

if TYPE_CHECKING:
    from ..room import Room
    from ..rooms import Rooms

log = logging.getLogger(__name__)

MAX_COMMENT = 2000
MAX_REASON = 300

FORMATS: dict[str, tuple[str, Callable[[Restitution], str]]] = {
    "md": ("text/markdown; charset=utf-8", render_md.render),
    "html": ("text/html; charset=utf-8", render_html.render),
    "json": ("application/json", opendata.to_json),
    "csv": ("text/csv; charset=utf-8", opendata.to_csv),
}

add(
    {
        "restitution.error.empty": ("Le commentaire est vide.", "The comment is empty."),
        "restitution.error.too_long": (
            "Commentaire trop long : {max} caractères au plus. Raccourcissez-le.",
            "Comment too long: {max} characters at most. Please shorten it.",
        ),
        "restitution.error.too_fast": (
            "Doucement : attendez {seconds} secondes avant de commenter à nouveau.",
            "Slow down: wait {seconds} seconds before commenting again.",
        ),
        "restitution.error.not_published": (
            "Cette restitution n'est pas publiée : les commentaires ne sont pas ouverts.",
            "This record is not published: comments are not open.",
        ),
        "restitution.error.reason_required": (
            "Indiquez le motif : il est publié dans le journal de modération.",
            "Give the reason: it is published in the moderation log.",
        ),
        "restitution.error.no_comment": ("Ce commentaire n'existe pas.", "That comment does not exist."),
        "restitution.error.no_text": ("Ce texte n'existe plus.", "That text no longer exists."),
    }
)


# --- rate limit (memory only, per connection) -----------------------------------------------


@dataclass
class RateLimiter:
    """At most `burst` comments per `window` seconds and one per `gap` seconds per connection,
    and `session_cap` per minute per session (against floods from many connections). Keys are
    connection ids held in memory; no address is ever looked at."""

    gap: float = 20.0
    burst: int = 5
    window: float = 3600.0
    session_cap: int = 30
    clock: Callable[[], float] = time.time
    _by_key: dict[str, deque[float]] = field(default_factory=lambda: defaultdict(deque))
    _by_session: dict[str, deque[float]] = field(default_factory=lambda: defaultdict(deque))

    def wait(self, session: str, key: str) -> int:
        """Seconds to wait before `key` may comment (0: now)."""
        now = self.clock()
        mine, all_ = self._by_key[key], self._by_session[session]
        while mine and mine[0] <= now - self.window:
            mine.popleft()
        while all_ and all_[0] <= now - 60:
            all_.popleft()
        waits = [0.0]
        if mine:
            waits.append(mine[-1] + self.gap - now)
        if len(mine) >= self.burst:
            waits.append(mine[0] + self.window - now)
        if len(all_) >= self.session_cap:
            waits.append(all_[0] + 60 - now)
        return max(0, int(max(waits) + 0.999))

    def record(self, session: str, key: str) -> None:
        now = self.clock()
        self._by_key[key].append(now)
        self._by_session[session].append(now)

    def forget(self, key: str) -> None:
        self._by_key.pop(key, None)


# --- documents --------------------------------------------------------------------------------


def save_snapshots(room: Room) -> None:
    """Keep the built restitution, in every language, in the store."""
    now = room.clock()
    for lang in LANGUAGES:
        doc = build(room.state, room.registry, lang, now)
        room.store.save_restitution(room.code, lang, doc.model_dump_json(), now)


def finalise(room: Room) -> bool:
    """After close, once: cut the token link, fix the publication choice, save the restitution.
    Returns True when it did the work now."""
    state, store = room.state, room.store
    if state.status != "closed" or not state.code:
        return False
    archive = store.archive(room.code)
    if archive["unlinked_at"] is not None or archive["purged_at"] is not None:
        return False
    privacy.unlink_tokens(room)
    publish = archive["publish"] if archive["publish"] is not None else int(room.state.publish)
    save_snapshots(room)
    store.set_archive(room.code, unlinked_at=room.clock(), publish=publish)
    return True


def purged(rooms: Rooms, code: str) -> bool:
    return rooms.store.archive(code)["purged_at"] is not None


def live_room(rooms: Rooms, code: str) -> Room | None:
    """The room of `code` while its events exist (finalised if it has closed meanwhile)."""
    code = normalise_code(code)
    if not rooms.store.code_taken(code) or purged(rooms, code):
        return None
    room = rooms.get(code)
    if room is not None and room.state.status == "closed":
        finalise(room)
    return room


def document(rooms: Rooms, code: str, lang: str) -> Restitution | None:
    """The restitution of `code` in `lang`, comments and moderation log included; None when the
    session does not exist."""
    code = normalise_code(code)
    if not rooms.store.code_taken(code):
        return None
    room = live_room(rooms, code)
    if room is not None:
        doc = build(room.state, room.registry, lang, rooms.clock())
    else:
        raw = rooms.store.restitution(code, lang)
        if raw is None:
            return None
        doc = Restitution.model_validate_json(raw)
    return with_comments(doc, rooms.store.comments(code), rooms.store.moderation_log(code))


def export(rooms: Rooms, code: str, fmt: str, lang: str) -> tuple[str, str] | None:
    """(media type, body) of the restitution in `fmt` (md, html, json, csv)."""
    doc = document(rooms, code, lang)
    if doc is None:
        return None
    media, render = FORMATS[fmt]
    return media, render(doc)


# --- publication --------------------------------------------------------------------------------


def closed(rooms: Rooms, code: str) -> bool:
    if purged(rooms, code):
        return True
    room = rooms.get(code)
    return room is not None and room.state.status == "closed"


def will_publish(rooms: Rooms, code: str) -> bool:
    """The publication choice: the facilitator's if made, else the plan's."""
    code = normalise_code(code)
    choice = rooms.store.archive(code)["publish"]
    if choice is not None:
        return bool(choice)
    room = rooms.get(code)
    return bool(room is not None and room.state.publish)


def is_published(rooms: Rooms, code: str) -> bool:
    """Public: the session is closed and published (by its plan or its facilitator)."""
    code = normalise_code(code)
    return rooms.store.code_taken(code) and closed(rooms, code) and will_publish(rooms, code)


def set_publish(rooms: Rooms, code: str, publish: bool) -> None:
    rooms.store.set_archive(normalise_code(code), publish=int(publish))


# --- comments and moderation ------------------------------------------------------------------


def post_comment(rooms: Rooms, code: str, text: str, limiter: RateLimiter, key: str) -> int:
    """Add an anonymous comment to a published restitution; raises RuleViolation."""
    code = normalise_code(code)
    text = clean_text(text, multiline=True)
    if not is_published(rooms, code):
        raise RuleViolation("restitution.error.not_published")
    if not text:
        raise RuleViolation("restitution.error.empty")
    if len(text) > MAX_COMMENT:
        raise RuleViolation("restitution.error.too_long", max=MAX_COMMENT)
    wait = limiter.wait(code, key)
    if wait:
        raise RuleViolation("restitution.error.too_fast", seconds=wait)
    limiter.record(code, key)
    return rooms.store.add_comment(code, text, rooms.clock())


def _reason(reason: str) -> str:
    reason = clean_text(reason)[:MAX_REASON]
    if not reason:
        raise RuleViolation("restitution.error.reason_required")
    return reason


def hide_comment(rooms: Rooms, code: str, comment_id: int, reason: str, *, hide: bool = True) -> None:
    """Hide (or show again) a comment; the log keeps what, when and why, never who."""
    code = normalise_code(code)
    reason = _reason(reason) if hide else clean_text(reason)[:MAX_REASON]
    if not rooms.store.hide_comment(code, comment_id, reason, hidden=hide):
        raise RuleViolation("restitution.error.no_comment")
    entry = {"target": "comment", "target_id": str(comment_id), "action": "hide" if hide else "show"}
    rooms.store.log_moderation(code, {**entry, "reason": reason, "place": ""}, rooms.clock())


@dataclass(frozen=True)
class Suspect:
    """A free text (or a comment) that looks like it carries personal data."""

    target: str  # "free_text" or "comment"
    item: int | None
    item_title: str
    text_id: str
    text: str
    where: str
    hidden: bool
    findings: tuple[privacy.Finding, ...]


def free_texts(state: SessionState, registry: Registry) -> list[tuple[int, FreeText]]:
    """Every activity's free texts, with their agenda position."""
    result = []
    for index, item in enumerate(state.agenda):
        activity = registry.get(item.kind) if item.kind != MOMENT else None
        if activity is None or index not in state.activities:
            continue
        try:
            texts = activity.free_texts(state.activities[index])
        except Exception:
            log.exception("free texts of agenda item %d failed", index)
            continue
        result += [(index, text) for text in texts]
    return result


def suspects(rooms: Rooms, code: str) -> list[Suspect]:
    """Free texts and comments that look like they name someone, or give an address or number."""
    code = normalise_code(code)
    found: list[Suspect] = []
    room = live_room(rooms, code)
    if room is not None:
        for index, text in free_texts(room.state, room.registry):
            hits = privacy.find_personal_data(text.text)
            if hits:
                title = room.state.agenda[index].title
                found.append(
                    Suspect(
                        "free_text", index, title, text.id, text.text, text.where, text.hidden, tuple(hits)
                    )
                )
    for c in rooms.store.comments(code):
        hits = privacy.find_personal_data(c["text"])
        if hits:
            found.append(Suspect("comment", None, "", str(c["id"]), c["text"], "", c["hidden"], tuple(hits)))
    return found


async def moderate_text(
    room: Room,
    item: int,
    text_id: str,
    *,
    hide: bool | None = None,
    text: str | None = None,
    reason: str = "",
) -> None:
    """Hide, show or correct an activity's free text through its `moderate`, log it (what, when,
    why; the corrected text is not logged, it may be what removed a name) and refresh the saved
    restitution of a closed session. Raises RuleViolation."""
    activity = room.registry.get(room.state.agenda[item].kind)
    if activity is None:
        raise RuleViolation("restitution.error.no_text")
    where = next(
        (t.where for i, t in free_texts(room.state, room.registry) if i == item and t.id == text_id), ""
    )

    def decide(session: SessionState) -> list[Event]:
        cc = CommandContext(item=item, now=room.clock(), session=session)
        return list(activity.moderate(session.activities[item], cc, text_id, hide=hide, text=text))

    if not await room.submit(decide):
        return  # nothing changed: nothing to log
    action = "edit" if text is not None else ("hide" if hide else "show")
    entry = {"target": "free_text", "target_id": f"{item}:{text_id}", "action": action}
    room.store.log_moderation(
        room.code, {**entry, "reason": clean_text(reason)[:MAX_REASON], "place": where}, room.clock()
    )
    if room.state.status == "closed":
        save_snapshots(room)


# --- start-up: finish closes, purge past retention -------------------------------------------------


def start_up(rooms: Rooms, retention_days: int, now: float | None = None) -> list[str]:
    """Finish any close that a crash interrupted, then purge raw events past retention (the
    restitution is kept). Returns the purged codes."""
    for code, _ in rooms.store.closed_sessions():
        archive = rooms.store.archive(code)
        if archive["unlinked_at"] is None and archive["purged_at"] is None:
            room = rooms.get(code)
            if room is not None:
                finalise(room)
            rooms.forget(code)

    def keep(code: str) -> None:
        if rooms.store.restitution(code, LANGUAGES[0]) is None:
            room = rooms.get(code)
            if room is not None and room.state.code:
                save_snapshots(room)

    return privacy.purge_expired(rooms, retention_days, now=now, keep=keep)
