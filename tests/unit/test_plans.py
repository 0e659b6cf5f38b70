"""The shipped plans parse, and name only moments or registered activities."""

from __future__ import annotations

import pytest

from facilitation.agenda import settings_model
from facilitation.plans import PlanError, list_plans, load_plan, parse_plan
from tests.harness import texts_of


def test_shipped_plans_parse() -> None:
    names = {p.name for p in list_plans()}
    assert {"open-detat-2018-03-12", "forum-ditp"} <= names


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


def test_ditp_plan_has_three_times_and_a_controversies_workshop() -> None:
    plan = load_plan("forum-ditp")
    titles = " ".join(item.title.get("fr") for item in plan.agenda)
    assert "Restitution" in titles and "Ateliers" in titles and "Propulsion" in titles
    assert "Workshops" in " ".join(item.title.get("en") for item in plan.agenda)
    workshops = next(i for i in plan.agenda if i.kind == "world_cafe")
    assert 2 <= len(workshops.settings["themes"]) <= 4
    assert any("ontrovers" in theme["title"]["fr"] for theme in workshops.settings["themes"])


@pytest.mark.parametrize("name", ["open-detat-2018-03-12", "forum-ditp"])
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
