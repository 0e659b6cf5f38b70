"""The idea workshop's settings, as a plan gives them (`[agenda.settings]` of an `ideas` item).

Validated with pydantic; `parse_settings` turns a refusal into one sentence naming each bad field.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from facilitation.i18n import add, explain
from facilitation.text import clean_text

IDEA_MIN, IDEA_MAX = 3, 280
PROMPT_MAX = 300
DOTS_MAX = 10


class IdeasSettings(BaseModel):
    """`prompt`: the question the room answers with ideas; `dots`: how many dots each person
    spreads over ideas or clusters in the vote; `ideas`: ideas to start from (the first tracks of
    a restitution), one per line."""

    model_config = ConfigDict(extra="forbid")
    prompt: str = Field(default="", max_length=PROMPT_MAX)
    dots: int = Field(default=3, ge=1, le=DOTS_MAX)
    ideas: list[str] = Field(default_factory=list, max_length=100)

    @field_validator("prompt", mode="before")
    @classmethod
    def _clean_prompt(cls, value: object) -> object:
        return clean_text(value) if isinstance(value, str) else value

    @field_validator("ideas", mode="before")
    @classmethod
    def _clean_ideas(cls, value: object) -> object:
        if not isinstance(value, list):
            return value
        cleaned = [clean_text(v) if isinstance(v, str) else v for v in value]
        for text in cleaned:
            if isinstance(text, str) and not IDEA_MIN <= len(text) <= IDEA_MAX:
                raise ValueError(f"each idea needs {IDEA_MIN} to {IDEA_MAX} characters")
        return [text for text in cleaned if text != ""]


class SettingsError(ValueError):
    """Settings the workshop cannot run with; `details` names each bad field."""

    def __init__(self, details: str) -> None:
        super().__init__(details)
        self.details = details


def parse_settings(raw: dict[str, Any]) -> IdeasSettings:
    try:
        return IdeasSettings.model_validate(raw)
    except ValidationError as exc:
        raise SettingsError(explain(exc)) from None


add(
    {
        "ideas.settings.prompt": ("Question", "Question"),
        "ideas.settings.prompt.help": (
            "Ce à quoi la salle répond par des idées, affiché à l'écran et sur les téléphones.",
            "What the room answers with ideas, shown on the screen and the phones.",
        ),
        "ideas.settings.dots": ("Points par personne", "Dots per person"),
        "ideas.settings.dots.help": (
            "Chacun·e les répartit sur les idées ou les regroupements, et peut les déplacer jusqu'à la "
            "clôture du vote.",
            "Each person spreads them over ideas or clusters, and may move them until the vote closes.",
        ),
        "ideas.settings.ideas": ("Idées de départ", "Starting ideas"),
        "ideas.settings.ideas.help": (
            "Une par ligne (les premières pistes d'une restitution, par exemple) ; la salle en ajoute.",
            "One per line (the first tracks of a restitution, say); the room adds more.",
        ),
    }
)
