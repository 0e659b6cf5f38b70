"""Remote attendees are first-class: a forum with no room and no screen page open, followed and
taken part in from phones alone; and, in a mixed forum, remote phones never told about a room
nor grouped with people in it."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import LAPTOP, PHONE

pytestmark = pytest.mark.browser

AUDIO = "https://visio.example.org/forum-ouvert"
GROUPS = "https://visio.example.org/cercle-{code}-{group}"
ROOM_WORDING = re.compile(r"dans la salle|la salle vous|Suivez l'écran|Prenez le micro", re.IGNORECASE)


def join(browser, session, *, mode: str | None) -> object:
    phone = browser.new_context(viewport=PHONE).new_page()
    phone.goto(session["join_url"])
    phone.get_by_test_id("accept-charter").click()
    if mode is None:
        assert phone.get_by_test_id("mode").count() == 0  # no room/remote question
    elif mode == "remote":
        phone.get_by_text("À distance").click()
    phone.get_by_test_id("join").click()
    phone.get_by_test_id("phone-follow").wait_for()
    return phone


def follow_text(phone) -> str:
    return phone.get_by_test_id("follow").inner_text()


def test_a_fully_remote_forum_runs_from_phones_alone(server, browser) -> None:
    session = server.create(plan="open-detat-2018-03-12")
    code = session["code"]
    host = browser.new_context(viewport=LAPTOP).new_page()
    host.goto(session["host_url"])
    host.get_by_test_id("remote-audio").fill(AUDIO)
    host.get_by_test_id("remote-only").click()
    host.get_by_test_id("remote-groups").fill(GROUPS)
    host.get_by_test_id("remote-save").click()
    host.get_by_text("Réglages à distance enregistrés").wait_for()
    host.get_by_text("Démarrer la session").click()

    phones = [join(browser, session, mode=None) for _ in range(3)]  # no screen page is ever opened
    for phone in phones:
        link = phone.get_by_test_id("join-audio")
        assert link.get_attribute("href") == AUDIO
        assert phone.get_by_test_id("follow").is_visible()  # remote phones open on the screen's view

    host.get_by_text("Point suivant").click()
    host.get_by_text("Ouvrir le vote").click()
    for phone in phones:
        phone.get_by_test_id("dm-follow").wait_for()
    for phone, position in zip(phones, ["a", "a", "b"], strict=True):
        phone.get_by_test_id(f"dm-choice-{position}").click()
        phone.get_by_text("Position enregistrée").wait_for()
    for phone in phones:  # the live distribution, as the projector would show it: three people
        # show as their number under the disclosure rule, never who answered what
        bar = phone.get_by_test_id("dm-follow").locator(".dm-leg[data-position=hidden] .dm-leg-count")
        bar.filter(has_text="3 (100 %)").wait_for()
        assert (
            phone.get_by_test_id("dm-follow").locator(".dm-leg[data-position=a] .dm-leg-count").inner_text()
            == "·"
        )
        assert "salle" not in follow_text(phone)  # no room/remote split in a forum with no room

    host.get_by_text("Clore le tour").click()
    host.get_by_text("Passer aux arguments").click()
    host.get_by_text("Ouvrir le tour final").click()
    phones[0].get_by_test_id("dm-choice-b").click()
    phones[0].get_by_text("Position enregistrée : B").wait_for()
    phones[1].get_by_test_id("dm-choice-hesitant").click()
    phones[1].get_by_text("Position enregistrée : Hésitant·es").wait_for()
    host.get_by_text("Clore le tour").click()
    for phone in phones:  # then the movement, as a sentence and a table
        sentence = phone.get_by_test_id("dm-follow-sentence")
        sentence.wait_for()
        # two moves among three people would name them: nothing is told
        assert sentence.inner_text() == (
            "Trop peu de réponses pour être montrées sans que personne ne soit reconnu."
        )
        assert not ROOM_WORDING.search(phone.locator("body").inner_text())

    host.get_by_text("Point suivant").click()  # to the world café
    host.get_by_test_id("wc-start").click()
    for phone in phones:
        group = phone.get_by_test_id("wc-phone-group")
        group.wait_for()
        assert "virtuelle" in group.inner_text().lower()
        call = phone.get_by_test_id("wc-group-call")
        assert call.get_attribute("href") == f"https://visio.example.org/cercle-{code.lower()}-1"
        phone.get_by_test_id("wc-phone-table").wait_for()
        assert not ROOM_WORDING.search(phone.locator("body").inner_text())
    assert (
        host.get_by_test_id("wc-call-1").inner_text() == f"https://visio.example.org/cercle-{code.lower()}-1"
    )


def test_the_2018_demo_keeps_remote_phones_apart_from_the_room(server, browser) -> None:
    session = server.create(plan="open-detat-2018-03-12")
    host = browser.new_context(viewport=LAPTOP).new_page()
    host.goto(session["host_url"])
    host.get_by_text("Démarrer la session").click()
    room = [join(browser, session, mode="room") for _ in range(2)]
    remote = [join(browser, session, mode="remote") for _ in range(2)]

    def no_room_wording() -> None:
        for phone in remote:
            text = phone.locator("body").inner_text()
            assert not ROOM_WORDING.search(text), text

    no_room_wording()  # the welcome moment
    host.get_by_text("Point suivant").click()
    host.get_by_text("Ouvrir le vote").click()
    for phone in room + remote:
        phone.get_by_test_id("dm-choice-a").click()
        phone.get_by_text("Position enregistrée").wait_for()
    host.get_by_text("Clore le tour").click()
    host.get_by_text("Passer aux arguments").click()
    host.get_by_text("Ouvrir le tour final").click()
    host.get_by_text("Clore le tour").click()
    remote[0].get_by_test_id("dm-follow-sentence").wait_for()
    no_room_wording()

    host.get_by_text("Point suivant").click()
    host.get_by_test_id("wc-start").click()
    groups = {}
    for name, phone in [("room", p) for p in room] + [("remote", p) for p in remote]:
        label = phone.get_by_test_id("wc-phone-group")
        label.wait_for()
        groups.setdefault(name, set()).add(label.inner_text())
    assert len(groups["room"]) == 1 and len(groups["remote"]) == 1
    assert groups["room"].isdisjoint(groups["remote"])  # two groups, never mixed
    assert all("virtuelle" in g.lower() for g in groups["remote"])
    no_room_wording()
