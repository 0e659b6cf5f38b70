"""What the propulsion board's views draw, as HTML strings: the board (engagements with their
actions, initiatives, what is not classed yet) and a phone's list with its buttons. Pure (no
NiceGUI); every text goes through `esc`; every count of people comes out of a published snapshot (`disclosure`)."""

from __future__ import annotations

from facilitation.disclosure import HIDDEN, K
from facilitation.i18n import t, t_plural
from facilitation.ui.markup import esc

from .board import RATINGS, Board, Entry
from .model import Proposal, PropulsionState
from .settings import CRITERIA


def group_label(group: str, lang: str) -> str:
    if group == HIDDEN:
        return t("kanon.other_group", lang)
    return t("propulsion.unspecified", lang) if group == "undisclosed" else t(f"college.{group}", lang)


def support_text(entry: Entry, lang: str) -> str:
    if entry.support is None:
        return t("propulsion.support_few", lang, k=K)
    return t_plural("propulsion.support_n", entry.support, lang)


def contributors_text(entry: Entry, lang: str) -> str:
    if not entry.contributors:  # nobody, or too few to be shown: alike
        return ""
    parts = " · ".join(f"{group_label(g, lang)} {n}" for g, n in entry.contributors.items())
    return t_plural("propulsion.contributors", sum(entry.contributors.values()), lang, parts=parts)


def ratings_text(entry: Entry, lang: str) -> str:
    """The room's ratings, criterion by criterion: "Ambitieux : rempli 5, en partie 3"."""
    parts = []
    for criterion in CRITERIA:
        counts = entry.ratings.get(criterion, {})
        if counts:
            shown = ", ".join(
                f"{t(f'propulsion.rating.{r}', lang) if r != HIDDEN else t('kanon.other_answers', lang)} {n}"
                for r, n in counts.items()
                if n
            )
            parts.append(
                t("common.pair", lang, label=t(f"propulsion.criterion.{criterion}", lang), value=shown)
            )
    return " · ".join(parts)


def _item(entry: Entry, lang: str, detail: bool) -> str:
    p = entry.proposal
    klass = p.klass or "unclassed"
    meta = []
    step = p.next_step
    if step is not None and not step.hidden and (step.text or step.horizon):
        horizon = t("propulsion.horizon_by", lang, date=step.horizon) if step.horizon else ""
        meta.append(
            t(
                "common.pair",
                lang,
                label=t("propulsion.next_step", lang),
                value=f"{step.text} {horizon}".strip(),
            )
        )
    organisations = [o.name for o in p.organisations if o.shown]
    if organisations:
        meta.append(t("propulsion.carried_by", lang, names=", ".join(organisations)))
    contributors = contributors_text(entry, lang)
    if contributors:
        meta.append(contributors)
    if p.klass == "engagement":
        ticked = [t(f"propulsion.criterion.{c}", lang) for c in CRITERIA if c in p.criteria]
        meta.append(
            t("propulsion.criteria_ticked", lang, n=len(ticked), total=len(CRITERIA))
            + (f" ({', '.join(ticked)})" if ticked and detail else "")
        )
        ratings = ratings_text(entry, lang)
        if ratings and detail:
            meta.append(t("propulsion.rated", lang, ratings=ratings))
    if p.origin and detail:
        meta.append(p.origin_in(lang))
    metas = "".join(f'<div class="pr-meta">{esc(m)}</div>' for m in meta)
    actions = "".join(_item(a, lang, detail) for a in entry.actions)
    nested = f'<div class="pr-actions">{actions}</div>' if actions else ""
    return (
        f'<div class="pr-item pr-{klass}" data-proposal="{esc(p.id)}">'
        f'<div class="pr-top"><span class="pr-chip">{esc(t(f"propulsion.klass.{klass}", lang))}</span>'
        f'<span class="pr-text">{esc(p.words.get(lang))}</span>'
        f'<span class="pr-support" data-testid="pr-support-{esc(p.id)}">{esc(support_text(entry, lang))}</span></div>'
        f"{metas}{nested}</div>"
    )


def board_html(
    board: Board, lang: str, *, size: str = "screen", detail: bool = True, limit: int | None = None
) -> str:
    """The board by group; with `limit`, only the first proposals of the board (an engagement counts
    with its actions; the first one is always shown), the rest counted ("et 3 de plus")."""
    groups = [
        ("engagements", board.engagements),
        ("initiatives", board.initiatives),
        ("unclassed", board.unclassed),
    ]
    blocks: list[str] = []
    left, hidden = limit, 0
    for name, entries in groups:
        if left is not None:
            fits: list[Entry] = []
            for entry in entries:
                weight = 1 + len(entry.actions)
                if left >= weight or not (blocks or fits):  # the first proposal, whatever its size
                    fits.append(entry)
                    left = max(0, left - weight)
                else:
                    hidden += weight
                    left = 0
            entries = fits
        if entries:
            blocks.append(
                f'<div class="pr-group"><div class="pr-group-title">{esc(t(f"propulsion.group.{name}", lang))}</div>'
                f"{''.join(_item(e, lang, detail) for e in entries)}</div>"
            )
    if hidden:
        blocks.append(f'<div class="pr-more">{esc(t("propulsion.more", lang, n=hidden))}</div>')
    if not blocks:
        blocks = [f'<div class="pr-empty">{esc(t("propulsion.empty", lang))}</div>']
    return f'<div class="pr-board pr-{esc(size)}" data-testid="pr-board">{"".join(blocks)}</div>'


def for_phones(state: PropulsionState) -> list[Proposal]:
    """What phones list: every proposal shown but those sent by phones and not classed yet (the
    facilitator brings those to the room by classing them)."""
    engagements = [p for p in state.shown() if p.klass == "engagement"]
    listed = []
    for engagement in engagements:
        listed.append(engagement)
        listed += [p for p in state.shown() if p.klass == "action" and p.parent == engagement.id]
    seen = {p.id for p in listed}
    listed += [p for p in state.shown() if p.id not in seen and (p.klass is not None or p.by != "phone")]
    return listed


def phone_html(state: PropulsionState, token: str, lang: str, unfolded: str | None = None) -> str:
    """A phone's list: each proposal with "je soutiens" and "je veux contribuer" (pressed or not),
    and for an engagement, its criteria to rate. One element: the buttons are read by it."""
    proposals = for_phones(state)
    if not proposals:
        return f'<div class="pr-empty">{esc(t("propulsion.phone.empty", lang))}</div>'
    open_ = state.stage == "open"
    disabled = "" if open_ else " disabled"
    items = []
    for p in proposals:
        klass = p.klass or "unclassed"
        buttons = "".join(
            f'<button class="pr-back{" pr-on" if p.backed(kind, token) else ""}" data-back="{kind}" '
            f'data-p="{esc(p.id)}" aria-pressed="{str(p.backed(kind, token)).lower()}"{disabled}>'
            f"{esc(t(f'propulsion.phone.{kind}', lang))}</button>"
            for kind in ("support", "contribute")
        )
        criteria = ""
        if p.klass == "engagement" and state.settings.rate_criteria:
            mine = {c: p.ratings.get(c, {}).get(token) for c in CRITERIA}
            rows = "".join(
                f'<div class="pr-rate-row"><span id="pr-{esc(p.id)}-{c}">{esc(t(f"propulsion.criterion.{c}", lang))}</span>'
                f'<span role="group" aria-labelledby="pr-{esc(p.id)}-{c}">'
                + "".join(
                    f'<button class="pr-rate{" pr-on" if mine[c] == r else ""}" data-rate="{r}" data-c="{c}" '
                    f'data-p="{esc(p.id)}" aria-pressed="{str(mine[c] == r).lower()}"{disabled}>'
                    f"{esc(t(f'propulsion.rating.{r}', lang))}</button>"
                    for r in RATINGS
                )
                + "</span></div>"
                for c in CRITERIA
            )
            rated = sum(1 for v in mine.values() if v)
            summary = t("propulsion.phone.rate", lang, n=rated, total=len(CRITERIA))
            is_open = " open" if unfolded == p.id else ""
            criteria = (
                f'<details class="pr-criteria"{is_open}><summary>{esc(summary)}</summary>{rows}</details>'
            )
        indent = " pr-indent" if p.klass == "action" else ""
        items.append(
            f'<div class="pr-pitem pr-{klass}{indent}" data-proposal="{esc(p.id)}">'
            f'<div class="pr-chip">{esc(t(f"propulsion.klass.{klass}", lang))}</div>'
            f'<div class="pr-text">{esc(p.words.get(lang))}</div><div class="pr-buttons">{buttons}</div>{criteria}</div>'
        )
    return f'<div class="pr-phone-list" data-testid="pr-phone-list">{"".join(items)}</div>'


PHONE_CLICK = (
    "(e) => { const b = e.target.closest('button[data-p]'); if (!b || b.disabled) return; "
    "if (b.dataset.back) emit('back', b.dataset.p, b.dataset.back, b.getAttribute('aria-pressed') !== 'true'); "
    "else emit('rate', b.dataset.p, b.dataset.c, b.dataset.rate); }"
)

CSS = """
.pr-empty { color: #595959; }
.pr-board { display: flex; flex-direction: column; gap: 1em; width: 100%; }
.pr-group { display: flex; flex-direction: column; }
.pr-group-title { font-weight: 800; text-transform: uppercase; letter-spacing: .05em; color: #000091; margin-bottom: .3em; }
.pr-item { border-left: 6px solid #8c8c8c; background: #fff; border-radius: 6px; padding: .4em .7em; margin-bottom: .5em; }
.pr-engagement { border-left-color: #000091; }
.pr-action { border-left-color: #6a6af4; }
.pr-initiative { border-left-color: #a63c00; }
.pr-top { display: flex; flex-wrap: wrap; gap: .2em .6em; align-items: baseline; }
.pr-chip { font-size: .7em; font-weight: 800; text-transform: uppercase; color: #3a3a3a; background: #eee; border-radius: 4px; padding: .1em .4em; white-space: nowrap; }
.pr-text { flex: 1 1 10em; min-width: 0; font-weight: 700; line-height: 1.2; overflow-wrap: anywhere; }
.pr-support { font-weight: 800; white-space: nowrap; font-variant-numeric: tabular-nums; color: #000091; }
.pr-meta { font-size: .8em; color: #3a3a3a; margin-left: .2em; }
.pr-actions { margin: .4em 0 0 1.2em; }
/* The projector: 36 px type at 1080 px; the group says the class (no chip); what does not fit is counted. */
.pr-screen { font-size: var(--cercle-screen-small, 3.4vh); gap: 1vh; }
.pr-screen .pr-chip { display: none; }
.pr-screen .pr-meta { font-size: 1em; color: #161616; }
.pr-screen .pr-item { margin-bottom: .3em; padding: .2em .6em; }
.pr-screen .pr-text { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden; }
.pr-screen-view .pr-intro { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden;
  color: #161616; font-size: var(--cercle-screen-small, 3.4vh); }
.pr-screen-view .pr-empty, .pr-screen .pr-more { color: #161616; }
.pr-more { color: #595959; font-style: italic; }
.pr-phone { font-size: .9rem; }
.pr-phone .pr-support { white-space: normal; }
.pr-console.pr-board { font-size: .9rem; }
.pr-phone-list { display: flex; flex-direction: column; gap: .6rem; }
.pr-pitem { border: 2px solid #ddd; border-radius: 12px; padding: .5rem .7rem; background: #fff; display: flex; flex-direction: column; gap: .4rem; }
.pr-pitem .pr-chip { align-self: flex-start; }
.pr-indent { margin-left: 1rem; }
.pr-buttons { display: flex; gap: .4rem; flex-wrap: wrap; }
.pr-back { min-height: 44px; flex: 1 1 7rem; overflow-wrap: normal; padding: .2rem .5rem; border-radius: 10px; border: 2px solid #000091; background: #fff; color: #000091; font-weight: 700; cursor: pointer; }
.pr-back.pr-on, .pr-rate.pr-on { background: #000091; color: #fff; }
.pr-back:disabled, .pr-rate:disabled { opacity: .55; cursor: default; }
.pr-criteria summary { cursor: pointer; font-weight: 600; min-height: 44px; display: flex; align-items: center; }
.pr-criteria summary::before { content: "▸"; margin-right: .4em; }
.pr-criteria[open] summary::before { content: "▾"; }
.pr-rate-row { display: flex; justify-content: space-between; align-items: center; flex-wrap: wrap; gap: .3rem .4rem;
  padding: .2rem 0; font-size: .9rem; }
.pr-rate-row > span[role=group] { display: flex; flex-wrap: wrap; gap: .3rem; flex: 1 1 12rem; }
.pr-rate { flex: 1 1 auto; overflow-wrap: normal; min-height: 44px; min-width: 44px; border-radius: 8px; border: 2px solid #000091; background: #fff; color: #000091;
  padding: 0 .3rem; cursor: pointer; }
.pr-stage { font-size: var(--cercle-screen-small, 3.4vh); font-weight: 700; color: #000091; }
.pr-intro { color: #3a3a3a; }
.pr-screen-view { display: flex; flex-direction: column; gap: 1.2vh; width: 100%; }
.pr-phone-view { display: flex; flex-direction: column; gap: .5rem; width: 100%; }
.pr-phone-view .pr-stage { font-size: .8rem; }
"""
