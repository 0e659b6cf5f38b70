"""The world café as Cercle knows it: the `ACTIVITY` object registered in `activities/__init__.py`."""

from __future__ import annotations

from typing import Any

from facilitation.activity import CommandContext, FreeText
from facilitation.events import ActivityEvent
from facilitation.i18n import t
from facilitation.report import ReportSection
from facilitation.session import SessionState

from . import report as report_module
from . import state as rules
from .state import CafeState


class WorldCafe:
    kind = "world_cafe"

    def title(self, lang: str) -> str:
        return t("world_cafe.title", lang)

    def initial_state(self, settings: dict[str, Any]) -> CafeState:
        return rules.initial_state(settings)

    def apply(self, state: CafeState, event: ActivityEvent, session: SessionState) -> CafeState:
        return rules.apply(state, event, session)

    def topics(self, event: ActivityEvent) -> set[str]:
        return rules.topics(event)

    def console(self, ctx: Any) -> None:
        from . import views  # NiceGUI only when a page is drawn: pure tests import no UI

        views.console(ctx)

    def screen(self, ctx: Any) -> None:
        from . import views

        views.screen(ctx)

    def phone(self, ctx: Any) -> None:
        from . import views

        views.phone(ctx)

    def report(self, state: CafeState, session: SessionState, lang: str) -> ReportSection:
        return report_module.report(state, session, lang)

    def free_texts(self, state: CafeState) -> list[FreeText]:
        texts = []
        for c in state.contributions:
            where = t("world_cafe.table", "fr", n=c.table + 1)
            texts.append(FreeText(id=c.id, text=c.text, hidden=c.hidden, where=where))
            if c.kind == "actor" and c.why:
                texts.append(
                    FreeText(id=f"{c.id}.why", text=c.why, hidden=c.why_hidden, where=f"{where}, {c.text}")
                )
        return texts

    def moderate(
        self,
        state: CafeState,
        cc: CommandContext,
        text_id: str,
        *,
        hide: bool | None = None,
        text: str | None = None,
    ) -> list[ActivityEvent]:
        return rules.moderate(state, cc, text_id, hide=hide, text=text)


ACTIVITY = WorldCafe()
