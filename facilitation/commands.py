"""Who may do what: the actor behind a command, the roles a command declares, what it may read.

Every change of state is a command `command(state, cc, *args) -> events`, where `state` is the
session's state (core commands) or an activity's (activity commands) and `cc` the
`CommandContext`. A command declares the roles that may run it with `@command("host")`; the
`Room` refuses any other actor before the command is even decided. Pure: no I/O, no UI.

Roles:
- "host": the facilitator (the console, or the API with the host key);
- "participant": a phone, carrying its random token (`cc.token`);
- "public": anyone (the projected screen, a reader commenting the published restitution);
- "system": the room itself (what runs at a time, reactions to arrivals, start-up repairs).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Concatenate, Literal, TypeVar

from .events import Event
from .i18n import RuleViolation, add

if TYPE_CHECKING:
    from .activity import Registry
    from .session import Participant, SessionState

Role = Literal["host", "participant", "public", "system"]
ROLES: tuple[Role, ...] = ("host", "participant", "public", "system")
NO_ITEM = -1  # the `item` of a core (session-level) command

F = TypeVar("F", bound=Callable[..., Any])
_ROLES_ATTRIBUTE = "__cercle_roles__"


@dataclass(frozen=True)
class Actor:
    """Who runs a command: a role, and for a participant their random token (nothing else)."""

    role: Role
    token: str | None = None

    @classmethod
    def participant(cls, token: str) -> Actor:
        if not token:
            raise ValueError("a participant needs a token")
        return cls("participant", token)

    def __repr__(self) -> str:  # never print a token into a log
        return f"Actor({self.role})"


HOST = Actor("host")
PUBLIC = Actor("public")
SYSTEM = Actor("system")


@dataclass(frozen=True)
class CommandContext:
    """What a command may read besides its own state: its agenda position (`NO_ITEM` for a core
    command), the time, the session (participants, status), the actor running it, and the
    activities the room knows (`registry`: what a core command reads the activities' texts with;
    None: the app's)."""

    item: int
    now: float
    session: SessionState
    actor: Actor = SYSTEM
    registry: Registry | None = None

    @property
    def token(self) -> str:
        """The participant's token; refuses any other actor."""
        if self.actor.role != "participant" or not self.actor.token:
            raise RuleViolation("error.forbidden")
        return self.actor.token

    def participant(self) -> Participant:
        """The participant running this command, in a live session (else a refusal)."""
        from .session import require_participant

        return require_participant(self.session, self.token)

    @property
    def by_host(self) -> bool:
        return self.actor.role == "host"


Command = Callable[Concatenate[Any, CommandContext, ...], Sequence[Event]]
"""A command: `command(state, cc, *args, **kwargs)` returns the events to append (maybe none)."""


def command(*roles: Role) -> Callable[[F], F]:
    """Declare who may run a command: `@command("host")`, `@command("participant", "host")`."""
    unknown = set(roles) - set(ROLES)
    if not roles or unknown:
        raise ValueError(f"a command declares one or more of {ROLES}, not {roles}")

    def declare(fn: F) -> F:
        setattr(fn, _ROLES_ATTRIBUTE, frozenset(roles))
        return fn

    return declare


def roles_of(fn: Callable[..., Any]) -> frozenset[Role]:
    """The roles `fn` declared (none: it is not a command, and nobody may run it)."""
    return getattr(fn, _ROLES_ATTRIBUTE, frozenset())


def check_role(fn: Callable[..., Any], actor: Actor) -> None:
    """Refuse `actor` unless `fn` declared its role (a participant also needs a token)."""
    if actor.role not in roles_of(fn) or (actor.role == "participant" and not actor.token):
        raise RuleViolation("error.forbidden")


add(
    {
        "error.forbidden": (
            "Cette action n'est pas permise depuis cette page.",
            "This action is not allowed from this page.",
        ),
    }
)
