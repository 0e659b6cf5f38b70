"""Texts in both languages (`i18n.Text`): how they read and write, and that logs written before
them replay unchanged."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from activities.debat_mouvant import state as debat
from activities.debat_mouvant.settings import Statement
from activities.world_cafe.settings import CafeSettings
from facilitation import agenda
from facilitation.agenda import AgendaItem
from facilitation.commands import HOST
from facilitation.events import decode, encode
from facilitation.i18n import RuleViolation, Text
from facilitation.plans import parse_plan, plan_toml
from facilitation.session import SessionState, apply, start
from tests.harness import new_session, run

# Payloads as Cercle stored them before texts were bilingual (copied from such a log).
OLD_LOG = [
    (
        "session.created",
        '{"code":"ABCDEF","title":"Forum Open d\'État","date":"2018-03-12","charter":"**Règle**",'
        '"licence":"Licence Ouverte / Etalab 2.0","publish":true,"plan":"open-detat-2018-03-12",'
        '"languages":[],"agenda":[{"title":"Débat","kind":"debat_mouvant","text":"Placez-vous",'
        '"duration_min":30,"settings":{"statements":[{"form":"dilemma","prompt":"Une démarche réussie si…",'
        '"a":"A long","b":"B court","hesitant":true,"labels":null}]}}],"moderation":"hold_personal",'
        '"remote":{"audio_url":"","remote_only":false,"group_calls":""},"at":100.0}',
    ),
    (
        "agenda.item_added",
        '{"id":1,"position":1,"item":{"title":"Café","kind":"world_cafe","text":"",'
        '"duration_min":45,"settings":{"themes":[{"title":"Données","host":true}]}},"at":101.0}',
    ),
    (
        "agenda.details_edited",
        '{"title":"Forum","date":"","charter":"Règles","licence":"","publish":false,"languages":["fr"],"at":102.0}',
    ),
    (
        "debat_mouvant.statement_added",
        '{"item":0,"statement":{"form":"scale","prompt":"Tapé en direct","a":"","b":"","hesitant":false,'
        '"labels":["1","2","3","4","5"]},"at":103.0}',
    ),
]


@pytest.mark.parametrize(("type_", "payload"), OLD_LOG)
def test_an_old_event_reads_and_writes_back_unchanged(type_: str, payload: str) -> None:
    old = json.loads(payload)
    written = json.loads(encode(decode(type_, payload))[1])
    assert {key: written[key] for key in old} == old  # texts as they were: plain strings
    added = {key: value for key, value in written.items() if key not in old}
    assert set(added) <= {"bilingual", "colleges"} and not any(added.values())  # later fields' defaults


def test_an_old_log_replays_into_texts_that_read_the_same_in_both_languages() -> None:
    state = SessionState()
    for type_, payload in OLD_LOG:
        apply(state, decode(type_, payload))
    assert state.title == "Forum" and state.title.get("en") == "Forum"
    assert state.agenda[0].title.get("en") == "Débat"
    run_ = state.activities[0].runs
    assert (
        run_[0].statement.a.get("en") == "A long" and run_[1].statement.prompt.get("fr") == "Tapé en direct"
    )
    assert state.bilingual is False


def test_a_text_reads_a_string_or_both_languages_and_writes_back_the_shortest_form() -> None:
    assert Text.model_validate("Pause") == Text(fr="Pause", en="Pause") == "Pause"
    both = Text.model_validate({"fr": "Accueil", "en": "Welcome"})
    assert (both.get("fr"), both.get("en"), both.translated) == ("Accueil", "Welcome", True)
    assert both.model_dump() == {"fr": "Accueil", "en": "Welcome"}
    assert Text.model_validate({"fr": "Seul"}).model_dump() == "Seul"
    assert Text.model_validate({"en": "Only"}).get("fr") == "Only"
    assert not Text() and bool(both)
    with pytest.raises(TypeError):
        f"{both}"  # a text has two languages: writing it without choosing one is a bug


def test_bounds_and_cleaning_apply_to_each_language() -> None:
    item = AgendaItem.model_validate({"title": {"fr": " Accueil\u200b ", "en": "Wel\u202ecome"}})
    assert item.title.get("fr") == "Accueil" and item.title.get("en") == "Welcome"
    with pytest.raises(ValidationError, match="string_too_long"):
        AgendaItem.model_validate({"title": {"fr": "ok", "en": "x" * (agenda.TITLE_MAX + 1)}})
    with pytest.raises(ValidationError, match="string_too_short"):
        Statement.model_validate({"form": "scale", "prompt": {"fr": "", "en": ""}})


def test_a_statement_and_a_theme_typed_live_keep_their_english() -> None:
    state = new_session([AgendaItem(title="Débat", kind="debat_mouvant")])
    run(state, HOST, start)
    run(
        state,
        HOST,
        debat.add_statement,
        {"prompt": {"fr": "Oui ou non ?", "en": "Yes or no?"}, "form": "scale"},
        item=0,
    )
    assert state.activities[0].runs[0].statement.prompt.get("en") == "Yes or no?"
    cafe = CafeSettings.model_validate({"themes": [{"title": {"fr": "Données", "en": "Data"}}]})
    assert cafe.themes[0].title.get("en") == "Data"


def test_a_bilingual_session_exports_a_plan_that_reads_back_the_same() -> None:
    state = new_session()
    run(
        state,
        HOST,
        agenda.edit_details,
        title=Text(fr="Forum ouvert", en="Open forum"),
        charter={"fr": "Règle", "en": "Rule"},
        bilingual=True,
    )
    run(state, HOST, agenda.add_item, {"title": {"fr": "Accueil", "en": "Welcome"}, "text": "Même texte"})
    written = plan_toml(state)
    plan = parse_plan("bilingue", written)
    assert plan.title.get("en") == "Open forum" and plan.charter.get("en") == "Rule" and plan.bilingual
    assert plan.agenda[0].title.get("en") == "Welcome" and plan.agenda[0].text == "Même texte"
    assert 'text = "Même texte"' in written  # one language: written as a plain string


def test_a_statement_gets_its_english_and_keeps_its_french() -> None:
    state = new_session([AgendaItem(title="Débat", kind="debat_mouvant")])
    run(state, HOST, start)
    run(state, HOST, debat.add_statement, {"prompt": "Oui ?", "a": "Un", "b": "Deux"}, item=0)
    with pytest.raises(RuleViolation, match="translation_empty"):
        run(state, HOST, debat.translate_statement, 0, "  ", item=0)
    events = run(state, HOST, debat.translate_statement, 0, "Yes?", "One", item=0)
    assert [e.type for e in events] == ["debat_mouvant.statement_translated"]
    s = state.activities[0].runs[0].statement
    assert (s.prompt.get("fr"), s.prompt.get("en"), s.a.get("en"), s.b.get("en")) == (
        "Oui ?",
        "Yes?",
        "One",
        "Deux",
    )
    assert run(state, HOST, debat.translate_statement, 0, "Yes?", "One", item=0) == []  # nothing new
