"""The world café as Cercle knows it: the `ACTIVITY` object registered in `activities/__init__.py`."""

from __future__ import annotations

from facilitation.activity import Activity, ActivityCommand, FreeText, PackagedActivity
from facilitation.i18n import t

from . import report as report_module
from . import state as rules
from .display import STYLE
from .settings import CafeSettings
from .state import PHASE, TALLY, CafeState


class WorldCafe(PackagedActivity[CafeState]):
    kind = "world_cafe"
    css = STYLE
    settings_model = CafeSettings
    rules = rules
    reporting = report_module
    views = {
        "console": "activities.world_cafe.views",
        "screen": "activities.world_cafe.views",
        "phone": "activities.world_cafe.views",
        "follow": "activities.world_cafe.views_follow",
    }

    def wake_at(self, state: CafeState, now: float) -> float | None:
        return rules.wake_at(state, now)

    def woken_topics(self) -> set[str]:
        return {PHASE, TALLY}

    @property
    def arrive(self) -> ActivityCommand[CafeState]:
        return rules.join_late

    def free_texts(self, state: CafeState) -> list[FreeText]:
        texts = []
        for c in state.contributions:
            where, where_en = (t("world_cafe.table", lang, n=c.table + 1) for lang in ("fr", "en"))
            texts.append(
                FreeText(
                    id=c.id,
                    text=c.text,
                    hidden=c.hidden,
                    where=where,
                    where_en=where_en,
                    held=c.held,
                    reason=c.held_reason,
                    spans=c.spans,
                    at=c.at,
                    field="actor" if c.kind == "actor" else "text",
                )
            )
            if c.kind == "actor" and c.why:
                texts.append(
                    FreeText(
                        id=f"{c.id}.why",
                        text=c.why,
                        hidden=c.why_hidden,
                        where=f"{where}, {c.text}",
                        where_en=f"{where_en}, {c.text}",
                        held=c.why_held,
                        reason=c.why_held_reason,
                        spans=c.why_spans,
                        at=c.at,
                    )
                )
        return texts


ACTIVITY: Activity[CafeState] = WorldCafe()
