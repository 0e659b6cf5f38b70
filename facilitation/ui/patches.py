"""Which of Cercle's changes to NiceGUI's internals are in place, and why not when one is not.

NiceGUI is pinned exactly (pyproject.toml) because the code changes its internals: functions
replaced for speed (runtime.py), its page template patched by text (page_template.py), its
socket.io handlers wrapped (guard.py). Each change checks, as it is installed, that what it
replaces is still there as it was written for (its anchor); when it is not, the change is left
out, NiceGUI's own behaviour stays, and the change is reported here as skipped with the reason.
`/healthz` lists them (`nicegui.patches`); `make nicegui-upgrade` runs the tests that fail on a
skipped one (scripts/nicegui_upgrade.py).
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass

import nicegui

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Patch:
    """One change to NiceGUI: `area.name` (e.g. `page_template.early_socket`), whether it is in
    place, and why (what it does, or which anchor was missing)."""

    name: str
    applied: bool
    why: str


_patches: dict[str, Patch] = {}


def report(name: str, applied: bool, why: str) -> Patch:
    """Record the outcome of installing one change (again: the last outcome counts)."""
    patch = Patch(name, applied, why)
    previous = _patches.get(name)
    _patches[name] = patch
    if not applied and previous != patch:
        log.warning("NiceGUI %s: change %r left out: %s", nicegui.__version__, name, why)
    return patch


def patches() -> list[Patch]:
    """Every change recorded so far, by name."""
    return [_patches[name] for name in sorted(_patches)]


def skipped() -> list[Patch]:
    return [patch for patch in patches() if not patch.applied]


def status() -> dict[str, object]:
    """For `/healthz`: NiceGUI's version and each change to it."""
    return {
        "version": nicegui.__version__,
        "patches": [asdict(patch) for patch in patches()],
        "skipped": len(skipped()),
    }
