"""What people typed cannot become code in an export: the Markdown rendered by two common Markdown
libraries keeps no tag, handler or `javascript:` link from it, the HTML escapes it, the CSV cannot
be run by a spreadsheet, the JSON carries it as it was."""

from __future__ import annotations

import csv
import io
import json

import markdown2
import pytest

from facilitation.report import Table
from facilitation.restitution import opendata, render_html, render_md
from facilitation.restitution.model import AgendaEntry, Comment, ModerationEntry, Restitution, Section
from tests.injection import LONG_WORD, PAYLOADS, Markup, render_markdown

P = PAYLOADS


def every_field_holds_a_payload() -> Restitution:
    """A restitution with a payload in every text a person can reach (uncleaned, as if the door
    had let it through: the renderers must hold on their own)."""
    return Restitution(
        code="ABCDEF",
        title=P[0],
        date="2026-03-12",
        licence="Licence Ouverte / Etalab 2.0",
        status="closed",
        generated_at="2026-03-12T21:00:00+01:00",
        agenda=[
            AgendaEntry(
                index=0, title=P[1], kind="debat_mouvant", kind_label="Débat mouvant", planned_minutes=20
            )
        ],
        sections=[
            Section(
                item=0,
                item_title=P[2],
                kind="debat_mouvant",
                title=P[3],
                paragraphs=[f"Énoncé 1 — {P[4]}", P[5], "# titre\n> citation\n- liste\n1. un"],
                tables=[Table(title=P[6], columns=[P[7], "Total"], rows=[[P[8], -3], [P[9], 2.5]])],
                lists={P[10]: [*P, "1. pas une liste", "- pas une puce", "&lt;script&gt; &amp;"]},
                data={
                    "chart": {
                        "kind": "bar",
                        "title": P[3],
                        "labels": [P[4], P[5]],
                        "series": [{"name": P[1], "values": [1, 2]}],
                    }
                },
            )
        ],
        comments=[
            Comment(id=1, at="2026-03-13T09:00:00+01:00", text="\n".join(P)),
            Comment(id=2, at="2026-03-13T09:05:00+01:00", text="", hidden=True, reason=P[4]),
        ],
        moderation=[
            ModerationEntry(
                at="2026-03-13T09:06:00+01:00",
                target="free_text",
                target_id="0:1.2",
                action="edit",
                reason=P[0],
                place=P[3],
            )
        ],
    )


RENDERERS = {
    "markdown-it": render_markdown,
    "markdown2": lambda md: markdown2.markdown(md, extras=["tables"]),
}


@pytest.fixture(scope="module")
def doc() -> Restitution:
    return every_field_holds_a_payload()


@pytest.mark.parametrize("name", RENDERERS)
def test_markdown_rendered_keeps_no_tag_handler_or_javascript_link(doc, name) -> None:
    html = RENDERERS[name](render_md.render(doc))
    markup = Markup(html)
    assert markup.dangers() == []
    assert "<script" not in html.lower() and "javascript:" not in "".join(html.split()).lower().replace(
        "(javascript:", ""
    )
    assert not any(tag == "a" for tag, _ in markup.tags)  # nobody's text drew a link
    for payload in P:
        assert payload in markup.text or " ".join(payload.split()) in markup.text, payload


def test_markdown_escapes_keep_the_text_readable(doc) -> None:
    md = render_md.render(doc)
    assert "&lt;script>window.\\_\\_xss=1&lt;/script>balise script" in md
    assert "\\[lien\\](javascript:window.\\_\\_xss=1)" in md
    assert '"&amp;A1;"' in md  # would have been an entity
    assert "- 1\\. pas une liste" in md and "- \\- pas une puce" in md
    assert "\\# titre" in md and "\\> citation" in md
    assert f"- {LONG_WORD}" in md
    assert "| \\@SUM(1+9)\\*cmd\\|' /C calc'!A0 | -3 |" not in md  # an @ needs no escape in a cell
    assert "| @SUM(1+9)\\*cmd\\|' /C calc'!A0 | -3 |" in md


def test_markdown_structure_is_not_broken_by_the_text(doc) -> None:
    html = render_markdown(render_md.render(doc))
    markup = Markup(html)
    headings = [tag for tag, _ in markup.tags if tag in ("h1", "h2", "h3")]
    assert headings.count("h1") == 1
    assert [tag for tag, _ in markup.tags].count("table") == 4  # agenda, chart, table, moderation
    assert html.count("<blockquote>") == 1 + 2  # the Chatham notice and the two comments


def test_html_export_escapes_every_payload(doc) -> None:
    page = render_html.render(doc)
    markup = Markup(page)
    assert markup.dangers() == []
    for payload in P:
        assert " ".join(payload.split()) in markup.text, payload


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ('=HYPERLINK("https://example.org")', '\'=HYPERLINK("https://example.org")'),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(1+9)", "'@SUM(1+9)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("-3", "-3"),
        ("+2,5", "+2,5"),
        ("-", "'-"),
        ("Une idée = une voix", "Une idée = une voix"),
        ("", ""),
    ],
)
def test_csv_neutralises_cells_a_spreadsheet_would_run(cell, written) -> None:
    assert opendata.neutralise(cell) == written


def test_csv_export_has_no_runnable_cell_and_numbers_stay_numbers(doc) -> None:
    rows = list(csv.reader(io.StringIO(opendata.to_csv(doc))))
    cells = [value for row in rows[1:] for value in row]
    runnable = [
        c for c in cells if c.startswith(opendata.FORMULA_START) and not opendata.PLAIN_NUMBER.fullmatch(c)
    ]
    assert runnable == []
    assert "'" + P[6] in cells and "'" + P[7] in cells and "'" + P[8] in cells
    table = [r for r in rows if r[0] == "table"]
    assert ["table", "0", P[3], "'" + P[6], "0", "Total", "-3"] in table  # a negative count stays a number
    assert ["table", "0", P[3], "'" + P[6], "1", "Total", "2.5"] in table


def test_json_carries_the_texts_as_they_were(doc) -> None:
    data = json.loads(opendata.to_json(doc))
    assert data["title"] == P[0]
    assert data["sections"][0]["lists"][P[10]][: len(P)] == P
    assert data["comments"][0]["text"].split("\n") == P
