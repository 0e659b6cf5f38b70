"""What one command costs the process that decides it, on each log, without any page or socket.

Usage: python bench/log_cost.py [--votes 2000] [--logs sqlite,postgres] [--json PATH]

A débat mouvant with as many participants as votes; each participant votes once through
`Room.run_now` (the whole write path: role, decide, fold, append, publish). Measured per vote
(wall time in the deciding process, p50/p95/max, and CPU): on SQLite (synchronous=FULL, the
default), on PostgreSQL (durable: fsync and synchronous commits) from one process, and from two
processes' replicas taking turns (each command first catches up the other's last vote under the
session's lock). Also: a replica's catch-up of one event, as after an announcement. PostgreSQL
is started here (deploy/cluster.py), on loopback; `--logs sqlite` leaves it out. Checked (exit
status 1 otherwise, see bench/outcome.py): on each log, the votes stored = the votes sent.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from activities import register_all  # noqa: E402
from activities.debat_mouvant import state as debat  # noqa: E402
from bench.outcome import add_json_option, finish  # noqa: E402
from bench.phones import percentiles  # noqa: E402
from deploy.cluster import Postgres  # noqa: E402
from facilitation import session as rules  # noqa: E402
from facilitation.activity import REGISTRY  # noqa: E402
from facilitation.bus import LocalBus  # noqa: E402
from facilitation.commands import HOST, Actor  # noqa: E402
from facilitation.room import Room  # noqa: E402
from facilitation.rooms import Rooms  # noqa: E402
from facilitation.store import SqliteStore, Store  # noqa: E402
from facilitation.store.postgres import PostgresStore  # noqa: E402

PLAN = "open-detat-2018-03-12"
VOTE = "debat_mouvant.position_taken"
LOGS = ("sqlite", "postgres")
RUNS = {  # what each log's figures are called
    "sqlite": ("sqlite_full",),
    "postgres": (
        "postgres_one_process",
        "postgres_one_process_synchronous_normal",
        "postgres_two_processes_taking_turns",
        "postgres_catch_up_one_event",
    ),
}


def prepared(rooms: Rooms, voters: int) -> Room:
    room, _ = rooms.create(plan=PLAN)
    for i in range(voters):
        room.run_now(Actor.participant(f"p{i:05d}"), rules.join, None, "room")
    room.run_now(HOST, rules.start)
    room.run_now(HOST, rules.move_to, 1)
    room.run_now(HOST, debat.open_round, 0, item=1)
    return room


def timed(rooms_by_turn: list[Room], voters: int) -> dict[str, Any]:
    """Each participant votes once, through the rooms in turn; the votes stored are counted after."""
    wall: list[float] = []
    cpu_start = time.process_time()
    for i in range(voters):
        room = rooms_by_turn[i % len(rooms_by_turn)]
        started = time.perf_counter()
        room.run_now(Actor.participant(f"p{i:05d}"), debat.take_position, 0, 1, "ab"[i % 2], item=1)
        wall.append((time.perf_counter() - started) * 1000)
    cpu = (time.process_time() - cpu_start) / voters * 1000
    first = rooms_by_turn[0]
    return {
        **{k: round(v, 3) for k, v in percentiles(wall).items()},
        "cpu_ms_per_vote": round(cpu, 3),
        "votes_sent": voters,
        "votes_stored": first.store.count_events(first.code, VOTE),
    }


def catch_up_cost(writer: Room, reader: Room, n: int) -> dict[str, Any]:
    """A replica catching up one event at a time (the writer votes, the reader catches up); then
    whether the reader holds every vote the writer stored."""
    wall: list[float] = []
    for i in range(n):
        writer.run_now(Actor.participant(f"p{i:05d}"), debat.take_position, 0, 1, "b", item=1)
        started = time.perf_counter()
        reader.catch_up()
        wall.append((time.perf_counter() - started) * 1000)
    return {
        **{k: round(v, 3) for k, v in percentiles(wall).items()},
        "votes_sent": n,
        "votes_stored": writer.store.count_events(writer.code, VOTE),
        "reader_caught_up": reader.state == writer.state,
    }


def run(votes: int, logs: tuple[str, ...] = LOGS) -> dict[str, Any]:
    register_all(REGISTRY)
    result: dict[str, Any] = {"votes": votes, "cores": os.cpu_count()}
    if "sqlite" in logs:
        with tempfile.TemporaryDirectory() as tmp:
            store: Store = SqliteStore(Path(tmp) / "c.db")
            result["sqlite_full"] = timed([prepared(Rooms(store, LocalBus()), votes)], votes)
    if "postgres" not in logs:
        return result
    postgres = Postgres(durable=True).start()
    try:
        one = Rooms(PostgresStore(postgres.url), LocalBus())
        result["postgres_one_process"] = timed([prepared(one, votes)], votes)
        normal = Rooms(PostgresStore(postgres.url, synchronous="normal"), LocalBus())
        result["postgres_one_process_synchronous_normal"] = timed([prepared(normal, votes)], votes)
        a = Rooms(PostgresStore(postgres.url), LocalBus())
        b = Rooms(PostgresStore(postgres.url), LocalBus())
        room_a = prepared(a, votes)
        room_b = b.get(room_a.code)
        assert room_b is not None
        result["postgres_two_processes_taking_turns"] = timed([room_a, room_b], votes)
        room_c = prepared(a, votes)
        room_d = b.get(room_c.code)
        assert room_d is not None
        result["postgres_catch_up_one_event"] = catch_up_cost(room_c, room_d, min(votes, 500))
    finally:
        postgres.stop()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--votes", type=int, default=2000)
    parser.add_argument(
        "--logs",
        default=",".join(LOGS),
        help="the logs measured, among sqlite and postgres (comma-separated)",
    )
    add_json_option(parser)
    args = parser.parse_args()
    logs = tuple(args.logs.split(","))
    if not set(logs) <= set(LOGS):
        parser.error(f"--logs: among {', '.join(LOGS)}")
    result = run(args.votes, logs)
    out = Path(__file__).resolve().parent / "results"
    results = out / "log_cost.json"  # or --json's file
    print(json.dumps(result, indent=2))
    runs = {name: row for name, row in result.items() if isinstance(row, dict)}
    checks = {
        f"{name}: votes stored = votes sent": row["votes_stored"] == row["votes_sent"]
        for name, row in runs.items()
    }
    if "postgres_catch_up_one_event" in runs:
        checks["the replica caught up every vote"] = runs["postgres_catch_up_one_event"]["reader_caught_up"]
    checks["every log measured"] = set(runs) == {name for log in logs for name in RUNS[log]}
    finish(result, checks, args.json or results)


if __name__ == "__main__":
    main()
