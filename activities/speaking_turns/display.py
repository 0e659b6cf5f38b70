"""What the views draw that needs no NiceGUI: the turn clock and its script, the gauge, tags.

The clock counts up. It is an element carrying the turn's effective start (epoch ms, pauses
removed) or, paused, the seconds spoken, and the limit; a script ticks it in the browser four
times a second, so a running turn costs the server nothing. 30 s before the limit it turns
orange ("st-warn"), past it red ("st-over"). A phone whose turn it is vibrates once per turn,
where the browser allows it.
"""

from __future__ import annotations

from facilitation.i18n import t
from facilitation.ui.markup import esc

from .model import Turn
from .stats import Stats, percent

WARN_BEFORE = 30

SCRIPT = r"""
if (!window.cercleTurns) {
  const turns = window.cercleTurns = {offset: 0};
  turns.sync = (serverMs) => { const o = serverMs - Date.now(); turns.offset = Math.abs(o) > 2000 ? o : 0; };
  const fmt = (s) => { s = Math.max(0, Math.floor(s)); return Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0'); };
  turns.tick = () => {
    const now = Date.now() + turns.offset;
    document.querySelectorAll('.st-clock').forEach((el) => {
      const start = parseFloat(el.dataset.start);
      const spent = isNaN(start) ? parseFloat(el.dataset.elapsed || '0') : (now - start) / 1000;
      const text = fmt(spent);
      if (el.textContent !== text) el.textContent = text;
      const limit = parseFloat(el.dataset.limit);
      el.classList.toggle('st-over', !isNaN(limit) && spent >= limit);
      el.classList.toggle('st-warn', !isNaN(limit) && spent < limit && spent >= limit - %(warn)d);
    });
    document.querySelectorAll('.st-called[data-turn]').forEach((el) => {
      const key = 'cercle-called-' + el.dataset.turn;
      try { if (sessionStorage.getItem(key)) return; sessionStorage.setItem(key, '1'); } catch (e) { return; }
      if (navigator.vibrate) { try { navigator.vibrate([400, 200, 400]); } catch (e) {} }
    });
  };
  setInterval(turns.tick, 250);
}
""".replace("%(warn)d", str(WARN_BEFORE))

STYLE = """
.st-clock { font-variant-numeric: tabular-nums; font-weight: 800; line-height: 1; color: var(--cercle-blue, #000091); }
.st-clock.st-warn { color: var(--cercle-warn, #b34000); }
.st-clock.st-over { color: #ce0500; }
.st-clock-screen { font-size: 18vh; }
.st-clock-phone { font-size: 4rem; }
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
.st-screen-label { font-size: 3vh; color: var(--cercle-muted, #595959); text-transform: uppercase; font-weight: 700; }
.st-screen-next { font-size: 3.6vh; line-height: 1.4; }
.st-screen-next .st-tag { font-size: 2.2vh; }
.st-gauge { width: 100%; display: flex; flex-direction: column; gap: 1.2vh; }
.st-gauge-row { display: grid; grid-template-columns: 16vw 1fr 17vw; align-items: center; gap: 1.2vw; font-size: 2.8vh; }
.st-gauge-track { position: relative; height: 3.4vh; background: #e5e5e5; border-radius: 1.7vh; overflow: visible; }
.st-gauge-fill { height: 100%; background: var(--cercle-blue, #000091); border-radius: 1.7vh; }
.st-gauge-mark { position: absolute; top: -0.8vh; bottom: -0.8vh; width: .5vw; min-width: 4px; background: var(--cercle-warn, #b34000); border-radius: 2px; }
.st-gauge-figures { font-variant-numeric: tabular-nums; font-weight: 700; }
.st-gauge-legend { font-size: 2.2vh; color: var(--cercle-muted, #595959); }
.st-gauge-legend i { display: inline-block; width: 1.6vh; height: 1.6vh; vertical-align: middle; margin: 0 .4vw 0 1.2vw; border-radius: .3vh; }
"""


def sync_script(now: float) -> str:
    return f"{SCRIPT}\nwindow.cercleTurns.sync({now * 1000:.0f});"


def clock_html(turn: Turn, now: float, role: str) -> str:
    """The count-up element of `turn` for a "screen", "phone" or "console"."""
    if turn.paused_at is None and turn.ended_at is None:
        data = f'data-start="{(turn.started_at + turn.paused_total) * 1000:.0f}"'
    else:
        data = f'data-elapsed="{turn.elapsed(now):.1f}"'
    limit = f' data-limit="{turn.limit}"' if turn.limit else ""
    spent = turn.elapsed(now)
    state = ""
    if turn.limit and spent >= turn.limit:
        state = " st-over"
    elif turn.limit and spent >= turn.limit - WARN_BEFORE:
        state = " st-warn"
    return (
        f'<span class="st-clock st-clock-{role}{state}" data-testid="st-clock" {data}{limit}>'
        f"{int(spent) // 60}:{int(spent) % 60:02d}</span>"
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


def gauge_html(stats: Stats, lang: str) -> str:
    """Speaking-time share against presence share, one row per category present or heard."""
    rows = [
        f'<div class="st-gauge-legend"><i style="background:var(--cercle-blue,#000091)"></i>'
        f"{esc(t('speaking_turns.gauge.time', lang))}"
        f'<i style="background:var(--cercle-warn,#b34000);width:.5vw"></i>'
        f"{esc(t('speaking_turns.gauge.presence', lang))}</div>"
    ]
    for line in stats.by_category:
        if not line.present and not line.seconds:
            continue
        rows.append(
            f'<div class="st-gauge-row" data-testid="st-gauge-{line.key}">'
            f"<div>{esc(t(f'speaking_turns.cat.{line.key}', lang))}</div>"
            f'<div class="st-gauge-track"><div class="st-gauge-fill" style="width:{line.time_share * 100:.1f}%"></div>'
            f'<div class="st-gauge-mark" style="left:calc({line.present_share * 100:.1f}% - .25vw)"></div></div>'
            f'<div class="st-gauge-figures">{percent(line.time_share)} '
            f'<span class="cercle-muted">/ {percent(line.present_share)}</span></div></div>'
        )
    return f'<div class="st-gauge" data-testid="st-gauge">{"".join(rows)}</div>'


def table_html(columns: list[str], rows: list[list[object]], testid: str = "") -> str:
    head = "".join(f"<th>{esc(str(c))}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{esc(str(v))}</td>" for v in row) + "</tr>" for row in rows)
    attr = f' data-testid="{esc(testid)}"' if testid else ""
    return f'<table class="st-table"{attr}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
