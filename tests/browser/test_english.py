"""In English, end to end: a débat mouvant round on a phone, the screen and the console, whose
visible text holds no word of the French interface, with `<html lang>`, Quasar's language pack
and the connection banner in English; a French page still says French.

The French-only words are those of the translation tables' French that their English never uses,
less the plan's own English (its proper nouns: "Open d'État") and the session's code."""

from __future__ import annotations

import re

import pytest

from facilitation import i18n
from facilitation.plans import load_plan
from tests.browser.conftest import LAPTOP, PHONE, PROJECTOR
from tests.harness import import_everything, texts_of

pytestmark = pytest.mark.browser

PLAN = "open-detat-2018-03-12"
WORD = re.compile(r"[^\W\d_]{3,}")  # words of three letters or more


def words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(text)}


def entries(lang: str) -> list[str]:
    import_everything()
    found = []
    for entry in i18n.keys().values():
        value = entry[lang]
        found += [value] if isinstance(value, str) else list(value.values())
    return found


def french_only_words() -> set[str]:
    french = set().union(*(words(x) for x in entries("fr")))
    english = set().union(*(words(x) for x in entries("en")))
    plan = load_plan(PLAN)
    plan_texts = [text.get("en") for _, text in texts_of(plan)]
    for item in plan.agenda:
        for statement in item.settings.get("statements", []):
            plan_texts += [
                v["en"] if isinstance(v, dict) else v for v in statement.values() if isinstance(v, str | dict)
            ]
        plan_texts += [t["title"]["en"] for t in item.settings.get("themes", [])]
    return french - english - set().union(*(words(x) for x in plan_texts))


FRENCH = french_only_words()


SHOWN = """() => [document.body.innerText, ...Array.from(
    document.querySelectorAll('[aria-label], [title], [placeholder], [alt]'),
    (e) => ['aria-label', 'title', 'placeholder', 'alt'].map((a) => e.getAttribute(a) || '').join(' '),
)].join(' ')"""


def french_in(page, code: str) -> list[str]:
    """The French-only words in what the page shows (its visible text) and says to a screen
    reader (labels, titles, placeholders)."""
    shown = page.evaluate(SHOWN).replace(code, " ")
    return sorted(words(shown) & FRENCH)


def english(url: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}lang=en"


def test_a_debat_round_in_english_shows_no_french(server, browser) -> None:
    assert {"vote", "ouvrir", "participant", "position"} & FRENCH == {"ouvrir"}  # the list is sound
    session = server.create(plan=PLAN)
    code = session["code"]
    host = browser.new_context(viewport=LAPTOP).new_page()
    host.goto(english(session["host_url"]))
    host.get_by_text("Start the session").click()
    host.get_by_text("Next item").click()
    host.get_by_text("Open the vote").wait_for()
    screen = browser.new_context(viewport=PROJECTOR).new_page()
    screen.goto(english(session["screen_url"]))
    screen.get_by_text("Statement 1 / 5").first.wait_for()
    phone = browser.new_context(viewport=PHONE).new_page()
    phone.goto(english(session["join_url"]))
    phone.get_by_text("The forum's charter").wait_for()
    assert french_in(phone, code) == []  # the charter, in English
    phone.get_by_test_id("accept-charter").click()
    phone.get_by_test_id("join").click()
    phone.get_by_test_id("dm-choice-a").wait_for()
    pages = {"phone": phone, "screen": screen, "console": host}

    def no_french(moment: str) -> None:
        for name, page in pages.items():
            assert french_in(page, code) == [], f"French on the {name} ({moment})"

    for name, page in pages.items():
        assert page.evaluate("document.documentElement.lang") == "en-GB", name
        assert page.evaluate("window.Quasar.lang.props.isoName") == "en-GB", name
        banner = page.locator("#popup").text_content() or ""
        assert "Connection lost" in banner and "Connexion" not in banner, name
    no_french("before the vote")

    host.get_by_text("Open the vote").click()
    phone.get_by_test_id("dm-choice-a").click()
    phone.get_by_text("Position recorded").wait_for()
    screen.get_by_text("1 of 1 participant took a position").wait_for()
    assert screen.get_by_test_id("dm-bar").locator(".dm-leg[data-position=a] .dm-leg-count").inner_text() == (
        "1 (100%)"
    )
    no_french("round 1 open")

    host.get_by_text("Close the round").click()
    phone.get_by_test_id("dm-closed").wait_for()
    host.get_by_text("Move to arguments").click()
    phone.get_by_test_id("dm-argument").wait_for()
    no_french("arguments")

    host.get_by_text("Open the final round").click()
    phone.get_by_test_id("dm-choice-b").click()
    phone.get_by_text("Position recorded: B").wait_for()
    host.get_by_text("Close the round").click()
    screen.get_by_test_id("dm-sentence").wait_for()
    assert screen.get_by_test_id("dm-sentence").inner_text().startswith("1 person changed position")
    host.get_by_text("Reveal on phones").click()
    phone.get_by_test_id("dm-result").wait_for()
    no_french("results")


def test_a_french_page_still_says_french(server, browser) -> None:
    session = server.create(plan=PLAN)
    phone = browser.new_context(viewport=PHONE).new_page()
    phone.goto(session["join_url"])
    phone.get_by_text("La charte du forum").wait_for()
    assert phone.evaluate("document.documentElement.lang") == "fr"
    assert phone.evaluate("window.Quasar.lang.props.isoName") == "fr"
    assert "Connexion perdue" in (phone.locator("#popup").text_content() or "")
    assert "Chatham House" in phone.locator(".cercle-charter").inner_text()
    assert "Règle de Chatham House" in phone.locator(".cercle-charter").inner_text()
    assert len(french_in(phone, session["code"])) > 10  # the scan does see French where there is


def test_a_bilingual_screen_shows_both_languages(server, browser) -> None:
    session = server.create(plan=PLAN)
    host = browser.new_context(viewport=LAPTOP).new_page()
    host.goto(session["host_url"])
    host.get_by_test_id("details-bilingual").click()
    host.get_by_test_id("save-details").click()
    host.get_by_text("Détails enregistrés.").wait_for()
    screen = browser.new_context(viewport=PROJECTOR).new_page()
    screen.goto(session["screen_url"])
    title = screen.locator(".cercle-screen-title")
    title.locator(".cercle-second").wait_for()
    assert title.locator(".cercle-first").inner_text().startswith("Forum Open d'État #1")
    second = title.locator(".cercle-second")
    assert second.inner_text().startswith("Open d'État forum #1") and second.get_attribute("lang") == "en"
    assert float(second.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 36
    host.get_by_text("Démarrer la session").click()
    host.get_by_text("Point suivant").click()
    prompt = screen.locator(".dm-screen-prompt .cercle-second")
    prompt.wait_for()
    assert prompt.inner_text() == "The Open d'État forums, a successful approach if…"
    assert float(prompt.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 36
    # the screen's switch puts English first
    screen.get_by_test_id("screen-lang").click()
    screen.locator(".dm-screen-prompt .cercle-first", has_text="The Open d'État forums").wait_for()
    assert (
        screen.locator(".dm-screen-prompt .cercle-second").inner_text().startswith("Les forums Open d'État")
    )
