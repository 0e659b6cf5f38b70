"""Propulsion board events: past-tense facts, stored as JSON. Never rename one; add a new type.

Proposals are `p1`, `p2`…; an organisation of proposal `p1` is `p1.o1`…, its next step `p1.next`.
A promoted proposal copies its text and says where it came from (`source`: "item id:text id"),
never refers to it: what the workshop does later changes nothing here. Times are epoch seconds.
No event carries a collège: it is read from the participant when counting.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from facilitation.events import ActivityEvent, event
from facilitation.moderation import Span

Klass = Literal["engagement", "action", "initiative"]
Backing = Literal["support", "contribute"]
Rating = Literal["met", "partly", "not"]
Stage = Literal["open", "closed"]


@event
class ProposalAdded(ActivityEvent):
    """Proposal `proposal` joined the board: typed by the facilitator, sent by a phone (`held` by
    the moderation policy, with `held_reason` and `spans`), or promoted from a workshop (`source`,
    and `origin` as people read it: "Atelier d'idées, 12 points")."""

    type = "propulsion.proposal_added"
    proposal: str
    text: str
    by: Literal["facilitator", "phone", "promoted"]
    source: str = ""
    origin: str = ""
    held: bool = False
    held_reason: str = ""
    spans: list[Span] = Field(default_factory=list)
    at: float


@event
class ProposalModerated(ActivityEvent):
    """The facilitator hid or showed (`hidden`), corrected (`text`) or approved (`approved`) a
    proposal, its next step (`p1.next`) or one of its organisations (`p1.o1`): `target`."""

    type = "propulsion.proposal_moderated"
    target: str
    hidden: bool | None = None
    text: str | None = None
    approved: bool = False
    at: float


@event
class ProposalClassed(ActivityEvent):
    """The facilitator classed `proposal` as an engagement, an action attached to engagement
    `parent`, or an initiative (`klass` None: not classed)."""

    type = "propulsion.proposal_classed"
    proposal: str
    klass: Klass | None
    parent: str | None = None
    at: float


@event
class NextStepSet(ActivityEvent):
    """`proposal`'s next step (`text`) and its horizon (`horizon`: "2026-06" or "2026-06-30")."""

    type = "propulsion.next_step_set"
    proposal: str
    text: str
    horizon: str = ""
    at: float


@event
class OrganisationAdded(ActivityEvent):
    """`organisation` (`p1.o1`), an organisation expected to carry `proposal` (never a person:
    the name check holds or refuses one), `held` for review when a phone sent it."""

    type = "propulsion.organisation_added"
    proposal: str
    organisation: str
    name: str
    held: bool = False
    held_reason: str = ""
    spans: list[Span] = Field(default_factory=list)
    at: float

    @property
    def text(self) -> str:
        """The name, as a phone's list of its held texts reads it."""
        return self.name


@event
class CriterionChecked(ActivityEvent):
    """The facilitator ticked (or unticked) criterion `criterion` of engagement `proposal`."""

    type = "propulsion.criterion_checked"
    proposal: str
    criterion: str
    checked: bool
    at: float


@event
class BackingSet(ActivityEvent):
    """Participant `token` says (`on`) or no longer says "je soutiens" (`kind` "support") or "je
    veux contribuer" ("contribute") for `proposal`."""

    type = "propulsion.backing_set"
    token: str
    proposal: str
    kind: Backing
    on: bool
    at: float


@event
class CriterionRated(ActivityEvent):
    """Participant `token` rates criterion `criterion` of engagement `proposal`: met, partly, not."""

    type = "propulsion.criterion_rated"
    token: str
    proposal: str
    criterion: str
    rating: Rating
    at: float


@event
class StageChanged(ActivityEvent):
    """The board is "open" (phones back and rate) or "closed" (final)."""

    type = "propulsion.stage_changed"
    stage: Stage
    at: float
