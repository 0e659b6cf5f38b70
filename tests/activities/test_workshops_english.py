"""The forum's workshops in two languages: plan ideas and statements in French and English; an idea,
a statement, a proposal and an item that has begun given their English on the console (the text as
written, and what the room did with it, unchanged; replayed from the log); a promotion carrying
its English to the propulsion board; counts in plural forms and English punctuation."""

from __future__ import annotations

import pytest

from activities.controversies import state as cv
from activities.controversies.display import phone_card
from activities.ideas import state as ideas
from activities.ideas.display import ranking_html, wall_html
from activities.ideas.report import report as ideas_report
from activities.propulsion import state as pr
from activities.propulsion.board import build_board
from activities.propulsion.display import board_html
from activities.propulsion.report import report as propulsion_report
from facilitation import agenda
from facilitation import session as rules
from facilitation.commands import HOST
from facilitation.i18n import RuleViolation
from tests.activities.forum_helpers import Forum
from tests.harness import run, said

IDEAS, MAP, BOARD = 0, 1, 2
OPEN_DATA = {"fr": "Ouvrir les données publiques", "en": "Open up public data"}
CO_CREATE = {"fr": "La société civile doit co-construire", "en": "Civil society must co-create"}


def forum() -> Forum:
    return Forum(
        [
            rules.AgendaItem(
                title={"fr": "Atelier", "en": "Workshop"},
                kind="ideas",
                settings={
                    "prompt": {"fr": "Quelles actions ?", "en": "Which actions?"},
                    "ideas": [OPEN_DATA],
                },
            ),
            rules.AgendaItem(title="Carte", kind="controversies", settings={"statements": [CO_CREATE]}),
            rules.AgendaItem(
                title="Propulsion", kind="propulsion", settings={"intro": {"fr": "Ici", "en": "Here"}}
            ),
        ],
        colleges=["citizen"] * 3,
    )


def test_plan_ideas_and_statements_read_in_each_language() -> None:
    f = forum()
    state = f.state(IDEAS)
    assert OPEN_DATA["en"] in wall_html(state, "en") and OPEN_DATA["en"] not in wall_html(state, "fr")
    assert state.settings.prompt.get("en") == "Which actions?"
    card = phone_card(f.state(MAP), f.tokens[0], 0, "en")
    assert CO_CREATE["en"] in card and CO_CREATE["fr"] not in card
    assert "Statement 1 / 1 · 0 answered" in card


def test_an_idea_typed_live_gets_its_english_and_keeps_its_dots() -> None:
    f = forum()
    f.move_to(IDEAS)
    [added] = f.phone(f.tokens[0], IDEAS, ideas.add_idea, said("Former les agents"))
    f.host(IDEAS, ideas.set_stage, "vote", "collect")
    f.phone(f.tokens[1], IDEAS, ideas.set_dots, added.idea, 2)
    f.host(IDEAS, ideas.translate_idea, added.idea, "Train public servants")
    idea = f.state(IDEAS).idea(added.idea)
    assert (idea.text, idea.en) == ("Former les agents", "Train public servants")
    assert f.host(IDEAS, ideas.translate_idea, added.idea, "Train public servants") == []  # no change
    english = ranking_html(f.state(IDEAS), "en")
    assert "Train public servants" in english and "2 dots" in english and "1 person placed dots" in english
    assert "Former les agents" in ranking_html(f.state(IDEAS), "fr")
    assert "2 pts" in ranking_html(f.state(IDEAS), "fr")
    replayed = f.replayed().activities[IDEAS]
    assert replayed.idea(added.idea).en == "Train public servants" and replayed.tally()[added.idea] == 2
    f.host(IDEAS, ideas.translate_idea, added.idea, "Former les agents")  # the same text: no English
    assert f.state(IDEAS).idea(added.idea).en == ""
    with pytest.raises(RuleViolation, match="ideas.error.length"):
        f.host(IDEAS, ideas.translate_idea, added.idea, "x")
    summary = ideas_report(f.state(IDEAS), f.session, "en").paragraphs[-1]
    assert summary == "2 ideas, 0 clusters; 1 person spread up to 3 dots."
    assert ideas_report(f.state(IDEAS), f.session, "fr").paragraphs[-1] == (
        "2 idées, 0 regroupement ; 1 personne a réparti jusqu'à 3 points."
    )


def test_a_cluster_name_gets_its_english() -> None:
    f = forum()
    f.move_to(IDEAS)
    f.phone(f.tokens[0], IDEAS, ideas.add_idea, said("Former les agents"))
    [grouped] = f.host(IDEAS, ideas.group_ideas, ["i1", "i2"], "Ouvrir et former")
    f.host(IDEAS, ideas.translate_cluster, grouped.cluster, "Open and train")
    assert "Open and train" in wall_html(f.state(IDEAS), "en")
    assert "Ouvrir et former" in wall_html(f.state(IDEAS), "fr")
    assert f.replayed().activities[IDEAS].cluster(grouped.cluster).en == "Open and train"


def test_a_statement_typed_live_in_both_languages_or_translated_later() -> None:
    f = forum()
    f.move_to(MAP)
    [typed] = f.host(
        MAP, cv.add_statement, "Le tirage au sort remplace l'élection", "Sortition replaces elections"
    )
    assert f.state(MAP).statement(typed.statement).words.get("en") == "Sortition replaces elections"
    f.host(MAP, cv.set_stage, "open", "ready")
    f.phone(f.tokens[0], MAP, cv.take_position, "s1", "5")
    f.host(MAP, cv.translate_statement, "s1", "Civil society must co-create the commitments")
    state = f.state(MAP)
    assert state.statement("s1").text == CO_CREATE["fr"] and state.position_of(f.tokens[0], "s1") == "5"
    assert f.replayed().activities[MAP].statement("s1").en.endswith("the commitments")
    with pytest.raises(RuleViolation, match="controversies.error.unknown_statement"):
        f.host(MAP, cv.translate_statement, "s9", "Nothing")


def test_a_promotion_carries_the_english_and_a_proposal_gets_its_own() -> None:
    f = forum()
    f.move_to(BOARD)
    [promoted] = f.host(BOARD, pr.promote, f"{IDEAS}:i1")
    assert (promoted.text, promoted.en) == (OPEN_DATA["fr"], OPEN_DATA["en"])
    assert promoted.origin.startswith("Atelier, 0 point") and promoted.origin_en == "Workshop, 0 dots"
    [typed] = f.host(BOARD, pr.propose, said("Réunir les ministères"))
    f.host(BOARD, pr.translate_proposal, typed.proposal, "Bring the ministries together")
    f.host(BOARD, pr.classify, promoted.proposal, "engagement", None)
    board = build_board(f.state(BOARD), f.session)
    english = board_html(board, "en")
    assert OPEN_DATA["en"] in english and "Bring the ministries together" in english
    assert "Commitment" in english and "Engagement" in board_html(board, "fr")
    assert "0 supporters" in english or "fewer than" in english
    section = propulsion_report(f.state(BOARD), f.session, "en")
    assert section.paragraphs[0] == "Here"
    assert "1 commitment, 0 attached actions, 0 initiatives." in section.paragraphs


def test_an_item_that_has_begun_gets_its_english_title_and_text() -> None:
    f = forum()
    f.move_to(MAP)
    events = run(f.session, HOST, agenda.translate_item, MAP, "Map", "", now=f.tick())
    f.push(events)
    item = f.session.agenda[MAP]
    assert (item.title.fr, item.title.en) == ("Carte", "Map")
    assert run(f.session, HOST, agenda.translate_item, MAP, "Map", "", now=f.tick()) == []
    assert f.replayed().agenda[MAP].title.get("en") == "Map"
    assert f.session.activities[MAP].statement("s1") is not None  # the activity goes on
