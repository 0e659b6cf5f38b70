"""The idea workshop, the controversy map and the propulsion board in the open data: their sections
follow docs/open-data.schema.json, the collèges are counted without a 1 or a 2, and nothing
holds a token."""

from __future__ import annotations

import json
import re

from activities.controversies import state as cv
from activities.ideas import state as ideas
from activities.propulsion import state as pr
from facilitation import session as rules
from facilitation.activity import REGISTRY
from facilitation.disclosure import HIDDEN
from facilitation.restitution import model, opendata, render_html, render_md
from tests.activities.forum_helpers import Forum
from tests.harness import said
from tests.unit.test_restitution_formats import SCHEMA, validate

IDEAS, MAP, BOARD = 0, 1, 2


def forum(duplicate: bool = False) -> Forum:
    agenda = [
        rules.AgendaItem(title="Idées", kind="ideas", settings={"ideas": ["Ouvrir les données"]}),
        rules.AgendaItem(
            title="Carte", kind="controversies", settings={"statements": ["Tout ouvrir", "Tout fermer"]}
        ),
        rules.AgendaItem(title="Propulsion", kind="propulsion"),
    ]
    f = Forum(agenda, colleges=["public_agent"] * 4 + ["citizen"] * 3 + ["business", None])
    f.move_to(IDEAS)
    f.phone(f.tokens[0], IDEAS, ideas.add_idea, said("Former les agents"))
    f.host(IDEAS, ideas.group_ideas, ["i1"], "Données")
    if duplicate:  # two ideas saying the same, merged
        f.phone(f.tokens[1], IDEAS, ideas.add_idea, said("Publier le code source"))
        f.phone(f.tokens[2], IDEAS, ideas.add_idea, said("Ouvrir le code des logiciels publics"))
        new = [i.id for i in f.state(IDEAS).ideas][-2:]
        f.host(IDEAS, ideas.merge_ideas, new[1], new[0])
    f.host(IDEAS, ideas.set_stage, "vote")
    for token in f.tokens[:5]:
        f.phone(token, IDEAS, ideas.set_dots, "c1", 2)
    f.move_to(MAP)
    f.host(MAP, cv.set_stage, "open")
    for n, token in enumerate(f.tokens):
        f.phone(token, MAP, cv.take_position, "s1", ("1", "5", "dk")[n % 3])
    f.move_to(BOARD)
    p = f.host(BOARD, pr.promote, f"{IDEAS}:c1")[0].proposal
    q = f.host(BOARD, pr.promote, f"{MAP}:s1")[0].proposal
    f.host(BOARD, pr.classify, p, "engagement")
    f.host(BOARD, pr.classify, q, "action", p)
    f.host(BOARD, pr.set_next_step, p, "Un groupe de travail", "2026-09")
    for token in f.tokens:
        f.phone(token, BOARD, pr.back, p, "contribute", True)
        f.phone(token, BOARD, pr.rate, p, "durable", "partly")
    return f


def test_the_three_sections_follow_the_schema_and_hold_no_token_nor_small_count() -> None:
    f = forum()
    doc = model.build(f.session, REGISTRY, "fr", 5000.0)
    data = json.loads(opendata.to_json(doc))
    validate(data, SCHEMA)
    assert [s["kind"] for s in data["sections"]] == ["ideas", "controversies", "propulsion"]
    # a business and a "not given" are hidden, and the 3 citizens with them (else 9 - 4 - 3 = 2);
    # a collège with nobody is not told apart from a hidden one
    assert data["participants"]["colleges"] == {"public_agent": 4, HIDDEN: 5}
    dumped = opendata.to_json(doc) + render_md.render(doc) + opendata.to_csv(doc)
    assert not any(token in dumped for token in f.tokens)
    assert "college:public_agent,4" in opendata.to_csv(doc).replace("\r\n", "\n")
    [engagement] = data["sections"][2]["data"]["engagements"]
    assert engagement["actions"][0]["text"] == "Tout ouvrir" and engagement["horizon"] == "2026-09"
    # 9 alike: unanimous, shown as their number only
    assert engagement["criteria_rated"]["durable"] == {HIDDEN: 9}


def test_a_session_that_does_not_ask_colleges_exports_none() -> None:
    state = rules.SessionState()
    assert model.counts(state).colleges is None


def test_whole_numbers_and_merged_duplicates_read_the_same_in_every_format() -> None:
    """A chart's 10 dots and a divergence of 100 are "10" and "100", never "10.0" (Markdown,
    HTML, CSV, JSON); a duplicate merged into an idea standing alone is in every format, not only
    the JSON."""
    f = forum(duplicate=True)
    for lang, merged in (("fr", "doublons fusionnés"), ("en", "duplicates merged")):
        doc = model.build(f.session, REGISTRY, lang, 5000.0)
        md, html = render_md.render(doc), render_html.render(doc)
        csv, json_text = opendata.to_csv(doc), opendata.to_json(doc)
        assert "| Données | 10 |" in md
        # the statement's divergence is not published: too few positions for a figure that names
        # nobody (the disclosure rule); the whole-number check below still reads every other figure
        assert "Tout ouvrir — trop peu de positions pour un chiffre" in md or lang == "en"
        for name, text in (
            ("md", md),
            ("html", re.sub(r"<svg.*?</svg>", "", html, flags=re.S)),
            ("csv", csv),
            ("json", json_text),
        ):
            assert not re.search(r"(?<![\d.])\d+\.0(?![\d.])", text.replace("Etalab 2.0", "")), name
            assert "Ouvrir le code des logiciels publics" in text, name
            assert f"Publier le code source ({merged}: Ouvrir le code" in text.replace(" :", ":"), name
        values = [
            v
            for s in json.loads(json_text)["sections"]
            for v in s["data"].get("chart", {}).get("series", [{}])[0].get("values", [])
        ]
        assert values and all(isinstance(v, int) for v in values)
