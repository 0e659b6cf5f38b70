"""Behind https, every cookie is `Secure`: the host cookie and the phones' signed `session`
cookie (their participant tokens, 14 days), whether or not a trusted proxy says https."""

from __future__ import annotations

from pathlib import Path

import pytest
from nicegui.testing import User

from tests.conftest import running_service


@pytest.fixture
def https(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The public URL is https (a TLS proxy in front), whose word these requests do not carry: a
    trusted proxy is named (an https public URL needs one), but the requests come from elsewhere."""
    monkeypatch.setenv("CERCLE_PUBLIC_URL", "https://forum.example.org")
    monkeypatch.setenv("CERCLE_TRUSTED_PROXY", "192.0.2.1")


def cookies(response) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {c.split("=")[0]: c for c in response.headers.get_list("set-cookie")}


async def test_every_cookie_is_secure_when_the_public_url_is_https(https: None, user: User) -> None:
    room, key = running_service().rooms.create(plan="forum-ditp")
    phone = await user.http_client.get(f"/j/{room.code}")  # plain http from the proxy, as behind TLS
    assert phone.status_code == 200
    assert "secure" in cookies(phone)["session"].lower().split("; ")
    link = await user.http_client.get(f"/host/{room.code}?key={key}")
    host = [c for c in link.headers.get_list("set-cookie") if c.startswith("cercle_host_")]
    assert len(host) == 4 and all(c.endswith("; Secure") for c in host)
    assert "secure" in cookies(link)["session"].lower().split("; ")


async def test_over_plain_http_cookies_are_not_secure(user: User) -> None:
    room, key = running_service().rooms.create(plan="forum-ditp")
    phone = await user.http_client.get(f"/j/{room.code}")
    assert "secure" not in cookies(phone)["session"].lower().split("; ")
    link = await user.http_client.get(f"/host/{room.code}?key={key}")
    assert all("Secure" not in c for c in link.headers.get_list("set-cookie"))
