"""The export and erasure API: who may read what, in which format; errors in JSON."""

from __future__ import annotations

import csv
import io
import json

import pytest
from nicegui.testing import User

from facilitation import session as rules
from facilitation.commands import HOST, Actor
from facilitation.restitution import archive
from tests.conftest import running_service

FORMATS = {
    "md": "text/markdown",
    "html": "text/html",
    "json": "application/json",
    "csv": "text/csv",
}


async def closed_session(plan: str = "open-detat-2018-03-12"):
    """A session closed as the console closes it: with the check before publishing (clear here:
    nobody wrote anything, so the 2018 plan publishes at close)."""
    service = running_service()
    room, key = service.rooms.create(plan=plan)
    room.run_now(Actor.participant("T" * 22), rules.join, "woman", "remote")
    room.run_now(HOST, rules.start)
    review, _ = await archive.review(room)
    room.run_now(HOST, rules.close, review=review)
    return service, room, key


async def test_exports_need_the_host_key_until_published(user: User) -> None:
    service = running_service()
    room, key = service.rooms.create(plan="forum-ditp")  # this plan does not publish
    url = f"/api/sessions/{room.code}/export.json"
    response = await user.http_client.get(url)
    assert response.status_code == 401 and "host key" in response.json()["error"]
    assert response.headers["www-authenticate"].startswith("Bearer")
    response = await user.http_client.get(url, headers={"Authorization": "Bearer wrong"})
    assert response.status_code == 403 and response.json()["error"] == "Wrong host key for this session."
    response = await user.http_client.get(url, headers={"Authorization": f"Bearer {key}"})
    assert response.status_code == 200 and response.json()["status"] == "draft"
    response = await user.http_client.get(url, params={"key": key, "lang": "en"})
    assert response.status_code == 200 and response.json()["lang"] == "en"


@pytest.mark.parametrize("fmt", list(FORMATS))
async def test_each_format_once_published_is_public(user: User, fmt: str) -> None:
    _, room, _ = await closed_session()
    response = await user.http_client.get(f"/api/sessions/{room.code}/export.{fmt}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(FORMATS[fmt])
    body = response.text
    assert "Licence Ouverte / Etalab 2.0" in body
    assert "T" * 22 not in body
    if fmt == "json":
        assert json.loads(body)["participants"]["remote"] == 1
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(body)))
        assert {"record", "value"} <= set(rows[0])


@pytest.mark.parametrize(
    ("path", "status", "says"),
    [
        ("/api/sessions/ZZZZZZ/export.json", 404, "ZZZZZZ"),
        ("/api/sessions/{code}/export.pdf", 404, "md, html, json, csv"),
        ("/api/sessions/{code}/export.json?lang=de", 422, "fr or en"),
    ],
)
async def test_errors_are_json(user: User, path: str, status: int, says: str) -> None:
    _, room, _ = await closed_session()
    response = await user.http_client.get(path.format(code=room.code))
    assert response.status_code == status and says in response.json()["error"]


async def test_delete_needs_the_key_then_erases(user: User) -> None:
    service, room, key = await closed_session()
    code = room.code
    assert (await user.http_client.delete(f"/api/sessions/{code}")).status_code == 401
    assert (await user.http_client.delete(f"/api/sessions/{code}?key=nope")).status_code == 403
    response = await user.http_client.delete(
        f"/api/sessions/{code}", headers={"Authorization": f"Bearer {key}"}
    )
    assert response.status_code == 200 and response.json() == {"erased": code}
    assert not service.rooms.store.code_taken(code)
    assert (await user.http_client.get(f"/api/sessions/{code}/export.md")).status_code == 404
    assert (await user.http_client.get(f"/api/sessions/{code}")).status_code == 404
    assert (await user.http_client.delete(f"/api/sessions/{code}?key={key}")).status_code == 404
