"""What the idea workshop's views draw, as HTML strings: the wall of cards, the ranking and a
phone's ballot. Pure (no NiceGUI), so that it is tested without a browser; every text goes
through `esc`."""

from __future__ import annotations

from facilitation.i18n import t, t_plural
from facilitation.ui.markup import esc, heading_attributes

from .model import IdeasState, Option

DOT_ON, DOT_OFF = "●", "○"


def option_label(option: Option, lang: str) -> str:
    """A cluster's name (or "Regroupement n" when its name is hidden), or the idea's text."""
    if option.kind == "cluster":
        return option.label.get(lang) or t("ideas.cluster_n", lang, n=option.id[1:])
    return option.label.get(lang)


def member_texts(option: Option, lang: str) -> list[str]:
    """The ideas an option holds, in `lang`: a cluster's, or those merged into an idea."""
    return [text.get(lang) for text in (option.ideas if option.kind == "cluster" else option.ideas[1:])]


def _members(option: Option, limit: int, lang: str) -> str:
    shown = member_texts(option, lang)
    if not shown:
        return ""
    items = "".join(f"<li>{esc(text)}</li>" for text in shown[:limit])
    more = f"<li>… +{len(shown) - limit}</li>" if len(shown) > limit else ""
    return f'<ul class="id-members">{items}{more}</ul>'


def wall_html(state: IdeasState, lang: str, *, size: str = "screen", limit: int = 60) -> str:
    """The ideas as cards: clusters first, with their ideas, then the ideas standing alone."""
    options = state.options()
    if not options:
        return f'<div class="id-empty">{esc(t("ideas.no_ideas", lang))}</div>'
    cards = []
    for option in options[:limit]:
        kind = "id-cluster" if option.kind == "cluster" else "id-idea"
        cards.append(
            f'<div class="id-card {kind}" data-option="{esc(option.id)}">'
            f'<div class="id-card-title">{esc(option_label(option, lang))}</div>'
            f"{_members(option, 2 if size == 'screen' else 6, lang)}</div>"
        )
    more = len(options) - limit
    tail = f'<div class="id-more">{esc(t("ideas.more", lang, n=more))}</div>' if more > 0 else ""
    return f'<div class="id-wall id-{esc(size)}" data-testid="id-wall">{"".join(cards)}{tail}</div>'


def ranking_html(state: IdeasState, lang: str, *, size: str = "screen", limit: int = 12) -> str:
    """The options by dots, most first, each with its count and a bar."""
    ranking = state.ranking()
    if not ranking:
        return f'<div class="id-empty">{esc(t("ideas.no_ideas", lang))}</div>'
    top = max(1, ranking[0][1])
    rows = []
    for rank, (option, dots) in enumerate(ranking[:limit], start=1):
        width = round(100 * dots / top)
        rows.append(
            f'<li class="id-row" data-option="{esc(option.id)}" data-dots="{dots}">'
            f'<span class="id-rank-n">{rank}</span>'
            f'<span class="id-rank-body"><span class="id-rank-label">{esc(option_label(option, lang))}</span>'
            f'<span class="id-rank-bar"><span style="width:{width}%"></span></span></span>'
            f'<span class="id-rank-dots">{esc(t_plural("ideas.dots_n", dots, lang))}</span></li>'
        )
    more = len(ranking) - limit
    tail = f'<li class="id-more">{esc(t("ideas.more", lang, n=more))}</li>' if more > 0 else ""
    voters = t_plural("ideas.voters", state.voters(), lang)
    return (
        f'<div class="id-ranking id-{esc(size)}" data-testid="id-ranking">'
        f'<ol>{"".join(rows)}{tail}</ol><div class="id-voters" data-testid="id-voters">{esc(voters)}</div></div>'
    )


def placed(state: IdeasState, token: str, lang: str) -> str:
    """ "Points placés : 2 / 3" (a phone's ballot shows it; a live region says it)."""
    used = sum(state.dots_of(token).values())
    return t("ideas.phone.placed", lang, used=used, total=state.settings.dots)


def head_html(state: IdeasState, lang: str) -> str:
    """A phone's head: the stage, the question (the heading the focus may land on), what to do."""
    stage = state.stage
    prompt = state.settings.prompt.get(lang) or t("ideas.title", lang)
    return (
        f'<div class="text-xs uppercase cercle-muted" data-testid="id-stage">{esc(t(f"ideas.stage.{stage}", lang))}</div>'
        f'<div class="cercle-h2" {heading_attributes(3)}>{esc(prompt)}</div>'
        f'<div class="cercle-muted text-sm">{esc(t(f"ideas.phone.{stage}", lang))}</div>'
    )


def ballot_html(state: IdeasState, token: str, lang: str) -> str:
    """A phone's ballot: its dots left, then each option with its dots and − / + buttons (one
    element: clicks are read by the element, `data-dot` naming the option and `data-delta` ±1)."""
    mine = state.dots_of(token)
    total = state.settings.dots
    used = sum(mine.values())
    open_ = state.stage == "vote"
    rows = []
    for option in state.options():
        n = mine.get(option.id, 0)
        dots = DOT_ON * n or "–"
        minus = "" if open_ and n else " disabled"
        plus = "" if open_ and used < total else " disabled"
        label = option_label(option, lang)
        rows.append(
            f'<li class="id-opt{" id-mine" if n else ""}" data-option="{esc(option.id)}">'
            f'<span class="id-opt-label">{esc(label)}</span>'
            f'<span class="id-opt-ctrl">'
            f'<button class="id-btn" data-dot="{esc(option.id)}" data-delta="-1" aria-label="'
            f'{esc(t("ideas.phone.less", lang, idea=label))}"{minus}>−</button>'
            f'<span class="id-opt-dots" data-testid="id-dots-{esc(option.id)}"><span aria-hidden="true">{dots}</span>'
            f'<span class="cercle-sr-only">{esc(t("ideas.phone.mine", lang, n=n))}</span></span>'
            f'<button class="id-btn" data-dot="{esc(option.id)}" data-delta="1" aria-label="'
            f'{esc(t("ideas.phone.more", lang, idea=label))}"{plus}>+</button></span></li>'
        )
    return f'<div class="id-ballot" data-testid="id-ballot" data-used="{used}"><ul>{"".join(rows)}</ul></div>'


# The click on a − or + goes to the server as (option, delta); nothing else of the page does.
BALLOT_CLICK = (
    "(e) => { const b = e.target.closest('button[data-dot]'); "
    "if (b && !b.disabled) emit(b.dataset.dot, parseInt(b.dataset.delta)); }"
)

CSS = """
.id-empty { color: #595959; }
.id-wall { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 1rem; width: 100%; }
.id-card { background: #fff; border: 1px solid #ddd; border-left: 6px solid #000091; border-radius: 8px; padding: .6em .8em; }
.id-cluster { border-left-color: #a63c00; background: #fff8f2; }
.id-card-title { font-weight: 700; line-height: 1.25; }
.id-members { margin: .3em 0 0 1.1em; list-style: disc; font-size: .85em; color: #3a3a3a; }
.id-more { color: #595959; font-style: italic; }
.id-screen.id-wall { grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 1.4vh; }
.id-phone.id-wall { grid-template-columns: 1fr; gap: .5rem; }
.id-ranking ol { list-style: none; margin: 0; padding: 0; }
.id-row { display: flex; flex-wrap: wrap; align-items: center; gap: .2em .8em; padding: .35em 0; border-bottom: 1px solid #eee; }
.id-rank-n { font-weight: 800; color: #000091; min-width: 1.5em; text-align: right; font-variant-numeric: tabular-nums; }
.id-rank-body { flex: 1 1 8rem; min-width: 0; display: flex; flex-direction: column; gap: .2em; }
.id-rank-label { font-weight: 600; line-height: 1.2; }
.id-rank-bar { display: block; height: .5em; background: #eee; border-radius: 4px; overflow: hidden; }
.id-rank-bar span { display: block; height: 100%; background: #000091; }
.id-rank-dots { margin-left: auto; font-weight: 800; font-variant-numeric: tabular-nums; white-space: nowrap; }
.id-voters { color: #595959; margin-top: .4em; }
/* The projector: 36 px type at 1080 px, read from 10 m; what does not fit is counted ("et 4 de plus"). */
.id-screen-view { font-size: var(--cercle-screen-small, 3.4vh); }
.id-screen-view .id-members { font-size: 1em; color: #161616; }
.id-screen-view .id-members li { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.id-screen-view .id-card-title, .id-screen-view .id-rank-label { display: -webkit-box; -webkit-box-orient: vertical;
  -webkit-line-clamp: 2; overflow: hidden; }
.id-screen-view .id-empty, .id-screen-view .id-more, .id-screen-view .id-voters { color: #161616; }
.id-ballot ul { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: .5rem; }
.id-left { font-weight: 700; margin-bottom: .5rem; }
.id-opt { display: flex; flex-wrap: wrap; align-items: center; gap: .4rem .6rem; border: 2px solid #ddd; border-radius: 12px; padding: .5rem .6rem; background: #fff; }
.id-opt.id-mine { border-color: #000091; }
.id-opt-label { flex: 1 1 8rem; min-width: 0; line-height: 1.25; overflow-wrap: anywhere; }
.id-opt-ctrl { display: flex; align-items: center; gap: .4rem; margin-left: auto; }  /* under the idea, if narrow */
.id-opt-dots { min-width: 3.2em; text-align: center; color: #000091; letter-spacing: .1em; }
.id-btn { width: 44px; height: 44px; border-radius: 50%; border: 2px solid #000091; background: #fff; color: #000091;
  font-size: 1.4rem; font-weight: 800; line-height: 1; cursor: pointer; }
.id-btn:disabled { border-color: #ccc; color: #bbb; cursor: default; }
.id-screen-view { display: flex; flex-direction: column; gap: 1.6vh; width: 100%; }
.id-phone-view { display: flex; flex-direction: column; gap: .6rem; width: 100%; }
.id-phone-view .id-prompt { font-size: 1.15rem; }
.id-phone-view .id-stage { font-size: .8rem; }
.id-console.id-ranking { font-size: .9rem; }
.id-prompt { font-size: 4.4vh; font-weight: 800; line-height: 1.15; }
.id-stage { font-size: var(--cercle-screen-small, 3.4vh); font-weight: 700; color: #000091; }
"""
