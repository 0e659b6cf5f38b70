"""Screenshots of every page in a few states, to compare the look before and after a change.

Usage: python bench/screenshots.py OUT_DIR [--compare OTHER_DIR] [--json PATH]

Starts its own server and drives, in headless Chromium: the home page, the console (laptop), the
screen (1920x1080) and phones (390x844) through the charter, the profile, the waiting view, a
débat mouvant vote and a world café table. Saves one PNG per state in OUT_DIR. With --compare
(and Pillow installed), prints for each state the share of pixels that differ from OTHER_DIR's.
Checked (exit status 1 otherwise, see bench/outcome.py): every state was reached and shot, and
every Quasar component on its page was drawn.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.outcome import add_json_option, finish  # noqa: E402
from bench.phones import ServerProcess  # noqa: E402
from bench.slow_link import CHROMIUM, CHROMIUM_FLAGS, PHONE, free_port  # noqa: E402

LAPTOP = {"width": 1366, "height": 800}
PROJECTOR = {"width": 1920, "height": 1080}
# Clocks, QR codes and codes change from run to run: hidden before each shot.
MASK = "[data-testid=wc-clock], [data-join-url] svg, .cercle-code, .cercle-screen-url, [data-testid=join-url]"


UNRESOLVED = (
    "[...document.querySelectorAll('*')].map(e => e.tagName.toLowerCase()).filter(t => t.startsWith('q-'))"
)
STATES = 14  # the shots `take` makes when every state is reached
NOT_DRAWN: dict[str, list[str]] = {}  # state -> the Quasar components its page did not draw


def shoot(page: Any, out: Path, name: str) -> None:
    page.wait_for_load_state("networkidle")
    unresolved = page.evaluate(UNRESOLVED)  # a Quasar component missing from the page's Quasar
    if unresolved:
        NOT_DRAWN[name] = sorted(set(unresolved))
        print(f"{name}: components not rendered: {NOT_DRAWN[name]}")
    page.wait_for_timeout(600)  # transitions and fonts
    page.screenshot(
        path=str(out / f"{name}.png"), full_page=True, mask=[page.locator(MASK)], animations="disabled"
    )


def phone(browser: Any, url: str, out: Path | None = None, prefix: str = "") -> Any:
    page = browser.new_context(viewport=PHONE).new_page()
    page.goto(url)
    page.get_by_test_id("accept-charter").wait_for()
    if out:
        shoot(page, out, f"{prefix}phone-1-charter")
    page.get_by_test_id("accept-charter").click()
    page.get_by_test_id("join").wait_for()
    if out:
        shoot(page, out, f"{prefix}phone-2-profile")
    page.get_by_test_id("join").click()
    page.get_by_text("Vous êtes inscrit·e. Suivez l'écran.").wait_for()
    return page


def take(out: Path) -> None:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    server = ServerProcess(free_port()).start()
    try:
        base = server.base_url
        session = httpx.post(
            f"{base}/api/sessions", json={"plan": "open-detat-2018-03-12"}, timeout=30
        ).json()
        code, key = session["code"], session["host_key"]
        agenda = httpx.get(f"{base}/api/sessions/{code}", timeout=30).json()["agenda"]
        cafe = next(item["id"] for item in agenda if item["kind"] == "world_cafe")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True)
            home = browser.new_context(viewport=LAPTOP).new_page()
            home.goto(f"{base}/")
            shoot(home, out, "home")
            home_phone = browser.new_context(viewport=PHONE).new_page()
            home_phone.goto(f"{base}/")
            shoot(home_phone, out, "home-phone")
            unknown = browser.new_context(viewport=PHONE).new_page()
            unknown.goto(f"{base}/j/ZZZZZZ")
            shoot(unknown, out, "phone-0-unknown-code")

            host = browser.new_context(viewport=LAPTOP).new_page()
            host.goto(f"{base}/host/{code}?key={key}")
            host.get_by_text("Démarrer la session").wait_for()
            shoot(host, out, "console-1-draft")
            screen = browser.new_context(viewport=PROJECTOR).new_page()
            screen.goto(f"{base}/screen/{code}")
            screen.get_by_test_id("screen-count").wait_for()
            shoot(screen, out, "screen-1-draft")

            phones = [phone(browser, f"{base}/j/{code}", out), phone(browser, f"{base}/j/{code}")]
            shoot(phones[0], out, "phone-3-waiting")

            host.get_by_text("Démarrer la session").click()
            host.get_by_text("Point suivant").click()
            host.get_by_text("Ouvrir le vote").click()
            for page, position in zip(phones, ["a", "b"], strict=True):
                page.get_by_test_id(f"dm-choice-{position}").click()
                page.get_by_text("Position enregistrée").wait_for()
            screen.get_by_text("2 ont pris position sur 2 participant·es").wait_for()
            shoot(phones[0], out, "phone-4-debat-vote")
            shoot(host, out, "console-2-debat")
            shoot(screen, out, "screen-2-debat")

            host.get_by_test_id(f"goto-{cafe}").click()
            host.get_by_text("Réglages du world café").wait_for()
            host.get_by_label("Nombre de groupes (vide : selon la taille)").fill("2")
            host.get_by_test_id("wc-save").click()
            host.get_by_text("2 personnes présentes : 2 groupes.").wait_for()
            host.get_by_test_id("wc-start").click()
            phones[0].get_by_test_id("wc-phone-table").wait_for()
            phones[0].get_by_test_id("wc-actor-name").fill("Regards Citoyens")
            phones[0].get_by_test_id("wc-send").click()
            phones[0].get_by_test_id("wc-board").get_by_text("Regards Citoyens").wait_for()
            shoot(phones[0], out, "phone-5-cafe")
            shoot(host, out, "console-3-cafe")
            screen.get_by_test_id("wc-clock").wait_for()
            shoot(screen, out, "screen-3-cafe")
            browser.close()
    finally:
        server.stop()
    print(f"{len(list(out.glob('*.png')))} screenshots in {out}")


def compare(out: Path, other: Path) -> None:
    from PIL import Image, ImageChops

    for path in sorted(out.glob("*.png")):
        before = other / path.name
        if not before.exists():
            print(f"{path.stem:28} (no counterpart)")
            continue
        a, b = Image.open(before).convert("RGB"), Image.open(path).convert("RGB")
        if a.size != b.size:
            print(f"{path.stem:28} size {a.size} -> {b.size}")
            continue
        diff = ImageChops.difference(a, b).convert("L").point(lambda v: 255 if v > 16 else 0)
        changed = sum(diff.histogram()[255:]) / (a.size[0] * a.size[1])
        print(f"{path.stem:28} {changed:7.2%} of pixels differ")
        if changed:
            diff.save(out / f"{path.stem}.diff.png")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--compare", type=Path)
    add_json_option(parser)
    args = parser.parse_args()
    take(args.out)
    if args.compare:
        compare(args.out, args.compare)
    shots = sorted(path.stem for path in args.out.glob("*.png") if not path.stem.endswith(".diff"))
    checks = {"every state shot": len(shots) >= STATES, "every component drawn": not NOT_DRAWN}
    finish({"shots": shots, "not_drawn": NOT_DRAWN}, checks, args.json)


if __name__ == "__main__":
    main()
