"""The projector shows the join URL; a phone opens it, accepts the charter; the count moves."""

from __future__ import annotations

import pytest

from tests.browser.conftest import PHONE, PROJECTOR

pytestmark = pytest.mark.browser


def test_phone_joins_from_the_screen(server, browser) -> None:
    session = server.create(plan="open-detat-2018-03-12")
    screen = browser.new_context(viewport=PROJECTOR).new_page()
    screen.goto(session["screen_url"])
    screen.get_by_test_id("screen-count").wait_for()
    assert screen.get_by_test_id("screen-count").inner_text() == "0 participant·e"
    join_url = screen.get_by_test_id("join-url").inner_text()
    assert join_url == session["join_url"]
    assert screen.locator("[data-join-url] svg").count() == 1  # the QR code is drawn

    phone = browser.new_context(viewport=PHONE).new_page()
    phone.goto(join_url)
    phone.get_by_test_id("accept-charter").click()
    phone.get_by_text("À distance").click()
    phone.get_by_test_id("join").click()
    phone.get_by_text("Vous êtes inscrit·e.").wait_for()

    screen.get_by_text("1 participant·e").wait_for()
    assert screen.get_by_test_id("screen-modes").inner_text() == "0 dans la salle · 1 à distance"

    # Reloading keeps the same participant: no second join.
    phone.reload()
    phone.get_by_text("Vous êtes inscrit·e.").wait_for()
    status, summary = server.request("GET", f"/api/sessions/{session['code']}")
    assert status == 200 and summary["participants"] == {"total": 1, "room": 0, "remote": 1}
