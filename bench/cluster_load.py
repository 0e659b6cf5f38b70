"""N phones in one débat mouvant, served by three Cercle processes behind HAProxy, sharing
PostgreSQL and Redis (`deploy/cluster.py`); then the same with one process killed mid-vote.

Usage: python bench/cluster_load.py N [--window 5] [--batch 50] [--json PATH]

Round 1: every phone votes once within `--window` seconds. Round 2 (the final round): the same,
and one process is SIGKILLed a third into the window; its phones load their page again through
the proxy (as a browser does when its socket's server is gone), land on the other processes with
their token, and tap again if their vote was not confirmed. Reported (p50, p95, max):
- the voter's confirmation: vote sent -> "Position enregistrée" on that phone (through the proxy);
- a tally reaching another process: vote sent -> a screen served by *another* process first
  shows a voter count that includes it (votes ranked by the order they were sent);
and each process's CPU time while voting, the votes sent, confirmed and stored (from PostgreSQL:
none lost, none twice). Everything runs on this machine's loopback; the phones are simulated by
one Python process (bench/phones.py). Checked (exit status 1 otherwise, see bench/outcome.py): in
each round every vote confirmed and the votes stored = the votes sent (none twice), and every
phone of the killed process back, showing its final vote.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.outcome import add_json_option, finish  # noqa: E402
from bench.phones import SimClient, host_console, percentiles  # noqa: E402
from deploy.cluster import Cluster, Instance  # noqa: E402

PLAN = "open-detat-2018-03-12"
LABELS = {"a": "A", "b": "B", "hesitant": "Hésitant·es"}
VOTED = re.compile(r"(\d+) ont pris position")
FAILURES: Counter[str] = Counter()  # why a tap was not confirmed


class Screen(SimClient):
    """A projected screen pinned to one process: remembers when each voter count arrived."""

    def __init__(self, base_url: str, path: str, instance: str) -> None:
        super().__init__(base_url, path, cookies={"cercle_instance": instance})
        self.instance = instance
        self.counts: list[tuple[float, int]] = []

    def _apply(self, payload: dict[str, Any]) -> None:
        now = time.monotonic()
        super()._apply(payload)
        for key, element in payload.items():
            if key != "_id" and isinstance(element, dict):
                match = VOTED.search(str(element.get("text") or ""))
                if match:
                    self.counts.append((now, int(match.group(1))))

    def first_at_least(self, n: int, after: float) -> float | None:
        return next((at for at, count in self.counts if count >= n and at >= after), None)


def instance_of(client: SimClient) -> str:
    return client.cookies.get("cercle_instance", "?")


async def join(base: str, code: str, instance: str) -> SimClient:
    """A phone that joins through the proxy, sent to `instance` (as the proxy's cookie would)."""
    for attempt in range(3):
        phone = SimClient(base, f"/j/{code}", cookies={"cercle_instance": instance})
        try:
            await phone.open()
            break
        except ConnectionError:  # the page and its socket met different processes: load it again
            await phone.close()
            if attempt == 2:
                raise
    await phone.click(await phone.wait_for_button(testid="accept-charter"))
    await phone.click(await phone.wait_for_button(testid="join"))
    await phone.wait_for_button(label="Modifier mes réponses")
    return phone


async def reopen(phone: SimClient) -> SimClient:
    await phone.close()
    for _ in range(120):
        fresh = SimClient(phone.base_url, phone.path, cookies=dict(phone.cookies))
        try:
            return await fresh.open()
        except (httpx.HTTPError, OSError, ConnectionError, AttributeError):
            await asyncio.sleep(0.5)
    raise RuntimeError("a phone could not load its page again")


async def tap(phone: SimClient, position: str, round_: int) -> tuple[float, float | None]:
    button = await phone.wait_for_button(testid=f"dm-choice-{position}", timeout=60)
    confirmed = phone.expect(f"Position enregistrée : {LABELS[position]}")
    sent = time.monotonic()
    await phone.click(button)
    try:
        return sent, await asyncio.wait_for(confirmed, timeout=20)
    except (TimeoutError, ConnectionError):
        return sent, None


async def voter(
    phones: list[SimClient], i: int, position: str, delay: float, start: float, round_: int
) -> tuple[str, float, float | None, bool]:
    """Phone i taps `position` at `start + delay`; if its process dies before the confirmation,
    it loads its page again and, unless the page shows its vote, taps again. Returns (process,
    sent, confirmed, moved)."""
    await asyncio.sleep(max(0.0, start + delay - time.monotonic()))
    phone = phones[i]
    where = instance_of(phone)
    try:
        sent, done = await tap(phone, position, round_)
    except Exception as exc:  # noqa: BLE001 - counted by kind
        FAILURES[type(exc).__name__] += 1
        sent, done = time.monotonic(), None
    if done is not None:
        return where, sent, done, False
    await asyncio.sleep(0.5)
    if not phone.disconnected:
        FAILURES["unconfirmed, still connected"] += 1
        return where, sent, None, False
    phones[i] = phone = await reopen(phone)
    if f"Position enregistrée : {LABELS[position]}" in json.dumps(phone.elements, ensure_ascii=False):
        return where, sent, time.monotonic(), True
    _, done = await tap(phone, position, round_)
    return where, sent, done, True


def stored(url: str, code: str, round_: int) -> tuple[int, Counter[str], Counter[str]]:
    with psycopg.connect(url) as db:
        rows = db.execute(
            "SELECT payload FROM events WHERE session = %s AND type = 'debat_mouvant.position_taken' ORDER BY seq",
            [code],
        ).fetchall()
    mine = [json.loads(row[0]) for row in rows]
    mine = [d for d in mine if d["round"] == round_ and d["statement"] == 0]
    latest = {d["token"]: d["position"] for d in mine}
    return len(mine), Counter(d["token"] for d in mine), Counter(latest.values())


async def voting_round(
    cluster: Cluster,
    phones: list[SimClient],
    screens: list[Screen],
    code: str,
    round_: int,
    window: float,
    rng: random.Random,
    kill: Instance | None,
    before: list[str] | None = None,
) -> tuple[dict[str, Any], list[str]]:
    FAILURES.clear()
    if before is None:
        choices = [rng.choice(["a", "a", "b", "hesitant"]) for _ in phones]
    else:  # the final round: everyone moves (a position kept from round 1 is no new vote)
        choices = [rng.choice([p for p in ("a", "b", "hesitant") if p != old]) for old in before]
    cpu_before = {i.name: i.cpu_seconds() for i in cluster.instances if i.alive()}
    services_before = services_cpu(cluster)
    start = time.monotonic() + 0.3
    delays = [rng.uniform(0, window) for _ in phones]
    tasks = [
        asyncio.create_task(voter(phones, i, c, d, start, round_))
        for i, (c, d) in enumerate(zip(choices, delays, strict=True))
    ]
    if kill is not None:
        await asyncio.sleep(max(0.0, start + window / 3 - time.monotonic()))
        cpu_before.pop(kill.name, None)
        kill.kill()
    results = await asyncio.gather(*tasks)
    await asyncio.sleep(1)
    cpu = {
        name: round(i.cpu_seconds() - cpu_before[name], 2)
        for i in cluster.instances
        if (name := i.name) in cpu_before
    }
    services = {k: round(v - services_before.get(k, 0.0), 2) for k, v in services_cpu(cluster).items()}
    confirm = [(done - sent) * 1000 for _, sent, done, moved in results if done is not None and not moved]
    moved = [(done - sent) * 1000 for _, sent, done, m in results if done is not None and m]
    unconfirmed = sum(done is None for _, _, done, _ in results)
    # a tally reaching another process: screens on processes other than the voter's
    ranked = sorted((sent, where) for where, sent, _, _ in results)
    to_other: list[float] = []
    for screen in screens:
        if screen.disconnected:
            continue
        for rank, (sent, where) in enumerate(ranked, start=1):
            if where != screen.instance:
                shown = screen.first_at_least(rank, after=start - 0.3)
                if shown is not None:
                    to_other.append((shown - sent) * 1000)
    n_stored, per_token, distribution = stored(cluster.postgres.url, code, round_)
    confirmed = len(results) - unconfirmed
    if before is not None:  # round-2 counts include round-1 positions: no new count to time
        to_other = []
    return choices, {
        "votes_sent": len(results),
        "confirmed": confirmed,
        "stored": n_stored,
        "stored_twice": sum(1 for n in per_token.values() if n > 1),
        "distribution_sent": dict(Counter(choices)),
        "distribution_stored": dict(distribution),
        "no_vote_lost": confirmed == len(results) and Counter(choices) == distribution,
        "confirmation_ms": {k: round(v, 1) for k, v in percentiles(confirm).items()},
        "moved_phones": len(moved),
        "moved_confirmation_ms": {k: round(v, 1) for k, v in percentiles(moved).items()},
        "tally_to_other_process_ms": {k: round(v, 1) for k, v in percentiles(to_other).items()},
        "cpu_seconds_while_voting": cpu,
        "services_cpu_seconds_while_voting": services,
        "voting_seconds": round(window + 1.3, 1),
        "unconfirmed_why": dict(FAILURES),
    }


async def run(n: int, window: float, batch: int, seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    cluster = Cluster(3).start()
    try:
        base = cluster.base_url
        async with httpx.AsyncClient(base_url=base, timeout=60) as http:
            created = (await http.post("/api/sessions", json={"plan": PLAN})).json()
        code, key = created["code"], created["host_key"]
        console = host_console(base, code, key)
        console.cookies["cercle_instance"] = "c1"
        await console.open()
        await console.click(await console.wait_for_button(label="Démarrer la session"))
        await asyncio.sleep(0.5)
        await console.click(await console.wait_for_button(label="Point suivant"))
        screens = [await Screen(base, f"/screen/{code}", f"c{i}").open() for i in (1, 2, 3)]

        joined = time.monotonic()
        cpu_before_join = {i.name: i.cpu_seconds() for i in cluster.instances}
        phones: list[SimClient] = []
        names = [f"c{1 + i % 3}" for i in range(n)]
        for first in range(0, n, batch):
            phones += await asyncio.gather(*(join(base, code, name) for name in names[first : first + batch]))
            if len(phones) % 500 == 0:
                print(
                    f"{len(phones)} phones joined in {time.monotonic() - joined:.0f} s",
                    file=sys.stderr,
                    flush=True,
                )
        join_seconds = time.monotonic() - joined
        join_cpu = {i.name: round(i.cpu_seconds() - cpu_before_join[i.name], 2) for i in cluster.instances}
        spread = dict(Counter(instance_of(p) for p in phones))
        rss = {i.name: _rss_kib(i) for i in cluster.instances}
        await asyncio.sleep(2)

        await console.click(await console.wait_for_button(label="Ouvrir le vote"))
        await asyncio.gather(*(p.wait_for_button(testid="dm-choice-a", timeout=120) for p in phones))
        chosen, first = await voting_round(cluster, phones, screens, code, 1, window, rng, None)

        await console.click(await console.wait_for_button(label="Clore le tour"))
        await asyncio.sleep(2)
        await console.click(await console.wait_for_button(label="Passer aux arguments"))
        await asyncio.sleep(2)
        await console.click(await console.wait_for_button(label="Ouvrir le tour final"))
        await asyncio.sleep(3)
        victim = cluster.instances[2]  # c3: neither the console's process nor the first screen's
        chosen_2, second = await voting_round(cluster, phones, screens, code, 2, window, rng, victim, chosen)
        # every phone whose process died loads its page again: it is still itself (its vote shows)
        for i, phone in enumerate(phones):
            if not phone.connected:
                phones[i] = await reopen(phone)
        back = sum(
            1
            for p, c in zip(phones, chosen_2, strict=True)
            if p.connected
            and f"Position enregistrée : {LABELS[c]}" in json.dumps(p.elements, ensure_ascii=False)
        )
        for client in [*phones, console, *screens]:
            await client.close()
        return {
            "phones": n,
            "cores": os.cpu_count(),
            "processes": 3,
            "window_s": window,
            "join_seconds": round(join_seconds, 1),
            "cpu_seconds_joining": join_cpu,
            "phones_per_process": spread,
            "rss_kib_after_join": rss,
            "round_1_all_processes": first,
            "round_2_one_process_killed": second,
            "phones_back_showing_their_final_vote": back,
        }
    finally:
        cluster.stop()


def _cpu(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(stat.parent.name))
        except (OSError, ValueError, IndexError):
            continue
    return found


def services_cpu(cluster: Cluster) -> dict[str, float]:
    """CPU seconds of PostgreSQL (the postmaster and its backends: those that ended meanwhile are
    not counted, but the Cercle processes' connections live through a round), Redis, HAProxy."""
    result: dict[str, float] = {}
    pidfile = cluster.postgres.data / "postmaster.pid"
    if pidfile.exists():
        postmaster = int(pidfile.read_text().split()[0])
        result["postgresql"] = _cpu(postmaster) + sum(_cpu(c) for c in _children(postmaster))
    if cluster.redis.process is not None:
        result["redis"] = _cpu(cluster.redis.process.pid)
    if cluster.proxy is not None and cluster.proxy.process is not None:
        result["haproxy"] = _cpu(cluster.proxy.process.pid)
    return result


def _rss_kib(instance: Instance) -> int:
    assert instance.process is not None
    for line in Path(f"/proc/{instance.process.pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("n", type=int)
    parser.add_argument("--window", type=float, default=5.0, help="seconds within which every phone votes")
    parser.add_argument("--batch", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    add_json_option(parser)
    args = parser.parse_args()
    result = asyncio.run(run(args.n, args.window, args.batch, args.seed))
    out = Path(__file__).resolve().parent / "results"
    results = out / f"cluster_load-{args.n}.json"  # or --json's file
    print(json.dumps(result, indent=2, ensure_ascii=False))
    first, second = result["round_1_all_processes"], result["round_2_one_process_killed"]
    checks = {
        "every phone joined": sum(result["phones_per_process"].values()) == args.n,
        "round 1: votes stored = votes sent": first["no_vote_lost"]
        and first["stored"] == first["votes_sent"],
        "round 2, a process killed: every vote confirmed and stored": second["no_vote_lost"],
        "no vote stored twice": first["stored_twice"] == 0 and second["stored_twice"] == 0,
        "every phone back, showing its final vote": result["phones_back_showing_their_final_vote"] == args.n,
    }
    finish(result, checks, args.json or results)


if __name__ == "__main__":
    main()
