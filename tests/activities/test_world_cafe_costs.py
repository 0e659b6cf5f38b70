"""What a café action costs in notified phones, with phones subscribed as the phone view does."""

from __future__ import annotations

from collections import Counter

from activities.world_cafe import state as cafe
from facilitation import session as rules
from facilitation.bus import LocalBus
from facilitation.commands import HOST, Actor
from facilitation.rooms import Rooms
from tests.harness import act as harness_act
from tests.harness import said

PHONES = 100


def test_a_contribution_reaches_one_table_and_a_rotation_reaches_everyone(store, clock) -> None:
    bus = LocalBus()
    rooms = Rooms(store, bus, clock=clock)
    room, _ = rooms.create(plan="open-detat-2018-03-12")
    for i in range(PHONES):
        room.run_now(Actor.participant(f"p{i:03d}"), rules.join, None, "room")
    room.run_now(HOST, rules.start)
    room.run_now(HOST, rules.move_to, 2)

    def act(command, *args):
        return harness_act(room, 2, command, *args)

    act(cafe.start, None)
    state = room.state.activities[2]
    assert len(state.groups) == 10  # groups of 10, two groups per table
    notified: Counter[str] = Counter()
    for token, group in state.member_of.items():
        table = state.table_of(group, 0)
        for topic in ("world_cafe:phase", f"world_cafe:person:{token}", f"world_cafe:group:{group}"):
            room.subscribe(topic, lambda token=token: notified.update([token]))
        room.subscribe(f"world_cafe:table:{table}", lambda token=token: notified.update([token]))

    act(
        cafe.contribute,
        "p000",
        state.table_of(state.member_of["p000"], 0),
        "idea",
        said("Ouvrir les agendas"),
    )
    assert sum(notified.values()) == PHONES // 5  # the 20 phones at that table, nobody else
    notified.clear()
    act(cafe.move_person, "p001", 3)
    assert sum(notified.values()) <= 2 * 10 + 1  # the person and the group they join
    notified.clear()
    act(cafe.skip)
    assert sum(notified.values()) == PHONES  # a rotation: every phone, once
