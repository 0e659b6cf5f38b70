"""The propulsion board's rules: proposals typed, sent (and held) or promoted from the session's
workshops as copies; classes, next steps, organisations (never a person), the DITP's checklist;
support, contributors by collège and ratings, never a count of 1 or 2, in the report too."""

from __future__ import annotations

import json

import pytest

from activities.ideas import state as ideas
from activities.propulsion import state as pr
from activities.propulsion.activity import ACTIVITY
from activities.propulsion.board import build_board
from activities.propulsion.report import report
from facilitation import session as rules
from facilitation.disclosure import HIDDEN, shown
from facilitation.i18n import RuleViolation
from facilitation.moderation import Screened, Span
from tests.activities.forum_helpers import Forum
from tests.harness import said

IDEAS, MAP, BOARD = 0, 1, 2
PERSON = Screened(text="Marie Martin", spans=(Span(kind="name", start=0, end=12),))


def forum(colleges: list[str | None] | None = None) -> Forum:
    agenda = [
        rules.AgendaItem(title="Atelier d'idées", kind="ideas"),
        rules.AgendaItem(
            title="Controverses", kind="controversies", settings={"statements": ["Ouvrir par défaut"]}
        ),
        rules.AgendaItem(title="Propulsion", kind="propulsion"),
    ]
    return Forum(agenda, colleges=colleges or ["public_agent"] * 3 + ["citizen"] * 3 + ["business"])


def test_promotions_copy_the_text_and_remember_the_source() -> None:
    f = forum()
    f.move_to(IDEAS)
    a = f.phone(f.tokens[0], IDEAS, ideas.add_idea, said("Un comité d'usagers"))[0].idea
    f.host(IDEAS, ideas.set_stage, "vote")
    f.phone(f.tokens[1], IDEAS, ideas.set_dots, a, 2)
    f.move_to(BOARD)
    promoted = f.host(BOARD, pr.promote, f"{IDEAS}:{a}")[0]
    assert (promoted.text, promoted.source, promoted.origin) == (
        "Un comité d'usagers",
        "0:i1",
        "Atelier d'idées, 2 points",
    )
    statement = f.host(BOARD, pr.promote, f"{MAP}:s1")[0]
    assert statement.text == "Ouvrir par défaut" and statement.by == "promoted"
    with pytest.raises(RuleViolation, match="propulsion.error.already_promoted"):
        f.host(BOARD, pr.promote, f"{IDEAS}:{a}")
    with pytest.raises(RuleViolation, match="propulsion.error.no_source"):
        f.host(BOARD, pr.promote, f"{MAP}:s9")
    f.host(IDEAS, ideas.moderate, a, text="Un comité d'usagères et d'usagers")
    assert f.state(BOARD).proposal(promoted.proposal).text == "Un comité d'usagers"  # a copy


def test_classes_next_steps_and_the_checklist() -> None:
    f = forum()
    f.move_to(BOARD)
    e = f.host(BOARD, pr.propose, said("Ouvrir les données de la commande publique"))[0].proposal
    a = f.host(BOARD, pr.propose, said("Publier les contrats"))[0].proposal
    i = f.host(BOARD, pr.propose, said("Un atelier par an"))[0].proposal
    with pytest.raises(RuleViolation, match="propulsion.error.no_engagement"):
        f.host(BOARD, pr.classify, a, "action", e)  # e is not an engagement yet
    f.host(BOARD, pr.classify, e, "engagement")
    f.host(BOARD, pr.classify, a, "action", e)
    f.host(BOARD, pr.classify, i, "initiative")
    with pytest.raises(RuleViolation, match="propulsion.error.has_actions"):
        f.host(BOARD, pr.classify, e, "initiative")
    f.host(BOARD, pr.set_next_step, e, "Réunir les ministères", "2026-06")
    with pytest.raises(RuleViolation, match="propulsion.error.horizon"):
        f.host(BOARD, pr.set_next_step, e, "x", "juin")
    f.host(BOARD, pr.check_criterion, e, "ambitious", True)
    with pytest.raises(RuleViolation, match="propulsion.error.not_engagement"):
        f.host(BOARD, pr.check_criterion, i, "ambitious", True)
    board = build_board(f.state(BOARD), f.session)
    assert [x.proposal.id for x in board.engagements] == [e]
    assert [x.proposal.id for x in board.engagements[0].actions] == [a]
    assert [x.proposal.id for x in board.initiatives] == [i]
    assert f.state(BOARD).proposal(e).criteria == ["ambitious"]


def test_organisations_never_a_person() -> None:
    f = forum()
    f.move_to(BOARD)
    p = f.host(BOARD, pr.propose, said("Un observatoire"))[0].proposal
    f.host(BOARD, pr.add_organisation, p, said("La DINUM"))
    with pytest.raises(RuleViolation, match="propulsion.error.person"):
        f.host(BOARD, pr.add_organisation, p, PERSON)
    sent = f.phone(f.tokens[0], BOARD, pr.propose, said("Un budget ouvert"), PERSON)
    assert sent[1].held and sent[1].held_reason == "personal" and sent[1].text == "Marie Martin"
    texts = {t.id: t for t in ACTIVITY.free_texts(f.state(BOARD))}
    assert texts[sent[1].organisation].held and texts[sent[1].organisation].field == "actor"
    f.host(BOARD, pr.moderate, sent[1].organisation, text="Association des maires", approve=True)
    assert f.state(BOARD).proposal(sent[0].proposal).organisations[0].name == "Association des maires"


def test_support_contributors_and_ratings_are_counted_without_small_cells() -> None:
    f = forum()
    f.move_to(BOARD)
    p = f.host(BOARD, pr.propose, said("Ouvrir les données"))[0].proposal
    q = f.host(BOARD, pr.propose, said("Former les agents"))[0].proposal
    f.host(BOARD, pr.classify, p, "engagement")
    for token in f.tokens:  # 3 agents, 3 citizens, 1 business
        f.phone(token, BOARD, pr.back, p, "support", True)
        f.phone(token, BOARD, pr.back, p, "contribute", True)
        f.phone(token, BOARD, pr.rate, p, "ambitious", "met")
    f.phone(f.tokens[0], BOARD, pr.rate, p, "new", "not")
    f.phone(f.tokens[0], BOARD, pr.back, q, "support", True)
    f.phone(f.tokens[1], BOARD, pr.back, q, "support", True)
    assert f.phone(f.tokens[1], BOARD, pr.back, q, "support", True) == []
    board = build_board(f.state(BOARD), f.session)
    engagement = board.engagements[0]
    assert engagement.support == 7
    # contributors by collège are published in steps that isolate nobody: the first 3 (agents, all
    # alike: shown as their number only); the citizens then the business after them are all but
    # fewer than 3 of one collège, so no new step tells who they are
    assert engagement.contributors == {HIDDEN: 3}
    # everyone rated "met": unanimous, so not shown as such
    assert set(engagement.ratings["ambitious"]) == {HIDDEN}
    assert engagement.ratings["new"] == {}  # one rating: nothing shown
    assert board.unclassed[0].support is None  # two supporters: "fewer than 3"
    section = report(f.state(BOARD), f.session, "fr")
    dumped = json.dumps(section.model_dump(), ensure_ascii=False)
    assert "tok" not in dumped
    data = section.data["engagements"][0]
    assert data["support"] == 7 and all(shown(n) for n in data["contributors"].values())
    assert section.data["unclassed"][0]["support"] is None
    f.host(BOARD, pr.set_stage, "closed")
    with pytest.raises(RuleViolation, match="propulsion.error.closed"):
        f.phone(f.tokens[2], BOARD, pr.back, q, "support", True)
    assert f.replayed().activities[BOARD].model_dump() == f.state(BOARD).model_dump()
