"""What an activity contributes to the restitution: neutral data, rendered by the core.

`ReportSection.data` holds the activity's own figures (exported as JSON). Charts drawn by the
core (inline SVG in HTML, tables in Markdown, rows in CSV) are asked for with this shape:

    data["chart"] = {"kind": "bar" | "stacked", "title": "...", "unit": "...",
                     "labels": ["row 1", "row 2"],
                     "series": [{"name": "A", "values": [3, 5]}, {"name": "B", "values": [4, 1]}]}
    data["charts"] = [chart, ...]  # several

One non-negative value per label in each series; "stacked" splits each row by series as shares
of its total (a dilemma's A / hesitant / B). See docs/open-data.md.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class Table(BaseModel):
    title: str
    columns: list[str]
    rows: list[list[Any]]


class ReportSection(BaseModel):
    """One activity's part of the restitution. Never holds a participant token or a name."""

    kind: str
    title: str
    paragraphs: list[str] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    lists: dict[str, list[str]] = Field(default_factory=dict)
    data: dict[str, Any] = Field(default_factory=dict)
