"""What an activity contributes to the restitution: neutral data, rendered by the core."""

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
