"""The divergence figure on random answers: bounded, 0 for a consensus, 100 for a room split at
both ends, blind to order and to which way the room leans; and the map never shows a 1 or 2."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from activities.controversies.map import college_gap, divergence, statement_map
from activities.controversies.model import GROUPS, POSITIONS, Statement
from facilitation.disclosure import K, Published, record, shown

scale = st.integers(min_value=1, max_value=5)


@given(st.lists(scale, max_size=60))
def test_divergence_is_a_percent_in_steps_of_five(values) -> None:
    d = divergence(values)
    if len(values) < K:
        assert d is None
    else:
        assert d is not None and 0 <= d <= 100 and d % 5 == 0


@given(scale, st.integers(min_value=K, max_value=40))
def test_everyone_at_one_point_is_no_divergence(point, n) -> None:
    assert divergence([point] * n) == 0


@given(st.integers(min_value=2, max_value=30))
def test_half_the_room_at_each_end_is_full_divergence(half) -> None:
    assert divergence([1] * half + [5] * half) == 100


@given(st.lists(scale, min_size=K, max_size=40), st.randoms())
def test_divergence_ignores_order_and_the_side_the_room_leans_to(values, rng) -> None:
    shuffled = list(values)
    rng.shuffle(shuffled)
    assert divergence(shuffled) == divergence(values) == divergence([6 - v for v in values])


@given(st.integers(min_value=2, max_value=30))
def test_a_split_half_as_wide_is_half_the_divergence(half) -> None:
    assert divergence([2] * half + [4] * half) == 50


@given(st.dictionaries(st.sampled_from(["public_agent", "citizen", "business"]), st.lists(scale, max_size=8)))
def test_the_gap_is_between_collèges_of_k_people_or_more(by_group) -> None:
    gap, apart = college_gap(by_group, set(by_group))
    eligible = [g for g, values in by_group.items() if len(values) >= K]
    if len(eligible) < 2:
        assert gap is None and apart == ()
    else:
        assert gap is not None and 0 <= gap <= 4 and (2 * gap).is_integer() and set(apart) <= set(eligible)


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(
        st.text("abcdefghij", min_size=3, max_size=3),
        st.tuples(
            st.sampled_from(POSITIONS), st.sampled_from(["public_agent", "citizen", "business", "other", "x"])
        ),
        max_size=40,
    )
)
def test_the_map_never_shows_a_count_of_one_or_two(answers) -> None:
    published = Published()
    current: dict[str, tuple[str, str]] = {}
    for token, (position, college) in answers.items():
        current[token] = (college, position)
        record(published, token, current, POSITIONS, GROUPS)
    m = statement_map(Statement(id="s1", text="x", by="plan"), published.protected(POSITIONS, GROUPS))
    assert all(shown(n) for n in m.table.values())
    assert m.table.hidden == (len(published.answers) < K)
    assert m.answers in (0, len(published.answers))
