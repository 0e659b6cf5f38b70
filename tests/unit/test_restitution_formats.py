"""The restitution built from a session with a fake activity, in each format; the JSON validates
against docs/open-data.schema.json (checked by a small validator of the subset it uses)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from facilitation import feedback
from facilitation.commands import HOST, PUBLIC
from facilitation.restitution import archive, charts, opendata, render_html, render_md
from facilitation.restitution.model import Restitution, build
from facilitation.rooms import Rooms
from tests.harness import said
from tests.unit.test_restitution_support import add_note, registry, run_session, write_plan

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "docs/open-data.schema.json").read_text())
TOKENS = [f"tok{i:02d}-abcdefghijklmnopq" for i in range(6)]


def validate(instance: Any, schema: dict[str, Any], root: dict[str, Any] = SCHEMA, path: str = "$") -> None:
    """A JSON Schema checker for the subset docs/open-data.schema.json uses: $ref, type, enum,
    const, minimum, required, properties, additionalProperties, items, allOf, if/then. Raises
    AssertionError."""
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/$defs/")
        return validate(instance, root["$defs"][name], root, path)
    for part in schema.get("allOf", []):
        validate(instance, part, root, path)
    if "if" in schema:
        try:
            validate(instance, schema["if"], root, path)
        except AssertionError:
            pass
        else:
            validate(instance, schema.get("then", {}), root, path)
    types = schema.get("type")
    if types is not None:
        kinds = {
            "object": dict,
            "array": list,
            "string": str,
            "boolean": bool,
            "null": type(None),
            "integer": int,
            "number": (int, float),
        }
        allowed = [types] if isinstance(types, str) else types
        ok = any(
            isinstance(instance, kinds[t]) and not (t in ("integer", "number") and isinstance(instance, bool))
            for t in allowed
        )
        assert ok, f"{path}: {instance!r} is not {allowed}"
    if "enum" in schema:
        assert instance in schema["enum"], f"{path}: {instance!r} not in {schema['enum']}"
    if "const" in schema:
        assert instance == schema["const"], f"{path}: {instance!r} != {schema['const']!r}"
    if "minimum" in schema and isinstance(instance, int | float) and not isinstance(instance, bool):
        assert instance >= schema["minimum"], f"{path}: {instance} < {schema['minimum']}"
    if isinstance(instance, dict):
        for key in schema.get("required", []):
            assert key in instance, f"{path}: missing {key!r}"
        props = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        for key, value in instance.items():
            if key in props:
                validate(value, props[key], root, f"{path}.{key}")
            elif extra is False:
                raise AssertionError(f"{path}: unexpected {key!r}")
            elif isinstance(extra, dict):
                validate(value, extra, root, f"{path}.{key}")
    if isinstance(instance, list) and "items" in schema:
        for i, value in enumerate(instance):
            validate(value, schema["items"], root, f"{path}[{i}]")
    return None


@pytest.fixture
def fake_rooms(store, clock, tmp_path) -> Rooms:
    plans = tmp_path / "plans"
    write_plan(plans)
    return Rooms(store, clock=clock, registry=registry(), plans_dir=plans)


@pytest.fixture
def doc(fake_rooms, clock) -> Restitution:
    room = run_session(fake_rooms, clock, TOKENS)
    room.run_now(PUBLIC, feedback.post_comment, said("Merci pour | ce forum,\nà refaire."))
    room.run_now(HOST, feedback.moderate_comment, 1, hide=True, reason="contient un nom")
    room.run_now(PUBLIC, feedback.post_comment, said("Vive la transparence"))
    result = archive.document(fake_rooms, room.code, "fr")
    assert result is not None
    return result


def test_the_document_follows_the_agenda_with_planned_and_actual_times(doc) -> None:
    assert doc.title == "Forum d'essai" and doc.licence == "Licence Ouverte / Etalab 2.0"
    assert [(e.title, e.planned_minutes, e.actual_minutes) for e in doc.agenda] == [
        ("Accueil", 10, 10.0),
        ("Notes et votes", 20, 25.0),
        ("Conclusion", 5, 5.0),
    ]
    assert doc.agenda[1].kind_label == "Prise de notes"
    assert doc.agenda[1].planned_start == doc.agenda[1].actual_start  # the welcome kept its time
    assert doc.agenda[2].planned_start < doc.agenda[2].actual_start  # the notes ran 5 min over
    assert [s.item for s in doc.sections] == [1]
    assert doc.participants.total == 6 and doc.participants.categories["woman"] == 2
    assert [c.hidden for c in doc.comments] == [True, False] and doc.comments[0].text == ""
    assert [(m.target, m.action, m.reason) for m in doc.moderation] == [
        ("record", "publish_anyway", ""),  # the note with a name was not reviewed
        ("comment", "hide", "contient un nom"),
    ]
    assert (doc.moderation[0].held, doc.moderation[0].findings) == (0, 1)


def test_json_validates_against_the_documented_schema(doc) -> None:
    data = json.loads(opendata.to_json(doc))
    validate(data, SCHEMA)
    assert data["licence"] == "Licence Ouverte / Etalab 2.0"
    assert data["$schema"] == SCHEMA["$id"]


def test_the_validator_itself_refuses_a_broken_document(doc) -> None:
    data = json.loads(opendata.to_json(doc))
    data["participants"]["total"] = -1
    with pytest.raises(AssertionError, match="total"):
        validate(data, SCHEMA)
    data = json.loads(opendata.to_json(doc))
    data["agenda"][0]["token"] = "x"
    with pytest.raises(AssertionError, match="unexpected"):
        validate(data, SCHEMA)


def test_csv_opens_with_the_csv_module_and_carries_the_licence(doc) -> None:
    rows = list(csv.DictReader(io.StringIO(opendata.to_csv(doc))))
    assert list(rows[0]) == list(opendata.CSV_COLUMNS)
    meta = {r["column"]: r["value"] for r in rows if r["record"] == "meta"}
    assert meta["licence"] == "Licence Ouverte / Etalab 2.0" and meta["title"] == "Forum d'essai"
    cells = [(r["table"], r["row"], r["column"], r["value"]) for r in rows if r["record"] == "table"]
    assert ("Votes", "0", "Nombre", "3") in cells
    notes = [r["value"] for r in rows if r["record"] == "list"]
    assert "Ouvrir les données | par défaut" in notes
    chart = {(r["row"], r["column"]): r["value"] for r in rows if r["record"] == "chart"}
    assert chart == {("Énoncé 1", "A"): "3", ("Énoncé 1", "B"): "3"}
    comments = [r for r in rows if r["record"] == "comment" and r["column"] == "text"]
    assert [r["value"] for r in comments] == ["", "Vive la transparence"]


def test_markdown_is_pasteable_tables_and_escaped_pipes(doc) -> None:
    md = render_md.render(doc)
    assert md.startswith("# Forum d'essai\n")
    assert "| # | Point | Format | Début prévu | Début réel | Durée prévue | Durée réelle |" in md
    assert "| 2 | Notes et votes | Prise de notes |" in md
    assert "- Ouvrir les données | par défaut" in md
    assert "*12 mars 2026 · Licence : Licence Ouverte / Etalab 2.0*" in md
    assert "## 2. Notes et votes" in md
    assert "Commentaire masqué par la modération (contient un nom)." in md
    agenda = md.split("## Ordre du jour")[1].split("\n## ")[0]
    rows = [line for line in agenda.splitlines() if line.startswith("|")]
    assert len(rows) == 2 + 3
    assert {len(re.findall(r"(?<!\\)\|", line)) for line in rows} == {8}


def test_html_is_self_contained_with_inline_svg_and_print_css(doc) -> None:
    page = render_html.render(doc)
    assert page.startswith("<!DOCTYPE html>") and "@media print" in page
    assert page.count("<svg") == 1 and "<script" not in page
    assert not re.search(r"""(src|href)=["']?https?:""", page)
    assert "Licence Ouverte / Etalab 2.0" in page
    assert "Merci pour" not in page  # the hidden comment's text is gone


def test_html_escapes_what_people_typed(fake_rooms, clock) -> None:
    room = run_session(fake_rooms, clock, TOKENS)
    add_note(room, TOKENS[2], "n3", "<script>alert(1)</script>")
    page = render_html.render(build(room.state, room.registry, "fr", clock()))
    assert "<script>alert" not in page and "&lt;script&gt;" in page


def test_no_token_leaves_in_any_format_even_while_live(fake_rooms, clock) -> None:
    room = run_session(fake_rooms, clock, TOKENS, close=False)
    doc = archive.document(fake_rooms, room.code, "en")
    assert doc is not None and doc.status == "live"
    for fmt, (_, render) in archive.FORMATS.items():
        body = render(doc)
        assert not any(token in body for token in TOKENS), fmt


def test_a_failing_report_becomes_a_notice_not_a_crash(fake_rooms, clock, monkeypatch) -> None:
    room = run_session(fake_rooms, clock, TOKENS)
    activity = room.registry.get("fake_notes")
    monkeypatch.setattr(activity, "report", lambda *a: 1 / 0)
    doc = build(room.state, room.registry, "en", clock())
    assert doc.sections[0].paragraphs == ["The report of this item could not be produced."]


@pytest.mark.parametrize(
    ("data", "count"),
    [
        ({"chart": {"kind": "bar", "labels": ["a", "b"], "series": [{"name": "n", "values": [1, 2]}]}}, 1),
        ({"chart": {"kind": "pie", "labels": ["a"], "series": [{"name": "n", "values": [1]}]}}, 0),
        ({"chart": {"kind": "bar", "labels": ["a", "b"], "series": [{"name": "n", "values": [1]}]}}, 0),
        ({"chart": {"kind": "bar", "labels": ["a"], "series": [{"name": "n", "values": [-1]}]}}, 0),
        ({"charts": [{"kind": "stacked", "labels": ["a"], "series": [{"name": "x", "values": [0]}]}] * 2}, 2),
        ({"chart": "nonsense"}, 0),
    ],
)
def test_charts_documented_shape_and_malformed_ones_skipped(data, count) -> None:
    found = charts.charts_of(data)
    assert len(found) == count
    for chart in found:
        drawn = charts.svg(chart)
        assert drawn.startswith("<svg") and drawn.endswith("</svg>")


def test_every_schema_field_is_documented() -> None:
    doc = (ROOT / "docs/open-data.md").read_text()
    names = set(SCHEMA["properties"])
    for definition in SCHEMA["$defs"].values():
        names |= set(definition.get("properties", {}))
    missing = sorted(n for n in names if f"`{n}`" not in doc and f"`{n}[]`" not in doc)
    assert missing == []
    assert set(SCHEMA["properties"]) == {"$schema", *Restitution.model_fields}
