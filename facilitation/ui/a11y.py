"""What assistive technologies need from every page: headings to land on, live regions, and focus
that never falls to the page's body.

When what has the keyboard focus disappears (the vote buttons of a round that closed, the form of
a raised hand, the view of an agenda item that ended), the browser drops the focus on the page's
body and a screen reader starts again from the top. The script below, in every page's head,
watches for that and moves the focus to the nearest heading marked `data-cercle-heading` in what
is still shown around the lost element (the new state's heading), without a message from the
server. Focus that is where the person left it is never moved: what changed is told by the live
regions (`aria-live`), spoken without moving anything.
"""

from __future__ import annotations

from typing import TypeVar

from nicegui import ui

FOCUS_SCRIPT = """<script>
(() => {
  let trail = [];
  const chain = (el) => { const out = []; for (; el && el !== document.body; el = el.parentElement) out.push(el); return out; };
  const shown = (el) => el.isConnected && el.getClientRects().length > 0;
  const usable = (el) => shown(el) && !el.disabled && el.getAttribute('aria-disabled') !== 'true';
  document.addEventListener('focusin', (e) => { trail = chain(e.target); });
  let queued = false;
  const check = () => {
    queued = false;
    const active = document.activeElement;
    const focused = active && active !== document.body ? active : null;
    if (focused ? usable(focused) : !trail.length || usable(trail[0])) return;
    const lost = focused ? chain(focused) : trail;
    trail = [];
    for (const place of [...lost.slice(1), document.body]) {
      if (place !== document.body && !shown(place)) continue;
      const heading = [...place.querySelectorAll('[data-cercle-heading]')].find(shown);
      if (heading) { heading.focus(); return; }
    }
  };
  new MutationObserver(() => { if (!queued) { queued = true; requestAnimationFrame(check); } })
    .observe(document.documentElement, {subtree: true, childList: true, attributes: true,
                                        attributeFilter: ['class', 'style', 'disabled']});
})();
</script>"""

HEADING = 'role="heading" aria-level="{level}" tabindex="-1" data-cercle-heading'
LIVE = 'aria-live="polite"'
E = TypeVar("E", bound=ui.element)


def heading_attributes(level: int = 2) -> str:
    """The attributes of a heading the focus may be moved to, for markup written by hand."""
    return HEADING.format(level=level)


def heading(element: E, level: int = 2) -> E:
    """Make `element` a heading (for screen readers) that the focus may land on."""
    return element.props(heading_attributes(level))


def live(element: E) -> E:
    """Make `element` a polite live region: a screen reader says what changes in it."""
    return element.props(LIVE)
