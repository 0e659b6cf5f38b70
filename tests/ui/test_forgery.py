"""Writes through the API that a page of another origin cannot forge: JSON only, and a host
cookie counts only from Cercle's own pages (its Origin, or Sec-Fetch-Site); Bearer scripts keep
working. The console link from another site continues through a page of Cercle's own."""

from __future__ import annotations

import pytest
from nicegui.testing import User

from tests.conftest import running_service


def hosted(user: User) -> tuple[str, str, dict[str, str]]:
    room, key = running_service().rooms.create(plan="forum-ditp")
    own = str(user.http_client.base_url).rstrip("/")
    return room.code, own, {"Cookie": f"cercle_host_{room.code}={key}"}


async def agenda_size(user: User, code: str) -> int:
    return len((await user.http_client.get(f"/api/sessions/{code}")).json()["agenda"])


async def test_a_form_or_a_foreign_origin_cannot_write_with_the_host_cookie(user: User) -> None:
    client = user.http_client
    code, own, cookie = hosted(user)
    url = f"/api/sessions/{code}/agenda"
    before = await agenda_size(user, code)
    form = {**cookie, "Origin": "http://127.0.0.1:9", "Content-Type": "text/plain"}
    response = await client.post(url, content='{"title": "Forgé", "x": "="}', headers=form)
    assert response.status_code == 415
    assert "application/json" in response.json()["error"] and "JSON" in response.json()["message_fr"]
    foreign = {**cookie, "Origin": "http://127.0.0.1:9"}
    response = await client.post(url, json={"title": "Forgé"}, headers=foreign)
    assert response.status_code == 403
    assert "Bearer" in response.json()["error"] and "console" in response.json()["message_fr"]
    response = await client.post(f"{url}/order", json={"id": 1, "position": 3}, headers=foreign)
    assert response.status_code == 403
    response = await client.delete(f"/api/sessions/{code}", headers=foreign)
    assert response.status_code == 403
    cross = {**cookie, "Sec-Fetch-Site": "same-site"}  # no Origin, another port of this host
    assert (await client.post(url, json={"title": "Forgé"}, headers=cross)).status_code == 403
    assert await agenda_size(user, code) == before

    response = await client.post(url, json={"title": "Pause"}, headers={**cookie, "Origin": own})
    assert response.status_code == 201, response.text
    same = {**cookie, "Sec-Fetch-Site": "same-origin"}
    assert (await client.post(url, json={"title": "Café"}, headers=same)).status_code == 201
    assert await agenda_size(user, code) == before + 2


async def test_bearer_scripts_keep_working_and_send_json(user: User) -> None:
    client = user.http_client
    room, key = running_service().rooms.create(plan="forum-ditp")
    bearer = {"Authorization": f"Bearer {key}", "Origin": "null"}  # e.g. a script run from a file
    url = f"/api/sessions/{room.code}/agenda"
    assert (await client.post(url, json={"title": "Pause"}, headers=bearer)).status_code == 201
    response = await client.post(url, content=b"title=Pause", headers=bearer)  # a form's encoding
    assert response.status_code == 415
    response = await client.post(
        "/api/sessions", content=b'{"title": "x"}', headers={"Content-Type": "text/plain"}
    )
    assert response.status_code == 415
    assert (await client.post("/api/sessions", json={"title": "Atelier"})).status_code == 201


@pytest.mark.parametrize("fetch_site", ["cross-site", "same-site"])
async def test_the_console_link_from_elsewhere_continues_through_a_page_of_ours(
    user: User, fetch_site: str
) -> None:
    room, key = running_service().rooms.create(plan="forum-ditp")
    navigation = {"Accept": "text/html,application/xhtml+xml", "Sec-Fetch-Site": fetch_site}
    response = await user.http_client.get(f"/host/{room.code}?key={key}&lang=en", headers=navigation)
    assert response.status_code == 200 and "location" not in response.headers
    assert f'location.replace("/host/{room.code}?lang=en")' in response.text
    assert key not in response.text and response.headers["cache-control"] == "no-store"
    cookies = [c for c in response.headers.get_list("set-cookie") if c.startswith("cercle_host_")]
    assert len(cookies) == 4 and all("SameSite=Strict" in c and "HttpOnly" in c for c in cookies)
    typed = {"Accept": "text/html", "Sec-Fetch-Site": "none"}
    response = await user.http_client.get(f"/host/{room.code}?key={key}", headers=typed)
    assert response.status_code == 303 and response.headers["location"] == f"/host/{room.code}"
