"""Actor deduplication: the normalisation rule, and mentions instead of repeated lines."""

from __future__ import annotations

import pytest

from activities.world_cafe.contributions import Contribution, actor_key, table_actors, table_count


@pytest.mark.parametrize(
    "a, b",
    [
        ("Regards Citoyens", "regards  citoyens"),
        ("Regards Citoyens", "Regards-Citoyens"),
        ("Regards Citoyens", "  REGARDS\tCITOYENS "),
        ("Conseil d'État", "conseil d’etat"),
        ("Conseil d'État", "Conseil d Etat"),
        ("Cour des comptes", "COUR DES COMPTES"),
        ("C.N.I.L.", "CNIL"),
        ("Énergie–Partagée", "energie partagee"),
    ],
)
def test_these_names_are_one_actor(a: str, b: str) -> None:
    assert actor_key(a) == actor_key(b)


@pytest.mark.parametrize(
    "a, b",
    [
        ("La Quadrature du Net", "Quadrature du Net"),  # articles matter
        ("Regards Citoyens", "RegardsCitoyens"),  # a missing space is a different spelling
        ("Etalab", "Datactivist"),
    ],
)
def test_these_names_stay_two_actors(a: str, b: str) -> None:
    assert actor_key(a) != actor_key(b)


def actor(cid: str, name: str, table: int = 0, **kw) -> Contribution:
    return Contribution(id=cid, table=table, rotation=0, group=0, kind="actor", text=name, **kw)


def test_a_duplicate_adds_a_mention_not_a_line() -> None:
    contributions = [
        actor("c1", "Regards Citoyens", actor_kind="association", why="open data"),
        actor("c2", "regards-citoyens", why="parliament"),
        actor("c3", "Etalab", actor_kind="public"),
        actor("c4", "Regards Citoyens", table=1),
        Contribution(id="c5", table=0, rotation=0, group=0, kind="idea", text="Ouvrir les agendas"),
    ]
    lines = table_actors(contributions, 0)
    assert [(line.name, line.kind, line.mentions) for line in lines] == [
        ("Regards Citoyens", "association", 2),
        ("Etalab", "public", 1),
    ]
    assert lines[0].reasons == ["open data", "parliament"]
    assert table_count(contributions, 0) == 3  # two actors and one idea
    assert table_count(contributions, 1) == 1


def test_hidden_contributions_do_not_count() -> None:
    contributions = [actor("c1", "Etalab", hidden=True), actor("c2", "ETALAB")]
    lines = table_actors(contributions, 0)
    assert [(line.name, line.mentions) for line in lines] == [("ETALAB", 1)]


def test_an_actor_is_named_by_its_most_used_spelling() -> None:
    contributions = [
        actor("c1", "REGARDS CITOYENS"),
        actor("c2", "Regards Citoyens"),
        actor("c3", "Regards Citoyens"),
    ]
    [line] = table_actors(contributions, 0)
    assert (line.name, line.mentions) == ("Regards Citoyens", 3)


def test_the_projected_map_counts_what_does_not_fit_and_escapes_names() -> None:
    from activities.world_cafe.display import actor_map_html
    from activities.world_cafe.model import CafeState
    from activities.world_cafe.settings import CafeSettings

    state = CafeState(settings=CafeSettings(themes=[{"title": "Données"}, {"title": "Intégrité"}]))
    state.contributions = [
        actor(f"c{i}", f"Organisation numéro {i}", actor_kind="association") for i in range(40)
    ]
    state.contributions.append(actor("c99", "<b>Ltd</b>", table=1))
    html = actor_map_html(state, "fr")
    shown = html.count("Organisation numéro")
    assert 5 < shown < 40
    assert f"et {40 - shown} autres" in html
    assert "&lt;b&gt;Ltd&lt;/b&gt;" in html and "<b>Ltd" not in html
