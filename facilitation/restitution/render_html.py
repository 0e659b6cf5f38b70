"""The restitution as a self-contained, printable HTML page: one file, inline CSS with a print
stylesheet, charts as inline SVG, no script and no external resource."""

from __future__ import annotations

from html import escape
from typing import Any

from ..i18n import t
from .charts import charts_of, svg
from .model import Restitution, Section, colleges_line
from .render_md import (
    agenda_rows,
    categories_line,
    licence_line,
    long_date,
    moderation_what,
    number,
    participants_line,
)

CSS = """
.cercle-restitution { font-family: "Marianne", "Segoe UI", Arial, sans-serif; color: #161616;
  max-width: 860px; margin: 0 auto; line-height: 1.5; font-size: 15px; overflow-wrap: anywhere; }
.cercle-restitution h1 { color: #000091; font-size: 1.9rem; line-height: 1.2; margin: .2em 0; }
.cercle-restitution h2 { font-size: 1.35rem; margin: 1.6em 0 .4em; border-bottom: 2px solid #000091;
  padding-bottom: .15em; }
.cercle-restitution h3 { font-size: 1.05rem; margin: 1.1em 0 .3em; }
.cercle-restitution h1, .cercle-restitution h2, .cercle-restitution h3 { line-height: 1.25;
  letter-spacing: normal; font-weight: 700; }
.cercle-restitution .meta { color: #595959; margin: 0; }
.cercle-restitution .chatham { background: #e8edff; border-left: 5px solid #000091; padding: .6em .9em;
  margin: 1em 0; }
.cercle-restitution .draft { background: #fff4e5; border-left: 5px solid #b34000; padding: .4em .9em; }
.cercle-restitution table { border-collapse: collapse; width: 100%; margin: .4em 0 1em; font-size: .92rem; }
.cercle-restitution th, .cercle-restitution td { border: 1px solid #ccc; padding: .3em .5em;
  text-align: left; vertical-align: top; }
.cercle-restitution th { background: #f0f0f0; }
.cercle-restitution .tw { overflow-x: auto; max-width: 100%; }
/* a column is as wide as its words: a narrow phone scrolls the table in its box rather than cutting
   "Début" into "Dé-but"; a cell's text is 18em wide at most (a pasted link breaks there) */
.cercle-restitution .tw th { overflow-wrap: break-word; }
.cercle-restitution td .c { display: block; max-width: 18em; overflow-wrap: break-word; }
.cercle-restitution p { margin: 0 0 .6em; }
@media (max-width: 600px) { .cercle-restitution { font-size: 14px; }
  .cercle-restitution h1 { font-size: 1.5rem; } .cercle-restitution table { font-size: .85rem; } }
.cercle-restitution td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.cercle-restitution figure { margin: .6em 0 1.2em; }
.cercle-restitution figcaption { font-weight: 600; margin-bottom: .2em; }
.cercle-restitution .comment { border-left: 3px solid #ccc; padding: .2em .8em; margin: .6em 0; }
.cercle-restitution .comment.hidden { color: #595959; font-style: italic; }
.cercle-restitution .comment .when { color: #595959; font-size: .85rem; }
.cercle-restitution footer { color: #595959; font-size: .85rem; margin-top: 2em;
  border-top: 1px solid #ccc; padding-top: .5em; }
@media print {
  @page { size: A4; margin: 16mm 14mm; }
  body { background: #fff; }
  .cercle-restitution { max-width: none; font-size: 11pt; }
  .cercle-restitution h2 { break-after: avoid; }
  .cercle-restitution .tw { overflow: visible; }
  .cercle-restitution .tw th, .cercle-restitution td .c { overflow-wrap: anywhere; max-width: none; }
  .cercle-restitution table, .cercle-restitution figure, .cercle-restitution .comment { break-inside: avoid; }
  .cercle-restitution .chatham, .cercle-restitution th { -webkit-print-color-adjust: exact;
    print-color-adjust: exact; }
}
"""


def _numeric(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def table(columns: list[str], rows: list[list[Any]], caption: str = "") -> str:
    head = "".join(f'<th scope="col">{escape(str(c))}</th>' for c in columns)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="n">{escape(number(v))}</td>'
            if _numeric(v)
            else f'<td><span class="c">{escape("" if v is None else str(v))}</span></td>'
            for v in row
        )
        + "</tr>"
        for row in rows
    )
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    # A table wider than a phone scrolls in its box: the box is reached and named for the keyboard.
    name = escape(caption or ", ".join(str(c) for c in columns))
    return (
        f'<div class="tw" tabindex="0" role="region" aria-label="{name}">'
        f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


def paragraphs(texts: list[str]) -> str:
    out = []
    for text in texts:
        lines = "<br>".join(escape(line) for line in text.strip().splitlines())
        out.append(f"<p>{lines}</p>")
    return "".join(out)


def section(s: Section) -> str:
    parts = [f'<section data-kind="{escape(s.kind)}"><h2>{s.item + 1}. {escape(s.item_title)}</h2>']
    if s.title and s.title not in s.item_title:
        parts.append(f'<p class="meta">{escape(s.title)}</p>')
    parts.append(paragraphs(s.paragraphs))
    for chart in charts_of(s.data):
        caption = f"<figcaption>{escape(chart.title)}</figcaption>" if chart.title else ""
        parts.append(f"<figure>{caption}{svg(chart)}</figure>")
    for tab in s.tables:
        if tab.title:
            parts.append(f"<h3>{escape(tab.title)}</h3>")
        parts.append(table(tab.columns, tab.rows))
    for name, items in s.lists.items():
        parts.append(f"<h3>{escape(name)}</h3><ul>")
        parts += [f"<li>{escape(str(item))}</li>" for item in items]
        parts.append("</ul>")
    parts.append("</section>")
    return "".join(parts)


def comments(doc: Restitution) -> str:
    lang = doc.lang
    parts = [f'<section id="comments"><h2>{escape(t("restitution.comments", lang))}</h2>']
    if not doc.comments:
        parts.append(f"<p>{escape(t('restitution.no_comments', lang))}</p>")
    for c in doc.comments:
        when = escape(c.at[:16].replace("T", " "))
        if c.hidden:
            reason = c.reason or t("restitution.no_reason", lang)
            text = f"<p>{escape(t('restitution.comment_hidden', lang, reason=reason))}</p>"
        else:
            text = paragraphs([c.text])
        hidden = " hidden" if c.hidden else ""
        parts.append(
            f'<div class="comment{hidden}" id="comment-{c.id}"><div class="when">n° {c.id} · {when}</div>{text}</div>'
        )
    if doc.moderation:
        parts.append(f"<h3>{escape(t('restitution.moderation', lang))}</h3>")
        parts.append(
            table(
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
        )
    parts.append("</section>")
    return "".join(parts)


def body(doc: Restitution, *, with_comments: bool = True) -> str:
    """The restitution as an `<article>` (also embedded in the public page)."""
    lang = doc.lang
    meta = " · ".join(x for x in (long_date(doc.date, lang), licence_line(doc)) if x)
    p = doc.participants
    parts = [
        '<article class="cercle-restitution">',
        f'<header><h1>{escape(doc.title)}</h1><p class="meta">{escape(meta)}</p>',
        f'<p class="chatham">{escape(t("restitution.chatham", lang))}</p>',
    ]
    if doc.status != "closed":
        parts.append(f'<p class="draft">{escape(t("restitution.live_draft", lang))}</p>')
    parts.append("</header>")
    parts.append(f"<h2>{escape(t('restitution.participants', lang))}</h2>")
    parts.append(f"<p>{escape(participants_line(doc))}</p>")
    if p.total:
        parts.append(f"<p>{escape(t('restitution.categories', lang))} — {escape(categories_line(doc))}</p>")
    if p.colleges:
        parts.append(f"<p>{escape(colleges_line(p.colleges, lang))}</p>")
    columns, rows = agenda_rows(doc)
    parts.append(f"<h2>{escape(t('restitution.agenda', lang))}</h2>{table(columns, rows)}")
    parts += [section(s) for s in doc.sections]
    if with_comments:
        parts.append(comments(doc))
    generated = t("restitution.generated", lang, at=doc.generated_at[:16].replace("T", " "))
    parts.append(f"<footer>{escape(generated)} · {escape(t('restitution.footer', lang))}</footer></article>")
    return "".join(parts)


def render(doc: Restitution) -> str:
    """A whole HTML document, self-contained."""
    return (
        f'<!DOCTYPE html><html lang="{escape(doc.lang)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="license" content="{escape(doc.licence)}">'
        f"<title>{escape(doc.title)} — {escape(t('restitution.heading', doc.lang))}</title>"
        f"<style>body{{margin:0;padding:24px 16px;background:#fff}}{CSS}</style></head>"
        f"<body>{body(doc)}</body></html>"
    )
