"""N phones dot-vote in the DITP forum's idea workshop; some move a dot; the vote closes.

Usage: python bench/dots_load.py N [--window 10] [--move 0.2] [--batch 25] [--json PATH]

Every phone places its 3 dots, one after the other (each once the previous is confirmed), at
random moments within `--window` seconds; then a share `--move` of them move one dot (− on one
idea, + on another). A quarter of the phones are remote: they follow the screen's ranking on their
phone (the follow view, at most twice a second). Reports (p50, p95, max):
- the dot's confirmation: tap sent -> "Points placés : k / 3" on that phone;
- the screen's ranking: dot sent -> the screen's total of dots first includes it (dots ranked by
  the order they were sent);
- the phase reaching every phone: vote opened, vote closed;
and the server's CPU time while voting, phones disconnected, and whether the dots stored in the
event log equal the dots sent, idea by idea (none lost, none counted twice). The server runs on
core 0, the simulated phones on core 1 (loopback only). Checked (exit status 1 otherwise, see
bench/outcome.py): every phase reached every phone, every dot confirmed, the screen's ranking
counted every dot, dots stored = dots sent, no phone disconnected.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import sqlite3
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.outcome import add_json_option, finish, reached  # noqa: E402
from bench.phones import ServerProcess, SimClient, host_console, join_phone, percentiles, settle  # noqa: E402

PLAN = "forum-ditp"
IDEAS_ITEM = 2  # "Temps 2 — Atelier : instruire les pistes d'engagement"
TARGETS = ["i1", "i2", "i3", "i4"]  # the plan's starting ideas
DOTS = 3
DOTS_SHOWN = re.compile(r'data-dots=\\?"(\d+)')


class Screen(SimClient):
    """The projected screen: remembers when each total of dots on the ranking first arrived."""

    def __init__(self, base_url: str, path: str) -> None:
        super().__init__(base_url, path)
        self.totals: list[tuple[float, int]] = []

    def _apply(self, payload: dict[str, Any]) -> None:
        now = time.monotonic()
        super()._apply(payload)
        for key, element in payload.items():
            if key != "_id" and isinstance(element, dict):
                html = str(element.get("props", {}).get("innerHTML", ""))
                if "id-ranking" in html:
                    self.totals.append((now, sum(int(n) for n in DOTS_SHOWN.findall(html))))

    def first_at_least(self, n: int) -> float | None:
        return next((at for at, total in self.totals if total >= n), None)


def ballot_of(phone: SimClient) -> str | None:
    return phone.find(lambda e: 'data-testid="id-ballot"' in str(e.get("props", {}).get("innerHTML", "")))


async def tap(phone: SimClient, target: str, delta: int, expected: str) -> tuple[float, float | None]:
    """One − or + on the ballot; (sent, confirmed) on the monotonic clock."""
    ballot = ballot_of(phone)
    assert ballot is not None, "no ballot on the phone"
    confirmed = phone.expect(expected)
    sent = time.monotonic()
    await phone.click(ballot, args=[json.dumps(target), json.dumps(delta)])  # as nicegui.js sends them
    try:
        return sent, await asyncio.wait_for(confirmed, timeout=30)
    except TimeoutError:
        return sent, None


async def place_dots(
    phone: SimClient, targets: list[str], start: float, at: float
) -> list[tuple[float, float | None]]:
    await asyncio.sleep(max(0.0, start + at - time.monotonic()))
    done = []
    for k, target in enumerate(targets, start=1):
        done.append(await tap(phone, target, 1, f"Points placés : {k} / {DOTS}"))
    return done


async def move_dot(
    phone: SimClient, source: str, target: str, start: float, at: float
) -> list[tuple[float, float | None]]:
    await asyncio.sleep(max(0.0, start + at - time.monotonic()))
    taken = await tap(phone, source, -1, f"Points placés : {DOTS - 1} / {DOTS}")
    placed = await tap(phone, target, 1, f"Points placés : {DOTS} / {DOTS}")
    return [taken, placed]


async def phase(phones: list[SimClient], text: str, act: Any) -> dict[str, float]:
    waiting = [phone.expect(text) for phone in phones]
    sent = time.monotonic()
    await act()
    done, pending = await asyncio.wait(waiting, timeout=60)
    result = {k: round(v, 1) for k, v in percentiles([(f.result() - sent) * 1000 for f in done]).items()}
    return {**result, "reached": len(done), "missed": len(pending)}


def stored_dots(db: Path, code: str) -> tuple[int, Counter[str]]:
    """From the event log: how many dot events were stored, and the dots on each idea at the end."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT payload FROM events WHERE session = ? AND type = 'ideas.dots_set' ORDER BY seq", [code]
        ).fetchall()
    latest: dict[tuple[str, str], int] = {}
    for (payload,) in rows:
        data = json.loads(payload)
        latest[(data["token"], data["target"])] = data["dots"]
    totals: Counter[str] = Counter()
    for (_, target), dots in latest.items():
        totals[target] += dots
    return len(rows), +totals


async def console_button(console: SimClient, testid: str) -> Any:
    button = await console.wait_for_button(testid=testid)
    return lambda: console.click(button)


async def run(n: int, window: float, move: float, batch: int, port: int, seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    server = ServerProcess(port).start()
    try:
        async with httpx.AsyncClient(base_url=server.base_url) as http:
            created = (await http.post("/api/sessions", json={"plan": PLAN})).json()
        code, key = created["code"], created["host_key"]
        console = await host_console(server.base_url, code, key).open()
        await console.click(await console.wait_for_button(label="Démarrer la session"))
        await asyncio.sleep(0.5)
        await console.click(await console.wait_for_button(testid=f"goto-{IDEAS_ITEM}"))
        screen = await Screen(server.base_url, f"/screen/{code}").open()

        phones: list[SimClient] = []
        for first in range(0, n, batch):
            size = min(batch, n - first)
            modes = ["remote" if (first + i) % 4 == 0 else "room" for i in range(size)]
            phones += await asyncio.gather(*(join_phone(server.base_url, code, mode) for mode in modes))
        await asyncio.sleep(settle(n, 2))
        opened = await phase(phones, "Points placés : 0 / 3", await console_button(console, "id-open"))

        choices = [[rng.choice(TARGETS) for _ in range(DOTS)] for _ in phones]
        cpu_before = server.cpu_seconds()
        start = time.monotonic() + 0.2
        placed = await asyncio.gather(
            *(place_dots(p, c, start, rng.uniform(0, window)) for p, c in zip(phones, choices, strict=True))
        )
        movers = rng.sample(range(n), int(n * move))
        moves = {}
        for i in movers:
            source = rng.choice(choices[i])
            target = rng.choice([t for t in TARGETS if t != source])
            moves[i] = (source, target)
            choices[i].remove(source)
            choices[i].append(target)
        start = time.monotonic() + 0.2
        moved = await asyncio.gather(
            *(move_dot(phones[i], s, t, start, rng.uniform(0, window / 2)) for i, (s, t) in moves.items())
        )
        await asyncio.sleep(1.5)
        cpu_voting = server.cpu_seconds() - cpu_before

        taps = [x for dots in placed for x in dots] + [x for pair in moved for x in pair]
        confirm = [(done - sent) * 1000 for sent, done in taps if done is not None]
        unconfirmed = sum(done is None for _, done in taps)
        ranked = sorted(sent for dots in placed for sent, _ in dots)
        to_screen = []
        for rank, sent in enumerate(ranked, start=1):
            shown = screen.first_at_least(rank)
            if shown is not None:
                to_screen.append((shown - sent) * 1000)
        closed = await phase(phones, "Le vote est clos", await console_button(console, "id-close"))

        stored, totals = stored_dots(server.data_dir / "cercle.db", code)
        sent_dots = Counter(t for c in choices for t in c)
        commands = len(taps)
        disconnected = sum(phone.disconnected for phone in phones)
        for client in [*phones, console, screen]:
            await client.close()
        return {
            "phones": n,
            "cores": os.cpu_count(),
            "window_s": window,
            "dot_commands_sent": commands,
            "dot_events_stored": stored,
            "dots_sent_by_idea": dict(sorted(sent_dots.items())),
            "dots_stored_by_idea": dict(sorted(totals.items())),
            "no_dot_lost": stored == commands and sent_dots == totals,
            "screen_last_total": screen.totals[-1][1] if screen.totals else 0,
            "unconfirmed": unconfirmed,
            "confirmation_ms": {k: round(v, 1) for k, v in percentiles(confirm).items()},
            "dot_to_screen_ms": {k: round(v, 1) for k, v in percentiles(to_screen).items()},
            "vote_opened_to_every_phone_ms": opened,
            "vote_closed_to_every_phone_ms": closed,
            "server_cpu_seconds_while_voting": round(cpu_voting, 2),
            "disconnected": disconnected,
        }
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("n", type=int)
    parser.add_argument("--window", type=float, default=10.0, help="seconds within which every phone starts")
    parser.add_argument("--move", type=float, default=0.2, help="share of phones that move a dot")
    parser.add_argument("--batch", type=int, default=25)
    parser.add_argument("--port", type=int, default=8767)
    parser.add_argument("--seed", type=int, default=1)
    add_json_option(parser)
    args = parser.parse_args()
    result = asyncio.run(run(args.n, args.window, args.move, args.batch, args.port, args.seed))
    out = Path(__file__).resolve().parent / "results"
    results = out / f"dots_load-{args.n}.json"  # or --json's file
    print(f"{result['phones']} phones, {result['cores']} cores, dots placed within {result['window_s']} s")
    print(f"{'':<34}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}")
    for name in (
        "confirmation_ms",
        "dot_to_screen_ms",
        "vote_opened_to_every_phone_ms",
        "vote_closed_to_every_phone_ms",
    ):
        row = result[name]
        print(f"{name:<34}{row['p50']:>10}{row['p95']:>10}{row['max']:>10}")
    print(
        f"dot commands {result['dot_commands_sent']}, events stored {result['dot_events_stored']}; "
        f"by idea sent {result['dots_sent_by_idea']} stored {result['dots_stored_by_idea']}; "
        f"no dot lost: {result['no_dot_lost']}; unconfirmed {result['unconfirmed']}"
    )
    print(
        f"server CPU while voting: {result['server_cpu_seconds_while_voting']} s; "
        f"disconnected phones: {result['disconnected']}"
    )
    n = result["phones"]
    checks = {
        "the vote's opening reached every phone": reached(result["vote_opened_to_every_phone_ms"], n),
        "every dot confirmed on its phone": result["unconfirmed"] == 0,
        "the screen's ranking counted every dot": result["screen_last_total"] == DOTS * n,
        "dots stored = dots sent": result["no_dot_lost"],
        "the vote's close reached every phone": reached(result["vote_closed_to_every_phone_ms"], n),
        "no phone disconnected": result["disconnected"] == 0,
    }
    finish(result, checks, args.json or results)


if __name__ == "__main__":
    main()
