"""Speaking turns as Cercle knows them: the `ACTIVITY` object registered in `activities/__init__.py`."""

from __future__ import annotations

from facilitation.activity import Activity, FreeText, PackagedActivity

from . import report as report_module
from . import state as rules
from .display import STYLE
from .model import TurnsState
from .settings import TurnSettings


class SpeakingTurns(PackagedActivity[TurnsState]):
    kind = "speaking_turns"
    css = STYLE
    settings_model = TurnSettings
    rules = rules
    reporting = report_module
    views = {
        "console": "activities.speaking_turns.views_console",
        "screen": "activities.speaking_turns.views",
        "phone": "activities.speaking_turns.views",
        "follow": "activities.speaking_turns.views_follow",
    }

    def free_texts(self, state: TurnsState) -> list[FreeText]:
        """None: names live in memory only, and nothing else is typed."""
        return []


ACTIVITY: Activity[TurnsState] = SpeakingTurns()
