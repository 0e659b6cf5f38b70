"""SIGKILL the server mid-session: the session, its agenda position, its agenda edits and its
participants come back, and a phone that reconnects is the same participant."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import LAPTOP, PHONE
from tests.server import Server

# two servers start (each loads its detector): near 3 minutes on a busy 2-core machine
pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.timeout(600)]


def join(browser, url: str, mode: str):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(url)
    page.get_by_test_id("accept-charter").click()
    page.get_by_text(mode).click()
    page.get_by_test_id("join").click()
    page.get_by_text("Vous êtes inscrit·e.").wait_for()
    return page


def test_session_survives_sigkill(tmp_path, browser) -> None:
    first = Server(tmp_path / "data").start()
    try:
        session = first.create(plan="open-detat-2018-03-12")
        phones = [
            join(browser, session["join_url"], "Dans la salle"),
            join(browser, session["join_url"], "À distance"),
        ]
        console = browser.new_context(viewport=LAPTOP).new_page()
        console.goto(session["host_url"])
        console.get_by_text("Démarrer la session").click()
        console.get_by_text("Point suivant").click()
        for phone in phones:
            phone.get_by_test_id("phone-item").get_by_text("Débat mouvant", exact=False).wait_for()
        # Agenda edits, the last one just before the kill: none may be lost.
        host = {"Authorization": f"Bearer {session['host_key']}"}
        base = f"/api/sessions/{session['code']}/agenda"
        pause = {"kind": "moment", "title": "Pause", "duration": 10}
        assert first.request("POST", base, pause, host)[0] == 201
        assert first.request("PATCH", f"{base}/2", {"duration": 45}, host)[0] == 200
        assert first.request("POST", f"{base}/order", {"id": 4, "position": 3}, host)[0] == 200
        # The console rebuilds its rows on each edit: a click on a row being replaced is lost.
        _, moved = first.request("GET", f"/api/sessions/{session['code']}")
        position = [i["id"] for i in moved["agenda"]].index(4)
        expect(console.get_by_test_id("item-4")).to_have_attribute("data-position", str(position))
        console.get_by_test_id("remove-4").click()
        console.get_by_test_id("confirm-remove").click()
        console.get_by_test_id("item-4").wait_for(state="detached")
        _, edited = first.request("GET", f"/api/sessions/{session['code']}")
    finally:
        first.kill()

    second = Server(tmp_path / "data", port=first.port).start()
    try:
        status, summary = second.request("GET", f"/api/sessions/{session['code']}")
        assert status == 200
        assert summary["state"] == "live"
        assert summary["current"] == 1
        assert summary["participants"] == {"total": 2, "room": 1, "remote": 1}
        keep = ("id", "title", "planned_minutes")
        assert [{k: i[k] for k in keep} for i in summary["agenda"]] == [
            {k: i[k] for k in keep} for i in edited["agenda"]
        ]
        assert [i["id"] for i in summary["agenda"]] == [0, 1, 2, 3] and summary["agenda"][2][
            "planned_minutes"
        ] == 45

        # The phone's cookie still names its token: reloading shows the live item, not the charter.
        # (A new tab of the same browser: the old one may be reloading itself after the restart.)
        phones[0] = phones[0].context.new_page()
        phones[0].goto(session["join_url"])
        phones[0].get_by_test_id("phone-item").get_by_text("Débat mouvant", exact=False).wait_for()
        assert phones[0].get_by_test_id("accept-charter").count() == 0
        # The console link still works after the restart (the host key was kept as a hash).
        console = console.context.new_page()
        console.goto(session["host_url"])
        console.get_by_text("Point suivant").wait_for()
        # The other phone was left alone: it reconnects by itself and follows the next move.
        console.get_by_text("Point suivant").click()
        phones[1].get_by_test_id("phone-item").get_by_text("World café", exact=False).wait_for(timeout=20_000)
        assert phones[1].get_by_test_id("accept-charter").count() == 0
        status, summary = second.request("GET", f"/api/sessions/{session['code']}")
        assert summary["participants"]["total"] == 2 and summary["current"] == 2
    finally:
        second.stop()
