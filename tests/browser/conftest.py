"""Browser fixtures: one Cercle server process and one headless Debian Chromium for the module."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.server import Server

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 390, "height": 844}
PROJECTOR = {"width": 1920, "height": 1080}
LAPTOP = {"width": 1366, "height": 800}


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One server for every browser module (each opens sessions of its own): it starts, and its
    detector loads, once. The tests that kill or load a server start their own."""
    s = Server(tmp_path_factory.mktemp("browser") / "data").start()
    yield s
    s.stop()
    log = s.log_path.read_text(encoding="utf-8", errors="replace")
    assert "translation key missing" not in log, [
        line for line in log.splitlines() if "translation key" in line
    ]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: `make test` installs it (scripts/install-chromium.sh)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True)
        yield b
        b.close()


def choose(page, opener, option: str) -> None:
    """Pick `option` in the select `opener` and wait for its menu to close: a menu still closing
    would offer its options twice to the next select's pick."""
    from playwright.sync_api import expect

    opener.click()
    page.get_by_role("option", name=option).click()
    expect(page.locator(".q-menu")).to_have_count(0)


def field(page, test_id: str):
    """The text field `test_id`, whether its test id sits on the field or on its wrapper."""
    tags = ("input", "textarea")
    return page.locator(
        ", ".join(f"{t}[data-testid={test_id}], [data-testid={test_id}] {t}" for t in tags)
    ).first


def fill(page, test_id: str, text: str) -> None:
    """Type `text` into the text field `test_id`."""
    field(page, test_id).fill(text)


def current_item(console):
    """The console's agenda row of the current item (its `data-position` counts from 0)."""
    return console.locator("[data-testid=agenda] .cercle-agenda-item.current")


def next_item(console) -> None:
    """Click "Point suivant" and wait for the console to show the next item as current: the
    console has then redrawn its controls, and a next click moves on from that item (a click on
    the previous one is refused as stale)."""
    from playwright.sync_api import expect

    current = current_item(console)
    expect(current).to_have_count(1)
    position = int(current.get_attribute("data-position"))
    console.get_by_role("button", name="Point suivant").click()
    expect(current).to_have_attribute("data-position", str(position + 1))
