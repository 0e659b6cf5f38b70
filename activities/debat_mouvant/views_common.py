"""What the débat mouvant's three views share: whether a view is still there, and the words of positions."""

from __future__ import annotations

from nicegui import ui

from facilitation.ui.context import ViewContext, gone

from .settings import Statement
from .state import DebatState, Run
from .tally import short_label


def live(element: ui.element) -> bool:
    return not gone(element)


def choice_text(statement: Statement, position: str, lang: str) -> str:
    """The full words of a position: a dilemma's choice, or a scale point's label."""
    if statement.form == "dilemma" and position in ("a", "b"):
        return (statement.a if position == "a" else statement.b).get(lang)
    return short_label(statement, position, lang)


def side_names(statement: Statement, ctx: ViewContext[DebatState]) -> dict[str, str]:
    if statement.form == "scale":
        return {"a": ctx.t("debat_mouvant.side.agree"), "b": ctx.t("debat_mouvant.side.disagree")}
    return {"a": ctx.t("debat_mouvant.side.a"), "b": ctx.t("debat_mouvant.side.b")}


def shown_round(run: Run) -> int:
    """The round whose distribution is shown: the current one (round 1 before any)."""
    return max(run.round, 1)


def voted_text(ctx: ViewContext[DebatState], run: Run, round_: int) -> str:
    """How many took a position: a count of who took part, which says nothing of what they chose
    (the positions themselves are shown only as published)."""
    voters = len(run.positions_of(round_))
    heads = sum(run.heads[round_].values())
    participants = ctx.tn("common.participants", len(ctx.session.participants))
    text = ctx.tn("debat_mouvant.voted", voters, participants=participants)
    if heads:
        text += " " + ctx.tn("debat_mouvant.voted_heads", heads)
    return text
