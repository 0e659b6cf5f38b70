"""The idea workshop's part of the restitution: the ranking after the dot vote, each cluster with
its ideas, the ideas standing alone, and where imported ideas came from. Dots and ideas only: no
token, no name of who wrote or voted."""

from __future__ import annotations

from typing import Any

from facilitation.i18n import t, t_plural
from facilitation.report import ReportSection, Table
from facilitation.session import SessionState

from .display import member_texts, option_label
from .model import Option
from .state import IdeasState


def with_merged(option: Option, lang: str) -> str:
    """An idea standing alone, with the duplicates merged into it (every format shows them)."""
    merged = member_texts(option, lang)
    label = option_label(option, lang)
    return t("ideas.report.with_merged", lang, idea=label, merged=" · ".join(merged)) if merged else label


def report(state: IdeasState, session: SessionState, lang: str) -> ReportSection:
    section = ReportSection(kind="ideas", title=t("ideas.title", lang))
    settings = state.settings
    if settings.prompt:
        section.paragraphs.append(settings.prompt.get(lang))
    ranking = state.ranking()
    counts = {option.id: dots for option, dots in ranking}
    voted = state.stage != "collect" or any(counts.values())
    section.paragraphs.append(
        t(
            "ideas.report.summary",
            lang,
            ideas=t_plural("ideas.report.ideas", len(state.standing()), lang),
            clusters=t_plural(
                "ideas.report.clusters", sum(1 for o in ranking if o[0].kind == "cluster"), lang
            ),
            voters=t_plural("ideas.report.voters", state.voters(), lang, dots=settings.dots),
        )
    )
    if voted and ranking:
        section.tables.append(
            Table(
                title=t("ideas.report.ranking", lang),
                columns=[
                    "#",
                    t("ideas.report.option", lang),
                    t("ideas.report.kind", lang),
                    t("ideas.report.dots", lang),
                ],
                rows=[
                    [rank, option_label(option, lang), t(f"ideas.kind.{option.kind}", lang), dots]
                    for rank, (option, dots) in enumerate(ranking, start=1)
                ],
            )
        )
        section.data["chart"] = {
            "kind": "bar",
            "title": t("ideas.report.ranking", lang),
            "unit": t("ideas.report.dots_unit", lang),
            "labels": [option_label(o, lang) for o, _ in ranking[:15]],
            "series": [{"name": t("ideas.report.dots", lang), "values": [n for _, n in ranking[:15]]}],
        }
    for option, _ in ranking:
        if option.kind == "cluster":
            key = t("ideas.report.cluster", lang, name=option_label(option, lang))
            section.lists[key] = member_texts(option, lang)
    alone = [with_merged(option, lang) for option, _ in ranking if option.kind == "idea"]
    if alone:
        section.lists[t("ideas.report.alone", lang)] = alone
    imported = [
        f"{i.words.get(lang)} ({i.origin_in(lang)})" for i in state.ideas if i.standing and i.by == "import"
    ]
    if imported:
        section.lists[t("ideas.report.imported", lang)] = imported
    options: list[dict[str, Any]] = [
        {
            "id": option.id,
            "kind": option.kind,
            "label": option_label(option, lang),
            "ideas": [text.get(lang) for text in option.ideas],
            "dots": dots,
            "rank": rank,
        }
        for rank, (option, dots) in enumerate(ranking, start=1)
    ]
    ideas: list[dict[str, Any]] = [
        {
            "id": i.id,
            "text": i.words.get(lang),
            "by": i.by,
            "origin": i.origin_in(lang),
            "cluster": i.cluster,
            "merged_into": i.merged_into,
        }
        for i in state.ideas
        if i.shown
    ]
    section.data.update(
        {
            "prompt": settings.prompt.get(lang),
            "dots_per_person": settings.dots,
            "stage": state.stage,
            "voters": state.voters(),
            "options": options,
            "ideas": ideas,
        }
    )
    return section
