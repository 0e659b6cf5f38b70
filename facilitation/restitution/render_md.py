"""The restitution in Markdown, pasteable into a Discourse forum (GFM tables, no HTML).

Every text goes through `text` (or `cell` in a table), which makes it literal: what people typed
can neither open an HTML tag nor draw a link, an image, emphasis, a heading, a list or a quote.
`<` becomes `&lt;`, a `&` that would start an entity `&amp;`; the characters of emphasis, code
and links (backslash, backtick, `*`, `_`, `[`, `]`) and the markers that open a block at the
start of a line (`#`, `>`, `+`, `-`, `1.`) are escaped with a backslash. Only escapes that both
CommonMark (markdown-it, Discourse, GitHub) and Python-Markdown understand are used, so the text
reads the same in each.
"""

from __future__ import annotations

import re
from typing import Any

from ..i18n import fmt_date, t, t_plural
from .charts import charts_of
from .model import Restitution, Section, clock_time, colleges_line

NEWLINE_MARK = " "
_INLINE = re.compile(r"[\\`*_\[\]<]|&(?=#?\w+;)")
_BLOCK_START = re.compile(r"^([#>+-]|\d+(?=[.)]))")
_CLOSING_HASHES = re.compile(r"(?<= )#+$")


def _inline(value: str) -> str:
    return _INLINE.sub(
        lambda m: "&lt;" if m.group() == "<" else "&amp;" if m.group() == "&" else "\\" + m.group(), value
    )


def _line(value: str) -> str:
    escaped = _inline(" ".join(value.split()))
    start = _BLOCK_START.match(escaped)
    if start is None:
        return escaped
    marker = start.group()
    if marker.isdigit():  # "1." or "1)": escape the dot or the parenthesis after the number
        return f"{marker}\\{escaped[len(marker) :]}"
    return f"\\{escaped}"


def text(value: Any, *, multiline: bool = False) -> str:
    """`value` as literal Markdown text: on one line, or line by line if `multiline`."""
    raw = str(value).replace("\r\n", "\n").replace("\r", "\n")
    if not multiline:
        return _line(raw)
    return "\n".join(_line(line) for line in raw.strip().split("\n"))


def heading(level: int, value: Any, number: int | None = None) -> str:
    """A heading (numbered if `number`) whose text cannot end it early: a closing run of `#` is
    escaped too."""
    prefix = f"{'#' * level} " + (f"{number}. " if number is not None else "")
    return prefix + _CLOSING_HASHES.sub(lambda m: "\\#" * len(m.group()), text(value))


def number(value: int | float) -> str:
    """A number as a table shows it: a whole number without ".0" (a chart's 7.0 is 7)."""
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def cell(value: Any) -> str:
    """A table cell: numbers as they are, text made literal, pipes escaped, line breaks flattened."""
    if value is None:
        return "—"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return number(value)
    flat = str(value).replace("\r", "").replace("\n", NEWLINE_MARK).strip()
    return _inline(flat).replace("|", "\\|") or " "


def table(columns: list[str], rows: list[list[Any]]) -> list[str]:
    lines = ["| " + " | ".join(cell(c) for c in columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return lines


def long_date(value: str, lang: str) -> str:
    """ "12 mars 2018" / "12 March 2018" from "2018-03-12"; anything else as written."""
    return fmt_date(value, lang)


def licence_line(doc: Restitution) -> str:
    return t("common.pair", doc.lang, label=t("restitution.licence", doc.lang), value=doc.licence)


def participants_line(doc: Restitution) -> str:
    p, lang = doc.participants, doc.lang
    return t_plural("restitution.participants_line", p.total, lang, room=p.room, remote=p.remote)


def categories_line(doc: Restitution) -> str:
    lang = doc.lang
    return " · ".join(
        t("common.pair", lang, label=t(f"category.{c}", lang), value=n)
        for c, n in doc.participants.categories.items()
    )


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
    lines = [heading(2, s.item_title, s.item + 1), ""]
    if s.title and s.title not in s.item_title:
        lines += [f"*{text(s.title)}*", ""]
    for paragraph in s.paragraphs:
        lines += [text(paragraph, multiline=True), ""]
    for chart in charts_of(s.data):
        columns = [chart.title or "", *(x.name for x in chart.series)]
        rows = [[label, *(x.values[i] for x in chart.series)] for i, label in enumerate(chart.labels)]
        lines += [*table(columns, rows), ""]
    for tab in s.tables:
        if tab.title:
            lines += [heading(3, tab.title), ""]
        lines += [*table(tab.columns, tab.rows), ""]
    for name, items in s.lists.items():
        lines += [heading(3, name), ""]
        lines += [f"- {text(item)}" for item in items]
        lines.append("")
    return lines


def moderation_what(entry: Any, lang: str) -> str:
    if entry.target == "record":
        return t("restitution.action.publish_anyway", lang, held=entry.held, findings=entry.findings)
    if entry.target == "comment":
        target = t("restitution.target.comment", lang, id=entry.target_id)
    else:
        target = t("restitution.target.free_text", lang, place=entry.place or entry.target_id)
    return t("common.pair", lang, label=target, value=t(f"restitution.action.{entry.action}", lang))


def render(doc: Restitution) -> str:
    lang = doc.lang
    lines = [heading(1, doc.title), ""]
    meta = [x for x in (long_date(doc.date, lang), licence_line(doc)) if x]
    lines += [f"*{text(' · '.join(meta))}*", "", f"> {text(t('restitution.chatham', lang))}", ""]
    if doc.status != "closed":
        lines += [f"**{text(t('restitution.live_draft', lang))}**", ""]
    p = doc.participants
    lines += [heading(2, t("restitution.participants", lang)), ""]
    lines += [text(participants_line(doc)), ""]
    if p.total:
        lines += [text(f"{t('restitution.categories', lang)} — {categories_line(doc)}"), ""]
    if p.colleges:
        lines += [text(colleges_line(p.colleges, lang)), ""]
    columns, rows = agenda_rows(doc)
    lines += [heading(2, t("restitution.agenda", lang)), "", *table(columns, rows), ""]
    for s in doc.sections:
        lines += section(s)
    lines += [heading(2, t("restitution.comments", lang)), ""]
    if not doc.comments:
        lines += [text(t("restitution.no_comments", lang)), ""]
    for c in doc.comments:
        body = (
            text(t("restitution.comment_hidden", lang, reason=c.reason or t("restitution.no_reason", lang)))
            if c.hidden
            else text(c.text, multiline=True).replace("\n", "\n> ")
        )
        lines += [f"**n° {c.id}** · {text(c.at[:16].replace('T', ' '))}", "", f"> {body}", ""]
    if doc.moderation:
        lines += [heading(2, t("restitution.moderation", lang)), ""]
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
    lines += ["---", "", f"*{text(t('restitution.footer', lang))}*", ""]
    return "\n".join(lines)
