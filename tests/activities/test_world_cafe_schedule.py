"""Properties of the rotation schedule and of the spreading into groups (hypothesis)."""

from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from activities.world_cafe.schedule import (
    Group,
    Person,
    assign_groups,
    place_late,
    rotation_schedule,
    table_loads,
)
from activities.world_cafe.settings import CafeSettings

CATEGORIES = st.sampled_from(["woman", "man", "other", "undisclosed", None])


@given(st.integers(1, 12))
def test_every_group_visits_every_table_once_when_groups_equal_tables(n: int) -> None:
    schedule = rotation_schedule(n, n, n)
    for g in range(n):
        assert sorted(row[g] for row in schedule) == list(range(n))
    for row in schedule:  # never two groups at one table
        assert sorted(row) == list(range(n))


@given(st.integers(1, 12), st.integers(0, 12))
def test_each_group_sits_where_the_previous_group_sat(groups: int, extra: int) -> None:
    tables = groups + extra
    schedule = rotation_schedule(groups, tables, tables)
    for r in range(1, tables):
        for g in range(1, groups):
            assert schedule[r][g] == schedule[r - 1][g - 1]


@given(st.integers(1, 12), st.integers(1, 12))
def test_fewer_groups_than_tables_never_share_a_table(groups: int, extra: int) -> None:
    tables = groups + extra - 1
    schedule = rotation_schedule(groups, tables, tables)
    for row in schedule:
        assert len(set(row)) == len(row)
    for g in range(groups):
        assert sorted(row[g] for row in schedule) == list(range(tables))


@given(st.integers(1, 40), st.integers(1, 12), st.integers(1, 15))
def test_no_group_at_two_tables_and_loads_differ_by_at_most_one(
    groups: int, tables: int, rotations: int
) -> None:
    schedule = rotation_schedule(groups, tables, rotations)
    assert len(schedule) == rotations
    for row in schedule:
        assert len(row) == groups  # exactly one table per group per rotation
        assert all(0 <= t < tables for t in row)
    for loads in table_loads(schedule, tables):
        assert max(loads) - min(loads) <= 1
        assert sum(loads) == groups


@given(st.integers(1, 40), st.integers(1, 12))
def test_with_more_groups_than_tables_each_group_still_visits_each_table_once(
    groups: int, tables: int
) -> None:
    schedule = rotation_schedule(groups, tables, tables)
    for g in range(groups):
        assert Counter(row[g] for row in schedule) == Counter(range(tables))


people_strategy = st.lists(st.tuples(CATEGORIES, st.booleans()), max_size=120)


def make_people(specs: list[tuple[str | None, bool]]) -> list[Person]:
    return [Person(f"t{i}", category, remote) for i, (category, remote) in enumerate(specs)]


@given(people_strategy, st.integers(1, 20))
def test_group_sizes_differ_by_at_most_one_and_nobody_is_lost(specs, count) -> None:
    people = make_people(specs)
    groups = assign_groups(people, count, mix=True)
    sizes = [len(g.members) for g in groups]
    assert max(sizes) - min(sizes) <= 1
    members = [t for g in groups for t in g.members]
    assert sorted(members) == sorted(p.token for p in people)
    assert len(groups) == max(1, min(count, len(people)))


@given(st.lists(CATEGORIES, max_size=120), st.integers(1, 20))
def test_categories_spread_evenly_in_room_groups(categories, count) -> None:
    people = [Person(f"t{i}", c) for i, c in enumerate(categories)]
    groups = assign_groups(people, count, mix=True)
    by_token = {p.token: p.category for p in people}
    for category in set(categories):
        per_group = [sum(1 for t in g.members if by_token[t] == category) for g in groups]
        assert max(per_group) - min(per_group) <= 1, (category, per_group)


@given(people_strategy, st.integers(1, 20))
def test_virtual_tables_hold_only_remote_people_and_mixed_groups_are_marked(specs, count) -> None:
    people = make_people(specs)
    remote = {p.token for p in people if p.remote}
    groups = assign_groups(people, count, mix=True)
    for g in groups:
        if g.remote:
            assert set(g.members) <= remote
        elif set(g.members) & remote:
            assert g.mixed
        else:
            assert not g.mixed


def test_enough_remote_people_get_their_own_virtual_table() -> None:
    people = make_people([(None, False)] * 20 + [(None, True)] * 10)
    groups = assign_groups(people, 3, mix=True)
    assert [g.remote for g in groups] == [False, False, True]
    assert not any(g.mixed for g in groups)


def test_when_mixing_is_chosen_a_few_remote_people_join_one_room_group_marked_mixed() -> None:
    people = make_people([(None, False)] * 27 + [(None, True)] * 3)
    groups = assign_groups(people, 3, mix=True)
    assert not any(g.remote for g in groups)
    assert [g.mixed for g in groups] == [False, False, True]  # kept together


@given(people_strategy, st.integers(1, 20))
def test_room_and_remote_people_never_share_a_group_unless_chosen(specs, count) -> None:
    people = make_people(specs)
    remote = {p.token for p in people if p.remote}
    groups = assign_groups(people, count)
    assert sorted(t for g in groups for t in g.members) == sorted(p.token for p in people)
    for g in groups:
        assert not g.mixed
        assert set(g.members) <= remote if g.remote else not set(g.members) & remote
    for kind in (True, False):  # within each population, sizes differ by at most one
        sizes = [len(g.members) for g in groups if g.remote == kind]
        assert not sizes or max(sizes) - min(sizes) <= 1


def test_a_few_remote_people_form_a_smaller_group_of_their_own() -> None:
    people = make_people([(None, False)] * 27 + [(None, True)] * 3)
    settings = CafeSettings(group_size=10)
    count = settings.group_count(30, remote=3)
    groups = assign_groups(people, count)
    assert count == 4 and [g.remote for g in groups] == [False, False, False, True]
    assert [len(g.members) for g in groups] == [9, 9, 9, 3]


def test_two_in_the_room_and_two_remote_with_groups_of_eight_give_two_groups() -> None:
    assert CafeSettings(group_size=8).group_count(4, remote=2) == 2
    assert CafeSettings(group_size=8, mix=True).group_count(4, remote=2) == 1
    assert CafeSettings(groups=1).group_count(4, remote=2) == 2  # one group would mix them


def test_late_arrivals_go_to_the_smallest_group() -> None:
    groups = [Group(members=["a", "b"]), Group(members=["c"]), Group(members=["d", "e"], remote=True)]
    assert place_late(groups, remote=False) == 1
    assert place_late(groups, remote=True) == 2  # the virtual table, though it is larger
    groups[1].merged_into = 0
    assert place_late(groups, remote=False) == 0
