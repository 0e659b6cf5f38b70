"""The idea workshop as Cercle knows it: the `ACTIVITY` object registered in `activities/__init__.py`."""

from __future__ import annotations

from facilitation.activity import Activity, FreeText, PackagedActivity
from facilitation.i18n import t

from . import report as report_module
from . import state as rules
from .display import CSS
from .settings import IdeasSettings
from .state import IdeasState

VIEWS = "activities.ideas.views"


class Ideas(PackagedActivity[IdeasState]):
    kind = rules.KIND
    css = CSS
    settings_model = IdeasSettings
    rules = rules
    reporting = report_module
    views = {role: VIEWS for role in ("console", "screen", "phone", "follow")}

    def free_texts(self, state: IdeasState) -> list[FreeText]:
        texts = [
            FreeText(
                id=i.id,
                text=i.text,
                hidden=i.hidden,
                where=t("ideas.where", "fr", n=i.id[1:]),
                held=i.held,
                reason=i.held_reason,
                spans=i.spans,
                at=i.at,
            )
            for i in state.ideas
        ]
        texts += [
            FreeText(
                id=c.id,
                text=c.name,
                hidden=c.hidden,
                where=t("ideas.where_cluster", "fr", n=c.id[1:]),
                at=c.at,
            )
            for c in state.clusters
        ]
        return texts


ACTIVITY: Activity[IdeasState] = Ideas()
