"""The life of a free text: submitted, cleaned, checked for personal data, then shown at once or
held for the facilitator, who approves it (as it is or edited) or hides it. Pure: the policy, the
screened text a command receives, and the rule that decides what is held; no I/O, no UI.

Only shown texts reach a screen, other phones, the public page and the exports. A held text is
seen by its author (on the page that sent it) and by the console's moderation queue.

A command that stores a participant's free text takes a `Screened`, never a bare string: the
page awaits `screen(text, lang)` first (the check runs off the event loop, `detector.screening`),
so that the rule here can decide with the detector's findings. A text built without a check
(`Screened.unchecked`) is held whatever the policy says, unless the facilitator wrote it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict

from .commands import CommandContext, command
from .events import Event, event
from .i18n import RuleViolation, add, t
from .text import clean_text

if TYPE_CHECKING:
    from .session import SessionState

Policy = Literal["show", "hold_personal", "hold_all"]
POLICIES: tuple[Policy, ...] = ("show", "hold_personal", "hold_all")
DEFAULT_POLICY: Policy = "hold_personal"
Reason = Literal["", "personal", "unchecked", "all"]
QUEUE_TOPIC = "moderation"  # the console's queue: a text was held, approved or hidden


class Span(BaseModel):
    """Where a text looks personal: a kind ("name", "email", …) and character offsets."""

    model_config = ConfigDict(frozen=True)
    kind: str
    start: int
    end: int


class Screened(BaseModel):
    """A participant's free text as a command receives it: cleaned at the door, and what the
    detector found in it (`checked` False: it was not checked, or the check did not complete)."""

    model_config = ConfigDict(frozen=True)
    text: str
    spans: tuple[Span, ...] = ()
    checked: bool = True

    @classmethod
    def unchecked(cls, text: str, *, multiline: bool = False) -> Screened:
        """A text nobody checked (the facilitator's own, or a test's): held if a participant sent it."""
        return cls(text=clean_text(text, multiline=multiline), checked=False)


def held_reason(policy: Policy, screened: Screened, *, by_host: bool) -> Reason:
    """Why a text is held ("" when it is shown at once). The facilitator's own texts are theirs to
    vet: never held."""
    if by_host or policy == "show":
        return ""
    if policy == "hold_all":
        return "all"
    if not screened.checked:
        return "unchecked"
    return "personal" if screened.spans else ""


def flag_text(spans: tuple[Span, ...] | list[Span], lang: str) -> str:
    """What the detector found in a text, by kind only ("nom de personne ?"), never the matched
    words: a hint that may be shown beside a text on any view ("" when nothing was found)."""
    kinds = sorted({s.kind for s in spans})
    return ", ".join(
        t(f"moderation.flag.{k}", lang) if k in FLAG_KINDS else t("moderation.flag.other", lang)
        for k in kinds
    )


FLAG_KINDS = ("name", "email", "phone", "address", "handle")


# --- the session's policy -------------------------------------------------------------------------


@event
class ModerationPolicySet(Event):
    """The facilitator chose what happens to participants' free texts (and restitution comments):
    "show" at once, "hold_personal" (what looks personal), or "hold_all"."""

    type = "session.moderation_policy_set"
    policy: Policy
    at: float


@command("host")
def set_policy(state: SessionState, cc: CommandContext, policy: str) -> list[Event]:
    if policy not in POLICIES:
        raise RuleViolation("moderation.error.policy")
    if state.moderation_policy == policy:
        return []
    return [ModerationPolicySet(policy=policy, at=cc.now)]


add(
    {
        "moderation.error.policy": (
            "Politique de modération inconnue : choisissez « afficher », « retenir ce qui semble "
            "personnel » ou « tout retenir ».",
            "Unknown moderation policy: choose show, hold what looks personal, or hold everything.",
        ),
        "moderation.error.not_held": (
            "Ce texte n'attend plus de relecture.",
            "This text is no longer waiting for review.",
        ),
        "moderation.policy.show": ("Afficher aussitôt", "Show at once"),
        "moderation.policy.hold_personal": ("Retenir ce qui semble personnel", "Hold what looks personal"),
        "moderation.policy.hold_all": ("Tout retenir pour relecture", "Hold everything for review"),
        "moderation.flag.name": ("nom de personne ?", "a person's name?"),
        "moderation.flag.email": ("adresse e-mail ?", "e-mail address?"),
        "moderation.flag.phone": ("numéro de téléphone ?", "phone number?"),
        "moderation.flag.address": ("adresse postale ?", "postal address?"),
        "moderation.flag.handle": ("pseudonyme ?", "handle?"),
        "moderation.flag.other": ("donnée personnelle ?", "personal data?"),
        "moderation.reason.personal": (
            "il semble contenir une donnée personnelle (un nom, une adresse, un numéro…)",
            "it seems to hold personal data (a name, an address, a number…)",
        ),
        "moderation.reason.unchecked": (
            "il n'a pas pu être vérifié automatiquement",
            "it could not be checked automatically",
        ),
        "moderation.reason.all": (
            "l'animation relit chaque texte avant de l'afficher",
            "the facilitator reads every text before it is shown",
        ),
    }
)
