"""Tests that keep the docs and the architecture honest."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from facilitation import feedback, session
from facilitation.events import decode, encode
from facilitation.settings import build_parser

ROOT = Path(__file__).resolve().parent.parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def python_files(*folders: str) -> list[Path]:
    return [p for folder in folders for p in (ROOT / folder).rglob("*.py")]


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module if node.level == 0 else "." * node.level + node.module)
    return names


def test_every_flag_is_in_the_readme() -> None:
    for action in build_parser()._actions:
        for flag in action.option_strings:
            if flag.startswith("--") and flag != "--help":
                assert f"`{flag}`" in README, f"{flag} is not documented in README.md"


def test_every_environment_variable_is_in_the_readme() -> None:
    source = "\n".join(
        p.read_text(encoding="utf-8") for p in python_files("facilitation") + [ROOT / "main.py"]
    )
    for variable in set(re.findall(r"CERCLE_[A-Z_]+", source)):
        assert f"`{variable}`" in README, f"{variable} is not documented in README.md"


def test_readme_opens_with_the_two_commands() -> None:
    first_block = README.split("```")[1]
    assert "make run" in first_block and "make test" in first_block


def test_only_views_and_the_shared_ui_import_nicegui() -> None:
    allowed = {"views.py", "main.py"}
    for path in python_files("facilitation", "activities") + [ROOT / "main.py"]:
        uses = any(name == "nicegui" or name.startswith("nicegui.") for name in imports_of(path))
        if uses:
            relative = path.relative_to(ROOT)
            assert (
                path.name in allowed
                or relative.parts[:2] == ("facilitation", "ui")
                or path.name.startswith("views")
            ), f"{relative} imports NiceGUI: keep the UI in views or facilitation/ui"


def test_the_core_never_imports_an_activity() -> None:
    for path in python_files("facilitation"):
        for name in imports_of(path):
            assert not name.startswith("activities"), f"{path.relative_to(ROOT)} imports {name}"


def test_state_modules_do_not_import_views() -> None:
    for path in (ROOT / "activities").rglob("state*.py"):
        assert not any("views" in name for name in imports_of(path)), path


CORE_EVENTS = [
    session.SessionCreated(
        code="ABCDEF", title="Forum", agenda=[session.AgendaItem(title="Débat", kind="debat_mouvant")], at=1.0
    ),
    session.SessionStarted(at=2.0),
    session.AgendaMoved(index=0, at=3.0),
    session.SessionClosed(at=4.0),
    session.ParticipantJoined(token="t", category="woman", mode="remote", at=5.0),
    session.ParticipantUpdated(token="t", category=None, mode="room"),
    session.SessionUnlinked(at=6.0),
    session.SessionPurged(at=7.0),
    feedback.CommentPosted(id=1, text="Merci", at=8.0),
    feedback.CommentModerated(id=1, hidden=True, reason="hors sujet", at=9.0),
    feedback.TextModerated(item=0, text_id="1.1", action="edit", reason="", place="Énoncé 1", at=10.0),
    feedback.PublicationChosen(publish=True, at=11.0),
]


@pytest.mark.parametrize("event", CORE_EVENTS, ids=lambda e: e.type)
def test_core_events_round_trip_through_json(event) -> None:
    assert decode(*encode(event)) == event
    assert event.__doc__, f"{event.type} has no docstring"
