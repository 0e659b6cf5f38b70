"""The contract every activity fulfils, and the registry the core knows them through."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from pydantic import BaseModel

from .commands import CommandContext
from .i18n import t

if TYPE_CHECKING:
    from .events import ActivityEvent
    from .report import ReportSection
    from .session import SessionState


MOMENT = "moment"  # the kind of a plain agenda item (a talk, a break): no activity


class FreeText(BaseModel):
    """A piece of free text an activity stored (an argument, a contribution), for moderation.

    `id` is stable and unique within the activity's state; `where` says where it was written
    (e.g. "Énoncé 2, côté A"). Never holds a token or a name of who wrote it.
    """

    id: str
    text: str
    hidden: bool = False
    where: str = ""


@runtime_checkable
class Activity(Protocol):
    """An activity: pure state and rules, three views, a report section.

    `kind` prefixes its event types (`kind.position_taken`). An activity may also carry `css`
    (a string): it is added once to every page's head, never sent again per view. `apply` may change the state it is
    given in place (a Room owns its state); it does no I/O. Views receive a `ViewContext`.
    """

    kind: str

    def title(self, lang: str) -> str: ...

    def initial_state(self, settings: dict[str, Any]) -> Any: ...

    def apply(self, state: Any, event: ActivityEvent, session: SessionState) -> Any: ...

    def topics(self, event: ActivityEvent) -> set[str]: ...

    def console(self, ctx: Any) -> None: ...

    def screen(self, ctx: Any) -> None: ...

    def phone(self, ctx: Any) -> None: ...

    def report(self, state: Any, session: SessionState, lang: str) -> ReportSection: ...

    def free_texts(self, state: Any) -> list[FreeText]:
        """Every free text stored, hidden ones included (the restitution's name check uses it)."""
        ...

    def moderate(
        self,
        state: Any,
        cc: CommandContext,
        text_id: str,
        *,
        hide: bool | None = None,
        text: str | None = None,
    ) -> list[ActivityEvent]:
        """Events that hide/show (`hide`) or correct (`text`) one free text; raises RuleViolation."""
        ...

    def wake_at(self, state: Any, now: float) -> float | None:
        """The next moment the room must wake this activity's views (a rotation's end), or None."""
        ...

    def woken_topics(self) -> set[str]:
        """The topics published when that moment comes."""
        ...

    # Optional: `arrive`, a command declared for the "system" role, `arrive(state, cc, token)`,
    # that the room runs when a participant joins or comes back while this activity is current
    # (the world café seats a late arrival). None when there is nothing to do.
    arrive: Any


class Registry:
    """The activities Cercle knows, by kind."""

    def __init__(self) -> None:
        self._by_kind: dict[str, Activity] = {}

    def register(self, activity: Activity) -> None:
        """Register an activity; registering the same object again is harmless, another one for
        the same kind is an error."""
        if self._by_kind.get(activity.kind) is activity:
            return
        if activity.kind in self._by_kind:
            raise ValueError(f"activity registered twice: {activity.kind}")
        self._by_kind[activity.kind] = activity

    def get(self, kind: str) -> Activity | None:
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


class PackagedActivity:
    """The usual shape of an activity object, to subclass: rules from a pure module (`rules`:
    `initial_state`, `apply`, `topics`), the report from `reporting.report`, and views imported
    only when a page is first drawn (`views`: role -> module path), so that pure tests import no
    UI. Subclasses set those and `kind`, and add `free_texts`; `moderate` goes to
    `rules.moderate` unless they override it."""

    kind: str
    rules: Any
    reporting: Any
    views: dict[str, str]
    css: str = ""
    arrive: Any = None

    def title(self, lang: str) -> str:
        return t(f"{self.kind}.title", lang)

    def initial_state(self, settings: dict[str, Any]) -> Any:
        return self.rules.initial_state(settings)

    def apply(self, state: Any, event: ActivityEvent, session: SessionState) -> Any:
        return self.rules.apply(state, event, session)

    def topics(self, event: ActivityEvent) -> set[str]:
        return self.rules.topics(event)

    def _draw(self, role: str, ctx: Any) -> None:
        getattr(import_module(self.views[role]), role)(ctx)

    def console(self, ctx: Any) -> None:
        self._draw("console", ctx)

    def screen(self, ctx: Any) -> None:
        self._draw("screen", ctx)

    def phone(self, ctx: Any) -> None:
        self._draw("phone", ctx)

    def report(self, state: Any, session: SessionState, lang: str) -> ReportSection:
        return self.reporting.report(state, session, lang)

    def moderate(
        self,
        state: Any,
        cc: CommandContext,
        text_id: str,
        *,
        hide: bool | None = None,
        text: str | None = None,
    ) -> list[ActivityEvent]:
        return self.rules.moderate(state, cc, text_id, hide=hide, text=text)

    def wake_at(self, state: Any, now: float) -> float | None:
        wake_at = getattr(self.rules, "wake_at", None)
        return wake_at(state, now) if wake_at is not None else None

    def woken_topics(self) -> set[str]:
        return {"phase"}
