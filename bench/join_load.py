"""N phones join a session and hold a socket.io connection; the console moves the agenda.

Usage: python bench/join_load.py N [--batch 25] [--follow] [--json PATH]

Reports the server's memory per connected phone, the time for each agenda move made on the
console to reach every phone (the new item's title: p50, p95, max) and for the new item's view
to be built on every phone (p95, max), the server's CPU time, and how many phones were
disconnected. The server runs on core 0, the simulated phones on core 1 (loopback only).
Checked (exit status 1 otherwise, see bench/outcome.py): every phone joined and counted by the
session, every move reached every phone and built its view there, no phone disconnected.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.outcome import add_json_option, finish  # noqa: E402
from bench.phones import ServerProcess, SimClient, host_console, join_phone, percentiles, settle  # noqa: E402

PLAN = "open-detat-2018-03-12"
# What shows that a phone's view of the new item is built (the title arrives first).
VIEW_READY = {"debat_mouvant": "dm-phone", "world_cafe": "wc-phone", "moment": "phone-nothing"}
# What shows that a phone's follow view (what the screen shows) is built.
FOLLOW_READY = {"debat_mouvant": "dm-follow", "world_cafe": "wc-follow", "moment": "follow-moment"}


def _following(phone: SimClient, kind: str, follow: bool) -> list[asyncio.Future[float]]:
    """The follow view's marker, for phones that show it (all with --follow; remote ones anyway)."""
    return [phone.expect(FOLLOW_READY[kind])] if follow or "mode=remote" in phone.path else []


async def _all(*futures: asyncio.Future[float]) -> float:
    """When the last of `futures` arrived."""
    return max(await asyncio.gather(*futures))


async def run(n: int, batch: int, port: int, follow: bool = False) -> dict:
    server = ServerProcess(port).start()
    try:
        async with httpx.AsyncClient(base_url=server.base_url) as http:
            created = (await http.post("/api/sessions", json={"plan": PLAN})).json()
            agenda = (await http.get(f"/api/sessions/{created['code']}")).json()["agenda"]
        code, key = created["code"], created["host_key"]
        console = await host_console(server.base_url, code, key).open()
        await console.click(await console.wait_for_button(label="Démarrer la session"))
        await asyncio.sleep(1)
        rss_before = server.rss_kib()

        started = time.monotonic()
        phones: list[SimClient] = []
        for first in range(0, n, batch):
            size = min(batch, n - first)
            modes = ["remote" if (first + i) % 4 == 0 else "room" for i in range(size)]
            phones += await asyncio.gather(
                *(join_phone(server.base_url, code, mode, follow=follow) for mode in modes)
            )
        join_seconds = time.monotonic() - started
        await asyncio.sleep(settle(n, 3))
        rss_after = server.rss_kib()
        async with httpx.AsyncClient(base_url=server.base_url) as http:
            counted = (await http.get(f"/api/sessions/{code}")).json()["participants"]["total"]

        moves = []
        cpu_before = server.cpu_seconds()
        for index in range(1, min(4, len(agenda))):
            title, kind = agenda[index]["title"], agenda[index]["kind"]
            waiting = [phone.expect(phone.reads(title)) for phone in phones]  # in its language
            ready = [
                asyncio.ensure_future(_all(phone.expect(VIEW_READY[kind]), *_following(phone, kind, follow)))
                for phone in phones
            ]
            button = await console.wait_for_button(label="Point suivant")
            sent = time.monotonic()
            await console.click(button)
            done, pending = await asyncio.wait(waiting, timeout=60)
            built, _ = await asyncio.wait(ready, timeout=60)
            latencies = [(f.result() - sent) * 1000 for f in done]
            view = percentiles([(f.result() - sent) * 1000 for f in built])
            moves.append(
                {
                    "to": f"{index + 1}. {kind}",
                    "reached": len(done),
                    "missed": len(pending),
                    **{k: round(v, 1) for k, v in percentiles(latencies).items()},
                    "view_ready": len(built),
                    "view_p95": round(view["p95"], 1),
                    "view_max": round(view["max"], 1),
                }
            )
            await asyncio.sleep(settle(n, 2))
        cpu = server.cpu_seconds() - cpu_before
        disconnected = sum(phone.disconnected for phone in phones)
        for phone in phones:
            await phone.close()
        await console.close()
        return {
            "phones": n,
            "cores": os.cpu_count(),
            "join_seconds": round(join_seconds, 1),
            "participants_counted": counted,
            "rss_before_mib": round(rss_before / 1024, 1),
            "rss_after_mib": round(rss_after / 1024, 1),
            "kib_per_phone": round((rss_after - rss_before) / n, 1),
            "moves_ms": moves,
            "server_cpu_seconds_during_moves": round(cpu, 2),
            "disconnected": disconnected,
            "follow": follow,
        }
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("n", type=int)
    parser.add_argument("--batch", type=int, default=25)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--follow", action="store_true", help="every phone also shows what the screen shows (its follow view)"
    )
    add_json_option(parser)
    args = parser.parse_args()
    result = asyncio.run(run(args.n, args.batch, args.port, args.follow))
    out = Path(__file__).resolve().parent / "results"
    suffix = "-follow" if args.follow else ""
    results = out / f"join_load-{args.n}{suffix}.json"  # or --json's file
    print(f"{result['phones']} phones, {result['cores']} cores; joined in {result['join_seconds']} s")
    print(
        f"server memory {result['rss_before_mib']} -> {result['rss_after_mib']} MiB: {result['kib_per_phone']} KiB per phone"
    )
    print(
        f"{'agenda move':<20}{'reached':>9}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}{'view p95':>10}{'view max':>10}"
    )
    for m in result["moves_ms"]:
        print(
            f"{m['to']:<20}{m['reached']:>9}{m['p50']:>10}{m['p95']:>10}{m['max']:>10}{m['view_p95']:>10}{m['view_max']:>10}"
        )
    print(f"disconnected phones: {result['disconnected']}")
    n, moves = result["phones"], result["moves_ms"]
    checks = {
        "every phone joined and counted": result["participants_counted"] == n,
        "every move reached every phone": bool(moves) and all(m["reached"] == n for m in moves),
        "every phone built each new view": bool(moves) and all(m["view_ready"] == n for m in moves),
        "no phone disconnected": result["disconnected"] == 0,
    }
    finish(result, checks, args.json or results)


if __name__ == "__main__":
    main()
