"""N phones in a live session; the server is killed (SIGKILL) and started again on the same data.

Usage: python bench/restart_load.py N [--batch 25]

Reports the restart time (the new process started to `/healthz` answering), and for each phone
the time from the kill until it is back with its state: its identity (the page shows it joined,
not the charter) and its current view (the live item's activity view drawn). p50, p95, max, and
the share back within 10 s of the kill. The server runs on core 0, the phones on core 1.

Each phone does after the kill what a browser running the page does (`RestartingPhone`):
- socket.io's client notices the closed socket and reconnects with its back-off: attempt k waits
  min(base * 2**k, max), randomised by ±factor (socket.io's `Backoff.duration`); base, max and
  factor are read from the page (`reconnectionDelay`, `reconnectionDelayMax`,
  `randomizationFactor` in the script that opens the socket), socket.io's defaults (1 s, 5 s,
  0.5) when the page sets none. A refused or reset connection is one failed attempt.
- a reconnection reaches the server with the page's old client id (and the last message id it
  saw). The server either takes it back (`40`: the phone is back without a reload) or refuses it
  (`44` "Implicit handshake failed": nicegui.js reloads the page at once, after a wait that the
  page may ask for: `reloadSpread`, a random share of which is waited first). A reload loads the
  page again with the browser's cookies (its signed storage: its identity) and opens its socket.
- a connection that does not open within socket.io's 20 s is nicegui.js's "timeout": the first
  one falls back to polling (here: one more attempt), the next reloads.
What a browser does besides (fetching the page's cached scripts, drawing) is not simulated.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx
import websockets

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.phones import (  # noqa: E402
    CLIENT_ID,
    ELEMENTS,
    ROOT,
    ServerProcess,
    SimClient,
    host_console,
    join_phone,
    percentiles,
)

PLAN = "open-detat-2018-03-12"
BACK_WITHIN = 10.0  # seconds after the kill
CONNECT_TIMEOUT = 20.0  # socket.io's `timeout`
GIVE_UP = 60.0  # a phone not back after this is counted as lost
DEFAULTS = {"reconnectionDelay": 1000.0, "reconnectionDelayMax": 5000.0, "randomizationFactor": 0.5}
OPTION = re.compile(
    r"\b(reconnectionDelay|reconnectionDelayMax|randomizationFactor|reloadSpread)\s*:\s*([0-9.]+)"
)


class RestartingPhone(SimClient):
    """A phone page that, when its socket closes, behaves as socket.io's client and nicegui.js do."""

    def __init__(self, base_url: str, path: str, cookies: dict[str, str] | None = None) -> None:
        super().__init__(base_url, path, cookies)
        self.options = dict(DEFAULTS)
        self.ids = {"document_id": str(uuid.uuid4()), "tab_id": str(uuid.uuid4())}
        self.reloads = 0
        self.resumed = False

    async def load(self) -> RestartingPhone:
        """Load the page (again): its client id, its elements, its socket's options."""
        async with httpx.AsyncClient(base_url=self.base_url, timeout=GIVE_UP, cookies=self.cookies) as http:
            response = await http.get(self.path)
            response.raise_for_status()
            self.cookies.update({c.name: c.value for c in response.cookies.jar})  # kept, as a browser does
        html = response.text
        self.client_id = CLIENT_ID.search(html).group(1)  # type: ignore[union-attr]
        self.elements = json.loads(ELEMENTS.search(html).group(1))  # type: ignore[union-attr]
        self.next_message_id = self.acked = 0
        self.ids["document_id"] = str(uuid.uuid4())  # a new document; the tab stays
        self.options = dict(DEFAULTS)
        for name, value in OPTION.findall(html):
            self.options[name] = float(value)
        return self

    def ws_url(self) -> str:
        """socket.io keeps the query of its first connection; nicegui.js keeps the message id in it up to date."""
        return self.base_url.replace("http://", "ws://") + (
            f"/_nicegui_ws/socket.io/?client_id={self.client_id}&next_message_id={self.next_message_id}"
            f"&implicit_handshake=true&document_id={self.ids['document_id']}&tab_id={self.ids['tab_id']}"
            "&old_tab_id=null&EIO=4&transport=websocket"
        )

    def backoff(self, attempt: int) -> float:
        """socket.io's `Backoff.duration` for the `attempt`-th reconnection, in seconds."""
        ms = self.options["reconnectionDelay"] * 2**attempt
        factor = self.options["randomizationFactor"]
        if factor:
            rand = random.random()
            deviation = int(rand * factor * ms)
            ms = ms - deviation if int(rand * 10) & 1 == 0 else ms + deviation
        return min(ms, self.options["reconnectionDelayMax"]) / 1000

    async def attempt(self) -> str:
        """One reconnection with the page's old client id: "back", "refused" (nicegui.js
        reloads), "timeout", or "failed" (socket.io tries again after its back-off)."""
        try:
            await asyncio.wait_for(self.connect(), CONNECT_TIMEOUT)
        except ConnectionError as refused:
            if self.ws is not None:
                await self.ws.close()
            return "refused" if "Implicit handshake failed" in str(refused) else "failed"
        except TimeoutError:
            return "timeout"
        except (OSError, websockets.InvalidHandshake, websockets.ConnectionClosed):
            return "failed"
        return "back"

    async def reload(self) -> None:
        spread = self.options.get("reloadSpread", 0) / 1000
        if spread:
            await asyncio.sleep(random.random() * spread)
        self.reloads += 1
        await self.load()
        await asyncio.wait_for(self.connect(), CONNECT_TIMEOUT)

    async def come_back(self, current_view: str) -> float:
        """After the kill: reconnect as the page would; when (monotonic) the phone shows again
        that it joined and the current item's view."""
        await asyncio.gather(*self.tasks, return_exceptions=True)  # the socket closed (the acks stop)
        attempt, timeouts = 0, 0
        while True:
            await asyncio.sleep(self.backoff(attempt))
            attempt += 1
            outcome = await self.attempt()
            if outcome == "back":
                self.resumed = True
                break
            timeouts += outcome == "timeout"
            if outcome == "refused" or timeouts >= 2:
                await self.reload()
                break
        while not (self.shows(current_view) and self.find_button(label="Modifier mes réponses")):
            await self.expect("")  # the next update
        return time.monotonic()


async def run(n: int, batch: int, port: int, timeout: float = 30) -> dict:
    # as `make run` does: our modules compiled (the environment's are, by its install)
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", "main.py", "facilitation", "activities"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    server = ServerProcess(port).start(timeout=timeout)
    try:
        async with httpx.AsyncClient(base_url=server.base_url) as http:
            created = (await http.post("/api/sessions", json={"plan": PLAN})).json()
            agenda = (await http.get(f"/api/sessions/{created['code']}")).json()["agenda"]
        code, key = created["code"], created["host_key"]
        console = await host_console(server.base_url, code, key).open()
        await console.click(await console.wait_for_button(label="Démarrer la session"))
        await asyncio.sleep(1)  # the console redrawn as live
        await console.click(await console.wait_for_button(label="Point suivant"))  # the débat mouvant
        assert agenda[1]["kind"] == "debat_mouvant"

        phones: list[RestartingPhone] = []
        for first in range(0, n, batch):
            size = min(batch, n - first)
            modes = ["remote" if (first + i) % 4 == 0 else "room" for i in range(size)]
            phones += await asyncio.gather(
                *(join_phone(server.base_url, code, mode, kind=RestartingPhone) for mode in modes)
            )
        print(f"{len(phones)} phones joined", file=sys.stderr, flush=True)
        await asyncio.wait_for(asyncio.gather(*(_drawn(phone) for phone in phones)), GIVE_UP)
        await asyncio.sleep(2)

        killed = time.monotonic()
        server.kill()

        cpu: list[float] = []

        def restart() -> float:
            server.start(poll=0.01, timeout=timeout)
            cpu.append(server.cpu_seconds())  # the new process's, to /healthz answering
            return time.monotonic()

        restarting = asyncio.ensure_future(asyncio.to_thread(restart))
        back = [asyncio.ensure_future(phone.come_back("dm-phone")) for phone in phones]
        ready = await restarting - killed
        print(f"killed; ready again after {ready:.1f} s", file=sys.stderr, flush=True)
        done, pending = await asyncio.wait(back, timeout=GIVE_UP)
        for task in pending:
            task.cancel()
        since_kill = [task.result() - killed for task in done if task.exception() is None]
        errors = [repr(task.exception())[:120] for task in done if task.exception() is not None]
        since_ready = [s - ready for s in since_kill]
        result = {
            "phones": n,
            "cores": os.cpu_count(),
            "restart_seconds": round(server.started_in, 2),
            "restart_cpu_seconds": round(cpu[0], 2),
            "down_seconds": round(ready, 2),
            "back": len(since_kill),
            "lost": n - len(since_kill),
            "errors": sorted(set(errors))[:5],
            "back_within_10s": round(sum(s <= BACK_WITHIN for s in since_kill) / n, 3),
            "since_kill": {k: round(v, 2) for k, v in percentiles(since_kill).items()},
            "since_ready": {k: round(v, 2) for k, v in percentiles(since_ready).items()},
            "reloaded": sum(phone.reloads for phone in phones),
            "resumed_without_reload": sum(phone.resumed for phone in phones),
            "reconnection": phones[0].options if phones else {},
        }
        for phone in phones:
            await phone.close()
        await console.close()
        return result
    finally:
        server.stop()


async def _drawn(phone: SimClient) -> None:
    while not phone.shows("dm-phone"):
        await asyncio.sleep(0.05)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("n", type=int)
    parser.add_argument("--batch", type=int, default=25)
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument("--timeout", type=float, default=60, help="seconds for the server to (re)start")
    args = parser.parse_args()
    result = asyncio.run(run(args.n, args.batch, args.port, args.timeout))
    out = Path(__file__).resolve().parent / "results"
    out.mkdir(exist_ok=True)
    (out / f"restart_load-{args.n}.json").write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
