"""WCAG 2.1 AA on every page and state, in French and in English, checked as a person would.

One walk through two forums (the 2018 plan: a débat mouvant, a world café, the record; the DITP
plan: speaking turns) with, side by side, a phone, the projected screen and the console in each
language. At every state each page is checked once, and the findings are asserted apart:
- axe-core (the copy `axe-playwright-python` bundles), rules tagged WCAG 2.0/2.1 A and AA;
- phones: no horizontal scroll and no text cut with "…" at 320 px wide (the French phone) and at
  200 % zoom (the English phone: a 390x844 phone zoomed as a browser zooms, to 195 CSS px wide),
  targets of at least 44x44 CSS px;
- the projector at 1920x1080: every text at 36 px or more, none in grey, none off the screen.
With CERCLE_A11Y_SHOTS=<folder>, every phone state is also saved there as a screenshot.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import LAPTOP, PROJECTOR

pytestmark = pytest.mark.browser

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE = Axe()
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]}
NARROW = {"width": 320, "height": 640}
ZOOMED = {"width": 195, "height": 422}  # a 390x844 phone at 200 % zoom: half the CSS pixels, each drawn twice
ZOOM = 2
HELD = "À distance, Jean Dupont de la DINUM m'en a parlé"  # a name: held for review
ARGUMENTS = {  # typed on the console: shown at once, as many as the screen shows
    "A": [
        "Elle fait venir des personnes qui n'avaient jamais participé à un forum public",
        "On apprend en écoutant les autres, et on le dit ensuite autour de soi",
        "Les agents découvrent les associations qui travaillent sur les mêmes sujets",
    ],
    "B": [
        "Les spécialistes vont plus loin quand ils se retrouvent entre eux",
        "Un forum trop ouvert reste général et ne débouche sur rien de concret",
        "Les rencontres suivies donnent des engagements que l'on peut vérifier",
    ],
}
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
  const targets = 'button, a[href], [role=button], [role=radio], [role=checkbox], [role=switch], select,'
    + ' input[type=file], .q-btn-toggle .q-btn';
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
    if (s.visibility === 'hidden' || el.closest('[aria-hidden=true], .cercle-sr-only')) continue;
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
        results = AXE.run(page, context={"include": [[within]]} if within else None, options=AXE_OPTIONS)
        if results.violations_count:
            self.findings.axe.append(axe_report(state, results.response["violations"]))
        if phone:
            self.check_phone(page, state)
        if screen:
            self.check_projector(page, state)

    def check_phone(self, page: Any, state: str) -> None:
        found = page.evaluate(LAYOUT, MIN_TARGET)
        if found["scroll"] > 0 or found["cut"]:
            self.findings.reflow.append(
                f"{state}: scrolls {found['scroll']} px sideways {found['wide'][:5]}; cut: {found['cut']}"
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

    def tab_to(self, page: Any, testid: str, state: str, limit: int = 40) -> None:
        """Tab from the top of `page` to the element `testid`, checking the ring around each stop:
        solid, 2 px at least, 3:1 at least against the page and the cards (WCAG 2.4.7, 1.4.11)."""
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
            if found["testid"] == testid:
                return
        self.findings.focus.append(f"{state}: {testid} not reached in {limit} tabs")

    def focus_kept(self, page: Any, state: str) -> None:
        """After what had the focus went away: the focus is on the new state's heading, not the body."""
        try:
            page.wait_for_function(ON_HEADING, timeout=5000)
        except Exception:
            found = page.evaluate(FOCUSED)
            self.findings.focus.append(f"{state}: the focus is on {found['name'] if found else 'the body'}")


def wait(page: Any, testid: str, state: str = "visible") -> None:
    page.get_by_test_id(testid).first.wait_for(state=state)


def walk_debat_and_cafe(server, browser, findings: Findings) -> None:
    w = Walk(server, browser, "open-detat-2018-03-12", findings)
    s = w.session
    for lang, viewport, zoom in (
        ("fr", LAPTOP, 1),
        ("en", LAPTOP, 1),
        ("fr", NARROW, 1),
        ("en", ZOOMED, ZOOM),
    ):
        home = w.page(f"{server.base_url}/?lang={lang}", viewport, zoom=zoom)
        home.get_by_test_id("prepare").wait_for()
        narrow = viewport is not LAPTOP  # someone who joins by typing the code, on a phone
        w.check(home, f"home {lang}" + (f" {viewport['width']} px" if narrow else ""), phone=narrow)
        home.context.close()

    phones = {
        "fr": w.page(s["join_url"], NARROW),
        "en": w.page(s["join_url"] + "?lang=en&mode=remote", ZOOMED, zoom=ZOOM),
    }
    for lang, phone in phones.items():
        wait(phone, "accept-charter")
        w.check(phone, f"phone {lang}: charter", phone=True)
        phone.get_by_test_id("accept-charter").click()
        wait(phone, "join")
        w.check(phone, f"phone {lang}: profile", phone=True)
        phone.get_by_test_id("join").click()
        wait(phone, "phone-item")
        w.check(phone, f"phone {lang}: waiting for the start", phone=True)

    consoles = {"fr": w.page(s["host_url"], LAPTOP)}
    consoles["en"] = w.page(s["host_url"] + "&lang=en", LAPTOP)
    screens = {
        "fr": w.page(s["screen_url"], PROJECTOR),
        "en": w.page(s["screen_url"] + "?lang=en", PROJECTOR),
    }
    host = consoles["fr"]
    for lang in ("fr", "en"):
        wait(consoles[lang], "details")
        w.check(consoles[lang], f"console {lang}: draft")
        wait(screens[lang], "screen-count")
        w.check(screens[lang], f"screen {lang}: before the start", screen=True)

    host.get_by_text("Démarrer la session").click()
    host.get_by_test_id("goto-1").click()
    for lang in ("fr", "en"):
        wait(consoles[lang], "dm-open1")
        w.check(consoles[lang], f"console {lang}: débat, ready")
        wait(screens[lang], "dm-screen")
        w.check(screens[lang], f"screen {lang}: débat, ready", screen=True)
        wait(phones[lang], "dm-choice-a")
        w.check(phones[lang], f"phone {lang}: débat, not open yet", phone=True)

    host.get_by_test_id("dm-open1").click()
    for lang, position in (("fr", "a"), ("en", "b")):
        phone = phones[lang]
        phone.locator(f"[data-testid=dm-choice-{position}]:not([disabled])").wait_for()
        phone.get_by_test_id(f"dm-choice-{position}").click()
        phone.locator(f"[data-testid=dm-choice-{position}][aria-pressed=true]").wait_for()
        w.check(phone, f"phone {lang}: débat, round 1 open, voted", phone=True)
    for lang in ("fr", "en"):
        wait(screens[lang], "dm-bar")
        w.check(screens[lang], f"screen {lang}: débat, round 1 open", screen=True)
        wait(consoles[lang], "dm-close")
        w.check(consoles[lang], f"console {lang}: débat, round 1 open")

    w.tab_to(phones["fr"], "dm-choice-a", "phone fr: débat, round 1 open, keyboard")
    w.tab_to(host, "dm-close", "console fr: débat, round 1 open, keyboard")
    host.get_by_test_id("dm-close").focus()
    host.keyboard.press("Enter")  # the button goes away under the keyboard
    wait(phones["fr"], "dm-closed")
    w.focus_kept(phones["fr"], "phone fr: débat, the round closed under the keyboard")
    w.focus_kept(host, "console fr: débat, the close button gone")
    host.get_by_test_id("dm-reveal").click()
    for lang in ("fr", "en"):
        wait(phones[lang], "dm-result")
        w.check(phones[lang], f"phone {lang}: débat, round 1 closed and revealed", phone=True)
        wait(consoles[lang], "dm-arguments")
        w.check(consoles[lang], f"console {lang}: débat, round 1 closed")
        w.check(screens[lang], f"screen {lang}: débat, round 1 closed", screen=True)

    host.get_by_test_id("dm-arguments").click()
    for lang in ("fr", "en"):
        phone = phones[lang]
        wait(phone, "dm-argument")
        phone.get_by_test_id("dm-argument").fill(HELD)
        phone.get_by_test_id("dm-send").click()
        wait(phone, "pending")
        w.check(phone, f"phone {lang}: débat, arguments, a text held for review", phone=True)
    for side, texts in ARGUMENTS.items():
        host.locator(".q-btn-toggle").get_by_text(side, exact=True).click()
        for text in texts:
            host.get_by_label("Argument", exact=True).fill(text)
            host.get_by_label("Argument", exact=True).press("Enter")
            screens["fr"].get_by_text(text).wait_for()
    for lang in ("fr", "en"):
        wait(consoles[lang], "queue-badge")
        w.check(consoles[lang], f"console {lang}: débat, arguments, moderation queue")
        wait(screens[lang], "dm-screen")
        w.check(screens[lang], f"screen {lang}: débat, arguments", screen=True)

    host.get_by_test_id("dm-open2").click()
    for lang, position in (("fr", "b"), ("en", "b")):
        phone = phones[lang]
        phone.locator(f"[data-testid=dm-choice-{position}]:not([disabled])").wait_for()
        phone.get_by_test_id(f"dm-choice-{position}").click()
        phone.locator(f"[data-testid=dm-choice-{position}][aria-pressed=true]").wait_for()
    host.get_by_test_id("dm-close").click()
    for lang in ("fr", "en"):
        wait(phones[lang], "dm-closed")
        w.check(phones[lang], f"phone {lang}: débat, final round closed", phone=True)
        wait(screens[lang], "dm-sentence")
        w.check(screens[lang], f"screen {lang}: débat, movement", screen=True)
        wait(consoles[lang], "dm-reveal")
        w.check(consoles[lang], f"console {lang}: débat, done")
    host.get_by_test_id("dm-reveal").click()
    for lang in ("fr", "en"):
        wait(phones[lang], "dm-result")
        w.check(phones[lang], f"phone {lang}: débat, movement revealed", phone=True)

    host.get_by_test_id("goto-2").click()
    for lang in ("fr", "en"):
        wait(consoles[lang], "wc-start")
        w.check(consoles[lang], f"console {lang}: café, set-up")
        w.check(screens[lang], f"screen {lang}: café, set-up", screen=True)
        wait(phones[lang], "wc-phone")
        w.check(phones[lang], f"phone {lang}: café, before the start", phone=True)
    host.get_by_test_id("wc-start").click()
    for lang in ("fr", "en"):
        phone = phones[lang]
        wait(phone, "wc-send")
        w.check(phone, f"phone {lang}: café, rotation and its form", phone=True)
    phones["fr"].get_by_test_id("wc-actor-name").fill("Regards Citoyens")
    phones["fr"].get_by_test_id("wc-send").click()
    phones["fr"].get_by_test_id("wc-board").get_by_text("Regards Citoyens").wait_for()
    w.check(phones["fr"], "phone fr: café, a contribution on the board", phone=True)
    for lang in ("fr", "en"):
        wait(screens[lang], "wc-clock")
        w.check(screens[lang], f"screen {lang}: café, rotation", screen=True)
        wait(consoles[lang], "wc-skip")
        w.check(consoles[lang], f"console {lang}: café, rotation")
    host.get_by_text("Terminer le world café").click()
    for lang in ("fr", "en"):
        wait(phones[lang], "wc-phone-over")
        w.check(phones[lang], f"phone {lang}: café, over", phone=True)
        wait(screens[lang], "wc-actor-map")
        w.check(screens[lang], f"screen {lang}: café, the actor map", screen=True)
        wait(consoles[lang], "wc-skip", "hidden")
        w.check(consoles[lang], f"console {lang}: café, over")

    host.get_by_text("Clore la session").click()
    host.get_by_role("dialog").wait_for()
    w.check(host, "console fr: closing dialog", within=".q-dialog")
    host.get_by_role("dialog").get_by_role("button").last.click()
    for lang in ("fr", "en"):
        wait(phones[lang], "record-link")
        w.check(phones[lang], f"phone {lang}: session closed", phone=True)
        wait(consoles[lang], "restitution-panel")
        w.check(consoles[lang], f"console {lang}: session closed")
        w.check(screens[lang], f"screen {lang}: session closed", screen=True)
        record = w.page(
            f"{server.base_url}/r/{s['code']}?lang={lang}",
            NARROW if lang == "fr" else ZOOMED,
            zoom=1 if lang == "fr" else ZOOM,
        )
        wait(record, "comment-text")
        w.check(record, f"record {lang}", phone=True)
    w.close()


def walk_speaking_turns(server, browser, findings: Findings) -> None:
    w = Walk(server, browser, "forum-ditp", findings)
    s = w.session
    phones = {
        "fr": w.page(s["join_url"], NARROW),
        "en": w.page(s["join_url"] + "?lang=en&mode=remote", ZOOMED, zoom=ZOOM),
    }
    for phone in phones.values():
        phone.get_by_test_id("accept-charter").click()
        phone.get_by_test_id("join").click()
        wait(phone, "phone-item")
    consoles = {"fr": w.page(s["host_url"], LAPTOP)}
    consoles["en"] = w.page(s["host_url"] + "&lang=en", LAPTOP)
    screens = {
        "fr": w.page(s["screen_url"], PROJECTOR),
        "en": w.page(s["screen_url"] + "?lang=en", PROJECTOR),
    }
    host = consoles["fr"]
    host.get_by_text("Démarrer la session").click()
    for lang in ("fr", "en"):
        wait(phones[lang], "phone-item")
        w.check(phones[lang], f"phone {lang}: a moment", phone=True)
        w.check(screens[lang], f"screen {lang}: a moment", screen=True)
    host.get_by_test_id("goto-2").click()
    for lang in ("fr", "en"):
        wait(phones[lang], "st-raise")
        w.check(phones[lang], f"phone {lang}: turns, the form", phone=True)
        wait(consoles[lang], "st-console-nobody")
        w.check(consoles[lang], f"console {lang}: turns, nobody")
        wait(screens[lang], "st-screen-nobody")
        w.check(screens[lang], f"screen {lang}: turns, nobody", screen=True)
    w.tab_to(phones["fr"], "st-raise", "phone fr: turns, keyboard")
    phones["fr"].keyboard.press("Enter")  # the form goes away under the keyboard
    wait(phones["fr"], "st-position")
    w.focus_kept(phones["fr"], "phone fr: turns, a hand raised with the keyboard")
    for lang in ("fr", "en"):
        if lang == "en":
            phones[lang].get_by_test_id("st-raise").click()
        wait(phones[lang], "st-position")
        w.check(phones[lang], f"phone {lang}: turns, in the queue", phone=True)
    for lang in ("fr", "en"):
        wait(consoles[lang], "st-queue-row")
        w.check(consoles[lang], f"console {lang}: turns, a queue")
        wait(screens[lang], "st-screen-next")
        w.check(screens[lang], f"screen {lang}: turns, a queue", screen=True)
    host.get_by_test_id("st-next").click()
    wait(phones["fr"], "st-your-turn")
    w.check(phones["fr"], "phone fr: turns, your turn", phone=True)
    w.check(phones["en"], "phone en: turns, next in the queue", phone=True)
    host.get_by_test_id("st-end").click()
    host.get_by_test_id("st-next").click()
    wait(phones["en"], "st-your-turn")
    w.check(phones["en"], "phone en: turns, your turn", phone=True)
    for lang in ("fr", "en"):
        wait(screens[lang], "st-screen-speaker")
        w.check(screens[lang], f"screen {lang}: turns, a speaker and the gauge", screen=True)
        wait(consoles[lang], "st-console-speaker")
        w.check(consoles[lang], f"console {lang}: turns, a speaker")
    w.close()


@pytest.fixture(scope="module")
def findings(server, browser) -> Iterator[Findings]:
    found = Findings()
    walk_debat_and_cafe(server, browser, found)
    walk_speaking_turns(server, browser, found)
    yield found


def test_every_state_was_walked(findings) -> None:
    assert len(findings.states) >= 90, findings.states


def test_axe_finds_no_violation(findings) -> None:
    assert not findings.axe, "axe-core (WCAG 2.0/2.1 A and AA):\n" + "\n".join(findings.axe)


def test_phones_reflow_without_scrolling_sideways(findings) -> None:
    assert not findings.reflow, "\n".join(findings.reflow)


def test_phone_targets_are_44_px_at_least(findings) -> None:
    assert not findings.targets, "\n".join(findings.targets)


def test_the_projector_shows_what_matters_large_and_dark(findings) -> None:
    assert not findings.projector, "\n".join(findings.projector)


def test_the_keyboard_focus_shows_and_never_falls_to_the_page(findings) -> None:
    assert not findings.focus, "\n".join(findings.focus)
