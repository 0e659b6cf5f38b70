"""What a phone downloads: no icon font, no Tailwind runtime; icons drawn as inline SVG; static
files compressed with brotli and cached for a year; the page itself compressed, never stored."""

from __future__ import annotations

import time

import pytest

from tests.browser.conftest import LAPTOP, PHONE, PROJECTOR

pytestmark = pytest.mark.browser


def recording(context) -> dict[str, dict[str, str]]:
    """URL -> response headers, for every response the context receives."""
    seen: dict[str, dict[str, str]] = {}
    context.on("response", lambda response: seen.__setitem__(response.url, response.all_headers()))
    return seen


def from_network(context, page):
    """A function listing the URLs the page asked the server for (not its cache), seen through CDP."""
    cdp = context.new_cdp_session(page)
    sent: dict[str, str] = {}
    cached: set[str] = set()
    cdp.on("Network.requestWillBeSent", lambda e: sent.__setitem__(e["requestId"], e["request"]["url"]))
    cdp.on("Network.requestServedFromCache", lambda e: cached.add(e["requestId"]))
    cdp.on(
        "Network.responseReceived",
        lambda e: cached.add(e["requestId"]) if e["response"].get("fromDiskCache") else None,
    )
    cdp.send("Network.enable")
    return lambda: [url for rid, url in sent.items() if rid not in cached]


UNRESOLVED = (
    "[...document.querySelectorAll('*')].map(e => e.tagName.toLowerCase()).filter(t => t.startsWith('q-'))"
)


def assert_rendered(page) -> None:
    """Every Quasar component on the page was rendered: none is missing from the Quasar subset."""
    assert page.evaluate(UNRESOLVED) == []


MARKED = """[...document.querySelectorAll('style')]
  .some((s) => [...s.attributes].some((a) => a.name.startsWith('data-codehilite_')))"""
OPENED_EARLY = "window.io.io !== window.io && window.socket.io.opts.query.document_id === window.documentId"


def assert_light(seen: dict[str, dict[str, str]]) -> None:
    assert seen, "no response recorded"
    heavy = [url for url in seen if ".woff" in url or "tailwindcss" in url]
    assert not heavy, f"the page loaded {heavy}"


def test_a_phone_loads_no_font_and_no_tailwind_and_caches_the_rest(server, browser) -> None:
    session = server.create(plan="forum-ditp")
    context = browser.new_context(viewport=PHONE)
    seen = recording(context)
    phone = context.new_page()
    phone.goto(session["join_url"])
    accept = phone.get_by_test_id("accept-charter")
    accept.wait_for()
    assert accept.locator(".q-icon svg path").count() == 1  # the check mark, as inline SVG
    assert phone.evaluate("getComputedStyle(document.querySelector('.w-full')).width") != "auto"
    phone.wait_for_load_state("networkidle")
    assert_light(seen)
    assert_rendered(phone)
    # One stylesheet, the charter's (ui.markdown's) rules included: markdown.js finds its marker
    # and asks for nothing more.
    stylesheets = [url for url in seen if ".css" in url]
    assert len(stylesheets) == 1 and "/assets/page.css?v=" in stylesheets[0], stylesheets
    assert phone.evaluate(MARKED)
    assert phone.locator(".cercle-charter p").first.is_visible()

    page = seen[session["join_url"]]
    assert page["content-encoding"] == "gzip" and page["cache-control"] == "no-store"
    quasar = next(headers for url, headers in seen.items() if "/quasar.umd.prod.js?v=" in url)
    assert quasar["content-encoding"] == "br" and "immutable" in quasar["cache-control"]
    assert int(quasar["content-length"]) < 60_000  # Quasar without the components no page uses
    css = seen[stylesheets[0]]
    assert css["content-encoding"] == "br" and "max-age=31536000" in css["cache-control"]
    assert "set-cookie" not in css and "content-security-policy" not in css

    accept.click()
    phone.get_by_test_id("join").wait_for()
    assert_rendered(phone)
    phone.get_by_test_id("join").click()
    phone.get_by_text("Vous êtes inscrit·e.").wait_for()

    # The second visit: NiceGUI's files and our versioned ones come from the cache, unasked.
    again = context.new_page()
    network = from_network(context, again)
    again.goto(session["join_url"])
    again.get_by_text("Vous êtes inscrit·e.").wait_for()
    again.wait_for_load_state("networkidle")
    asked = network()
    assert session["join_url"] in asked  # the page itself is always fresh
    assert not [url for url in asked if "/static/" in url or "?v=" in url], asked
    context.close()


def test_the_console_and_the_screen_draw_their_icons_without_the_font(server, browser) -> None:
    session = server.create(plan="open-detat-2018-03-12")
    context = browser.new_context(viewport=LAPTOP)
    seen = recording(context)
    host = context.new_page()
    host.goto(session["host_url"])
    host.get_by_text("Démarrer la session").click()
    host.get_by_text("Point suivant").click()
    host.get_by_text("Ouvrir le vote").wait_for()
    host.wait_for_load_state("networkidle")
    assert host.locator(".q-icon svg").count() >= 3
    assert host.locator(".q-icon.material-icons").count() == 0  # no glyph waits for a font
    assert_rendered(host)
    host.get_by_text("Clore la session").click()  # a dialog
    host.get_by_role("dialog").wait_for()
    assert_rendered(host)

    screen_context = browser.new_context(viewport=PROJECTOR)
    screen_seen = recording(screen_context)
    screen = screen_context.new_page()
    screen.goto(session["screen_url"])
    screen.get_by_test_id("screen-count").wait_for()
    screen.wait_for_load_state("networkidle")
    assert_rendered(screen)
    assert_light(seen)
    assert_light(screen_seen)
    context.close()
    screen_context.close()


def test_the_phone_socket_opened_early_works_and_reconnects(server, browser) -> None:
    """The socket opens before the page is drawn, with the ids NiceGUI then uses: it shakes hands,
    carries clicks; cut, it comes back and shakes hands again; a reload keeps the tab's id."""
    session = server.create(plan="open-detat-2018-03-12")
    context = browser.new_context(viewport=PHONE)
    problems: list[str] = []
    phone = context.new_page()
    phone.on("pageerror", lambda error: problems.append(str(error)))
    phone.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    phone.goto(session["join_url"])
    phone.wait_for_function("window.did_handshake === true")
    assert phone.evaluate(OPENED_EARLY)
    tab = phone.evaluate("sessionStorage.__nicegui_tab_id")
    assert phone.evaluate("window.socket.io.opts.query.tab_id") == tab  # NiceGUI's ids, for reconnections
    assert phone.evaluate("sessionStorage.__nicegui_tab_closed") == "false"

    phone.evaluate("window.did_handshake = false; window.socket.io.engine.close()")
    phone.wait_for_function("window.did_handshake === true && window.socket.connected")
    phone.get_by_test_id("accept-charter").click()
    phone.get_by_test_id("join").wait_for()  # the click went through the reconnected socket

    phone.reload()
    phone.wait_for_function("window.did_handshake === true")
    assert phone.evaluate(OPENED_EARLY) and phone.evaluate("sessionStorage.__nicegui_tab_id") == tab
    assert phone.evaluate("window.socket.io.opts.query.old_tab_id") is None
    phone.get_by_test_id("accept-charter").click()
    phone.get_by_test_id("join").click()
    phone.get_by_text("Vous êtes inscrit·e.").wait_for()
    assert problems == []
    context.close()


def test_the_page_waits_for_a_late_socketio(server, browser) -> None:
    """socket.io loads without holding the page up; when it comes after everything else, the page
    is drawn once it is there, and works."""
    session = server.create(plan="open-detat-2018-03-12")
    context = browser.new_context(viewport=PHONE)

    def late(route) -> None:
        response = route.fetch()
        time.sleep(2)  # the point of the test: socket.io comes last, everything else loaded meanwhile
        route.fulfill(response=response)

    context.route("**/socket.io.min.js*", late)
    phone = context.new_page()
    problems: list[str] = []
    phone.on("pageerror", lambda error: problems.append(str(error)))
    phone.goto(session["join_url"])
    phone.get_by_test_id("accept-charter").click()
    phone.get_by_test_id("join").wait_for()
    assert phone.evaluate(OPENED_EARLY) and problems == []
    # nicegui.js ran first: its tab ids are the socket's, and the tab stays marked open (a
    # duplicated tab then gets an id of its own)
    assert phone.evaluate("window.socket.io.opts.query.tab_id") == phone.evaluate(
        "sessionStorage.__nicegui_tab_id"
    )
    assert phone.evaluate("window.socket.io.opts.query.old_tab_id") is None
    assert phone.evaluate("sessionStorage.__nicegui_tab_closed") == "false"
    context.close()
