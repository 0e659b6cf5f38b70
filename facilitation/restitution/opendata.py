"""Open data: the restitution as JSON and as CSV (schema in docs/open-data.md).

The CSV is opened in spreadsheets, where a cell that starts with `=`, `+`, `-`, `@`, a tab or a
carriage return is read as a formula (OWASP's "CSV injection"): such a text cell is written with
a leading apostrophe (`'=HYPERLINK(…)`), which a spreadsheet shows as text. Numbers stay numbers
(a negative count, `-3`, is written as it is), and so does a text that is only a plain decimal
number, which no spreadsheet can read as a formula.
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

from .charts import charts_of
from .model import SCHEMA_ID, Restitution

CSV_COLUMNS = ("record", "item", "section", "table", "row", "column", "value")
META_FIELDS = (
    "schema_version",
    "code",
    "title",
    "date",
    "lang",
    "licence",
    "status",
    "generated_at",
    "started_at",
    "closed_at",
)
AGENDA_FIELDS = (
    "title",
    "kind",
    "kind_label",
    "planned_minutes",
    "planned_start",
    "actual_start",
    "actual_end",
    "actual_minutes",
)


def to_json(doc: Restitution) -> str:
    data: dict[str, Any] = {"$schema": SCHEMA_ID, **doc.model_dump(mode="json")}
    return json.dumps(whole(data), ensure_ascii=False, indent=2)


def whole(value: Any) -> Any:
    """`value` with every whole float written as an integer (7.0 is 7), at any depth."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: whole(v) for k, v in value.items()}
    if isinstance(value, list):
        return [whole(v) for v in value]
    return value


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


def neutralise(text: str) -> str:
    """A text cell that a spreadsheet cannot run: `'` before a leading `=`, `+`, `-`, `@`, tab or
    carriage return, unless the text is only a decimal number."""
    if text.startswith(FORMULA_START) and not PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def _value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, dict | list):
        return neutralise(json.dumps(value, ensure_ascii=False))
    return neutralise(str(value))


def records(doc: Restitution) -> list[tuple[Any, ...]]:
    """The long-format rows: (record, item, section, table, row, column, value)."""
    rows: list[tuple[Any, ...]] = []
    meta = doc.model_dump(mode="json")
    rows += [("meta", "", "", "", "", key, meta[key]) for key in META_FIELDS]
    p = doc.participants
    rows += [("participants", "", "", "", "", key, getattr(p, key)) for key in ("total", "room", "remote")]
    rows += [("participants", "", "", "", "", f"category:{c}", n) for c, n in p.categories.items()]
    rows += [("participants", "", "", "", "", f"college:{c}", n) for c, n in (p.colleges or {}).items()]
    for e in doc.agenda:
        rows += [("agenda", e.index, "", "", e.index, key, getattr(e, key)) for key in AGENDA_FIELDS]
    for s in doc.sections:
        head = ("section", s.item, s.title)
        rows.append((*head, "", "", "kind", s.kind))
        rows += [("paragraph", s.item, s.title, "", i, "text", text) for i, text in enumerate(s.paragraphs)]
        for tab in s.tables:
            for r, row in enumerate(tab.rows):
                rows += [
                    ("table", s.item, s.title, tab.title, r, column, value)
                    for column, value in zip(tab.columns, row, strict=False)
                ]
        for name, items in s.lists.items():
            rows += [("list", s.item, s.title, name, i, "text", item) for i, item in enumerate(items)]
        for chart in charts_of(s.data):
            for i, label in enumerate(chart.labels):
                rows += [
                    ("chart", s.item, s.title, chart.title, label, series.name, series.values[i])
                    for series in chart.series
                ]
    for c in doc.comments:
        rows += [
            ("comment", "", "", "", c.id, key, getattr(c, key)) for key in ("at", "text", "hidden", "reason")
        ]
    for i, m in enumerate(doc.moderation):
        rows += [
            ("moderation", "", "", "", i, key, getattr(m, key))
            for key in ("at", "target", "target_id", "action", "reason", "place")
            + (("held", "findings") if m.target == "record" else ())
        ]
    return rows


def to_csv(doc: Restitution) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in records(doc):
        writer.writerow([_value(v) for v in row])
    return out.getvalue()
