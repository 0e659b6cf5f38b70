"""The propulsion board as Cercle knows it: the `ACTIVITY` object registered in `activities/__init__.py`."""

from __future__ import annotations

from facilitation.activity import Activity, FreeText, PackagedActivity
from facilitation.i18n import t

from . import report as report_module
from . import state as rules
from .display import CSS
from .settings import PropulsionSettings
from .state import PropulsionState

VIEWS = "activities.propulsion.views"


class Propulsion(PackagedActivity[PropulsionState]):
    kind = rules.KIND
    css = CSS
    settings_model = PropulsionSettings
    rules = rules
    reporting = report_module
    views = {role: VIEWS for role in ("console", "screen", "phone", "follow")}

    def free_texts(self, state: PropulsionState) -> list[FreeText]:
        texts = []
        for p in state.proposals:
            where = t("propulsion.where", "fr", n=p.id[1:])
            texts.append(
                FreeText(
                    id=p.id,
                    text=p.text,
                    hidden=p.hidden,
                    where=where,
                    held=p.held,
                    reason=p.held_reason,
                    spans=p.spans,
                    at=p.at,
                )
            )
            if p.next_step is not None and p.next_step.text:
                texts.append(
                    FreeText(
                        id=f"{p.id}.next",
                        text=p.next_step.text,
                        hidden=p.next_step.hidden,
                        where=f"{where}, {t('propulsion.next_step', 'fr')}",
                        at=p.next_step.at,
                    )
                )
            texts += [
                FreeText(
                    id=o.id,
                    text=o.name,
                    hidden=o.hidden,
                    where=f"{where}, {t('propulsion.console.organisation', 'fr')}",
                    held=o.held,
                    reason=o.held_reason,
                    spans=o.spans,
                    at=o.at,
                    field="actor",
                )
                for o in p.organisations
            ]
        return texts


ACTIVITY: Activity[PropulsionState] = Propulsion()
