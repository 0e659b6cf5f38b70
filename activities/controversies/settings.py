"""The controversy map's settings, as a plan gives them (`[agenda.settings]` of a `controversies`
item). Validated with pydantic; `parse_settings` turns a refusal into one sentence."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from facilitation.i18n import add, explain
from facilitation.text import clean_text

STATEMENT_MIN, STATEMENT_MAX = 3, 300
STATEMENTS_MAX = 30


class ControversiesSettings(BaseModel):
    """`statements`: the controversies to position on, one per line; `proposals`: phones may
    propose more (moderated, then added by the facilitator); `hide_until_closed`: the screen shows
    the map only once positions are closed (to avoid herding)."""

    model_config = ConfigDict(extra="forbid")
    statements: list[str] = Field(default_factory=list, max_length=STATEMENTS_MAX)
    proposals: bool = True
    hide_until_closed: bool = False

    @field_validator("statements", mode="before")
    @classmethod
    def _clean(cls, value: object) -> object:
        if not isinstance(value, list):
            return value
        cleaned = [clean_text(v) if isinstance(v, str) else v for v in value]
        for text in cleaned:
            if isinstance(text, str) and text and not STATEMENT_MIN <= len(text) <= STATEMENT_MAX:
                raise ValueError(f"each statement needs {STATEMENT_MIN} to {STATEMENT_MAX} characters")
        return [text for text in cleaned if text != ""]


class SettingsError(ValueError):
    def __init__(self, details: str) -> None:
        super().__init__(details)
        self.details = details


def parse_settings(raw: dict[str, Any]) -> ControversiesSettings:
    try:
        return ControversiesSettings.model_validate(raw)
    except ValidationError as exc:
        raise SettingsError(explain(exc)) from None


add(
    {
        "controversies.settings.statements": ("Énoncés de controverse", "Controversy statements"),
        "controversies.settings.statements.help": (
            "Un par ligne : chacun·e se positionne de « pas du tout » à « tout à fait d'accord » ; "
            "d'autres peuvent être tapés en direct.",
            "One per line: each person stands from “strongly disagree” to “strongly agree”; more can "
            "be typed live.",
        ),
        "controversies.settings.proposals": ("Propositions de la salle", "Proposals from the room"),
        "controversies.settings.proposals.help": (
            "Les téléphones peuvent proposer un énoncé ; relu, l'animation l'ajoute à la carte.",
            "Phones may propose a statement; once reviewed, the facilitator adds it to the map.",
        ),
        "controversies.settings.hide_until_closed": (
            "Carte masquée pendant le vote",
            "Map hidden while voting",
        ),
        "controversies.settings.hide_until_closed.help": (
            "L'écran n'affiche la carte qu'une fois les positions closes.",
            "The screen shows the map only once positions are closed.",
        ),
    }
)
