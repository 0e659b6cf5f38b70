"""The disclosure rule on one table: no number shown counts 1 or 2 people, no homogeneous group is
shown as such, no hidden cell is recovered by subtraction, and a hidden cell looks like an empty one;
and over time, snapshots that move only in steps that isolate nobody."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from facilitation.disclosure import (
    GROUPED,
    HIDDEN,
    K,
    Published,
    homogeneous,
    protect,
    protect_counts,
    record,
    shown,
)

GROUPS = ["public_agent", "civil_society", "citizen", "business", "other", "undisclosed"]
COLUMNS = ["1", "2", "3", "4", "5", "dk"]

counts = st.integers(min_value=0, max_value=12)
tables = st.dictionaries(
    st.sampled_from(GROUPS), st.fixed_dictionaries({c: counts for c in COLUMNS}), max_size=len(GROUPS)
)


def test_small_cells_are_hidden_and_summed_as_other_answers() -> None:
    result = protect({"citizen": {"1": 5, "2": 1, "3": 3}, "agent": {"1": 3, "3": 4}}, ["1", "2", "3"])
    # the 1 is hidden; "autres réponses" would then be 1: the 3 joins it
    assert result.rows["citizen"] == {"1": 5, HIDDEN: 4}
    assert "2" not in result.total and all(shown(n) for n in result.values())


def test_a_small_group_joins_the_others_and_fewer_than_k_in_all_shows_nothing() -> None:
    table = {"a": {"x": 4, "y": 3}, "b": {"x": 1}, "c": {"y": 1}, "d": {"x": 3, "y": 3}}
    result = protect(table, ["x", "y"])
    assert result.merged == ("b", "c", "d")  # b and c are 2 together: the smallest other group joins
    assert set(result.rows) == {"a", GROUPED}
    assert protect({"a": {"x": 1}, "b": {"x": 1}}, ["x"]).hidden
    assert protect_counts({"x": 2}) == {}


def test_a_collège_of_three_answering_alike_is_not_shown_as_such() -> None:
    """On main: "Agent public 3 -> 3 x Tout à fait d'accord", each agent's answer known."""
    table = {"public_agent": {"5": 3}, "citizen": {"1": 3, "2": 3, "5": 1}}
    result = protect(table, COLUMNS)
    assert "public_agent" not in result.rows  # homogeneous: it joins "autres"
    assert all(row.get("5") != 3 for row in result.rows.values())
    # a big group all but two of whom agree is not shown as such either
    assert homogeneous([10, 2]) and not homogeneous([10, 3])
    assert (
        "public_agent"
        not in protect({"public_agent": {"5": 10, "1": 2}, "citizen": {"1": 5, "2": 5}}, COLUMNS).rows
    )


def test_subtraction_in_one_table_finds_nothing() -> None:
    """On main: 3 agents, 3 citizens, 1 business person; the hidden total cells were recovered
    from the group cells of their column."""
    table = {
        "public_agent": {"2": 3},
        "citizen": {"4": 3},
        "business": {"5": 1},
    }
    result = protect(table, ["1", "2", "3", "4", "5"])
    for c in ["2", "4", "5"]:
        if c not in result.total:
            assert any(c not in row for row in result.rows.values()) or not result.rows


def test_zero_and_hidden_look_alike() -> None:
    result = protect(
        {"a": {"1": 4, "2": 2, "3": 3}, "b": {"1": 3, "3": 3, "4": 3}}, ["1", "2", "3", "4", "5"]
    )
    for row in [*result.rows.values(), result.total]:
        assert 0 not in row.values()
        assert "5" not in row  # nobody: the same mark as a hidden cell


@settings(max_examples=150, deadline=None)
@given(tables)
def test_every_number_shown_is_zero_or_at_least_k_and_rows_add_up(table) -> None:
    result = protect(table, COLUMNS)
    assert all(n >= K for n in result.values())
    everyone = sum(sum(row.values()) for row in table.values())
    assert result.hidden == (everyone < K)
    if result.hidden:
        return
    assert result.people == everyone
    for group, row in result.rows.items():
        sources = result.merged if group == GROUPED else (group,)
        truth = {c: sum(table[g][c] for g in sources) for c in COLUMNS}
        assert sum(row.values()) == sum(truth.values()) >= K
        assert all(row[c] == truth[c] for c in COLUMNS if c in row)
        assert not homogeneous(truth.values()) or group == GROUPED
        if homogeneous(truth.values()):
            assert set(row) <= {HIDDEN}


@settings(max_examples=150, deadline=None)
@given(tables)
def test_no_hidden_cell_is_known_from_its_row_and_column(table) -> None:
    """A hidden cell and the total of its column: when the column's total is hidden, some group cell
    of it is hidden too; a row's "autres réponses" never stands for one known cell."""
    result = protect(table, COLUMNS)
    if result.hidden:
        return
    for c in COLUMNS:
        in_total = sum(result.rows[g].get(c, 0) for g in result.rows) if result.rows else None
        if c not in result.total and in_total is not None and result.rows:
            true_total = sum(row[c] for row in table.values())
            if true_total:
                assert any(c not in row for row in result.rows.values())
    for row in [*result.rows.values(), result.total]:
        marks = [c for c in COLUMNS if c not in row]
        assert row.get(HIDDEN, 0) == 0 or len(marks) >= 2


@given(st.dictionaries(st.sampled_from(GROUPS), counts))
def test_one_row_of_counts(row) -> None:
    result = protect_counts(row)
    assert all(shown(n) for n in result.values())
    if sum(row.values()) >= K:
        assert sum(result.values()) == sum(row.values())
    else:
        assert result == {}


def test_snapshots_move_only_in_steps_of_k_people_spread_over_answers() -> None:
    published = Published()
    current: dict[str, tuple[str, str]] = {}
    steps = []
    answers = [("a", "5"), ("b", "5"), ("c", "5"), ("d", "1"), ("e", "1"), ("f", "3"), ("g", "2"), ("h", "4")]
    for person, answer in answers:
        current[person] = ("undisclosed", answer)
        steps.append(record(published, person, current, COLUMNS))
    # three alike: a snapshot that shows no answer; then nothing moves until those who answered
    # since are at least three apart from the most common answer among them
    assert steps == [False, False, True, False, False, False, False, True]
    assert published.steps == 2 and len(published.answers) == 8


def test_a_snapshot_replays_identically() -> None:
    answers = [(f"p{n % 7}", ("citizen" if n % 2 else "public_agent", str(1 + n * 3 % 5))) for n in range(30)]

    def replay() -> Published:
        published = Published()
        current: dict[str, tuple[str, str]] = {}
        for person, entry in answers:
            current[person] = entry
            record(published, person, current, COLUMNS)
        return published

    assert replay() == replay()
