"""A world café in a real browser: two phones in two groups, one clock, a rotation that runs out,
a chime on the screen, and the work of rotation 1 waiting for the next group at its table."""

from __future__ import annotations

import time

import pytest

from tests.browser.conftest import LAPTOP, PHONE, PROJECTOR

pytestmark = pytest.mark.browser
SKEW = 300.0  # seconds: a phone whose clock is 5 minutes fast

SPIES = """
window.__played = 0;
HTMLMediaElement.prototype.play = function () { window.__played += 1; return Promise.resolve(); };
Object.defineProperty(navigator, 'vibrate', {value: (pattern) => { window.__vibrated = pattern; return true; }});
"""


def join(browser, url: str, clock_ahead: float = 0):
    context = browser.new_context(viewport=PHONE)
    context.add_init_script(SPIES)
    page = context.new_page()
    if clock_ahead:
        page.clock.set_system_time(time.time() + clock_ahead)
    page.goto(url)
    page.get_by_test_id("accept-charter").click()
    page.get_by_test_id("join").click()
    page.get_by_text("Vous êtes inscrit·e.").wait_for()
    return page


SHOWS_TIME_LEFT = """skew => {
    const el = document.querySelector('[data-testid=wc-clock]');
    if (window.cercleCafe === undefined || !el || !el.dataset.end) return false;
    const left = (parseFloat(el.dataset.end) - (Date.now() - skew * 1000)) / 1000;
    const [minutes, secs] = el.textContent.trim().split(':').map(Number);
    const shown = minutes * 60 + secs;
    return shown - left >= -0.1 && shown - left < 1.3 ? [el.dataset.end, shown, left] : false;
}"""


def read_clock(page, skew: float = 0) -> tuple[str, int, float]:
    """The clock's end time, what it shows, and the seconds left by the server's time (the page's
    clock less `skew`), once what it shows is the time left: whole seconds rounded up, ticking
    every 250 ms, so shown - left is in [0, 1.25). Read in the page, in one go: a late tick on a
    busy machine is waited out, a clock that shows another time never passes."""
    end, shown, left = page.wait_for_function(SHOWS_TIME_LEFT, arg=skew).json_value()
    return end, shown, left


def table(page) -> str:
    return page.get_by_test_id("wc-phone-table").get_attribute("data-table")


def test_two_groups_rotate_and_find_each_others_work(server, browser) -> None:
    session = server.create(plan="open-detat-2018-03-12")
    first, second = join(browser, session["join_url"]), join(browser, session["join_url"])
    skewed = join(browser, session["join_url"], clock_ahead=SKEW)  # a phone whose clock is 5 min fast

    host = browser.new_context(viewport=LAPTOP).new_page()
    host.goto(session["host_url"])
    host.get_by_text("Démarrer la session").click()
    host.get_by_test_id("goto-2").click()  # the café, third on the agenda
    host.get_by_text("Réglages du world café").wait_for()
    host.get_by_label("Nombre de groupes (vide : selon la taille)").fill("2")
    host.get_by_label("Minutes par rotation").fill("0.2")  # 12 seconds, to see a rotation run out
    host.get_by_test_id("wc-save").click()
    host.get_by_text("3 personnes présentes : 2 groupes.").wait_for()

    screen_context = browser.new_context(viewport=PROJECTOR)
    screen_context.add_init_script(SPIES)
    screen = screen_context.new_page()
    screen.goto(session["screen_url"])
    screen.get_by_text("Le world café va commencer.").wait_for()

    host.get_by_test_id("wc-start").click()
    first.get_by_test_id("wc-phone-table").wait_for()
    second.get_by_test_id("wc-phone-table").wait_for()
    before = {"first": table(first), "second": table(second)}
    assert before["first"] != before["second"]  # two groups, two tables

    # work at the first table, within the rotation's 12 seconds
    first.get_by_test_id("wc-actor-name").fill("Regards Citoyens")
    first.get_by_test_id("wc-send").click()
    first.get_by_test_id("wc-board").get_by_text("Regards Citoyens").wait_for()
    assert "Regards Citoyens" not in second.get_by_test_id("wc-board").inner_text()

    # one clock: the screen and both phones count down to the same end time, each showing its
    # time left, and so does the phone whose own clock is 5 minutes fast
    screen.get_by_test_id("wc-clock").wait_for()
    clocks = [read_clock(p) for p in (screen, first, second)] + [read_clock(skewed, skew=SKEW)]
    assert len({end for end, _, _ in clocks}) == 1, clocks
    assert 0 < clocks[0][1] <= 12
    screen.locator(".wc-clock.wc-warning").wait_for()  # the last minute shows (here, from the start)

    # the rotation runs out by itself: the screen chimes, phones vibrate and show their next table
    screen.get_by_text("Rotation 2 / 5").wait_for(timeout=20_000)
    first.get_by_text("Rotation 2 / 5").wait_for()
    second.get_by_text("Rotation 2 / 5").wait_for()
    screen.wait_for_function("window.__played >= 1")
    first.wait_for_function("window.__vibrated !== undefined")
    after = {"first": table(first), "second": table(second)}
    assert after["second"] == before["first"]  # the second group sits where the first one was
    assert after["first"] != before["first"]
    second.get_by_test_id("wc-board").get_by_text("Regards Citoyens").wait_for()  # and finds its work

    # after a reload (a phone waking up), the same table and the same clock
    second.reload()
    second.get_by_test_id("wc-phone-table").wait_for()
    assert table(second) == after["second"]
    clocks = [read_clock(p) for p in (screen, second)]
    assert clocks[0][0] == clocks[1][0], clocks

    # the facilitator ends rotation 2 early: the screen chimes too, and the phones move on
    played = screen.evaluate("window.__played")
    host.get_by_test_id("wc-skip").click()
    screen.get_by_text("Rotation 3 / 5").wait_for()
    second.get_by_text("Rotation 3 / 5").wait_for()
    screen.wait_for_function(f"window.__played > {played}")
