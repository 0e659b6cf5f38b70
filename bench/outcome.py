"""What a benchmark's run must show to count, checked: every phone reached, none disconnected,
what was stored equal to what was sent (each script names its own checks on its own figures).

A script adds `--json PATH` (`add_json_option`), and ends with `finish(result, checks, path)`: the
result gains `checks` (each check's name and whether it held) and `ok`, is written to PATH (given
with --json, or the script's own file under bench/results/), and the process exits with status 1
when a check failed, naming it on stderr. The tests
(tests/test_benchmarks.py) run every script this way at a tiny size.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def add_json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--json",
        type=Path,
        help="write the figures and the checks (every phone reached, 0 disconnected, stored = sent) "
        "to this file (instead of the script's own under bench/results/, if it has one); the exit "
        "status is 1 when a check failed",
    )


def reached(stats: dict[str, Any], n: int) -> bool:
    """Whether a phase timed on `n` phones (`{"reached", "missed", ...}`) reached all of them."""
    return stats.get("reached") == n and not stats.get("missed")


def finish(result: dict[str, Any], checks: dict[str, bool], path: Path | None) -> None:
    """Record the checks in `result`, write it to `path` (if any), and exit with status 1 when a
    check failed."""
    result["checks"] = {name: bool(held) for name, held in checks.items()}
    result["ok"] = all(result["checks"].values())
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(result, indent=2, ensure_ascii=False))
    failed = [name for name, held in result["checks"].items() if not held]
    if failed:
        print(f"checks failed: {', '.join(failed)}", file=sys.stderr)
        sys.exit(1)
