"""`make nicegui-upgrade` without the network: the pin it rewrites, the version it picks, and the
report it reads from the tests' results."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scripts import nicegui_upgrade as upgrade

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def test_the_pin_is_rewritten_and_nothing_else() -> None:
    text = PYPROJECT.read_text(encoding="utf-8")
    old = upgrade.pinned(text)
    bumped = upgrade.bump_pin(text, "3.19.2")
    assert upgrade.pinned(bumped) == "3.19.2"
    assert bumped.replace('"nicegui==3.19.2"', f'"nicegui=={old}"') == text
    assert upgrade.bump_pin(bumped, old) == text


@pytest.mark.parametrize(
    ("text", "version"),
    [
        ('dependencies = ["nicegui>=3.18"]', "3.19.0"),  # not pinned
        ('dependencies = ["nicegui==3.18.0", "nicegui==3.17.0"]', "3.19.0"),  # twice
        ('dependencies = ["nicegui==3.18.0"]', "3.19.0rc1"),  # not a release
        ('dependencies = ["nicegui==3.18.0"]', "3.19; rm -rf"),
    ],
)
def test_a_pin_that_cannot_be_rewritten_is_refused(text: str, version: str) -> None:
    with pytest.raises(ValueError):
        upgrade.bump_pin(text, version)


def test_the_newest_release_is_picked_by_number() -> None:
    assert upgrade.newest(["3.9.0", "3.18.0", "3.10.1", "4.0.0rc1", "3.19.0.dev2", "1.4.29"]) == "3.18.0"
    with pytest.raises(ValueError):
        upgrade.newest(["4.0.0a1"])


def results(*cases: str) -> str:
    return (
        f'<testsuites><testsuite name="pytest" tests="{len(cases)}">{"".join(cases)}</testsuite></testsuites>'
    )


def case(name: str, inside: str = "", module: str = "tests.unit.test_nicegui_fence") -> str:
    return f'<testcase classname="{module}" name="{name}" time="0.1">{inside}</testcase>'


def prop(name: str, values: list[str]) -> str:
    value = json.dumps(values).replace('"', "&quot;")
    return f'<properties><property name="{name}" value="{value}" /></properties>'


def test_the_report_names_the_skipped_patch_the_unguarded_handler_and_the_failed_tests() -> None:
    outcome = upgrade.Outcome("3.18.0", "3.19.0")
    outcome.failed_steps.append("build make_vue_runtime.py: exit status 1 (its output is above)")
    xml = results(
        case(
            "test_healthz_lists_every_patch_applied_on_the_pinned_nicegui",
            prop(upgrade.SKIPPED, ["page_template.early_socket: NiceGUI's index.html lacks x"])
            + '<failure message="AssertionError: patches skipped on NiceGUI 3.19.0&#10;more">tb</failure>',
        ),
        case(
            "test_every_socketio_handler_nicegui_registers_is_guarded_or_safe",
            prop(upgrade.UNGUARDED, ["/ upload"])
            + '<failure message="AssertionError: unguarded">tb</failure>',
        ),
        case("test_pages", '<error message="fixture failed">tb</error>', module="tests.ui.test_api"),
        case("test_fine", prop(upgrade.UNGUARDED, [])),
    )
    upgrade.read_results(xml, outcome)
    assert outcome.tests_run == 4
    assert outcome.skipped == ["page_template.early_socket: NiceGUI's index.html lacks x"]
    assert outcome.unguarded == ["/ upload"]
    assert outcome.failed_tests == [
        "tests.unit.test_nicegui_fence::test_healthz_lists_every_patch_applied_on_the_pinned_nicegui: "
        "AssertionError: patches skipped on NiceGUI 3.19.0",
        "tests.unit.test_nicegui_fence::test_every_socketio_handler_nicegui_registers_is_guarded_or_safe: "
        "AssertionError: unguarded",
        "tests.ui.test_api::test_pages: fixture failed",
    ]
    text = upgrade.report(outcome)
    assert text.startswith("NiceGUI 3.18.0 -> 3.19.0\n")
    for part in (
        "build make_vue_runtime.py: exit status 1",
        "  - page_template.early_socket: NiceGUI's index.html lacks x",
        "  - / upload",
        "Tests failed (3 of 4):",
        "  - tests.ui.test_api::test_pages: fixture failed",
        "git checkout pyproject.toml uv.lock assets/",
    ):
        assert part in text
    assert upgrade.broken(outcome)


def test_the_report_says_so_when_everything_passed() -> None:
    outcome = upgrade.Outcome("3.18.0", "3.19.0")
    upgrade.read_results(results(case("test_a", prop(upgrade.SKIPPED, [])), case("test_b")), outcome)
    assert not upgrade.broken(outcome)
    assert upgrade.report(outcome).endswith(
        "Every NiceGUI-dependent test passed (2): review the diff and commit."
    )
    assert upgrade.broken(upgrade.Outcome("3.18.0", "3.19.0"))  # no test ran: not a success


def test_the_make_target_runs_the_script() -> None:
    makefile = (PYPROJECT.parent / "Makefile").read_text(encoding="utf-8")
    assert "\nnicegui-upgrade: " in makefile and "scripts/nicegui_upgrade.py $(VERSION)" in makefile


def test_a_lock_that_fails_puts_the_pin_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(PYPROJECT.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(upgrade, "PYPROJECT", pyproject)
    monkeypatch.setattr(upgrade, "ROOT", tmp_path)
    monkeypatch.setattr(upgrade, "UV", Path("/bin/false"))  # a lock that cannot be made (no index)
    outcome = upgrade.upgrade("3.19.0")
    assert outcome.failed_steps == [
        "lock: exit status 1 (its output is above)",
        f"pyproject.toml put back to nicegui=={outcome.old}",
    ]
    assert pyproject.read_text(encoding="utf-8") == PYPROJECT.read_text(encoding="utf-8")
    assert "Steps that failed:" in upgrade.report(outcome) and upgrade.broken(outcome)
