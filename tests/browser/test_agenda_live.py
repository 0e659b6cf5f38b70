"""The facilitator changes the agenda live, in Chromium: a débat mouvant typed during the DITP
forum, moved up, started; two phones vote in it and the screen shows it; a future item removed
moves the planned end."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import LAPTOP, PHONE, PROJECTOR, choose, field, fill

pytestmark = pytest.mark.browser


def pick_kind(page, kind: str, moment: bool = False) -> None:
    """Choose the new item's kind; an activity's name then comes as its title (wait for it, or it
    would land on what is typed next)."""
    choose(page, page.get_by_test_id("item-kind"), kind)
    if not moment:
        expect(field(page, "item-title")).to_have_value(kind)


def test_a_debat_inserted_live_is_moved_up_started_and_voted(server, browser) -> None:
    session = server.create(plan="forum-ditp")
    code = session["code"]
    host = browser.new_context(viewport=LAPTOP).new_page()
    host.goto(session["host_url"])
    host.get_by_text("Démarrer la session").click()
    host.get_by_test_id("goto-1").wait_for()
    phones = []
    for _ in range(2):
        phone = browser.new_context(viewport=PHONE).new_page()
        phone.goto(session["join_url"])
        phone.get_by_test_id("accept-charter").click()
        phone.get_by_test_id("join").click()
        phone.get_by_test_id("phone-item").get_by_text("Temps 1", exact=False).wait_for()
        phones.append(phone)
    screen = browser.new_context(viewport=PROJECTOR).new_page()
    screen.goto(session["screen_url"])

    # Add a débat mouvant after the idea workshop, with a statement typed now.
    host.get_by_test_id("add-item").click()
    pick_kind(host, "Débat mouvant")
    choose(
        host,
        host.get_by_test_id("item-position"),
        "Après 3. Temps 2 — Atelier : instruire les pistes d'engagement",
    )
    fill(host, "item-title", "Débat imprévu")
    host.get_by_test_id("add-statements").click()
    fill(host, "setting-statements-0-prompt", "Faut-il un second débat ?")
    fill(host, "setting-statements-0-a", "Oui")
    assert host.get_by_test_id("save-item").is_disabled()  # a dilemma needs its choice B
    fill(host, "setting-statements-0-b", "Non")
    host.get_by_test_id("save-item").click()
    host.get_by_test_id("item-6").wait_for()
    assert host.get_by_test_id("item-6").get_attribute("data-position") == "3"

    # Up twice: right after the current item (the up button, then the keyboard).
    host.get_by_test_id("up-6").click()
    host.locator("[data-testid=item-6][data-position='2']").wait_for()
    host.get_by_test_id("item-6").focus()
    host.keyboard.press("Alt+ArrowUp")
    host.locator("[data-testid=item-6][data-position='1']").wait_for()
    assert not host.get_by_test_id("up-6").is_enabled()  # never above the current item

    host.get_by_text("Point suivant").click()
    host.get_by_text("Ouvrir le vote").wait_for()
    screen.get_by_text("Faut-il un second débat ?").wait_for()
    for phone in phones:
        phone.get_by_test_id("phone-item").get_by_text("Débat imprévu").wait_for()
    host.get_by_text("Ouvrir le vote").click()
    for phone, side in zip(phones, ["a", "b"], strict=True):
        phone.get_by_test_id(f"dm-choice-{side}").click()
        phone.get_by_text("Position enregistrée").wait_for()
    screen.get_by_text("2 ont pris position sur 2 participant·es").wait_for()

    # Remove a future item (the speaking turns): the planned end moves 20 minutes earlier.
    before = host.get_by_test_id("planned-end").inner_text()
    host.get_by_test_id("remove-4").click()
    host.get_by_test_id("confirm-remove").click()
    host.get_by_test_id("item-4").wait_for(state="detached")
    host.wait_for_function(
        "before => document.querySelector('[data-testid=planned-end]').innerText !== before", arg=before
    )
    after = host.get_by_test_id("planned-end").inner_text()
    assert before.startswith("fin prévue") and after.startswith("fin prévue")
    hours = [int(t.split()[2][:2]) * 60 + int(t.split()[2][3:5]) for t in (before, after)]
    assert (hours[0] - hours[1]) % (24 * 60) == 20
    status, summary = server.request("GET", f"/api/sessions/{code}")
    assert [i["title"] for i in summary["agenda"]][1] == "Débat imprévu" and len(summary["agenda"]) == 6
    assert summary["current"] == 6
