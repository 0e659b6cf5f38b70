"""Every facilitator click counts, with a thousand phones connected: a real Chromium console
drives a whole débat mouvant, each click 0.3 s after the previous stage appeared, while the
phones (simulated over NiceGUI's real socket protocol, `bench/phones.py`) vote; every click
takes effect, none is lost under a control being replaced."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.phones import SimClient, join_phone
from tests.browser.conftest import CHROMIUM, CHROMIUM_FLAGS, LAPTOP
from tests.server import Server

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONES = 1000
AFTER = 0.3  # seconds between a stage appearing on the console and the next click
STAGE_TIMEOUT = 60_000  # ms: a click that took effect shows its stage well within this


@pytest.fixture
def big_server(tmp_path: Path) -> Iterator[Server]:
    server = Server(tmp_path / "data").start()
    yield server
    server.stop()


async def join_all(base_url: str, code: str) -> list[SimClient]:
    phones: list[SimClient] = []
    for start in range(0, PHONES, 50):
        batch = range(start, min(PHONES, start + 50))
        phones += await asyncio.gather(
            *(join_phone(base_url, code, "remote" if i % 4 == 0 else "room") for i in batch)
        )
    return phones


async def vote_soon(phones: list[SimClient], window: float) -> int:
    """Every phone taps a position at a random moment within `window` seconds; returns how many
    taps were sent (some may land after the round closed: they are refused, as they should)."""

    async def one(phone: SimClient) -> int:
        await asyncio.sleep(random.uniform(0, window))
        button = phone.find_button(testid=f"dm-choice-{random.choice('ab')}")
        if button is None:
            return 0
        await phone.click(button)
        return 1

    return sum(await asyncio.gather(*(one(p) for p in phones)))


@pytest.mark.timeout(900)  # a thousand phones join first: minutes on a busy 2-core machine
async def test_every_console_click_takes_effect_with_a_thousand_phones(big_server: Server) -> None:
    from playwright.async_api import async_playwright, expect

    random.seed(7)
    session = big_server.create(plan="open-detat-2018-03-12")
    phones = await join_all(big_server.base_url, session["code"])
    assert all(p.connected for p in phones)
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True)
        console = await (await browser.new_context(viewport=LAPTOP)).new_page()
        await console.goto(session["host_url"])

        async def step(testid: str, then: str) -> None:
            """Click `testid` 0.3 s after it appeared; the stage `then` must follow."""
            button = console.get_by_test_id(testid)
            await expect(button).to_be_visible(timeout=STAGE_TIMEOUT)
            await asyncio.sleep(AFTER)
            await button.click()
            await expect(console.get_by_test_id("dm-stage")).to_contain_text(then, timeout=STAGE_TIMEOUT)

        await console.get_by_text("Démarrer la session").click()
        await expect(console.get_by_test_id("goto-1")).to_be_visible(timeout=STAGE_TIMEOUT)
        await asyncio.sleep(AFTER)
        await console.get_by_test_id("goto-1").click()
        await step("dm-open1", "Premier tour ouvert")
        votes = asyncio.create_task(vote_soon(phones, window=3))
        await asyncio.sleep(1)  # the console's next click lands in the middle of the votes
        await step("dm-close", "Premier tour clos")
        await step("dm-arguments", "Arguments")
        await step("dm-open2", "Tour final ouvert")  # the click that vanished before
        await step("dm-close", "Terminé")
        await step("dm-reveal", "Terminé")
        await expect(console.get_by_text("Révélé sur les téléphones")).to_be_visible(timeout=STAGE_TIMEOUT)
        sent = await votes
        await browser.close()
    assert sent > PHONES // 2
    assert sum(p.disconnected for p in phones) == 0
    for phone in phones:
        await phone.close()
    output = big_server.output()
    assert "Traceback" not in output and "deleted but is still being used" not in output
