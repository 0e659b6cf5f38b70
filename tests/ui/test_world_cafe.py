"""The world café's console, screen and phone through NiceGUI's simulated user (no browser)."""

from __future__ import annotations

from activities.world_cafe import state as cafe
from facilitation import session as rules
from facilitation.commands import HOST, Actor
from tests.conftest import running_service
from tests.harness import act as harness_act
from tests.harness import said

PLAN = "open-detat-2018-03-12"
CAFE = 2  # the café's place in the 2018 agenda


def act(room, command, *args):
    return harness_act(room, CAFE, command, *args)


async def join(user, code: str, then: str = "Vous êtes inscrit·e.") -> None:
    await user.open(f"/j/{code}")
    user.find("J'accepte la charte").click()
    user.find("Continuer").click()
    await user.should_see(then)


def at_the_cafe(room) -> None:
    room.run_now(HOST, rules.start)
    room.run_now(HOST, rules.move_to, CAFE)


async def test_console_sets_up_and_starts_the_cafe(create_user) -> None:
    room, key = running_service().rooms.create(plan=PLAN)
    phones = [create_user() for _ in range(3)]
    for phone in phones:
        await join(phone, room.code)
    at_the_cafe(room)
    host = create_user()
    await host.open(f"/host/{room.code}?key={key}")
    await host.should_see("Réglages du world café")
    await host.should_see("3 personnes présentes : 1 groupes.")
    await host.should_see("Rotation 5 / 5")  # the schedule, before the start
    host.find("Lancer le world café").click()
    await host.should_see("Rotation 1 / 5")
    await host.should_see("Modération des contributions")
    state = room.state.activities[CAFE]
    assert state.started and [len(g.members) for g in state.groups] == [3]
    await phones[0].should_see("Vous êtes dans le groupe 1")
    await phones[0].should_see("A — Les données ouvertes au service de la transparence de l'action publique")


async def test_setup_changes_from_the_console_are_validated(create_user) -> None:
    room, key = running_service().rooms.create(plan=PLAN)
    at_the_cafe(room)
    host = create_user()
    await host.open(f"/host/{room.code}?key={key}")
    host.find("Ajouter un thème").click()
    host.find(marker="wc-save").click()
    await host.should_see("Réglages du world café invalides")
    assert len(room.state.activities[CAFE].settings.themes) == 5
    host.find(marker="wc-theme-6").type("F — Les communs numériques")
    host.find(marker="wc-save").click()
    await host.should_see("Réglages enregistrés.")
    assert room.state.activities[CAFE].settings.themes[5].title == "F — Les communs numériques"


async def test_phone_contributes_and_the_next_group_sees_it(create_user) -> None:
    room, key = running_service().rooms.create(plan=PLAN)
    first, second = create_user(), create_user()
    await join(first, room.code)
    await join(second, room.code)
    at_the_cafe(room)
    act(room, cafe.change_setup, {**room.state.activities[CAFE].settings.model_dump(), "groups": 2})
    act(room, cafe.start, None)
    await first.should_see("Vous êtes dans le groupe 1")
    await second.should_see("Vous êtes dans le groupe 2")
    await first.should_see("Vous êtes à la table 1 :")
    await second.should_see("Vous êtes à la table 2 :")
    first.find(marker="wc-actor-name").type("Regards Citoyens")
    first.find(marker="wc-send").click()
    await first.should_see("Regards Citoyens")
    await second.should_not_see("Regards Citoyens")
    screen = create_user()
    await screen.open(f"/screen/{room.code}")
    await screen.should_see("1 / 15")
    act(room, cafe.skip)
    await second.should_see("Vous êtes à la table 1 :")
    await second.should_see("Regards Citoyens")  # the previous group's work, as in a real café
    second.find(marker="wc-actor-name").type("regards-citoyens")
    second.find(marker="wc-send").click()
    await second.should_see("×2")
    await first.should_see("Vous êtes à la table 5 :")
    toggle = second.find(marker="wc-kind").elements.pop()
    with second.client:
        toggle.value = "idea"  # the idea form, a toggle away
    await second.should_see("Votre idée")
    second.find(marker="wc-idea").type("Publier les agendas des décideurs")
    second.find(marker="wc-send").click()
    await second.should_see("• Publier les agendas des décideurs")
    assert room.state.activities[CAFE].count(0) == 2  # one actor (two mentions) and one idea


async def test_console_moderates_a_contribution(create_user) -> None:
    room, key = running_service().rooms.create(plan=PLAN)
    phone = create_user()
    await join(phone, room.code)
    at_the_cafe(room)
    act(room, cafe.start, None)
    token = next(iter(room.state.participants))
    act(room, cafe.contribute, token, 0, "actor", said("Etalab"), "public", said("cité par Jean Dupont"))
    host = create_user()
    await host.open(f"/host/{room.code}?key={key}")
    await host.should_see("cité par Jean Dupont")
    host.find(marker="wc-hide-c1.why").click()
    await host.should_see("Afficher")
    assert room.state.activities[CAFE].contributions[0].why_hidden
    assert room.store.count_events(room.code, "world_cafe.contribution_moderated") == 1
    await phone.should_see("Etalab")


async def test_a_late_phone_gets_the_smallest_group_and_follows_a_merge(create_user) -> None:
    room, key = running_service().rooms.create(plan=PLAN)
    early = [create_user() for _ in range(3)]
    for phone in early:
        await join(phone, room.code)
    at_the_cafe(room)
    act(room, cafe.change_setup, {**room.state.activities[CAFE].settings.model_dump(), "groups": 2})
    act(room, cafe.start, None)
    state = room.state.activities[CAFE]
    assert [len(g.members) for g in state.groups] == [2, 1]
    late = create_user()
    await join(late, room.code, then="Vous êtes dans le groupe 2")  # placed at once
    assert [len(g.members) for g in state.groups] == [2, 2]
    assert room.store.count_events(room.code, "world_cafe.late_arrival_placed") == 1
    act(room, cafe.merge_groups, 1, 0)
    await late.should_see("Vous êtes dans le groupe 1")
    host = create_user()
    await host.open(f"/host/{room.code}?key={key}")
    await host.should_see("fusionné dans le groupe 1")


async def test_console_moves_a_person_and_merges_groups(create_user) -> None:
    room, key = running_service().rooms.create(plan=PLAN)
    phones = [create_user() for _ in range(4)]
    for phone in phones:
        await join(phone, room.code)
    at_the_cafe(room)
    act(room, cafe.change_setup, {**room.state.activities[CAFE].settings.model_dump(), "groups": 2})
    act(room, cafe.start, None)
    state = room.state.activities[CAFE]
    token = state.groups[0].members[0]
    host = create_user()
    await host.open(f"/host/{room.code}?key={key}")
    await host.should_see("Groupe 1 · 2 pers.")

    def choose(marker: str, value) -> None:
        select = host.find(marker=marker).elements.pop()
        with host.client:
            select.value = value

    choose("wc-move-person", token)
    choose("wc-move-group", 1)
    host.find(marker="wc-move").click()
    await host.should_see("Groupe 2 · 3 pers.")
    assert state.member_of[token] == 1
    choose("wc-merge-source", 0)
    choose("wc-merge-target", 1)
    host.find(marker="wc-merge").click()
    await host.should_see("Groupe 2 · 4 pers.")
    assert state.groups[0].merged_into == 1


async def test_a_large_room_gets_a_read_only_schedule(user) -> None:
    from activities.world_cafe import views_console
    from facilitation import session as rules
    from tests.conftest import running_service

    service = running_service()
    room, key = service.rooms.create(plan="open-detat-2018-03-12")
    await room.run(HOST, rules.start)
    assert views_console.EDITABLE_GROUPS < 15
    for i in range(150):  # 15 groups of 10
        await room.run(Actor.participant(f"token-{i}"), rules.join, None, "room")
    await room.run(HOST, rules.move_to, 2)
    await user.open(f"/host/{room.code}?key={key}")
    await user.should_see("le planning calculé s'affiche sans modification case par case")
    from nicegui import ui

    (card,) = user.find(marker="wc-schedule").elements
    assert not [e for e in card.descendants() if isinstance(e, ui.select)]  # read-only: no dropdowns
    assert any("<table" in getattr(e, "content", "") for e in card.descendants())
