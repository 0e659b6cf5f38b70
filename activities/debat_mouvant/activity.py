"""The débat mouvant as Cercle knows it: the `ACTIVITY` object registered in `activities/__init__.py`."""

from __future__ import annotations

from facilitation.activity import Activity, FreeText, PackagedActivity
from facilitation.i18n import t

from . import report as report_module
from . import state as rules
from .display import CSS
from .settings import DebatSettings
from .state import DebatState


class DebatMouvant(PackagedActivity[DebatState]):
    kind = rules.KIND
    css = CSS
    settings_model = DebatSettings
    rules = rules
    reporting = report_module
    views = {
        "console": "activities.debat_mouvant.views",
        "screen": "activities.debat_mouvant.views",
        "phone": "activities.debat_mouvant.views",
        "follow": "activities.debat_mouvant.views_follow",
    }

    def free_texts(self, state: DebatState) -> list[FreeText]:
        texts = []
        for index, run in enumerate(state.runs):
            for a in run.arguments:
                where = [
                    f"{t('debat_mouvant.statement', lang, n=index + 1)}, {t(f'debat_mouvant.side.{a.side}', lang)}"
                    for lang in ("fr", "en")
                ]
                texts.append(
                    FreeText(
                        id=a.id,
                        text=a.text,
                        hidden=a.hidden,
                        where=where[0],
                        where_en=where[1],
                        held=a.held,
                        reason=a.held_reason,
                        spans=a.spans,
                        at=a.at,
                    )
                )
        return texts


ACTIVITY: Activity[DebatState] = DebatMouvant()
