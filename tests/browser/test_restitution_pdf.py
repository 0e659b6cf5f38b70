"""A closed session of the 2018 plan: its HTML restitution prints to a PDF in Chromium, and the
public page takes a comment."""

from __future__ import annotations

import re
import urllib.request

import pytest

from tests.browser.conftest import LAPTOP, PHONE, next_item

pytestmark = pytest.mark.browser


def closed_2018_session(server, browser) -> dict:
    session = server.create(plan="open-detat-2018-03-12")
    phone = browser.new_context(viewport=PHONE).new_page()
    phone.goto(session["join_url"])
    phone.get_by_test_id("accept-charter").click()
    phone.get_by_test_id("join").click()
    phone.get_by_text("Vous êtes inscrit·e.").wait_for()
    console = browser.new_context(viewport=LAPTOP).new_page()
    console.goto(session["host_url"])
    console.get_by_text("Démarrer la session").click()
    next_item(console)  # the console redraws its controls on the move: wait for it
    assert server.request("GET", f"/api/sessions/{session['code']}")[1]["current"] == 1
    console.get_by_role("button", name="Clore la session").click()
    console.get_by_role("button", name="Confirmer").click()
    console.get_by_text("État : close").wait_for()
    console.get_by_text("Publiée :").wait_for()  # the 2018 plan publishes at close
    phone.context.close()
    console.context.close()
    return session


def test_html_restitution_prints_to_pdf_and_the_public_page_takes_comments(server, browser) -> None:
    session = closed_2018_session(server, browser)
    url = f"{server.base_url}/api/sessions/{session['code']}/export.html"
    with urllib.request.urlopen(url, timeout=10) as response:  # public: published
        html = response.read().decode()
    page = browser.new_context(viewport=LAPTOP).new_page()
    page.set_content(html)
    assert page.locator("h1").inner_text().startswith("Forum Open d'État #1")
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert pages > 0

    reader = page.context.new_page()
    reader.set_viewport_size(PHONE)
    reader.goto(f"{server.base_url}/r/{session['code']}")
    reader.get_by_text("Ordre du jour").first.wait_for()
    reader.get_by_test_id("comment-text").fill("Une restitution claire, merci.")
    reader.get_by_test_id("comment-send").click()
    published = reader.get_by_test_id("comments").locator(".comment:not(.cercle-pending)")
    published.filter(has_text="Une restitution claire, merci.").wait_for()  # not held for review
    status, data = server.request("GET", f"/api/sessions/{session['code']}/export.json")
    assert status == 200 and [c["text"] for c in data["comments"]] == ["Une restitution claire, merci."]
