"""The HTTP API: health, creation, public summary, and every bad input answered in JSON."""

from __future__ import annotations

import pytest
from nicegui.testing import User


async def test_healthz_reports_version_and_database(user: User) -> None:
    response = await user.http_client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["version"] and body["database"]["status"] == "ok"
    assert body["detector"] in {"idle", "loading", "ready"}  # the personal-data detector


async def test_create_from_plan_then_read_the_public_summary(user: User) -> None:
    response = await user.http_client.post("/api/sessions", json={"plan": "open-detat-2018-03-12"})
    assert response.status_code == 201
    created = response.json()
    assert set(created) == {"code", "host_key", "host_url", "screen_url", "join_url"}
    assert created["join_url"].endswith(f"/j/{created['code']}")
    summary = (await user.http_client.get(f"/api/sessions/{created['code']}")).json()
    assert summary["state"] == "draft" and summary["participants"] == {"total": 0, "room": 0, "remote": 0}
    assert [item["title"] for item in summary["agenda"]][0] == {
        "fr": "Accueil et manifeste",
        "en": "Welcome and manifesto",
    }
    assert created["host_key"] not in str(summary)


async def test_create_blank_with_a_title(user: User) -> None:
    response = await user.http_client.post("/api/sessions", json={"title": "Atelier du jeudi"})
    assert response.status_code == 201
    summary = (await user.http_client.get(f"/api/sessions/{response.json()['code']}")).json()
    assert summary["title"] == "Atelier du jeudi" and summary["agenda"] == []


@pytest.mark.parametrize(
    ("body", "status", "says"),
    [
        (b"{not json", 422, "not valid JSON"),
        (b"[1, 2]", 422, "Invalid body"),
        (b'{"plan": 3}', 422, "plan"),
        (b'{"colour": "blue"}', 422, "colour"),
        (b"{}", 422, "Give a plan"),
        (b'{"plan": "no-such-plan"}', 422, "Unknown plan"),
        (b'{"title": "' + b"a" * 70_000 + b'"}', 413, "64 KiB"),
    ],
)
async def test_bad_bodies_get_a_readable_json_error(user: User, body: bytes, status: int, says: str) -> None:
    response = await user.http_client.post(
        "/api/sessions", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == status
    assert says in response.json()["error"]


async def test_unknown_code_is_a_json_404(user: User) -> None:
    response = await user.http_client.get("/api/sessions/ZZZZZZ")
    assert response.status_code == 404 and "ZZZZZZ" in response.json()["error"]
