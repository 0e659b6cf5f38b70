"""Speaking turns as Cercle knows them: the `ACTIVITY` object registered in `activities/__init__.py`."""

from __future__ import annotations

from facilitation.activity import FreeText, PackagedActivity
from facilitation.commands import CommandContext
from facilitation.events import ActivityEvent
from facilitation.i18n import RuleViolation

from . import report as report_module
from . import state as rules
from .display import STYLE
from .model import TurnsState


class SpeakingTurns(PackagedActivity):
    kind = "speaking_turns"
    css = STYLE
    rules = rules
    reporting = report_module
    views = {
        "console": "activities.speaking_turns.views_console",
        "screen": "activities.speaking_turns.views",
        "phone": "activities.speaking_turns.views",
    }

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
