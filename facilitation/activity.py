"""The contract every activity fulfils, and the registry the core knows them through."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from importlib import import_module
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar, runtime_checkable

from pydantic import BaseModel, Field

from .commands import CommandContext
from .events import ActivityEvent, Event
from .i18n import t
from .moderation import Span

if TYPE_CHECKING:
    from .report import ReportSection
    from .session import SessionState
    from .ui.context import ViewContext


MOMENT = "moment"  # the kind of a plain agenda item (a talk, a break): no activity


class FreeText(BaseModel):
    """A piece of free text an activity stored (an argument, a contribution), for moderation.

    `id` is stable and unique within the activity's state; `where` says where it was written
    (e.g. "Énoncé 2, côté A"). `held`: waiting for the facilitator's review, shown nowhere but
    to its author and the console; `reason` why ("personal", "unchecked", "all"), `spans` what
    the detector found; `at` when it was sent. Never holds a token or a name of who wrote it.
    """

    id: str
    text: str
    hidden: bool = False
    where: str = ""
    where_en: str = ""  # `where` in English ("": the same)
    held: bool = False
    reason: str = ""
    spans: list[Span] = Field(default_factory=list)
    at: float = 0.0
    field: str = "text"  # "actor" where an organisation's name is expected (the detector's rule)

    def place(self, lang: str) -> str:
        """`where`, as `lang` reads it."""
        return (self.where_en if lang == "en" else "") or self.where


S = TypeVar("S")

ActivityCommand = Callable[[S, CommandContext, str], Sequence[Event]]
"""An activity command taking one string (a token): what `arrive` is."""


@runtime_checkable
class Activity(Protocol[S]):
    """An activity over its state `S`: pure state and rules, three views, a report section.

    `kind` prefixes its event types (`kind.position_taken`). An activity may also carry `css`
    (a string): it is added once to every page's head, never sent again per view. `apply` may
    change the state it is given in place (a Room owns its state); it does no I/O. Views receive
    a `ViewContext[S]`. `PackagedActivity` is the usual way to fulfil this.
    """

    kind: str

    def title(self, lang: str) -> str: ...

    def initial_state(self, settings: dict[str, Any]) -> S:
        """The state from the plan's settings (bad settings: a state that says so, never an error)."""
        ...

    def apply(self, state: S, event: ActivityEvent, session: SessionState) -> S:
        """Fold one of this activity's events into its state (in place) and return it."""
        ...

    def topics(self, event: ActivityEvent) -> set[str]:
        """Which subscribers an event concerns (see docs/activities.md on coalescing)."""
        ...

    def console(self, ctx: ViewContext[S]) -> None: ...

    def screen(self, ctx: ViewContext[S]) -> None: ...

    def phone(self, ctx: ViewContext[S]) -> None: ...

    def follow(self, ctx: ViewContext[S]) -> None:
        """What the projector shows, at phone size, for people with no screen to look at (remote
        attendees): read-only, legible at 390 px, and cheap (its tallies arrive on "follow:"
        topics, at most twice a second; prefer one HTML element to many)."""
        ...

    def report(self, state: S, session: SessionState, lang: str) -> ReportSection: ...

    def free_texts(self, state: S) -> list[FreeText]:
        """Every free text stored, hidden ones included (the restitution's name check uses it)."""
        ...

    def moderate(
        self,
        state: S,
        cc: CommandContext,
        text_id: str,
        *,
        hide: bool | None = None,
        text: str | None = None,
        approve: bool = False,
    ) -> Sequence[ActivityEvent]:
        """Events that hide/show (`hide`), correct (`text`) or approve (`approve`: a held text
        is shown) one free text; raises RuleViolation."""
        ...

    def wake_at(self, state: S, now: float) -> float | None:
        """The next moment the room must wake this activity's views (a rotation's end), or None."""
        ...

    def woken_topics(self) -> set[str]:
        """The topics published when that moment comes."""
        ...

    @property
    def arrive(self) -> ActivityCommand[S] | None:
        """A command declared for the "system" role, `arrive(state, cc, token)`, that the room
        runs when a participant joins or comes back while this activity is current (the world
        café seats a late arrival); None when there is nothing to do."""
        ...


class Registry:
    """The activities Cercle knows, by kind."""

    def __init__(self) -> None:
        self._by_kind: dict[str, Activity[Any]] = {}

    def register(self, activity: Activity[Any]) -> None:
        """Register an activity; registering the same object again is harmless, another one for
        the same kind is an error."""
        if self._by_kind.get(activity.kind) is activity:
            return
        if activity.kind in self._by_kind:
            raise ValueError(f"activity registered twice: {activity.kind}")
        self._by_kind[activity.kind] = activity

    def get(self, kind: str) -> Activity[Any] | None:
        return self._by_kind.get(kind)

    def kinds(self) -> list[str]:
        return list(self._by_kind)

    def label(self, kind: str, lang: str) -> str:
        """What to call an agenda item's kind: "Temps" for a plain moment, else the activity's
        title, or its kind when this build has no such activity."""
        if kind == MOMENT:
            return t("kind.moment", lang)
        activity = self.get(kind)
        return activity.title(lang) if activity is not None else kind


REGISTRY = Registry()


class Rules(Protocol[S]):
    """What `PackagedActivity` takes from an activity's pure rules module (`state.py`)."""

    def initial_state(self, raw: dict[str, Any], /) -> S: ...

    def apply(self, state: S, e: ActivityEvent, session: SessionState, /) -> S: ...

    def topics(self, e: ActivityEvent, /) -> set[str]: ...

    def moderate(
        self,
        state: S,
        cc: CommandContext,
        text_id: str,
        /,
        *,
        hide: bool | None = None,
        text: str | None = None,
        approve: bool = False,
    ) -> Sequence[ActivityEvent]: ...


S_contra = TypeVar("S_contra", contravariant=True)


class Reporting(Protocol[S_contra]):
    """What `PackagedActivity` takes from an activity's report module (`report.py`)."""

    def report(self, state: S_contra, session: SessionState, lang: str, /) -> ReportSection: ...


class PackagedActivity(Generic[S]):
    """The usual shape of an activity object, to subclass as `PackagedActivity[MyState]`: rules
    from a pure module (`rules`: `initial_state`, `apply`, `topics`, `moderate`), the report from
    `reporting.report`, and views imported only when a page is first drawn (`views`: role ->
    module path, roles "console", "screen", "phone" and "follow"), so that pure tests import no UI. Subclasses set those and `kind`, and add
    `free_texts`; one with a clock overrides `wake_at` (and `woken_topics`), one that places
    arrivals overrides `arrive`.

    `settings_model`, the pydantic model of the item's settings, is what the plan loader, the
    agenda's rules and the editor's form check settings with (fields documented by the
    translations `<kind>.settings.<field>`); an activity without one takes any settings."""

    kind: str
    rules: Rules[S]
    reporting: Reporting[S]
    views: dict[str, str]
    css: str = ""
    settings_model: type[BaseModel] | None = None  # the plan's `[agenda.settings]`, see below

    def title(self, lang: str) -> str:
        return t(f"{self.kind}.title", lang)

    def initial_state(self, settings: dict[str, Any]) -> S:
        return self.rules.initial_state(settings)

    def apply(self, state: S, event: ActivityEvent, session: SessionState) -> S:
        return self.rules.apply(state, event, session)

    def topics(self, event: ActivityEvent) -> set[str]:
        return self.rules.topics(event)

    def _draw(self, role: str, ctx: ViewContext[S]) -> None:
        getattr(import_module(self.views[role]), role)(ctx)

    def console(self, ctx: ViewContext[S]) -> None:
        self._draw("console", ctx)

    def screen(self, ctx: ViewContext[S]) -> None:
        self._draw("screen", ctx)

    def phone(self, ctx: ViewContext[S]) -> None:
        self._draw("phone", ctx)

    def follow(self, ctx: ViewContext[S]) -> None:
        """`views["follow"]`'s `follow(ctx)`; an activity without one shows its screen view."""
        if "follow" in self.views:
            self._draw("follow", ctx)
        else:
            import_module(self.views["screen"]).screen(ctx)

    def report(self, state: S, session: SessionState, lang: str) -> ReportSection:
        return self.reporting.report(state, session, lang)

    def moderate(
        self,
        state: S,
        cc: CommandContext,
        text_id: str,
        *,
        hide: bool | None = None,
        text: str | None = None,
        approve: bool = False,
    ) -> Sequence[ActivityEvent]:
        return self.rules.moderate(state, cc, text_id, hide=hide, text=text, approve=approve)

    def wake_at(self, state: S, now: float) -> float | None:
        return None

    def woken_topics(self) -> set[str]:
        return {"phase"}

    @property
    def arrive(self) -> ActivityCommand[S] | None:
        return None
