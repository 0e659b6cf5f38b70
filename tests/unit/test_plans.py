"""The shipped plans parse, and name only moments or registered activities."""

from __future__ import annotations

import pytest

from facilitation.plans import PlanError, list_plans, load_plan, parse_plan


def test_shipped_plans_parse() -> None:
    names = {p.name for p in list_plans()}
    assert {"open-detat-2018-03-12", "forum-ditp", "forum-distanciel"} <= names


def test_2018_plan_matches_the_forum() -> None:
    plan = load_plan("open-detat-2018-03-12")
    assert plan.date == "2018-03-12"
    assert "Chatham House" in plan.charter
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
    times = {title.split(" — ")[0] for title in (item.title for item in plan.agenda)}
    assert times == {"Temps 1", "Temps 2", "Temps 3"}
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
    words = " ".join(str(item.text) + str(item.title) for item in plan.agenda).lower()
    assert "salle" not in words.replace("en salle", "")  # nobody is told to look at a room


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
