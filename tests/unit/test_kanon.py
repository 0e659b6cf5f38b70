"""The k-anonymity rule: no number shown counts 1 or 2 people, and no subtraction finds one."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from facilitation.kanon import GROUPED, HIDDEN, K, protect, protect_counts, shown

GROUPS = ["public_agent", "civil_society", "citizen", "business", "other", "undisclosed"]
COLUMNS = ["1", "2", "3", "4", "5", "dk"]

counts = st.integers(min_value=0, max_value=12)
tables = st.dictionaries(
    st.sampled_from(GROUPS), st.fixed_dictionaries({c: counts for c in COLUMNS}), max_size=len(GROUPS)
)


def test_small_cells_are_hidden_and_summed_as_other_answers() -> None:
    result = protect({"citizen": {"1": 5, "2": 1, "3": 0}}, ["1", "2", "3"])
    # the 1 is hidden; "autres réponses" would then be 1: the 5 joins it
    assert result.total == {"3": 0, HIDDEN: 6}
    assert result.rows == {"citizen": {"3": 0, HIDDEN: 6}}


def test_a_small_group_joins_the_others_and_fewer_than_k_in_all_shows_nothing() -> None:
    result = protect({"a": {"x": 4}, "b": {"x": 1}, "c": {"x": 1}, "d": {"x": 3}}, ["x"])
    assert result.merged == ("b", "c", "d")  # b and c are 2 together: the smallest other group joins
    assert result.rows == {"a": {"x": 4}, GROUPED: {"x": 5}}
    assert protect({"a": {"x": 1}, "b": {"x": 1}}, ["x"]).hidden
    assert protect_counts({"x": 2}) == {}


def test_a_column_total_cannot_reveal_a_hidden_cell() -> None:
    table = {"a": {"yes": 3, "no": 4}, "b": {"yes": 4, "no": 1, "dk": 3}}
    result = protect(table, ["yes", "no", "dk"])
    assert "no" not in result.rows["b"]
    no_shown = sum(row.get("no", 0) for row in result.rows.values())
    assert "no" not in result.total or result.total["no"] - no_shown not in (1, 2)


@settings(max_examples=400, deadline=None)
@given(tables)
def test_every_number_shown_is_zero_or_at_least_k(table) -> None:
    result = protect(table, COLUMNS)
    assert all(shown(n) for n in result.values())
    everyone = sum(sum(row.values()) for row in table.values())
    assert result.hidden == (everyone < K)
    if not result.hidden:
        assert result.people == everyone


@settings(max_examples=400, deadline=None)
@given(tables)
def test_rows_add_up_and_shown_cells_are_true(table) -> None:
    result = protect(table, COLUMNS)
    if result.hidden:
        return
    for group, row in result.rows.items():
        sources = result.merged if group == GROUPED else (group,)
        truth = {c: sum(table[g][c] for g in sources) for c in COLUMNS}
        assert sum(row.values()) == sum(truth.values()) >= K
        assert all(row[c] == truth[c] for c in COLUMNS if c in row)
    truth = {c: sum(r[c] for r in table.values()) for c in COLUMNS}
    assert all(result.total[c] == truth[c] for c in COLUMNS if c in result.total)


@settings(max_examples=400, deadline=None)
@given(tables)
def test_no_subtraction_finds_a_count_of_one_or_two(table) -> None:
    result = protect(table, COLUMNS)
    for c in COLUMNS:
        if c in result.total:
            hidden_in_column = result.total[c] - sum(row.get(c, 0) for row in result.rows.values())
            assert shown(hidden_in_column), (c, result)
    for row in [*result.rows.values(), result.total]:
        assert shown(row.get(HIDDEN, 0))


@given(st.dictionaries(st.sampled_from(GROUPS), counts))
def test_one_row_of_counts(row) -> None:
    result = protect_counts(row)
    assert all(shown(n) for n in result.values())
    if sum(row.values()) >= K:
        assert sum(result.values()) == sum(row.values())
    else:
        assert result == {}
