"""Raw socket.io clients against a real server: a foreign socket cannot drive the console, and
what browsers send to the log is bounded and cannot forge a line."""

from __future__ import annotations

import asyncio
import json
import time
import uuid

import pytest
import websockets

from bench.phones import SimClient, host_console, join_phone
from tests.browser.test_security import summary, without_redirect

pytestmark = pytest.mark.browser


async def open_socket(page: SimClient):
    """A websocket for `page`, opened by hand as nicegui.js opens it, to read what the server
    answers."""
    headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in page.cookies.items())} if page.cookies else None
    ws = await websockets.connect(page.ws_url(), additional_headers=headers)  # its browser's cookie
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


async def test_a_flood_of_malformed_frames_leaves_the_log_bounded(server) -> None:
    """An anonymous websocket, no page: 20,000 frames that are not socket.io messages."""
    before = len(server.output())
    url = server.base_url.replace("http://", "ws://") + "/_nicegui_ws/socket.io/?EIO=4&transport=websocket"
    async with websockets.connect(url, max_queue=None) as flood:
        assert (await flood.recv()).startswith("0")
        await flood.send("40")
        for _ in range(20_000):
            await flood.send("42[not json")
        # an event with an acknowledgement: handled after every frame before it
        await flood.send('421["handshake","not a client"]')
        while not str(reply := await asyncio.wait_for(flood.recv(), 60)).startswith("431"):
            pass
        assert reply == "431[false]"
    status, health = server.request("GET", "/healthz")
    assert status == 200 and health["status"] == "ok"  # still answering
    written = server.output()[before:]
    assert "malformed socket message from an anonymous client dropped" in written
    assert "Traceback" not in written
    assert len(written) < 50_000  # instead of 47 MB of tracebacks


async def handshake(url: str, cookies: dict[str, str]) -> str:
    """The answer to a socket.io handshake on `url` with these cookies: "40…" taken, "44…" refused."""
    headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())} if cookies else None
    async with websockets.connect(url, additional_headers=headers) as socket:
        assert (await socket.recv()).startswith("0")
        await socket.send("40")
        return await asyncio.wait_for(socket.recv(), 10)


async def test_a_phone_cannot_be_impersonated_with_its_client_and_tab_ids(server) -> None:
    code = server.create(title="Téléphones liés")["code"]
    phone = await join_phone(server.base_url, code)
    other = await SimClient(server.base_url, f"/j/{code}").load()  # another browser, its own cookie
    try:
        assert "session" in phone.cookies and other.cookies["session"] != phone.cookies["session"]
        # The phone's client id and tab id are in its websocket's URL (so in any proxy's log):
        assert (await handshake(phone.ws_url(), {})).startswith("44")  # no cookie: refused
        assert (await handshake(phone.ws_url(), other.cookies)).startswith("44")  # another browser's
        forged = {"session": phone.cookies["session"][:-4] + "AAAA"}  # a signature that does not hold
        assert (await handshake(phone.ws_url(), forged)).startswith("44")
        assert (await handshake(phone.ws_url(), phone.cookies)).startswith("40")  # the phone itself
        assert phone.connected
        await phone.click(await phone.wait_for_button(label="Modifier mes réponses"))
        await phone.wait_for_button(testid="join")  # the phone's own socket still drives it
    finally:
        await phone.close()
