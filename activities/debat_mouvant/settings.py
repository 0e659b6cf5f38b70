"""The débat mouvant's settings, as a plan gives them (`[agenda.settings]` of a `debat_mouvant` item),
and the statements the facilitator types live.

Validated with pydantic; `parse_settings` and `parse_statement` turn a refusal into one sentence
naming each bad field.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from facilitation.i18n import Text, TextBounds, add, explain

Form = Literal["dilemma", "scale"]
Side = Literal["a", "b"]
SIDES: tuple[Side, ...] = ("a", "b")
PROMPT_MAX = 500
CHOICE_MAX = 300
LABEL_MAX = 60
SCALE_POINTS = 5
HESITANT = "hesitant"


class Statement(BaseModel):
    """A statement read aloud. `form` "dilemma": choose `a` or `b` (and a middle `hesitant`
    position if set); `form` "scale": five points from agreeing fully to disagreeing fully,
    `labels` replacing the default words if given (exactly five, from agree to disagree). Every
    text may be given in both languages (`i18n.Text`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    form: Form = "dilemma"
    prompt: Annotated[Text, TextBounds(1, PROMPT_MAX)]
    a: Annotated[Text, TextBounds(0, CHOICE_MAX)] = Text()
    b: Annotated[Text, TextBounds(0, CHOICE_MAX)] = Text()
    hesitant: bool = False
    labels: list[Annotated[Text, TextBounds(1, LABEL_MAX)]] | None = None

    @model_validator(mode="after")
    def _complete(self) -> Statement:
        if self.form == "dilemma" and not (self.a and self.b):
            raise ValueError("a dilemma needs both choices, a and b")
        if self.labels is not None and len(self.labels) != SCALE_POINTS:
            raise ValueError(f"labels must hold exactly {SCALE_POINTS} texts, from agree to disagree")
        return self

    def positions(self) -> list[str]:
        """The positions, in the room's order from one wall to the other."""
        if self.form == "scale":
            return [str(i) for i in range(1, SCALE_POINTS + 1)]
        return ["a", HESITANT, "b"] if self.hesitant else ["a", "b"]

    def side_of(self, position: str) -> Side | None:
        """Which side a position leans to (None for the middle)."""
        if self.form == "scale":
            point = int(position)
            return "a" if point < 3 else "b" if point > 3 else None
        return None if position == HESITANT else position  # type: ignore[return-value]


class DebatSettings(BaseModel):
    """`statements`: the statements, in order; `hide_results_until_closed`: the starting value of
    each statement's option to keep the distribution off the screen while a round is open."""

    model_config = ConfigDict(extra="forbid")
    hide_results_until_closed: bool = False
    statements: list[Statement] = Field(default_factory=list, max_length=50)


class SettingsError(ValueError):
    """Settings that the débat mouvant cannot run with; `details` names each bad field."""

    def __init__(self, details: str) -> None:
        super().__init__(details)
        self.details = details


def parse_settings(raw: dict[str, Any]) -> DebatSettings:
    try:
        return DebatSettings.model_validate(raw)
    except ValidationError as exc:
        raise SettingsError(explain(exc)) from None


def parse_statement(raw: dict[str, Any]) -> Statement:
    try:
        return Statement.model_validate(raw)
    except ValidationError as exc:
        raise SettingsError(explain(exc)) from None


# The settings form's documentation (`facilitation/forms.py`): a label and one line per field.
add(
    {
        "debat_mouvant.settings.hide_results_until_closed": (
            "Masquer les résultats pendant le vote",
            "Hide results while voting",
        ),
        "debat_mouvant.settings.hide_results_until_closed.help": (
            "L'écran n'affiche la répartition qu'une fois le tour clos.",
            "The screen shows the distribution only once the round is closed.",
        ),
        "debat_mouvant.settings.statements": ("Énoncés", "Statements"),
        "debat_mouvant.settings.statements.help": (
            "Lus l'un après l'autre ; d'autres peuvent être tapés en direct.",
            "Read one after another; more can be typed live.",
        ),
        "debat_mouvant.settings.statements.form": ("Forme", "Form"),
        "debat_mouvant.settings.statements.form.help": (
            "Un dilemme (A ou B) ou une échelle d'accord en cinq points.",
            "A dilemma (A or B) or a five-point scale of agreement.",
        ),
        "debat_mouvant.settings.statements.form.dilemma": ("Dilemme A ou B", "Dilemma A or B"),
        "debat_mouvant.settings.statements.form.scale": ("Échelle d'accord", "Scale of agreement"),
        "debat_mouvant.settings.statements.prompt": ("Énoncé", "Statement"),
        "debat_mouvant.settings.statements.prompt.help": (
            "La phrase lue à la salle et affichée à l'écran.",
            "The sentence read to the room and shown on the screen.",
        ),
        "debat_mouvant.settings.statements.a": ("Choix A", "Choice A"),
        "debat_mouvant.settings.statements.a.help": (
            "Obligatoire pour un dilemme : le premier côté de la salle.",
            "Required for a dilemma: the first side of the room.",
        ),
        "debat_mouvant.settings.statements.b": ("Choix B", "Choice B"),
        "debat_mouvant.settings.statements.b.help": (
            "Obligatoire pour un dilemme : l'autre côté de la salle.",
            "Required for a dilemma: the other side of the room.",
        ),
        "debat_mouvant.settings.statements.hesitant": ("Position « hésitant »", "“Hesitant” position"),
        "debat_mouvant.settings.statements.hesitant.help": (
            "Ajoute une position au milieu, pour un dilemme.",
            "Adds a position in the middle, for a dilemma.",
        ),
        "debat_mouvant.settings.statements.labels": ("Libellés de l'échelle", "Scale labels"),
        "debat_mouvant.settings.statements.labels.help": (
            "Vide, ou exactement cinq lignes, de « d'accord » à « pas d'accord ».",
            "Empty, or exactly five lines, from “agree” to “disagree”.",
        ),
    }
)
