"""The limits through the app (NiceGUI's simulated user and its HTTP client): the organiser key,
creations per address, open sessions, slower guessing, the host cookie, headers, bodies."""

from __future__ import annotations

import html

import pytest
from nicegui import app
from nicegui.testing import User

from tests.conftest import running_service

PLAN = {"plan": "open-detat-2018-03-12"}


@pytest.fixture
def organiser(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("CERCLE_ORGANISER_KEY", "sesame-ouvre-toi")
    return "sesame-ouvre-toi"


@pytest.fixture
def tight(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CERCLE_CREATIONS_BURST", "2")
    monkeypatch.setenv("CERCLE_MAX_OPEN_SESSIONS", "3")


async def test_the_api_asks_for_the_organiser_key(organiser: str, user: User) -> None:
    response = await user.http_client.post("/api/sessions", json=PLAN)
    assert response.status_code == 401 and response.headers["www-authenticate"].startswith("Bearer")
    assert "organiser key" in response.json()["error"] and "clé" in response.json()["message_fr"]
    response = await user.http_client.post("/api/sessions", json=PLAN, headers={"Authorization": "Bearer no"})
    assert response.status_code == 403 and response.json()["error"].startswith("Wrong organiser key")
    response = await user.http_client.post(
        "/api/sessions", json=PLAN, headers={"Authorization": f"Bearer {organiser}"}
    )
    assert response.status_code == 201
    assert running_service().rooms.store.session_codes() == [response.json()["code"]]


async def test_the_home_page_asks_for_the_organiser_key_and_remembers_it(organiser: str, user: User) -> None:
    await user.open("/")
    await user.should_see("Clé d'organisation")
    user.find("Créer la session").click()
    await user.should_see("Ce serveur demande la clé d'organisation pour ouvrir une session.")
    user.find(marker="organiser-key").type("pas-la-bonne")
    user.find("Créer la session").click()
    await user.should_see("Clé d'organisation incorrecte.")
    assert running_service().rooms.store.session_codes() == []
    user.find(marker="organiser-key").clear().type(organiser)
    user.find("Créer la session").click()
    await user.should_see("Gardez ce lien de console")
    user.find("Créer la session").click()  # the field is empty now: the key was remembered
    await user.should_see("Gardez ce lien de console")
    assert len(running_service().rooms.store.session_codes()) == 2


async def test_creations_per_address_and_open_sessions_are_limited(tight: None, user: User) -> None:
    for _ in range(2):
        assert (await user.http_client.post("/api/sessions", json=PLAN)).status_code == 201
    response = await user.http_client.post("/api/sessions", json=PLAN)
    assert response.status_code == 429 and int(response.headers["retry-after"]) > 60
    assert "Too many sessions opened from your address" in response.json()["error"]
    await user.open("/")
    user.find("Créer la session").click()
    await user.should_see("Trop de sessions ouvertes depuis votre adresse.")
    running_service().rooms.create(title="Ouverte ailleurs")
    app.state.cercle_limits.creations = (
        None  # past the bucket, the server's own cap of 3 open sessions answers
    )
    response = await user.http_client.post("/api/sessions", json=PLAN)
    assert response.status_code == 429 and "maximum of open sessions (3)" in response.json()["error"]


async def test_unknown_codes_are_slowed_down_per_address(user: User) -> None:
    for n in range(11):
        response = await user.http_client.get(f"/api/sessions/ZZZZZ{n}")
        assert response.status_code == 404
    response = await user.http_client.get("/api/sessions/ZZZZZZ")
    assert response.status_code == 429 and response.headers["retry-after"] == "1"
    assert "Too many wrong attempts" in response.json()["error"]
    page = await user.http_client.get("/j/ZZZZZZ")
    assert page.status_code == 429 and "Trop de tentatives erronées" in page.text


async def test_wrong_host_keys_are_slowed_down_per_address(user: User) -> None:
    room, key = running_service().rooms.create(plan="forum-ditp")
    url = f"/api/sessions/{room.code}/export.json"
    for _ in range(11):
        assert (await user.http_client.get(url, headers={"Authorization": "Bearer x"})).status_code == 403
    response = await user.http_client.get(url, headers={"Authorization": "Bearer y"})
    assert response.status_code == 429 and "Retry-After" in response.headers
    page = await user.http_client.get(f"/host/{room.code}?key=z")
    assert page.status_code == 429 and "Trop de tentatives erronées" in page.text


async def test_a_slowed_address_still_lets_right_codes_keys_and_cookies_through(user: User) -> None:
    """A venue behind one NAT: one person's wrong guesses slow their guesses, nobody's work."""
    room, key = running_service().rooms.create(plan="forum-ditp")
    code, bearer = room.code, {"Authorization": f"Bearer {key}"}
    for n in range(12):
        await user.http_client.get(f"/api/sessions/ZZZZZ{n}")
        await user.http_client.get(f"/api/sessions/{code}/export.json", headers={"Authorization": "Bearer x"})
    assert (await user.http_client.get("/j/ZZZZZZ")).status_code == 429
    wrong = await user.http_client.get(
        f"/api/sessions/{code}/plan.toml", headers={"Authorization": "Bearer x"}
    )
    assert wrong.status_code == 429
    # the same address, with what is right
    assert (await user.http_client.get(f"/j/{code}")).status_code == 200
    assert (await user.http_client.get(f"/screen/{code}")).status_code == 200
    assert (await user.http_client.get(f"/api/sessions/{code}")).json()["code"] == code
    assert (
        await user.http_client.get(f"/api/sessions/{code}/export.json", headers=bearer)
    ).status_code == 200
    assert (await user.http_client.get(f"/api/sessions/{code}/plan.toml", headers=bearer)).status_code == 200
    added = await user.http_client.post(
        f"/api/sessions/{code}/agenda", json={"title": "Pause", "duration": 5}, headers=bearer
    )
    assert added.status_code == 201
    link = await user.http_client.get(f"/host/{code}?key={key}")
    assert link.status_code == 303 and any(
        c.startswith("cercle_host_") for c in link.headers.get_list("set-cookie")
    )
    assert (await user.http_client.get(f"/host/{code}")).status_code == 200  # the cookie
    assert (await user.http_client.get(f"/api/sessions/{code}/export.md")).status_code == 200  # the cookie


async def test_codes_that_cannot_be_one_are_answered_with_a_message(user: User) -> None:
    room, key = running_service().rooms.create(plan="forum-ditp")
    for path in (
        "/host/ЖЖЖ?key=x",
        "/host/ЖЖЖ",
        "/j/ЖЖЖЖЖЖ",
        "/r/ЖЖЖ?key=x",
        "/screen/日本語",
        "/host/%FF?key=x",
    ):
        response = await user.http_client.get(path)
        assert response.status_code == 404, path
        text = html.unescape(response.text)
        assert "Aucune session n'a ce code" in text and "No session has this code" in text
    response = await user.http_client.get("/api/sessions/ЖЖЖ")
    assert response.status_code == 404 and "Latin letters" in response.json()["error"]
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in room.code)  # a phone's Asian keyboard
    response = await user.http_client.get(f"/host/{full_width}?key={key}")
    assert response.status_code == 303 and response.headers["location"] == f"/host/{room.code}"
    assert (await user.http_client.get(f"/j/{full_width.lower()}")).status_code == 200


async def test_the_console_link_moves_the_key_into_a_cookie(user: User) -> None:
    room, key = running_service().rooms.create(plan="forum-ditp")
    response = await user.http_client.get(f"/host/{room.code.lower()}?key={key}&lang=en")
    assert response.status_code == 303 and response.headers["location"] == f"/host/{room.code}?lang=en"
    cookies = response.headers.get_list("set-cookie")
    assert all("HttpOnly" in c and "SameSite=Strict" in c for c in cookies if c.startswith("cercle_host_"))
    export = await user.http_client.get(f"/api/sessions/{room.code}/export.md")
    assert export.status_code == 200  # the cookie opens the export: no key in the link
    await user.open(f"/host/{room.code}?lang=en")
    await user.should_see("Start the session")
    user.http_client.cookies.clear()
    assert (await user.http_client.get(f"/api/sessions/{room.code}/export.md")).status_code == 401


async def test_every_response_carries_the_security_headers(user: User) -> None:
    for path in ("/", "/healthz", "/api/sessions/ZZZZZZ", "/assets/sounds/chime.wav"):
        headers = (await user.http_client.get(path)).headers
        assert headers["referrer-policy"] == "no-referrer", path
        assert headers["x-frame-options"] == "DENY" and headers["x-content-type-options"] == "nosniff"
        assert "frame-ancestors 'none'" in headers["content-security-policy"]


async def test_scripts_and_stylesheets_come_with_few_headers(user: User) -> None:
    """Answered before the gate and the session: no cookie, no document policy, never sniffed."""
    from facilitation.ui import static_files

    await user.http_client.get("/")  # the browser has its session cookie
    for path in (static_files.url("cercle.css"), static_files.url("icons.js"), "/assets/cercle.css"):
        response = await user.http_client.get(path, headers={"accept-encoding": "br"})
        assert response.status_code == 200 and response.headers["x-content-type-options"] == "nosniff"
        names = set(response.headers.keys())
        assert not names & {"set-cookie", "content-security-policy", "x-frame-options", "referrer-policy"}
        assert response.headers["vary"] == "Accept-Encoding", path  # not Cookie: cached for everyone


@pytest.fixture
def framed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CERCLE_FRAME_ANCESTORS", "'self' https://intranet.example")


async def test_only_the_screen_may_be_framed_when_a_setting_says_so(framed: None, user: User) -> None:
    screen = (await user.http_client.get("/screen/ZZZZZZ")).headers
    assert "x-frame-options" not in screen
    assert screen["content-security-policy"].endswith("frame-ancestors 'self' https://intranet.example")
    console = (await user.http_client.get("/host/ZZZZZZ")).headers
    assert (
        console["x-frame-options"] == "DENY"
        and "frame-ancestors 'none'" in console["content-security-policy"]
    )


@pytest.mark.parametrize("body", [b'{"title": "\xff\xfe"}', b"\xc3\x28", b"[" * 20_000])
async def test_an_undecodable_body_is_a_json_400(user: User, body: bytes) -> None:
    response = await user.http_client.post(
        "/api/sessions", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == 400 and "UTF-8" in response.json()["error"]
