"""The controversy map as Cercle knows it: the `ACTIVITY` object registered in `activities/__init__.py`."""

from __future__ import annotations

from facilitation.activity import Activity, FreeText, PackagedActivity
from facilitation.i18n import t

from . import report as report_module
from . import state as rules
from .display import CSS
from .settings import ControversiesSettings
from .state import ControversiesState

VIEWS = "activities.controversies.views"


class Controversies(PackagedActivity[ControversiesState]):
    kind = rules.KIND
    css = CSS
    settings_model = ControversiesSettings
    rules = rules
    reporting = report_module
    views = {role: VIEWS for role in ("console", "screen", "phone", "follow")}

    def free_texts(self, state: ControversiesState) -> list[FreeText]:
        texts = [
            FreeText(
                id=s.id,
                text=s.text,
                hidden=s.hidden,
                where=t("controversies.where", "fr", n=s.id[1:]),
                at=s.at,
            )
            for s in state.statements
        ]
        texts += [
            FreeText(
                id=p.id,
                text=p.text,
                hidden=p.hidden,
                where=t("controversies.where_proposal", "fr", n=p.id[1:]),
                held=p.held,
                reason=p.held_reason,
                spans=p.spans,
                at=p.at,
            )
            for p in state.proposals
        ]
        return texts


ACTIVITY: Activity[ControversiesState] = Controversies()
