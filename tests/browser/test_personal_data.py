"""The personal-data check, end to end, under the default policy ("hold what looks personal").

A French phone and an English one (`?lang=en`) each send a text of every family the detector
catches (names in lower case, homoglyphs, full-width or mathematical letters, leetspeak, spaced,
dashed, dotted or run-together letters, a first name with a role, phone numbers in words or with
letters, spelled-out e-mails, postal addresses, first names alone in context, a name split over
two texts) as débat arguments, and a first name as a world café actor. Each waits in the
console's queue and is found in no screen, no other phone, no export (md, html, json, csv) and
not on the record's preview `/r/{code}`; once approved on the console, it is in every export, on
the record and (actors) on the other phone: the test would have seen it. Each phone's last
argument, harmless and sent after the others, shows on the screen: the screen had every chance.
A first name sent alone then a surname ("Marie", "Lefèvre a dit ça") is held as one name."""

from __future__ import annotations

import csv
import io
import json
import urllib.request

import pytest

from tests.browser.conftest import LAPTOP, PHONE, PROJECTOR
from tests.browser.test_injection import emptied

pytestmark = pytest.mark.browser

# (text, what of it must not be seen before approval); None: harmless alone, shown at once
FRENCH: list[tuple[str, str | None]] = [
    ("Marie", None),  # a name split over two texts: the first alone is harmless…
    ("Lefèvre a dit ça", "Lefèvre"),  # …the second, after it, is held
    ("je rejoins annabelle rousseau sur ce point.", "annabelle rousseau"),  # lower case
    ("Comme l'a dit Bеnоît Lеclеrc, il faut ouvrir les données.", "Bеnоît Lеclеrc"),  # Cyrillic е, о
    ("Selon Ch4rl0tte B3rthier, le budget est flou.", "Ch4rl0tte B3rthier"),  # leetspeak
    ("Le rapport de G-u-i-l-l-a-u-m-e P-e-r-r-i-n est en ligne.", "P-e-r-r-i-n"),  # dashed letters
    ("Notre DRH, Bérénice, refuse la publication.", "Bérénice"),  # a first name with a role
    ("Appelez le zéro six zéro zéro onze vingt-deux trente-trois.", "zéro six zéro zéro onze"),
    ("Écrivez-moi : bastien point m arobase exemple point fr.", "bastien point m arobase"),
    ("J'habite au 12 rue des Lilas à Bordeaux, venez discuter.", "12 rue des Lilas"),
    ("Rose a dit que le vote à main levée suffisait.", "Rose a dit"),  # a first name in context
    ("Un dernier argument, sans personne dedans.", None),  # after the others, and shown
]
ENGLISH: list[tuple[str, str | None]] = [
    ("Claire", None),
    ("Moreau agreed with the plan", "Moreau agreed"),
    ("𝐌𝐚𝐭𝐭𝐡𝐞𝐰 𝐂𝐨𝐥𝐞 wrote the summary.", "𝐌𝐚𝐭𝐭𝐡𝐞𝐰 𝐂𝐨𝐥𝐞"),  # mathematical letters
    (
        "Ｇｅｒａｌｄｉｎｅ Ｐｉｃａｒｄ est d'accord.",
        "Ｇｅｒａｌｄｉｎｅ Ｐｉｃａｒｄ",
    ),  # full-width, in French
    ("Ask St3ph4nie M0rgan for the minutes.", "St3ph4nie M0rgan"),  # leetspeak
    ("Ask VictoriaHughes about the budget lines.", "VictoriaHughes"),  # run-together letters
    ("Ask Gregory, our finance director, for the figures.", "Ask Gregory"),  # a first name with a role
    ("Mon numéro : O6 00 I7 45 S1.", "O6 00 I7 45 S1"),  # digits with letters, in French
    ("reach me at ingrid (at) example (dot) net", "ingrid (at) example"),
    ("I live at 42 Elm Road, Springfield, so the bus matters to me.", "42 Elm Road"),
    ("Olivia thinks the council should publish the contracts.", "Olivia thinks"),
    ("One last argument, with nobody in it.", None),
]
ACTORS = {"fr": "Ghislaine", "en": "Brandon"}  # a first name where an organisation is expected
ORGANISATION = "la Cour des comptes"  # shown at once


def held(cases: list[tuple[str, str | None]]) -> list[str]:
    return [marker for _, marker in cases if marker is not None]


def join(browser, url: str, lang: str):
    page = browser.new_context(viewport=PHONE).new_page()
    page.goto(url + ("?lang=en" if lang == "en" else ""))
    page.get_by_test_id("accept-charter").click()
    page.get_by_text("Remote" if lang == "en" else "À distance").click()
    page.get_by_test_id("join").click()
    page.get_by_text("Change my answers" if lang == "en" else "Modifier mes réponses").wait_for()
    return page


def exported(server, code: str, key: str) -> dict[str, str]:
    """The four exports, as text (the JSON without escapes, the CSV's cells joined)."""
    out = {}
    for fmt in ("md", "html", "json", "csv"):
        request = urllib.request.Request(
            f"{server.base_url}/api/sessions/{code}/export.{fmt}", headers={"Authorization": f"Bearer {key}"}
        )
        with urllib.request.urlopen(request, timeout=20) as response:
            assert response.status == 200
            body = response.read().decode()
        if fmt == "json":
            body = json.dumps(json.loads(body), ensure_ascii=False)
        elif fmt == "csv":
            body = "\n".join(" ".join(row) for row in csv.reader(io.StringIO(body)))
        out[fmt] = body
    return out


def seen(pages: dict[str, object], texts: dict[str, str], markers: list[str]) -> list[str]:
    """Which of `markers` shows in which page's DOM or export."""
    found = [f"{m!r} on {where}" for where, page in pages.items() for m in markers if m in page.content()]
    return found + [f"{m!r} in {where}" for where, text in texts.items() for m in markers if m in text]


def test_every_family_waits_for_review_and_is_shown_only_once_approved(server, browser) -> None:
    session = server.create(plan="open-detat-2018-03-12")
    code, key = session["code"], session["host_key"]
    french, english = join(browser, session["join_url"], "fr"), join(browser, session["join_url"], "en")
    other = join(browser, session["join_url"], "fr")
    host = browser.new_context(viewport=LAPTOP).new_page()
    host.goto(session["host_url"])
    record = host.context.new_page()  # the host's cookie: the record's preview before it is published
    screen = browser.new_context(viewport=PROJECTOR).new_page()
    screen.goto(session["screen_url"])
    host.get_by_text("Démarrer la session").click()
    host.get_by_test_id("goto-1").click()
    for step in ("dm-open1", "dm-close", "dm-arguments"):
        host.get_by_test_id(step).click()
        host.get_by_test_id(step).wait_for(state="hidden")
    for phone, side in ((french, "Côté A"), (english, "Side A")):  # no position: a side is chosen
        phone.get_by_test_id("dm-side").get_by_text(side).click()

    for (fr, _), (en, _) in zip(FRENCH, ENGLISH, strict=True):  # each phone's texts in order
        for phone, text in ((french, fr), (english, en)):
            phone.get_by_test_id("dm-argument").fill(text)
            phone.get_by_test_id("dm-send").click()
        for phone in (french, english):
            emptied(phone.get_by_test_id("dm-argument"))
    markers = {"fr": held(FRENCH), "en": held(ENGLISH)}
    waiting = len(markers["fr"]) + len(markers["en"])
    host.get_by_test_id("queue-badge").get_by_text(f"{waiting} à relire").wait_for()
    queue = host.get_by_test_id("queue").inner_text()
    assert [m for m in markers["fr"] + markers["en"] if m not in queue] == []
    # Each phone's last text, sent after the held ones, reached the screen: so had the others.
    for last in (FRENCH[-1][0], ENGLISH[-1][0]):
        screen.get_by_text(last).wait_for()
    assert "Lefèvre" in french.get_by_test_id("pending").inner_text()  # its author sees it waits
    record.goto(f"{server.base_url}/r/{code}")
    record.get_by_test_id("downloads").wait_for()  # the record's preview is drawn
    observers = {"the screen": screen, "the other phone": other, "the record": record}
    texts = exported(server, code, key)
    assert seen({**observers, "the English phone": english}, texts, markers["fr"]) == []
    assert seen({**observers, "the French phone": french}, texts, markers["en"]) == []

    # World café: a first name as an actor, from each phone, waits; an organisation is shown.
    host.get_by_test_id("goto-2").click()
    host.get_by_label("Nombre de groupes (vide : selon la taille)").fill("1")
    host.get_by_test_id("wc-save").click()
    host.get_by_text("3 personnes présentes : 1 groupe").wait_for()
    host.get_by_test_id("wc-start").click()
    actors = ((french, ACTORS["fr"]), (english, ACTORS["en"]), (other, ORGANISATION))
    for phone, name in actors:
        phone.get_by_test_id("wc-phone-table").wait_for()
        phone.get_by_test_id("wc-actor-name").fill(name)
        phone.get_by_test_id("wc-send").click()
    for phone, _ in actors:
        emptied(phone.get_by_test_id("wc-actor-name"))
    waiting += 2
    host.get_by_test_id("queue-badge").get_by_text(f"{waiting} à relire").wait_for()
    for phone in (french, english, other):
        phone.get_by_test_id("wc-board").get_by_text(ORGANISATION).wait_for()
    record.reload()
    record.get_by_test_id("downloads").wait_for()  # the record's preview is drawn
    texts = exported(server, code, key)
    assert seen({**observers, "the English phone": english}, texts, [ACTORS["fr"]]) == []
    assert seen({**observers, "the French phone": french}, texts, [ACTORS["en"]]) == []

    # Approved on the console, each is in every export and on the record.
    approve = host.locator('[data-testid^="queue-approve-"]')
    assert approve.count() == waiting
    for test_id in [button.get_attribute("data-testid") for button in approve.all()]:
        host.get_by_test_id(test_id).click()
    host.get_by_test_id("queue-badge").wait_for(state="hidden")
    everything = markers["fr"] + markers["en"] + list(ACTORS.values())
    texts = exported(server, code, key)
    assert {fmt: [m for m in everything if m not in text] for fmt, text in texts.items()} == {
        fmt: [] for fmt in texts
    }
    record.reload()
    record.get_by_text(ACTORS["en"]).first.wait_for()
    assert [m for m in everything if m not in record.content()] == []
    for name in ACTORS.values():
        other.get_by_test_id("wc-board").get_by_text(name).wait_for()
