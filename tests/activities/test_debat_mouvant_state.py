"""The débat mouvant's rules, without a browser: rounds, positions, head counts, arguments."""

from __future__ import annotations

from typing import Any

import pytest

from activities.debat_mouvant import state as rules
from activities.debat_mouvant.activity import ACTIVITY
from activities.debat_mouvant.display import bar_html
from activities.debat_mouvant.events import PositionTaken
from activities.debat_mouvant.settings import SettingsError, parse_settings
from activities.debat_mouvant.state import DebatState
from activities.debat_mouvant.tally import distribution, movement, movement_sentence
from facilitation import session as core
from facilitation.activity import REGISTRY
from facilitation.commands import HOST, SYSTEM, Actor, CommandContext
from facilitation.disclosure import MARK
from facilitation.events import decode, encode
from facilitation.i18n import RuleViolation
from facilitation.plans import load_plan
from facilitation.session import AgendaItem, SessionState
from tests.harness import said

REGISTRY.register(ACTIVITY)

DILEMMA = {"form": "dilemma", "prompt": "Une démarche réussie si…", "a": "Pédagogie", "b": "Spécialistes"}
SETTINGS: dict[str, Any] = {
    "hide_results_until_closed": False,
    "statements": [
        {**DILEMMA, "hesitant": True},
        {"form": "scale", "prompt": "Le forum doit se tenir en ligne."},
    ],
}


class Debate:
    """A live session whose only agenda item is a débat mouvant, driven command by command."""

    def __init__(self, settings: dict[str, Any] | None = None, people: int = 3, remote: int = 0) -> None:
        self.now = 1000.0
        self.session = SessionState()
        item = AgendaItem(title="Débat", kind="debat_mouvant", settings=settings or SETTINGS)
        self.log: list[Any] = []
        self.feed(
            core.decide(
                self.session, SYSTEM, core.create, code="ABCDEF", title="Forum", agenda=[item], now=self.now
            )
        )
        self.feed(core.decide(self.session, HOST, core.start, now=self.now))
        self.tokens = [f"t{i}" for i in range(people + remote)]
        for i, token in enumerate(self.tokens):
            mode = "remote" if i >= people else "room"
            self.feed(
                core.decide(self.session, Actor.participant(token), core.join, None, mode, now=self.now)
            )

    @property
    def state(self) -> DebatState:
        return self.session.activities[0]

    def feed(self, events: list[Any]) -> list[Any]:
        for e in events:
            core.apply(self.session, e, REGISTRY)
            self.log.append(e)
        return events

    def cc(self, as_: str | None = None) -> CommandContext:
        """A context for the facilitator, or for the participant `as_`."""
        self.now += 1
        actor = Actor.participant(as_) if as_ else HOST
        return CommandContext(item=0, now=self.now, session=self.session, actor=actor)

    def decide(self, command: Any, *args: Any, as_: str | None = None, **kwargs: Any) -> list[Any]:
        """What `command` decides for the facilitator (or the participant `as_`), roles checked."""
        self.now += 1
        actor = Actor.participant(as_) if as_ else HOST
        return core.decide(self.session, actor, command, *args, item=0, now=self.now, **kwargs)

    def do(self, command: Any, *args: Any, as_: str | None = None, **kwargs: Any) -> list[Any]:
        return self.feed(self.decide(command, *args, as_=as_, **kwargs))

    def vote(
        self, token: str, position: str, round_: int | None = None, statement: int | None = None
    ) -> list[Any]:
        run = self.state.run
        assert run is not None
        statement = self.state.current if statement is None else statement
        return self.do(rules.take_position, statement, round_ or run.round, position, as_=token)

    def refused(self, key: str, command: Any, *args: Any, as_: str | None = None, **kwargs: Any) -> None:
        with pytest.raises(RuleViolation) as caught:
            self.decide(command, *args, as_=as_, **kwargs)
        assert caught.value.key == f"debat_mouvant.error.{key}"


def test_plan_settings_give_five_dilemmas_with_a_middle() -> None:
    plan = load_plan("open-detat-2018-03-12")
    settings = next(item.settings for item in plan.agenda if item.kind == "debat_mouvant")
    state = rules.initial_state(settings)
    assert state.error is None
    assert [run.statement.positions() for run in state.runs] == [["a", "hesitant", "b"]] * 5


@pytest.mark.parametrize(
    ("raw", "needle"),
    [
        (
            {"statements": [{"form": "dilemma", "prompt": "x", "a": "y"}]},
            "statements.0: a dilemma needs both",
        ),
        ({"statements": [{"form": "scale", "prompt": "x", "labels": ["1", "2"]}]}, "exactly 5"),
        ({"statements": [{"form": "vote", "prompt": "x"}]}, "statements.0.form"),
        ({"statements": [{"form": "scale", "prompt": ""}]}, "statements.0.prompt"),
        ({"hide_results_until_closed": "perhaps"}, "hide_results_until_closed"),
        ({"statments": []}, "statments: Extra inputs are not permitted"),
    ],
)
def test_bad_settings_are_named_field_by_field(raw: dict[str, Any], needle: str) -> None:
    with pytest.raises(SettingsError, match=needle.replace(".", r"\.")):
        parse_settings(raw)
    state = rules.initial_state(raw)
    assert state.runs == [] and state.error and needle in state.error


def test_a_round_from_opening_to_the_movement() -> None:
    d = Debate(people=4, remote=1)
    d.do(rules.open_round, 0)
    assert d.state.run.stage == "round1"
    d.vote("t0", "a")
    d.vote("t1", "a")
    d.vote("t2", "b")
    d.vote("t3", "hesitant")
    d.vote("t4", "b")
    d.vote("t1", "b")  # changed while open: the latest counts
    run = d.state.run
    positions = run.statement.positions()
    remote = rules.remote_tokens(d.session)
    dist = distribution(positions, run.positions_of(1), run.heads[1], remote)  # what is folded
    assert [(c.position, c.room, c.remote) for c in dist.counts] == [
        ("a", 1, 0),
        ("hesitant", 1, 0),
        ("b", 2, 1),
    ]
    assert dist.total == 5 and dist.percent("b") == 60
    d.do(rules.close_round, 0)
    d.refused("round_closed", rules.take_position, 0, 1, "b", as_="t0")
    d.do(rules.open_arguments, 0)
    d.do(rules.add_argument, 0, "a", said("Faire venir de nouveaux publics"), as_="t0")
    d.do(rules.open_round, 0)
    run = d.state.run
    assert run.stage == "round2" and run.positions_of(2) == run.positions_of(
        1
    )  # everyone starts from round 1
    d.vote("t0", "b")
    d.vote("t3", "b")
    d.do(rules.close_round, 0)
    m = movement(positions, run.positions_of(1), run.positions_of(2))
    assert m.moved == 2 and m.arrivals("b") == 2
    assert movement_sentence(run.statement, m, "fr") == "2 personnes ont changé de position, dont 2 vers B."
    assert movement_sentence(run.statement, m, "en") == "2 people changed position, 2 of them toward B."


def test_a_lone_position_is_never_told_room_or_remote() -> None:
    """On main: "Hésitant·es 1 — salle 0 · distance 1" on the projector, the follow view and the
    record: the one remote person's answer was known."""
    d = Debate(people=6, remote=1)
    d.do(rules.open_round, 0)
    seen = []
    for token, position in zip(d.tokens, ["a", "b", "a", "b", "a", "b", "hesitant"], strict=True):
        d.vote(token, position)
        seen.append(d.state.run.distribution(1))
    assert not any("distance 1" in bar_html(d.state.run.statement, dist, "fr") for dist in seen)
    for dist in seen:
        assert dist.get("hesitant").shown("remote") is None
        assert all(c.marked or c.phones >= 3 for c in dist.counts)
    section = ACTIVITY.report(d.state, d.session, "fr")
    assert section.data["statements"][0]["rounds"]["1"]["hesitant"]["remote"] is None


def test_a_vote_reaches_its_phone_and_the_tally_never_every_phone() -> None:
    d = Debate()
    d.do(rules.open_round, 0)
    (event,) = d.vote("t0", "a")
    assert ACTIVITY.topics(event) == {"participant:t0", "tally"}
    (closing,) = d.do(rules.close_round, 0)
    assert "phase" in ACTIVITY.topics(closing)


def test_repeated_taps_store_nothing_more() -> None:
    d = Debate()
    d.do(rules.open_round, 0)
    assert len(d.vote("t0", "a")) == 1
    before = len(d.log)
    for _ in range(20):
        assert d.vote("t0", "a") == []
    assert len(d.log) == before


@pytest.mark.parametrize(
    ("setup", "args", "key"),
    [
        ("ready", (0, 1, "a"), "not_open"),
        ("open", (7, 1, "a"), "unknown_statement"),
        ("open", (1, 1, "a"), "not_current"),
        ("open", (0, 2, "a"), "round_closed"),
        ("open", (0, 1, "c"), "unknown_position"),
        ("closed", (0, 1, "a"), "round_closed"),
    ],
)
def test_bad_votes_are_refused_with_a_reason(setup: str, args: tuple[Any, ...], key: str) -> None:
    d = Debate()
    if setup != "ready":
        d.do(rules.open_round, 0)
    if setup == "closed":
        d.do(rules.close_round, 0)
    d.refused(key, rules.take_position, *args, as_="t0")


def test_strangers_and_closed_sessions_cannot_vote() -> None:
    d = Debate()
    d.do(rules.open_round, 0)
    with pytest.raises(RuleViolation, match="error.not_joined"):
        d.decide(rules.take_position, 0, 1, "a", as_="nobody")
    d.feed(core.decide(d.session, HOST, core.close, now=d.now))
    with pytest.raises(RuleViolation, match="error.closed"):
        d.decide(rules.take_position, 0, 1, "a", as_="participant 1")
    with pytest.raises(RuleViolation, match="error.forbidden"):
        d.decide(rules.take_position, 0, 1, "a")  # the facilitator does not vote
    with pytest.raises(RuleViolation, match="error.forbidden"):
        d.decide(rules.open_round, 0, as_="participant 1")  # nor does a phone run the debate


def test_votes_for_another_agenda_item_are_refused() -> None:
    d = Debate()
    d.do(rules.open_round, 0)
    d.session.current = 1  # the facilitator moved on
    d.refused("not_current", rules.take_position, 0, 1, "a", as_="t0")


def test_head_counts_add_to_phones_and_are_told_apart() -> None:
    d = Debate()
    d.do(rules.open_round, 0)
    d.vote("t0", "a")
    d.do(rules.set_head_count, 0, 1, "a", 12)
    d.do(rules.set_head_count, 0, 1, "a", 10)  # a recount replaces the count
    d.do(rules.set_head_count, 0, 1, "b", 4)
    dist = d.state.run.distribution(1)  # as published: one phone is not shown, the heads are
    assert (dist.voters, dist.heads, dist.total) == (0, 14, 14)
    assert dist.get("a").heads == 10 and dist.get("a").shown_total == 10
    d.refused("head_round", rules.set_head_count, 0, 2, "a", 3)
    d.refused("head_count", rules.set_head_count, 0, 1, "a", -1)
    d.refused("head_count", rules.set_head_count, 0, 1, "a", 10**6)
    d.refused("unknown_position", rules.set_head_count, 0, 1, "z", 3)


def test_selecting_another_statement_waits_for_the_round_to_close() -> None:
    d = Debate()
    d.do(rules.open_round, 0)
    d.refused("round_open", rules.select_statement, 0 + 1)
    d.do(rules.close_round, 0)
    d.do(rules.select_statement, 1)
    assert d.state.current == 1 and d.state.run.statement.form == "scale"
    assert d.state.run.statement.positions() == ["1", "2", "3", "4", "5"]


def test_a_statement_typed_live_is_validated_then_presented() -> None:
    d = Debate()
    d.refused("settings", rules.add_statement, {"form": "dilemma", "prompt": "Sans choix"})
    d.do(
        rules.add_statement,
        {"form": "dilemma", "prompt": "Paris ou province ?", "a": "Paris", "b": "Province"},
    )
    assert len(d.state.runs) == 3 and d.state.current == 2 and d.state.run.typed_live


def test_arguments_rules() -> None:
    d = Debate()
    d.refused("arguments_after_first", rules.add_argument, 0, "a", said("Trop tôt"), as_="t0")
    d.do(rules.open_round, 0)
    d.refused("arguments_after_first", rules.add_argument, 0, "a", said("Pendant le vote"), as_="t0")
    d.do(rules.close_round, 0)
    d.do(rules.open_arguments, 0)
    (added,) = d.do(rules.add_argument, 0, "a", said("  Ouvrir à   de nouveaux publics "), as_="t1")
    assert added.text == "Ouvrir à de nouveaux publics" and "t1" not in added.model_dump_json()
    d.refused(
        "argument_duplicate", rules.add_argument, 0, "a", said("ouvrir à de nouveaux publics"), as_="t2"
    )
    d.refused("argument_length", rules.add_argument, 0, "b", said("x" * 281), as_="t2")
    d.refused("argument_length", rules.add_argument, 0, "b", said("  "), as_="t2")
    d.refused("unknown_side", rules.add_argument, 0, "hesitant", said("Au milieu"), as_="t2")
    d.do(rules.add_argument, 0, "b", said("Approfondir avec les spécialistes"))
    d.do(rules.open_round, 0)
    d.refused("arguments_closed", rules.add_argument, 0, "b", said("Trop tard"), as_="t2")
    d.do(rules.add_argument, 0, "b", said("Noté par l'animation"))  # the facilitator may still note one
    assert [a.by for a in d.state.run.arguments] == ["phone", "facilitator", "facilitator"]


def test_moderation_hides_and_corrects_arguments() -> None:
    d = Debate()
    d.do(rules.open_round, 0)
    d.do(rules.close_round, 0)
    d.do(rules.open_arguments, 0)
    d.do(rules.add_argument, 0, "a", said("Madame X a raison"), as_="t0")
    d.do(rules.add_argument, 0, "b", said("Des rencontres régulières"), as_="t1")
    texts = ACTIVITY.free_texts(d.state)
    assert [(f.id, f.where) for f in texts] == [("1.1", "Énoncé 1, Côté A"), ("1.2", "Énoncé 1, Côté B")]
    d.feed(ACTIVITY.moderate(d.state, d.cc(), "1.1", hide=True))
    d.feed(ACTIVITY.moderate(d.state, d.cc(), "1.2", text="Des rencontres régulières à Paris"))
    assert ACTIVITY.moderate(d.state, d.cc(), "1.1", hide=True) == []
    assert [a.text for a in d.state.run.visible_arguments("a")] == []
    assert d.state.run.visible_arguments("b")[0].corrected
    with pytest.raises(RuleViolation):
        ACTIVITY.moderate(d.state, d.cc(), "9.9", hide=True)


def test_reveal_only_a_closed_round() -> None:
    d = Debate()
    d.do(rules.open_round, 0)
    d.refused("not_closed", rules.reveal, 0, 1)
    d.do(rules.close_round, 0)
    d.do(rules.reveal, 0, 1)
    assert d.state.run.revealed == [1]
    assert d.do(rules.reveal, 0, 1) == []
    d.refused("not_closed", rules.reveal, 0, 2)


def test_reset_starts_over_and_keeps_the_log() -> None:
    d = Debate()
    d.refused("nothing_to_reset", rules.reset_statement, 0)
    d.do(rules.open_round, 0)
    d.vote("t0", "a")
    d.do(rules.close_round, 0)
    d.do(rules.open_arguments, 0)
    d.do(rules.add_argument, 0, "a", said("Un argument gardé"))
    d.do(rules.reset_statement, 0)
    run = d.state.run
    assert run.stage == "ready" and run.positions_of(1) == {} and run.resets == 1
    assert [a.text for a in run.arguments] == ["Un argument gardé"]
    assert any(isinstance(e, PositionTaken) for e in d.log)


def test_events_round_trip_and_replay_gives_the_same_state() -> None:
    d = Debate(people=3, remote=1)
    d.do(rules.open_round, 0)
    d.vote("t0", "a")
    d.vote("t3", "b")
    d.do(rules.set_head_count, 0, 1, "b", 7)
    d.do(rules.close_round, 0)
    d.do(rules.open_arguments, 0)
    d.do(rules.add_argument, 0, "b", said("Un argument"))
    d.do(rules.open_round, 0)
    d.vote("t0", "hesitant")
    d.do(rules.add_statement, {"form": "scale", "prompt": "Nouveau", "labels": list("12345")}, present=False)
    d.do(rules.set_hide_results, 0, True)
    replayed = core.replay([decode(*encode(e)) for e in d.log], REGISTRY)
    assert replayed.activities[0].model_dump() == d.state.model_dump()


def test_report_has_rounds_movement_and_visible_arguments_but_no_token() -> None:
    d = Debate(people=3, remote=1)
    d.do(rules.open_round, 0)
    for token, position in zip(d.tokens, ["a", "a", "b", "hesitant"], strict=True):
        d.vote(token, position)
    d.do(rules.set_head_count, 0, 1, "a", 5)
    d.do(rules.close_round, 0)
    d.do(rules.open_arguments, 0)
    d.do(rules.add_argument, 0, "a", said("Un argument visible"))
    d.do(rules.add_argument, 0, "b", said("Un argument masqué"))
    d.feed(ACTIVITY.moderate(d.state, d.cc(), "1.2", hide=True))
    d.do(rules.open_round, 0)
    d.vote("t1", "b")
    d.do(rules.close_round, 0)
    section = ACTIVITY.report(d.state, d.session, "fr")
    dumped = section.model_dump_json()
    assert not any(token in dumped for token in ("t0", "t1", "t2", "t3"))
    assert "Un argument masqué" not in dumped and "Un argument visible" in dumped
    first, final, matrix = section.tables
    assert "dont 5 compté·es à main levée" in first.title
    # four phones: three alike published as their number only, the fourth not yet
    assert first.rows[0][1:5] == [MARK, MARK, 5, 5]  # A: phones hidden, 5 counted by hand
    assert first.rows[-1][0] == "autres réponses" and first.rows[-1][4] == 3
    phones = [v for table in (first, final) for row in table.rows for v in row[1:3]]
    assert all(v == MARK or v >= 3 for v in phones)
    assert all(v == MARK for row in matrix.rows for v in row[1:])  # one move: nothing shown
    assert any("Trop peu de réponses" in p for p in section.paragraphs)
    assert section.data["statements"][0]["movement"]["moved"] == 0
