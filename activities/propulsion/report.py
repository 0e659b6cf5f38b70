"""The propulsion board's part of the restitution, the forum's main output: the engagements with
their actions, the initiatives, and what was not classed, each with its next step and horizon,
the organisations expected to carry it, its support and its contributors by collège, and for an
engagement the DITP's criteria (ticked by the facilitator, rated by the room). Every count of
people comes out of a published snapshot (`disclosure`: never 1 or 2); never a token or a person's name."""

from __future__ import annotations

from typing import Any

from facilitation.disclosure import MARK, K
from facilitation.i18n import t, t_plural
from facilitation.report import ReportSection, Table
from facilitation.session import SessionState

from .board import Entry, build_board
from .display import contributors_text
from .settings import CRITERIA
from .state import PropulsionState


def _entry(entry: Entry, lang: str) -> dict[str, Any]:
    p = entry.proposal
    step = p.next_step if p.next_step is not None and not p.next_step.hidden else None
    data: dict[str, Any] = {
        "id": p.id,
        "class": p.klass,
        "text": p.words.get(lang),
        "origin": p.origin_in(lang),
        "next_step": step.text if step else "",
        "horizon": step.horizon if step else "",
        "organisations": [o.name for o in p.organisations if o.shown],
        "support": entry.support,
        "contributors": dict(entry.contributors),
    }
    if p.klass == "engagement":
        data["criteria_ticked"] = [c for c in CRITERIA if c in p.criteria]
        data["criteria_rated"] = {c: dict(entry.ratings[c]) for c in CRITERIA if entry.ratings.get(c)}
        data["actions"] = [_entry(a, lang) for a in entry.actions]
    return data


def _row(entry: Entry, lang: str, indent: str = "") -> list[Any]:
    p = entry.proposal
    step = p.next_step if p.next_step is not None and not p.next_step.hidden else None
    support = entry.support if entry.support is not None else t("propulsion.fewer", lang, k=K)
    criteria = (
        f"{sum(1 for c in CRITERIA if c in p.criteria)}/{len(CRITERIA)}" if p.klass == "engagement" else ""
    )
    return [
        indent + t(f"propulsion.klass.{p.klass or 'unclassed'}", lang),
        p.words.get(lang),
        step.text if step else "",
        step.horizon if step else "",
        ", ".join(o.name for o in p.organisations if o.shown),
        support,
        contributors_text(entry, lang),
        criteria,
    ]


def report(state: PropulsionState, session: SessionState, lang: str) -> ReportSection:
    section = ReportSection(kind="propulsion", title=t("propulsion.title", lang))
    if state.settings.intro:
        section.paragraphs.append(state.settings.intro.get(lang))
    board = build_board(state, session)
    section.paragraphs.append(
        t(
            "propulsion.report.summary",
            lang,
            engagements=t_plural("propulsion.report.engagements_n", len(board.engagements), lang),
            actions=t_plural(
                "propulsion.report.actions_n", sum(len(e.actions) for e in board.engagements), lang
            ),
            initiatives=t_plural("propulsion.report.initiatives_n", len(board.initiatives), lang),
        )
    )
    section.paragraphs.append(t("kanon.rule", lang))
    columns = [
        t(f"propulsion.report.{c}", lang)
        for c in (
            "class",
            "proposal",
            "next_step",
            "horizon",
            "organisations",
            "support",
            "contributors",
            "criteria",
        )
    ]
    rows = [r for e in board.engagements for r in (_row(e, lang), *(_row(a, lang, "↳ ") for a in e.actions))]
    if rows:
        section.tables.append(
            Table(title=t("propulsion.report.engagements", lang), columns=columns, rows=rows)
        )
    if board.initiatives:
        section.tables.append(
            Table(
                title=t("propulsion.report.initiatives", lang),
                columns=columns,
                rows=[_row(e, lang) for e in board.initiatives],
            )
        )
    if board.unclassed:
        section.lists[t("propulsion.report.unclassed", lang)] = [
            e.proposal.words.get(lang) for e in board.unclassed
        ]
    for engagement in board.engagements:
        p = engagement.proposal
        ticked = [t(f"propulsion.criterion.{c}", lang) for c in CRITERIA if c in p.criteria]
        rated = [
            [t(f"propulsion.criterion.{c}", lang)]
            + [
                engagement.ratings[c].get(r, MARK if engagement.ratings[c] else "")
                for r in ("met", "partly", "not")
            ]
            + [engagement.ratings[c].get("hidden", MARK) if engagement.ratings[c] else ""]
            for c in CRITERIA
        ]
        if any(engagement.ratings.get(c) for c in CRITERIA):
            section.tables.append(
                Table(
                    title=t("propulsion.report.criteria_of", lang, text=p.words.get(lang)[:80]),
                    columns=[
                        t("propulsion.report.criterion", lang),
                        *(t(f"propulsion.rating.{r}", lang) for r in ("met", "partly", "not")),
                        t("kanon.other_answers", lang),
                    ],
                    rows=rated,
                )
            )
        if ticked:
            section.lists[t("propulsion.report.ticked_of", lang, text=p.words.get(lang)[:80])] = ticked
    section.data = {
        "k": K,
        "criteria": list(CRITERIA),
        "engagements": [_entry(e, lang) for e in board.engagements],
        "initiatives": [_entry(e, lang) for e in board.initiatives],
        "unclassed": [_entry(e, lang) for e in board.unclassed],
    }
    return section
