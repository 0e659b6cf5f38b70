"""Moves Cercle to another NiceGUI and says plainly what broke.

Usage: make nicegui-upgrade [VERSION=3.19.0]
       python scripts/nicegui_upgrade.py [VERSION]     (default: the newest release on the index)

NiceGUI is pinned exactly (pyproject.toml): Cercle replaces some of its functions
(facilitation/ui/runtime.py), patches its page template by text (page_template.py), serves
builds made from its files (assets/, see "Generated assets" in README.md) and wraps its socket.io
handlers (guard.py). This script
1. pins `nicegui==VERSION` in pyproject.toml, relocks (`uv lock --upgrade-package nicegui`) and
   installs the lock into .venv (with the test tools);
2. makes the three builds again: scripts/make_quasar_subset.py, make_vue_runtime.py (both need
   npm and its registry) and make_utilities_css.py (Chromium);
3. runs the tests that depend on NiceGUI: those marked `nicegui` (the patches' tests, the guard's,
   and every test that uses NiceGUI's `user` fixture) and the browser tests;
4. says which change to NiceGUI was left out (and why), which socket.io handler is unguarded,
   which build could not be made and which tests failed. Nothing is committed: review the diff,
   or go back with `git checkout pyproject.toml uv.lock assets/ && make .venv/.installed-test`.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.request
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"
VENV = ROOT / ".venv"
PYTHON = VENV / "bin" / "python"
UV = ROOT / ".tools" / "bin" / "uv"
INDEX = "https://pypi.org/simple"
BUILDS = ("make_quasar_subset.py", "make_vue_runtime.py", "make_utilities_css.py")
TESTS = ("-m", "(nicegui or browser) and not cluster", "-o", "junit_family=xunit1")  # xunit1: properties
# What tests/unit/test_nicegui_fence.py records for this script (JUnit XML properties, JSON lists)
SKIPPED = "nicegui_patches_skipped"
UNGUARDED = "nicegui_handlers_unguarded"

PIN = re.compile(r'"nicegui==([^"\s;]+)"')
RELEASE = re.compile(r"^\d+(\.\d+)*$")  # final releases only: no a1, rc1, dev or post


def pinned(pyproject: str) -> str:
    """The NiceGUI version pyproject.toml pins."""
    found = PIN.findall(pyproject)
    if len(found) != 1:
        raise ValueError(f'pyproject.toml must pin NiceGUI once ("nicegui==X.Y.Z"), found {len(found)}')
    return found[0]


def bump_pin(pyproject: str, version: str) -> str:
    """pyproject.toml's text with NiceGUI pinned to `version`, nothing else changed."""
    if not RELEASE.match(version):
        raise ValueError(f"{version!r} is not a release number (such as 3.19.0)")
    pinned(pyproject)
    return PIN.sub(f'"nicegui=={version}"', pyproject)


def newest(versions: list[str]) -> str:
    """The highest final release among an index's version strings."""
    releases = [v for v in versions if RELEASE.match(v)]
    if not releases:
        raise ValueError("the index lists no release of nicegui")
    return max(releases, key=lambda v: tuple(int(part) for part in v.split(".")))


def index_versions(index: str = INDEX) -> list[str]:
    """NiceGUI's versions on a package index (its JSON simple API, PEP 691 and 700)."""
    request = urllib.request.Request(
        f"{index.rstrip('/')}/nicegui/", headers={"Accept": "application/vnd.pypi.simple.v1+json"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return list(json.load(response)["versions"])


@dataclass
class Outcome:
    """What happened, for the report."""

    old: str
    new: str
    failed_steps: list[str] = field(default_factory=list)  # "step: what it said"
    skipped: list[str] = field(default_factory=list)  # "patch: why"
    unguarded: list[str] = field(default_factory=list)  # "namespace event"
    failed_tests: list[str] = field(default_factory=list)  # "test id: first line of the failure"
    tests_run: int = 0


def read_results(junit_xml: str, outcome: Outcome) -> None:
    """The tests' results (pytest's --junitxml) into `outcome`."""
    root = ElementTree.fromstring(junit_xml)
    for case in root.iter("testcase"):
        outcome.tests_run += 1
        for prop in case.iter("property"):
            values = json.loads(prop.get("value") or "[]")
            if prop.get("name") == SKIPPED:
                outcome.skipped += [v for v in values if v not in outcome.skipped]
            elif prop.get("name") == UNGUARDED:
                outcome.unguarded += [v for v in values if v not in outcome.unguarded]
        problem = case.find("failure")
        if problem is None:
            problem = case.find("error")
        if problem is not None:
            message = (problem.get("message") or problem.text or "").strip().splitlines()
            test = f"{case.get('classname')}::{case.get('name')}"
            outcome.failed_tests.append(f"{test}: {message[0] if message else problem.tag}")


def report(outcome: Outcome) -> str:
    """What broke, plainly; empty sections left out."""
    lines = [f"NiceGUI {outcome.old} -> {outcome.new}"]
    if outcome.failed_steps:
        lines.append("Steps that failed:")
        lines += [f"  - {step}" for step in outcome.failed_steps]
    if outcome.skipped:
        lines.append("Changes to NiceGUI left out (their anchor is gone; see facilitation/ui/patches.py):")
        lines += [f"  - {patch}" for patch in outcome.skipped]
    if outcome.unguarded:
        lines.append("socket.io handlers neither wrapped nor declared safe (facilitation/ui/guard.py):")
        lines += [f"  - {name}" for name in outcome.unguarded]
    if outcome.failed_tests:
        lines.append(f"Tests failed ({len(outcome.failed_tests)} of {outcome.tests_run}):")
        lines += [f"  - {test}" for test in outcome.failed_tests]
    if outcome.tests_run == 0 and not outcome.failed_steps:
        lines.append("No test ran.")
    if broken(outcome):
        lines.append(
            "Nothing is committed. Fix what is listed, or go back: "
            "git checkout pyproject.toml uv.lock assets/ && make .venv/.installed-test"
        )
    else:
        lines.append(
            f"Every NiceGUI-dependent test passed ({outcome.tests_run}): review the diff and commit."
        )
    return "\n".join(lines)


def broken(outcome: Outcome) -> bool:
    return bool(
        outcome.failed_steps
        or outcome.skipped
        or outcome.unguarded
        or outcome.failed_tests
        or not outcome.tests_run
    )


def run(step: str, command: list[str | os.PathLike[str]], outcome: Outcome) -> bool:
    """Run one step (its output shown as it goes); a failure is noted for the report."""
    print(f"\n== {step}: {' '.join(str(part) for part in command)}", flush=True)
    env = {**os.environ, "UV_PROJECT_ENVIRONMENT": str(VENV), "UV_PYTHON_DOWNLOADS": "never"}
    result = subprocess.run(command, cwd=ROOT, env=env, check=False)
    if result.returncode != 0:
        outcome.failed_steps.append(f"{step}: exit status {result.returncode} (its output is above)")
    return result.returncode == 0


def upgrade(version: str | None) -> Outcome:
    text = PYPROJECT.read_text(encoding="utf-8")
    old = pinned(text)
    new = version or newest(index_versions(os.environ.get("UV_DEFAULT_INDEX") or INDEX))
    outcome = Outcome(old, new)
    PYPROJECT.write_text(bump_pin(text, new), encoding="utf-8")
    print(f"pyproject.toml: nicegui=={old} -> nicegui=={new}", flush=True)
    if not run("lock", [UV, "lock", "--upgrade-package", "nicegui"], outcome):
        PYPROJECT.write_text(text, encoding="utf-8")  # nothing else changed yet
        outcome.failed_steps.append(f"pyproject.toml put back to nicegui=={old}")
        return outcome
    python = sys.executable if not PYTHON.exists() else str(PYTHON)
    if not run("install", [UV, "sync", "--locked", "--extra", "test", "--python", python], outcome):
        return outcome
    for stamp in (".installed", ".installed-test"):  # what make checks before installing again
        (VENV / stamp).touch()
    for script in BUILDS:
        run(f"build {script}", [PYTHON, ROOT / "scripts" / script], outcome)
    with tempfile.TemporaryDirectory() as folder:
        results = Path(folder) / "results.xml"
        passed = run("tests", [PYTHON, "-m", "pytest", "-q", *TESTS, f"--junitxml={results}"], outcome)
        if results.is_file():
            read_results(results.read_text(encoding="utf-8"), outcome)
            if not passed and outcome.failed_tests:
                outcome.failed_steps.pop()  # the failures are listed one by one
    return outcome


def main(argv: list[str]) -> int:
    if len(argv) > 1 or (argv and argv[0].startswith("-")):
        print(__doc__)
        return 2
    try:
        outcome = upgrade(argv[0] if argv else None)
    except (ValueError, OSError) as exc:
        print(f"nicegui-upgrade: {exc}", file=sys.stderr)
        return 1
    print("\n" + report(outcome))
    return 1 if broken(outcome) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
