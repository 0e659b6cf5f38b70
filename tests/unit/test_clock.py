"""The shared browser clock: what the server draws before the first tick, and the script."""

from __future__ import annotations

import re

import pytest

from facilitation.ui import clock


def attributes(html: str) -> dict[str, str]:
    return dict(re.findall(r'([\w-]+)="([^"]*)"', html))


def text(html: str) -> str:
    return re.fullmatch(r"<span [^>]*>(.*)</span>", html).group(1)


@pytest.mark.parametrize(
    ("seconds", "up", "down"),
    [
        (0, "0:00", "0:00"),
        (0.2, "0:01", "0:00"),
        (59.9, "1:00", "0:59"),
        (61, "1:01", "1:01"),
        (-3, "0:00", "0:00"),
    ],
)
def test_a_countdown_rounds_up_and_elapsed_time_rounds_down(seconds, up, down) -> None:
    assert clock.mmss(seconds, round_up=True) == up
    assert clock.mmss(seconds, round_up=False) == down


def test_a_running_countdown_carries_its_end_and_its_warning() -> None:
    html = clock.countdown_html(
        ends_at=1000.5,
        remaining=42.3,
        classes="wc-clock wc-clock-screen",
        testid="wc-clock",
        warn_within=60,
        warn_class="wc-warning",
        data={"chime": "1"},
    )
    found = attributes(html)
    assert found["data-clock"] == "countdown"
    assert found["data-end"] == "1000500"
    assert "data-remaining" not in found
    assert found["data-warn-within"] == "60" and found["data-warn-class"] == "wc-warning"
    assert found["data-chime"] == "1"
    assert found["class"] == "wc-clock wc-clock-screen wc-warning"  # 42 s left: already warned
    assert text(html) == "0:43"


def test_a_paused_countdown_carries_the_seconds_left_and_no_warning_unless_asked() -> None:
    html = clock.countdown_html(ends_at=None, remaining=300, classes="c", testid="t")
    found = attributes(html)
    assert found["data-remaining"] == "300.0" and "data-end" not in found
    assert "data-warn-class" not in found and found["class"] == "c"
    assert text(html) == "5:00"


@pytest.mark.parametrize(("elapsed", "mark"), [(10, ""), (95, "st-warn"), (120, "st-over"), (200, "st-over")])
def test_elapsed_time_is_marked_against_its_limit(elapsed, mark) -> None:
    html = clock.elapsed_html(
        started_at=None,
        elapsed=elapsed,
        classes="st-clock",
        testid="st-clock",
        limit=120,
        warn_within=30,
        warn_class="st-warn",
        over_class="st-over",
    )
    found = attributes(html)
    assert found["data-clock"] == "elapsed" and found["data-limit"] == "120"
    assert found["class"] == f"st-clock {mark}".strip()
    assert text(html) == clock.mmss(elapsed, round_up=False)


def test_running_elapsed_time_carries_its_start_and_no_limit_when_none() -> None:
    found = attributes(clock.elapsed_html(started_at=12.25, elapsed=3, classes="c", testid="t"))
    assert found["data-start"] == "12250" and "data-limit" not in found and "data-elapsed" not in found


def test_the_script_defines_the_clock_once_then_hooks_then_syncs() -> None:
    script = clock.script(1234.5, "window.hookA = 1;", "window.hookB = 1;")
    assert script.index("if (!window.cercleClock)") < script.index("hookA") < script.index("hookB")
    assert script.index("hookB") < script.index("window.cercleClock.sync(1234500);")
    assert script.rstrip().endswith("window.cercleClock.tick();")
