"""Injected text stays text, everywhere. The corpus of `tests/injection.py` goes through every
free-text field of every activity, typed in the real pages (débat mouvant: arguments from a phone
and from the facilitator, statements typed live; world café: themes, ideas, actors and why they
matter; speaking turns: names typed on a phone and labels typed on the console; session titles
from the home page and the API; comments and a moderation reason on `/r/{code}`). Then every page
and every export is opened in Chromium: no dialog, no trace of a payload that ran or was parsed as
markup, and each text shown as typed, minus the invisible characters removed at the door."""

from __future__ import annotations

import csv
import io
import json
import re
import urllib.request

import pytest
from playwright.sync_api import expect

from activities.debat_mouvant.display import latest_that_fit
from activities.debat_mouvant.views_screen import SCREEN_ARGUMENT_LINES, SCREEN_ARGUMENTS, SCREEN_LINE_CHARS
from facilitation.restitution.opendata import FORMULA_START, PLAIN_NUMBER
from tests.browser.conftest import LAPTOP, PHONE, PROJECTOR, next_item
from tests.injection import (
    CLEAN_TRACES,
    INVISIBLE,
    LONG_WORD,
    OVERFLOW_JS,
    PAYLOADS,
    TRACES_JS,
    render_markdown,
    visible,
)

pytestmark = pytest.mark.browser

P = PAYLOADS
MAILED = "<b id=xss-mail>Écrire</b> à jean.dupont@example.org"  # personal data: the console marks it
NAME_MAX = 40  # speaking_turns.names.NAME_MAX: the name fields hold 40 characters
SHOWN_JS = """(texts) => {
  const fold = (s) => s.replace(/\\s+/g, ' ').toLowerCase();
  const page = fold(document.body.innerText);
  return texts.filter((t) => !page.includes(fold(t)));
}"""


class Pages:
    """Every page the test opens, each listening for dialogs (which a payload would open)."""

    def __init__(self, browser) -> None:
        self.browser = browser
        self.dialogs: list[str] = []
        self.pages: list = []

    def open(self, viewport: dict, url: str | None = None):
        page = self.browser.new_context(viewport=viewport).new_page()
        page.on("dialog", lambda d: (self.dialogs.append(f"{page.url}: {d.message}"), d.dismiss()))
        self.pages.append(page)
        if url:
            page.goto(url)
        return page

    def close(self) -> None:
        for page in self.pages:
            page.context.close()


def check(page, where: str, texts: list[str] | tuple[str, ...] = (), *, layout: bool = True) -> None:
    """No payload ran or became markup on `page`, the long word stays inside the window, and every
    text in `texts` is shown (waiting for the page to catch up)."""
    wanted = [" ".join(t.split()) for t in texts if t.strip()]
    try:
        page.wait_for_function(f"(texts) => ({SHOWN_JS})(texts).length === 0", arg=wanted, timeout=10_000)
    except Exception:
        missing = page.evaluate(SHOWN_JS, wanted)
        raise AssertionError(f"{where}: not shown as text: {missing}") from None
    assert page.evaluate(TRACES_JS) == CLEAN_TRACES, where
    if layout:
        assert page.evaluate(OVERFLOW_JS, LONG_WORD[:30]) == [], where


def wait_shown(page, text: str) -> None:
    try:
        page.wait_for_function(
            f"(texts) => ({SHOWN_JS})(texts).length === 0", arg=[" ".join(text.split())], timeout=10_000
        )
    except Exception:
        page.screenshot(path="/tmp/injection-fail.png", full_page=True)
        raise AssertionError(f"{text!r} not shown on {page.url}") from None


def emptied(field) -> None:
    """Wait until the server has cleared `field`, as it does once it accepted what was typed (the
    next text must not be typed before: the clearing would wipe it)."""
    control = field if field.evaluate("el => 'value' in el") else field.locator("input, textarea")
    expect(control).to_have_value("", timeout=10_000)


def fetch(server, path: str) -> str:
    with urllib.request.urlopen(f"{server.base_url}{path}", timeout=20) as response:
        return response.read().decode()


def load(pages: Pages, html: str):
    page = pages.open(LAPTOP)
    page.set_content(html)
    return page


def as_page(fragment: str) -> str:
    return f'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>{fragment}</body></html>'


def join(pages: Pages, url: str):
    phone = pages.open(PHONE, url)
    phone.get_by_test_id("accept-charter").click()
    phone.get_by_test_id("join").click()
    phone.get_by_text("Vous êtes inscrit·e.").wait_for()
    return phone


@pytest.fixture(scope="module")
def pages(browser):
    opened = Pages(browser)
    yield opened
    opened.close()


def test_the_corpus_stays_text_in_every_page_and_export(server, pages) -> None:
    texts = [visible(p) for p in P]

    # --- session A: a débat mouvant, then a world café; its title is a payload -----------------
    a = server.create(plan="open-detat-2018-03-12", title=P[0])
    phone = join(pages, a["join_url"])
    host = pages.open(LAPTOP, a["host_url"])
    # This test is about escaping, not moderation: every text is shown at once (the payloads'
    # links and handles would otherwise wait for review, tests/browser/test_moderation.py).
    host.get_by_test_id("queue-policy").click()
    host.get_by_role("option", name="Afficher aussitôt").click()
    host.get_by_text("Démarrer la session").click()
    host.get_by_text("Point suivant").click()
    host.get_by_text("Ouvrir le vote").wait_for()
    host.get_by_text("Nouvel énoncé").click()
    for i in range(0, len(P), 3):  # four statements typed live: prompt, choice A, choice B
        host.get_by_label("Énoncé", exact=True).fill(P[i])
        host.get_by_label("Choix A", exact=True).fill(P[i + 1])
        host.get_by_label("Choix B", exact=True).fill(P[i + 2])
        host.get_by_text("Ajouter et présenter").click()
        emptied(host.get_by_label("Énoncé", exact=True))
        wait_shown(host, f"{5 + i // 3 + 1}. {texts[i]}")
    host.get_by_text("Ouvrir le vote").click()
    check(phone, "phone, vote", texts[9:])  # the statement and its two choices
    phone.get_by_test_id("dm-choice-a").click()
    phone.get_by_text("Position enregistrée").wait_for()
    host.get_by_text("Clore le tour").click()
    host.get_by_text("Passer aux arguments").click()
    phone.get_by_text("Un argument pour un côté ?").wait_for()
    for p, shown in zip(P, texts, strict=True):  # side A from the phone
        phone.get_by_test_id("dm-argument").fill(p)
        phone.get_by_test_id("dm-send").click()
        emptied(phone.get_by_test_id("dm-argument"))
        wait_shown(host, shown)
    host.locator(".q-btn-toggle").get_by_text("B", exact=True).click()
    for p, shown in zip(P[::-1], texts[::-1], strict=True):  # side B from the facilitator, the
        # markup last: the screen shows the last few of each side (SCREEN_ARGUMENTS)
        host.get_by_label("Argument", exact=True).fill(p)
        host.get_by_label("Argument", exact=True).press("Enter")
        emptied(host.get_by_label("Argument", exact=True))
        wait_shown(host, f"{shown} (animation)")
    screen = pages.open(PROJECTOR, a["screen_url"])
    check(host, "console, débat", texts)
    projected = latest_that_fit(
        texts[::-1], most=SCREEN_ARGUMENTS, lines=SCREEN_ARGUMENT_LINES, line_chars=SCREEN_LINE_CHARS
    )  # side B's latest, as many as the projector's column holds
    assert texts[0] in projected
    check(screen, "screen, débat", [texts[0], *texts[9:], *projected])
    assert screen.locator(".cercle-screen-qr svg path").count() > 0  # and the QR code
    check(phone, "phone, arguments", texts[9:10])

    host.get_by_test_id("goto-2").click()  # the café
    host.get_by_text("Réglages du world café").wait_for()
    themes = [P[0], P[1], P[2], P[4], P[5]]
    for n, theme in enumerate(themes, start=1):
        host.get_by_test_id(f"wc-theme-{n}").fill(theme)
    host.get_by_label("Nombre de groupes (vide : selon la taille)").fill("1")
    host.get_by_test_id("wc-save").click()
    host.get_by_test_id("wc-start").click()
    phone.get_by_test_id("wc-phone-table").wait_for()
    whys = P[1:] + P[:1]
    for p, why in zip(P, whys, strict=True):
        phone.get_by_test_id("wc-actor-name").fill(p)
        phone.get_by_label("Pourquoi compte-t-il ? (facultatif)").fill(why)
        phone.get_by_test_id("wc-send").click()
        emptied(phone.get_by_test_id("wc-actor-name"))
        wait_shown(phone, visible(p))
    phone.get_by_test_id("wc-kind").get_by_text("Une idée").click()
    for p in P:
        phone.get_by_test_id("wc-idea").fill(p)
        phone.get_by_test_id("wc-send").click()
        emptied(phone.get_by_test_id("wc-idea"))
        wait_shown(phone, f"• {visible(p)}")
    check(phone, "phone, café", [*texts, *(f"• {t}" for t in texts), visible(themes[0])])
    check(host, "console, café", texts)
    check(screen, "screen, café", [visible(t) for t in themes])
    status = host.get_by_test_id("wc-status")
    for _ in range(5):  # to the end of the café: the screen shows the actor map
        shown = status.inner_text()
        host.get_by_test_id("wc-skip").click()
        expect(status).not_to_have_text(shown)  # the next rotation (the end, after the fifth)
    screen.get_by_test_id("wc-actor-map").wait_for()
    check(screen, "screen, actor map", [visible(t) for t in themes])
    shown_actors = screen.locator(".wc-map-card li").all_inner_texts()
    assert shown_actors and all(name.split("\u00a0×")[0] in texts for name in shown_actors), shown_actors

    host.get_by_role("button", name="Clore la session").click()
    host.get_by_role("button", name="Confirmer").click()
    # the 2018 plan publishes at close once the review is clear; what the check finds in the
    # payloads is the facilitator's to publish anyway
    host.get_by_test_id("publication").get_by_text(re.compile("Publiée :|En attente de relecture")).wait_for()
    if "En attente" in host.get_by_test_id("publication").inner_text():
        host.get_by_test_id("publish-now").click()
        host.get_by_test_id("publish-anyway").click()
    host.get_by_test_id("publication").get_by_text("Publiée :").wait_for()
    check(host, "console, closed: the restitution panel and its check of free texts", [texts[0]])

    # comments on the published restitution, and a moderation reason
    reader = pages.open(PHONE, f"{server.base_url}/r/{a['code']}")
    reader.get_by_test_id("comment-text").fill("\n".join(P))
    reader.get_by_test_id("comment-send").click()
    wait_shown(reader, texts[-1])
    other = pages.open(PHONE, f"{server.base_url}/r/{a['code']}")  # one comment per connection
    other.get_by_test_id("comment-text").fill(MAILED)
    other.get_by_test_id("comment-send").click()
    wait_shown(other, MAILED)
    moderator = pages.open(LAPTOP, f"{server.base_url}/r/{a['code']}?key={a['host_key']}")
    moderator.get_by_test_id("hide-2").click()
    moderator.get_by_test_id("reason").fill(P[4])
    moderator.get_by_test_id("confirm-hide").click()
    wait_shown(moderator, visible(P[4]))
    host.reload()  # the console's check before publishing shows the comment, its address marked
    check(host, "console, the check of free texts", [MAILED])
    assert host.locator("mark", has_text="jean.dupont@example.org").count() == 1
    reader.reload()
    record = [*texts, *(visible(t) for t in themes)]  # title, statement, arguments, café, comment
    check(reader, "restitution page", [*record, visible(P[4])])
    assert reader.locator("figure svg rect").count() > 0  # the sanitiser keeps the charts
    check(moderator, "restitution page (moderation)", [*record, visible(P[4])])

    # --- the exports of session A -------------------------------------------------------------
    code = a["code"]
    html = fetch(server, f"/api/sessions/{code}/export.html")
    check(load(pages, html), "HTML export", [*record, visible(P[4])])
    md = fetch(server, f"/api/sessions/{code}/export.md")
    assert "<script" not in md.lower()
    rendered = load(pages, as_page(render_markdown(md)))  # a bare page: its layout is not ours
    check(rendered, "Markdown export rendered", [*record, visible(P[4])], layout=False)
    rows = list(csv.reader(io.StringIO(fetch(server, f"/api/sessions/{code}/export.csv"))))
    cells = [c for row in rows[1:] for c in row]
    assert [c for c in cells if c.startswith(FORMULA_START) and not PLAIN_NUMBER.fullmatch(c)] == []
    for formula in (P[6], P[7], P[8]):
        assert "'" + formula in cells and formula not in cells
    data = json.loads(fetch(server, f"/api/sessions/{code}/export.json"))
    dumped = json.dumps(data, ensure_ascii=False)
    assert data["title"] == texts[0]
    assert not any(char in dumped for char in INVISIBLE)
    statement = data["sections"][0]["data"]["statements"][-1]
    assert statement["prompt"] == texts[9] and statement["arguments"] == {"a": texts, "b": texts[::-1]}
    assert data["sections"][1]["data"]["themes"][0]["ideas"] == texts
    assert data["comments"][0]["text"].split("\n") == texts

    # --- session B: speaking turns; names typed on a phone and labels typed on the console -----
    b = server.create(plan="forum-ditp", title=P[1])
    caller = join(pages, b["join_url"])
    console = pages.open(LAPTOP, b["host_url"])
    console.get_by_text("Démarrer la session").click()
    console.get_by_text("État : en cours").wait_for()
    for _ in range(4):  # to "Temps 3 — Propulsion : la parole aux ateliers"
        next_item(console)
    console.get_by_test_id("st-console-nobody").wait_for()
    names = [visible(p, NAME_MAX) for p in P]
    for p, name in zip(P, names, strict=True):
        console.get_by_label("Étiquette pour l'appeler (facultatif, jamais enregistrée)").fill(p)
        console.get_by_test_id("st-add").click()
        emptied(console.get_by_label("Étiquette pour l'appeler (facultatif, jamais enregistrée)"))
        wait_shown(console, name)
    for p, name in zip(P, names, strict=True):
        caller.get_by_test_id("st-name").fill(p)
        caller.get_by_test_id("st-raise").click()
        caller.get_by_test_id("st-position").wait_for()
        console.get_by_test_id("st-queue-name").filter(has_text=name).nth(1).wait_for()  # label and name
        if p != P[-1]:
            caller.get_by_test_id("st-lower").click()
            caller.get_by_test_id("st-raise").wait_for()
    turns_screen = pages.open(PROJECTOR, b["screen_url"])
    console.get_by_test_id("st-next").click()
    turns_screen.get_by_test_id("st-screen-speaker").wait_for()
    check(console, "console, speaking turns", names)
    check(turns_screen, "screen, speaking turns", [visible(P[1])])
    called = [turns_screen.get_by_test_id("st-screen-speaker").inner_text()]
    called += turns_screen.get_by_test_id("st-screen-next").locator(":scope > div").all_inner_texts()[:3]
    assert all(any(name in line for name in names) for line in called), called
    check(caller, "phone, speaking turns")

    # --- session titles: the home page's form, and the API --------------------------------------
    home = pages.open(LAPTOP, f"{server.base_url}/")
    home.get_by_label("Programme", exact=True).click()
    home.get_by_role("option", name="Session vierge").click()
    home.get_by_label("Titre de la session").fill(P[2])
    home.get_by_text("Créer la session").click()
    host_url = home.locator("a.break-all").get_attribute("href")
    check(home, "home page")
    titled = [(host_url.split("/host/")[1].split("?")[0], P[2])]
    for p in P[3:]:
        created = server.create(title=p)
        titled.append((created["code"], p))
    shown_on = pages.open(PROJECTOR)
    for code, p in titled:
        shown_on.goto(f"{server.base_url}/screen/{code}")
        check(shown_on, f"screen of {code}", [visible(p)])
    for code in (a["code"], b["code"]):
        shown_on.goto(f"{server.base_url}/screen/{code}")
        check(shown_on, f"screen of {code}")

    assert pages.dialogs == []
