"""WCAG 2.1 AA on every page and state, in French and in English, checked as a person would: the
2018 forum (a débat mouvant, a world café, the record) with, side by side, a phone, the projected
screen and the console in each language; the phones also show what the screen shows ("Voir
l'écran": opened by the French phone, the English one is remote and opens on it). The checks and
their findings: `a11y_walk.py`."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.browser.a11y_walk import (  # noqa: F401  the checks every walk's findings pass
    HELD,
    NARROW,
    ZOOM,
    ZOOMED,
    Findings,
    Walk,
    report,
    test_axe_finds_no_violation,
    test_phone_targets_are_44_px_at_least,
    test_phones_reflow_without_scrolling_sideways,
    test_the_keyboard_focus_shows_and_never_falls_to_the_page,
    test_the_projector_shows_what_matters_large_and_dark,
    wait,
)
from tests.browser.conftest import LAPTOP, PROJECTOR

pytestmark = pytest.mark.browser

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
    wait(phones["fr"], "dm-choice-a")
    w.tab_to(phones["fr"], "phone-follow", "phone fr: débat, keyboard to « Voir l'écran »")
    phones["fr"].keyboard.press("Enter")  # the French phone in the room shows the screen too
    wait(phones["fr"], "dm-follow")
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
    # A text still waits in the queue: the record waits for review, and the phones say so.
    for lang in ("fr", "en"):
        wait(phones[lang], "record-later")
        w.check(phones[lang], f"phone {lang}: session closed, the record waiting for review", phone=True)
    host.get_by_test_id("publish-now").click()
    host.get_by_test_id("publish-dialog").wait_for()
    w.check(host, "console fr: publishing with the review open", within=".q-dialog")
    host.get_by_test_id("publish-dialog").get_by_test_id("publish-anyway").click()
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


@pytest.fixture(scope="module")
def findings(server, browser) -> Iterator[Findings]:
    found = Findings()
    walk_debat_and_cafe(server, browser, found)
    yield found


def test_every_state_was_walked(findings) -> None:
    assert len(findings.states) >= 74, findings.states
