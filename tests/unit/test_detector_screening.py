"""Checking texts off the event loop: `screen_text` and its `Screener`, which fail closed.

Most tests drive a fake worker (a few lines of Python speaking the worker's protocol) so that a
hang, a crash or an error happens on cue; one test runs the real worker, spaCy and all."""

from __future__ import annotations

import asyncio
import os
import sys
import threading
from pathlib import Path

import pytest

from facilitation.detector import Finding, screening
from facilitation.detector.screening import Screener, Screening

FAKE_WORKER = """
import json, os, sys, time
print(json.dumps({"ready": True, "seconds": 0.0, "rss_added_mb": 0.0}), flush=True)
for line in sys.stdin:
    request = json.loads(line)
    text = request["text"]
    if text == "hang":
        time.sleep(60)
    if text == "crash":
        os._exit(3)
    if text == "slow":
        time.sleep(0.05)
    if text == "error":
        print(json.dumps({"id": request["id"], "error": "ValueError"}), flush=True)
        continue
    found = [["name", 0, len(text)]] if text.startswith("Name") else []
    print(json.dumps({"id": request["id"], "findings": found}), flush=True)
"""


@pytest.fixture
def fake(tmp_path: Path) -> list[str]:
    path = tmp_path / "fake_worker.py"
    path.write_text(FAKE_WORKER)
    return [sys.executable, str(path)]


async def test_a_text_is_checked_in_a_worker_process(fake) -> None:
    screener = Screener(command=fake)
    try:
        held = await screener.screen("Name Someone")
        assert held == Screening([Finding("name", "Name Someone", 0, 12)], complete=True) and held.held
        clean = await screener.screen("nothing here")
        assert clean.complete and not clean.held
        assert (await screener.screen("  ")) == Screening()
    finally:
        await screener.close()


async def test_a_hung_check_fails_closed_and_the_worker_is_replaced(fake) -> None:
    screener = Screener(command=fake, timeout=0.3)
    try:
        await screener.start()
        first = screener.workers[0].proc
        waiting = asyncio.create_task(screener.screen("Name waiting behind"))
        assert await screener.screen("hang") == Screening(findings=[], complete=False)
        assert (await waiting).complete is False  # it was queued on the stuck worker
        assert await first.wait() != 0  # killed
        again = await screener.screen("Name Again")
        assert again.complete and again.findings and screener.workers[0].proc is not first
    finally:
        await screener.close()


async def test_a_crash_fails_closed_and_the_next_check_works(fake) -> None:
    screener = Screener(command=fake)
    try:
        assert await screener.screen("crash") == Screening(findings=[], complete=False)
        assert (await screener.screen("Name After")).complete
    finally:
        await screener.close()


async def test_an_error_in_the_check_fails_closed(fake) -> None:
    screener = Screener(command=fake)
    try:
        assert (await screener.screen("error")).complete is False
        assert (await screener.screen("fine")).complete
    finally:
        await screener.close()


async def test_a_burst_waits_its_turn_rather_than_failing(fake) -> None:
    # 20 checks of 50 ms each behind one another: 1 s in all, more than the limit of one check
    screener = Screener(command=fake, timeout=0.4)
    try:
        results = await asyncio.gather(*(screener.screen("slow") for _ in range(20)))
        assert all(r.complete for r in results)
    finally:
        await screener.close()


async def test_a_worker_that_cannot_start_fails_closed(fake) -> None:
    broken = Screener(command=[sys.executable, "-c", "import sys; sys.exit(1)"])
    assert (await broken.screen("Name")).complete is False
    await broken.close()
    silent = Screener(command=[sys.executable, "-c", "import time; time.sleep(30)"], load_timeout=0.3)
    assert (await silent.screen("Name")).complete is False
    await silent.close()


async def test_status_says_whether_the_engine_is_loaded(fake) -> None:
    screener = Screener(command=fake)
    assert screener.status() == "idle"  # it starts at the first check (or at app start-up)
    try:
        await screener.start()
        assert screener.status() == "ready"
    finally:
        await screener.close()
    assert screener.status() == "idle"
    broken = Screener(command=[sys.executable, "-c", "import sys; sys.exit(1)"])
    await broken.screen("Name")
    assert broken.status() == "failed"
    await broken.close()
    silent = Screener(command=[sys.executable, "-c", "import time; time.sleep(30)"], load_timeout=0.3)
    await silent.screen("Name")
    assert silent.status() == "loading"
    await silent.close()


async def test_close_stops_the_workers(fake) -> None:
    screener = Screener(command=fake, workers=2)
    await screener.start()
    processes = [w.proc for w in screener.workers]
    assert len(processes) == 2
    await screener.close()
    assert all(p.returncode is not None for p in processes) and screener.workers == []


async def test_in_a_thread_an_error_or_a_timeout_fails_closed(monkeypatch) -> None:
    release = threading.Event()

    def check(text: str, lang: str, field: str) -> list[Finding]:
        if text == "hang":
            release.wait(10)
        if text == "error":
            raise ValueError(text)
        return [Finding("name", text, 0, len(text))]

    monkeypatch.setattr(screening, "check", check)
    monkeypatch.setattr(screening, "thread_warm_up", dict)
    screener = Screener(mode="thread", timeout=0.3)
    try:
        assert (await screener.screen("Name")).findings == [Finding("name", "Name", 0, 4)]
        assert await screener.screen("error") == Screening(findings=[], complete=False)
        assert await screener.screen("hang") == Screening(findings=[], complete=False)
    finally:
        release.set()
        await screener.close()


async def test_screen_text_starts_lazily_and_shuts_down(fake, monkeypatch) -> None:
    monkeypatch.setattr(screening, "_default", Screener(command=fake))
    assert screening.default().workers == []  # nothing started before the first check
    assert (await screening.screen_text("Name Here")).held
    process = screening.default().workers[0].proc
    await screening.shutdown()
    assert process.returncode is not None


async def test_the_real_worker_checks_french_and_english_texts_and_actor_fields() -> None:
    screener = Screener()
    try:
        results = await asyncio.gather(
            screener.screen("Comme l'a dit Jean Dupont hier", "fr"),
            screener.screen("Please email sarah.jones@example.com", "en"),
            screener.screen("Marie Martin", "fr", "actor"),
            screener.screen("la Cour des comptes", "fr", "actor"),
        )
        assert [[f.kind for f in r.findings] for r in results] == [["name"], ["email"], ["name"], []]
        assert all(r.complete for r in results)
        assert screener.load_report and screener.load_report["ready"]
        worker = screener.workers[0].proc.pid  # below the server: a vote burst comes first
        assert os.getpriority(os.PRIO_PROCESS, worker) > os.getpriority(os.PRIO_PROCESS, 0)
    finally:
        await screener.close()
