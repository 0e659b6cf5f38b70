"""The propulsion board's settings, as a plan gives them (`[agenda.settings]` of a `propulsion`
item). Validated with pydantic; `parse_settings` turns a refusal into one sentence."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from facilitation.i18n import add, explain
from facilitation.text import clean_text

INTRO_MAX = 500

# The DITP's criteria of an engagement (guide to the 2021-2023 action plan), in its order.
CRITERIA: tuple[str, ...] = (
    "ambitious",
    "values",
    "new",
    "ministry",
    "civil_society",
    "durable",
    "measurable",
)


class PropulsionSettings(BaseModel):
    """`intro`: what the board is for, shown above it; `proposals`: phones may propose (moderated);
    `rate_criteria`: phones rate each engagement against the DITP's criteria."""

    model_config = ConfigDict(extra="forbid")
    intro: str = Field(default="", max_length=INTRO_MAX)
    proposals: bool = True
    rate_criteria: bool = True

    @field_validator("intro", mode="before")
    @classmethod
    def _clean(cls, value: object) -> object:
        return clean_text(value, multiline=True) if isinstance(value, str) else value


class SettingsError(ValueError):
    def __init__(self, details: str) -> None:
        super().__init__(details)
        self.details = details


def parse_settings(raw: dict[str, Any]) -> PropulsionSettings:
    try:
        return PropulsionSettings.model_validate(raw)
    except ValidationError as exc:
        raise SettingsError(explain(exc)) from None


add(
    {
        "propulsion.settings.intro": ("Introduction", "Introduction"),
        "propulsion.settings.intro.help": (
            "Ce que le tableau doit produire, affiché au-dessus de lui.",
            "What the board is to produce, shown above it.",
        ),
        "propulsion.settings.proposals": ("Propositions de la salle", "Proposals from the room"),
        "propulsion.settings.proposals.help": (
            "Les téléphones peuvent proposer une piste (relue comme tout texte libre).",
            "Phones may propose a track (reviewed like every free text).",
        ),
        "propulsion.settings.rate_criteria": ("Critères notés par la salle", "Criteria rated by the room"),
        "propulsion.settings.rate_criteria.help": (
            "Pour chaque engagement, les téléphones notent les critères de la DITP : rempli, en partie, non.",
            "For each engagement, phones rate the DITP's criteria: met, partly, not.",
        ),
    }
)
