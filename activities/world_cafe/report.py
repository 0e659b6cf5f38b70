"""The café's part of the restitution: per theme, actors by kind with mentions, ideas, target.

Contributions store no token and no name, and groups are not reported: nothing here can say who.
"""

from __future__ import annotations

from typing import Any

from facilitation.i18n import t, t_plural
from facilitation.report import ReportSection, Table
from facilitation.session import SessionState

from .contributions import actors_by_kind, table_actors, table_ideas
from .state import CafeState


def report(state: CafeState, session: SessionState | None, lang: str) -> ReportSection:
    section = ReportSection(kind="world_cafe", title=t("world_cafe.title", lang))
    settings = state.settings
    groups = sum(1 for g in state.groups if g.merged_into is None)
    section.paragraphs.append(
        t(
            "world_cafe.report.summary",
            lang,
            tables=t_plural("world_cafe.report.tables", len(settings.themes), lang),
            groups=t_plural("world_cafe.report.groups", groups, lang),
            rotations=t_plural("world_cafe.report.rotations", state.rotations, lang),
            minutes=t_plural("world_cafe.report.minutes", settings.rotation_minutes, lang),
        )
    )
    themes: list[dict[str, Any]] = []
    for table, theme in enumerate(settings.themes):
        actors = table_actors(state.contributions, table)
        ideas = [c.text for c in table_ideas(state.contributions, table)]
        count = len(actors) + len(ideas)
        reached = count >= settings.target
        key = "world_cafe.report.reached" if reached else "world_cafe.report.missed"
        section.paragraphs.append(
            t_plural(key, count, lang, theme=theme.title.get(lang), target=settings.target)
        )
        grouped = actors_by_kind(actors)
        rows = [
            [line.name, t(f"world_cafe.kind.{kind}", lang), line.mentions, " / ".join(line.reasons)]
            for kind, lines in grouped.items()
            for line in lines
        ]
        if rows:
            section.tables.append(
                Table(
                    title=t("world_cafe.report.actors_of", lang, theme=theme.title.get(lang)),
                    columns=[
                        t("world_cafe.report.actor", lang),
                        t("world_cafe.report.kind", lang),
                        t("world_cafe.report.mentions", lang),
                        t("world_cafe.report.why", lang),
                    ],
                    rows=rows,
                )
            )
        if ideas:
            section.lists[t("world_cafe.report.ideas_of", lang, theme=theme.title.get(lang))] = ideas
        themes.append(
            {
                "table": table + 1,
                "theme": theme.title.get(lang),
                "target": settings.target,
                "count": count,
                "target_reached": reached,
                "actors": {
                    kind: [{"name": a.name, "mentions": a.mentions, "why": a.reasons} for a in lines]
                    for kind, lines in grouped.items()
                },
                "ideas": ideas,
            }
        )
    chart = {
        "kind": "bar",
        "title": t("world_cafe.report.chart", lang),
        "labels": [theme["theme"] for theme in themes],
        "series": [
            {
                "name": t("world_cafe.report.contributions", lang),
                "values": [theme["count"] for theme in themes],
            },
            {"name": t("world_cafe.report.target", lang), "values": [settings.target for _ in themes]},
        ],
    }
    section.data = {
        "themes": themes,
        "rotations": state.rotations,
        "rotation_minutes": settings.rotation_minutes,
        "chart": chart,
    }
    return section
