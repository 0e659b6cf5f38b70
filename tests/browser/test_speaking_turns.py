"""Speaking turns in a real browser: a phone raises its hand with a name, the console gives it the
floor, the phone shows "C'est votre tour", the screen's timer runs in the browser, the turn ends
and the statistics move. Then the SQLite files themselves (database and WAL) are read: the name
typed on the phone and the label typed on the console are in none of them, nor in any export."""

from __future__ import annotations

import secrets
import urllib.request

import pytest

from tests.browser.conftest import LAPTOP, PHONE, PROJECTOR, next_item

pytestmark = pytest.mark.browser

MARK = secrets.token_hex(4)
NAME = f"Prenom{MARK}Appel"
LABEL = f"Etiquette{MARK}Animation"


def raw_files(data_dir) -> bytes:
    files = sorted(data_dir.glob("cercle.db*"))
    assert any(f.name == "cercle.db" for f in files)
    return b"".join(f.read_bytes() for f in files)


def test_a_phone_is_called_and_no_name_reaches_the_disk(server, browser) -> None:
    session = server.create(plan="forum-ditp")
    phone = browser.new_context(viewport=PHONE).new_page()
    phone.goto(session["join_url"])
    phone.get_by_test_id("accept-charter").click()
    phone.get_by_text("Femme", exact=True).click()
    phone.get_by_text("À distance").click()
    phone.get_by_test_id("join").click()
    phone.get_by_text("Vous êtes inscrit·e.").wait_for()

    console = browser.new_context(viewport=LAPTOP).new_page()
    console.goto(session["host_url"])
    console.get_by_text("Démarrer la session").click()
    console.get_by_text("État : en cours").wait_for()
    for _ in range(4):  # to "Temps 3 — Propulsion : la parole aux ateliers"
        next_item(console)
    console.get_by_test_id("st-console-nobody").wait_for()
    screen = browser.new_context(viewport=PROJECTOR).new_page()
    screen.goto(session["screen_url"])
    screen.get_by_test_id("st-screen-nobody").wait_for()

    phone.get_by_test_id("st-name").fill(NAME)
    phone.get_by_test_id("st-raise").click()
    phone.get_by_test_id("st-position").wait_for()
    assert phone.get_by_test_id("st-position").inner_text() == "Position 1 sur 1 — ordre d'arrivée"
    console.get_by_text(NAME).wait_for()
    console.get_by_label("Étiquette pour l'appeler (facultatif, jamais enregistrée)").fill(LABEL)
    console.get_by_test_id("st-add").click()
    console.get_by_text(LABEL).wait_for()

    console.get_by_test_id("st-next").click()
    phone.get_by_test_id("st-your-turn").wait_for()
    assert "C'est votre tour" in phone.get_by_test_id("st-your-turn").inner_text()
    # A name typed on a phone is free text nobody vetted: the console shows it, the screen does not.
    assert screen.get_by_test_id("st-screen-speaker").inner_text() == "Intervenant·e 1"
    assert NAME not in screen.content()
    clock = screen.get_by_test_id("st-clock")
    start = clock.inner_text()
    screen.wait_for_function(
        "([el, start]) => el.textContent !== start", arg=[clock.element_handle(), start], timeout=5000
    )  # the timer runs in the browser, with nothing sent by the server
    assert screen.get_by_test_id("st-gauge").count() == 1
    before = console.get_by_test_id("st-summary").inner_text()
    assert before == "Aucun tour terminé pour l'instant."
    console.get_by_test_id("st-end").click()
    console.get_by_text("Tours : 1 ·").wait_for()
    phone.get_by_test_id("st-raise").wait_for()
    assert phone.get_by_test_id("st-your-turn").count() == 0
    # one speaker: her category is hers, the gauge has no row that would tell it (on main: "Femmes 100 %")
    assert screen.get_by_test_id("st-gauge-woman").count() == 0

    running = raw_files(server.data_dir)
    export = urllib.request.urlopen(
        urllib.request.Request(
            f"{server.base_url}/api/sessions/{session['code']}/export.json",
            headers={"Authorization": f"Bearer {session['host_key']}"},
        ),
        timeout=20,
    ).read()
    assert b'"speaking_turns"' in export
    for marker in (NAME, LABEL):
        assert marker.encode() not in running, f"{marker} in the SQLite files"
        assert marker.encode() not in export, f"{marker} in the export"
        assert marker not in server.output(), f"{marker} in the server's output"
    for page in (phone, console, screen):
        page.context.close()
