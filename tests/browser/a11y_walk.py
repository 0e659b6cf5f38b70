"""The accessibility walk's tools: the checks run at every state of a page, and what they found.

At every state each page is checked once, and the findings are asserted apart (see the two walks,
`test_accessibility.py` and `test_accessibility_forum.py`):
- axe-core (the copy `axe-playwright-python` bundles), rules tagged WCAG 2.0/2.1 A and AA;
- phones: no horizontal scroll, no text cut with "…" and no word split across two lines at 320 px
  wide (the French phone) and at 200 % zoom (the English phone: a 390x844 phone zoomed as a
  browser zooms, to 195 CSS px wide), targets of at least 44x44 CSS px;
- the projector at 1920x1080: every text at 36 px or more, none in grey, none off the screen;
- the keyboard: a ring of 3:1 around every stop, focus kept on a control drawn again, and moved to
  the new state's heading, never to the page, when what had it goes away.
With CERCLE_A11Y_SHOTS=<folder>, every phone and projector state is also saved there as a screenshot.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from axe_playwright_python.sync_playwright import Axe

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE = Axe()
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]}
NARROW = {"width": 320, "height": 640}
ZOOMED = {"width": 195, "height": 422}  # a 390x844 phone at 200 % zoom: half the CSS pixels, each drawn twice
ZOOM = 2
HELD = "À distance, Jean Dupont de la DINUM m'en a parlé"  # a name: held for review
SHOTS = os.environ.get("CERCLE_A11Y_SHOTS", "")
MIN_TARGET = 44
MIN_PROJECTED = 36

# Transitions off: a fading element would be measured half-drawn.
STILL = """
addEventListener('DOMContentLoaded', () => {
  const style = document.createElement('style');
  style.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }';
  document.head.append(style);
});
"""

# What overflows sideways (the deepest elements past the right edge), what is cut with an ellipsis,
# which targets are under 44x44 px (measured as drawn, zoom included).
LAYOUT = """(min) => {
  const root = document.scrollingElement;
  const shown = (el) => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && !el.closest('[aria-hidden=true], .cercle-sr-only'); };
  const name = (el) => (el.getAttribute('data-testid') || el.getAttribute('aria-label') || el.textContent || el.tagName)
    .trim().replace(/\\s+/g, ' ').slice(0, 50);
  const edge = root.clientWidth;
  const out = {scroll: root.scrollWidth - root.clientWidth, cut: [], small: [], wide: []};
  const wide = [];
  for (const el of document.querySelectorAll('body *')) {
    if (!shown(el)) continue;
    const s = getComputedStyle(el);
    if (s.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1) out.cut.push(name(el));
    if (el.getBoundingClientRect().right > edge + 1 && s.position !== 'fixed') wide.push(el);
  }
  out.wide = wide.filter((el) => !wide.some((other) => other !== el && el.contains(other)))
    .map((el) => name(el) + ' ' + Math.round(el.getBoundingClientRect().right - edge) + 'px');
  // words cut across two lines by a column squeezed too narrow ("Hesi-tant"): a word narrower
  // than half the page, so that it fits any phone's line (a longer one, a web address, may break)
  out.split = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement || !shown(node.parentElement)) continue;
    for (const m of node.textContent.matchAll(/[\\p{L}\\p{N}]{2,}/gu)) {
      range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
      const rects = [...range.getClientRects()];
      const tops = new Set(rects.map((r) => Math.round(r.top)));
      const width = rects.reduce((sum, r) => sum + r.width, 0);
      if (tops.size > 1 && width < edge / 2 && out.split.length < 10) out.split.push(m[0]);
    }
  }
  const targets = 'button, a[href], [role=button], [role=radio], [role=checkbox], [role=switch], select,'
    + ' input[type=file], summary, .q-btn-toggle .q-btn';
  for (const el of document.querySelectorAll(targets)) {
    if (!shown(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width < min - 0.5 || r.height < min - 0.5)
      out.small.push(`${name(el)} ${Math.round(r.width)}x${Math.round(r.height)}`);
  }
  return out;
}"""

# Texts on the projector: size and colour of every element that draws text of its own.
PROJECTED = """() => {
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const s = getComputedStyle(el);
    // the language switch in a corner is the facilitator's, not what the room reads
    if (s.visibility === 'hidden' || el.closest('[aria-hidden=true], .cercle-sr-only, .cercle-screen-topbar')) continue;
    out.push({text: el.textContent.trim().slice(0, 50), size: parseFloat(s.fontSize), color: s.color,
              below: r.bottom > innerHeight + 1 || r.right > innerWidth + 1});
  }
  return out;
}"""


# The keyboard focus: where it is, and the ring drawn around it (around a text field's box, for a field).
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const field = el.closest('.q-field');
  const ringed = field ? field.querySelector('.q-field__control') : el;
  const s = getComputedStyle(ringed);
  return {name: (el.getAttribute('data-testid') || el.getAttribute('aria-label') || el.textContent || el.tagName)
            .trim().replace(/\\s+/g, ' ').slice(0, 40),
          testid: el.getAttribute('data-testid') || '', heading: el.hasAttribute('data-cercle-heading'),
          style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor};
}"""
FOCUSED_IS = "(s) => !!document.activeElement && document.activeElement.matches(s)"
ON_HEADING = "document.activeElement && document.activeElement.hasAttribute('data-cercle-heading')"


def luminance(color: str) -> float:
    channels = []
    for n in [float(n) / 255 for n in re.findall(r"[\d.]+", color)[:3]]:
        channels.append(n / 12.92 if n <= 0.03928 else ((n + 0.055) / 1.055) ** 2.4)
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@dataclass(repr=False)
class Findings:
    """What every check found, per kind, and every state checked."""

    states: list[str] = field(default_factory=list)
    axe: list[str] = field(default_factory=list)
    reflow: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    projector: list[str] = field(default_factory=list)
    focus: list[str] = field(default_factory=list)

    def __repr__(self) -> str:
        return f"Findings({len(self.states)} states)"


def axe_report(state: str, violations: list[dict[str, Any]]) -> str:
    lines = [f"== {state}"]
    for v in violations:
        lines.append(f"  {v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"][:6]:
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"    {' '.join(map(str, node['target']))}: {node['html'][:160]}")
            lines.append(f"      {summary[:300]}")
        if len(v["nodes"]) > 6:
            lines.append(f"    … and {len(v['nodes']) - 6} more")
    return "\n".join(lines)


def grey(color: str) -> bool:
    """A colour with no hue, lighter than near-black and darker than near-white: grey."""
    numbers = [float(n) for n in re.findall(r"[\d.]+", color)[:3]]
    return max(numbers) - min(numbers) < 12 and 60 < min(numbers) < 230


class Walk:
    """Pages in both languages, and the checks run on them at each state."""

    def __init__(self, server, browser, plan: str, findings: Findings) -> None:
        self.server, self.browser, self.findings = server, browser, findings
        self.session = server.create(plan=plan)
        self.plan = plan
        self.contexts: list[Any] = []

    def context(self, viewport: dict[str, int], zoom: int = 1) -> Any:
        """A browser window; zoomed, as a browser zooms: fewer CSS pixels, each drawn larger."""
        context = self.browser.new_context(viewport=viewport, device_scale_factor=zoom)
        context.add_init_script(STILL)
        self.contexts.append(context)
        return context

    def page(self, url: str, viewport: dict[str, int], zoom: int = 1) -> Any:
        page = self.context(viewport, zoom).new_page()
        page.goto(url)
        return page

    def close(self) -> None:
        for context in self.contexts:
            context.close()

    def check(
        self, page: Any, state: str, *, phone: bool = False, screen: bool = False, within: str = ""
    ) -> None:
        """Every check of `state` on `page` (only `within` these elements for axe, e.g. an open
        modal dialog, which makes the rest of the page inert)."""
        page.wait_for_load_state("networkidle")
        self.findings.states.append(state)
        if SHOTS:  # the list of states, beside their screenshots
            Path(SHOTS).mkdir(parents=True, exist_ok=True)
            with open(Path(SHOTS) / "states.txt", "a", encoding="utf-8") as out:
                out.write(state + "\n")
        results = AXE.run(page, context={"include": [[within]]} if within else None, options=AXE_OPTIONS)
        if results.violations_count:
            self.findings.axe.append(axe_report(state, results.response["violations"]))
        if phone:
            self.check_phone(page, state)
        if screen:
            self.check_projector(page, state)

    def check_phone(self, page: Any, state: str) -> None:
        found = page.evaluate(LAYOUT, MIN_TARGET)
        if found["scroll"] > 0 or found["cut"] or found["split"]:
            self.findings.reflow.append(
                f"{state}: scrolls {found['scroll']} px sideways {found['wide'][:5]}; cut: {found['cut']}; "
                f"words split across lines: {found['split']}"
            )
        if found["small"]:
            self.findings.targets.append(f"{state}: {found['small']}")
        self.shoot(page, state, full_page=True)

    def shoot(self, page: Any, state: str, full_page: bool = False) -> None:
        if SHOTS:
            folder = Path(SHOTS)
            folder.mkdir(parents=True, exist_ok=True)
            name = re.sub(r"[^a-z0-9]+", "-", state.lower())
            page.screenshot(path=str(folder / f"{name}.png"), full_page=full_page)

    def check_projector(self, page: Any, state: str) -> None:
        small = []
        for text in page.evaluate(PROJECTED):
            if text["below"]:
                small.append(f"{text['text']!r} off the screen")
            elif text["size"] < MIN_PROJECTED - 0.5:
                small.append(f"{text['text']!r} {text['size']:.0f}px")
            elif grey(text["color"]):
                small.append(f"{text['text']!r} grey {text['color']}")
        if small:
            self.findings.projector.append(f"{state}: {small}")
        self.shoot(page, state)

    def tab_to(self, page: Any, target: str, state: str, limit: int = 40) -> None:
        """Tab from the top of `page` to the element `target` (a test id, or a CSS selector), checking
        the ring around each stop: solid, 2 px at least, 3:1 at least against the page and the cards
        (WCAG 2.4.7, 1.4.11)."""
        selector = target if any(c in target for c in "[.#") else f'[data-testid="{target}"]'
        page.evaluate("document.activeElement && document.activeElement.blur()")
        for _ in range(limit):
            page.keyboard.press("Tab")
            found = page.evaluate(FOCUSED)
            if found is None:
                continue
            worst = min(
                contrast(found["color"], background)
                for background in ("rgb(255,255,255)", "rgb(246,246,246)")
            )
            if found["style"] in ("none", "hidden") or found["width"] < 2 or worst < 3:
                self.findings.focus.append(
                    f"{state}: {found['name']!r} has no visible ring ({found['style']} {found['width']}px "
                    f"{found['color']}, {worst:.1f}:1)"
                )
            if page.evaluate(FOCUSED_IS, selector):
                return
        self.findings.focus.append(f"{state}: {target} not reached in {limit} tabs")

    def focus_stays(self, page: Any, selector: str, state: str) -> None:
        """After a tap that redrew the control's block: the focus is on the control drawn again."""
        try:
            page.wait_for_function(FOCUSED_IS, arg=selector, timeout=5000)
        except Exception:
            found = page.evaluate(FOCUSED)
            self.findings.focus.append(f"{state}: the focus went to {found['name'] if found else 'the body'}")

    def focus_kept(self, page: Any, state: str) -> None:
        """After what had the focus went away: the focus is on the new state's heading, not the body."""
        try:
            page.wait_for_function(ON_HEADING, timeout=5000)
        except Exception:
            found = page.evaluate(FOCUSED)
            self.findings.focus.append(f"{state}: the focus is on {found['name'] if found else 'the body'}")


def wait(page: Any, testid: str, state: str = "visible") -> None:
    page.get_by_test_id(testid).first.wait_for(state=state)


def report(found: list[str]) -> str:
    return "\n".join(found)


# The checks each walk's module imports: pytest runs them there, on that module's `findings`.
def test_axe_finds_no_violation(findings) -> None:
    assert not findings.axe, "axe-core (WCAG 2.0/2.1 A and AA):\n" + report(findings.axe)


def test_phones_reflow_without_scrolling_sideways(findings) -> None:
    assert not findings.reflow, report(findings.reflow)


def test_phone_targets_are_44_px_at_least(findings) -> None:
    assert not findings.targets, report(findings.targets)


def test_the_projector_shows_what_matters_large_and_dark(findings) -> None:
    assert not findings.projector, report(findings.projector)


def test_the_keyboard_focus_shows_and_never_falls_to_the_page(findings) -> None:
    assert not findings.focus, report(findings.focus)
