"""What the views draw that needs no NiceGUI: the turn clock, the gauge, tags.

The clock counts up: the shared browser clock (`facilitation/ui/clock.py`), from the turn's
effective start (pauses left out) or, paused, the seconds spoken, against the limit; it ticks in
the browser, so a running turn costs the server nothing. 30 s before the limit it turns orange
("st-warn"), past it red ("st-over"). A phone whose turn it is vibrates once per turn, where the
browser allows it.
"""

from __future__ import annotations

from facilitation.i18n import t
from facilitation.ui import clock as browser_clock
from facilitation.ui.markup import esc

from .model import Turn
from .stats import Stats, percent

WARN_BEFORE = 30

CALLED = r"""
if (!window.cercleTurns) {
  window.cercleTurns = true;
  window.cercleClock.every(() => {
    document.querySelectorAll('.st-called[data-turn]').forEach((el) => {
      const key = 'cercle-called-' + el.dataset.turn;
      try { if (sessionStorage.getItem(key)) return; sessionStorage.setItem(key, '1'); } catch (e) { return; }
      if (navigator.vibrate) { try { navigator.vibrate([400, 200, 400]); } catch (e) {} }
    });
  });
}
"""

STYLE = """
.st-clock { font-variant-numeric: tabular-nums; font-weight: 800; line-height: 1; color: var(--cercle-blue, #000091);
  white-space: nowrap; overflow-wrap: normal; }  /* a clock never breaks between its digits */
.st-clock.st-warn { color: var(--cercle-warn, #b34000); }
.st-clock.st-over { color: #ce0500; }
.st-clock-screen { font-size: 18vh; }
.st-clock-phone { font-size: 4rem; }
@media (max-width: 300px) { .st-clock-phone { font-size: 3rem; } }  /* "10:00" on a zoomed phone */
.st-clock-console { font-size: 3.2rem; }
.st-tag { display: inline-block; border-radius: 999px; padding: .1em .6em; margin: 0 .3em .2em 0; font-weight: 700;
  font-size: .85em; background: #eee; color: var(--cercle-ink, #161616); white-space: nowrap; }
.st-tag-remote { background: #fef4e8; color: var(--cercle-warn, #b34000); }
.st-tag-point { background: #ffe9e9; color: #ce0500; }
.st-tag-reason { background: #e8edff; color: var(--cercle-blue, #000091); }
.st-tag-pinned { background: var(--cercle-blue, #000091); color: #fff; }
.st-row { display: flex; align-items: center; gap: 10px; padding: 6px 8px; border-bottom: 1px solid #eee; width: 100%; }
.st-row:last-child { border-bottom: none; }
.st-pos { font-weight: 800; font-variant-numeric: tabular-nums; width: 2em; text-align: right; color: var(--cercle-blue, #000091); }
.st-name { font-weight: 700; }
.st-table { border-collapse: collapse; width: 100%; font-size: .9rem; font-variant-numeric: tabular-nums; }
.st-table td { white-space: nowrap; }
.st-table th, .st-table td { padding: 4px 6px; border-bottom: 1px solid #eee; text-align: right; }
.st-table th:first-child, .st-table td:first-child { text-align: left; }
.st-table th { font-weight: 700; color: var(--cercle-muted, #595959); font-size: .8rem; }
.st-called { background: var(--cercle-blue, #000091); color: #fff; border-radius: 16px; padding: 24px 20px; text-align: center; width: 100%; }
.st-called .st-clock { color: #fff; }
.st-called .st-clock.st-warn { color: #ffca00; }
.st-called .st-clock.st-over { color: #ffb3b3; }
.st-called-title { font-size: 2.2rem; font-weight: 800; line-height: 1.1; }
.st-screen-name { font-size: 8vh; font-weight: 800; line-height: 1.05; }
.st-screen-label { font-size: var(--cercle-screen-small, 3.4vh); text-transform: uppercase; font-weight: 700; }
.st-screen-next { font-size: 3.6vh; line-height: 1.4; }
.st-screen-next .st-tag { font-size: var(--cercle-screen-small, 3.4vh); }
.st-screen-tags { font-size: var(--cercle-screen-small, 3.4vh); }
.st-screen-tags .st-tag { font-size: 1em; }
.st-gauge { width: 100%; display: flex; flex-direction: column; gap: 1.2vh; }
.st-gauge-row { display: grid; grid-template-columns: 16vw 1fr 17vw; align-items: center; gap: 1.2vw; font-size: var(--cercle-screen-small, 3.4vh); }
.st-gauge-track { position: relative; height: 3.4vh; background: #e5e5e5; border-radius: 1.7vh; overflow: visible; }
.st-gauge-fill { height: 100%; background: var(--cercle-blue, #000091); border-radius: 1.7vh; }
.st-gauge-mark { position: absolute; top: -0.8vh; bottom: -0.8vh; width: .5vw; min-width: 4px; background: var(--cercle-warn, #b34000); border-radius: 2px; }
.st-gauge-figures { font-variant-numeric: tabular-nums; font-weight: 700; }
.st-gauge-legend { font-size: var(--cercle-screen-small, 3.4vh); }
.st-gauge-legend i { display: inline-block; width: 1.6vh; height: 1.6vh; vertical-align: middle; margin: 0 .4vw 0 1.2vw; border-radius: .3vh; }
.st-follow-floor { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: .5em; }
.cercle-follow .st-gauge { font-size: .9rem; }
/* a phone: the label, the bar and the figures on one line when they fit, else the label above */
.cercle-follow .st-gauge-row { font-size: .9rem; display: flex; flex-wrap: wrap; align-items: center; gap: .2em .5em; }
.cercle-follow .st-gauge-label { flex: 1 1 6em; overflow-wrap: break-word; }
.cercle-follow .st-gauge-row .st-gauge-track { flex: 2 1 3em; }
.cercle-follow .st-gauge-figures { flex: none; white-space: nowrap; }
.cercle-follow .st-gauge-legend { font-size: .9rem; }
.cercle-follow .st-gauge-track { height: 1em; }
"""


def sync_script(now: float) -> str:
    """The shared clock and the call's vibration, synced to the server's time `now`."""
    return browser_clock.script(now, CALLED)


def clock_html(turn: Turn, now: float, role: str) -> str:
    """The count-up element of `turn` for a "screen", "phone" or "console"."""
    running = turn.paused_at is None and turn.ended_at is None
    return browser_clock.elapsed_html(
        started_at=turn.started_at + turn.paused_total if running else None,
        elapsed=turn.elapsed(now),
        classes=f"st-clock st-clock-{role}",
        testid="st-clock",
        limit=turn.limit,
        warn_within=WARN_BEFORE,
        warn_class="st-warn",
        over_class="st-over",
    )


def tags_html(lang: str, *, mode: str, point_of_order: bool, extra: str = "") -> str:
    parts = []
    if point_of_order:
        parts.append(f'<span class="st-tag st-tag-point">{esc(t("speaking_turns.point_tag", lang))}</span>')
    if mode == "remote":
        parts.append(f'<span class="st-tag st-tag-remote">{esc(t("speaking_turns.remote_tag", lang))}</span>')
    return "".join(parts) + extra


def reason_html(reason: str, lang: str) -> str:
    kind = (
        "st-tag-pinned"
        if reason == "pinned"
        else "st-tag-point"
        if reason == "point_of_order"
        else "st-tag-reason"
    )
    return (
        f'<span class="st-tag {kind}" data-reason="{esc(reason)}">'
        f"{esc(t(f'speaking_turns.reason.{reason}', lang))}</span>"
    )


def gauge_html(stats: Stats, lang: str, *, modes: bool = True) -> str:
    """Speaking-time share against presence share, one row per category present or heard, then
    (unless `modes` is off: a fully remote forum) the room and the remote attendees apart."""
    rows = [
        f'<div class="st-gauge-legend"><i style="background:var(--cercle-blue,#000091)"></i>'
        f"{esc(t('speaking_turns.gauge.time', lang))}"
        f'<i style="background:var(--cercle-warn,#b34000);width:.5vw"></i>'
        f"{esc(t('speaking_turns.gauge.presence', lang))}</div>"
    ]
    lines = [(line, f"speaking_turns.cat.{line.key}") for line in stats.by_category]
    if modes and all(line.present for line in stats.by_mode):
        lines += [(line, f"speaking_turns.mode.{line.key}") for line in stats.by_mode]
    for line, label in lines:
        if line.hidden or (not line.present and not line.seconds):
            continue  # a category the rule does not show has no row of its own
        rows.append(
            f'<div class="st-gauge-row" data-testid="st-gauge-{line.key}">'
            f'<div class="st-gauge-label">{esc(t(label, lang))}</div>'
            f'<div class="st-gauge-track"><div class="st-gauge-fill" style="width:{line.time_share * 100:.1f}%"></div>'
            f'<div class="st-gauge-mark" style="left:calc({line.present_share * 100:.1f}% - .25vw)"></div></div>'
            f'<div class="st-gauge-figures">{percent(line.time_share, lang)} '
            f"<span>/ {percent(line.present_share, lang)}</span></div></div>"
        )
    return f'<div class="st-gauge" data-testid="st-gauge">{"".join(rows)}</div>'


def table_html(columns: list[str], rows: list[list[object]], testid: str = "") -> str:
    head = "".join(f"<th>{esc(str(c))}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{esc(str(v))}</td>" for v in row) + "</tr>" for row in rows)
    attr = f' data-testid="{esc(testid)}"' if testid else ""
    return f'<table class="st-table"{attr}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
