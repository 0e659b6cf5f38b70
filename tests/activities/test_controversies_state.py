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
from facilitation.i18n import RuleViolation
from facilitation.kanon import GROUPED, HIDDEN, shown
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
    # 4 public agents, 4 citizens, 2 businesses, 1 without a collège
    colleges = ["public_agent"] * 4 + ["citizen"] * 4 + ["business"] * 2 + [None]
    f = forum(colleges)
    f.host(MAP, cv.set_stage, "open")
    s1 = ["5", "5", "5", "4", "1", "1", "2", "1", "5", "1", "3"]  # agents agree, citizens do not
    s2 = ["4", "4", "4", "4", "4", "4", "4", "3", "4", "4", "dk"]  # near consensus
    for token, a, b in zip(f.tokens, s1, s2, strict=True):
        f.phone(token, MAP, cv.take_position, "s1", a)
        f.phone(token, MAP, cv.take_position, "s2", b)
    maps = build_map(f.state(MAP), f.session)
    assert [m.statement.id for m in maps] == ["s1", "s2"]
    first = maps[0]
    assert first.divergence is not None and first.divergence > maps[1].divergence
    assert first.gap == 3.5 and first.apart == ("citizen", "public_agent")  # means 1.25 and 4.75
    assert first.table.merged == ("business", "undisclosed")  # 2 and 1 people: grouped
    assert set(first.table.rows) == {"public_agent", "citizen", GROUPED}
    assert all(shown(n) for n in first.table.values())
    # one agent at 4 is hidden, and the 3 at 5 with it (else 4 agents - 3 would give the one at 4)
    assert first.table.rows["public_agent"] == {"1": 0, "2": 0, "3": 0, "dk": 0, HIDDEN: 4}


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
