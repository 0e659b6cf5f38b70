"""How fast the personal-data detector is, what it costs, and what it does to the event loop.

Usage: python bench/detector_speed.py [--texts 300] [--seconds 10] [--modes thread,process] [--rounds 2]
                                      [--before DIR] [--json PATH]

Reports:
- the cost of importing the detector (a server that never checks a text pays only this), and of
  loading the engine: seconds and resident memory added, in a fresh process;
- the check time per text, sequential (in this process, engine loaded): p50, p95, max; with
  `--before DIR` (another version's source tree, e.g. `git archive main | tar -x -C DIR`), the
  same texts checked by that version in a fresh process, in the same run, for a before/after;
  and what folding the text as a reader reads it costs: the check of the text as written only
  against the whole check;
- for each mode of `Screener` (a thread in this process, or a worker process): while `--texts`
  texts are submitted evenly over `--seconds` seconds (the loop idle, then busy half of its time
  as under a vote burst), then all at once: the event loop's lag (a 10 ms ticker's delay: p50,
  p95, max), the check time seen by the caller (submit -> result), how many checks completed, and
  how much of its own work the busy loop still got done, against a run with no check just before
  (the machine is shared: modes are run in turn, several rounds).
Texts are the lines of tests/data/personal_data_fr_en.jsonl, in turn. Checked (exit status 1
otherwise, see bench/outcome.py): in every run, every text submitted was checked to the end (none
held as "could not be checked").
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.outcome import add_json_option, finish  # noqa: E402
from bench.phones import percentiles  # noqa: E402
from facilitation.detector import check  # noqa: E402  (the detector without its cache)
from facilitation.detector.screening import Screener  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "personal_data_fr_en.jsonl"
TICK = 0.010

LOAD_PROBE = """
import json, sys, time
from facilitation.detector import rss_mb
base, t = rss_mb(), time.perf_counter()
import facilitation.ui.pages, facilitation.privacy  # what a server imports
imported = {"seconds": time.perf_counter() - t, "rss_mb": rss_mb(), "spacy_imported": "spacy" in sys.modules}
from facilitation import detector
detector.find_personal_data("Jean Dupont")
r = detector.load_report()
print(json.dumps({"import": imported, "load": {"seconds": r.seconds, "rss_added_mb": r.rss_added_mb},
                  "rss_total_mb": rss_mb()}))
"""


def ms(stats: dict[str, float]) -> str:
    return " ".join(f"{k} {v * 1000:.1f} ms" for k, v in stats.items())


def texts(n: int) -> list[tuple[str, str, str]]:
    rows = [json.loads(line) for line in CORPUS.read_text().splitlines() if line.strip()]
    return [(r["text"], r["lang"], r["field"]) for r in (rows * (n // len(rows) + 1))[:n]]


def rss_of(pid: int) -> float:
    with open(f"/proc/{pid}/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def load_cost() -> dict:
    out = subprocess.run(
        [sys.executable, "-c", LOAD_PROBE], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


BEFORE_PROBE = """
import json, sys, time
sys.path.insert(0, ".")
from bench.phones import percentiles
from facilitation.detector import check
items = json.load(sys.stdin)
check("Jean Dupont")
times = []
for text, lang, field in items:
    started = time.perf_counter()
    check(text, lang, field)
    times.append(time.perf_counter() - started)
print(json.dumps(percentiles(times)))
"""


def before(path: str, items: list[tuple[str, str, str]]) -> dict[str, float]:
    """The check per text of another version (its source tree at `path`), in a fresh process."""
    out = subprocess.run(
        [sys.executable, "-c", BEFORE_PROBE],
        cwd=path,
        input=json.dumps(items),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def as_written(items: list[tuple[str, str, str]]) -> dict[str, float]:
    """The check of the text as written only, without the folded views."""
    from facilitation.detector import engine
    from facilitation.detector.analysis import resolve, run

    analyzer = engine()
    times = []
    for text, _lang, field in items:
        started = time.perf_counter()
        resolve(run(analyzer, text, field))
        times.append(time.perf_counter() - started)
    return percentiles(times)


def sequential(items: list[tuple[str, str, str]]) -> dict[str, float]:
    check("Jean Dupont")  # load first
    times = []
    for text, lang, field in items:
        started = time.perf_counter()
        check(text, lang, field)
        times.append(time.perf_counter() - started)
    return percentiles(times)


async def ticker(lags: list[float], stop: asyncio.Event) -> None:
    while not stop.is_set():
        due = time.perf_counter() + TICK
        await asyncio.sleep(TICK)
        lags.append(max(0.0, time.perf_counter() - due))


async def busy_loop(stop: asyncio.Event, done: list[int]) -> None:
    """A server under a vote burst: the loop's own work takes ~half of its time (2 ms of Python
    work, then 2 ms away)."""
    while not stop.is_set():
        until = time.perf_counter() + 0.002
        while time.perf_counter() < until:
            sum(range(200))
            done[0] += 1
        await asyncio.sleep(0.002)


async def under_load(
    screener: Screener | None, items: list[tuple[str, str, str]], seconds: float, busy: bool = False
) -> dict:
    lags: list[float] = []
    latencies: list[float] = []
    complete = 0
    stop = asyncio.Event()
    tick = asyncio.create_task(ticker(lags, stop))
    work = [0]
    load = asyncio.create_task(busy_loop(stop, work)) if busy else None
    started = time.perf_counter()

    async def one(text: str, lang: str, field: str) -> None:
        nonlocal complete
        started = time.perf_counter()
        screening = await screener.screen(text, lang, field)  # type: ignore[union-attr]
        latencies.append(time.perf_counter() - started)
        complete += screening.complete

    tasks = []
    if screener is None:
        await asyncio.sleep(seconds)
    else:
        gap = seconds / len(items) if seconds else 0.0
        for text, lang, field in items:
            tasks.append(asyncio.create_task(one(text, lang, field)))
            if gap:
                await asyncio.sleep(gap)
        await asyncio.gather(*tasks)
    stop.set()
    await tick
    if load is not None:
        await load
    return {
        "lag": percentiles(lags),
        "check": percentiles(latencies),
        "complete": complete,
        "n": len(tasks),
        "work_per_s": work[0] / (time.perf_counter() - started),
    }


async def compare(
    modes: list[str], items: list[tuple[str, str, str]], seconds: float, rounds: int
) -> list[dict]:
    """Modes in turn, `rounds` times, each run beside a run with no check: the machine is shared,
    and a neighbour's load shows in every mode of a round alike. Returns every run's figures."""
    runs: list[dict] = []
    screeners = {mode: Screener(mode=mode) for mode in modes}  # type: ignore[arg-type]
    for mode, screener in screeners.items():
        started = time.perf_counter()
        await screener.start()
        print(f"[{mode}] started and loaded in {time.perf_counter() - started:.1f} s")
    for busy in (False, True):
        loop = "busy loop (half of its time at work)" if busy else "idle loop"
        print(f"\n{len(items)} texts over {seconds:g} s, {loop}, {rounds} rounds:")
        for n in range(rounds):
            base = await under_load(None, [], seconds, busy)
            line = f"  round {n + 1}: no check: lag p95 {base['lag']['p95'] * 1000:.1f} max {base['lag']['max'] * 1000:.0f} ms"
            for mode, screener in screeners.items():
                r = await under_load(screener, items, seconds, busy)
                runs.append({"mode": mode, "busy": busy, "round": n + 1, "spread_s": seconds, **r})
                line += (
                    f" | {mode}: lag p95 {r['lag']['p95'] * 1000:.1f} max {r['lag']['max'] * 1000:.0f} ms,"
                    f" check p50 {r['check']['p50'] * 1000:.1f} p95 {r['check']['p95'] * 1000:.1f} ms,"
                    f" {r['complete']}/{r['n']}"
                )
                if busy:
                    line += f", loop work {r['work_per_s'] / base['work_per_s']:.0%}"
            print(line)
    print(f"\n{len(items)} texts at once, idle loop:")
    for mode, screener in screeners.items():
        r = await under_load(screener, items, 0.0)
        runs.append({"mode": mode, "busy": False, "round": 1, "spread_s": 0.0, **r})
        print(f"  {mode}: loop lag {ms(r['lag'])}; check {ms(r['check'])}; complete {r['complete']}/{r['n']}")
    if "process" in screeners:
        rss = sum(rss_of(w.proc.pid) for w in screeners["process"].workers if w.proc)
        print(f"\nworker process RSS: {rss:.0f} MiB")
    for screener in screeners.values():
        await screener.close()
    return runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--texts", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--modes", default="thread,process")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--before", help="another version's source tree, checked on the same texts")
    add_json_option(parser)
    args = parser.parse_args()
    print(f"cores: {os.cpu_count()}")
    cost = load_cost()
    imp, load = cost["import"], cost["load"]
    print(f"a server's modules imported: {imp['rss_mb']:.0f} MiB, spaCy imported: {imp['spacy_imported']}")
    print(
        f"engine load in that process (first check): {load['seconds']:.2f} s, +{load['rss_added_mb']:.0f} MiB "
        f"(process total {cost['rss_total_mb']:.0f} MiB)"
    )
    items = texts(args.texts)
    if args.before:
        print(f"check per text, sequential, before ({args.before}): {ms(before(args.before, items))}")
    alone = sequential(items)
    print(f"check per text, sequential ({len(items)} texts): {ms(alone)}")
    print(f"  of which the text as written only (no folding): {ms(as_written(items))}")
    if args.before:
        print(f"check per text, sequential, before again: {ms(before(args.before, items))}")
    runs = asyncio.run(compare(args.modes.split(","), items, args.seconds, args.rounds))
    result = {"cores": os.cpu_count(), "texts": len(items), "cost": cost, "sequential_s": alone, "runs": runs}
    checks = {
        "every mode run": {run["mode"] for run in runs} == set(args.modes.split(",")),
        "every text checked to the end": all(run["complete"] == run["n"] == len(items) for run in runs),
    }
    finish(result, checks, args.json)


if __name__ == "__main__":
    main()
