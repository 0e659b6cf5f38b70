"""Nothing published before review, in the pages: a plan's `publish = true` with an open finding
is not public after the console closes it (the record page and the export API refuse), becomes
public once the facilitator clears the finding, and phones are told at once."""

from __future__ import annotations

import pytest

from tests.conftest import running_service
from tests.ui.test_restitution_pages import live_session
from tests.unit.test_restitution_support import register_globally, write_plan


@pytest.fixture
def publishing_plan(tmp_path, monkeypatch):
    register_globally()
    service = running_service()
    monkeypatch.setattr(service.rooms, "plans_dir", tmp_path / "plans")
    write_plan(tmp_path / "plans", publish=True)
    return service


async def test_a_publishing_plan_waits_for_the_review_then_phones_are_told(
    create_user, publishing_plan
) -> None:
    room, key = live_session(publishing_plan)  # a note names Jean Dupont and gives a number
    host = create_user()
    await host.open(f"/host/{room.code}?key={key}")
    await host.should_see("Comme le disait <mark>Jean Dupont</mark>, <mark>06 12 34 56 78</mark>")
    host.find("Clore la session").click()
    await host.should_see(marker="close-dialog")
    await host.should_see("La restitution ne sera pas publiée à la clôture")
    host.find("Confirmer").click()
    await host.should_see("État : close")
    await host.should_see("Session close. La restitution attend votre relecture")
    await host.should_see(
        "En attente de relecture (textes dans la file : 0 ; signalements de la vérification : 1)"
    )
    assert room.state.awaiting_review and not room.state.published

    reader = create_user()
    await reader.open(f"/r/{room.code}")
    await reader.should_see("Cette restitution n'est pas encore publiée")
    await reader.should_not_see("Notes et votes")
    response = await reader.http_client.get(f"/api/sessions/{room.code}/export.json")
    assert response.status_code == 401

    phone = create_user()
    await phone.open(f"/j/{room.code}")
    await phone.should_see("La restitution sera publiée après relecture")
    await phone.should_not_see("Lire la restitution du forum")

    host.find(marker="hide-1-n2").click()
    host.find(marker="reason").type("nom cité")
    host.find(marker="confirm").click()
    await host.should_see(f"Publiée : {publishing_plan.base_url}/r/{room.code}")
    assert room.state.published
    await phone.should_see("Lire la restitution du forum")  # no reload: the topic redrew its card
    response = await reader.http_client.get(f"/api/sessions/{room.code}/export.json")
    assert response.status_code == 200 and "Dupont" not in response.text
    await reader.open(f"/r/{room.code}")
    await reader.should_see("Notes et votes")
    assert all(m.action != "publish_anyway" for m in room.state.moderation)
