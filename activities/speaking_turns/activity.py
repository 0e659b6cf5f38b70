"""Speaking turns as Cercle knows them: the `ACTIVITY` object registered in `activities/__init__.py`."""

from __future__ import annotations

from typing import Any

from facilitation.activity import CommandContext, FreeText
from facilitation.events import ActivityEvent
from facilitation.i18n import RuleViolation, t
from facilitation.report import ReportSection
from facilitation.session import SessionState

from . import report as report_module
from . import state as rules
from .model import TurnsState


class SpeakingTurns:
    kind = "speaking_turns"

    def title(self, lang: str) -> str:
        return t("speaking_turns.title", lang)

    def initial_state(self, settings: dict[str, Any]) -> TurnsState:
        return rules.initial_state(settings)

    def apply(self, state: TurnsState, event: ActivityEvent, session: SessionState) -> TurnsState:
        return rules.apply(state, event, session)

    def topics(self, event: ActivityEvent) -> set[str]:
        return rules.topics(event)

    def console(self, ctx: Any) -> None:
        from . import views_console  # NiceGUI only when a page is drawn: pure tests import no UI

        views_console.console(ctx)

    def screen(self, ctx: Any) -> None:
        from . import views

        views.screen(ctx)

    def phone(self, ctx: Any) -> None:
        from . import views

        views.phone(ctx)

    def report(self, state: TurnsState, session: SessionState, lang: str) -> ReportSection:
        return report_module.report(state, session, lang)

    def free_texts(self, state: TurnsState) -> list[FreeText]:
        """None: names live in memory only, and nothing else is typed."""
        return []

    def moderate(
        self,
        state: TurnsState,
        cc: CommandContext,
        text_id: str,
        *,
        hide: bool | None = None,
        text: str | None = None,
    ) -> list[ActivityEvent]:
        raise RuleViolation("speaking_turns.error.no_free_text")


ACTIVITY = SpeakingTurns()
