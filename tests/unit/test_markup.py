"""The views put text into HTML one way only: `facilitation.ui.markup.esc`, then `ui.html` with
NiceGUI's sanitising on. Checked on the escaping itself and on the source tree."""

from __future__ import annotations

import re

import pytest

from facilitation.ui.markup import esc
from tests.injection import PAYLOADS, Markup
from tests.unit.test_docs_and_boundaries import ROOT, python_files

UI_FOLDERS = ("facilitation/ui", "activities")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_escaped_text_stays_text_between_tags_and_in_attributes(payload) -> None:
    html = f'<div class="x" data-text="{esc(payload)}">{esc(payload)}</div>'
    markup = Markup(html)
    assert [tag for tag, _ in markup.tags] == ["div"]
    assert markup.tags[0][1] == {"class": "x", "data-text": payload}
    assert markup.text == " ".join(payload.split())


def test_esc_leaves_apostrophes_and_accents_readable() -> None:
    assert esc("L'État & « vous » <b>") == "L'État &amp; « vous » &lt;b&gt;"
    assert esc(None) == "" and esc(3) == "3"


def ui_sources() -> list[tuple[str, str]]:
    return [
        (str(p.relative_to(ROOT)), p.read_text(encoding="utf-8"))
        for p in python_files(*UI_FOLDERS) + [ROOT / "main.py"]
    ]


def test_no_view_turns_sanitising_off() -> None:
    offenders = [name for name, source in ui_sources() if re.search(r"sanitize\s*=\s*False", source)]
    assert offenders == []


def test_views_escape_with_the_one_helper() -> None:
    pattern = re.compile(r"^\s*(from html import|import html\b)|html\.escape\(", re.MULTILINE)
    offenders = [
        name for name, source in ui_sources() if pattern.search(source) and not name.endswith("ui/markup.py")
    ]
    assert offenders == []
