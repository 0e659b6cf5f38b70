"""The Chatham House rule, proved end to end through a real server process.

Whole sessions of both shipped plans run with marker strings everywhere a person could type or
leak their identity: the name to be called by (any phone field labelled as a name), facilitator
labels (any console field labelled as a name, host or label), the browser's user agent, the
client's address (an X-Forwarded-For header that the server believes, as it would from its
reverse proxy, and the socket's own 127.0.0.1). Then the raw SQLite files (database, -wal, -shm),
the server's captured output and every export are scanned: no marker may appear. The phones' tokens, read from their
signed cookies, must be gone from the files once the session is closed.
"""

from __future__ import annotations

import base64
import json
import re
import secrets
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import CHROMIUM, CHROMIUM_FLAGS, LAPTOP, PHONE, current_item
from tests.server import Server

pytestmark = pytest.mark.browser

MARK = secrets.token_hex(4)
NAME = f"Zebulon{MARK}Appel"
LABEL = f"Animlabel{MARK}"
HOST = f"Tablehost{MARK}"  # a world café table's host, typed by the facilitator
UA_MARK = f"MarkerAgent{MARK}"
USER_AGENT = f"Mozilla/5.0 (X11; Linux x86_64) {UA_MARK} Chrome/120.0"
FORWARDED = "198.51.100.173"
MARKERS = [NAME, LABEL, HOST, UA_MARK, FORWARDED]
HOST_FIELD = re.compile(r"(h[ôo]te|\bhost\b)", re.I)
HEADERS = {"User-Agent": USER_AGENT, "X-Forwarded-For": FORWARDED}

# A field asks for someone's identity when its label speaks of a name, a host or a label.
IDENTITY = re.compile(
    r"(pr[ée]nom|\bnom\b|\bname\b|appel|h[ôo]te|\bhost\b|[ée]tiquette|\blabel\b|pseudo)", re.I
)
NOT_IDENTITY = re.compile(r"(organisation|organization|th[èe]me|commentaire|comment)", re.I)
SUBMIT = re.compile(
    r"^(enregistrer|lever la main|ajouter à la file|demander la parole|valider|envoyer)", re.I
)
LABEL_OF = """el => [el.getAttribute('aria-label'), el.placeholder,
  el.closest('label') && el.closest('label').innerText].filter(Boolean).join(' ')"""


def context(browser, viewport):
    return browser.new_context(viewport=viewport, user_agent=USER_AGENT, extra_http_headers=HEADERS)


def fill_identity_fields(page, marker: str) -> list[str]:
    """Type `marker` into every visible field that asks for a name, and submit it; returns the
    labels of the fields filled."""
    filled = []
    for field in page.locator("input, textarea").all():
        if not field.is_visible() or field.get_attribute("type") in ("radio", "checkbox", "number"):
            continue
        label = field.evaluate(LABEL_OF) or ""
        if not IDENTITY.search(label) or NOT_IDENTITY.search(label):
            continue
        field.fill(HOST if HOST_FIELD.search(label) else marker)
        field.press("Enter")
        filled.append(" ".join(label.split()))
    if filled:  # then send the form the way a person would
        for button in page.get_by_role("button", name=SUBMIT).all():
            if button.is_visible() and button.is_enabled():
                button.click()
    return filled


def wait_drawn(console, phones, position: int) -> None:
    """Wait until the console shows the item at `position` as current and every phone has drawn
    it: its title, and its activity's view (a phone builds it just after the title)."""
    current = current_item(console)
    expect(current).to_have_attribute("data-position", str(position))
    title = current.locator("[data-testid^=item-title-]").inner_text().split(". ", 1)[1]
    for phone in phones:
        expect(phone.get_by_test_id("phone-item")).to_have_text(title)
        expect(phone.locator(".cercle-activity.hidden")).to_have_count(0)


def tokens_of(page) -> list[str]:
    """The participant tokens kept in this browser's signed session cookie."""
    found = []
    for cookie in page.context.cookies():
        payload = cookie["value"].split(".")[0]
        try:
            data = json.loads(base64.b64decode(payload + "=" * (-len(payload) % 4)))
        except ValueError:
            continue
        if isinstance(data, dict):
            found += list((data.get("cercle_tokens") or {}).values())
    return found


def fetch(url: str, key: str | None = None) -> str:
    headers = dict(HEADERS)
    if key:
        headers["Authorization"] = f"Bearer {key}"
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=20) as response:
        return response.read().decode()


def raw_files(data_dir: Path) -> bytes:
    files = sorted(data_dir.glob("cercle.db*"))
    assert any(f.name == "cercle.db" for f in files)
    return b"".join(f.read_bytes() for f in files)


def run_session(server: Server, browser, plan: str) -> dict:
    status, session = server.request("POST", "/api/sessions", {"plan": plan}, headers=HEADERS)
    assert status == 201, session
    phones = []
    for mode in ("Dans la salle", "À distance"):
        page = context(browser, PHONE).new_page()
        page.goto(session["join_url"])
        page.get_by_test_id("accept-charter").click()
        page.get_by_text(mode).click()
        page.get_by_test_id("join").click()
        page.get_by_text("Vous êtes inscrit·e.").wait_for()
        phones.append(page)
    console = context(browser, LAPTOP).new_page()
    console.goto(session["host_url"])
    console.get_by_text("Démarrer la session").click()
    filled: dict[str, list[str]] = {"phones": [], "console": []}
    shown: set[str] = set()  # markers the live console displayed: they did reach the server
    for position in range(20):
        wait_drawn(console, phones, position)
        typed = [label for phone in phones for label in fill_identity_fields(phone, NAME)]
        filled["phones"] += typed
        filled["console"] += fill_identity_fields(console, LABEL)
        if typed:  # a name typed on a phone for the queue is shown on the console (memory only)
            console.get_by_text(NAME).first.wait_for()
        shown |= {m for m in (NAME, LABEL, HOST) if m in console.content()}
        following = console.get_by_role("button", name="Point suivant")
        if not following.count() or following.is_disabled():
            break
        following.click()
    tokens = [t for phone in phones for t in tokens_of(phone)]
    assert len(tokens) == 2
    console.get_by_role("button", name="Clore la session").click()
    console.get_by_role("button", name="Confirmer").click()
    console.get_by_text("État : close").wait_for()
    # What was typed holds names: the record waits for review, and is published anyway here.
    publication = console.get_by_test_id("publication")
    publication.get_by_text(re.compile("Publiée :|En attente de relecture|Non publiée")).wait_for()
    if "Publiée :" not in publication.inner_text():
        console.get_by_test_id(
            "publish-now" if "En attente" in publication.inner_text() else "publish"
        ).click()
        anyway = console.get_by_test_id("publish-anyway")
        publication.get_by_text("Publiée :").or_(anyway).first.wait_for()
        if anyway.is_visible():
            anyway.click()
    publication.get_by_text("Publiée :").wait_for()

    reader = context(browser, PHONE).new_page()
    reader.goto(f"{server.base_url}/r/{session['code']}")
    reader.get_by_test_id("comment-text").fill("Un forum utile, à refaire en région.")
    reader.get_by_test_id("comment-send").click()
    reader.get_by_text("Merci, votre commentaire est publié.").wait_for()
    for page in [*phones, console, reader]:
        page.context.close()
    return {**session, "tokens": tokens, "filled": filled, "shown": shown}


def test_no_identity_reaches_the_disk_the_logs_or_the_exports(tmp_path) -> None:
    from playwright.sync_api import sync_playwright

    # the test's requests come through a "proxy" on 127.0.0.1: the client's address is FORWARDED
    server = Server(tmp_path / "data", env={"CERCLE_TRUSTED_PROXY": "127.0.0.1"}).start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True)
            sessions = [
                run_session(server, browser, plan) for plan in ("open-detat-2018-03-12", "forum-ditp")
            ]
            browser.close()
        exports = {}
        for s in sessions:
            for fmt in ("md", "html", "json", "csv"):
                url = f"{server.base_url}/api/sessions/{s['code']}/export.{fmt}"
                exports[(s["code"], fmt, "host")] = fetch(url, s["host_key"])
                exports[(s["code"], fmt, "public")] = fetch(url)
        running = raw_files(server.data_dir)  # while the server runs: the WAL is there
    finally:
        server.stop()
    stored = raw_files(server.data_dir)
    output = server.output()

    assert "Forum Open d'État #1" in exports[(sessions[0]["code"], "md", "public")]
    assert "Un forum utile" in exports[(sessions[0]["code"], "json", "public")]
    leaks = []
    for marker in MARKERS:
        if marker.encode() in running:
            leaks.append(f"{marker} in the SQLite files (running)")
        if marker.encode() in stored:
            leaks.append(f"{marker} in the SQLite files (stopped)")
        if marker in output:
            leaks.append(f"{marker} in the server's output")
        leaks += [f"{marker} in export {where}" for where, body in exports.items() if marker in body]
    peer = "127.0.0.1"  # the socket's peer: kept by neither the files nor the log
    if peer.encode() in running or peer.encode() in stored:
        leaks.append("the peer's address in the SQLite files")
    if peer in output:
        leaks.append("the peer's address in the server's output")
    for s in sessions:
        for token in s["tokens"]:
            if token.encode() in running or token.encode() in stored:
                leaks.append(f"a token of {s['code']} survived close in the SQLite files")
            leaks += [f"a token in export {where}" for where, body in exports.items() if token in body]
    print("identity fields filled:", [s["filled"] for s in sessions])
    print("markers shown live:", [sorted(s["shown"]) for s in sessions])
    for s in sessions:  # a name typed on a phone for the queue is shown live (memory), then gone
        if s["filled"]["phones"]:
            assert NAME in s["shown"]
    assert leaks == []
