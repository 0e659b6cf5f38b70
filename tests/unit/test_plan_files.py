"""Plans written in the app: a session's agenda exported as TOML reads back the same; a bad file
is refused with its line and field, in French or English; settings forms are documented."""

from __future__ import annotations

import pytest

from activities import all_activities
from facilitation import agenda, forms
from facilitation import session as rules
from facilitation.agenda import AgendaItem
from facilitation.commands import HOST
from facilitation.i18n import has
from facilitation.plans import MAX_PLAN_BYTES, PlanError, load_plan, parse_plan, plan_toml, read_upload
from tests.harness import new_session, run


def test_every_shipped_plan_exports_and_reads_back_the_same() -> None:
    for name in ("open-detat-2018-03-12", "forum-ditp"):
        plan = load_plan(name)
        state = new_session(plan.agenda)
        state.charter, state.licence = plan.charter, plan.licence
        again = parse_plan("again", plan_toml(state))
        assert [i.model_dump() for i in again.agenda] == [
            {**i.model_dump(), "settings": agenda.check_settings(i.kind, i.settings) and i.settings}
            for i in plan.agenda
        ]
        assert again.charter == plan.charter and again.licence == plan.licence


def test_an_edited_agenda_round_trips_with_its_details() -> None:
    state = new_session()
    run(
        state,
        HOST,
        agenda.edit_details,
        title="Forum « ouvert »",
        date="2026-05-01",
        charter="Règle 1\n\nRègle 2",
        publish=True,
        languages=["fr"],
    )
    run(state, HOST, agenda.add_item, {"title": "Accueil", "duration_min": 10, "text": "Bienvenue\nà toutes"})
    cafe = {
        "themes": [{"title": "Données", "host": True}, {"title": "Services"}],
        "groups": None,
        "rotation_minutes": 12.5,
    }
    run(
        state,
        HOST,
        agenda.add_item,
        {"title": "Café", "kind": "world_cafe", "duration_min": 45, "settings": cafe},
    )
    turns = {"order": "fifo", "turn_limit_seconds": 90}
    run(state, HOST, agenda.add_item, {"title": "Tours", "kind": "speaking_turns", "settings": turns})
    plan = parse_plan("mon-forum", plan_toml(state))
    assert (plan.title, plan.date, plan.charter, plan.publish, plan.languages) == (
        "Forum « ouvert »",
        "2026-05-01",
        "Règle 1\n\nRègle 2",
        True,
        ["fr"],
    )
    assert plan.agenda == list(state.agenda.values())
    again = new_session(plan.agenda)
    assert list(again.agenda.values()) == list(state.agenda.values())


@pytest.mark.parametrize(
    ("text", "line", "field_fr", "what_fr", "what_en"),
    [
        (
            'title = "x"\n[[agenda]]\ntitle = "a"\nduration = -5\n',
            4,
            "agenda[1].duration",
            "doit être au moins 0",
            "must be at least 0",
        ),
        (
            'title = "x"\n\n[[agenda]]\ntitle = "a"\n\n[[agenda]]\ntitle = "b"\nkind = "world_cafe"\n[agenda.settings]\ngroup_size = 1\n',
            10,
            "agenda[2].settings.group_size",
            "doit être au moins 2",
            "must be at least 2",
        ),
        (
            'title = "x"\n[[agenda]]\ntitle = "a"\nkind = "tombola"\n',
            4,
            "agenda[1].kind",
            "type inconnu",
            "unknown kind",
        ),
        (
            'title = "x"\n[[agenda]]\ntitle = "d"\nkind = "debat_mouvant"\n[[agenda.settings.statements]]\nprompt = ""\n',
            6,
            "agenda[1].settings.statements[1].prompt",
            "au moins 1 caractère",
            "at least 1 character",
        ),
        ('title = "x"\ncolour = "bleu"\n', 2, "colour", "pas connu", "not known"),
        ('title = "x"\n[[agenda]]\ntitle = \n', 3, "", "pas du TOML valide", "not valid TOML"),
    ],
)
def test_a_bad_plan_names_its_line_and_field(text, line, field_fr, what_fr, what_en) -> None:
    with pytest.raises(PlanError) as refused:
        read_upload("Mon plan.toml", text.encode())
    fr, en = refused.value.message("fr"), refused.value.message("en")
    assert f"ligne {line}" in fr and f"line {line}" in en
    assert what_fr in fr and what_en in en
    if field_fr:
        assert f"« {field_fr} »" in fr and f"“{field_fr}”" in en
    assert "Traceback" not in fr and "mon-plan" in fr


def test_an_upload_too_large_or_not_text_is_refused() -> None:
    with pytest.raises(PlanError) as big:
        read_upload("big.toml", b"#" * (MAX_PLAN_BYTES + 1))
    assert "256" in big.value.message("fr")
    with pytest.raises(PlanError) as binary:
        read_upload("x.toml", b"\xff\xfe\x00")
    assert "UTF-8" in binary.value.message("en")


def test_every_settings_field_is_documented_in_both_languages() -> None:
    for activity in all_activities():
        kind = activity.kind
        model = agenda.settings_model(kind)
        assert model is not None, f"{kind} declares no settings model"
        missing = [key for key in forms.doc_keys(kind, model) if not has(key)]
        assert missing == [], f"{kind}: undocumented settings {missing}"


def test_the_form_says_what_the_model_refuses_by_field() -> None:
    model = agenda.settings_model("world_cafe")
    assert model is not None
    found = forms.check(model, {"group_size": 1, "themes": [{"title": ""}]}, "fr")
    assert found[("group_size",)] == "doit être au moins 2"
    assert ("themes", 0, "title") in found
    assert forms.check(model, {"group_size": 8}, "fr") == {}
    specs = {s.name: s for s in forms.describe(model)}
    assert specs["group_size"].widget == "integer" and (
        specs["group_size"].low,
        specs["group_size"].high,
    ) == (2, 100)
    assert specs["groups"].optional and specs["contribution"].choices == ("actors", "ideas")
    assert [s.name for s in specs["themes"].entries] == ["title", "host"]
    assert "2" in specs["group_size"].help("world_cafe", "fr")


def test_started_session_exports_its_current_agenda() -> None:
    state = new_session([AgendaItem(title="Un"), AgendaItem(title="Deux")])
    run(state, HOST, rules.start)
    run(state, HOST, agenda.add_item, {"title": "Trois"}, 1)
    assert [i.title for i in parse_plan("p", plan_toml(state)).agenda] == ["Un", "Trois", "Deux"]


@pytest.mark.parametrize("depth", [40, 450, 500, 5000])
def test_a_plan_nested_hundreds_of_levels_deep_is_refused_with_a_message(
    depth: int, caplog: pytest.LogCaptureFixture
) -> None:
    text = 'title = "Profond"\n[[agenda]]\nkind = "moment"\ntitle = "x"\nextra = ' + "[" * depth + "]" * depth
    with caplog.at_level("INFO"), pytest.raises(PlanError) as deep:
        read_upload("profond.toml", text.encode())
    assert "32 niveaux" in deep.value.message("fr") and "32 levels" in deep.value.message("en")
    assert "Traceback" not in caplog.text and len(caplog.text) < 500
    inline = 'title = "Profond"\nx = ' + "{a = " * depth + "1" + "}" * depth
    with pytest.raises(PlanError) as tables:
        parse_plan("profond", inline)
    assert "32" in tables.value.message("fr")


def test_a_plan_of_a_few_levels_is_not_too_deep() -> None:
    from facilitation.nesting import too_deep

    assert not too_deep({"a": [{"b": [1, 2]}]}, limit=4) and too_deep({"a": [{"b": [[1]]}]}, limit=4)
    assert not too_deep(load_plan("forum-ditp").model_dump())
