"""Subscriptions end with what they serve: phones (simulated over NiceGUI's real socket protocol)
join, follow a session through every activity, then leave; once their pages are gone, the bus
keeps no subscription for them, and NiceGUI never warned of an element used after deletion."""

from __future__ import annotations

import asyncio
import json
import urllib.request
from pathlib import Path

import pytest

from bench.phones import SimClient, host_console, join_phone
from tests.server import Server

PHONES = 12


def health(server: Server) -> dict:
    with urllib.request.urlopen(f"{server.base_url}/healthz", timeout=10) as response:
        return json.loads(response.read())


async def wait_all(phones: list[SimClient], testid: str, timeout: float = 30) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not all(p.shows(testid) for p in phones):
        assert loop.time() < deadline, f"{testid} not shown"
        await asyncio.sleep(0.05)


async def wait_html(phones: list[SimClient], text: str, timeout: float = 30) -> None:
    """Until every phone shows `text` inside an HTML element (an activity's one-element block) or a
    label beside it."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not all(p.find(lambda e: text in str(e.get("props", {})) + str(e.get("text", ""))) for p in phones):
        assert loop.time() < deadline, f"{text} never shown"
        await asyncio.sleep(0.05)


async def wait_gone(phones: list[SimClient], testid: str, timeout: float = 30) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while any(p.shows(testid) for p in phones):
        assert loop.time() < deadline, f"{testid} still shown"
        await asyncio.sleep(0.05)


async def click(console: SimClient, timeout: float = 30, **query: str) -> None:
    """Click a control once it is shown (NiceGUI ignores clicks on hidden elements, as a person
    cannot click what they do not see)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        found = console.find_button(**query)
        if found is not None and "hidden" not in console.elements[found].get("class", []):
            await console.click(found)
            return
        assert loop.time() < deadline, f"{query} never shown"
        await asyncio.sleep(0.05)


async def walk_2018(server: Server) -> list[SimClient]:
    """The 2018 forum: its débat mouvant (a round opened, votes) and its world café (started)."""
    session = server.create(plan="open-detat-2018-03-12")
    code, key = session["code"], session["host_key"]
    console = await host_console(server.base_url, code, key).open()
    screen = await SimClient(server.base_url, f"/screen/{code}").open()
    phones = list(
        await asyncio.gather(
            *(join_phone(server.base_url, code, "remote" if i % 3 == 0 else "room") for i in range(PHONES))
        )
    )
    await click(console, label="Démarrer la session")
    await click(console, testid="goto-1")
    await click(console, testid="dm-open1")
    await wait_all(phones, "dm-choice-a")
    for phone in phones[: PHONES // 2]:
        await phone.click(phone.find_button(testid="dm-choice-a"))
    await click(console, testid="dm-close")
    await wait_all(phones, "dm-closed")
    await click(console, testid="goto-2")
    await click(console, testid="wc-start")
    await wait_all(phones, "wc-phone-table")
    await click(console, testid="goto-3")  # a moment again: the café's views are drawn away
    await wait_gone(phones, "wc-phone-table")
    return [console, screen, *phones]


async def walk_ditp(server: Server) -> list[SimClient]:
    """The DITP forum: its idea workshop (a dot vote opened), its controversy map (positions
    opened), its speaking turns (hands raised, a speaker called) and its propulsion board; remote
    phones follow the screen's view of each."""
    session = server.create(plan="forum-ditp")
    code, key = session["code"], session["host_key"]
    console = await host_console(server.base_url, code, key).open()
    screen = await SimClient(server.base_url, f"/screen/{code}").open()
    phones = list(
        await asyncio.gather(
            *(join_phone(server.base_url, code, "remote" if i % 2 else "room") for i in range(PHONES // 2))
        )
    )
    await click(console, label="Démarrer la session")
    await click(console, testid="goto-2")
    await wait_all(phones, "id-send")
    await click(console, testid="id-open")
    await wait_html(phones, "Points placés : 0 / 3")
    await click(console, testid="goto-3")
    await click(console, testid="cv-open")
    await wait_html(phones, "Énoncé 1 / 6")
    await click(console, testid="goto-4")
    await wait_all(phones, "st-raise")
    for phone in phones:
        await phone.click(phone.find_button(testid="st-raise"))
    await wait_all(phones, "st-raised")
    await click(console, testid="st-next")
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 30
    called = lambda e: "st-your-turn" in str(e.get("props", {}))  # noqa: E731  (in the card's HTML)
    while not any(p.find(called) for p in phones):  # whoever the order calls
        assert loop.time() < deadline, "nobody was called"
        await asyncio.sleep(0.05)
    await click(console, testid="goto-5")
    await wait_all(phones, "pr-send")
    return [console, screen, *phones]


@pytest.fixture
def quick_server(tmp_path: Path):
    server = Server(tmp_path / "data", env={"CERCLE_RECONNECT_TIMEOUT": "1"}).start()
    yield server
    server.stop()


async def test_every_subscription_ends_when_its_page_is_gone(quick_server: Server) -> None:
    clients = [*await walk_2018(quick_server), *await walk_ditp(quick_server)]
    assert health(quick_server)["sessions"]["subscriptions"] > 3 * PHONES  # they were listening
    for client in clients:
        await client.close()
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 30
    while health(quick_server)["sessions"]["subscriptions"] and loop.time() < deadline:
        await asyncio.sleep(0.5)  # NiceGUI deletes a page one second after its socket closed
    assert health(quick_server)["sessions"]["subscriptions"] == 0, health(quick_server)
    output = quick_server.output()
    assert "deleted but is still being used" not in output
    assert "subscriber of" not in output  # no delivery failed either
