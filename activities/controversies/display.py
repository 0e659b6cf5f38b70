"""What the controversy map's views draw, as HTML strings: the map (each statement's bars overall
and by collège, its divergence) and a phone's card. Pure (no NiceGUI); every text goes through
`esc`; every count drawn comes out of the published snapshot (`disclosure`)."""

from __future__ import annotations

from facilitation.disclosure import GROUPED, HIDDEN, K, Protected
from facilitation.i18n import t, t_plural
from facilitation.ui.markup import esc, heading_attributes

from .map import UNSPECIFIED, StatementMap
from .model import POSITIONS, ControversiesState

COLOURS = {"1": "#a63c00", "2": "#d98a5f", "3": "#8c8c8c", "4": "#5858e8", "5": "#000091", "dk": "#bdbdbd"}
HIDDEN_COLOUR = "#e5e5e5"


def position_label(position: str, lang: str) -> str:
    return t(f"controversies.position.{position}", lang)


def group_label(group: str, lang: str) -> str:
    if group == GROUPED:
        return t("kanon.other_group", lang)
    if group == UNSPECIFIED:
        return t("controversies.unspecified", lang)
    return t(f"college.{group}", lang)


def bar(row: dict[str, int], lang: str, *, counts: bool = True) -> str:
    """A stacked bar of one row of a protected table: a segment per position shown, then the hidden
    answers as one grey segment ("autres réponses")."""
    total = sum(row.values())
    if not total:
        return '<div class="cv-bar"></div>'
    parts = []
    for position in (*POSITIONS, HIDDEN):
        n = row.get(position, 0)
        if not n:
            continue
        colour = HIDDEN_COLOUR if position == HIDDEN else COLOURS[position]
        label = t("kanon.other_answers", lang) if position == HIDDEN else position_label(position, lang)
        text = str(n) if counts else ""
        dark = position in ("1", "5") or position == "4"
        parts.append(
            f'<span class="cv-seg{" cv-light" if not dark else ""}" data-position="{esc(position)}" '
            f'data-count="{n}" style="flex:{n};background:{colour}" title="{esc(t("common.pair", lang, label=label, value=n))}">{text}</span>'
        )
    return f'<div class="cv-bar">{"".join(parts)}</div>'


def legend(lang: str, hidden: bool = True) -> str:
    """The positions' colours; "autres réponses" only when a bar has such a segment."""
    items = "".join(
        f'<span><i style="background:{COLOURS[p]}"></i>{esc(position_label(p, lang))}</span>'
        for p in POSITIONS
    )
    if hidden:
        items += (
            f'<span><i style="background:{HIDDEN_COLOUR}"></i>{esc(t("kanon.other_answers", lang))}</span>'
        )
    return f'<div class="cv-legend">{items}</div>'


def number(value: float, lang: str) -> str:
    """1.5 as "1,5" in French."""
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "fr" else text


def figures(m: StatementMap, lang: str) -> str:
    parts = []
    if m.divergence is not None:
        parts.append(
            f'<span class="cv-div" data-testid="cv-divergence">{esc(t("controversies.divergence", lang, n=m.divergence))}</span>'
        )
    if m.gap is not None:
        low, high = (group_label(g, lang) for g in m.apart)
        gap = t("controversies.gap", lang, n=number(m.gap, lang), low=low, high=high)
        parts.append(f'<span class="cv-gap">{esc(gap)}</span>')
    return f'<div class="cv-figures">{"".join(parts)}</div>'


def rows_html(table: Protected, lang: str, by_college: bool, limit: int) -> str:
    lines = [
        f'<div class="cv-line cv-overall"><span class="cv-who">{esc(t("controversies.everyone", lang))}'
        f" <b>{table.people}</b></span>{bar(table.total, lang)}</div>"
    ]
    if by_college:
        for group, row in list(table.rows.items())[:limit]:
            lines.append(
                f'<div class="cv-line" data-group="{esc(group)}"><span class="cv-who">{esc(group_label(group, lang))}'
                f" <b>{sum(row.values())}</b></span>{bar(row, lang)}</div>"
            )
    return "".join(lines)


def map_html(
    maps: list[StatementMap], lang: str, *, size: str = "screen", limit: int = 12, detailed: int | None = None
) -> str:
    """The map: statements from the most divisive to the most consensual, each with its bars overall
    and by collège (only groups of at least K people, no cell of 1 or 2; for the first `detailed`
    statements only, if given: the projector has room for one), its figures."""
    if not maps:
        return f'<div class="cv-empty">{esc(t("controversies.no_statement", lang))}</div>'
    blocks = []
    for rank, m in enumerate(maps[:limit], start=1):
        head = (
            f'<div class="cv-head"><span class="cv-rank">{rank}</span>'
            f'<span class="cv-text">{esc(m.statement.words.get(lang))}</span></div>'
        )
        if m.table.hidden:
            body = f'<div class="cv-few">{esc(t("kanon.too_few", lang, k=K))}</div>'
        else:
            by_college = m.by_college and (detailed is None or rank <= detailed)
            body = figures(m, lang) + rows_html(m.table, lang, by_college, 7)
        blocks.append(f'<div class="cv-statement" data-statement="{esc(m.statement.id)}">{head}{body}</div>')
    more = len(maps) - limit
    tail = f'<div class="cv-more">{esc(t_plural("controversies.more", more, lang))}</div>' if more > 0 else ""
    hidden = any(
        row.get(HIDDEN)
        for m in maps[:limit]
        if not m.table.hidden
        for row in (m.table.total, *m.table.rows.values())
    )
    sr = (
        " cercle-sr-only" if size == "screen" else ""
    )  # the projector leaves the reading rules to screen readers
    notes = (
        f'<div class="cv-notes{sr}"><div>{esc(t("controversies.divergence_rule", lang))}</div>'
        f"<div>{esc(t('kanon.rule', lang))}</div></div>"
    )
    return (
        f'<div class="cv-map cv-{esc(size)}" data-testid="cv-map">{legend(lang, hidden)}'
        f'<div class="cv-statements">{"".join(blocks)}{tail}</div>{notes}</div>'
    )


def card_status(state: ControversiesState, token: str, index: int, lang: str) -> str:
    """Under a phone's card: "Touchez votre position." or the position recorded (in an element of
    its own, a live region: the card is drawn again whole on a tap)."""
    shown = state.shown()
    if not shown:
        return ""
    statement = shown[max(0, min(index, len(shown) - 1))]
    mine = state.position_of(token, statement.id)
    if mine is None:
        return t("controversies.phone.choose", lang)
    return t("controversies.phone.recorded", lang, position=position_label(mine, lang))


def phone_card(state: ControversiesState, token: str, index: int, lang: str) -> str:
    """A phone's card for the `index`-th statement: its text, the six answers (one element: the
    buttons are read by the card, `data-pos`), and the way to the previous and next statements."""
    shown = state.shown()
    if not shown:
        return f'<div class="cv-empty">{esc(t("controversies.no_statement", lang))}</div>'
    index = max(0, min(index, len(shown) - 1))
    statement = shown[index]
    mine = state.position_of(token, statement.id)
    open_ = state.stage == "open"
    answered = sum(1 for s in shown if state.position_of(token, s.id) is not None)
    buttons = "".join(
        f'<button class="cv-pos{" cv-chosen" if p == mine else ""}" data-pos="{esc(p)}" '
        f'aria-pressed="{str(p == mine).lower()}" style="--c:{COLOURS[p]}"{"" if open_ else " disabled"}>'
        f"{esc(position_label(p, lang))}</button>"
        for p in POSITIONS
    )
    prev_ = "" if index > 0 else " disabled"
    next_ = "" if index < len(shown) - 1 else " disabled"
    return (
        f'<div class="cv-card" data-statement="{esc(statement.id)}" data-index="{index}">'
        f'<div class="cv-count" data-testid="cv-count">'
        f"{esc(t('controversies.phone.count', lang, n=index + 1, total=len(shown)))} · "
        f"{esc(t_plural('controversies.phone.answered', answered, lang))}</div>"
        f'<div class="cv-card-text" {heading_attributes(3)}>{esc(statement.words.get(lang))}</div>'
        f'<div class="cv-choices">{buttons}</div>'
        f'<div class="cv-nav"><button class="cv-navb" data-nav="-1"{prev_}>← {esc(t("controversies.phone.prev", lang))}</button>'
        f'<button class="cv-navb" data-nav="1"{next_}>{esc(t("controversies.phone.next", lang))} →</button></div></div>'
    )


CARD_CLICK = (
    "(e) => { const b = e.target.closest('button[data-pos],button[data-nav]'); "
    "if (!b || b.disabled) return; const card = b.closest('[data-statement]'); "
    "emit(b.dataset.pos ? 'pos' : 'nav', b.dataset.pos || b.dataset.nav, card ? card.dataset.statement : ''); }"
)

CSS = """
.cv-empty, .cv-few, .cv-more { color: #595959; }
.cv-map { display: flex; flex-direction: column; gap: .8em; width: 100%; }
.cv-statements { display: flex; flex-direction: column; gap: 1em; }
.cv-statement { border-top: 2px solid #e5e5e5; padding-top: .5em; }
.cv-head { display: flex; gap: .6em; align-items: baseline; }
.cv-rank { font-weight: 800; color: #000091; min-width: 1.4em; }
.cv-text { font-weight: 700; line-height: 1.2; }
.cv-figures { display: flex; gap: 1.2em; flex-wrap: wrap; margin: .25em 0 .3em 2em; font-size: .85em; }
.cv-div { font-weight: 800; color: #a63c00; }
.cv-gap { color: #3a3a3a; }
.cv-line { display: flex; align-items: center; gap: .6em; margin: .15em 0 0 2em; }
.cv-who { width: 13em; flex: none; font-size: .8em; color: #3a3a3a; }
.cv-overall .cv-who { font-weight: 700; color: #161616; }
.cv-bar { display: flex; flex: 1; height: 1.3em; border-radius: 4px; overflow: hidden; background: #f2f2f2; }
.cv-seg { color: #fff; font-size: .75em; font-weight: 700; display: flex; align-items: center; justify-content: center;
  min-width: 0; overflow: hidden; font-variant-numeric: tabular-nums; }
.cv-seg.cv-light { color: #161616; }
.cv-legend { display: flex; flex-wrap: wrap; gap: .4em 1em; font-size: .8em; }
.cv-legend i { display: inline-block; width: .9em; height: .9em; border-radius: 2px; margin-right: .3em; vertical-align: -.1em; }
.cv-notes { font-size: .75em; color: #595959; display: flex; flex-direction: column; gap: .2em; }
/* The projector: 36 px type at 1080 px; the most divisive statement by collège, the next ones overall,
   the rest counted; the reading rules left to screen readers (the console and phones show them). */
.cv-screen { font-size: var(--cercle-screen-small, 3.4vh); gap: 1.2vh; }
.cv-screen .cv-statements { gap: 1.2vh; }
.cv-screen .cv-bar { height: 1.3em; }
.cv-screen .cv-seg, .cv-screen .cv-who, .cv-screen .cv-figures, .cv-screen .cv-legend { font-size: 1em; }
.cv-screen .cv-who { width: 9em; color: #161616; line-height: 1.1; }
.cv-screen .cv-line, .cv-screen .cv-figures { margin-left: 1.6em; }
.cv-screen .cv-text { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden; }
.cv-screen .cv-few, .cv-screen .cv-more, .cv-screen-view .cv-few, .cv-screen-view .cv-empty { color: #161616; }
.cv-phone .cv-line, .cv-phone .cv-figures { margin-left: 0; }
.cv-phone .cv-who { width: 8.5em; }
@media (max-width: 300px) {  /* a narrow or zoomed phone: the group's name above its bar */
  .cv-phone .cv-line { flex-wrap: wrap; gap: .1em .6em; }
  .cv-phone .cv-who { width: 100%; }
}
.cv-card { display: flex; flex-direction: column; gap: .6rem; }
.cv-count { font-size: .8rem; text-transform: uppercase; color: #595959; font-weight: 700; }
.cv-card-text { font-size: 1.15rem; font-weight: 700; line-height: 1.25; }
.cv-choices { display: flex; flex-direction: column; gap: .4rem; }
.cv-pos { min-height: 48px; border-radius: 12px; border: 2px solid var(--c); background: #fff; color: #161616;
  font-size: 1rem; font-weight: 600; text-align: left; padding: 0 .9rem; cursor: pointer; }
.cv-pos.cv-chosen { background: var(--c); color: #fff; }
.cv-pos[data-pos="dk"].cv-chosen, .cv-pos[data-pos="3"].cv-chosen, .cv-pos[data-pos="2"].cv-chosen { color: #161616; }
.cv-pos:disabled { opacity: .55; cursor: default; }
.cv-confirm { font-weight: 700; min-height: 1.4em; }
.cv-nav { display: flex; flex-wrap: wrap; justify-content: space-between; gap: .5rem; }
.cv-navb { flex: 1 1 auto; min-height: 44px; padding: 0 1rem; border-radius: 10px; border: 2px solid #000091; background: #fff;
  color: #000091; font-weight: 700; cursor: pointer; }
.cv-navb:disabled { border-color: #ccc; color: #bbb; cursor: default; }
.cv-stage { font-size: var(--cercle-screen-small, 3.4vh); font-weight: 700; color: #000091; }
.cv-screen-view { display: flex; flex-direction: column; gap: 1.2vh; width: 100%; }
.cv-phone-view { display: flex; flex-direction: column; gap: .5rem; width: 100%; }
.cv-phone-view .cv-stage { font-size: .8rem; }
.cv-console.cv-map { font-size: .9rem; }
"""
