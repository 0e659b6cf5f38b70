"""What assistive technologies need from every page: headings to land on, live regions, and focus
that never falls to the page's body.

When what has the keyboard focus disappears (the vote buttons of a round that closed, the form of
a raised hand, the view of an agenda item that ended), the browser drops the focus on the page's
body and a screen reader starts again from the top. The script below, in every page's head,
watches for that and moves the focus to the nearest heading marked `data-cercle-heading` in what
is still shown around the lost element (the new state's heading), without a message from the
server. A control drawn again with the rest of its block (a ballot's or a card's buttons, one HTML
element redrawn on a tap) keeps the focus: the script finds its twin by its `data-` attributes.
Focus that is where the person left it is never moved: what changed is told by the live
regions (`aria-live`), spoken without moving anything.
"""

from __future__ import annotations

from typing import TypeVar

from nicegui import ui

from .markup import heading_attributes

FOCUS_SCRIPT = """<script>
(() => {
  let trail = [];
  const chain = (el) => { const out = []; for (; el && el !== document.body; el = el.parentElement) out.push(el); return out; };
  const shown = (el) => el.isConnected && el.getClientRects().length > 0;
  const usable = (el) => shown(el) && !el.disabled && el.getAttribute('aria-disabled') !== 'true';
  document.addEventListener('focusin', (e) => { trail = chain(e.target); });
  const twin = (el) => {
    const keys = el ? [...el.attributes].filter((a) => a.name.startsWith('data-') && a.name !== 'data-cercle-heading') : [];
    if (!keys.length) return null;
    const selector = el.tagName + keys.map((a) => `[${a.name}="${CSS.escape(a.value)}"]`).join('');
    return [...document.querySelectorAll(selector)].find((other) => other !== el && usable(other)) || null;
  };
  let queued = false;
  const check = () => {
    queued = false;
    const active = document.activeElement;
    const focused = active && active !== document.body ? active : null;
    if (focused ? usable(focused) : !trail.length || usable(trail[0])) return;
    const lost = focused ? chain(focused) : trail;
    trail = [];
    const same = twin(lost[0]);  // the same control, drawn again (a list redrawn as one block)
    if (same) { same.focus(); return; }
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

LIVE = 'aria-live="polite"'
E = TypeVar("E", bound=ui.element)
__all__ = ["FOCUS_SCRIPT", "heading", "heading_attributes", "live"]


def heading(element: E, level: int = 2) -> E:
    """Make `element` a heading (for screen readers) that the focus may land on."""
    return element.props(heading_attributes(level))


def live(element: E) -> E:
    """Make `element` a polite live region: a screen reader says what changes in it."""
    return element.props(LIVE)
