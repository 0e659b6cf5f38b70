"""SIGKILL the server in the middle of a world café: groups, tables, contributions and the clock's
end time come back from the log, and a phone finds its table and its work again."""

from __future__ import annotations

import pytest

from tests.browser.conftest import LAPTOP, PHONE
from tests.server import Server

# two servers start (each loads its detector): near 3 minutes on a busy 2-core machine
pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.timeout(600)]


def test_cafe_survives_sigkill(tmp_path, browser) -> None:
    first = Server(tmp_path / "data").start()
    try:
        session = first.create(plan="open-detat-2018-03-12")
        phone = browser.new_context(viewport=PHONE).new_page()
        phone.goto(session["join_url"])
        phone.get_by_test_id("accept-charter").click()
        phone.get_by_test_id("join").click()
        phone.get_by_text("Vous êtes inscrit·e.").wait_for()
        host = browser.new_context(viewport=LAPTOP).new_page()
        host.goto(session["host_url"])
        host.get_by_text("Démarrer la session").click()
        host.get_by_test_id("goto-2").click()
        host.get_by_test_id("wc-start").click()
        phone.get_by_test_id("wc-phone-table").wait_for()
        phone.get_by_test_id("wc-actor-name").fill("Regards Citoyens")
        phone.get_by_test_id("wc-send").click()
        phone.get_by_test_id("wc-board").get_by_text("Regards Citoyens").wait_for()
        host.get_by_text("Pause", exact=True).click()
        host.get_by_text("Reprendre").wait_for()
        table = phone.get_by_test_id("wc-phone-table").get_attribute("data-table")
        paused_at = phone.get_by_test_id("wc-clock").get_attribute("data-remaining")
        assert paused_at is not None
    finally:
        first.kill()

    second = Server(tmp_path / "data", port=first.port).start()
    try:
        # A new tab of the same browser (same cookie): the old tab may be reloading itself after
        # the restart, and a navigation of ours would race that reload.
        phone = phone.context.new_page()
        phone.goto(session["join_url"])
        phone.get_by_test_id("wc-phone-table").wait_for()
        assert phone.get_by_test_id("wc-phone-table").get_attribute("data-table") == table
        assert phone.get_by_test_id("wc-clock").get_attribute("data-remaining") == paused_at  # still paused
        phone.get_by_test_id("wc-board").get_by_text("Regards Citoyens").wait_for()
        host = host.context.new_page()
        host.goto(session["host_url"])
        host.get_by_text("Reprendre").click()
        phone.wait_for_function("document.querySelector('[data-testid=wc-clock]').dataset.end !== undefined")
    finally:
        second.stop()
