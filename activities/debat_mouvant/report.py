"""The débat mouvant's part of the restitution: per statement, each round's distribution (phones
and head counts, marked as such), the movement matrix, and the visible arguments by side, the
counts as published (`disclosure`: the same snapshots the screen and phones showed; a hidden count
and none are marked alike). Counts only: no participant token, no name."""

from __future__ import annotations

from typing import Any

from facilitation.disclosure import HIDDEN, MARK
from facilitation.i18n import t, t_plural
from facilitation.report import ReportSection, Table
from facilitation.session import SessionState

from .state import DebatState, Run
from .tally import movement_sentence, short_label


def _choice_text(run: Run, position: str, lang: str) -> str:
    statement = run.statement
    label = short_label(statement, position, lang)
    if statement.form == "dilemma" and position in ("a", "b"):
        return f"{label} — {(statement.a if position == 'a' else statement.b).get(lang)}"
    return label


def _cell(n: int | None) -> int | str:
    return MARK if n is None else n


def _side_title(run: Run, side: str, lang: str) -> str:
    if run.statement.form == "scale":
        return t("debat_mouvant.side.agree" if side == "a" else "debat_mouvant.side.disagree", lang)
    return f"{t(f'debat_mouvant.side.{side}', lang)} — {(run.statement.a if side == 'a' else run.statement.b).get(lang)}"


def report(state: DebatState, session: SessionState, lang: str) -> ReportSection:
    section = ReportSection(kind="debat_mouvant", title=t("debat_mouvant.title", lang))
    section.paragraphs.append(t("kanon.mark", lang))
    statements_data: list[dict[str, Any]] = []
    for index, run in enumerate(state.runs):
        if run.round == 0 and not run.arguments:
            continue  # a statement the room never took up
        name = t("debat_mouvant.statement", lang, n=index + 1)
        section.paragraphs.append(f"{name} — {run.statement.prompt.get(lang)}")
        positions = run.statement.positions()
        columns = [
            t("debat_mouvant.position", lang),
            t("debat_mouvant.room", lang),
            t("debat_mouvant.remote", lang),
            t("debat_mouvant.heads", lang),
            "Total",
            "%",
        ]
        rounds_data = {}
        for round_ in (1, 2):
            if run.round < round_:
                continue
            d = run.distribution(round_)
            rows = [
                [
                    _choice_text(run, c.position, lang),
                    _cell(c.shown("room")),
                    _cell(c.shown("remote")),
                    c.heads,
                    _cell(c.shown_total),
                    d.percent(c.position),
                ]
                for c in d.counts
            ]
            if d.other:
                rows.append([t("kanon.other_answers", lang), MARK, MARK, 0, d.other, d.share(d.other)])
            title = f"{name} — {t(f'debat_mouvant.round.{round_}', lang)}"
            if d.heads:
                title += f" ({t_plural('debat_mouvant.heads_marked', d.heads, lang)})"
            section.tables.append(Table(title=title, columns=columns, rows=rows))
            rounds_data[str(round_)] = {
                c.position: {"room": c.shown("room"), "remote": c.shown("remote"), "heads": c.heads}
                for c in d.counts
            }
            rounds_data[str(round_)][HIDDEN] = {"room": None, "remote": None, "heads": 0, "phones": d.other}
        entry: dict[str, Any] = {
            "number": index + 1,
            "form": run.statement.form,
            "prompt": run.statement.prompt.get(lang),
            "choices": {p: _choice_text(run, p, lang) for p in positions},
            "typed_live": run.typed_live,
            "rounds": rounds_data,
        }
        if run.round >= 2:
            m = run.movement()
            labels = [short_label(run.statement, p, lang) for p in positions]
            section.tables.append(
                Table(
                    title=f"{name} — {t('debat_mouvant.movement.title', lang)}",
                    columns=["↓ 1 / 2 →", *labels],
                    rows=[[labels[i], *(_cell(n or None) for n in row)] for i, row in enumerate(m.matrix)],
                )
            )
            sentence = movement_sentence(run.statement, m, lang)
            section.paragraphs.append(
                f"{t('common.pair', lang, label=name, value=sentence)} {t('debat_mouvant.movement.phones_only', lang)}"
            )
            entry["movement"] = {
                "positions": positions,
                "matrix": [[n or None for n in row] for row in m.matrix],
                "moved": m.moved,
                HIDDEN: m.other,
            }
        arguments: dict[str, list[str]] = {}
        for side in ("a", "b"):
            visible = [a.text for a in run.visible_arguments(side)]
            if visible:
                key = f"{name} — {_side_title(run, side, lang)}"
                section.lists[key] = visible
                arguments[side] = visible
        entry["arguments"] = arguments
        statements_data.append(entry)
    section.data = {"statements": statements_data}
    return section
