"""The reader who saw every snapshot: random sequences of answers, changes and withdrawals, for 1
to 9 people in each of 1 to 4 collèges arriving in any order; no person's answer, and no small
collège's unanimous answer, may follow from everything published (`disclosure_reader`). The same
reader on the débat's room/remote split and on speakers by category (room/remote × category).
`CERCLE_ATTACKER_EXAMPLES` sets how many sequences are played for each (default 200)."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitation.disclosure import GROUPED, HIDDEN, Protected

from .disclosure_reader import Play, Seen, leaks, play

EXAMPLES = int(os.environ.get("CERCLE_ATTACKER_EXAMPLES", "200"))
COLLEGES = ["public_agent", "civil_society", "citizen", "business"]
Event = tuple[str, str, str | None]


SHAPES = {
    "collèges": (COLLEGES, ["1", "2", "3", "4", "5", "dk"]),
    "débat": (["room", "remote"], ["a", "hesitant", "b"]),
    "speakers": (["room", "remote"], ["woman", "man", "other", "undisclosed"]),
}


@st.composite
def sequences(
    draw: st.DrawFn, all_groups: list[str] = COLLEGES, all_columns: list[str] = SHAPES["collèges"][1]
) -> tuple[list[Event], list[str], list[str]]:
    columns = all_columns[: draw(st.integers(2, len(all_columns)))]
    groups = all_groups[: draw(st.integers(1, len(all_groups)))]
    group_of = {f"{g}{n}": g for g in groups for n in range(draw(st.integers(1, 9)))}
    people = sorted(group_of)
    order = draw(st.permutations(people))
    events: list[Event] = [(p, group_of[p], draw(st.sampled_from(columns))) for p in order]
    for _ in range(draw(st.integers(0, 12))):  # changes and withdrawals, anywhere after arrivals
        p = draw(st.sampled_from(people))
        answer = draw(st.sampled_from([*columns, None]))
        at = draw(st.integers(order.index(p) + 1, len(events)))
        events.insert(at, (p, group_of[p], answer))
    return events, columns, groups


@pytest.mark.parametrize("shape", list(SHAPES))
def test_no_answer_follows_from_every_snapshot(shape: str) -> None:
    groups, columns = SHAPES[shape]

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(sequences(groups, columns))
    def check(case: tuple[list[Event], list[str], list[str]]) -> None:
        events, columns, groups = case
        run = play(events, columns, groups)
        assert leaks(run) == [], [(s.answers, s.table) for s in run.seen]

    check()


def test_the_reader_finds_what_a_table_of_answers_republished_each_time_tells() -> None:
    """The reader can fail: the leaks found on the map before this rule, as tables shown."""
    columns = ["4", "1"]
    agents = {f"a{n}": ("public_agent", "4") for n in range(3)}
    # a collège of 3 that answers alike, shown as "Agent public 3 -> 3 x 4"
    unanimous = Seen(
        answers=agents,
        table=Protected(columns=("4", "1"), rows={"public_agent": {"4": 3}}, total={"4": 3}),
        acted=set(agents),
    )
    found = leaks(Play(columns=columns, groups=["public_agent"], seen=[unanimous]))
    assert "person a0 answered 4 at snapshot 0" in found
    # a 4th person answers and the table moves with them
    fourth = Seen(
        answers={**agents, "c0": ("citizen", "1")},
        table=Protected(columns=("4", "1"), rows={GROUPED: {"4": 3, HIDDEN: 1}}, total={"4": 3, HIDDEN: 1}),
        acted={"c0"},
    )
    found = leaks(Play(columns=columns, groups=["public_agent", "citizen"], seen=[unanimous, fourth]))
    assert "person c0 answered 1 at snapshot 1" in found
