"""The café's rules with an injected clock: set-up, groups, the one clock, contributions, replay."""

from __future__ import annotations

import pytest

from activities.world_cafe import state as cafe
from activities.world_cafe.activity import ACTIVITY
from activities.world_cafe.report import report
from facilitation import session as rules
from facilitation.activity import Registry
from facilitation.commands import HOST, SYSTEM, Actor, CommandContext
from facilitation.events import decode, encode
from facilitation.i18n import RuleViolation
from facilitation.plans import load_plan
from tests.conftest import FakeClock
from tests.harness import act as harness_act
from tests.harness import actor_and_args, said

THEMES = [{"title": f"Thème {c}"} for c in "ABCDE"]


class Cafe:
    """A session whose agenda is one world café, driven by pure commands and a fake clock."""

    def __init__(self, settings: dict | None = None, people: int = 20, remote: int = 0) -> None:
        self.clock = FakeClock()
        self.registry = Registry()
        self.registry.register(ACTIVITY)
        self.log: list = []
        agenda = [
            rules.AgendaItem(title="World café", kind="world_cafe", settings=settings or {"themes": THEMES})
        ]
        self.push(
            rules.decide(
                self.session,
                SYSTEM,
                rules.create,
                code="ABCDEF",
                title="Forum",
                agenda=agenda,
                now=self.clock(),
            )
        )
        self.push(rules.decide(self.session, HOST, rules.start, now=self.clock()))
        for i in range(people + remote):
            category = ("woman", "man")[i % 2]
            mode = "remote" if i >= people else "room"
            actor = Actor.participant(f"tok{i:03d}")
            self.push(rules.decide(self.session, actor, rules.join, category, mode, now=self.clock()))
            self.clock.advance(1)

    @property
    def session(self) -> rules.SessionState:
        return getattr(self, "_session", None) or self._new()

    def _new(self) -> rules.SessionState:
        self._session = rules.SessionState()
        return self._session

    @property
    def state(self) -> cafe.CafeState:
        return self.session.activities[0]

    def push(self, events: list) -> list:
        for e in events:
            type_, payload = encode(e)
            again = decode(type_, payload)  # every event round-trips through JSON
            assert again == e
            self.log.append(again)
            rules.apply(self.session, again, self.registry)
        return events

    def do(self, command, *args, item: int | None = 0, **kwargs) -> list:
        actor, rest = actor_and_args(command, args)
        return self.push(
            rules.decide(self.session, actor, command, *rest, item=item, now=self.clock(), **kwargs)
        )

    def timing(self):
        return self.state.timing(self.clock())

    def replayed(self) -> cafe.CafeState:
        return rules.replay(self.log, self.registry).activities[0]

    def table_of(self, token: str) -> int:
        timing = self.timing()
        return self.state.table_of(self.state.member_of[token], timing.rotation)


def test_the_2018_plan_reads_as_five_tables_of_ten_minutes() -> None:
    item = next(i for i in load_plan("open-detat-2018-03-12").agenda if i.kind == "world_cafe")
    state = cafe.initial_state(item.settings)
    assert state.error is None
    assert state.tables == 5 and state.settings.rotation_count == 5
    assert state.settings.target == 15 and state.settings.rotation_seconds == 600


def test_bad_settings_give_an_error_that_names_the_field() -> None:
    state = cafe.initial_state({"themes": [{"title": ""}], "rotation_minutes": -1, "colour": "red"})
    assert state.error is not None
    assert "themes.0.title" in state.error and "rotation_minutes" in state.error and "colour" in state.error
    c = Cafe({"themes": THEMES, "rotation_minutes": 0})
    with pytest.raises(RuleViolation) as refusal:
        c.do(cafe.start)
    assert "rotation_minutes" in refusal.value.message("fr")


def test_start_forms_groups_of_ten_and_a_latin_square() -> None:
    c = Cafe(people=50)
    c.do(cafe.start)
    state = c.state
    assert [len(g.members) for g in state.groups] == [10] * 5
    assert len(state.schedule) == 5
    for row in state.schedule:
        assert sorted(row) == [0, 1, 2, 3, 4]
    timing = c.timing()
    assert (timing.phase, timing.rotation, timing.remaining) == ("rotation", 0, 600)


def test_pause_resume_and_add_a_minute_arithmetic() -> None:
    c = Cafe()
    c.do(cafe.start)
    c.clock.advance(200)
    assert c.timing().remaining == 400
    c.do(cafe.pause)
    c.clock.advance(1000)  # a long pause costs nothing
    assert c.timing().paused and c.timing().remaining == 400
    c.do(cafe.add_time)
    assert c.timing().remaining == 460
    c.do(cafe.resume)
    c.clock.advance(60)
    assert c.timing().remaining == 400
    c.do(cafe.add_time)
    assert c.timing().remaining == 460
    assert c.timing().ends_at == c.clock() + 460
    with pytest.raises(RuleViolation):
        c.do(cafe.resume)


def test_rotations_follow_each_other_from_the_end_times_with_breaks() -> None:
    c = Cafe({"themes": THEMES[:3], "rotation_minutes": 10, "pause_minutes": 2})
    c.do(cafe.start)
    c.clock.advance(599)
    assert (c.timing().phase, c.timing().rotation) == ("rotation", 0)
    assert c.timing().warning
    c.clock.advance(1)
    assert (c.timing().phase, c.timing().rotation, c.timing().remaining) == ("break", 0, 120)
    c.clock.advance(120)
    assert (c.timing().phase, c.timing().rotation, c.timing().remaining) == ("rotation", 1, 600)
    c.clock.advance(720 + 600)
    assert c.timing().phase == "over"


def test_a_phone_reconnecting_later_reads_the_right_time_left() -> None:
    c = Cafe()
    c.do(cafe.start)
    c.clock.advance(30)
    c.do(cafe.pause)
    c.clock.advance(45)
    c.do(cafe.resume)
    c.clock.advance(600 + 125)  # rotation 1 ran out 125 s ago, the phone slept meanwhile
    timing = c.timing()
    assert (timing.rotation, timing.remaining) == (1, 600 - (725 - 570))  # 570 s were left at resume
    # the same reading after a restart: the log alone rebuilds the clock
    assert c.replayed().timing(c.clock()) == timing


def test_skip_moves_everyone_to_the_next_table_and_the_last_skip_ends_the_cafe() -> None:
    c = Cafe(people=10, settings={"themes": THEMES[:2]})
    c.do(cafe.start)
    first = {t: c.table_of(t) for t in c.state.member_of}
    c.clock.advance(100)
    c.do(cafe.skip)
    assert c.timing().rotation == 1 and c.timing().remaining == 600
    assert all(c.table_of(t) != first[t] for t in first)
    c.do(cafe.skip)
    assert c.timing().phase == "over"
    with pytest.raises(RuleViolation):
        c.do(cafe.pause)


def test_groups_come_back_identical_after_a_replay_even_if_people_joined_since() -> None:
    c = Cafe(people=23, remote=7)
    c.do(cafe.start)
    before = [g.model_dump() for g in c.state.groups]
    c.do(rules.join, "latecomer", None, "room", item=None)
    assert [g.model_dump() for g in c.replayed().groups] == before


def test_a_cafe_started_before_people_arrive_fills_its_groups_evenly() -> None:
    c = Cafe(people=0, settings={"themes": THEMES, "groups": 3})
    c.do(cafe.start)
    assert len(c.state.groups) == 3
    for i in range(7):
        c.do(rules.join, f"late{i}", None, "room", item=None)
        c.do(cafe.join_late, f"late{i}")
    assert sorted(len(g.members) for g in c.state.groups) == [2, 2, 3]


def test_late_arrival_joins_the_smallest_group_once() -> None:
    c = Cafe(people=21)
    c.do(cafe.start)
    c.do(cafe.move_person, c.state.groups[1].members[0], 0)
    assert [len(g.members) for g in c.state.groups] == [8, 6, 7]
    smallest = 1
    c.do(rules.join, "late", None, "room", item=None)
    c.do(cafe.join_late, "late")
    assert c.state.member_of["late"] == smallest
    assert c.do(cafe.join_late, "late") == []


def test_moving_a_person_and_merging_groups() -> None:
    c = Cafe(people=30)
    c.do(cafe.start)
    token = c.state.groups[0].members[0]
    c.do(cafe.move_person, token, 2)
    assert c.state.member_of[token] == 2 and token not in c.state.groups[0].members
    c.do(cafe.merge_groups, 1, 0)
    assert c.state.groups[1].members == [] and c.state.groups[1].merged_into == 0
    assert len(c.state.groups[0].members) == 19
    with pytest.raises(RuleViolation):
        c.do(cafe.move_person, token, 1)  # a merged group takes nobody


def test_the_schedule_is_editable_before_the_start_only() -> None:
    c = Cafe(people=20, settings={"themes": THEMES[:2]})
    c.do(cafe.edit_schedule, [[1, 0, 1], [0, 1, 0]])  # three groups, chosen by hand
    c.do(cafe.start)
    assert c.state.schedule == [[1, 0, 1], [0, 1, 0]]
    assert len(c.state.groups) == 3
    with pytest.raises(RuleViolation):
        c.do(cafe.edit_schedule, None)


def test_a_hand_made_schedule_that_no_longer_fits_the_tables_is_dropped() -> None:
    c = Cafe(people=20, settings={"themes": THEMES[:2]})
    c.do(cafe.edit_schedule, [[1, 0, 1], [0, 1, 0]])
    c.do(cafe.change_setup, {"themes": THEMES[:2], "target": 20})
    assert c.state.schedule_edit == [[1, 0, 1], [0, 1, 0]]  # still fits
    c.do(cafe.change_setup, {"themes": THEMES[:3]})
    assert c.state.schedule_edit is None
    assert len(c.state.planned_schedule(20)) == 3


def test_a_bad_schedule_is_refused() -> None:
    c = Cafe(settings={"themes": THEMES[:2]})
    with pytest.raises(RuleViolation):
        c.do(cafe.edit_schedule, [[0, 5]])
    with pytest.raises(RuleViolation):
        c.do(cafe.edit_schedule, [[0, 1], [0]])


def test_change_setup_before_start() -> None:
    c = Cafe(settings={"themes": []})
    with pytest.raises(RuleViolation):
        c.do(cafe.start)  # no table yet
    c.do(cafe.change_setup, {"themes": [{"title": "Données ouvertes"}], "rotation_minutes": 5})
    assert c.state.tables == 1 and c.state.settings.rotation_seconds == 300
    with pytest.raises(RuleViolation) as refusal:
        c.do(cafe.change_setup, {"themes": [], "group_size": 1})
    assert "group_size" in refusal.value.message("en")


def test_work_at_a_table_is_seen_by_the_next_group_there() -> None:
    c = Cafe(people=20, settings={"themes": THEMES[:2], "target": 2})
    c.do(cafe.start)
    first, second = c.state.groups[0].members[0], c.state.groups[1].members[0]
    table = c.table_of(first)
    c.do(cafe.contribute, first, table, "actor", said("Regards Citoyens"), "association", said("open data"))
    c.do(cafe.skip)
    assert c.table_of(second) == table  # group 2 sits where group 1 was
    c.do(cafe.contribute, second, table, "actor", said("regards-citoyens"), "other", said(""))
    c.do(cafe.contribute, second, table, "idea", said("Publier les agendas"))
    assert c.state.count(table) == 2
    section = report(c.state, c.session, "fr")
    assert "objectif atteint" in section.paragraphs[table + 1]
    assert section.tables[0].rows == [["Regards Citoyens", "Association", 2, "open data"]]
    assert section.data["chart"]["series"][0]["values"][table] == 2
    dumped = section.model_dump_json()
    assert not any(token in dumped for token in c.session.participants)


def test_contributions_are_checked() -> None:
    c = Cafe(people=20, settings={"themes": THEMES[:2]})
    with pytest.raises(RuleViolation):
        c.do(cafe.contribute, "tok000", 0, "idea", said("trop tôt"))
    c.do(cafe.start)
    token = c.state.groups[0].members[0]
    here = c.table_of(token)
    elsewhere = 1 - here
    for args, key in [
        ((here, "idea", said("   ")), "world_cafe.error.empty_idea"),
        ((here, "actor", said("x" * 121)), "world_cafe.error.too_long"),
        ((elsewhere, "idea", said("ailleurs")), "world_cafe.error.wrong_table"),
    ]:
        with pytest.raises(RuleViolation) as refusal:
            c.do(cafe.contribute, token, *args)
        assert refusal.value.key == key
    with pytest.raises(RuleViolation):
        c.do(cafe.contribute, "stranger", here, "idea", said("qui suis-je"))


def test_a_contribution_sent_just_after_the_bell_still_reaches_its_table() -> None:
    c = Cafe(people=20, settings={"themes": THEMES[:2]})
    c.do(cafe.start)
    token = c.state.groups[0].members[0]
    first = c.table_of(token)
    c.clock.advance(605)
    assert c.timing().rotation == 1
    [added] = c.do(cafe.contribute, token, first, "idea", said("écrit avant la cloche"))
    assert (added.table, added.rotation) == (first, 0)
    c.clock.advance(GRACE := cafe.GRACE_SECONDS)
    with pytest.raises(RuleViolation):
        c.do(cafe.contribute, token, first, "idea", said(f"{GRACE} s plus tard"))


def test_moderation_hides_and_edits_through_the_log() -> None:
    c = Cafe(people=10, settings={"themes": THEMES[:1]})
    c.do(cafe.start)
    token = c.state.groups[0].members[0]
    c.do(cafe.contribute, token, 0, "actor", said("Etalab"), "public", said("appelle Jean Dupont"))
    texts = {f.id: f.text for f in ACTIVITY.free_texts(c.state)}
    assert texts == {"c1": "Etalab", "c1.why": "appelle Jean Dupont"}
    cc = CommandContext(item=0, now=c.clock(), session=c.session, actor=HOST)
    c.push(ACTIVITY.moderate(c.state, cc, "c1.why", text="appelle la mission"))
    c.push(ACTIVITY.moderate(c.state, cc, "c1", hide=True))
    assert c.state.count(0) == 0
    assert [f.hidden for f in ACTIVITY.free_texts(c.state)] == [True, False]
    assert c.replayed().contributions[0].why == "appelle la mission"
    assert any(e.type == "world_cafe.contribution_moderated" for e in c.log)
    with pytest.raises(RuleViolation):
        ACTIVITY.moderate(c.state, cc, "c9", hide=True)


def test_topics_keep_contributions_off_the_phase() -> None:
    c = Cafe(people=10, settings={"themes": THEMES[:1]})
    c.do(cafe.start)
    [e] = c.do(cafe.contribute, c.state.groups[0].members[0], 0, "idea", said("une idée"))
    assert ACTIVITY.topics(e) == {"world_cafe:table:0", "tally:world_cafe"}
    [paused] = c.do(cafe.pause)
    assert "world_cafe:phase" in ACTIVITY.topics(paused) and "phase" not in ACTIVITY.topics(paused)


def test_nothing_is_lost_when_the_server_restarts(rooms, store, clock) -> None:
    from facilitation.room import Room

    room, _ = rooms.create(plan="open-detat-2018-03-12")
    for i in range(12):
        room.run_now(Actor.participant(f"p{i}"), rules.join, ("woman", "man")[i % 2], "room")
    room.run_now(HOST, rules.start)
    room.run_now(HOST, rules.move_to, 2)

    def act(command, *args):
        return harness_act(room, 2, command, *args)

    act(cafe.change_setup, {**room.state.activities[2].settings.model_dump(), "groups": 3})
    act(cafe.start, None)
    state = room.state.activities[2]
    token = state.groups[1].members[0]
    act(
        cafe.contribute,
        token,
        state.table_of(1, 0),
        "actor",
        said("Regards Citoyens"),
        "association",
        said(""),
    )
    clock.advance(130)
    act(cafe.pause)
    again = Room.load(room.code, store, rooms.bus, clock).state.activities[2]
    assert [g.members for g in again.groups] == [g.members for g in state.groups]
    assert again.contributions == state.contributions
    clock.advance(3600)  # still paused, an hour later
    assert again.timing(clock()).remaining == state.timing(clock()).remaining == 470


def test_a_table_host_is_a_role_never_a_name() -> None:
    from activities.world_cafe.settings import Theme

    theme = Theme(title="Intégrité", host="Marie Dupont")
    assert theme.host is True
    assert "Marie" not in theme.model_dump_json()
    assert Theme(title="Intégrité", host="  ").host is False
