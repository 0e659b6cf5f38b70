"""Raw socket.io clients against a real server: a foreign socket cannot drive the console, and
what browsers send to the log is bounded and cannot forge a line."""

from __future__ import annotations

import asyncio
import json
import time
import uuid

import pytest
import websockets

from bench.phones import SimClient, host_console
from tests.browser.test_security import summary, without_redirect

pytestmark = pytest.mark.browser


async def open_socket(page: SimClient):
    """A websocket for `page`, opened by hand as nicegui.js opens it, to read what the server
    answers."""
    ws = await websockets.connect(page.ws_url())
    assert (await ws.recv()).startswith("0")
    await ws.send("40")
    assert (await asyncio.wait_for(ws.recv(), 10)).startswith("40")
    return ws


async def acknowledged(ws, name: str, data: dict) -> None:
    """Emit `name` asking for an acknowledgement, and wait for it: the server's handler of this
    event has returned (and, as they run in order, those of every event this socket sent before)."""
    await ws.send("421" + json.dumps([name, data]))
    while not (message := await asyncio.wait_for(ws.recv(), 30)).startswith("431"):
        if message == "2":  # the server's ping
            await ws.send("3")


async def until(condition, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the condition never held"
        await asyncio.sleep(0.1)


async def test_a_foreign_socket_cannot_drive_the_console(server) -> None:
    session = server.create(title="Atelier gardé")
    code, key = session["code"], session["host_key"]
    redirect = without_redirect(session["host_url"])
    assert redirect.code == 303 and redirect.headers["location"] == f"/host/{code}"
    cookies = [
        c for c in redirect.headers.get_all("set-cookie") if c.startswith(f"cercle_host_{code}={key};")
    ]
    paths = {c.split("Path=")[1].split(";")[0] for c in cookies}
    assert paths == {f"/host/{code}", f"/r/{code}", f"/api/sessions/{code}", "/_nicegui_ws/"}

    console = await host_console(server.base_url, code, key).load()  # the page is built
    start = console.find_button(label="Démarrer la session")
    assert start is not None
    listener = next(e["listener_id"] for e in console.elements[start]["events"] if e["type"] == "click")
    # Its client id is in its websocket's URL, so in any proxy's log: a socket without the host
    # cookie that handshakes for it is refused...
    async with websockets.connect(console.ws_url()) as foreign:
        assert (await foreign.recv()).startswith("0")
        await foreign.send("40")
        assert (await asyncio.wait_for(foreign.recv(), 10)).startswith("44")
    await console.connect()  # ...while the console's own socket, with the cookie, is accepted
    attacker = await open_socket(await SimClient(server.base_url, "/").load())  # a page and socket of its own
    try:
        click = {"id": int(start), "client_id": console.client_id, "listener_id": listener, "args": []}
        # a click naming the console's client, from another socket: handled, and a click taken
        # would have started the session by then
        await acknowledged(attacker, "event", click)
        assert summary(server, code)["state"] == "draft"
        await console.click(start)
        await until(lambda: summary(server, code)["state"] == "live")
    finally:
        await attacker.close()
        await console.close()


async def test_browser_log_messages_are_bounded_and_cannot_forge_a_line(server) -> None:
    before = len(server.output())
    page = await SimClient(server.base_url, "/").load()
    sender = await open_socket(page)
    try:
        forged = "x\nINFO facilitation.rooms: forged line " + "y" * 10_000
        message = {"client_id": page.client_id, "level": "error", "message": forged}
        for _ in range(199):
            await sender.send("42" + json.dumps(["log", message]))
        await acknowledged(sender, "log", message)  # the 200 are handled, their lines written
        other = {"client_id": str(uuid.uuid4()), "level": "info", "message": "other"}
        for _ in range(5):  # a client of someone else's page, from this socket: ignored
            await acknowledged(sender, "log", other)
    finally:
        await sender.close()
    status, _ = server.request("GET", "/x%0aINFO%20facilitation.rooms:%20forged?key=leaked")
    assert status == 404  # a line about it, if any, is written before the answer
    written = server.output()[before:]
    lines = written.splitlines()
    assert not any(line.startswith("INFO facilitation.rooms: forged") for line in lines)
    browser_lines = [line for line in lines if "browser:" in line]
    assert 1 <= len(browser_lines) <= 10  # ten a minute per page
    assert all(len(line) < 500 for line in browser_lines)
    assert len(written) < 20_000  # instead of 2 MB
    assert "leaked" not in written
