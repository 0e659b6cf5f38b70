"""N phones vote in a débat mouvant; some change their minds; the round closes and is revealed.

Usage: python bench/vote_load.py N [--window 5] [--change 0.2] [--batch 25] [--texts 300] [--json PATH]

Every phone votes once at a random moment within `--window` seconds, then a share `--change`
of them change their position within another window. Reports (p50, p95, max):
- the voter's confirmation: vote sent -> "Position enregistrée" on that phone;
- the screen's tally: vote sent -> the screen's count first includes it (votes are ranked by
  the order they were sent, which is the server's order up to a few milliseconds);
- the phase reaching every phone: round opened, round closed, results revealed;
and the server's CPU time while voting, phones disconnected, and whether the positions stored
in the event log equal the votes sent (none lost, none counted twice). The server runs on core 0,
the simulated phones on core 1 (loopback only). Checked (exit status 1 otherwise, see
bench/outcome.py): every phase reached every phone, every vote (and text) answered, the screen
counted every voter, votes stored = votes sent, no phone disconnected.
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
from bench.phones import ROOT, ServerProcess, SimClient, host_console, join_phone, percentiles, settle  # noqa: E402

PLAN = "open-detat-2018-03-12"
LABELS = {"a": "A", "b": "B", "hesitant": "Hésitant·es"}
VOTED = re.compile(r"(\d+) ont pris position")


class Counting(SimClient):
    """A phone that remembers when each voter count ("N ont pris position") first reached it,
    in its follow view (what the screen shows, at phone size)."""

    def __init__(self, base_url: str, path: str) -> None:
        super().__init__(base_url, path)
        self.counts: list[tuple[float, int]] = []

    def _apply(self, payload: dict[str, Any]) -> None:
        now = time.monotonic()
        super()._apply(payload)
        for key, element in payload.items():
            if key != "_id" and isinstance(element, dict):
                for match in VOTED.finditer(str(element.get("text") or "") + str(element.get("props") or "")):
                    self.counts.append((now, int(match.group(1))))

    def first_at_least(self, n: int) -> float | None:
        return next((at for at, count in self.counts if count >= n), None)


class Screen(SimClient):
    """The projected screen: remembers when each voter count first arrived."""

    def __init__(self, base_url: str, path: str) -> None:
        super().__init__(base_url, path)
        self.counts: list[tuple[float, int]] = []

    def _apply(self, payload: dict[str, Any]) -> None:
        now = time.monotonic()
        super()._apply(payload)
        for key, element in payload.items():
            if key != "_id" and isinstance(element, dict):
                match = VOTED.search(str(element.get("text") or ""))
                if match:
                    self.counts.append((now, int(match.group(1))))

    def first_at_least(self, n: int) -> float | None:
        return next((at for at, count in self.counts if count >= n), None)


async def phase(phones: list[SimClient], text: str, act: Any) -> dict[str, float]:
    """Run `act` (a console click) and time `text` reaching every phone."""
    waiting = [phone.expect(text) for phone in phones]
    sent = time.monotonic()
    await act()
    done, pending = await asyncio.wait(waiting, timeout=60)
    result = {k: round(v, 1) for k, v in percentiles([(f.result() - sent) * 1000 for f in done]).items()}
    return {**result, "reached": len(done), "missed": len(pending)}


async def vote(phone: SimClient, position: str, delay: float, start: float) -> tuple[float, float | None]:
    """Tap `position` at `start + delay`; (sent, confirmed) on the monotonic clock."""
    await asyncio.sleep(max(0.0, start + delay - time.monotonic()))
    button = phone.find_button(testid=f"dm-choice-{position}")
    assert button is not None, "no choice button on the phone"
    confirmed = phone.expect(f"Position enregistrée : {LABELS[position]}")
    sent = time.monotonic()
    await phone.click(button)
    try:
        return sent, await asyncio.wait_for(confirmed, timeout=30)
    except TimeoutError:
        return sent, None


def stored_positions(db: Path, code: str) -> tuple[int, Counter[str]]:
    """From the event log: how many positions were stored, and round 1's latest per person."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT payload FROM events WHERE session = ? AND type = 'debat_mouvant.position_taken' ORDER BY seq",
            [code],
        ).fetchall()
    latest: dict[str, str] = {}
    for (payload,) in rows:
        data = json.loads(payload)
        if data["round"] == 1 and data["statement"] == 0:
            latest[data["token"]] = data["position"]
    return len(rows), Counter(latest.values())


async def console_click(console: SimClient, label: str) -> Any:
    button = await console.wait_for_button(label=label)
    return lambda: console.click(button)


CORPUS = ROOT / "tests" / "data" / "personal_data_fr_en.jsonl"
WRITERS = 30


# what a phone hears back for an argument: noted, held for review, or already noted (the corpus
# repeats itself when more texts are sent than it holds; a repeated argument is refused)
ANSWERS = ("votre argument est not", "attend une relecture", "déjà noté de ce côté")


def corpus_texts(count: int) -> list[str]:
    """`count` French free texts, half of them with personal data (the detector's test corpus)."""
    lines = [json.loads(line) for line in CORPUS.read_text().splitlines() if line.strip()]
    french = [line["text"] for line in lines if line["lang"] == "fr" and line["field"] == "text"]
    return [french[i % len(french)] for i in range(count)]


async def writers_ready(base_url: str, batch: int) -> tuple[list[SimClient], list[SimClient]]:
    """A second session in its arguments phase, with `WRITERS` phones ready to send arguments."""
    async with httpx.AsyncClient(base_url=base_url) as http:
        created = (await http.post("/api/sessions", json={"plan": PLAN})).json()
    code = created["code"]
    console = await host_console(base_url, code, created["host_key"]).open()
    writers: list[SimClient] = []
    for first in range(0, WRITERS, batch):
        writers += await asyncio.gather(
            *(join_phone(base_url, code) for _ in range(min(batch, WRITERS - first)))
        )
    await console.click(await console.wait_for_button(label="Démarrer la session"))
    await asyncio.sleep(0.5)
    await console.click(await console.wait_for_button(label="Point suivant"))
    for step in ("dm-open1", "dm-close", "dm-arguments"):
        await asyncio.sleep(0.5)
        await console.click(await console.wait_for_button(testid=step))
    for writer in writers:
        await writer.wait_for_button(testid="dm-send")
    return [console], writers


async def write(phone: SimClient, text: str, delay: float, start: float) -> tuple[float, float | None]:
    """Send an argument at `start + delay`; (sent, answered: one of `ANSWERS`)."""
    await asyncio.sleep(max(0.0, start + delay - time.monotonic()))
    field = phone.find_button(testid="dm-argument")
    send = phone.find_button(testid="dm-send")
    assert field is not None and send is not None, "no argument form on the phone"
    await phone.emit(
        "event",
        {
            "id": int(field),
            "client_id": phone.client_id,
            "listener_id": _listener(phone, field, "update:value"),
            "args": [json.dumps(text)],
        },
    )
    answered = asyncio.ensure_future(_first(*(phone.expect(answer) for answer in ANSWERS)))
    sent = time.monotonic()
    await phone.click(send)
    try:
        return sent, await asyncio.wait_for(answered, timeout=30)
    except TimeoutError:
        return sent, None


def _listener(phone: SimClient, element_id: str, event: str) -> str:
    return next(e["listener_id"] for e in phone.elements[element_id]["events"] if e["type"] == event)


async def _first(*futures: asyncio.Future[float]) -> float:
    done, pending = await asyncio.wait(futures, return_when=asyncio.FIRST_COMPLETED)
    for future in pending:
        future.cancel()
    return next(iter(done)).result()


async def run(
    n: int,
    window: float,
    change: float,
    batch: int,
    port: int,
    seed: int,
    texts: int = 0,
    follow: bool = False,
    remote_every: int = 4,
) -> dict[str, Any]:
    rng = random.Random(seed)
    server = ServerProcess(port).start()
    try:
        async with httpx.AsyncClient(base_url=server.base_url) as http:
            created = (await http.post("/api/sessions", json={"plan": PLAN})).json()
        code, key = created["code"], created["host_key"]
        console = await host_console(server.base_url, code, key).open()
        await console.click(await console.wait_for_button(label="Démarrer la session"))
        await asyncio.sleep(0.5)
        await console.click(await console.wait_for_button(label="Point suivant"))
        screen = await Screen(server.base_url, f"/screen/{code}").open()

        phones: list[SimClient] = []
        for first in range(0, n, batch):
            size = min(batch, n - first)
            modes = [
                "remote" if remote_every and (first + i) % remote_every == 0 else "room" for i in range(size)
            ]
            phones += await asyncio.gather(
                *(join_phone(server.base_url, code, mode, follow=follow, kind=Counting) for mode in modes)
            )
        extra, writers = await writers_ready(server.base_url, batch) if texts else ([], [])
        await asyncio.sleep(settle(n + len(writers), 2))

        opened = await phase(phones, "dm-choice-a", await console_click(console, "Ouvrir le vote"))

        # every phone votes once within the window
        choices = [rng.choice(["a", "a", "b", "hesitant"]) for _ in phones]
        cpu_before = server.cpu_seconds()
        start = time.monotonic() + 0.2
        sending = asyncio.gather(
            *(
                write(writers[i % len(writers)], text, rng.uniform(0, window * 2), start)
                for i, text in enumerate(corpus_texts(texts))
            )
        )
        first_votes = await asyncio.gather(
            *(vote(p, c, rng.uniform(0, window), start) for p, c in zip(phones, choices, strict=True))
        )
        # some change their minds
        changers = rng.sample(range(n), int(n * change))
        new_choices = {
            i: rng.choice([c for c in ("a", "b", "hesitant") if c != choices[i]]) for i in changers
        }
        start = time.monotonic() + 0.2
        changes = await asyncio.gather(
            *(vote(phones[i], c, rng.uniform(0, window / 2), start) for i, c in new_choices.items())
        )
        written = await sending
        await asyncio.sleep(1)
        cpu_voting = server.cpu_seconds() - cpu_before
        for i, c in new_choices.items():
            choices[i] = c

        confirm = [(done - sent) * 1000 for sent, done in first_votes + changes if done is not None]
        unconfirmed = sum(done is None for _, done in first_votes + changes)
        ranked = sorted(sent for sent, _ in first_votes)
        to_screen = []
        for rank, sent in enumerate(ranked, start=1):
            shown = screen.first_at_least(rank)
            if shown is not None:
                to_screen.append((shown - sent) * 1000)
        # the same on the phones following the screen: every 20th phone, every 10th vote
        to_phones = []
        if follow:
            for phone in phones[::20]:
                assert isinstance(phone, Counting)
                for rank, sent in list(enumerate(ranked, start=1))[::10]:
                    shown = phone.first_at_least(rank)
                    to_phones.append((shown - sent) * 1000 if shown is not None else float("inf"))

        closed = await phase(phones, "Le tour est clos", await console_click(console, "Clore le tour"))
        # the result card (data-testid dm-result) is shown in place on every phone
        revealed = await phase(
            phones, "dm-result", await console_click(console, "Révéler sur les téléphones")
        )

        stored, distribution = stored_positions(server.data_dir / "cercle.db", code)
        sent_votes = len(first_votes) + len(changes)
        disconnected = sum(phone.disconnected for phone in phones)
        answered = [(done - sent) * 1000 for sent, done in written if done is not None]
        for client in [*phones, console, screen, *extra, *writers]:
            await client.close()
        return {
            "phones": n,
            "cores": os.cpu_count(),
            "window_s": window,
            "votes_sent": sent_votes,
            "votes_stored": stored,
            "distribution_sent": dict(Counter(choices)),
            "distribution_stored": dict(distribution),
            "no_vote_lost": stored == sent_votes and Counter(choices) == distribution,
            "screen_last_count": screen.counts[-1][1] if screen.counts else 0,
            "unconfirmed": unconfirmed,
            "confirmation_ms": {k: round(v, 1) for k, v in percentiles(confirm).items()},
            "vote_to_screen_ms": {k: round(v, 1) for k, v in percentiles(to_screen).items()},
            "vote_to_following_phones_ms": {k: round(v, 1) for k, v in percentiles(to_phones).items()},
            "follow": follow,
            "round_opened_to_every_phone_ms": opened,
            "round_closed_to_every_phone_ms": closed,
            "reveal_to_every_phone_ms": revealed,
            "server_cpu_seconds_while_voting": round(cpu_voting, 2),
            "voting_seconds": round(window * 1.5 + 1.4, 1),
            "disconnected": disconnected,
            "texts_sent": len(written),
            "texts_unanswered": sum(done is None for _, done in written),
            "text_answered_ms": {k: round(v, 1) for k, v in percentiles(answered).items()},
        }
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("n", type=int)
    parser.add_argument("--window", type=float, default=5.0, help="seconds within which every phone votes")
    parser.add_argument("--change", type=float, default=0.2, help="share of phones that change their vote")
    parser.add_argument("--batch", type=int, default=25)
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--texts",
        type=int,
        default=0,
        help="free texts sent meanwhile, within twice the window, by 30 phones of another session "
        "(half of them with personal data: each is checked off the event loop)",
    )
    parser.add_argument(
        "--follow", action="store_true", help="every phone also shows what the screen shows (its follow view)"
    )
    parser.add_argument(
        "--remote-every",
        type=int,
        default=4,
        help="one phone in so many joins as a remote attendee, who follows the screen from the start "
        "(0: every phone in the room, as before remote attendees could follow)",
    )
    add_json_option(parser)
    args = parser.parse_args()
    result = asyncio.run(
        run(
            args.n,
            args.window,
            args.change,
            args.batch,
            args.port,
            args.seed,
            args.texts,
            args.follow,
            args.remote_every,
        )
    )
    out = Path(__file__).resolve().parent / "results"
    suffix = (
        (f"-texts{args.texts}" if args.texts else "")
        + ("-follow" if args.follow else "")
        + (f"-remote{args.remote_every}" if args.remote_every != 4 else "")
    )
    results = out / f"vote_load-{args.n}{suffix}.json"  # or --json's file
    print(f"{result['phones']} phones, {result['cores']} cores, votes within {result['window_s']} s")
    print(f"{'':<34}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}")
    for name in (
        "confirmation_ms",
        "vote_to_screen_ms",
        "round_opened_to_every_phone_ms",
        "round_closed_to_every_phone_ms",
        "reveal_to_every_phone_ms",
        *(["text_answered_ms"] if args.texts else []),
        *(["vote_to_following_phones_ms"] if args.follow else []),
    ):
        row = result[name]
        print(f"{name:<34}{row['p50']:>10}{row['p95']:>10}{row['max']:>10}")
    print(
        f"votes sent {result['votes_sent']}, stored {result['votes_stored']}; "
        f"distribution sent {result['distribution_sent']} stored {result['distribution_stored']}; "
        f"no vote lost: {result['no_vote_lost']}; unconfirmed {result['unconfirmed']}"
    )
    print(
        f"server CPU while voting: {result['server_cpu_seconds_while_voting']} s; "
        f"disconnected phones: {result['disconnected']}"
    )
    if args.texts:
        print(f"texts sent {result['texts_sent']}, unanswered {result['texts_unanswered']}")
    n = result["phones"]
    checks = {
        "the round's opening reached every phone": reached(result["round_opened_to_every_phone_ms"], n),
        "every vote confirmed on its phone": result["unconfirmed"] == 0,
        "the screen counted every voter": result["screen_last_count"] == n,
        "votes stored = votes sent": result["no_vote_lost"],
        "the round's close reached every phone": reached(result["round_closed_to_every_phone_ms"], n),
        "the results reached every phone": reached(result["reveal_to_every_phone_ms"], n),
        "every text answered": result["texts_unanswered"] == 0 and result["texts_sent"] == args.texts,
        "no phone disconnected": result["disconnected"] == 0,
    }
    finish(result, checks, args.json or results)


if __name__ == "__main__":
    main()
