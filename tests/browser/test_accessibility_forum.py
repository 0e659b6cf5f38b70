"""WCAG 2.1 AA in the DITP forum, in French and in English: the idea workshop (posting, clustering,
the dot vote open and closed), the controversy map (positions, a proposal, the map), speaking
turns and the propulsion board, on a phone, the projected screen and the console in each
language. Both phones show what the screen shows (the French one opens it, the English one is
remote); two more phones only vote, so that the projector draws a map and a ranking worth the name.
The checks and their findings: `a11y_walk.py`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.a11y_walk import (  # noqa: F401  the checks every walk's findings pass
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
from tests.browser.conftest import LAPTOP, PHONE, PROJECTOR, choose, fill

pytestmark = pytest.mark.browser

PLUS = 'button[data-dot="c1"][data-delta="1"]'
AGREE = 'button[data-pos="5"]'


def join(w: Walk, url: str, viewport: dict[str, int], college: str | None) -> Any:
    phone = w.page(url, viewport)
    phone.get_by_test_id("accept-charter").click()
    if college:
        phone.get_by_text(college, exact=True).click()
    phone.get_by_test_id("join").click()
    wait(phone, "phone-item")
    return phone


def walk_forum(server, browser, findings: Findings) -> None:
    w = Walk(server, browser, "forum-ditp", findings)
    s = w.session
    phones = {
        "fr": w.page(s["join_url"], NARROW),
        "en": w.page(s["join_url"] + "?lang=en&mode=remote", ZOOMED, zoom=ZOOM),
    }
    for lang, phone in phones.items():
        phone.get_by_test_id("accept-charter").click()
        wait(phone, "college")
        w.check(phone, f"phone {lang}: profile with the collège", phone=True)
        if lang == "fr":
            phone.get_by_text("Agent public", exact=True).click()
        phone.get_by_test_id("join").click()
        wait(phone, "phone-item")
    voters = [join(w, s["join_url"], PHONE, "Agent public") for _ in range(2)]
    everyone = [*phones.values(), *voters]
    consoles = {"fr": w.page(s["host_url"], LAPTOP)}
    consoles["en"] = w.page(s["host_url"] + "&lang=en", LAPTOP)
    screens = {
        "fr": w.page(s["screen_url"], PROJECTOR),
        "en": w.page(s["screen_url"] + "?lang=en", PROJECTOR),
    }
    host = consoles["fr"]
    host.get_by_text("Démarrer la session").click()
    wait(phones["fr"], "phone-follow")
    phones["fr"].get_by_test_id("phone-follow").click()  # the room's phone shows the screen too
    voters[1].get_by_test_id("phone-follow").click()  # a 390 px phone, shot for the eye (CERCLE_A11Y_SHOTS)
    for lang in ("fr", "en"):
        wait(phones[lang], "follow-moment")
        w.check(phones[lang], f"phone {lang}: a moment, the screen shown", phone=True)
        w.check(screens[lang], f"screen {lang}: a moment", screen=True)

    walk_ideas(w, phones, voters, consoles, screens)
    walk_controversies(w, phones, voters, consoles, screens)
    walk_turns(w, phones, consoles, screens)
    walk_propulsion(w, phones, everyone, consoles, screens)
    w.close()


def walk_ideas(w: Walk, phones: dict, voters: list, consoles: dict, screens: dict) -> None:
    host = consoles["fr"]
    host.get_by_test_id("goto-2").click()
    for lang in ("fr", "en"):
        wait(phones[lang], "id-send")
        w.check(phones[lang], f"phone {lang}: ideas, posting", phone=True)
        wait(consoles[lang], "id-open")
        wait(screens[lang], "id-wall")
        w.check(screens[lang], f"screen {lang}: ideas, the wall", screen=True)
    for lang, idea in (("fr", "Un comité d'usagers pour chaque engagement"), ("en", "Train the agents")):
        fill(phones[lang], "id-text", idea)
        phones[lang].get_by_test_id("id-send").click()
        screens["fr"].get_by_test_id("id-wall").get_by_text(idea).wait_for()
        w.check(phones[lang], f"phone {lang}: ideas, an idea posted", phone=True)
    host.get_by_test_id("id-select-i1").click()
    host.get_by_test_id("id-select-i2").click()
    for lang in ("fr", "en"):
        wait(consoles[lang], "id-select-i6")
        w.check(consoles[lang], f"console {lang}: ideas, two ideas ticked to group")
    fill(host, "id-cluster-name", "Ouvrir et consulter")
    host.get_by_test_id("id-group").click()
    screens["fr"].get_by_text("Ouvrir et consulter").wait_for()
    for lang in ("fr", "en"):
        wait(consoles[lang], "id-cluster-c1")
        w.check(consoles[lang], f"console {lang}: ideas, a cluster")
        w.check(screens[lang], f"screen {lang}: ideas, the wall with a cluster", screen=True)

    host.get_by_test_id("id-open").click()
    fr = phones["fr"]
    fr.locator(f"{PLUS}:not([disabled])").wait_for()
    w.tab_to(fr, PLUS, "phone fr: ideas, dot vote, keyboard")
    fr.keyboard.press("Enter")  # the ballot is drawn again: the focus stays on its "+"
    wait(fr, "id-ballot")
    fr.locator('[data-testid=id-ballot][data-used="1"]').wait_for()
    w.focus_stays(fr, PLUS, "phone fr: ideas, a dot placed with the keyboard")
    fr.keyboard.press("Enter")
    fr.locator('[data-testid=id-ballot][data-used="2"]').wait_for()
    for phone in [phones["en"], *voters]:
        phone.locator(f"{PLUS}:not([disabled])").click()
        phone.locator('[data-testid=id-ballot][data-used="1"]').wait_for()
        phone.locator('button[data-dot="i3"][data-delta="1"]').click()
        phone.locator('[data-testid=id-ballot][data-used="2"]').wait_for()
    w.shoot(voters[1], "phone 390: ideas, dot vote open", full_page=True)  # a common phone, for the eye
    for lang in ("fr", "en"):
        w.check(phones[lang], f"phone {lang}: ideas, dot vote open, dots placed", phone=True)
        screens[lang].locator('[data-testid=id-ranking] [data-option="c1"][data-dots="5"]').wait_for()
        w.check(screens[lang], f"screen {lang}: ideas, the ranking live", screen=True)
        wait(consoles[lang], "id-close")
        w.check(consoles[lang], f"console {lang}: ideas, dot vote open")
    fr.locator(PLUS).focus()
    host.get_by_test_id("id-close").click()  # the ballot goes away under the keyboard
    for lang in ("fr", "en"):
        phones[lang].get_by_test_id("id-phone").first.get_by_test_id("id-ranking").wait_for()
    w.focus_kept(fr, "phone fr: ideas, the vote closed under the keyboard")
    voters[1].get_by_test_id("id-phone").first.get_by_test_id("id-ranking").wait_for()
    w.shoot(voters[1], "phone 390: ideas, vote closed", full_page=True)
    for lang in ("fr", "en"):
        w.check(phones[lang], f"phone {lang}: ideas, vote closed, the ranking", phone=True)
        wait(consoles[lang], "id-reopen")
        w.check(consoles[lang], f"console {lang}: ideas, vote closed")
        w.check(screens[lang], f"screen {lang}: ideas, vote closed, the ranking", screen=True)


def walk_controversies(w: Walk, phones: dict, voters: list, consoles: dict, screens: dict) -> None:
    host = consoles["fr"]
    host.get_by_test_id("goto-3").click()
    for lang in ("fr", "en"):
        wait(phones[lang], "cv-phone")
        wait(consoles[lang], "cv-open")
        w.check(phones[lang], f"phone {lang}: controversies, not open yet", phone=True)
        w.check(consoles[lang], f"console {lang}: controversies, not open yet")
        wait(screens[lang], "cv-screen")
        w.check(screens[lang], f"screen {lang}: controversies, not open yet", screen=True)
    host.get_by_test_id("cv-open").click()
    fr = phones["fr"]
    fr.locator(f"{AGREE}:not([disabled])").wait_for()
    w.tab_to(fr, AGREE, "phone fr: controversies, keyboard")
    fr.keyboard.press("Enter")  # the card is drawn again: the focus stays on the position
    fr.locator(f"{AGREE}[aria-pressed=true]").wait_for()
    w.focus_stays(fr, AGREE, "phone fr: controversies, a position taken with the keyboard")
    for n, phone in enumerate([phones["en"], *voters]):
        phone.locator(f"{AGREE}:not([disabled])").click()
        phone.locator(f"{AGREE}[aria-pressed=true]").wait_for()
        phone.locator('button[data-nav="1"]').click()
        phone.locator('.cv-card[data-statement="s2"]').wait_for()
        split = 'button[data-pos="1"]' if n else 'button[data-pos="4"]'
        phone.locator(split).click()
        phone.locator(f"{split}[aria-pressed=true]").wait_for()
    fr.locator('button[data-nav="1"]').click()
    fr.locator('.cv-card[data-statement="s2"]').wait_for()
    fr.locator('button[data-pos="2"]').click()
    fr.locator('button[data-pos="2"][aria-pressed=true]').wait_for()
    fill(fr, "cv-text", "Les agents publics manquent de temps pour participer.")
    fr.get_by_test_id("cv-send").click()
    w.shoot(voters[1], "phone 390: controversies, positions taken", full_page=True)
    for lang in ("fr", "en"):
        w.check(phones[lang], f"phone {lang}: controversies, positions taken", phone=True)
        screens[lang].locator('[data-testid=cv-map] [data-statement="s2"] .cv-seg').first.wait_for()
        w.check(screens[lang], f"screen {lang}: controversies, the map", screen=True)
        consoles[lang].locator("[data-testid^=cv-accept-]").first.wait_for()
        w.check(consoles[lang], f"console {lang}: controversies, the map and a proposal to review")
    fr.locator('button[data-pos="2"]').focus()
    host.get_by_test_id("cv-close").click()  # the positions are disabled under the keyboard
    for lang in ("fr", "en"):
        phones[lang].locator(f"{AGREE}[disabled]").first.wait_for(state="attached")
    w.focus_kept(fr, "phone fr: controversies, closed under the keyboard")
    for lang in ("fr", "en"):
        w.check(phones[lang], f"phone {lang}: controversies, closed", phone=True)
        wait(consoles[lang], "cv-reopen")
        w.check(consoles[lang], f"console {lang}: controversies, closed")
        w.check(screens[lang], f"screen {lang}: controversies, closed", screen=True)


def walk_turns(w: Walk, phones: dict, consoles: dict, screens: dict) -> None:
    host = consoles["fr"]
    host.get_by_test_id("goto-4").click()
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


def walk_propulsion(w: Walk, phones: dict, everyone: list, consoles: dict, screens: dict) -> None:
    host = consoles["fr"]
    host.get_by_test_id("goto-5").click()
    for lang in ("fr", "en"):
        wait(phones[lang], "pr-phone")
        w.check(phones[lang], f"phone {lang}: propulsion, an empty board", phone=True)
    host.get_by_test_id("pr-promote-2-c1").click()
    host.get_by_test_id("pr-promote-3-s2").click()
    host.get_by_test_id("pr-card-p2").wait_for()
    choose(host, host.get_by_test_id("pr-class-p1"), "Engagement")
    host.get_by_test_id("pr-crit-p1-ambitious").wait_for()
    choose(host, host.get_by_test_id("pr-class-p2"), "Initiative")
    fill(host, "pr-step-p1", "Réunir les ministères concernés")
    fill(host, "pr-horizon-p1", "2026-06")
    host.get_by_test_id("pr-save-p1").click()
    fill(host, "pr-org-p1", "Association des usagers du service public")
    host.get_by_test_id("pr-add-org-p1").click()
    host.get_by_test_id("pr-card-p1").get_by_text("Association des usagers du service public").wait_for()
    support = 'button[data-back="support"][data-p="p1"]'
    fr = phones["fr"]
    fr.locator(f"{support}:not([disabled])").wait_for()
    w.tab_to(fr, support, "phone fr: propulsion, keyboard")
    fr.keyboard.press("Enter")  # the list is drawn again: the focus stays on "Je soutiens"
    fr.locator(f"{support}[aria-pressed=true]").wait_for()
    w.focus_stays(fr, support, "phone fr: propulsion, supported with the keyboard")
    for phone in everyone[1:]:
        phone.locator(support).click()
        phone.locator(f"{support}[aria-pressed=true]").wait_for()
        phone.locator('button[data-back="contribute"][data-p="p1"]').click()
        phone.locator('button[data-back="contribute"][data-p="p1"][aria-pressed=true]').wait_for()
    for lang in ("fr", "en"):
        phone = phones[lang]
        phone.locator('[data-proposal="p1"] details summary').click()
        rate = 'button[data-p="p1"][data-c="ambitious"][data-rate="met"]'
        phone.locator(rate).click()
        phone.locator(f"{rate}[aria-pressed=true]").wait_for()
        w.check(phone, f"phone {lang}: propulsion, supported and rating the criteria", phone=True)
    w.shoot(everyone[3], "phone 390: propulsion, supported", full_page=True)
    for lang in ("fr", "en"):
        screens[lang].get_by_test_id("pr-board").get_by_text("Réunir les ministères concernés").wait_for()
        w.check(screens[lang], f"screen {lang}: propulsion, the board", screen=True)
        wait(consoles[lang], "pr-card-p1")
        w.check(consoles[lang], f"console {lang}: propulsion, the board")
    fr.locator(support).focus()
    host.get_by_test_id("pr-close").click()
    for lang in ("fr", "en"):
        phones[lang].locator(f"{support}[disabled]").wait_for(state="attached")
    w.focus_kept(fr, "phone fr: propulsion, the board closed under the keyboard")
    for lang in ("fr", "en"):
        w.check(phones[lang], f"phone {lang}: propulsion, closed", phone=True)
        w.check(consoles[lang], f"console {lang}: propulsion, closed")
        w.check(screens[lang], f"screen {lang}: propulsion, closed", screen=True)


@pytest.fixture(scope="module")
def findings(server, browser) -> Iterator[Findings]:
    found = Findings()
    walk_forum(server, browser, found)
    yield found


def test_every_state_was_walked(findings) -> None:
    assert len(findings.states) >= 81, findings.states
