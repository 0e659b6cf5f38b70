"""The débat mouvant's console and phone through NiceGUI's simulated user (no browser)."""

from __future__ import annotations

from activities.debat_mouvant import state as rules
from facilitation.commands import HOST
from facilitation.room import Room
from tests.conftest import running_service


async def live_debate(create_user, phones: int = 1):
    """A 2018 session moved to its débat mouvant, a console, and `phones` joined phones."""
    service = running_service()
    room, key = service.rooms.create(plan="open-detat-2018-03-12")
    host = create_user()
    await host.open(f"/host/{room.code}?key={key}")
    host.find("Démarrer la session").click()
    await host.should_see("Point suivant")
    host.find("Point suivant").click()
    await host.should_see("Ouvrir le vote")
    users = []
    for _ in range(phones):
        phone = create_user()
        await phone.open(f"/j/{room.code}")
        phone.find("J'accepte la charte").click()
        phone.find("Continuer").click()
        await phone.should_see("Le vote n'est pas encore ouvert")
        users.append(phone)
    return room, host, users


def debate(room: Room) -> rules.DebatState:
    return room.state.activities[1]


async def test_a_phone_votes_changes_its_mind_and_the_console_counts_it(create_user) -> None:
    room, host, (phone,) = await live_debate(create_user)
    host.find("Ouvrir le vote").click()
    await phone.should_see("Où vous placez-vous ?")
    phone.find(marker="dm-choice-a").click()
    await phone.should_see("Position enregistrée : A")
    phone.find(marker="dm-choice-b").click()
    await phone.should_see("Position enregistrée : B")
    assert debate(room).run.positions_of(1) == {next(iter(room.state.participants)): "b"}
    await host.should_see("1 a pris position sur 1 participant·e")
    host.find("Clore le tour").click()
    await phone.should_see("Le tour est clos. Votre position : B.")
    await phone.should_not_see("Où vous placez-vous ?")


async def test_a_vote_in_a_round_closed_meanwhile_is_refused_and_changes_nothing(create_user) -> None:
    room, host, (phone,) = await live_debate(create_user)
    host.find("Ouvrir le vote").click()
    await phone.should_see("Où vous placez-vous ?")
    phone.find(marker="dm-choice-a").click()
    await phone.should_see("Position enregistrée : A")
    # The round closes; before this phone hears of it, the person taps B.
    room.run_now(HOST, rules.close_round, 0, item=1)
    phone.find(marker="dm-choice-b").click()
    await phone.should_see("Ce tour est clos : votre choix n'a pas été pris en compte")
    await phone.should_see("Le tour est clos. Votre position : A.")
    assert list(debate(room).run.positions_of(1).values()) == ["a"]


async def test_head_counts_are_added_and_marked(create_user) -> None:
    room, host, (phone,) = await live_debate(create_user)
    host.find("Ouvrir le vote").click()
    await phone.should_see("Où vous placez-vous ?")
    phone.find(marker="dm-choice-a").click()
    await host.should_see("1 a pris position sur 1 participant·e")
    host.find(marker="dm-heads-1-b").type("12").trigger("blur")
    await host.should_see("+ 12 compté·es à main levée")
    d = debate(room).run.distribution(1)  # as published: one phone is not shown, the heads are
    assert (d.voters, d.heads, d.get("b").heads, d.get("b").shown_total) == (0, 12, 12, 12)


async def test_a_fully_remote_forum_has_no_room_or_head_count_column(create_user) -> None:
    from facilitation import remote

    room, host, (phone,) = await live_debate(create_user)
    host.find("Ouvrir le vote").click()
    await host.should_see(marker="dm-heads-1-a")
    room.run_now(HOST, remote.set_remote, remote_only=True)
    await host.should_not_see(marker="dm-heads-1-a")
    phone.find(marker="dm-choice-a").click()
    await host.should_see("1 a pris position sur 1 participant·e")
    host.find("Clore le tour").click()
    await host.should_see("Passer aux arguments")
    await host.should_not_see("Révéler sur les téléphones")  # remote phones show the result already


async def test_arguments_from_a_phone_reach_the_console_which_hides_one(create_user) -> None:
    room, host, (phone,) = await live_debate(create_user)
    host.find("Ouvrir le vote").click()
    await phone.should_see("Où vous placez-vous ?")
    phone.find(marker="dm-choice-a").click()
    await phone.should_see("Position enregistrée : A")
    host.find("Clore le tour").click()
    await host.should_see("Passer aux arguments")
    host.find("Passer aux arguments").click()
    await phone.should_see("Un argument pour un côté ?")
    phone.find(marker="dm-argument").type("Ouvrir à de nouveaux publics")
    phone.find(marker="dm-send").click()
    await phone.should_see("Merci, votre argument est noté.")
    await host.should_see("Ouvrir à de nouveaux publics")
    phone.find(marker="dm-argument").type("x" * 2)
    phone.find(marker="dm-send").click()
    await phone.should_see("Un argument fait de 3 à 280 caractères")
    host.find(marker="dm-hide-1.1").click()
    await host.should_see("Rétablir")
    assert debate(room).run.visible_arguments("a") == []
    assert [t.hidden for t in room.registry.get("debat_mouvant").free_texts(debate(room))] == [True]


async def test_final_round_starts_from_the_first_position_and_the_reveal_reaches_the_phone(
    create_user,
) -> None:
    room, host, (p1, p2) = await live_debate(create_user, phones=2)
    host.find("Ouvrir le vote").click()
    await p1.should_see("Où vous placez-vous ?")
    await p2.should_see("Où vous placez-vous ?")
    p1.find(marker="dm-choice-a").click()
    p2.find(marker="dm-choice-a").click()
    await host.should_see("2 ont pris position sur 2 participant·es")
    host.find("Clore le tour").click()
    await host.should_see("Passer aux arguments")
    host.find("Passer aux arguments").click()
    await host.should_see("Ouvrir le tour final")
    host.find("Ouvrir le tour final").click()
    await p1.should_see("Votre première position compte : A")
    p1.find(marker="dm-choice-b").click()
    await p1.should_see("Position enregistrée : B")
    host.find("Clore le tour").click()
    # one move among two people would name who moved: nothing is told of it
    await host.should_see("Trop peu de réponses pour être montrées")
    await host.should_see("Révéler sur les téléphones")
    await host.should_not_see("1 personne a changé de position, vers B.")
    host.find("Révéler sur les téléphones").click()
    await p2.should_see("Résultat")
    await p2.should_see("Trop peu de réponses pour être montrées")


async def test_a_statement_typed_live_is_presented_and_a_bad_one_explained(create_user) -> None:
    room, host, (phone,) = await live_debate(create_user)
    host.find("Nouvel énoncé").click()
    host.find(marker="dm-new-prompt").type("Faut-il se réunir en province ?")
    host.find(marker="dm-new-add").click()
    await host.should_see("Énoncé invalide")
    assert len(debate(room).runs) == 5
    host.find(marker="dm-new-a").type("Oui, souvent")
    host.find(marker="dm-new-b").type("Non, à Paris")
    host.find(marker="dm-new-add").click()
    await phone.should_see("Faut-il se réunir en province ?")
    assert len(debate(room).runs) == 6 and debate(room).current == 5


async def test_reset_asks_first(create_user) -> None:
    room, host, (phone,) = await live_debate(create_user)
    host.find("Ouvrir le vote").click()
    await phone.should_see("Où vous placez-vous ?")
    phone.find(marker="dm-choice-a").click()
    await host.should_see("1 a pris position")
    host.find("Clore le tour").click()
    await host.should_see("Recommencer cet énoncé")
    host.find("Recommencer cet énoncé").click()
    await host.should_see("Recommencer cet énoncé ?", retries=3)
    assert debate(room).run.positions_of(1)
    host.find(marker="dm-reset-confirm").click()
    await phone.should_see("Le vote n'est pas encore ouvert")
    assert debate(room).run.positions_of(1) == {} and debate(room).run.resets == 1


async def test_the_queue_keeps_newest_first_as_texts_arrive_and_are_approved(create_user) -> None:
    from facilitation import moderation

    room, host, (phone,) = await live_debate(create_user)
    room.run_now(HOST, moderation.set_policy, policy="hold_all")
    host.find("Ouvrir le vote").click()
    await phone.should_see("Où vous placez-vous ?")
    phone.find(marker="dm-choice-a").click()
    await phone.should_see("Position enregistrée : A")
    host.find("Clore le tour").click()
    await host.should_see("Passer aux arguments")
    host.find("Passer aux arguments").click()
    await phone.should_see("Un argument pour un côté ?")
    for text in ("Premier argument", "Deuxième argument", "Troisième argument"):
        phone.find(marker="dm-argument").type(text)
        phone.find(marker="dm-send").click()
        await host.should_see(text)
    item = room.state.current
    await host.should_see(marker=f"queue-approve-{item}-1.3")
    assert host.find(marker=f"queue-approve-{item}-1.3").elements.pop().props["label"].endswith("(A)")
    assert not host.find(marker=f"queue-approve-{item}-1.2").elements.pop().props["label"].endswith("(A)")
    host.find(marker=f"queue-approve-{item}-1.3").click()  # the newest: the next one gets the key's hint
    await host.should_not_see(marker=f"queue-approve-{item}-1.3")
    await host.should_see("Approuver (A)")
    assert host.find(marker=f"queue-approve-{item}-1.2").elements.pop().props["label"].endswith("(A)")
    assert [a.held for a in debate(room).run.arguments] == [True, True, False]


async def test_what_is_typed_while_an_argument_is_checked_stays_in_the_field(
    create_user, monkeypatch
) -> None:
    import asyncio

    from facilitation.detector import screening

    room, host, (phone,) = await live_debate(create_user)
    host.find("Ouvrir le vote").click()
    await phone.should_see("Où vous placez-vous ?")
    phone.find(marker="dm-choice-a").click()
    await phone.should_see("Position enregistrée : A")
    host.find("Clore le tour").click()
    await host.should_see("Passer aux arguments")
    host.find("Passer aux arguments").click()
    await phone.should_see("Un argument pour un côté ?")
    checking, checked = asyncio.Event(), asyncio.Event()
    real = screening.screen

    async def slow_screen(*args, **kwargs):
        checking.set()
        await checked.wait()  # the check takes its time: the author types the next argument
        return await real(*args, **kwargs)

    monkeypatch.setattr(screening, "screen", slow_screen)
    field = phone.find(marker="dm-argument")
    field.type("Un premier argument")
    phone.find(marker="dm-send").click()
    await checking.wait()
    field.clear().type("Le suivant, pas encore envoyé")
    checked.set()
    await phone.should_see("Merci, votre argument est noté.")
    assert [a.text for a in debate(room).run.arguments] == ["Un premier argument"]
    assert field.elements.pop().value == "Le suivant, pas encore envoyé"


async def test_a_statement_in_french_only_gets_its_english_from_the_console(create_user) -> None:
    from facilitation import agenda
    from facilitation.session import start

    service = running_service()
    room, key = service.rooms.create(title="Forum")
    statement = {"form": "dilemma", "prompt": "Faut-il ouvrir ?", "a": "Oui", "b": "Non"}
    item = {"title": "Débat", "kind": "debat_mouvant", "settings": {"statements": [statement]}}
    room.run_now(HOST, agenda.add_item, item)
    room.run_now(HOST, start)
    host, phone = create_user(), create_user()
    await phone.open(f"/j/{room.code}?lang=en")
    phone.find("I accept the charter").click()
    phone.find("Continue").click()
    await phone.should_see("Faut-il ouvrir ?")  # no English yet: the French stands in
    await host.open(f"/host/{room.code}?key={key}")
    host.find(marker="dm-translate").click()  # the console's one dialog for every English
    host.find(marker="translate-en-0").type("Should it open?")
    host.find(marker="translate-en-1").type("Yes")
    host.find(marker="translate-save").click()
    await phone.should_see("Should it open?")
    s = room.state.activities[0].runs[0].statement
    assert (s.prompt.fr, s.prompt.en, s.a.en, s.b.en) == ("Faut-il ouvrir ?", "Should it open?", "Yes", "Non")


async def test_a_fully_remote_forum_counts_no_room_on_the_screen(create_user) -> None:
    from facilitation import remote

    room, host, (phone,) = await live_debate(create_user)
    room.run_now(HOST, remote.set_remote, remote_only=True)
    host.find("Ouvrir le vote").click()
    await phone.should_see("Où vous placez-vous ?")
    phone.find(marker="dm-choice-a").click()
    screen = create_user()
    await screen.open(f"/screen/{room.code}")
    await screen.should_see("1 a pris position sur 1 participant·e")
    await screen.should_not_see("salle 0")


async def test_an_argument_is_filed_under_its_writers_side(create_user) -> None:
    """A B voter's argument goes under B without touching the side; someone without a position
    is asked to choose one, and nothing is filed until they do."""
    room, host, (voter, other) = await live_debate(create_user, phones=2)
    host.find("Ouvrir le vote").click()
    await voter.should_see("Où vous placez-vous ?")
    voter.find(marker="dm-choice-b").click()
    await voter.should_see("Position enregistrée : B")
    host.find("Clore le tour").click()
    await host.should_see("Passer aux arguments")
    host.find("Passer aux arguments").click()
    await voter.should_see("Un argument pour un côté ?")
    voter.find(marker="dm-argument").type("Les sujets techniques demandent du temps")
    voter.find(marker="dm-send").click()
    await voter.should_see("Merci, votre argument est noté.")
    assert [(a.side, a.text) for a in debate(room).run.arguments] == [
        ("b", "Les sujets techniques demandent du temps")
    ]

    await other.should_see("Un argument pour un côté ?")
    other.find(marker="dm-argument").type("Tout le monde peut venir")
    other.find(marker="dm-send").click()
    await other.should_see("Choisissez d'abord le côté que votre argument soutient")
    assert len(debate(room).run.arguments) == 1
    side = other.find(marker="dm-side").elements.pop()
    assert side.value is None
    side.value = "a"
    other.find(marker="dm-send").click()
    await other.should_see("Merci, votre argument est noté.")
    assert [a.side for a in debate(room).run.arguments] == ["b", "a"]
