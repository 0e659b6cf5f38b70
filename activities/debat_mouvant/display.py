"""What the views draw, as plain data: the distribution bar (HTML), the Sankey's options, the
colours and the stylesheet. Pure (no NiceGUI), so that it is tested without a browser."""

from __future__ import annotations

import json
import math
from typing import Any

from facilitation.disclosure import HIDDEN, MARK
from facilitation.i18n import fmt_percent, t
from facilitation.ui.markup import esc

from .settings import Statement
from .tally import HESITANT, Distribution, Movement, short_label

DILEMMA_COLOURS = {"a": "#000091", "hesitant": "#666666", "b": "#a63c00"}
SCALE_COLOURS = {"1": "#000091", "2": "#4b4bb0", "3": "#666666", "4": "#c05a16", "5": "#8a2e00"}


def colour(statement: Statement, position: str) -> str:
    return (SCALE_COLOURS if statement.form == "scale" else DILEMMA_COLOURS).get(position, "#666666")


def mark(statement: Statement, position: str) -> str:
    """The one sign naming a position inside a bar's segment: "A", "B", "?" (hesitant), or a
    scale point's number (the legend says which words it stands for)."""
    if statement.form == "scale":
        return position
    return "?" if position == HESITANT else position.upper()


def bar_html(
    statement: Statement, d: Distribution, lang: str, *, size: str = "screen", modes: bool = True
) -> str:
    """A horizontal bar across the room, one segment per position that carries its sign and count
    (and percent, when wide enough), so that colour is never the only way to tell them apart; and
    a legend giving each position's phones in the room, at a distance, and people counted by hand.
    The bar repeats the legend for the eye: screen readers read the legend."""
    total = d.total
    segments = []
    for c in d.counts:
        if not c.total:
            continue
        pct = d.percent(c.position)
        label = f"{mark(statement, c.position)} · {c.total}"
        if size.startswith("screen") and pct >= 20:  # the projector has room for the percent too
            label += f" · {fmt_percent(pct / 100, lang)}"
        segments.append(
            f'<div class="dm-seg" style="flex:{c.total};background:{colour(statement, c.position)}" '
            f'data-position="{esc(c.position)}">{esc(label)}</div>'
        )
    if d.other:  # what the disclosure rule hides, together
        segments.append(
            f'<div class="dm-seg dm-other" style="flex:{d.other}" data-position="{HIDDEN}">'
            f"{esc(MARK)} · {d.other}</div>"
        )
    if not segments:
        segments.append(f'<div class="dm-seg dm-empty">{esc(t("debat_mouvant.nobody_yet", lang))}</div>')
    legend = []
    for c in d.counts:
        pct = d.percent(c.position) if total else 0
        room, remote = c.shown("room"), c.shown("remote")
        parts = (
            [f"{t('debat_mouvant.room', lang)} {room}", f"{t('debat_mouvant.remote', lang)} {remote}"]
            if modes and room is not None and remote is not None  # a fully remote forum: no room apart
            else []
        )
        if c.heads:
            parts.append(f"<b>{t('debat_mouvant.heads', lang)} {c.heads}</b>")
        name = short_label(statement, c.position, lang)
        sign = mark(statement, c.position)
        named = name if sign == name else f"{sign} · {name}"
        shown = c.shown_total
        count = f"{shown} ({fmt_percent(pct / 100, lang)})" if shown is not None else MARK
        legend.append(
            f'<div class="dm-leg" data-position="{esc(c.position)}">'
            f'<span class="dm-leg-name"><span class="dm-dot" style="background:{colour(statement, c.position)}">'
            f"</span>{esc(named)}</span>"
            f'<span class="dm-leg-count">{esc(count)}</span>'
            f'<span class="dm-leg-detail">{" · ".join(parts)}</span></div>'
        )
    if d.other:
        legend.append(
            f'<div class="dm-leg" data-position="{HIDDEN}"><span class="dm-leg-name">'
            f'<span class="dm-dot dm-other"></span>{esc(MARK)} · {esc(t("kanon.other_answers", lang))}</span>'
            f'<span class="dm-leg-count">{d.other} ({fmt_percent(d.share(d.other) / 100, lang)})</span>'
            f'<span class="dm-leg-detail">{esc(t("kanon.mark", lang))}</span></div>'
        )
    return (
        f'<div class="dm-dist dm-{size}"><div class="dm-bar" aria-hidden="true">{"".join(segments)}</div>'
        f'<div class="dm-legend">{"".join(legend)}</div></div>'
    )


def movement_table_html(statement: Statement, m: Movement, lang: str) -> str:
    """The movement as a table a person reads (and a screen reader speaks): from where to where,
    how many; what the diagram on the screen draws."""
    rows = "".join(
        f"<tr><td>{esc(short_label(statement, a, lang))}</td><td>→</td>"
        f"<td>{esc(short_label(statement, b, lang))}</td><td>{n}</td></tr>"
        for a, b, n in sorted(m.flows(), key=lambda flow: (flow[0] == flow[1], -flow[2]))
    )
    if m.other:
        rows += (
            f'<tr><td colspan="3">{esc(t("debat_mouvant.movement.other", lang))}</td><td>{m.other}</td></tr>'
        )
    head = (
        f"<tr><th>{esc(t('debat_mouvant.movement.from', lang))}</th><th></th>"
        f"<th>{esc(t('debat_mouvant.movement.to', lang))}</th><th>{esc(t('debat_mouvant.movement.people', lang))}</th></tr>"
    )
    caption = esc(t("debat_mouvant.movement.caption", lang))
    # Wider than a zoomed phone: the table scrolls in its box, reached and named for the keyboard.
    return (
        f'<div class="dm-moves-box" tabindex="0" role="region" aria-label="{caption}">'
        f'<table class="dm-moves" data-testid="dm-moves"><caption>{caption}</caption>{head}{rows}</table></div>'
    )


def sankey_options(statement: Statement, m: Movement, lang: str, *, font: int = 28) -> dict[str, Any]:
    """ECharts options of the flow from the first to the final positions (phones in both rounds)."""
    used_first = {a for a, _, _ in m.flows()}
    used_final = {b for _, b, _ in m.flows()}
    nodes = []
    for round_, used in ((1, used_first), (2, used_final)):
        for position in m.positions:
            if position in used:
                nodes.append(
                    {
                        "name": f"{round_}|{position}",
                        "itemStyle": {"color": colour(statement, position)},
                        "depth": round_ - 1,
                    }
                )
    links = [{"source": f"1|{a}", "target": f"2|{b}", "value": n} for a, b, n in m.flows()]
    names = {p: short_label(statement, p, lang) for p in m.positions}
    # the labels enter the browser's formatter as a JSON object (plain ASCII), never as code
    formatter = f"p => ({json.dumps(names)})[p.name.split('|')[1]] + '  ' + p.value"
    return {
        "animation": False,
        "series": [
            {
                "type": "sankey",
                "left": "2%",
                "right": "26%",
                "top": "4%",
                "bottom": "4%",
                "nodeWidth": 36,
                "nodeGap": 18,
                "layoutIterations": 0,
                "nodeAlign": "justify",
                "data": nodes,
                "links": links,
                "label": {
                    "fontSize": font,
                    "fontWeight": "bold",
                    "color": "#161616",
                    ":formatter": formatter,
                },
                "lineStyle": {"color": "gradient", "opacity": 0.45, "curveness": 0.5},
                "emphasis": {"disabled": True},
            }
        ],
    }


CSS = """
.dm-kicker { text-transform: uppercase; letter-spacing: .06em; color: #595959; font-weight: 700; }
.dm-dist { width: 100%; }
.dm-bar { display: flex; flex-wrap: wrap; width: 100%; border-radius: 10px; overflow: hidden; background: #e5e5e5; }
.dm-seg { color: #fff; font-weight: 800; display: flex; align-items: center; justify-content: center;
  white-space: nowrap; overflow: hidden; min-width: max-content; padding: 0 .3em; font-variant-numeric: tabular-nums; }
.dm-seg.dm-empty { flex: 1; color: #595959; font-weight: 600; }
.dm-seg.dm-other { background: #e5e5e5; color: #161616; }
.dm-dot.dm-other { background: #e5e5e5; }
.dm-legend { display: flex; justify-content: space-between; gap: 1em; margin-top: .4em; flex-wrap: wrap; }
.dm-leg { display: flex; flex-direction: column; align-items: flex-start; min-width: 0; }
.dm-leg:last-child { align-items: flex-end; text-align: right; }
.dm-dot { display: inline-block; width: .8em; height: .8em; border-radius: 50%; margin-right: .3em; }
.dm-leg-name { font-weight: 800; }
.dm-leg-count { font-weight: 800; font-variant-numeric: tabular-nums; }
.dm-leg-detail { color: #595959; font-size: .8em; }
.dm-screen .dm-bar { min-height: 11vh; font-size: 4.4vh; }
.dm-screen .dm-legend { font-size: var(--cercle-screen-small, 3.4vh); }
.dm-screen .dm-leg-detail { font-size: 1em; color: inherit; }
.dm-compact .dm-bar { min-height: 7vh; font-size: 3.6vh; }
/* after the final round, under the diagram: one line per position, as a table */
.dm-compact .dm-legend { font-size: var(--cercle-screen-small, 3.4vh); margin-top: .2em; display: grid;
  grid-template-columns: auto auto 1fr; gap: 0 1em; line-height: 1.2; }
.dm-compact .dm-leg, .dm-compact .dm-leg:last-child { display: contents; }
.dm-args .dm-legend { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.dm-screen-done { display: flex; gap: 2vw; width: 100%; align-items: center; }
.dm-phone .dm-bar, .dm-console .dm-bar { min-height: 40px; font-size: 1rem; }
.dm-phone .dm-legend, .dm-console .dm-legend { font-size: .9rem; flex-direction: column; gap: .15em; }
.dm-phone .dm-leg, .dm-console .dm-leg { flex-direction: row; flex-wrap: wrap; gap: 0 .6em; align-items: baseline;
  text-align: left; }
/* a narrow phone (or 200 % zoom) moves the count to the next line rather than cutting a word */
.dm-leg-name, .dm-leg-detail { overflow-wrap: break-word; }
.dm-leg-count { white-space: nowrap; }
.dm-screen-prompt { font-size: 4.6vh; font-weight: 800; line-height: 1.15; }
.dm-screen-choices { display: flex; gap: 3vw; width: 100%; }
.dm-screen-choice { flex: 1; font-size: var(--cercle-screen-small, 3.4vh); line-height: 1.3; border-top: 1vh solid; padding-top: .8vh; }
.dm-screen-stage { font-size: var(--cercle-screen-small, 3.4vh); font-weight: 700; color: #000091; }
.dm-screen-voted { font-size: var(--cercle-screen-small, 3.4vh); }
.dm-screen-note { font-size: var(--cercle-screen-small, 3.4vh); line-height: 1.25; }
.dm-screen-sentence { font-size: 4vh; font-weight: 800; line-height: 1.2; }
.dm-screen-args { display: flex; gap: 3vw; width: 100%; }
.dm-screen-args > div { flex: 1; font-size: var(--cercle-screen-small, 3.4vh); line-height: 1.3; }
.dm-screen-args li { margin-bottom: .6vh; }
.dm-choice { color: var(--dm-c); width: 100%; min-height: 72px; border-radius: 14px; border: 3px solid currentColor; display: flex;
  align-items: center; justify-content: flex-start; gap: 12px; padding: 10px 16px; text-align: left;
  font: inherit; font-size: 1rem; line-height: 1.25; white-space: normal; background: #fff; cursor: pointer; }
.dm-choice:disabled { opacity: .6; cursor: not-allowed; }
.dm-choice[data-letter]::before { content: attr(data-letter); display: flex; align-items: center;
  justify-content: center; font-size: 1.6rem; font-weight: 900; min-width: 1.6em; }
.dm-choice.dm-choice-scale { font-size: 1.125rem; font-weight: 700; }
.dm-choice.dm-chosen { color: #fff; background: var(--dm-c); border-color: var(--dm-c); }
@media (max-width: 300px) {  /* a narrow or zoomed phone: the letter above the words, which get the width */
  .dm-choice { padding: 6px 10px; }
  .dm-choice[data-letter] { flex-direction: column; align-items: flex-start; gap: 2px; }
  .dm-choice[data-letter]::before { justify-content: flex-start; min-width: 0; }
}
.dm-confirm { font-weight: 700; color: #18753c; }
.dm-arg-hidden { text-decoration: line-through; color: #8a8a8a; }
.dm-moves-box { overflow-x: auto; max-width: 100%; }
.dm-moves { border-collapse: collapse; margin-top: .5em; overflow-wrap: break-word; }
.dm-moves caption { text-align: left; font-weight: 700; padding-bottom: .3em; }
.dm-moves th, .dm-moves td { padding: .2em .6em; border-bottom: 1px solid #ddd; text-align: left; }
.dm-follow-prompt { font-size: 1.25rem; font-weight: 700; line-height: 1.3; }
.dm-follow-args { display: flex; flex-direction: column; gap: .6em; }
"""


def latest_that_fit(texts: list[str], *, most: int, lines: int, line_chars: int) -> list[str]:
    """The latest `most` texts, fewer if they would take more than `lines` lines of `line_chars`
    characters (the projector's columns in 36 px type); the latest one is always kept."""
    kept: list[str] = []
    used = 0
    for text in reversed(texts[-most:] if most else []):
        height = max(1, math.ceil(len(text) / line_chars))
        if kept and used + height > lines:
            break
        kept.insert(0, text)
        used += height
    return kept
