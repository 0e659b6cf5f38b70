"""The restitution as neutral data, built from a session's state. Pure: no I/O, no UI.

The same document feeds every format (Markdown, HTML, JSON, CSV); its JSON form is the open
data documented in docs/open-data.md (schema docs/open-data.schema.json).
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any, Literal
from zoneinfo import ZoneInfo

from pydantic import BaseModel, Field

from ..activity import MOMENT, Registry
from ..i18n import fmt_number, t
from ..kanon import HIDDEN, protect_counts
from ..privacy import scrub, session_labels
from ..report import ReportSection, Table
from ..session import CATEGORIES, COLLEGES, SessionState
from . import texts  # noqa: F401  (translations)

log = logging.getLogger(__name__)

SCHEMA_ID = "https://cercle.example/open-data/restitution/1"
SCHEMA_VERSION = 1
try:
    LOCAL_TZ: Any = ZoneInfo("Europe/Paris")
except Exception:  # no tz database: show UTC
    LOCAL_TZ = UTC


class Counts(BaseModel):
    total: int = 0
    room: int = 0
    remote: int = 0
    categories: dict[str, int] = Field(default_factory=dict)
    colleges: dict[str, int] | None = None  # when the session asked: never a count of 1 or 2 (kanon)


class AgendaEntry(BaseModel):
    index: int  # the item's position in the agenda, from 0
    title: str
    kind: str
    kind_label: str
    planned_minutes: int
    planned_start: str | None = None
    actual_start: str | None = None
    actual_end: str | None = None
    actual_minutes: float | None = None


class Section(BaseModel):
    """An activity's `ReportSection`, with the agenda item it belongs to."""

    item: int  # the item's position in the agenda, from 0
    item_title: str
    kind: str
    title: str
    paragraphs: list[str] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    lists: dict[str, list[str]] = Field(default_factory=dict)
    data: dict[str, Any] = Field(default_factory=dict)


class Comment(BaseModel):
    id: int
    at: str
    text: str
    hidden: bool = False
    reason: str = ""


class ModerationEntry(BaseModel):
    """What was moderated, when and why; never who."""

    at: str
    target: Literal["comment", "free_text", "record"]
    target_id: str
    action: Literal["hide", "show", "edit", "approve", "withdraw", "publish_anyway"]
    reason: str = ""
    place: str = ""
    held: int = 0  # "record": texts still waiting for review when it was published anyway
    findings: int = 0  # "record": the check's open findings then


class Restitution(BaseModel):
    schema_version: int = SCHEMA_VERSION
    code: str
    title: str
    date: str = ""
    lang: str = "fr"
    licence: str = ""
    status: str = "draft"
    generated_at: str
    started_at: str | None = None
    closed_at: str | None = None
    participants: Counts = Field(default_factory=Counts)
    agenda: list[AgendaEntry] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    comments: list[Comment] = Field(default_factory=list)
    moderation: list[ModerationEntry] = Field(default_factory=list)


def iso(at: float | None) -> str | None:
    """A time as ISO 8601 with the forum's offset (Europe/Paris)."""
    if at is None:
        return None
    return datetime.fromtimestamp(at, LOCAL_TZ).isoformat(timespec="seconds")


def clock_time(value: str | None) -> str:
    """ "18:32" from an ISO time, "—" when absent."""
    return datetime.fromisoformat(value).strftime("%H:%M") if value else "—"


def agenda(state: SessionState, registry: Registry, lang: str, now: float) -> list[AgendaEntry]:
    entries, planned = [], state.started_at
    for index, (item_id, item) in enumerate(state.agenda.items()):
        start, end = state.item_started.get(item_id), state.item_ended.get(item_id)
        seconds = state.item_seconds(item_id, now)
        entries.append(
            AgendaEntry(
                index=index,
                title=item.title.get(lang),
                kind=item.kind,
                kind_label=registry.label(item.kind, lang),
                planned_minutes=item.duration_min,
                planned_start=iso(planned),
                actual_start=iso(start),
                actual_end=iso(end),
                actual_minutes=round(seconds / 60, 1) if seconds is not None else None,
            )
        )
        if planned is not None:
            planned += item.duration_min * 60
    return entries


def sections(state: SessionState, registry: Registry, lang: str) -> list[Section]:
    """Each activity's report section, in agenda order; a failing report becomes a notice."""
    result = []
    for index, (item_id, item) in enumerate(state.agenda.items()):
        activity = registry.get(item.kind) if item.kind != MOMENT else None
        if activity is None or item_id not in state.activities:
            continue
        try:
            report: ReportSection = activity.report(state.activities[item_id], state, lang)
            body = report.model_dump()
        except Exception:
            log.exception("report of agenda item %d failed", index)
            body = {
                "kind": item.kind,
                "title": item.title.get(lang),
                "paragraphs": [t("restitution.unavailable", lang)],
            }
        result.append(Section(item=index, item_title=item.title.get(lang), **body))
    return result


def colleges_line(colleges: dict[str, int], lang: str) -> str:
    """ "Collèges déclarés — Agent public : 12 · …", groups of fewer than 3 grouped (kanon)."""
    names = [
        t(
            "common.pair",
            lang,
            label=t("kanon.other_group", lang) if c == HIDDEN else t(f"college.{c}", lang),
            value=fmt_number(n, lang),
        )
        for c, n in colleges.items()
        if n
    ]
    return f"{t('restitution.colleges', lang)} — {' · '.join(names)}"


def counts(state: SessionState) -> Counts:
    raw = state.counts()
    colleges = None
    if state.colleges:
        by_college = dict.fromkeys((*COLLEGES, "none"), 0)
        for p in state.participants.values():
            by_college[p.college or "none"] += 1
        colleges = protect_counts(by_college)
    return Counts(
        total=raw["total"],
        room=raw["room"],
        remote=raw["remote"],
        categories={c: raw[c] for c in (*CATEGORIES, "none")},
        colleges=colleges,
    )


def build(state: SessionState, registry: Registry, lang: str, now: float) -> Restitution:
    """The restitution of a session as it stands (live or closed). Tokens never come out: any
    that an activity's report let through is replaced by its neutral label."""
    labels = session_labels(state)
    doc = Restitution(
        code=state.code,
        title=state.title.get(lang),
        date=state.date,
        lang=lang,
        licence=state.licence,
        status=state.status,
        generated_at=iso(now) or "",
        started_at=iso(state.started_at),
        closed_at=iso(state.closed_at),
        participants=counts(state),
        agenda=agenda(state, registry, lang, now),
        sections=sections(state, registry, lang),
    )
    return Restitution.model_validate(scrub(doc.model_dump(), labels)) if labels else doc


def with_comments(doc: Restitution, state: SessionState) -> Restitution:
    """The document with the session's comments (hidden ones keep no text; held ones, not yet
    reviewed, are not there at all) and moderation log."""
    return doc.model_copy(
        update={
            "comments": [
                Comment(
                    id=c.id,
                    at=iso(c.at) or "",
                    text="" if c.hidden else c.text,
                    hidden=c.hidden,
                    reason=c.reason,
                )
                for c in state.comments
                if not c.held
            ],
            "moderation": [
                ModerationEntry(
                    at=iso(m.at) or "",
                    target=m.target,
                    target_id=m.target_id,
                    action=m.action,
                    reason=m.reason,
                    place=m.place,
                    held=m.held,
                    findings=m.findings,
                )
                for m in state.moderation
            ],
        }
    )
