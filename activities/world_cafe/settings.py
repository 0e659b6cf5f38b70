"""The world café's settings, as a plan gives them (`[agenda.settings]` of a `world_cafe` item).

Validated with pydantic; `parse_settings` turns a refusal into one sentence naming each bad field.
"""

from __future__ import annotations

import math
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from facilitation.i18n import Text, TextBounds, add, explain

Contribution = Literal["actors", "ideas"]


class Theme(BaseModel):
    """A table: its theme, and whether a host stays at it while groups rotate.

    The host is a role, never a name: under the Chatham House rule nobody is named in what
    Cercle stores, so hosts introduce themselves in the room. A name given in a plan is read as
    "hosted" and not kept.
    """

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    title: Annotated[Text, TextBounds(1, 200)]  # in one language, or both (`i18n.Text`)
    host: bool = False

    @field_validator("host", mode="before")
    @classmethod
    def _role_not_name(cls, value: object) -> bool:
        if isinstance(value, str):
            return bool(value.strip())
        return bool(value)


class CafeSettings(BaseModel):
    """`themes`: the tables; `group_size` (people per group) unless `groups` fixes their number;
    `mix`: room and remote people may share a group (by default they never do);
    `rotation_minutes`; `rotations` (one per table when not given); `pause_minutes` between two
    rotations; `target`: contributions wanted per table; `contribution`: what phones offer first
    ("actors" or "ideas"; both kinds are always accepted)."""

    model_config = ConfigDict(extra="forbid")
    themes: list[Theme] = Field(default_factory=list, max_length=26)
    group_size: int = Field(default=10, ge=2, le=100)
    groups: int | None = Field(default=None, ge=1, le=100)
    rotation_minutes: float = Field(default=10, gt=0, le=180)
    rotations: int | None = Field(default=None, ge=1, le=52)
    pause_minutes: float = Field(default=0, ge=0, le=60)
    target: int = Field(default=15, ge=1, le=1000)
    contribution: Contribution = "actors"
    mix: bool = False  # room and remote people in the same groups (never, unless chosen)

    @property
    def rotation_count(self) -> int:
        return self.rotations or max(1, len(self.themes))

    @property
    def rotation_seconds(self) -> float:
        return self.rotation_minutes * 60

    @property
    def pause_seconds(self) -> float:
        return self.pause_minutes * 60

    def group_count(self, people: int, remote: int = 0) -> int:
        """How many groups for `people` participants, `remote` of them remote: `groups` if set
        (late arrivals fill the empty ones, smallest first), else groups of `group_size` (at
        least one). Unless `mix`, room and remote people form groups of their own: a remote
        group may be smaller, and there are at least as many groups as kinds of people."""
        kinds = (people > remote) + (remote > 0)
        if self.groups is not None:
            return self.groups if self.mix else max(self.groups, kinds)
        if self.mix or not remote:
            return max(1, math.ceil(people / self.group_size))
        return math.ceil((people - remote) / self.group_size) + math.ceil(remote / self.group_size)


class SettingsError(ValueError):
    """Settings a plan or the console gave that the café cannot run with; `details` names fields."""

    def __init__(self, details: str) -> None:
        super().__init__(details)
        self.details = details


def parse_settings(raw: dict[str, Any]) -> CafeSettings:
    try:
        return CafeSettings.model_validate(raw)
    except ValidationError as exc:
        raise SettingsError(explain(exc)) from None


# The settings form's documentation (`facilitation/forms.py`): a label and one line per field.
add(
    {
        "world_cafe.settings.themes": ("Tables", "Tables"),
        "world_cafe.settings.themes.help": (
            "Un thème par table ; chaque groupe passe une fois à chacune.",
            "One theme per table; each group visits each one once.",
        ),
        "world_cafe.settings.themes.title": ("Thème", "Theme"),
        "world_cafe.settings.themes.title.help": ("Ce dont la table parle.", "What the table talks about."),
        "world_cafe.settings.themes.host": ("Hôte de table", "Table host"),
        "world_cafe.settings.themes.host.help": (
            "Une personne reste à la table (jamais nommée).",
            "Someone stays at the table (never named).",
        ),
        "world_cafe.settings.group_size": ("Personnes par groupe", "People per group"),
        "world_cafe.settings.group_size.help": (
            "Le nombre de groupes en découle, sauf s'il est fixé.",
            "The number of groups follows, unless it is set.",
        ),
        "world_cafe.settings.groups": ("Nombre de groupes", "Number of groups"),
        "world_cafe.settings.groups.help": (
            "Vide : selon la taille des groupes.",
            "Empty: from the size of the groups.",
        ),
        "world_cafe.settings.rotation_minutes": ("Minutes par rotation", "Minutes per rotation"),
        "world_cafe.settings.rotation_minutes.help": (
            "Le temps passé à chaque table.",
            "The time spent at each table.",
        ),
        "world_cafe.settings.rotations": ("Rotations", "Rotations"),
        "world_cafe.settings.rotations.help": (
            "Vide : une par table.",
            "Empty: one per table.",
        ),
        "world_cafe.settings.pause_minutes": ("Pause entre rotations (min)", "Break between rotations (min)"),
        "world_cafe.settings.pause_minutes.help": (
            "Le temps de changer de table.",
            "The time to change tables.",
        ),
        "world_cafe.settings.target": ("Contributions visées par table", "Contributions wanted per table"),
        "world_cafe.settings.target.help": (
            "La jauge de chaque table se remplit vers ce nombre.",
            "Each table's gauge fills up toward this number.",
        ),
        "world_cafe.settings.contribution": ("Contributions proposées", "Contributions offered"),
        "world_cafe.settings.contribution.help": (
            "Ce que les téléphones proposent d'abord ; les deux restent possibles.",
            "What phones offer first; both remain possible.",
        ),
        "world_cafe.settings.mix": ("Mélanger salle et distance", "Mix room and remote"),
        "world_cafe.settings.mix.help": (
            "Sinon, les personnes à distance forment leurs propres groupes, à des tables virtuelles.",
            "Otherwise remote attendees form groups of their own, at virtual tables.",
        ),
        "world_cafe.settings.contribution.actors": ("Acteurs", "Actors"),
        "world_cafe.settings.contribution.ideas": ("Idées", "Ideas"),
    }
)
