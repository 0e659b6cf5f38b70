"""Every interface key the café uses is translated, in French and in English."""

from __future__ import annotations

import re
from pathlib import Path

import activities.world_cafe.state  # noqa: F401  (registers the texts and the events)
from activities.world_cafe.contributions import ACTOR_KINDS
from facilitation.events import registered_types
from facilitation.i18n import has, t

PACKAGE = Path(__file__).resolve().parents[2] / "activities" / "world_cafe"


def used_keys() -> set[str]:
    keys: set[str] = set()
    for path in PACKAGE.glob("*.py"):
        if path.name == "texts.py":
            continue
        keys |= set(re.findall(r"[\"'](world_cafe\.[a-z_.]+[a-z_])[\"']", path.read_text()))
    keys -= set(registered_types())  # event types, not texts
    keys |= {f"world_cafe.kind.{kind}" for kind in ACTOR_KINDS}
    keys |= {"world_cafe.error.empty_actor", "world_cafe.error.empty_idea"}
    return keys


def test_every_key_is_translated() -> None:
    keys = used_keys()
    assert len(keys) > 60
    missing = sorted(key for key in keys if not has(key))
    assert missing == []
    for key in keys:
        assert t(key, "fr") and t(key, "en") != key
