"""The speaking turns' part of the restitution: statistics relative to presence, the turns, a chart.

Nothing here can say who: no name, no label, no token; a turn is its number, start, duration,
room or remote, first time or not, point of order or not (never the speaker's category: anyone
who saw the turn would read it). The statistics by category are the published ones
(`stats.published`: no count of 1 or 2, moving only in steps that isolate nobody); a category
not shown has no figure of its own (null, the mark in the tables), and is summed in "hidden".

`ReportSection.data` (open data) has this shape, shares being fractions from 0 to 1:

    {"order": "parity" | "fifo", "turn_limit_seconds": 120 | null,
     "present": {"total": 10, "by_category": {"man": 7, "hidden": 3},
                 "by_mode": {"room": 8, "remote": 2}},
     "summary": {"turns": 12, "seconds": 900.0, "speakers": 9, "longest_seconds": 140.0,
                 "median_seconds": 70.0, "first_time_turns": 9, "points_of_order": 1},
     "by_category": [{"category": "woman", "present": 1, "present_share": 0.1, "seconds": 120.0,
                      "time_share": 0.13, "turns": 2, "turn_share": 0.17, "ratio": 1.33}, ...],
     "by_mode": [{"mode": "room", ...same fields...}, {"mode": "remote", ...}],
     "turns": [{"turn": 1, "start_offset_seconds": 0.0, "duration_seconds": 75.0,
                "mode": "remote", "first_time": true, "point_of_order": false}, ...],
     "chart": {"kind": "bar", "unit": " %", "labels": [category names],
               "series": [{"name": "share of speaking time", "values": [percent, ...]},
                          {"name": "share of those present", "values": [percent, ...]}]}}

(An undeclared category counts with "undisclosed".) The tables say the same for people.
"""

from __future__ import annotations

from typing import Any

from facilitation.disclosure import MARK, protect_counts
from facilitation.i18n import t, t_plural
from facilitation.report import ReportSection, Table
from facilitation.session import SessionState

from .model import Turn, TurnsState
from .stats import Line, Stats, duration, percent, presence, published


def finished_turns(state: TurnsState, session: SessionState | None) -> list[Turn]:
    """The turns, a turn still running when the session closed ending at the close."""
    closed = session.closed_at if session is not None else None
    turns = []
    for turn in state.turns:
        if turn.ended_at is None and closed is not None:
            turn = turn.model_copy(update={"ended_at": closed})
        turns.append(turn)
    return turns


def _ratio(line: Line) -> str:
    return "—" if line.ratio is None else f"{line.ratio:.2f}"


def _line_row(name: str, line: Line, lang: str) -> list[Any]:
    if line.hidden:
        return [name, line.present or MARK, MARK, MARK, MARK, MARK, MARK, MARK]
    return [
        name,
        line.present,
        percent(line.present_share, lang),
        duration(line.seconds),
        percent(line.time_share, lang),
        line.turns,
        percent(line.turn_share, lang),
        _ratio(line),
    ]


def _line_data(key: str, line: Line) -> dict[str, Any]:
    if line.hidden:
        return {key: line.key, "present": line.present or None} | dict.fromkeys(
            ("present_share", "seconds", "time_share", "turns", "turn_share", "ratio")
        )
    return {
        key: line.key,
        "present": line.present,
        "present_share": round(line.present_share, 4),
        "seconds": round(line.seconds, 1),
        "time_share": round(line.time_share, 4),
        "turns": line.turns,
        "turn_share": round(line.turn_share, 4),
        "ratio": None if line.ratio is None else round(line.ratio, 3),
    }


def stats_tables(stats: Stats, lang: str) -> list[Table]:
    columns = [
        t("speaking_turns.stats.group", lang),
        t("speaking_turns.stats.present", lang),
        t("speaking_turns.stats.present_share", lang),
        t("speaking_turns.stats.seconds", lang),
        t("speaking_turns.stats.time_share", lang),
        t("speaking_turns.stats.turns", lang),
        t("speaking_turns.stats.turn_share", lang),
        t("speaking_turns.stats.ratio", lang),
    ]
    return [
        Table(
            title=t("speaking_turns.stats.by_category", lang),
            columns=columns,
            rows=[
                _line_row(t(f"speaking_turns.cat.{line.key}", lang), line, lang) for line in stats.by_category
            ],
        ),
        Table(
            title=t("speaking_turns.stats.by_mode", lang),
            columns=columns,
            rows=[
                _line_row(t(f"speaking_turns.mode.{line.key}", lang), line, lang) for line in stats.by_mode
            ],
        ),
    ]


def summary(stats: Stats, lang: str) -> str:
    if not stats.turns:
        return t("speaking_turns.stats.none", lang)
    return t(
        "speaking_turns.stats.summary",
        lang,
        turns=stats.turns,
        time=duration(stats.seconds),
        speakers=stats.speakers,
        longest=duration(stats.longest),
        median=duration(stats.median),
    )


def chart(stats: Stats, lang: str) -> dict[str, Any]:
    """Time and presence shares of the categories shown (one not shown has no bar, not a 0)."""
    lines = [line for line in stats.by_category if not line.hidden]
    return {
        "kind": "bar",
        "title": t("speaking_turns.report.chart", lang),
        "unit": t("common.percent_unit", lang),
        "labels": [t(f"speaking_turns.cat.{line.key}", lang) for line in lines],
        "series": [
            {
                "name": t("speaking_turns.stats.time_share", lang),
                "values": [round(line.time_share * 100, 1) for line in lines],
            },
            {
                "name": t("speaking_turns.stats.present_share", lang),
                "values": [round(line.present_share * 100, 1) for line in lines],
            },
        ],
    }


def report(state: TurnsState, session: SessionState | None, lang: str) -> ReportSection:
    section = ReportSection(kind="speaking_turns", title=t("speaking_turns.title", lang))
    by_category, by_mode = presence(session)
    turns = finished_turns(state, session)
    stats = published(state, session)
    section.paragraphs += [
        summary(stats, lang),
        t_plural("speaking_turns.stats.presence_note", stats.present, lang),
        t("speaking_turns.report.order", lang, order=t(f"speaking_turns.order.{state.order}", lang)),
        t("speaking_turns.report.anonymous", lang),
    ]
    section.tables += stats_tables(stats, lang)
    done = [turn for turn in turns if turn.ended_at is not None]
    origin = done[0].started_at if done else 0.0
    yes, no = t("speaking_turns.report.yes", lang), t("speaking_turns.report.no", lang)
    if done:
        section.tables.append(
            Table(
                title=t("speaking_turns.report.turns", lang),
                columns=[
                    t("speaking_turns.report.n", lang),
                    t("speaking_turns.report.start", lang),
                    t("speaking_turns.report.duration", lang),
                    t("speaking_turns.console.where", lang),
                    t("speaking_turns.report.first_time", lang),
                    t("speaking_turns.report.point", lang),
                ],
                rows=[
                    [
                        n,
                        "+" + duration(turn.started_at - origin),
                        duration(turn.duration),
                        t(f"speaking_turns.mode.{turn.mode}", lang),
                        yes if turn.first_time else no,
                        yes if turn.point_of_order else no,
                    ]
                    for n, turn in enumerate(done, start=1)
                ],
            )
        )
    section.data = {
        "order": state.order,
        "turn_limit_seconds": state.limit,
        "present": {
            "total": stats.present,
            "by_category": protect_counts({str(c): n for c, n in by_category.items()}),
            "by_mode": dict(by_mode),
        },
        "summary": {
            "turns": stats.turns,
            "seconds": round(stats.seconds, 1),
            "speakers": stats.speakers,
            "longest_seconds": round(stats.longest, 1),
            "median_seconds": round(stats.median, 1),
            "first_time_turns": stats.first_time,
            "points_of_order": stats.points_of_order,
        },
        "by_category": [_line_data("category", line) for line in stats.by_category],
        "by_mode": [_line_data("mode", line) for line in stats.by_mode],
        "turns": [
            {
                "turn": n,
                "start_offset_seconds": round(turn.started_at - origin, 1),
                "duration_seconds": round(turn.duration, 1),
                "mode": turn.mode,
                "first_time": turn.first_time,
                "point_of_order": turn.point_of_order,
            }
            for n, turn in enumerate(done, start=1)
        ],
        "chart": chart(stats, lang),
    }
    return section
