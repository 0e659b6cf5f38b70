"""Nothing unvetted reaches the screen: with the default policy, an argument naming someone and
an actor that is a person wait in the console's queue, never on the projected screen; approved
after an edit, the edited text is shown; a comment with an e-mail address stays invisible to the
public until approved."""

from __future__ import annotations

import pytest

from tests.browser.conftest import LAPTOP, PHONE, PROJECTOR

pytestmark = pytest.mark.browser

NAMED = "À distance, j'ai découvert le sujet grâce au forum ; Jean Dupont de la DINUM m'en a parlé"
EDITED = "À distance, j'ai découvert le sujet grâce au forum ; un agent de la DINUM m'en a parlé"


def join(browser, url: str):
    page = browser.new_context(viewport=PHONE).new_page()
    page.goto(url)
    page.get_by_test_id("accept-charter").click()
    page.get_by_text("À distance").click()
    page.get_by_test_id("join").click()
    page.get_by_text("Modifier mes réponses").wait_for()
    return page


def test_a_name_waits_in_the_queue_and_never_reaches_the_screen(server, browser) -> None:
    session = server.create(plan="open-detat-2018-03-12")
    phone, other = join(browser, session["join_url"]), join(browser, session["join_url"])
    host = browser.new_context(viewport=LAPTOP).new_page()
    host.goto(session["host_url"])
    screen = browser.new_context(viewport=PROJECTOR).new_page()
    screen.goto(session["screen_url"])
    host.get_by_text("Démarrer la session").click()
    host.get_by_test_id("goto-1").click()
    for step in ("dm-open1", "dm-close", "dm-arguments"):
        host.get_by_test_id(step).click()
        host.get_by_test_id(step).wait_for(state="hidden")
    phone.get_by_test_id("dm-side").get_by_text("Côté A").click()  # no position: a side is chosen
    phone.get_by_test_id("dm-argument").fill(NAMED)
    phone.get_by_test_id("dm-send").click()

    # Its author is told it waits, and why; the console's queue has it, the name marked.
    phone.get_by_text("Votre texte attend une relecture").wait_for()
    assert "Jean Dupont" in phone.get_by_test_id("pending").inner_text()
    host.get_by_test_id("queue-badge").get_by_text("1 à relire").wait_for()
    assert host.locator('[data-testid="queue-text-1-1.1"] mark').all_inner_texts() == ["Jean Dupont"]
    # Now that the console has it, the screen and the other phone have had every chance to show it.
    screen.get_by_text("Arguments", exact=False).first.wait_for()
    assert "Dupont" not in screen.content() and "Dupont" not in other.content()

    host.get_by_test_id("queue-edit-1-1.1").click()
    host.get_by_label("Modifier puis approuver", exact=True).fill(EDITED)
    host.get_by_test_id("queue-edit-save").click()
    screen.get_by_text(EDITED).wait_for()
    phone.get_by_text("Votre texte a été relu et il est affiché.").wait_for()
    assert "Dupont" not in screen.content()
    host.get_by_test_id("queue-badge").wait_for(state="hidden")

    # An actor that is a person waits; an organisation is shown at once.
    host.get_by_test_id("goto-2").click()
    host.get_by_label("Nombre de groupes (vide : selon la taille)").fill("1")
    host.get_by_test_id("wc-save").click()
    host.get_by_text("2 personnes présentes : 1 groupe").wait_for()
    host.get_by_test_id("wc-start").click()
    phone.get_by_test_id("wc-phone-table").wait_for()
    for name in ("Marie Martin", "la DINUM"):
        phone.get_by_test_id("wc-actor-name").fill(name)
        phone.get_by_test_id("wc-send").click()
        phone.wait_for_function(
            "document.querySelector('[data-testid=wc-actor-name] input, input[data-testid=wc-actor-name]').value === ''"
        )
    host.get_by_test_id("queue-badge").get_by_text("1 à relire").wait_for()
    queue = host.get_by_test_id("queue").inner_text()
    assert "Marie Martin" in queue and "DINUM" not in queue
    phone.get_by_test_id("wc-board").get_by_text("la DINUM").wait_for()
    assert "Marie Martin" not in phone.get_by_test_id("wc-board").inner_text()
    assert "Marie Martin" not in screen.content()


def test_a_comment_with_an_address_is_public_only_once_approved(server, browser) -> None:
    session = server.create(plan="open-detat-2018-03-12")
    code = session["code"]
    host = browser.new_context(viewport=LAPTOP).new_page()
    host.goto(session["host_url"])
    host.get_by_text("Démarrer la session").click()
    host.get_by_text("Clore la session").click()
    host.get_by_text("Confirmer").click()
    host.get_by_test_id("publication").get_by_text("Publiée").wait_for()  # the 2018 plan publishes

    author = browser.new_context(viewport=PHONE).new_page()
    author.goto(f"{server.base_url}/r/{code}")
    author.get_by_test_id("comment-text").fill(
        "Très bon forum, une attaque contre l'équipe en prime ; écrivez-moi : lea.roux@example.org"
    )
    author.get_by_test_id("comment-send").click()
    author.get_by_test_id("my-pending").get_by_text("lea.roux@example.org", exact=False).wait_for()

    public = browser.new_context(viewport=PHONE).new_page()
    public.goto(f"{server.base_url}/r/{code}")
    public.get_by_text("Pas encore de commentaire.").wait_for()
    assert "lea.roux" not in public.content()
    status, body = server.request("GET", f"/api/sessions/{code}/export.json")
    assert status == 200 and "lea.roux" not in str(body)

    host.get_by_test_id("queue-badge").get_by_text("1 à relire").wait_for()
    assert host.locator('[data-testid="queue-text-c-1"] mark').all_inner_texts() == ["lea.roux@example.org"]
    host.get_by_test_id("queue-approve-c-1").click()
    public.reload()
    public.get_by_text("lea.roux@example.org", exact=False).wait_for()  # approved as it is: shown
    status, body = server.request("GET", f"/api/sessions/{code}/export.json")
    assert "lea.roux@example.org" in str(body)


def test_a_french_name_from_an_english_phone_is_held_too(server, browser) -> None:
    """The check reads the text, not the page: a French sentence naming someone, sent from a
    phone whose page is in English, waits in the queue as it would from a French one."""
    session = server.create(plan="open-detat-2018-03-12")
    phone = browser.new_context(viewport=PHONE).new_page()
    phone.goto(session["join_url"] + "?lang=en")
    phone.get_by_test_id("accept-charter").click()
    phone.get_by_text("Remote").click()
    phone.get_by_test_id("join").click()
    phone.get_by_text("Change my answers").wait_for()
    host = browser.new_context(viewport=LAPTOP).new_page()
    host.goto(session["host_url"])
    screen = browser.new_context(viewport=PROJECTOR).new_page()
    screen.goto(session["screen_url"])
    host.get_by_text("Démarrer la session").click()
    host.get_by_test_id("goto-1").click()
    for step in ("dm-open1", "dm-close", "dm-arguments"):
        host.get_by_test_id(step).click()
        host.get_by_test_id(step).wait_for(state="hidden")
    phone.get_by_test_id("dm-side").get_by_text("Side A").click()  # no position: a side is chosen
    phone.get_by_test_id("dm-argument").fill(
        "Comme l'a dit Oluwaseun Adebayo, il faut publier le code source"
    )
    phone.get_by_test_id("dm-send").click()
    host.get_by_test_id("queue-badge").get_by_text("1 à relire").wait_for()
    assert host.locator('[data-testid="queue-text-1-1.1"] mark').all_inner_texts() == ["Oluwaseun Adebayo"]
    screen.get_by_text("Arguments", exact=False).first.wait_for()
    assert "Adebayo" not in screen.content()


def test_shortcuts_act_only_in_the_queue_and_can_be_turned_off(server, browser) -> None:
    """An "a" typed on an agenda row approves nothing (it was a privacy leak: a text held for a
    name went to the screen); typed in the queue, it approves the newest text; turned off, the
    shortcuts stay off after a reload."""
    session = server.create(plan="open-detat-2018-03-12")
    phone = join(browser, session["join_url"])
    host = browser.new_context(viewport=LAPTOP).new_page()
    host.goto(session["host_url"])
    screen = browser.new_context(viewport=PROJECTOR).new_page()
    screen.goto(session["screen_url"])
    host.get_by_text("Démarrer la session").click()
    host.get_by_test_id("goto-1").click()
    for step in ("dm-open1", "dm-close", "dm-arguments"):
        host.get_by_test_id(step).click()
        host.get_by_test_id(step).wait_for(state="hidden")
    phone.get_by_test_id("dm-side").get_by_text("Côté A").click()  # no position: a side is chosen

    def send(text: str) -> None:
        phone.get_by_test_id("dm-argument").fill(text)
        phone.get_by_test_id("dm-send").click()
        host.get_by_test_id("queue-badge").get_by_text("1 à relire").wait_for()

    send(NAMED)
    host.get_by_test_id("item-1").focus()
    host.keyboard.press("a")
    # Then "e" in the queue: editing works only if the text still waits, unapproved.
    host.get_by_test_id("queue").focus()
    host.keyboard.press("e")
    host.get_by_label("Modifier puis approuver", exact=True).fill(EDITED)
    host.get_by_test_id("queue-edit-save").click()
    screen.get_by_text(EDITED).wait_for()
    assert "Dupont" not in screen.content()
    host.get_by_test_id("queue-badge").wait_for(state="hidden")

    # In the queue (its badge leads there), "a" approves the newest.
    second = "Un agent du ministère, Paul Durand, l'a proposé"
    send(second)
    host.get_by_test_id("queue-badge").click()
    host.wait_for_function("document.activeElement.dataset.testid === 'queue'")
    host.keyboard.press("a")
    screen.get_by_text(second).wait_for()
    host.get_by_test_id("queue-badge").wait_for(state="hidden")

    # Turned off, remembered by this browser: "a" in the queue approves nothing.
    host.get_by_test_id("queue-keys").click()
    host.get_by_text("Raccourcis clavier désactivés.").wait_for()
    host.reload()
    host.get_by_text("Raccourcis clavier désactivés.").wait_for()
    third = "Selon Claire Petit, il faut ouvrir les données"
    send(third)
    host.get_by_test_id("queue").focus()
    host.keyboard.press("a")
    host.get_by_test_id("queue").get_by_role("button", name="Modifier puis approuver", exact=True).click()
    host.get_by_label("Modifier puis approuver", exact=True).fill("Il faut ouvrir les données")
    host.get_by_test_id("queue-edit-save").click()
    screen.get_by_text("Il faut ouvrir les données").first.wait_for()
    assert "Claire Petit" not in screen.content()
