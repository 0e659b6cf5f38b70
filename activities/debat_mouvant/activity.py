"""The débat mouvant as Cercle knows it: the `ACTIVITY` object registered in `activities/__init__.py`."""

from __future__ import annotations

from typing import Any

from facilitation.activity import CommandContext, FreeText
from facilitation.events import ActivityEvent
from facilitation.i18n import t
from facilitation.report import ReportSection
from facilitation.session import SessionState

from . import report as report_module
from . import state as rules
from .display import CSS
from .state import DebatState


class DebatMouvant:
    kind = rules.KIND
    css = CSS

    def title(self, lang: str) -> str:
        return t("debat_mouvant.title", lang)

    def initial_state(self, settings: dict[str, Any]) -> DebatState:
        return rules.initial_state(settings)

    def apply(self, state: DebatState, event: ActivityEvent, session: SessionState) -> DebatState:
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

    def report(self, state: DebatState, session: SessionState, lang: str) -> ReportSection:
        return report_module.report(state, session, lang)

    def free_texts(self, state: DebatState) -> list[FreeText]:
        texts = []
        for index, run in enumerate(state.runs):
            for a in run.arguments:
                where = f"{t('debat_mouvant.statement', 'fr', n=index + 1)}, {t(f'debat_mouvant.side.{a.side}', 'fr')}"
                texts.append(FreeText(id=a.id, text=a.text, hidden=a.hidden, where=where))
        return texts

    def moderate(
        self,
        state: DebatState,
        cc: CommandContext,
        text_id: str,
        *,
        hide: bool | None = None,
        text: str | None = None,
    ) -> list[ActivityEvent]:
        return rules.moderate(state, cc, text_id, hide=hide, text=text)


ACTIVITY = DebatMouvant()
