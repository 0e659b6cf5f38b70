"""Simulated browsers for the benchmarks: a page load, then a real socket.io connection.

A `SimClient` loads a NiceGUI page over HTTP, reads its client id and element tree, opens the
websocket as the browser does (Engine.IO 4, implicit handshake), answers pings, acks updates
every 3 s like nicegui.js, keeps the element tree up to date, and can click buttons. Watchers
(`expect`) resolve with the monotonic time at which an update containing a text arrived, so
latencies are measured on one clock. A page is read in its language (`lang`: the page's
`<html lang>`, French by default): a plan's texts, bilingual, are looked for as the phone shows
them (`reads`). Loopback only.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import httpx
import websockets

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from facilitation.i18n import DEFAULT_LANG, LANGUAGES, Text  # noqa: E402

ELEMENTS = re.compile(r"parseElements\(String\.raw`(.*?)`\)", re.S)
CLIENT_ID = re.compile(r"'client_id': '([0-9a-f-]+)'")
HTML_LANG = re.compile(r"<html[^>]*\blang=\"([A-Za-z]+)")  # "fr", or "en" of "en-GB"


def page_lang(html: str) -> str:
    """The language a page is written in (its `<html lang>`), French when it does not say."""
    found = HTML_LANG.search(html)
    lang = found.group(1).lower() if found else DEFAULT_LANG
    return lang if lang in LANGUAGES else DEFAULT_LANG


class SimClient:
    def __init__(self, base_url: str, path: str, cookies: dict[str, str] | None = None) -> None:
        self.base_url, self.path = base_url, path
        self.cookies = cookies or {}  # sent with the page and the websocket (e.g. a host cookie)
        self.client_id = ""
        self.tab_id = str(uuid.uuid4())  # a browser tab keeps its id across reconnections
        self.elements: dict[str, dict[str, Any]] = {}
        self.next_message_id = 0
        self.acked = 0
        self.ws: Any = None
        self.connected = False
        self.disconnected = False
        self.watchers: list[tuple[str, asyncio.Future[float]]] = []
        self.tasks: list[asyncio.Task[None]] = []
        self.received = 0
        self.lang = DEFAULT_LANG  # the page's language, once loaded
        self.error = ""  # why the reader stopped, when it was not the socket closing

    async def open(self) -> SimClient:
        await self.load()
        return await self.connect()

    async def load(self) -> SimClient:
        """Load the page: its client id and element tree."""
        async with httpx.AsyncClient(base_url=self.base_url, timeout=60, cookies=self.cookies) as http:
            response = await http.get(self.path)
            response.raise_for_status()
            self.cookies.update({c.name: c.value for c in response.cookies.jar})  # kept, as a browser does
        html = response.text
        self.client_id = CLIENT_ID.search(html).group(1)
        self.elements = json.loads(ELEMENTS.search(html).group(1))
        self.lang = page_lang(html)
        return self

    def reads(self, text: str | Mapping[str, str]) -> str:
        """How this page shows a plan's text (a string, or `{"fr", "en"}` as the API gives it):
        in the page's language."""
        return Text.model_validate(text).get(self.lang)

    def ws_url(self) -> str:
        return self.base_url.replace("http://", "ws://") + (
            f"/_nicegui_ws/socket.io/?client_id={self.client_id}&next_message_id=0&implicit_handshake=true"
            f"&document_id={uuid.uuid4()}&tab_id={self.tab_id}&old_tab_id=null&EIO=4&transport=websocket"
        )

    async def connect(self) -> SimClient:
        """Open the page's websocket and handshake, as nicegui.js does."""
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())} if self.cookies else None
        self.ws = await websockets.connect(
            self.ws_url(), max_size=None, open_timeout=60, ping_interval=None, additional_headers=headers
        )
        opening = await self.ws.recv()
        assert opening.startswith("0"), opening
        await self.ws.send("40")
        while True:
            message = await self.ws.recv()
            if message.startswith("40"):
                break
            if message.startswith("44"):
                raise ConnectionError(f"handshake refused: {message}")
        self.connected = True
        self.tasks = [asyncio.create_task(self._read()), asyncio.create_task(self._ack())]
        return self

    async def _read(self) -> None:
        try:
            async for message in self.ws:
                now = time.monotonic()
                if message == "2":
                    await self.ws.send("3")
                    continue
                if not message.startswith("42"):
                    if message.startswith("41"):
                        break
                    continue
                self.received += 1
                name, payload = json.loads(message[2:])[:2]
                if name == "update":
                    self._apply(payload)
                for text, future in list(self.watchers):
                    if not future.done() and text in message:
                        future.set_result(now)
                        self.watchers.remove((text, future))
        except websockets.ConnectionClosed:
            pass
        except Exception as exc:  # a bug of the simulation: said, not mistaken for a dropped phone
            self.error = f"{type(exc).__name__}: {exc}"
            print(f"{self.path}: the simulated phone stopped reading: {self.error}", file=sys.stderr)
        finally:
            self.connected = False
            self.disconnected = True

    def _apply(self, payload: dict[str, Any]) -> None:
        for key, element in payload.items():
            if key == "_id":
                self.next_message_id = max(self.next_message_id, int(element) + 1)
            elif element is None:
                self.elements.pop(key, None)
            else:
                self.elements[key] = element

    async def _ack(self) -> None:
        while self.connected:
            await asyncio.sleep(3)
            if self.acked < self.next_message_id and self.connected:
                await self.emit("ack", {"client_id": self.client_id, "next_message_id": self.next_message_id})
                self.acked = self.next_message_id

    async def emit(self, name: str, data: dict[str, Any]) -> None:
        await self.ws.send("42" + json.dumps([name, data]))

    def find(self, predicate: Callable[[dict[str, Any]], bool]) -> str | None:
        for key, element in self.elements.items():
            if predicate(element):
                return key
        return None

    def shows(self, testid: str) -> bool:
        """Whether something with this test id is on the page: an element, or a part of an HTML
        block (views draw what is only read as one HTML element)."""
        needle = f'data-testid="{testid}"'

        def matches(element: dict[str, Any]) -> bool:
            props = element.get("props", {})
            return props.get("data-testid") == testid or needle in str(props.get("innerHTML", ""))

        return self.find(matches) is not None

    def find_button(self, label: str | None = None, testid: str | None = None) -> str | None:
        def matches(element: dict[str, Any]) -> bool:
            props = element.get("props", {})
            if testid is not None:
                return props.get("data-testid") == testid
            return props.get("label") == label or element.get("text") == label

        return self.find(matches)

    async def click(self, element_id: str, event: str = "click", args: Any = None) -> None:
        element = self.elements[element_id]
        listener = next(e["listener_id"] for e in element["events"] if e["type"] == event)
        await self.emit(
            "event",
            {"id": int(element_id), "client_id": self.client_id, "listener_id": listener, "args": args or []},
        )

    def expect(self, text: str) -> asyncio.Future[float]:
        """A future that resolves with the arrival time of the first update containing `text`
        (a plan's text: `expect(phone.reads(title))`)."""
        if not isinstance(text, str):
            raise TypeError(f"expect() looks for a string, not {type(text).__name__}: use reads()")
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        # looked for in the message as JSON writes it (a quote or a backslash escaped)
        self.watchers.append((json.dumps(text, ensure_ascii=False)[1:-1], future))
        return future

    async def wait_for_button(self, timeout: float = 30, **query: str) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.find_button(**query)
            if found is not None:
                return found
            await asyncio.sleep(0.05)
        raise TimeoutError(f"no button {query} on {self.path}")

    async def close(self) -> None:
        for task in self.tasks:
            task.cancel()
        if self.ws is not None:
            await self.ws.close()


def host_console(base_url: str, code: str, key: str) -> SimClient:
    """The console, with the host cookie that its link `/host/{code}?key=…` would have set."""
    return SimClient(base_url, f"/host/{code}", cookies={f"cercle_host_{code}": key})


async def join_phone(
    base_url: str, code: str, mode: str = "room", *, follow: bool = False, kind: type[SimClient] = SimClient
) -> SimClient:
    """A phone that loads the join page, accepts the charter and joins; with `follow`, it shows
    what the screen shows too (remote phones do from the start)."""
    phone = await kind(base_url, f"/j/{code}" + ("?mode=remote" if mode == "remote" else "")).open()
    await phone.click(await phone.wait_for_button(testid="accept-charter"))
    await phone.click(await phone.wait_for_button(testid="join"))
    await phone.wait_for_button(label="Modifier mes réponses")  # the waiting view is there
    if follow and mode != "remote":
        await follow_screen(phone)
    return phone


async def follow_screen(phone: SimClient, timeout: float = 60) -> None:
    """Tap the phone's "follow the screen" switch until it reads otherwise (following). A tap on a
    switch the page redrew meanwhile (as it does once someone joins) is lost, as in a browser:
    the new switch is tapped, as a person would tap it again."""
    switch = await phone.wait_for_button(testid="phone-follow")
    before = _label(phone.elements[switch])
    await phone.click(switch)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        current = phone.find_button(testid="phone-follow")
        if current is not None and _label(phone.elements[current]) != before:
            return
        if current is not None and current != switch:  # redrawn: the tap went to the old one
            switch = current
            await phone.click(switch)
        await asyncio.sleep(0.05)
    raise TimeoutError(f"the phone on {phone.path} does not follow the screen")


def _label(element: dict[str, Any]) -> str:
    return str(element.get("text") or element.get("props", {}).get("label") or "")


class ServerProcess:
    """Cercle in its own process, pinned to core 0 when `taskset` exists (the load runs on core 1)."""

    def __init__(self, port: int = 8765) -> None:
        self.port = port
        self.base_url = f"http://127.0.0.1:{port}"
        self.data_dir = Path(tempfile.mkdtemp(prefix="cercle-bench-"))
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, poll: float = 0.2, timeout: float = 120) -> ServerProcess:
        """Start the server (again, on the same data after `kill`); `started_in` is the time
        from the process's start to `/healthz` answering, polled every `poll` seconds."""
        command = [
            sys.executable,
            str(ROOT / "main.py"),
            "--port",
            str(self.port),
            "--data-dir",
            str(self.data_dir),
        ]
        if shutil.which("taskset") and os.cpu_count() and os.cpu_count() > 1:
            command = ["taskset", "-c", "0", *command]
            os.sched_setaffinity(0, {1})
        env = {**os.environ, "CERCLE_STORAGE_SECRET": "bench"}
        for inherited in ("NICEGUI_USER_SIMULATION", "PYTEST_CURRENT_TEST", "NICEGUI_SCREEN_TEST_PORT"):
            env.pop(inherited, None)  # run from a test: NiceGUI would believe it runs under its harness
        self.log = (self.data_dir / "server.log").open("ab")
        started = time.monotonic()
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = started + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: {(self.data_dir / 'server.log').read_text()[-2000:]}")
            try:
                if httpx.get(f"{self.base_url}/healthz", timeout=1).status_code == 200:
                    self.started_in = time.monotonic() - started
                    return self
            except httpx.HTTPError:
                time.sleep(poll)
        log = (self.data_dir / "server.log").read_text(errors="replace")[-2000:]
        self.stop()  # not left running behind the failure
        raise RuntimeError(f"server did not start; its log ends with:\n{log}")

    def kill(self) -> None:
        """SIGKILL, as a crash would: nothing is closed in order; the data stay for `start`."""
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def rss_kib(self) -> int:
        pid = self.process.pid
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        return 0

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        shutil.rmtree(self.data_dir, ignore_errors=True)


def settle(phones: int, seconds: float) -> float:
    """How long to let the server settle after `phones` joined or were updated: `seconds` from a
    few hundred phones on, less for a few (a tiny run, as the tests make, takes seconds)."""
    return min(seconds, 0.2 + seconds * phones / 200)


def percentiles(values: list[float]) -> dict[str, float]:
    if not values:
        return {"p50": float("nan"), "p95": float("nan"), "max": float("nan")}
    ordered = sorted(values)

    def at(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]

    return {"p50": at(0.50), "p95": at(0.95), "max": ordered[-1]}
