"""The restart benchmark at a tiny size (bench/restart_load.py): ten phones in a live débat
mouvant, the server killed (SIGKILL) and started again on the same data. Every phone comes back
by itself, as its page would, with its identity (joined, not the charter) and the current
item's view; and it reconnects at the pace the page asks for, not socket.io's slower default."""

from __future__ import annotations

import asyncio
import os

import pytest

from bench import restart_load
from tests.server import free_port

pytestmark = pytest.mark.slow


def test_phones_come_back_after_a_restart() -> None:
    affinity = os.sched_getaffinity(0)  # the benchmark pins this process to the phones' core
    try:
        result = asyncio.run(restart_load.run(10, batch=10, port=free_port(), timeout=120))
    finally:
        os.sched_setaffinity(0, affinity)
    assert result["lost"] == 0 and result["errors"] == [], result
    assert result["back"] == 10
    # each phone was refused its old page by the new process and loaded it again
    assert result["reloaded"] + result["resumed_without_reload"] >= 10
    assert result["reconnection"] == {
        "reconnectionDelay": 300.0,
        "reconnectionDelayMax": 1500.0,
        "randomizationFactor": 0.5,
    }
    assert result["restart_seconds"] > 0 and result["since_kill"]["max"] >= result["down_seconds"]
