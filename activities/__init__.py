"""Cercle's activities. Registering one is one line in `all_activities`."""

from __future__ import annotations

from typing import Any

from facilitation.activity import Activity, Registry


def all_activities() -> list[Activity[Any]]:
    """Every activity shipped with Cercle (imported here so that pure tests need no UI)."""
    from activities.controversies.activity import ACTIVITY as controversies
    from activities.debat_mouvant.activity import ACTIVITY as debat_mouvant
    from activities.ideas.activity import ACTIVITY as ideas
    from activities.propulsion.activity import ACTIVITY as propulsion
    from activities.speaking_turns.activity import ACTIVITY as speaking_turns
    from activities.world_cafe.activity import ACTIVITY as world_cafe

    return [debat_mouvant, world_cafe, speaking_turns, ideas, controversies, propulsion]


def register_all(registry: Registry) -> None:
    for activity in all_activities():
        registry.register(activity)
