"""Forum plans: TOML files under `sessions/` (title, date, charter, licence, agenda)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError

from .i18n import RuleViolation
from .moderation import DEFAULT_POLICY, Policy
from .session import AgendaItem

PLANS_DIR = Path(__file__).resolve().parent.parent / "sessions"
DEFAULT_LICENCE = "Licence Ouverte / Etalab 2.0"


class Plan(BaseModel):
    name: str
    title: str = Field(min_length=1, max_length=200)
    date: str = ""
    description: str = ""
    charter: str = ""
    licence: str = DEFAULT_LICENCE
    publish: bool = False
    moderation: Policy = DEFAULT_POLICY  # "show", "hold_personal" or "hold_all": free texts
    agenda: list[AgendaItem] = Field(default_factory=list)


class PlanError(ValueError):
    pass


def parse_plan(name: str, text: str) -> Plan:
    """A plan from its TOML text; `duration` (minutes) in the file is `duration_min` here."""
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PlanError(f"{name}: {exc}") from exc
    agenda = []
    for raw in data.get("agenda", []):
        item = dict(raw)
        if "duration" in item:
            item["duration_min"] = item.pop("duration")
        agenda.append(item)
    data["agenda"] = agenda
    try:
        return Plan(name=name, **data)
    except ValidationError as exc:
        raise PlanError(f"{name}: {exc}") from exc


def list_plans(directory: Path = PLANS_DIR) -> list[Plan]:
    return [
        parse_plan(path.stem, path.read_text(encoding="utf-8")) for path in sorted(directory.glob("*.toml"))
    ]


def load_plan(name: str, directory: Path = PLANS_DIR) -> Plan:
    path = directory / f"{name}.toml"
    if not name.replace("-", "").replace("_", "").isalnum() or not path.is_file():
        raise RuleViolation("error.unknown_plan", plan=name)
    return parse_plan(name, path.read_text(encoding="utf-8"))
