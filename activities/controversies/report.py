"""The controversy map's part of the restitution: each statement, from the most divisive to the
most consensual, with its distribution overall and by collège from its published snapshot, as the
disclosure rule lets it be shown (no count of 1 or 2, no unanimous group, a hidden cell marked like
an empty one), its divergence and the gap between collèges. Counts only: never a token."""

from __future__ import annotations

from typing import Any

from facilitation.disclosure import HIDDEN, MARK, K
from facilitation.i18n import t
from facilitation.report import ReportSection, Table
from facilitation.session import SessionState

from .display import group_label, number, position_label
from .map import StatementMap, build_map
from .model import POSITIONS
from .state import ControversiesState


def _cells(row: dict[str, int]) -> dict[str, int | None]:
    """A row as open data: a position's count, None when hidden or nobody (alike); `hidden` the
    answers under "autres réponses"."""
    return {**{p: row.get(p) for p in POSITIONS}, HIDDEN: row.get(HIDDEN, 0)}


def _entry(m: StatementMap, lang: str) -> dict[str, Any]:
    return {
        "id": m.statement.id,
        "text": m.statement.words.get(lang),
        "by": m.statement.by,
        "answers": m.answers if not m.table.hidden else None,
        "shown": not m.table.hidden,
        "divergence": m.divergence,
        "college_gap": m.gap,
        "colleges_apart": list(m.apart),
        "overall": _cells(m.table.total) if not m.table.hidden else None,
        "by_college": {g: _cells(row) for g, row in m.table.rows.items()} if m.by_college else {},
    }


def report(state: ControversiesState, session: SessionState, lang: str) -> ReportSection:
    section = ReportSection(kind="controversies", title=t("controversies.title", lang))
    maps = build_map(state, session)
    section.paragraphs.append(t("controversies.divergence_rule", lang))
    section.paragraphs.append(t("kanon.rule", lang))
    section.paragraphs.append(t("kanon.mark", lang))
    columns = [
        t("controversies.report.who", lang),
        *(position_label(p, lang) for p in POSITIONS),
        t("kanon.other_answers", lang),
        "Total",
    ]
    for rank, m in enumerate(maps, start=1):
        name = f"{rank}. {m.statement.words.get(lang)}"
        if m.table.hidden:
            section.paragraphs.append(f"{name} — {t('kanon.too_few', lang, k=K)}")
            continue
        figures = []
        if m.divergence is not None:
            figures.append(t("controversies.divergence", lang, n=m.divergence))
        if m.gap is not None:
            low, high = (group_label(g, lang) for g in m.apart)
            figures.append(t("controversies.gap", lang, n=number(m.gap, lang), low=low, high=high))
        section.paragraphs.append(
            f"{name} — {t('common.semicolon', lang).join(figures) or t('controversies.report.no_figure', lang)}"
        )
        rows = [[t("controversies.everyone", lang), *_line(m.table.total)]]
        if m.by_college:
            rows += [[group_label(g, lang), *_line(row)] for g, row in m.table.rows.items()]
        section.tables.append(Table(title=name, columns=columns, rows=rows))
    section.data = {
        "k": K,
        "positions": list(POSITIONS),
        "statements": [_entry(m, lang) for m in maps],
    }
    if maps:
        shown = [m for m in maps if m.divergence is not None]
        section.data["chart"] = {
            "kind": "bar",
            "title": t("controversies.report.chart", lang),
            "unit": "%",
            "labels": [m.statement.words.get(lang)[:80] for m in shown],
            "series": [
                {"name": t("controversies.report.divergence", lang), "values": [m.divergence for m in shown]}
            ],
        }
    return section


def _line(row: dict[str, int]) -> list[Any]:
    """A table row: each position's count (`MARK` when hidden or nobody), "autres réponses", the total."""
    return [row.get(p, MARK) for p in POSITIONS] + [row.get(HIDDEN, MARK), sum(row.values())]
