"""Checking a submitted text off the event loop: `await screen_text(text, lang, field)`.

The check runs in a worker process (`worker.py`, one by default: the server keeps its core, the
check takes the other) so that spaCy and Presidio never hold the server's GIL while it serves a
room of phones. A thread is the other mode, kept for the benchmark that chose between them
(`bench/detector_speed.py`; figures in docs/design.md). Not `concurrent.futures`' process pool:
started by spawn or forkserver, its workers re-run `main.py` as `__mp_main__`, which `main.py`
runs like `__main__` (a second server); fork would copy a multithreaded server. This worker is a
plain `python -m facilitation.detector.worker` speaking JSON lines on its input and output.

Checks run one after another in a worker. Each has a **time limit** (2 s) from the moment it
starts running; a check may first wait its turn behind a burst (up to 30 s). On a timeout, a crash
or any error the screening **fails closed**: `Screening(findings=[], complete=False)`, and the
caller holds the text as "could not be checked". A worker whose check overruns is killed (every
check waiting on it fails closed) and a new one starts at the next check.

The worker starts **lazily, at the first check** (the engine then loads in it, ~3 s, under its
own limit of 60 s), so a server that never checks a text never pays for it; `await start()`
starts it earlier (e.g. in the background at app start-up). `await shutdown()` stops it (wired to
the app's shutdown); a worker also exits by itself when the server that started it goes.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Literal

from ..moderation import Screened, Span
from ..text import clean_text
from . import Finding, check

log = logging.getLogger(__name__)

Mode = Literal["process", "thread"]
# Seconds for one check (about 10 ms on a quiet core). Past it the worker is taken for hung and
# restarted, which costs a busy machine tens of seconds of one core: a slow check on a loaded
# server must not trigger that, so the limit is generous.
TIMEOUT = 8.0
LOAD_TIMEOUT = 60.0  # seconds for a worker to load the engine
QUEUE_TIMEOUT = 30.0  # seconds a check may wait for its turn behind others (a burst)
TEXT_MAX = 2000  # characters of the longest free text a participant may send (a comment)


@dataclass(frozen=True)
class Screening:
    """The outcome of a check: what looks personal, and whether the check completed."""

    findings: list[Finding] = field(default_factory=list)
    complete: bool = True

    @property
    def held(self) -> bool:
        """Held for the facilitator: something looks personal, or it could not be checked."""
        return not self.complete or bool(self.findings)


def incomplete() -> Screening:
    """The text could not be checked: the caller holds it."""
    return Screening(findings=[], complete=False)


class CheckFailed(Exception):
    """The worker crashed, answered an error, or was stopped."""


WORKER = (sys.executable, "-m", "facilitation.detector.worker")


class ProcessWorker:
    """One worker process and the requests it has not answered yet."""

    def __init__(self, command: Sequence[str] = WORKER) -> None:
        self.command = tuple(command)
        self.proc: asyncio.subprocess.Process | None = None
        self.ready: asyncio.Future[dict[str, Any]] | None = None
        self.pending: dict[int, asyncio.Future[list[list[Any]]]] = {}
        self.next_id = 0
        self.last_answer = time.monotonic()
        self.reader: asyncio.Task[None] | None = None
        self.stopped = False

    @property
    def alive(self) -> bool:
        return self.proc is not None and self.proc.returncode is None and not self.stopped

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        self.ready = loop.create_future()
        self.proc = await asyncio.create_subprocess_exec(
            *self.command,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            limit=2**20,
        )
        self.reader = asyncio.create_task(self.read(), name="detector-worker-reader")

    async def read(self) -> None:
        assert self.proc is not None and self.proc.stdout is not None and self.ready is not None
        try:
            while line := await self.proc.stdout.readline():
                message = json.loads(line)
                self.last_answer = time.monotonic()
                if message.get("ready"):
                    if not self.ready.done():
                        self.ready.set_result(message)
                    continue
                future = self.pending.pop(message["id"], None)
                if future is None or future.done():
                    continue
                if "error" in message:
                    future.set_exception(CheckFailed(message["error"]))
                else:
                    future.set_result(message["findings"])
        except Exception as exc:  # the type only: a message could quote a text
            log.error("the detector worker sent something unreadable: %s", type(exc).__name__)
        finally:
            self.stopped = True
            self.fail_all("the detector worker stopped")

    def fail_all(self, why: str) -> None:
        for future in [*self.pending.values(), self.ready]:
            if future is not None and not future.done():
                future.set_exception(CheckFailed(why))
                future.exception()  # read, so that an abandoned future does not log "never retrieved"
        self.pending.clear()

    async def ask(self, text: str, lang: str, field: str) -> list[list[Any]]:
        assert self.proc is not None and self.proc.stdin is not None
        self.next_id += 1
        future: asyncio.Future[list[list[Any]]] = asyncio.get_running_loop().create_future()
        request_id = self.next_id
        self.pending[request_id] = future
        request = {"id": request_id, "text": text, "lang": lang, "field": field}
        try:
            self.proc.stdin.write((json.dumps(request) + "\n").encode())
            await self.proc.stdin.drain()
            return await future
        finally:
            self.pending.pop(request_id, None)

    def kill(self) -> None:
        if self.alive:
            assert self.proc is not None
            self.proc.kill()
        self.stopped = True
        self.fail_all("the detector worker was stopped")

    async def close(self) -> None:
        if self.alive:
            assert self.proc is not None and self.proc.stdin is not None
            self.proc.stdin.close()
            try:
                await asyncio.wait_for(self.proc.wait(), 5)
            except TimeoutError:
                self.proc.kill()
                await self.proc.wait()
        self.fail_all("the detector worker was stopped")
        if self.reader is not None:
            await asyncio.gather(self.reader, return_exceptions=True)


class Screener:
    """Checks texts off the event loop, in `workers` processes or in one thread."""

    def __init__(
        self,
        mode: Mode = "process",
        workers: int = 1,
        timeout: float = TIMEOUT,
        load_timeout: float = LOAD_TIMEOUT,
        queue_timeout: float = QUEUE_TIMEOUT,
        command: Sequence[str] = WORKER,
    ) -> None:
        self.command = command
        self.mode = mode
        self.size = max(1, workers)
        self.timeout = timeout
        self.load_timeout = load_timeout
        self.queue_timeout = queue_timeout
        self.thread_progress = 0.0
        self.workers: list[ProcessWorker] = []
        self.executor: ThreadPoolExecutor | None = None
        self.thread_loaded: Future[dict[str, Any]] | None = None
        self.loop: asyncio.AbstractEventLoop | None = None
        self.starting: asyncio.Lock | None = None
        self.load_report: dict[str, Any] | None = None

    async def start(self) -> None:
        """Start the workers (or the thread) and wait until the engine is loaded."""
        loop = asyncio.get_running_loop()
        if self.loop is not loop or self.starting is None:
            self.forget()
            self.loop, self.starting = loop, asyncio.Lock()
        async with self.starting:  # one start at a time: concurrent first checks share it
            if self.mode == "thread":
                if self.executor is None:
                    self.executor = ThreadPoolExecutor(1, thread_name_prefix="detector")
                    self.thread_loaded = self.executor.submit(thread_warm_up)
                assert self.thread_loaded is not None
                ready = asyncio.wrap_future(self.thread_loaded)
                self.load_report = await asyncio.wait_for(asyncio.shield(ready), self.load_timeout)
                return
            self.workers = [w for w in self.workers if w.alive]
            while len(self.workers) < self.size:
                worker = ProcessWorker(self.command)
                await worker.start()
                self.workers.append(worker)
            for worker in self.workers:
                assert worker.ready is not None
                self.load_report = await asyncio.wait_for(asyncio.shield(worker.ready), self.load_timeout)

    def status(self) -> Literal["idle", "loading", "ready", "failed"]:
        """Where the engine stands, for `/healthz`: not started (it starts at the first check),
        loading (checks wait for it), ready, or failed (checks are held unchecked until a new
        worker starts at the next check)."""
        if self.mode == "thread":
            loading: list[Future[Any] | asyncio.Future[Any]] = (
                [self.thread_loaded] if self.thread_loaded is not None else []
            )
        else:
            loading = [w.ready for w in self.workers if w.ready is not None and (w.alive or w.ready.done())]
        if not loading:
            return "idle"
        if not all(f.done() for f in loading):
            return "loading"
        if any(f.cancelled() or f.exception() is not None for f in loading):
            return "failed"
        return "ready"

    async def screen(self, text: str, lang: str = "fr", field: str = "text") -> Screening:
        """Check `text`; fail closed (complete=False) on a timeout, a crash or an error."""
        if not text or not text.strip():
            return Screening()
        try:
            await self.start()
        except Exception as exc:
            log.error("the detector could not start (%s): the text is held unchecked", type(exc).__name__)
            return incomplete()
        if self.mode == "thread":
            assert self.executor is not None
            in_thread = asyncio.wrap_future(self.executor.submit(self.check_in_thread, text, lang, field))
            found = await self.wait(in_thread, lambda: self.thread_progress, lambda: None)
        else:
            worker = min(self.workers, key=lambda w: len(w.pending))
            asked: asyncio.Future[Any] = asyncio.ensure_future(worker.ask(text, lang, field))
            found = await self.wait(asked, lambda: worker.last_answer, worker.kill)
        if found is None:
            return incomplete()
        return Screening([Finding(kind, text[start:end], start, end) for kind, start, end in found])

    def check_in_thread(self, text: str, lang: str, field: str) -> list[tuple[str, int, int]]:
        try:
            return [(f.kind, f.start, f.end) for f in check(text, lang, field)]
        finally:
            self.thread_progress = time.monotonic()

    async def wait(
        self, future: asyncio.Future[Any], progress: Callable[[], float], stuck: Callable[[], None]
    ) -> list[Any] | None:
        """The check's answer, or None. Checks run one after another in a worker: a check waits
        its turn (up to `queue_timeout`), then has `timeout` to run; the one running started
        when the previous answer came (`progress()`). One over its limit means a stuck worker:
        `stuck()` stops it, and every check waiting on it is held unchecked."""
        submitted = time.monotonic()
        try:
            while True:
                now = time.monotonic()
                running_for = now - max(progress(), submitted)
                if running_for >= self.timeout:
                    log.error("a check ran more than %.1f s: the detector worker is restarted", self.timeout)
                    stuck()
                    return None
                if now - submitted >= self.queue_timeout:
                    log.warning(
                        "a check waited more than %.0f s: the text is held unchecked", self.queue_timeout
                    )
                    return None
                limit = min(self.timeout - running_for, submitted + self.queue_timeout - now)
                done, _ = await asyncio.wait({future}, timeout=limit)
                if done:
                    return future.result()
        except Exception as exc:
            log.error("a check failed (%s): the text is held unchecked", type(exc).__name__)
            return None
        finally:
            if not future.done():
                future.cancel()

    def forget(self) -> None:
        """Drop workers started on another event loop (tests run one loop each)."""
        for worker in self.workers:
            try:
                worker.kill()
            except Exception:  # its loop is closed: the process has gone with its pipes
                pass
        self.workers = []

    async def close(self) -> None:
        """Stop the workers (or the thread) cleanly."""
        if self.loop is asyncio.get_running_loop():
            await asyncio.gather(*(w.close() for w in self.workers))
        else:
            self.forget()
        self.workers = []
        if self.executor is not None:
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = None
            self.thread_loaded = None
        self.loop = self.starting = None


def thread_warm_up() -> dict[str, Any]:
    from . import engine, load_report

    engine()
    report = load_report()
    return {"seconds": report.seconds, "rss_added_mb": report.rss_added_mb} if report else {}


_default: Screener | None = None
_mode: Mode = "process"


def configure(mode: Mode) -> None:
    """Choose where checks run (the setting `CERCLE_DETECTOR`): a worker process (the default,
    chosen by measurement) or a thread of the server (tests, small machines)."""
    global _mode, _default
    if mode != _mode:
        _mode, _default = mode, None


def default() -> Screener:
    global _default
    if _default is None:
        _default = Screener(mode=_mode)
    return _default


async def screen_text(text: str, lang: str = "fr", field: str = "text") -> Screening:
    """Check a submitted text off the event loop, within the time limit; fail closed."""
    return await default().screen(text, lang, field)


def status() -> Literal["idle", "loading", "ready", "failed"]:
    """Where the detector's engine stands (`Screener.status`)."""
    return default().status()


async def start() -> None:
    """Start the worker now (at app start-up) rather than at the first check."""
    await default().start()


async def shutdown() -> None:
    """Stop the worker, if one was started (at app shutdown)."""
    if _default is not None:
        await _default.close()


async def screen_after(text: str, before: Sequence[str], lang: str = "fr", field: str = "text") -> Screening:
    """Check `text` as it reads after `before` (the same author's earlier texts, oldest first),
    each joined by a space: what the detector finds that reaches into `text`, on `text`'s own
    offsets ("Marie", then "Lefèvre a dit ça": "Lefèvre" is found). What lies wholly in an earlier
    text is left out: it was that text's to hold. Fails closed as `screen_text` does."""
    prefix = "".join(f"{earlier} " for earlier in before if earlier.strip())
    if not prefix or not text.strip():
        return Screening()
    together = await screen_text(prefix + text, lang, field)
    if not together.complete:
        return incomplete()
    offset = len(prefix)
    found = []
    for f in together.findings:
        if f.end > offset:
            start, end = max(0, f.start - offset), f.end - offset
            found.append(Finding(f.kind, text[start:end], start, end))
    return Screening(found)


async def screen(
    text: str,
    lang: str = "fr",
    field: str = "text",
    *,
    multiline: bool = False,
    limit: int = TEXT_MAX,
    before: Sequence[str] = (),
) -> Screened:
    """A participant's free text, cut to `limit` characters (its field's maximum: nothing longer
    is kept, and the detector's time grows with the length), cleaned at the door and checked off
    the event loop, as the commands that store free text take it (`moderation.Screened`).

    `before`: the same author's last texts in the same activity (`recent.RecentTexts`). A text
    that looks clean alone is checked again after them (`screen_after`), so that a name split
    over two texts is held; the combination is checked in memory, never kept."""
    cleaned = clean_text(text[: max(0, limit)], multiline=multiline)[: max(0, limit)]
    screening = await screen_text(cleaned, lang, field)
    if before and screening.complete and not screening.findings:
        screening = await screen_after(cleaned, before, lang, field)
    spans = tuple(Span(kind=f.kind, start=f.start, end=f.end) for f in screening.findings)
    return Screened(text=cleaned, spans=spans, checked=screening.complete)
