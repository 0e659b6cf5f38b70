"""Speaking turns on the console, the screen and the phones, through NiceGUI's simulated user."""

from __future__ import annotations

import asyncio

from activities.speaking_turns import names
from facilitation import session as rules
from facilitation.commands import HOST
from tests.conftest import running_service
from tests.harness import act as harness_act

PLAN = "forum-ditp"
ITEM = 4  # "Temps 3 — Propulsion : la parole aux ateliers"


def act(room, command, *args):
    return harness_act(room, ITEM, command, *args)


async def join(user, code: str, category: str = "Femme", mode: str | None = None) -> None:
    await user.open(f"/j/{code}")
    user.find("J'accepte la charte").click()
    user.find(category).click()
    if mode:
        user.find(mode).click()
    user.find("Continuer").click()
    await user.should_see("Vous êtes inscrit·e.")


async def until(condition, timeout: float = 10) -> None:
    """Wait for a click's background task to have done its work."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        assert loop.time() < deadline, "the condition never held"
        await asyncio.sleep(0.02)


def at_the_turns(room) -> None:
    room.run_now(HOST, rules.start)
    room.run_now(HOST, rules.move_to, ITEM)


async def test_a_phone_raises_its_hand_and_is_called(create_user) -> None:
    room, key = running_service().rooms.create(plan=PLAN)
    phone = create_user()
    await join(phone, room.code, "Femme", "À distance")
    at_the_turns(room)
    await phone.should_see("Demander la parole")
    phone.find(marker="st-name").type("Zoé")
    phone.find(marker="st-raise").click()
    await phone.should_see("Votre main est levée")
    await phone.should_see("Position 1 sur 1 — ordre d'arrivée")
    [request] = room.state.activities[ITEM].requests.values()
    assert (request.category, request.mode, request.point_of_order) == ("woman", "remote", False)
    assert names.name_of(room.code, ITEM, room.state.activities[ITEM], request) == "Zoé"

    host = create_user()
    await host.open(f"/host/{room.code}?key={key}")
    await host.should_see("Zoé")
    await host.should_see("File d'attente")
    host.find(marker="st-next").click()
    await phone.should_see(content="votre tour")
    await phone.should_see(content="Ouvrez votre micro")
    await host.should_see("Tour 1")
    host.find(marker="st-end").click()
    await phone.should_see("Demander la parole")
    await phone.should_not_see(content="votre tour")
    await host.should_see("Tours : 1 ·")  # the statistics moved
    assert room.store.count_events(room.code, "speaking_turns.turn_ended") == 1


async def test_a_phone_withdraws_and_asks_for_a_point_of_order(create_user) -> None:
    room, _ = running_service().rooms.create(plan=PLAN)
    phone = create_user()
    await join(phone, room.code, "Homme")
    at_the_turns(room)
    await phone.should_see("Demander la parole")
    phone.find(marker="st-raise").click()
    await phone.should_see("Votre main est levée")
    phone.find(marker="st-lower").click()
    await phone.should_not_see("Votre main est levée")
    await phone.should_see("Lever la main")
    state = room.state.activities[ITEM]
    assert state.waiting() == [] and [r.status for r in state.requests.values()] == ["withdrawn"]
    phone.find(marker="st-point").click()
    phone.find(marker="st-raise").click()
    await phone.should_see("Motion d'ordre demandée")
    await phone.should_see("Position 1 sur 1 — motion d'ordre")
    assert [r.point_of_order for r in state.waiting()] == [True]
    phone.find(marker="st-raise").click()  # the hand, beside the point of order
    await phone.should_see("Votre main est levée")
    assert sorted(r.point_of_order for r in state.waiting()) == [False, True]


async def test_the_console_adds_someone_reorders_and_the_screen_follows(create_user) -> None:
    room, key = running_service().rooms.create(plan=PLAN)
    at_the_turns(room)
    host, screen = create_user(), create_user()
    await host.open(f"/host/{room.code}?key={key}")
    await screen.open(f"/screen/{room.code}")
    await screen.should_see("Levez la main depuis votre téléphone")
    host.find(marker="st-label").type("Monsieur au micro 2")
    host.find(marker="st-add").click()
    await until(lambda: room.state.activities[ITEM].waiting())
    await host.should_see("Monsieur au micro 2")
    host.find(marker="st-add").click()  # nobody named: "Intervenant·e 2"
    await host.should_see("Intervenant·e 2")
    state = room.state.activities[ITEM]
    first, second = list(state.requests)
    assert state.requests[first].token is None
    host.find(marker="st-up-2").click()
    await host.should_see("placé·e à la main")
    assert state.pins == {second: 0}
    await screen.should_see(content="Intervenant·e 2")
    host.find(marker="st-next").click()
    await screen.should_see("Intervenant·e 2")
    await screen.should_see("À la parole")
    assert state.current is not None and state.current.request == second
    host.find(marker="st-gauge-switch").click()
    await screen.should_not_see(content="Temps de parole / part des présent·es")
    assert state.gauge is False


async def test_names_are_forgotten_when_the_session_closes(create_user) -> None:
    room, key = running_service().rooms.create(plan=PLAN)
    at_the_turns(room)
    host = create_user()
    await host.open(f"/host/{room.code}?key={key}")
    host.find(marker="st-label").type("Madame Étiquette")
    host.find(marker="st-add").click()
    await until(lambda: room.state.activities[ITEM].waiting())
    await host.should_see("Madame Étiquette")
    assert names.count(room.code) == 1
    room.run_now(HOST, rules.close)
    await host.should_see("État : close")
    assert names.count(room.code) == 0
