"""Properties of the débat mouvant's counts, checked on random sequences of taps (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from activities.debat_mouvant import state as rules
from activities.debat_mouvant.model import Run
from activities.debat_mouvant.tally import Distribution, distribution, movement
from facilitation.disclosure import K
from facilitation.i18n import RuleViolation
from tests.activities.test_debat_mouvant_state import Debate

PEOPLE = 8
POSITIONS = ["a", "hesitant", "b"]
taps = st.lists(st.tuples(st.integers(0, PEOPLE - 1), st.sampled_from(POSITIONS)), max_size=40)
heads = st.dictionaries(st.sampled_from(POSITIONS), st.integers(0, 50), max_size=3)


def live(d: Debate, round_: int = 1) -> Distribution:
    """The round counted from the positions themselves (what its snapshots are folded from)."""
    run: Run = d.state.run
    return distribution(
        run.statement.positions(), run.positions_of(round_), run.heads[round_], rules.remote_tokens(d.session)
    )


def open_debate() -> Debate:
    d = Debate(people=PEOPLE - 2, remote=2)
    d.do(rules.open_round, 0)
    return d


@settings(max_examples=60, deadline=None)
@given(taps, heads)
def test_total_is_distinct_voters_plus_head_counts(
    votes: list[tuple[int, str]], counted: dict[str, int]
) -> None:
    d = open_debate()
    for who, position in votes:
        d.vote(d.tokens[who], position)
    for position, n in counted.items():
        d.do(rules.set_head_count, 0, 1, position, n)
    dist = live(d)
    assert dist.total == len({who for who, _ in votes}) + sum(counted.values())
    assert dist.voters == len({who for who, _ in votes})
    assert sum(c.remote for c in dist.counts) == len({who for who, _ in votes if who >= PEOPLE - 2})
    # as published: the snapshot's voters and the head counts, no count of 1 or 2
    published = d.state.run.distribution(1)
    snapshot = d.state.run.published.get(1)
    assert published.voters == (len(snapshot.answers) if snapshot and len(snapshot.answers) >= K else 0)
    assert published.total == published.voters + sum(counted.values())
    for c in published.counts:
        assert all(n is None or n >= K for n in (c.shown("room"), c.shown("remote")))
        assert c.marked or c.phones >= K


@settings(max_examples=60, deadline=None)
@given(taps, st.integers(0, PEOPLE - 1), st.sampled_from(POSITIONS))
def test_changing_a_vote_never_changes_the_total(votes: list[tuple[int, str]], who: int, to: str) -> None:
    d = open_debate()
    d.vote(d.tokens[who], "a")
    for voter, position in votes:
        d.vote(d.tokens[voter], position)
    before = live(d).total
    d.vote(d.tokens[who], to)
    assert live(d).total == before
    assert d.state.run.positions_of(1)[d.tokens[who]] == to


@settings(max_examples=60, deadline=None)
@given(taps, taps)
def test_movement_rows_sum_to_first_round_counts_of_those_in_both_rounds(
    first_taps: list[tuple[int, str]], final_taps: list[tuple[int, str]]
) -> None:
    d = open_debate()
    for who, position in first_taps:
        d.vote(d.tokens[who], position)
    d.do(rules.close_round, 0)
    d.do(rules.open_round, 0)
    for who, position in final_taps:
        d.vote(d.tokens[who], position)
    run = d.state.run
    first, final = run.positions_of(1), run.positions_of(2)
    m = movement(run.statement.positions(), first, final)
    for i, position in enumerate(POSITIONS):
        in_both = sum(1 for token, p in first.items() if p == position and token in final)
        assert sum(m.matrix[i]) == in_both
    assert m.both == len(set(first) & set(final))


@settings(max_examples=80, deadline=None)
@given(
    st.dictionaries(st.integers(0, 30), st.sampled_from(POSITIONS)),
    st.dictionaries(st.integers(0, 30), st.sampled_from(POSITIONS)),
)
def test_movement_matrix_of_any_two_rounds(first: dict[int, str], final: dict[int, str]) -> None:
    m = movement(POSITIONS, {str(k): v for k, v in first.items()}, {str(k): v for k, v in final.items()})
    both = set(first) & set(final)
    for i, position in enumerate(POSITIONS):
        assert sum(m.matrix[i]) == sum(1 for k in both if first[k] == position)
        assert sum(row[i] for row in m.matrix) == sum(1 for k in both if final[k] == position)
    assert m.moved == sum(1 for k in both if first[k] != final[k])


@settings(max_examples=60, deadline=None)
@given(taps, taps, st.booleans())
def test_nothing_is_accepted_in_a_closed_round(
    before: list[tuple[int, str]], after: list[tuple[int, str]], final_round: bool
) -> None:
    d = open_debate()
    if final_round:
        d.do(rules.close_round, 0)
        d.do(rules.open_round, 0)
    for who, position in before:
        d.vote(d.tokens[who], position)
    d.do(rules.close_round, 0)
    round_ = d.state.run.round
    frozen = d.state.run.model_dump()
    logged = len(d.log)
    for who, position in after:
        with pytest.raises(RuleViolation):
            rules.take_position(d.state, d.cc(d.tokens[who]), 0, round_, position)
    if final_round:  # a phone still showing the first round cannot slip a vote into it either
        for who, position in after:
            with pytest.raises(RuleViolation):
                rules.take_position(d.state, d.cc(d.tokens[who]), 0, 1, position)
    assert d.state.run.model_dump() == frozen and len(d.log) == logged
