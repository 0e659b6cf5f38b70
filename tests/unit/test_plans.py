"""The shipped plans parse, and name only moments or registered activities."""

from __future__ import annotations

import pytest

from facilitation.agenda import settings_model
from facilitation.plans import PlanError, list_plans, load_plan, parse_plan
from tests.harness import texts_of


def test_shipped_plans_parse() -> None:
    names = {p.name for p in list_plans()}
    assert {"open-detat-2018-03-12", "forum-ditp", "forum-distanciel"} <= names


def test_2018_plan_matches_the_forum() -> None:
    plan = load_plan("open-detat-2018-03-12")
    assert plan.date == "2018-03-12"
    assert "Chatham House" in plan.charter.get("fr") and "Chatham House rule" in plan.charter.get("en")
    kinds = [item.kind for item in plan.agenda]
    assert kinds.count("debat_mouvant") == 1 and kinds.count("world_cafe") == 1
    debat = next(i for i in plan.agenda if i.kind == "debat_mouvant")
    assert len(debat.settings["statements"]) == 5
    cafe = next(i for i in plan.agenda if i.kind == "world_cafe")
    assert len(cafe.settings["themes"]) == 5
    assert cafe.settings["target"] == 15 and cafe.settings["rotation_minutes"] == 10


def test_ditp_plan_has_three_times_with_workshops_a_controversy_map_and_a_propulsion_board() -> None:
    plan = load_plan("forum-ditp")
    assert plan.colleges  # phones are asked their collège
    times = {item.title.get("fr").split(" — ")[0] for item in plan.agenda}
    assert times == {"Temps 1", "Temps 2", "Temps 3"}
    assert {item.title.get("en").split(" — ")[0] for item in plan.agenda} == {"Part 1", "Part 2", "Part 3"}
    kinds = [item.kind for item in plan.agenda]
    assert kinds == ["moment", "debat_mouvant", "ideas", "controversies", "speaking_turns", "propulsion"]
    controversies = next(i for i in plan.agenda if i.kind == "controversies")
    assert len(controversies.settings["statements"]) >= 5
    assert next(i for i in plan.agenda if i.kind == "ideas").settings["dots"] == 3


def test_the_remote_plan_has_no_room_and_a_virtual_cafe() -> None:
    plan = load_plan("forum-distanciel")
    assert plan.remote.remote_only and plan.colleges
    kinds = [item.kind for item in plan.agenda]
    assert {"debat_mouvant", "world_cafe", "controversies", "speaking_turns", "propulsion"} <= set(kinds)
    assert {item.title.get("fr").split(" — ")[0] for item in plan.agenda} == {"Temps 1", "Temps 2", "Temps 3"}
    for lang, room in (("fr", "salle"), ("en", "room")):
        words = " ".join(item.text.get(lang) + item.title.get(lang) for item in plan.agenda).lower()
        assert room not in words.replace("en salle", "")  # nobody is told to look at a room


@pytest.mark.parametrize("name", ["open-detat-2018-03-12", "forum-ditp", "forum-distanciel"])
def test_shipped_plans_are_fully_translated(name: str) -> None:
    plan = load_plan(name)
    found = list(texts_of(plan))
    for index, item in enumerate(plan.agenda):
        model = settings_model(item.kind)
        if model is not None:
            found += [
                (f"agenda[{index}].settings{w}", x) for w, x in texts_of(model.model_validate(item.settings))
            ]
    assert len(found) > 10
    untranslated = [where for where, text in found if text and not text.translated]
    assert untranslated == []


def test_a_plan_text_may_be_one_string_or_both_languages() -> None:
    plan = parse_plan(
        "mixed",
        'title = { fr = "Bonjour", en = "Hello" }\ndescription = "Même texte"\n'
        '[[agenda]]\ntitle = { fr = "Pause" }\nduration = 5\n',
    )
    assert (plan.title.get("fr"), plan.title.get("en")) == ("Bonjour", "Hello")
    assert plan.description.get("en") == "Même texte" == plan.description.get("fr")
    assert plan.agenda[0].title.get("en") == "Pause"  # one language given: it stands for both
    assert plan.agenda[0].title.model_dump() == "Pause"  # and is written back as a plain string


@pytest.mark.parametrize(
    "text",
    [
        'title = "x"\n[[agenda]]\nkind = "moment"\n',
        'title = ""\n',
        "title = \n",
        'title = "x"\n[[agenda]]\ntitle = "a"\nduration = -5\n',
    ],
)
def test_bad_plans_are_refused_with_their_name(text: str) -> None:
    with pytest.raises(PlanError, match="broken"):
        parse_plan("broken", text)


def test_agenda_kinds_are_named_for_people() -> None:
    from facilitation.activity import REGISTRY, Registry

    assert REGISTRY.label("moment", "fr") == "Temps" and REGISTRY.label("moment", "en") == "Moment"
    assert REGISTRY.label("debat_mouvant", "fr") == "Débat mouvant"
    assert Registry().label("debat_mouvant", "fr") == "debat_mouvant"  # a kind this build lacks
