"""The restitution in Markdown, pasteable into a Discourse forum (GFM tables, no HTML)."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..i18n import t
from .charts import charts_of
from .model import Restitution, Section, clock_time

NEWLINE_MARK = " "


def cell(value: Any) -> str:
    """A table cell: pipes escaped, line breaks flattened."""
    if value is None:
        return "—"
    text = str(value).replace("\r", "").replace("\n", NEWLINE_MARK).strip()
    return text.replace("\\", "\\\\").replace("|", "\\|") or " "


def inline(value: Any) -> str:
    """Text on one line (a list item)."""
    return " ".join(str(value).split())


def table(columns: list[str], rows: list[list[Any]]) -> list[str]:
    lines = ["| " + " | ".join(cell(c) for c in columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return lines


MONTHS = {
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
    "en": "January February March April May June July August September October November December".split(),
}


def long_date(value: str, lang: str) -> str:
    """ "12 mars 2018" from "2018-03-12"; anything else as written."""
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return value
    return f"{day.day} {MONTHS.get(lang, MONTHS['fr'])[day.month - 1]} {day.year}"


def minutes(value: float | int | None, lang: str) -> str:
    if value is None:
        return t("restitution.not_held", lang)
    shown = int(value) if float(value).is_integer() else round(value)
    return t("restitution.minutes", lang, n=shown)


def agenda_rows(doc: Restitution) -> tuple[list[str], list[list[Any]]]:
    lang = doc.lang
    columns = [
        "#",
        t("restitution.col.item", lang),
        t("restitution.col.kind", lang),
        t("restitution.col.planned_start", lang),
        t("restitution.col.actual_start", lang),
        t("restitution.col.planned", lang),
        t("restitution.col.actual", lang),
    ]
    rows = [
        [
            e.index + 1,
            e.title,
            e.kind_label,
            clock_time(e.planned_start),
            clock_time(e.actual_start),
            minutes(e.planned_minutes, lang),
            minutes(e.actual_minutes, lang),
        ]
        for e in doc.agenda
    ]
    return columns, rows


def section(s: Section) -> list[str]:
    lines = [f"## {s.item + 1}. {s.item_title}", ""]
    if s.title and s.title not in s.item_title:
        lines += [f"*{s.title}*", ""]
    for paragraph in s.paragraphs:
        lines += [paragraph.strip(), ""]
    for chart in charts_of(s.data):
        columns = [chart.title or "", *(x.name for x in chart.series)]
        rows = [[label, *(x.values[i] for x in chart.series)] for i, label in enumerate(chart.labels)]
        lines += [*table(columns, rows), ""]
    for tab in s.tables:
        if tab.title:
            lines += [f"### {tab.title}", ""]
        lines += [*table(tab.columns, tab.rows), ""]
    for name, items in s.lists.items():
        lines += [f"### {name}", ""]
        lines += [f"- {inline(item)}" for item in items]
        lines.append("")
    return lines


def moderation_what(entry: Any, lang: str) -> str:
    if entry.target == "comment":
        target = t("restitution.target.comment", lang, id=entry.target_id)
    else:
        target = t("restitution.target.free_text", lang, place=entry.place or entry.target_id)
    return f"{target} : {t(f'restitution.action.{entry.action}', lang)}"


def render(doc: Restitution) -> str:
    lang = doc.lang
    lines = [f"# {doc.title}", ""]
    meta = [x for x in (long_date(doc.date, lang), f"{t('restitution.licence', lang)} : {doc.licence}") if x]
    lines += [f"*{' · '.join(meta)}*", "", f"> {t('restitution.chatham', lang)}", ""]
    if doc.status != "closed":
        lines += [f"**{t('restitution.live_draft', lang)}**", ""]
    p = doc.participants
    lines += [f"## {t('restitution.participants', lang)}", ""]
    lines += [t("restitution.participants_line", lang, total=p.total, room=p.room, remote=p.remote), ""]
    if p.total:
        cats = [f"{t(f'category.{c}', lang)} : {n}" for c, n in p.categories.items()]
        lines += [f"{t('restitution.categories', lang)} — {' · '.join(cats)}", ""]
    columns, rows = agenda_rows(doc)
    lines += [f"## {t('restitution.agenda', lang)}", "", *table(columns, rows), ""]
    for s in doc.sections:
        lines += section(s)
    lines += [f"## {t('restitution.comments', lang)}", ""]
    if not doc.comments:
        lines += [t("restitution.no_comments", lang), ""]
    for c in doc.comments:
        text = (
            t("restitution.comment_hidden", lang, reason=c.reason or t("restitution.no_reason", lang))
            if c.hidden
            else c.text.strip().replace("\n", "\n> ")
        )
        lines += [f"**n° {c.id}** · {c.at[:16].replace('T', ' ')}", "", f"> {text}", ""]
    if doc.moderation:
        lines += [f"## {t('restitution.moderation', lang)}", ""]
        lines += table(
            [
                t("restitution.col.when", lang),
                t("restitution.col.what", lang),
                t("restitution.col.why", lang),
            ],
            [
                [m.at[:16].replace("T", " "), moderation_what(m, lang), m.reason or "—"]
                for m in doc.moderation
            ],
        )
        lines.append("")
    lines += ["---", "", f"*{t('restitution.footer', lang)}*", ""]
    return "\n".join(lines)
