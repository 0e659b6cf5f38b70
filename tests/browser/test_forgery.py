"""In Chromium, pages of other origins: the console link clicked in a web mail opens the console
(and again on reload), while a form or a fetch from another port of the same host, carrying the
host cookie, changes nothing."""

from __future__ import annotations

import html
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.browser.conftest import LAPTOP
from tests.browser.test_security import summary
from tests.server import free_port

pytestmark = pytest.mark.browser


class Elsewhere:
    """A web site on another loopback port, serving the pages a test puts in `pages`."""

    def __init__(self) -> None:
        self.pages: dict[str, str] = {}
        pages = self.pages

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
                body = pages.get(self.path, "").encode()
                self.send_response(200 if body else 404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.port = free_port()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, host: str, path: str) -> str:
        return f"http://{host}:{self.port}{path}"


@pytest.fixture(scope="module")
def elsewhere() -> Iterator[Elsewhere]:
    site = Elsewhere()
    site.thread.start()
    yield site
    site.httpd.shutdown()
    site.httpd.server_close()


def test_the_console_link_clicked_in_a_web_mail_opens_the_console(server, browser, elsewhere) -> None:
    session = server.create(title="Atelier du lien")
    code, key = session["code"], session["host_key"]
    link = f"{server.base_url}/host/{code}?key={key}"
    # `localhost` and `127.0.0.1` are two sites: a click from one to the other is cross-site.
    elsewhere.pages["/mail.html"] = f'<!doctype html><p><a href="{html.escape(link)}">Console</a></p>'
    context = browser.new_context(viewport=LAPTOP)
    page = context.new_page()
    page.goto(elsewhere.url("localhost", "/mail.html"))
    page.get_by_role("link", name="Console").click()
    page.wait_for_url(f"{server.base_url}/host/{code}")
    page.get_by_text("Démarrer la session").wait_for()
    assert page.get_by_text("Clé d'animation absente ou incorrecte").count() == 0
    page.reload()
    page.get_by_text("Démarrer la session").click()
    page.get_by_text("Point suivant").wait_for()
    assert summary(server, code)["state"] == "live"
    page.go_back()  # the page with the key is not in the history: back is the web mail
    page.wait_for_url(elsewhere.url("localhost", "/mail.html"))
    context.close()


def test_a_form_and_a_fetch_from_another_port_change_nothing(server, browser, elsewhere) -> None:
    session = server.create(plan="forum-ditp")
    code, key = session["code"], session["host_key"]
    agenda = f"{server.base_url}/api/sessions/{code}/agenda"
    before = [item["id"] for item in summary(server, code)["agenda"]]
    name = html.escape('{"title": "Forgé", "x": "', quote=True)
    elsewhere.pages["/form.html"] = (
        f'<!doctype html><form method="post" enctype="text/plain" action="{html.escape(agenda)}">'
        f'<input type="hidden" name="{name}" value="&quot;}}"><button>Envoyer</button></form>'
    )
    fetches = json.dumps([agenda, f"{agenda}/order"])
    bodies = json.dumps([{"title": "Forgé"}, {"id": before[-1], "position": 1}])
    elsewhere.pages["/fetch.html"] = (
        "<!doctype html><script>window.sent = Promise.all("
        f"{fetches}.map((url, i) => fetch(url, {{method: 'POST', mode: 'no-cors', credentials: 'include', "
        f"body: JSON.stringify({bodies}[i])}})))</script>"
    )
    context = browser.new_context(viewport=LAPTOP)
    writes: list[tuple[int, str]] = []

    def seen(response) -> None:  # type: ignore[no-untyped-def]
        if response.request.method == "POST" and "/api/" in response.url:
            writes.append((response.status, response.request.all_headers().get("cookie", "")))

    context.on("response", seen)
    page = context.new_page()
    page.goto(f"{server.base_url}/host/{code}?key={key}")  # the host's browser holds the cookie
    page.get_by_text("Démarrer la session").wait_for()

    attacker = context.new_page()
    attacker.goto(elsewhere.url("127.0.0.1", "/form.html"))
    with attacker.expect_response(lambda r: r.url == agenda) as answer:
        attacker.get_by_role("button", name="Envoyer").click()
    refused = answer.value
    assert refused.status == 415 and "application/json" in refused.json()["error"]
    attacker.goto(elsewhere.url("127.0.0.1", "/fetch.html"))
    attacker.evaluate("window.sent")
    for _ in range(100):  # Playwright reports the responses a little after the page has them
        if len(writes) >= 3:
            break
        attacker.wait_for_timeout(50)
    assert len(writes) == 3 and {status for status, _ in writes} <= {403, 415}, writes
    assert f"cercle_host_{code}=" in writes[0][1]  # the form carried the host cookie, worth nothing
    assert [item["id"] for item in summary(server, code)["agenda"]] == before

    page.bring_to_front()  # the console itself still edits the agenda through the same API
    status = page.evaluate(
        """async ([url]) => (await fetch(url, {method: 'POST', headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({title: 'Pause'})})).status""",
        [agenda],
    )
    assert status == 201
    assert len(summary(server, code)["agenda"]) == len(before) + 1
    context.close()
