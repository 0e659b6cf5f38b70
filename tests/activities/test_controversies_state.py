"""The controversy map's rules: statements from the plan, typed live or proposed and moderated;
positions; the map ordered by divergence, by collège with no count under 3, in the report too."""

from __future__ import annotations

import json

import pytest

from activities.controversies import state as cv
from activities.controversies.activity import ACTIVITY
from activities.controversies.map import build_map
from activities.controversies.report import report
from facilitation import session as rules
from facilitation.disclosure import GROUPED, HIDDEN, shown
from facilitation.i18n import RuleViolation
from facilitation.moderation import Screened, Span
from tests.activities.forum_helpers import Forum
from tests.harness import said

MAP = 0
PLAN = ["Les données publiques doivent être ouvertes par défaut", "Le tirage au sort remplace l'élection"]


def forum(colleges: list[str | None], **settings) -> Forum:
    item = rules.AgendaItem(title="Carte", kind="controversies", settings={"statements": PLAN, **settings})
    return Forum([item], colleges=colleges)


def test_statements_typed_live_or_proposed_and_reviewed() -> None:
    f = forum(["citizen"] * 3)
    f.host(MAP, cv.add_statement, "La participation est un alibi")
    personal = Screened(text="Madame Durand a raison", spans=(Span(kind="title", start=0, end=13),))
    held = f.phone(f.tokens[0], MAP, cv.propose, personal)[0]
    assert held.held
    ok = f.phone(f.tokens[1], MAP, cv.propose, said("Les agents n'osent pas parler"))[0]
    state = f.state(MAP)
    assert [p.id for p in state.waiting()] == [ok.proposal]  # the held one waits for review
    assert {t.id for t in ACTIVITY.free_texts(state) if t.held} == {held.proposal}
    f.host(MAP, cv.accept_proposal, ok.proposal)
    assert [s.text for s in state.shown()][-1] == "Les agents n'osent pas parler"
    assert state.waiting() == []
    with pytest.raises(RuleViolation, match="controversies.error.unknown_proposal"):
        f.host(MAP, cv.accept_proposal, held.proposal)
    with pytest.raises(RuleViolation, match="controversies.error.duplicate"):
        f.host(MAP, cv.add_statement, PLAN[0])


def test_positions_only_while_open_and_changeable() -> None:
    f = forum(["citizen"] * 3)
    me = f.tokens[0]
    with pytest.raises(RuleViolation, match="controversies.error.not_open"):
        f.phone(me, MAP, cv.take_position, "s1", "5")
    f.host(MAP, cv.set_stage, "open", "ready")
    f.phone(me, MAP, cv.take_position, "s1", "5")
    assert f.phone(me, MAP, cv.take_position, "s1", "5") == []
    f.phone(me, MAP, cv.take_position, "s1", "dk")
    assert f.state(MAP).position_of(me, "s1") == "dk"
    with pytest.raises(RuleViolation, match="controversies.error.unknown_position"):
        f.phone(me, MAP, cv.take_position, "s1", "6")
    f.host(MAP, cv.set_stage, "closed")
    with pytest.raises(RuleViolation, match="controversies.error.closed"):
        f.phone(me, MAP, cv.take_position, "s1", "1")


def test_the_map_orders_by_divergence_and_hides_small_cells() -> None:
    # 8 public agents and 8 citizens answering in turn, 2 businesses, 1 without a collège
    colleges = ["public_agent", "citizen"] * 8 + ["business"] * 2 + [None]
    f = forum(colleges)
    f.host(MAP, cv.set_stage, "open")
    agents = ["5", "4", "5", "4", "5", "4", "3", "5"]
    citizens = ["1", "2", "1", "2", "1", "2", "3", "1"]
    s1 = [x for pair in zip(agents, citizens, strict=True) for x in pair] + ["5", "1", "3"]  # split
    s2 = ["4"] * 14 + ["3", "4", "4", "dk", "4"]  # near consensus
    for token, a, b in zip(f.tokens, s1, s2, strict=True):
        f.phone(token, MAP, cv.take_position, "s1", a)
        f.phone(token, MAP, cv.take_position, "s2", b)
    maps = build_map(f.state(MAP), f.session)
    assert [m.statement.id for m in maps] == ["s1", "s2"]
    first, second = maps
    assert first.divergence is not None and first.divergence >= 80
    # near consensus: all but fewer than 3 on one answer, so no answer is shown, nor a figure
    assert second.divergence is None and second.table.total == {HIDDEN: second.answers}
    assert set(first.table.rows) <= {"public_agent", "citizen", GROUPED}
    assert "public_agent" in first.table.rows
    assert all(shown(n) for n in first.table.values())
    # the agents' lone 3 is hidden, and enough with it that "autres réponses" is not 1 or 2
    assert "3" not in first.table.rows["public_agent"] and first.table.rows["public_agent"][HIDDEN] >= 3


def test_a_collège_of_three_answering_alike_is_never_read_on_the_map() -> None:
    """On main: "Agent public 3 -> 3 x Tout à fait d'accord", each agent's answer known."""
    f = forum(["citizen"] * 3 + ["public_agent"] * 3 + ["business"])
    f.host(MAP, cv.set_stage, "open")
    for token, position in zip(f.tokens, ["1", "2", "3", "5", "5", "5", "4"], strict=True):
        f.phone(token, MAP, cv.take_position, "s1", position)
        (m,) = [m for m in build_map(f.state(MAP), f.session) if m.statement.id == "s1"]
        assert "public_agent" not in m.table.rows
        assert all(row.get("5", 0) != 3 for row in m.table.rows.values())
        section = report(f.state(MAP), f.session, "fr")
        assert "public_agent" not in json.dumps(section.data["statements"])


def test_a_fourth_answer_moves_no_figure() -> None:
    """On main: 3 answers at one end, divergence 0 %; a 4th person answered and it went to 85 %, so
    they had answered "Pas du tout d'accord"."""
    f = forum(["citizen"] * 4)
    f.host(MAP, cv.set_stage, "open")
    seen = []
    for token, position in zip(f.tokens, ["5", "5", "5", "1"], strict=True):
        f.phone(token, MAP, cv.take_position, "s1", position)
        (m,) = [m for m in build_map(f.state(MAP), f.session) if m.statement.id == "s1"]
        seen.append((m.divergence, m.table.total))
    assert seen[3] == seen[2]
    assert all(d is None for d, _ in seen) and "1" not in seen[3][1]


def test_the_report_and_its_data_hold_no_cell_under_three_and_no_token() -> None:
    colleges = ["public_agent"] * 3 + ["civil_society"] * 2 + ["citizen"] * 4
    f = forum(colleges)
    f.host(MAP, cv.set_stage, "open")
    for n, token in enumerate(f.tokens):
        f.phone(token, MAP, cv.take_position, "s1", str(1 + n % 5))
        if n < 2:
            f.phone(token, MAP, cv.take_position, "s2", "3")  # two answers: nothing shown
    section = report(f.state(MAP), f.session, "fr")
    dumped = json.dumps(section.model_dump(), ensure_ascii=False)
    assert "tok" not in dumped
    data = {s["id"]: s for s in section.data["statements"]}
    assert data["s2"]["shown"] is False and data["s2"]["overall"] is None
    cells = [
        n
        for s in data.values()
        for row in [s["overall"] or {}, *s["by_college"].values()]
        for n in row.values()
        if n is not None
    ]
    assert cells and all(shown(n) for n in cells)
    for table in section.tables:
        for row in table.rows:
            assert all(shown(v) for v in row[1:] if isinstance(v, int))
    assert data["s1"]["overall"][HIDDEN] >= 3


def test_replay_through_json_gives_the_same_state() -> None:
    f = forum(["citizen", "public_agent", None])
    f.host(MAP, cv.set_stage, "open")
    f.phone(f.tokens[0], MAP, cv.take_position, "s2", "2")
    f.phone(f.tokens[1], MAP, cv.propose, said("Un énoncé proposé"))
    assert f.replayed().activities[MAP].model_dump() == f.state(MAP).model_dump()
