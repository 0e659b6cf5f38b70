"""Three phones take part in a débat mouvant on a real server: the projected screen shows the
distribution, then, after the final round, the movement, as the disclosure rule publishes them:
three people show as their number, never who answered what (on main the screen said "B 1 — salle 0
· distance 1": the one remote person's answer)."""

from __future__ import annotations

import pytest

from tests.browser.conftest import LAPTOP, PHONE, PROJECTOR

pytestmark = pytest.mark.browser


def test_three_phones_vote_move_and_the_screen_shows_it(server, browser) -> None:
    session = server.create(plan="open-detat-2018-03-12")
    host = browser.new_context(viewport=LAPTOP).new_page()
    host.goto(session["host_url"])
    host.get_by_text("Démarrer la session").click()
    host.get_by_text("Point suivant").click()
    host.get_by_text("Ouvrir le vote").wait_for()
    screen = browser.new_context(viewport=PROJECTOR).new_page()
    screen.goto(session["screen_url"])
    screen.get_by_text("Énoncé 1 / 5 · Pas encore ouvert").wait_for()

    phones = []
    for mode in ("room", "room", "remote"):
        phone = browser.new_context(viewport=PHONE).new_page()
        phone.goto(session["join_url"])
        phone.get_by_test_id("accept-charter").click()
        if mode == "remote":
            phone.get_by_text("À distance").click()
        phone.get_by_test_id("join").click()
        phone.get_by_text("Le vote n'est pas encore ouvert").wait_for()
        phones.append(phone)

    host.get_by_text("Ouvrir le vote").click()
    for phone, position in zip(phones, ["a", "a", "b"], strict=True):
        phone.get_by_test_id(f"dm-choice-{position}").click()
        phone.get_by_text("Position enregistrée").wait_for()
        assert phone.get_by_test_id(f"dm-choice-{position}").get_attribute("aria-pressed") == "true"
    screen.get_by_text("3 ont pris position sur 3 participant·es").wait_for()
    bar = screen.get_by_test_id("dm-bar")
    bar.locator(".dm-leg[data-position=hidden]").wait_for()
    assert bar.locator(".dm-leg[data-position=hidden] .dm-leg-count").inner_text() == "3 (100\u00a0%)"
    assert bar.locator(".dm-leg[data-position=a] .dm-leg-count").inner_text() == "·"
    assert bar.locator(".dm-leg[data-position=b] .dm-leg-detail").inner_text() == ""

    host.get_by_text("Clore le tour").click()
    phones[0].get_by_text("Le tour est clos. Votre position : A.").wait_for()
    host.get_by_text("Passer aux arguments").click()
    phones[0].get_by_text("Un argument pour un côté ?").wait_for()
    host.get_by_text("Ouvrir le tour final").click()
    phones[0].get_by_text("Votre première position compte : A").wait_for()
    phones[0].get_by_test_id("dm-choice-b").click()
    phones[0].get_by_text("Position enregistrée : B").wait_for()
    phones[1].get_by_test_id("dm-choice-hesitant").click()
    phones[1].get_by_text("Position enregistrée : Hésitant·es").wait_for()
    host.get_by_text("Clore le tour").click()

    sentence = screen.get_by_test_id("dm-sentence")
    sentence.wait_for()
    # two moves among three people would name them: nothing is told
    assert (
        sentence.inner_text() == "Trop peu de réponses pour être montrées sans que personne ne soit reconnu."
    )
    assert (
        screen.get_by_test_id("dm-bar").locator(".dm-leg[data-position=b] .dm-leg-count").inner_text() == "·"
    )

    host.get_by_text("Révéler sur les téléphones").click()
    phones[2].get_by_test_id("dm-result").wait_for()
    assert "Trop peu de réponses" in phones[2].get_by_test_id("dm-result").inner_text()
