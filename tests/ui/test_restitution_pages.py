"""The console's restitution panel and the public page `/r/{code}`, with NiceGUI's simulated user."""

from __future__ import annotations

import pytest
from nicegui import ui

from facilitation import feedback
from facilitation import session as rules
from facilitation.commands import HOST, Actor
from tests.conftest import running_service
from tests.unit.test_restitution_support import add_note, register_globally, vote, write_plan

TOKENS = ["AAAAAAAAAAAAAAAAAAAAAA", "BBBBBBBBBBBBBBBBBBBBBB"]


@pytest.fixture
def fake_plan(tmp_path, monkeypatch):
    register_globally()
    service = running_service()
    monkeypatch.setattr(service.rooms, "plans_dir", tmp_path / "plans")
    write_plan(tmp_path / "plans", publish=False)
    return service


def live_session(service):
    room, key = service.rooms.create(plan="essai")
    for token in TOKENS:
        room.run_now(Actor.participant(token), rules.join, None, "room")
    room.run_now(HOST, rules.start)
    room.run_now(HOST, rules.next_item)
    vote(room, TOKENS[0], "A")
    add_note(room, TOKENS[0], "n1", "Publier les données par défaut")
    add_note(room, TOKENS[1], "n2", "Comme le disait Jean Dupont, 06 12 34 56 78")
    return room, key


async def test_panel_lists_suspect_texts_and_hides_one(user, fake_plan) -> None:
    room, key = live_session(fake_plan)
    await user.open(f"/host/{room.code}?key={key}")
    await user.should_see("Vérification avant publication")
    await user.should_see("Comme le disait <mark>Jean Dupont</mark>, <mark>06 12 34 56 78</mark>")
    await user.should_not_see("Publier les données par défaut")  # nothing personal in it
    await user.should_see("Non publiée.")
    user.find(marker="hide-1-n2").click()
    user.find(marker="reason").type("nom cité")
    user.find(marker="confirm").click()
    await user.should_see("C'est fait, et consigné au journal de modération.")
    assert room.state.activities[1].notes["n2"].hidden is True
    log = room.state.moderation
    assert [(m.target, m.target_id, m.action, m.reason, m.place) for m in log] == [
        ("free_text", "1:n2", "hide", "nom cité", "Note n2")
    ]
    assert fake_plan.rooms.store.count_events(room.code, "session.text_moderated") == 1


async def test_panel_edit_is_logged_without_the_old_text(user, fake_plan) -> None:
    room, key = live_session(fake_plan)
    await user.open(f"/host/{room.code}?key={key}")
    user.find(marker="edit-1-n2").click()
    user.find(marker="edit-text").clear().type("Comme cela a été dit")
    user.find(marker="confirm").click()
    await user.should_see("C'est fait, et consigné au journal de modération.")
    assert room.state.activities[1].notes["n2"].text == "Comme cela a été dit"
    log = room.state.moderation
    assert log[0].action == "edit" and "Dupont" not in str(log)
    await user.should_see("Rien à signaler.")


async def test_closing_from_the_console_unlinks_tokens_and_publishing_opens_the_page(
    create_user, fake_plan
) -> None:
    room, key = live_session(fake_plan)
    host = create_user()
    await host.open(f"/host/{room.code}?key={key}")
    host.find("Clore la session").click()
    await host.should_see("Clore la session ?")
    host.find("Confirmer").click()
    await host.should_see("État : close")
    await host.should_see("Non publiée.")
    assert list(room.state.participants) == ["participant 1", "participant 2"]
    events = [e.model_dump_json() for e in fake_plan.rooms.store.events(room.code)]
    assert not any(token in e for e in events for token in TOKENS)

    reader = create_user()
    await reader.open(f"/r/{room.code}")
    await reader.should_see("Cette restitution n'est pas encore publiée")
    await reader.should_not_see("Notes et votes")

    host.find(marker="publish").click()  # the note with a name is still open: an explicit choice
    await host.should_see(marker="publish-anyway")
    host.find(marker="publish-anyway").click()
    await host.should_see(f"Publiée : {fake_plan.base_url}/r/{room.code}")
    await reader.open(f"/r/{room.code}")
    await reader.should_see("Notes et votes")


async def test_public_page_takes_comments_and_the_host_hides_one(create_user, fake_plan) -> None:
    room, key = live_session(fake_plan)
    room.run_now(HOST, rules.close)
    room.run_now(HOST, feedback.set_publication, True, anyway=True)  # the note with a name is not reviewed
    reader = create_user()
    await reader.open(f"/r/{room.code}")
    await reader.should_see("Notes et votes")
    await reader.should_see("Pas encore de commentaire.")
    reader.find(marker="comment-text").type("Merci pour ce forum, vivement le prochain")
    reader.find(marker="comment-send").click()
    await reader.should_see("Merci, votre commentaire est publié.")
    await reader.should_see("Merci pour ce forum, vivement le prochain")
    reader.find(marker="comment-text").type("Un deuxième tout de suite")
    reader.find(marker="comment-send").click()
    await reader.should_see("Doucement : attendez")
    await reader.should_not_see("Masquer")  # no key, no moderation

    host = create_user()
    await host.open(f"/r/{room.code}?key={key}")
    host.find(marker="hide-1").click()
    host.find(marker="confirm-hide").click()  # without a reason: refused
    await host.should_see("Indiquez le motif")
    host.find(marker="reason").type("hors sujet")
    host.find(marker="confirm-hide").click()
    await host.should_see("Commentaire masqué par la modération (hors sujet).")
    await reader.open(f"/r/{room.code}")
    await reader.should_not_see("vivement le prochain")
    await reader.should_see("hors sujet")


async def test_a_comment_that_looks_personal_waits_for_review(create_user, fake_plan) -> None:
    room, key = live_session(fake_plan)
    room.run_now(HOST, rules.close)
    room.run_now(HOST, feedback.set_publication, True, anyway=True)  # the note with a name is not reviewed
    author, other = create_user(), create_user()
    await author.open(f"/r/{room.code}")
    author.find(marker="comment-text").type("Écrivez à paul.martin@example.org pour la suite")
    author.find(marker="comment-send").click()
    await author.should_see("Votre texte attend une relecture")
    await author.should_see("paul.martin@example.org")  # its author sees it, marked as waiting
    await author.should_see("En attente de relecture")
    await other.open(f"/r/{room.code}")
    await other.should_see("Pas encore de commentaire.")
    await other.should_not_see("paul.martin")  # nobody else does
    assert "paul.martin" not in (await other.http_client.get(f"/api/sessions/{room.code}/export.csv")).text

    console = create_user()
    await console.open(f"/host/{room.code}?key={key}")
    await console.should_see("1 à relire")
    await console.should_see("<mark>paul.martin@example.org</mark>")
    console.find(marker="queue-edit-c-1").click()
    console.find(marker="queue-edit-text").clear().type("Écrivez à l'équipe du forum pour la suite")
    console.find(marker="queue-edit-save").click()
    await console.should_see("Approuvé : le texte est affiché.")
    await other.open(f"/r/{room.code}")
    await other.should_see("Écrivez à l'équipe du forum pour la suite")
    await other.should_not_see("paul.martin")
    assert [m.action for m in room.state.moderation] == ["publish_anyway", "approve"]


async def test_erase_from_the_console_asks_for_the_code(user, fake_plan) -> None:
    room, key = live_session(fake_plan)
    code = room.code
    await user.open(f"/host/{code}?key={key}")
    user.find(marker="erase").click()
    await user.should_see(f"Effacer définitivement la session {code}")
    confirm = user.find(marker="erase-confirm")
    assert all(e.props.get("disable") is True for e in confirm.elements)
    user.find(marker="erase-code").type(code.lower())
    assert all(not e.props.get("disable") for e in confirm.elements)
    confirm.click()
    await user.should_see("Session effacée.")
    assert not fake_plan.rooms.store.code_taken(code)
    assert fake_plan.rooms.get(code) is None


async def test_unknown_restitution(user) -> None:
    await user.open("/r/ZZZZZZ")
    await user.should_see("Aucune restitution ne porte le code « ZZZZZZ »")
    await user.should_not_see(kind=ui.textarea)
