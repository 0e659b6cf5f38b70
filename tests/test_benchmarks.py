"""Every benchmark under bench/ runs here at a tiny size, as a developer runs it (its own process,
its own server, real socket.io phones, Chromium, PostgreSQL, Redis and HAProxy where it uses
them), and its run must hold: every phone reached, none disconnected, what was stored equal to
what was sent (each script's checks, bench/outcome.py). A benchmark that stops working fails here
instead of on the day someone measures with it.

The benchmarks' servers keep their log in SQLite files of their own (vote_load and dots_load read
them): the SQLite pass runs them; the PostgreSQL pass runs log_cost on PostgreSQL and the cluster.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bench.slow_link import CHROMIUM, free_port
from tests.backends import Backend

ROOT = Path(__file__).resolve().parent.parent
PHONES = "10"  # phones per load benchmark: seconds, not minutes

pytestmark = pytest.mark.timeout(600)  # a tiny run on a busy machine's two cores; the cluster's included


def bench(script: str, *args: str, tmp_path: Path) -> dict[str, Any]:
    """Run `bench/{script}.py args --json …` and return what it wrote; the script must end well
    (its checks held: exit status 0)."""
    path = tmp_path / f"{script}.json"
    # the benchmark starts its servers as a developer would: none of the test run's settings, and
    # not under NiceGUI's test harness (tests/server.py drops the same variables)
    harness = ("NICEGUI_USER_SIMULATION", "PYTEST_CURRENT_TEST", "NICEGUI_SCREEN_TEST_PORT")
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("CERCLE_") and key not in harness
    }
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / f"{script}.py"), *args, "--json", str(path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=540,
    )
    assert done.returncode == 0, f"{script} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    result: dict[str, Any] = json.loads(path.read_text())
    assert result["ok"] and all(result["checks"].values()), result["checks"]
    return result


def sqlite_pass(backend: Backend) -> None:
    if backend.name != "sqlite":
        pytest.skip("the benchmark's server logs to SQLite files of its own: the SQLite pass runs it")


def test_join_load_reaches_every_phone(backend: Backend, tmp_path: Path) -> None:
    sqlite_pass(backend)
    result = bench("join_load", PHONES, "--batch", "5", "--port", str(free_port()), tmp_path=tmp_path)
    assert result["participants_counted"] == 10
    assert [move["reached"] for move in result["moves_ms"]] == [10, 10, 10]  # the titles, read in French
    assert [move["view_ready"] for move in result["moves_ms"]] == [10, 10, 10]
    assert result["disconnected"] == 0


def test_join_load_with_every_phone_following_the_screen(backend: Backend, tmp_path: Path) -> None:
    sqlite_pass(backend)
    result = bench("join_load", PHONES, "--follow", "--port", str(free_port()), tmp_path=tmp_path)
    assert result["follow"] is True
    assert [move["view_ready"] for move in result["moves_ms"]] == [10, 10, 10]  # follow views included


def test_vote_load_stores_every_vote(backend: Backend, tmp_path: Path) -> None:
    sqlite_pass(backend)
    result = bench("vote_load", PHONES, "--window", "1", "--port", str(free_port()), tmp_path=tmp_path)
    assert result["votes_sent"] == result["votes_stored"] == 12  # 10 votes, 2 changed
    assert result["distribution_sent"] == result["distribution_stored"]
    assert result["screen_last_count"] == 10
    assert result["unconfirmed"] == result["disconnected"] == 0


def test_dots_load_stores_every_dot(backend: Backend, tmp_path: Path) -> None:
    sqlite_pass(backend)
    result = bench("dots_load", PHONES, "--window", "1", "--port", str(free_port()), tmp_path=tmp_path)
    assert result["dot_commands_sent"] == result["dot_events_stored"] == 10 * 3 + 2 * 2  # 2 dots moved
    assert result["dots_sent_by_idea"] == result["dots_stored_by_idea"]
    assert sum(result["dots_stored_by_idea"].values()) == result["screen_last_total"] == 30
    assert result["unconfirmed"] == result["disconnected"] == 0


def test_log_cost_stores_every_vote(backend: Backend, tmp_path: Path) -> None:
    """SQLite in the SQLite pass; PostgreSQL (its own cluster, one and two processes) in the other."""
    logs = "sqlite" if backend.name == "sqlite" else "postgres"
    result = bench("log_cost", "--votes", "20", "--logs", logs, tmp_path=tmp_path)
    runs = {name: row for name, row in result.items() if isinstance(row, dict) and "votes_sent" in row}
    assert runs and all(row["votes_stored"] == row["votes_sent"] == 20 for row in runs.values())
    assert all(name.startswith(logs) for name in runs)


def test_detector_speed_checks_every_text(backend: Backend, tmp_path: Path) -> None:
    sqlite_pass(backend)
    result = bench(
        "detector_speed",
        "--texts",
        "6",
        "--seconds",
        "1",
        "--rounds",
        "1",
        "--modes",
        "thread",
        tmp_path=tmp_path,
    )
    assert result["runs"] and all(run["complete"] == run["n"] == 6 for run in result["runs"])
    assert result["cost"]["import"]["spacy_imported"] is False  # a server that checks nothing never loads it


@pytest.mark.cluster
def test_cluster_load_loses_no_vote_when_a_process_dies(tmp_path: Path) -> None:
    result = bench("cluster_load", "12", "--window", "2", "--batch", "12", tmp_path=tmp_path)
    assert result["phones_per_process"] == {"c1": 4, "c2": 4, "c3": 4}
    killed = result["round_2_one_process_killed"]
    assert killed["stored"] == killed["votes_sent"] == 12 and killed["stored_twice"] == 0
    assert result["phones_back_showing_their_final_vote"] == 12


@pytest.mark.browser
def test_slow_link_reaches_a_clickable_charter(backend: Backend, tmp_path: Path) -> None:
    sqlite_pass(backend)
    assert Path(CHROMIUM).exists()
    result = bench(
        "slow_link", "--runs", "1", "--latency", "20", "--kbps", "2000", "--cpu", "1", tmp_path=tmp_path
    )
    first, second = result["summary"]["first"], result["summary"]["second"]
    assert 0 < first["visible"] <= first["clickable"]
    assert second["requests"] < first["requests"]


@pytest.mark.browser
def test_screenshots_shoot_every_state(backend: Backend, tmp_path: Path) -> None:
    sqlite_pass(backend)
    result = bench("screenshots", str(tmp_path / "shots"), tmp_path=tmp_path)
    assert len(result["shots"]) == 14 and not result["not_drawn"]
    assert all((tmp_path / "shots" / f"{shot}.png").stat().st_size > 0 for shot in result["shots"])
