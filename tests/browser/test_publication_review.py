"""Nothing published before review, in Chromium: the 2018 plan publishes at close, but an argument
naming someone, approved as it is, is an open finding of the check before publishing; the record
waits, "Publier" asks for an explicit choice and publishes nothing without it; "Publier quand
même" publishes, logged with its counts, and the phone left open shows the record's link."""

from __future__ import annotations

import pytest

from tests.browser.conftest import LAPTOP
from tests.browser.test_moderation import NAMED, join

pytestmark = pytest.mark.browser


def test_publishing_with_an_open_finding_needs_the_explicit_choice(server, browser) -> None:
    session = server.create(plan="open-detat-2018-03-12")
    code = session["code"]
    phone = join(browser, session["join_url"])
    host = browser.new_context(viewport=LAPTOP).new_page()
    host.goto(session["host_url"])
    host.get_by_text("Démarrer la session").click()
    host.get_by_test_id("goto-1").click()
    for step in ("dm-open1", "dm-close", "dm-arguments"):
        host.get_by_test_id(step).click()
        host.get_by_test_id(step).wait_for(state="hidden")
    phone.get_by_test_id("dm-side").get_by_text("Côté A").click()  # no position: a side is chosen
    phone.get_by_test_id("dm-argument").fill(NAMED)
    phone.get_by_test_id("dm-send").click()
    host.get_by_test_id("queue-badge").get_by_text("1 à relire").wait_for()
    host.get_by_test_id("queue-approve-1-1.1").click()  # approved as it is: the name is shown
    host.get_by_test_id("queue-badge").wait_for(state="hidden")
    host.get_by_test_id("suspects").get_by_text("Jean Dupont").wait_for()

    host.get_by_role("button", name="Clore la session").click()
    dialog = host.get_by_test_id("close-dialog")
    dialog.get_by_text("1 signalement de la vérification avant publication").wait_for()
    assert "nom" in dialog.get_by_test_id("open-review").inner_text()
    assert "Jean Dupont" not in dialog.inner_text()  # where and what kind, never the text
    dialog.get_by_text("La restitution ne sera pas publiée à la clôture").wait_for()
    dialog.get_by_role("button", name="Confirmer").click()
    publication = host.get_by_test_id("publication")
    publication.get_by_text("En attente de relecture").wait_for()
    phone.get_by_test_id("record-later").wait_for()
    status, _ = server.request("GET", f"/api/sessions/{code}/export.json")
    assert status == 401  # not public

    # "Publier quand même" opens the choice; cancelled, nothing is published.
    host.get_by_test_id("publish-now").click()
    choice = host.get_by_test_id("publish-dialog")
    choice.get_by_text("1 signalement de la vérification avant publication").wait_for()
    choice.get_by_role("button", name="Annuler").click()
    choice.wait_for(state="hidden")
    assert "En attente de relecture" in publication.inner_text()
    status, _ = server.request("GET", f"/api/sessions/{code}/export.json")
    assert status == 401

    # With the explicit choice, it is published, and the log says so with its counts.
    host.get_by_test_id("publish-now").click()
    host.get_by_test_id("publish-dialog").get_by_test_id("publish-anyway").click()
    publication.get_by_text("Publiée :").wait_for()
    phone.get_by_test_id("record-link").wait_for()  # the phone left open, not reloaded
    status, body = server.request("GET", f"/api/sessions/{code}/export.json")
    assert status == 200
    assert [(m["action"], m["held"], m["findings"]) for m in body["moderation"]][-1] == (
        "publish_anyway",
        0,
        1,
    )
