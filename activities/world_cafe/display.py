"""What the views draw that needs no NiceGUI: the café's clock and bell, its style, labels.

The countdown is the shared browser clock (`facilitation/ui/clock.py`): it ticks in the browser,
so a running rotation costs the server nothing. The bell is the café's own: each page arms the
end times its clocks show and, when one passes, the screen chimes and phones vibrate (a rotation
ended early by the facilitator rings through `ring_script`).
"""

from __future__ import annotations

import hashlib
import math

from facilitation.i18n import t, t_plural
from facilitation.ui import clock as browser_clock
from facilitation.ui.markup import esc

from .clock import Timing
from .contributions import actors_by_kind, table_actors, table_ideas
from .model import CafeState

CHIME_URL = "/assets/sounds/chime.wav"
WARN_WITHIN = 60  # the last minute of a rotation shows

BELL = r"""
if (!window.cercleCafe) {
  const cafe = window.cercleCafe = {armed: new Map()};
  cafe.ring = (flags) => {
    if (flags.chime) {
      const audio = document.getElementById('wc-chime');
      if (audio) { audio.currentTime = 0; audio.play().catch(() => {
        const hint = document.getElementById('wc-sound-hint'); if (hint) hint.style.display = 'block'; }); }
    }
    if (flags.vibrate && navigator.vibrate) { try { navigator.vibrate([300, 150, 300]); } catch (e) {} }
    document.querySelectorAll('.wc-clock').forEach((el) => el.classList.add('wc-rang'));
  };
  window.cercleClock.every((now) => {
    const present = new Set();
    document.querySelectorAll('.wc-clock').forEach((el) => {
      const end = parseFloat(el.dataset.end);
      if (isNaN(end)) return;
      present.add(end);
      if (end > now && !cafe.armed.has(end)) cafe.armed.set(end, {chime: el.dataset.chime === '1', vibrate: el.dataset.vibrate === '1'});
    });
    for (const [end, flags] of cafe.armed) {
      if (now >= end) { cafe.armed.delete(end); cafe.ring(flags); }
      else if (!present.has(end) && end - now > 1500) cafe.armed.delete(end);  // paused, skipped, extended
    }
  });
  document.addEventListener('click', () => {
    const audio = document.getElementById('wc-chime');
    if (audio) { audio.muted = true; audio.play().then(() => { audio.pause(); audio.muted = false; }).catch(() => {}); }
    const hint = document.getElementById('wc-sound-hint'); if (hint) hint.style.display = 'none';
  }, {once: true});
}
"""

STYLE = """
.wc-clock { font-variant-numeric: tabular-nums; font-weight: 800; line-height: 1; }
.wc-clock.wc-warning { color: var(--cercle-warn, #b34000); animation: wc-pulse 1s ease-in-out infinite alternate; }
.wc-clock[data-remaining] { opacity: .55; }
@keyframes wc-pulse { from { opacity: 1; } to { opacity: .6; } }
@media (prefers-reduced-motion: reduce) { .wc-clock.wc-warning { animation: none; } }
.wc-clock-screen { font-size: 11vh; color: var(--cercle-blue, #000091); }
.wc-clock-phone { font-size: 3rem; color: var(--cercle-blue, #000091); }
.wc-clock-console { font-size: 3rem; }
.wc-bar { height: 12px; border-radius: 6px; background: #e5e5e5; overflow: hidden; width: 100%; }
.wc-bar > div { height: 100%; background: var(--cercle-blue, #000091); }
.wc-bar.wc-done > div { background: var(--cercle-ok, #18753c); }
.wc-screen-bar { height: 2.2vh; border-radius: 1.1vh; }
.wc-tables { display: grid; grid-template-columns: repeat(auto-fill, minmax(20vw, 1fr)); gap: 1.6vh; width: 100%; }
.wc-table-card { background: #fff; border-radius: 1vh; padding: 1.2vh 1.1vw; box-shadow: 0 1px 3px rgba(0,0,0,.12);
  display: flex; flex-direction: column; gap: .6vh; }
.wc-table-theme { font-size: var(--cercle-screen-small, 3.4vh); font-weight: 700; line-height: 1.15; }
.wc-table-num { font-size: var(--cercle-screen-small, 3.4vh); font-weight: 800; color: var(--cercle-blue, #000091); text-transform: uppercase; }
.wc-chip { display: inline-block; background: #e8edff; color: var(--cercle-blue, #000091); border-radius: 999px;
  padding: .2em .7em; margin: 0 .3em .3em 0; font-weight: 700; }
.wc-chip-remote { background: #fef4e8; color: var(--cercle-warn, #b34000); }
.wc-screen-chip { font-size: var(--cercle-screen-small, 3.4vh); margin: 0; padding: 0 .5em; }
.wc-table-head { display: flex; flex-wrap: wrap; align-items: center; gap: .2em .5em; }
.wc-table-progress { display: flex; align-items: center; gap: .8vw; }
.wc-table-progress > .wc-bar { flex: 1; }
.wc-count { font-size: var(--cercle-screen-small, 3.4vh); font-variant-numeric: tabular-nums; }
.wc-map { display: grid; gap: 1.2vh; width: 100%; }
.wc-more { margin-top: .4vh; }
.wc-map-card { background: #fff; border-radius: 1vh; padding: 1.2vh .8vw; line-height: 1.3; box-shadow: 0 1px 3px rgba(0,0,0,.12); font-size: var(--cercle-screen-small, 3.4vh); overflow: hidden; }
.wc-map-card h3 { display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden;
  font-size: var(--cercle-screen-small, 3.4vh); font-weight: 800; line-height: 1.2; margin: 0 0 .6vh; color: var(--cercle-blue, #000091); }
.wc-map-card h4 { font-size: 1em; font-weight: 700; font-style: italic; margin: .6vh 0 .2vh; }
.wc-map-card ul { margin: 0; padding: 0; list-style: none; }
.wc-map-card li { margin: 0 0 .25vh; }
/* the projected map on a phone: one theme under another (as many side by side as fit), in the
   phone's type, titles in full */
.wc-follow-map .wc-map { grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr)) !important; gap: 8px; }
.wc-follow-map .wc-map-card { font-size: 1rem; padding: 6px 8px; }
.wc-follow-map .wc-map-card h3 { font-size: 1.05rem; display: block; -webkit-line-clamp: unset; margin-bottom: 4px; }
.wc-follow-map .wc-map-card h4 { margin: 4px 0 2px; }
@media (max-width: 300px) { .wc-follow-map .wc-map-card h3 { font-size: 1rem; } }
.wc-mentions { font-weight: 800; color: var(--cercle-blue, #000091); white-space: nowrap; }
.wc-phone-theme { font-size: 1.35rem; font-weight: 800; line-height: 1.25; }
.wc-phone-where { display: flex; align-items: center; justify-content: space-between; gap: 8px; flex-wrap: wrap; margin-bottom: 4px; }
.wc-phone-themes { margin: 4px 0 0 1.2em; list-style: decimal; }
.wc-phone-actor { display: flex; justify-content: space-between; gap: 8px; padding: 4px 0; border-bottom: 1px solid #eee; }
.wc-sound-hint { display: none; position: fixed; right: 1vw; bottom: 1vh; font-size: 1.6vh; color: var(--cercle-muted, #595959); }
.wc-hidden { text-decoration: line-through; color: var(--cercle-muted, #595959); }
.wc-follow-head { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: .5em; margin-bottom: .5em; }
.wc-follow-head > b { overflow-wrap: break-word; }
.wc-follow-table { padding: .4em 0; border-bottom: 1px solid #e5e5e5; }
.wc-clock { white-space: nowrap; }
"""


def clock_html(timing: Timing, role: str) -> str:
    """The countdown element of `timing` for a "screen", "phone" or "console"."""
    rotation = timing.phase == "rotation"
    return browser_clock.countdown_html(
        ends_at=timing.ends_at,
        remaining=timing.remaining,
        classes=f"wc-clock wc-clock-{role}",
        testid="wc-clock",
        warn_within=WARN_WITHIN if rotation else None,
        warn_class="wc-warning",
        data={
            "chime": "1" if role == "screen" and rotation else "0",
            "vibrate": "1" if role == "phone" and rotation else "0",
        },
    )


def ring_script(role: str) -> str:
    """Ring now (a rotation the facilitator ended early: no end time ran out in the browser)."""
    flags = "{chime: true}" if role == "screen" else "{vibrate: true}"
    return f"window.cercleCafe && window.cercleCafe.ring({flags});"


def sync_script(now: float) -> str:
    """The shared clock and the café's bell, synced to the server's time `now`."""
    return browser_clock.script(now, BELL)


def bar_html(count: int, target: int, name: str, extra: str = "") -> str:
    """A table's progress toward its target, named `name` for screen readers (e.g. "Table 2")."""
    share = min(1.0, count / target) if target else 1.0
    done = " wc-done" if count >= target else ""
    return (
        f'<div class="wc-bar{done} {extra}" role="progressbar" aria-label="{esc(name)}" aria-valuemin="0" '
        f'aria-valuenow="{count}" aria-valuemax="{target}" aria-valuetext="{count} / {target}">'
        f'<div style="width:{share * 100:.0f}%"></div></div>'
    )


def short_label(token: str) -> str:
    """A four-character mark for a participant, shown on their phone and on the console only (so the
    facilitator can move someone who asks); derived from the token, never stored."""
    return hashlib.sha256(token.encode()).hexdigest()[:4].upper()


MAP_LINES = 17  # lines of text (36 px at 1080, read from the back of the room) the projected map holds
MAP_CHARS = 66  # characters per line across the map's width (a column holds MAP_CHARS / columns)
MAP_COLUMNS = 3  # themes side by side; more make a second row


def _height(text: str, width: int) -> int:
    return max(1, math.ceil(len(text) / max(width, 8)))


def actor_map_html(state: CafeState, lang: str) -> str:
    """The projected actor map: one column per theme (a second row past three themes), actors grouped
    by kind, most mentioned first, as many as fit (long names take several lines); the rest are
    counted."""
    themes = state.settings.themes
    columns = max(1, min(len(themes), MAP_COLUMNS))
    rows = math.ceil(len(themes) / columns)
    width = MAP_CHARS // columns
    parts = [f'<div class="wc-map" style="grid-template-columns: repeat({columns}, minmax(0, 1fr))">']
    for table, theme in enumerate(themes):
        title = theme.title.get(lang)
        # a theme's title takes two lines at most (the tables showed it in full): the rest is for actors
        budget = MAP_LINES // max(rows, 1) - 2 - min(2, _height(title, int(width * 0.85)))
        lines = table_actors(state.contributions, table)
        parts.append(f'<div class="wc-map-card" data-table="{table + 1}"><h3>{esc(title)}</h3>')
        used, shown = 0.0, 0
        for kind, group in actors_by_kind(lines).items():
            if used + 3 > budget:
                break
            parts.append(f"<h4>{esc(t(f'world_cafe.kind.{kind}', lang))}</h4><ul>")
            used += 1.5
            for line in group:
                mentions = f" ×{line.mentions}" if line.mentions > 1 else ""
                height = _height(line.name + mentions, width)
                if used + height > budget:
                    break
                badge = f'&nbsp;<span class="wc-mentions">×{line.mentions}</span>' if mentions else ""
                parts.append(f"<li>{esc(line.name)}{badge}</li>")
                used += height
                shown += 1
            parts.append("</ul>")
        if len(lines) > shown:
            parts.append(
                f'<div class="wc-more">{esc(t_plural("world_cafe.more", len(lines) - shown, lang))}</div>'
            )
        ideas = len(table_ideas(state.contributions, table))
        if ideas:
            parts.append(f'<div class="wc-more">{esc(t_plural("world_cafe.ideas_count", ideas, lang))}</div>')
        if not lines and not ideas:
            parts.append(f"<div>{esc(t('world_cafe.nothing_yet', lang))}</div>")
        parts.append("</div>")
    parts.append("</div>")
    return "".join(parts)
