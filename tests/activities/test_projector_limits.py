"""What the projector leaves out at 36 px type is counted, never dropped silently (pure drawings)."""

from __future__ import annotations

import re

from activities.propulsion.board import Board, Entry
from activities.propulsion.display import board_html
from activities.propulsion.model import Proposal


def entry(n: int, klass: str, actions: int = 0) -> Entry:
    proposal = Proposal(id=f"p{n}", text=f"Proposition {n}", by="facilitator", klass=klass)  # type: ignore[arg-type]
    children = [entry(n * 10 + k, "action") for k in range(actions)]
    return Entry(proposal=proposal, support=3, contributors={}, ratings={}, actions=children)


def shown(html: str) -> list[str]:
    return re.findall(r'data-proposal="(p\d+)"', html)


def test_the_board_shows_its_first_proposals_and_counts_the_rest() -> None:
    board = Board(
        engagements=[entry(1, "engagement", actions=1)], initiatives=[entry(2, "initiative")], unclassed=[]
    )
    html = board_html(board, "fr", limit=2)
    assert shown(html) == ["p1", "p10"]  # the engagement and its action fill the two places
    assert "et 1 de plus" in html
    assert "de plus" not in board_html(board, "fr")  # no limit: everything, nothing counted


def test_the_first_proposal_is_shown_whatever_its_size() -> None:
    board = Board(
        engagements=[entry(1, "engagement", actions=3)], initiatives=[entry(2, "initiative")], unclassed=[]
    )
    html = board_html(board, "en", limit=2)
    assert shown(html) == ["p1", "p10", "p11", "p12"]
    assert "and 1 more" in html
