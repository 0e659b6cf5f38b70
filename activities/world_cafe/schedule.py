"""Who sits where: the rotation schedule and the spreading of people into groups. Pure.

`rotation_schedule(groups, tables, rotations)[r][g]` is the table of group `g` in rotation `r`:
group g sits at table (g - r) mod tables, where group g - 1 sat the rotation before (so the work
at a table is handed on from group to group even when there are fewer groups than tables). When groups <= tables this is a Latin square (each
group visits each table once in `tables` rotations, never two groups at one table); with more
groups than tables, each table takes several groups and the load differs by at most one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import BaseModel, Field

CATEGORY_ORDER = ("woman", "man", "other", "undisclosed", None)


def rotation_schedule(groups: int, tables: int, rotations: int) -> list[list[int]]:
    if tables < 1 or groups < 0 or rotations < 0:
        raise ValueError("a schedule needs at least one table")
    return [[(g - r) % tables for g in range(groups)] for r in range(rotations)]


def table_loads(
    schedule: Sequence[Sequence[int]], tables: int, active: Sequence[int] | None = None
) -> list[list[int]]:
    """For each rotation, how many groups sit at each table (only `active` groups when given)."""
    loads = []
    for row in schedule:
        counts = [0] * tables
        for g, table in enumerate(row):
            if active is None or g in active:
                counts[table] += 1
        loads.append(counts)
    return loads


def schedule_problem(schedule: Sequence[Sequence[int]], groups: int, tables: int) -> str | None:
    """Why an edited schedule cannot be used (None when it can)."""
    if not schedule:
        return "empty"
    for row in schedule:
        if len(row) != groups:
            return "shape"
        if any(not 0 <= t < tables for t in row):
            return "table"
    return None


@dataclass(frozen=True)
class Person:
    token: str
    category: str | None = None
    remote: bool = False


class Group(BaseModel):
    """A group that moves from table to table. `remote`: a virtual table of remote attendees;
    `mixed`: a room group that remote attendees join; `merged_into`: emptied into that group."""

    members: list[str] = Field(default_factory=list)
    remote: bool = False
    mixed: bool = False
    merged_into: int | None = None


def _sizes(people: int, groups: int) -> list[int]:
    q, extra = divmod(people, groups)
    return [q + 1] * extra + [q] * (groups - extra)


def _by_category(people: Sequence[Person]) -> list[Person]:
    order = {c: i for i, c in enumerate(CATEGORY_ORDER)}
    return sorted(people, key=lambda p: order.get(p.category, len(order)))  # stable: keeps arrival order


def _deal(people: Sequence[Person], targets: list[int], capacity: list[int], groups: list[Group]) -> None:
    """Deal people to `targets` in turn, skipping full groups: a run of one category spreads evenly."""
    if not targets:
        return
    turn = 0
    for person in people:
        for _ in range(len(targets)):
            g = targets[turn % len(targets)]
            turn += 1
            if capacity[g] > 0:
                break
        capacity[g] -= 1
        groups[g].members.append(person.token)


def assign_groups(people: Sequence[Person], count: int, *, mix: bool = False) -> list[Group]:
    """Spread `people` (in arrival order) into `count` groups. Unless `mix`, room and remote
    people never share a group: the room's groups come first, then the virtual tables, each
    population spread over its share of the groups (`split`), sizes within it differing by at
    most one and categories dealt round. With `mix` (the facilitator's choice), see `mixed_groups`."""
    if mix:
        return mixed_groups(people, count)
    remote = [p for p in people if p.remote]
    room = [p for p in people if not p.remote]
    room_count, remote_count = split(count, len(room), len(remote))
    groups = [Group() for _ in range(room_count)] + [Group(remote=True) for _ in range(remote_count)]
    for population, targets in (
        (room, range(room_count)),
        (remote, range(room_count, room_count + remote_count)),
    ):
        if not targets:
            continue
        capacity = [0] * len(groups)
        for g, size in zip(targets, _sizes(len(population), len(targets)), strict=True):
            capacity[g] = size
        _deal(_by_category(population), list(targets), capacity, groups)
    return groups


def split(count: int, room: int, remote: int) -> tuple[int, int]:
    """How many of `count` groups go to the room and how many to remote people: in proportion,
    at least one for each population present (so `count` grows when it is smaller than that)."""
    if not remote:
        return max(1, count), 0
    if not room:
        return 0, max(1, count)
    remote_count = min(max(1, round(count * remote / (room + remote))), max(1, count - 1))
    return max(1, count - remote_count), remote_count


def mixed_groups(people: Sequence[Person], count: int) -> list[Group]:
    """Spread `people` (in arrival order) into `count` groups, room and remote together if need be.

    - sizes differ by at most one (`count` is capped at the number of people);
    - categories spread as evenly as possible (each category is dealt round the groups);
    - remote attendees fill whole groups of their own (virtual tables, the last groups) when there
      are enough of them for at least the smallest group; the rest join room groups, which are
      then marked mixed (kept together, in as few groups as possible).
    """
    n = len(people)
    count = max(1, min(count, max(n, 1)))
    sizes = _sizes(n, count)
    groups = [Group() for _ in range(count)]
    remote = [p for p in people if p.remote]
    room = [p for p in people if not p.remote]
    # the smallest groups (at the end) become virtual tables while remote attendees fill them
    k, filled = 0, 0
    while k < count and filled + sizes[count - 1 - k] <= len(remote) and sizes[count - 1 - k] > 0:
        filled += sizes[count - 1 - k]
        k += 1
    if room and k == count:
        k -= 1
        filled -= sizes[count - 1 - k]
    virtual = list(range(count - k, count))
    capacity = list(sizes)
    for g in virtual:
        groups[g].remote = True
    _deal(_by_category(remote[:filled]), virtual, capacity, groups)
    physical = list(range(count - k))
    leftover = remote[filled:]
    for person in leftover:  # together, from the last room group backwards
        g = next(g for g in reversed(physical) if capacity[g] > 0)
        capacity[g] -= 1
        groups[g].members.append(person.token)
        groups[g].mixed = True
    _deal(_by_category(room), physical, capacity, groups)
    return groups


def place_late(groups: Sequence[Group], remote: bool) -> int:
    """The group a late arrival joins: the smallest (first on a tie) among the virtual tables for
    a remote attendee when there are any, else among the room groups."""
    open_groups = [g for g, group in enumerate(groups) if group.merged_into is None]
    virtual = [g for g in open_groups if groups[g].remote]
    physical = [g for g in open_groups if not groups[g].remote]
    pool = (virtual if remote and virtual else physical) or open_groups
    return min(pool, key=lambda g: (len(groups[g].members), g))
