"""The agenda's API for scripts: the same commands as the console, JSON errors, and the public
summary showing the new agenda at once."""

from __future__ import annotations

from nicegui.testing import User


async def create(user: User) -> tuple[str, dict[str, str]]:
    created = (await user.http_client.post("/api/sessions", json={"plan": "forum-ditp"})).json()
    return created["code"], {"Authorization": f"Bearer {created['host_key']}"}


async def test_add_edit_move_and_remove_items(user: User) -> None:
    client = user.http_client
    code, host = await create(user)
    pause = {"kind": "moment", "title": "Pause", "text": "", "duration": 10, "position": 1}
    response = await client.post(f"/api/sessions/{code}/agenda", json=pause, headers=host)
    assert response.status_code == 201, response.text
    added = response.json()
    assert added["index"] == 1 and added["id"] == 6
    summary = (await client.get(f"/api/sessions/{code}")).json()
    assert [i["title"] for i in summary["agenda"]][1] == "Pause" and summary["agenda"][1]["id"] == 6

    debat = {
        "kind": "debat_mouvant",
        "title": "Débat",
        "duration": 20,
        "settings": {"statements": [{"prompt": "Tout publier ?", "a": "Oui", "b": "Non"}]},
    }
    assert (await client.post(f"/api/sessions/{code}/agenda", json=debat, headers=host)).status_code == 201
    response = await client.patch(f"/api/sessions/{code}/agenda/6", json={"duration": 15}, headers=host)
    assert response.status_code == 200 and response.json()["session"]["agenda"][1]["planned_minutes"] == 15
    response = await client.post(
        f"/api/sessions/{code}/agenda/order", json={"id": 7, "position": 0}, headers=host
    )
    assert response.status_code == 200 and response.json()["order"][0] == 7
    response = await client.delete(f"/api/sessions/{code}/agenda/6", headers=host)
    assert response.status_code == 200
    summary = (await client.get(f"/api/sessions/{code}")).json()
    assert [i["id"] for i in summary["agenda"]] == [7, 0, 1, 2, 3, 4, 5]
    plan = await client.get(f"/api/sessions/{code}/plan.toml", headers=host)
    assert plan.status_code == 200 and 'kind = "debat_mouvant"' in plan.text and "Tout publier ?" in plan.text


async def test_errors_are_json_with_the_right_status(user: User) -> None:
    client = user.http_client
    code, host = await create(user)
    item = {"title": "Pause", "duration": 5}
    assert (await client.post(f"/api/sessions/{code}/agenda", json=item)).status_code == 401
    wrong = {"Authorization": "Bearer nope"}
    assert (await client.post(f"/api/sessions/{code}/agenda", json=item, headers=wrong)).status_code == 403
    assert (await client.get(f"/api/sessions/{code}/plan.toml")).status_code == 401
    assert (await client.delete(f"/api/sessions/{code}/agenda/42", headers=host)).status_code == 404
    bad = await client.post(f"/api/sessions/{code}/agenda", json={"title": "x", "duration": -3}, headers=host)
    assert bad.status_code == 422 and "duration" in bad.json()["error"] and bad.json()["message_fr"]
    unknown = await client.post(
        f"/api/sessions/{code}/agenda", json={"title": "x", "kind": "loto"}, headers=host
    )
    assert unknown.status_code == 422 and "loto" in unknown.json()["error"]
    extra = await client.post(f"/api/sessions/{code}/agenda", json={"title": "x", "colour": 1}, headers=host)
    assert extra.status_code == 422
    # started: the first item runs, it cannot be removed, nor anything put before it
    from facilitation import session as rules
    from facilitation.commands import HOST
    from tests.conftest import running_service

    room = running_service().rooms.get(code)
    room.run_now(HOST, rules.start)
    assert (await client.delete(f"/api/sessions/{code}/agenda/0", headers=host)).status_code == 409
    before = await client.post(f"/api/sessions/{code}/agenda", json={**item, "position": 0}, headers=host)
    assert before.status_code == 409 and "current" in before.json()["error"]
    order = await client.post(
        f"/api/sessions/{code}/agenda/order", json={"order": [1, 0, 2, 3, 4, 5]}, headers=host
    )
    assert order.status_code == 409


async def test_settings_nested_hundreds_of_levels_deep_are_refused_with_a_message(user: User) -> None:
    client = user.http_client
    code, host = await create(user)
    for depth in (40, 900):
        deep = '{"x": [' * depth + '"fond"' + "]}" * depth  # as a script would send it, in JSON
        item = '{"kind": "debat_mouvant", "title": "Profond", "settings": {"statements": ' + deep + "}}"
        json_body = {**host, "Content-Type": "application/json"}
        response = await client.post(f"/api/sessions/{code}/agenda", content=item, headers=json_body)
        assert response.status_code == 422, depth
        assert "32 levels" in response.json()["error"] and "32 niveaux" in response.json()["message_fr"]
        edit = '{"settings": ' + deep + "}"
        response = await client.patch(f"/api/sessions/{code}/agenda/0", content=edit, headers=json_body)
        assert response.status_code == 422
    summary = (await client.get(f"/api/sessions/{code}")).json()
    assert "Profond" not in [i["title"] for i in summary["agenda"]]


async def test_types_are_strict_and_settings_checked_and_bounded(user: User) -> None:
    client = user.http_client
    code, host = await create(user)
    url = f"/api/sessions/{code}/agenda"
    before = len((await client.get(f"/api/sessions/{code}")).json()["agenda"])
    for bad in (
        {"title": "Pause", "duration": True},  # a boolean is not a duration
        {"title": "Pause", "duration": "10"},
        {"title": "Pause", "duration": 10.5},
        {"title": 12},
        {"title": "Pause", "position": False},
        {"title": "Pause", "settings": {"blob": "x" * 60_000}},  # a moment has no settings
        {"title": "Pause", "settings": {"note": "rien"}},
        {"title": "x" * 5000},
    ):
        response = await client.post(url, json=bad, headers=host)
        assert response.status_code == 422, (bad, response.text)
        assert response.json()["error"]
    huge = {"statements": [{"prompt": "Tout publier ?", "a": "Oui", "b": "Non", "x": "y" * 60_000}]}
    response = await client.post(
        url, json={"title": "Débat", "kind": "debat_mouvant", "settings": huge}, headers=host
    )
    assert response.status_code == 422 and "16 KiB" in response.json()["error"]
    response = await client.post(f"{url}/order", json={"id": True, "position": 1}, headers=host)
    assert response.status_code == 422
    assert len((await client.get(f"/api/sessions/{code}")).json()["agenda"]) == before
    response = await client.patch(f"{url}/1", json={"duration": False}, headers=host)
    assert response.status_code == 422
