"""The browser clock every activity shares: countdowns and elapsed times that tick in the browser.

A clock is an element with `data-clock="countdown"` (an end time `data-end`, epoch ms, or paused,
the seconds left `data-remaining`) or `data-clock="elapsed"` (a start `data-start`, epoch ms, or
paused, the seconds spent `data-elapsed`). One script ticks every such element on the page four
times a second, so a running clock costs the server nothing. A countdown shows whole seconds
rounded up (it reads 0:00 only when time is up), an elapsed time rounded down.

Near a deadline it marks the element: `data-warn-class` while 0 < seconds left <= `data-warn-within`,
`data-over-class` once none are left. A countdown's deadline is its end; an elapsed time's is its
`data-limit` (seconds). Devices keep their own time (phones are set by the network); when a
device's clock is off by more than a second, the server's time sent with the page corrects it (to
within the time the message took to arrive, usually a fraction of a second).

Activities add what happens at a time (a chime, a vibration) with `cercleClock.every((now) =>
...)`, called after each tick with the corrected time in ms. Pure: no NiceGUI here, the views send
`script(now, ...)` with `ui.run_javascript`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

SYNC_TOLERANCE_MS = 1000  # a device clock off by less than this is trusted as it is

SCRIPT = r"""
if (!window.cercleClock) {
  const clock = window.cercleClock = {offset: 0, hooks: []};
  clock.sync = (serverMs) => { const o = serverMs - Date.now(); clock.offset = Math.abs(o) > %(tolerance)d ? o : 0; };
  clock.now = () => Date.now() + clock.offset;
  clock.format = (s, up) => {
    s = Math.max(0, up ? Math.ceil(s) : Math.floor(s));
    return Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
  };
  clock.read = (d, now) => {
    if (d.clock === 'countdown') {
      const end = parseFloat(d.end);
      return isNaN(end) ? parseFloat(d.remaining || '0') : (end - now) / 1000;
    }
    const start = parseFloat(d.start);
    return isNaN(start) ? parseFloat(d.elapsed || '0') : (now - start) / 1000;
  };
  clock.tick = () => {
    const now = clock.now();
    document.querySelectorAll('[data-clock]').forEach((el) => {
      const d = el.dataset, down = d.clock === 'countdown', seconds = clock.read(d, now);
      const text = clock.format(seconds, down);
      if (el.textContent !== text) el.textContent = text;
      const left = down ? seconds : parseFloat(d.limit) - seconds;  // NaN: no deadline
      if (d.warnClass) el.classList.toggle(d.warnClass, left > 0 && left <= parseFloat(d.warnWithin));
      if (d.overClass) el.classList.toggle(d.overClass, left <= 0);
    });
    clock.hooks.forEach((hook) => hook(now));
  };
  clock.every = (hook) => { clock.hooks.push(hook); };
  setInterval(clock.tick, 250);
}
""".replace("%(tolerance)d", str(SYNC_TOLERANCE_MS))


def script(now: float, *hooks: str) -> str:
    """The clock script (defined once per page), then `hooks` (scripts that register with
    `cercleClock.every`, each guarded to run once per page), then a sync to the server's time
    `now` (epoch seconds) and a first tick."""
    return "\n".join(
        [SCRIPT, *hooks, f"window.cercleClock.sync({now * 1000:.0f});", "window.cercleClock.tick();"]
    )


def mmss(seconds: float, *, round_up: bool) -> str:
    """`m:ss`, as the browser shows it: a countdown rounds up, an elapsed time rounds down."""
    whole = max(0, math.ceil(seconds) if round_up else math.floor(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


def countdown_html(
    *,
    ends_at: float | None,
    remaining: float,
    classes: str,
    testid: str,
    warn_within: float | None = None,
    warn_class: str = "",
    data: Mapping[str, str] | None = None,
) -> str:
    """A countdown to `ends_at` (epoch seconds), or paused (`ends_at` None) with `remaining`
    seconds; `warn_class` while at most `warn_within` seconds are left; `data`: more `data-*`
    attributes, for the activity's own scripts."""
    timing = {"end": f"{ends_at * 1000:.0f}"} if ends_at is not None else {"remaining": f"{remaining:.1f}"}
    return _clock(
        "countdown",
        {**timing, **(data or {})},
        classes=classes,
        testid=testid,
        text=mmss(remaining, round_up=True),
        left=remaining,
        warn_within=warn_within,
        warn_class=warn_class,
    )


def elapsed_html(
    *,
    started_at: float | None,
    elapsed: float,
    classes: str,
    testid: str,
    limit: float | None = None,
    warn_within: float | None = None,
    warn_class: str = "",
    over_class: str = "",
) -> str:
    """Time elapsed since `started_at` (epoch seconds, pauses already left out), or paused
    (`started_at` None) at `elapsed` seconds; against `limit` seconds, `warn_class` while at most
    `warn_within` are left and `over_class` once none are."""
    timing = (
        {"start": f"{started_at * 1000:.0f}"} if started_at is not None else {"elapsed": f"{elapsed:.1f}"}
    )
    if limit:
        timing["limit"] = f"{limit:g}"
    return _clock(
        "elapsed",
        timing,
        classes=classes,
        testid=testid,
        text=mmss(elapsed, round_up=False),
        left=limit - elapsed if limit else None,
        warn_within=warn_within,
        warn_class=warn_class,
        over_class=over_class,
    )


def _clock(
    kind: str,
    attributes: dict[str, str],
    *,
    classes: str,
    testid: str,
    text: str,
    left: float | None,
    warn_within: float | None,
    warn_class: str,
    over_class: str = "",
) -> str:
    """The element, with the marks the script would set now already on it (the first paint
    shows them)."""
    marks = [classes]
    if warn_class and warn_within is not None:
        attributes |= {"warn-within": f"{warn_within:g}", "warn-class": warn_class}
        if left is not None and 0 < left <= warn_within:
            marks.append(warn_class)
    if over_class:
        attributes["over-class"] = over_class
        if left is not None and left <= 0:
            marks.append(over_class)
    data = " ".join(f'data-{name}="{value}"' for name, value in attributes.items())
    # role="timer": a clock is read when asked for, never spoken at every tick (even in a live region)
    return f'<span class="{" ".join(marks)}" role="timer" data-testid="{testid}" data-clock="{kind}" {data}>{text}</span>'
