"""The idea workshop, the controversy map and the propulsion board on the console, the screen and
phones, through NiceGUI's simulated user (no browser): the views draw, phones post, and what the
room does shows on the screen."""

from __future__ import annotations

from activities.controversies import state as cv
from activities.ideas import state as ideas
from activities.propulsion import state as pr
from facilitation import session as rules
from facilitation.commands import HOST
from tests.conftest import running_service
from tests.harness import act, said

PLAN = "forum-ditp"
IDEAS, MAP, BOARD = 2, 3, 5


async def join(user, code: str, college: str | None = None) -> None:
    await user.open(f"/j/{code}")
    user.find("J'accepte la charte").click()
    await user.should_see("Votre collège (facultatif)")
    if college:
        user.find(college).click()
    user.find("Continuer").click()
    await user.should_see("Vous êtes inscrit·e. Suivez l'écran.")


async def test_ideas_posted_on_a_phone_reach_the_screen_and_the_vote_ranks_them(create_user) -> None:
    room, key = running_service().rooms.create(plan=PLAN)
    phone = create_user()
    await join(phone, room.code, "Agent public")
    assert next(iter(room.state.participants.values())).college == "public_agent"
    room.run_now(HOST, rules.start)
    room.run_now(HOST, rules.move_to, IDEAS)
    await phone.should_see("Proposez une idée courte")
    phone.find(marker="id-text").type("Un comité d'usagers")
    phone.find(marker="id-send").click()
    await phone.should_see("Merci, votre idée est affichée.")
    screen = create_user()
    await screen.open(f"/screen/{room.code}")
    await screen.should_see("Un comité d'usagers")
    host = create_user()
    await host.open(f"/host/{room.code}?key={key}")
    await host.should_see("Le mur d'idées")
    await host.should_see("Un comité d'usagers")
    act(room, IDEAS, ideas.set_stage, "vote")
    await phone.should_see("Points placés : 0 / 3")
    token = next(iter(room.state.participants))
    act(room, IDEAS, ideas.set_dots, token, "i5", 2)
    await phone.should_see("Points placés : 2 / 3")
    await screen.should_see("2 pts")


async def test_a_cluster_renamed_during_the_vote_is_renamed_on_phones(create_user) -> None:
    room, _ = running_service().rooms.create(plan=PLAN)
    phone = create_user()
    await join(phone, room.code)
    room.run_now(HOST, rules.start)
    room.run_now(HOST, rules.move_to, IDEAS)
    act(room, IDEAS, ideas.group_ideas, ["i1", "i2"], "Ouvrir les données")
    act(room, IDEAS, ideas.set_stage, "vote")
    await phone.should_see("Ouvrir les données")
    act(room, IDEAS, ideas.rename_cluster, "c1", "Données ouvertes par défaut")
    await phone.should_see("Données ouvertes par défaut")
    await phone.should_not_see("Ouvrir les données")
    act(room, IDEAS, ideas.set_stage, "closed")
    act(room, IDEAS, ideas.rename_cluster, "c1", "La donnée publique, ouverte")
    await phone.should_see("La donnée publique, ouverte")  # in the results too


async def test_the_map_and_the_board_draw_everywhere(create_user) -> None:
    room, key = running_service().rooms.create(plan=PLAN)
    phones = [create_user() for _ in range(3)]
    for phone in phones:
        await join(phone, room.code, "Citoyen·ne")
    room.run_now(HOST, rules.start)
    room.run_now(HOST, rules.move_to, MAP)
    screen = create_user()
    await screen.open(f"/screen/{room.code}")
    await screen.should_see("Carte des controverses · Pas encore ouvert")
    act(room, MAP, cv.set_stage, "open")
    await phones[0].should_see("Énoncé 1 / 6 · 0 répondu")
    for token in room.state.participants:
        act(room, MAP, cv.take_position, token, "s2", "5")
    # three people alike: their number is published, not their answer (nor a divergence of 0 %)
    await screen.should_see("autres réponses")
    await screen.should_not_see("Divergence 0 %")
    room.run_now(HOST, rules.move_to, BOARD)
    p = act(room, BOARD, pr.promote, f"{MAP}:s2")[0].proposal
    act(room, BOARD, pr.classify, p, "engagement")
    await phones[0].should_see("Je soutiens")
    await screen.should_see("La société civile doit co-construire les engagements")
    for token in room.state.participants:
        act(room, BOARD, pr.back, token, p, "support", True)
    await screen.should_see("3 soutiens")
    host = create_user()
    await host.open(f"/host/{room.code}?key={key}")
    await host.should_see("Ce que les ateliers proposent")
    await host.should_see("Au tableau")
    act(room, BOARD, pr.propose, said("Former les agents au gouvernement ouvert"))
    await host.should_see("Former les agents au gouvernement ouvert")
