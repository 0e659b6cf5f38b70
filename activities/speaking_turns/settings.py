"""The settings of a `speaking_turns` agenda item, as a plan gives them (`[agenda.settings]`).

- `order`: "fifo" (first come, first served) or "parity" (points of order, then people who have
  not spoken yet, then the category furthest below its share of those present, alternating room
  and remote). The console can change it during the discussion.
- `turn_limit_seconds`: an optional limit per turn (10 s to 1 hour); the timer changes colour
  30 s before it and past it. Nothing is cut off.

Validated with pydantic; `parse_settings` turns a refusal into one sentence naming each bad field.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from facilitation.i18n import add, explain

Order = Literal["fifo", "parity"]
ORDERS: tuple[Order, ...] = ("fifo", "parity")
LIMIT_MIN = 10
LIMIT_MAX = 3600


class TurnSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    order: Order = "parity"
    turn_limit_seconds: int | None = Field(default=None, ge=LIMIT_MIN, le=LIMIT_MAX)


class SettingsError(ValueError):
    """Settings the speaking turns cannot run with; `details` names each bad field."""

    def __init__(self, details: str) -> None:
        super().__init__(details)
        self.details = details


def parse_settings(raw: dict[str, Any]) -> TurnSettings:
    try:
        return TurnSettings.model_validate(raw)
    except ValidationError as exc:
        raise SettingsError(explain(exc)) from None


# The settings form's documentation (`facilitation/forms.py`): a label and one line per field.
add(
    {
        "speaking_turns.settings.order": ("Ordre de parole", "Speaking order"),
        "speaking_turns.settings.order.help": (
            "Par ordre d'arrivée, ou paritaire (premières prises de parole, catégories, salle et distance).",
            "First come, or parity-aware (first-time speakers, categories, room and remote).",
        ),
        "speaking_turns.settings.order.fifo": ("Ordre d'arrivée", "First come, first served"),
        "speaking_turns.settings.order.parity": ("Paritaire", "Parity-aware"),
        "speaking_turns.settings.turn_limit_seconds": ("Limite par tour (s)", "Limit per turn (s)"),
        "speaking_turns.settings.turn_limit_seconds.help": (
            "Vide : pas de limite ; le minuteur change de couleur, rien n'est coupé.",
            "Empty: no limit; the timer changes colour, nothing is cut off.",
        ),
    }
)
