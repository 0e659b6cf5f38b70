"""In Chromium, against a real server: the host key leaves the URL for a cookie, every response
carries the security headers, and the pages still work under them."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from tests.browser.conftest import LAPTOP, PHONE

pytestmark = pytest.mark.browser


def summary(server, code: str) -> dict:
    status, body = server.request("GET", f"/api/sessions/{code}")
    assert status == 200, body
    return body


def test_the_console_link_sets_a_cookie_and_no_request_carries_the_key(server, browser) -> None:
    session = server.create()
    code, key = session["code"], session["host_key"]
    context = browser.new_context(viewport=LAPTOP)
    requests, problems = [], []
    context.on("request", lambda r: requests.append((r.url, r.headers.get("referer") or "")))
    context.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page = context.new_page()
    page.on("pageerror", lambda e: problems.append(str(e)))
    response = page.goto(f"{session['host_url']}&lang=en")
    assert page.url == f"{server.base_url}/host/{code}?lang=en"  # redirected, language kept
    headers = response.headers
    assert headers["referrer-policy"] == "no-referrer" and headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    cookies = {c["name"]: c for c in context.cookies() if c["name"] == f"cercle_host_{code}"}
    cookie = cookies[f"cercle_host_{code}"]
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict" and cookie["path"] != "/"

    page.get_by_text("Start the session").click()  # the console works: its socket has the cookie
    page.get_by_text("Next item").wait_for()
    assert summary(server, code)["state"] == "live"
    with page.expect_popup() as popup:
        page.get_by_role("link", name="Screen to project").click()
    screen = popup.value
    screen.wait_for_load_state()
    screen.get_by_test_id("screen-code").wait_for()
    assert screen.evaluate("document.referrer") == ""
    export = page.get_by_test_id("export-json").get_attribute("href")
    assert "key" not in export
    downloaded = context.request.get(f"{server.base_url}{export}")  # the cookie, not a key, opens it
    assert downloaded.status == 200 and downloaded.json()["status"] == "live"
    context.close()

    later = [(url, referer) for url, referer in requests[1:]]
    assert len(later) > 10
    assert [r for r in later if key in r[0] or key in r[1]] == []
    assert problems == []  # nothing refused by the Content-Security-Policy, no script error


@pytest.mark.parametrize("path", ["/", "/j/{code}", "/screen/{code}"])
def test_pages_work_under_the_content_security_policy(server, browser, path) -> None:
    code = server.create()["code"]
    context = browser.new_context(viewport=PHONE)
    problems: list[str] = []
    context.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
    page = context.new_page()
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(server.base_url + path.format(code=code))
    if path.startswith("/j/"):
        page.get_by_test_id("accept-charter").click()
        page.get_by_test_id("join").click()
        page.get_by_text("Vous êtes inscrit·e.").wait_for()
    else:
        page.wait_for_function("window.did_handshake === true")
    context.close()
    assert problems == []


def without_redirect(url: str) -> urllib.error.HTTPError:
    """The redirect `url` answers (urllib's handler would follow it)."""

    class Stop(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.build_opener(Stop).open(url, timeout=10)
    return answer.value


def test_a_wrong_host_key_redirects_without_a_cookie(server) -> None:
    code = server.create()["code"]
    redirect = without_redirect(f"{server.base_url}/host/{code}?key=wrong-key&lang=en")
    assert redirect.code == 303 and redirect.headers["location"] == f"/host/{code}?lang=en"
    assert not any("cercle_host_" in c for c in redirect.headers.get_all("set-cookie") or [])
    with urllib.request.urlopen(f"{server.base_url}/host/{code}", timeout=10) as response:
        assert "Clé d'animation absente ou incorrecte" in response.read().decode()
