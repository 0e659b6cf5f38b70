"""In English, end to end: a débat mouvant round, and the DITP forum's idea workshop and controversy
map, on a phone, the screen and the console, whose visible text holds no word of the French
interface, with `<html lang>`, Quasar's language pack and the connection banner in English; a text
typed in French on the console and given its English there reads in English; a French page still
says French.

The French-only words are those of the translation tables' French that their English never uses,
less the shipped plans' own English (their proper nouns: "Open d'État") and the session's code."""

from __future__ import annotations

import re

import pytest

from facilitation import i18n
from facilitation.agenda import settings_model
from facilitation.plans import list_plans, load_plan
from tests.browser.conftest import LAPTOP, PHONE, PROJECTOR, fill
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


def plan_english(name: str) -> list[str]:
    """Every text of a shipped plan in English, its items' settings included."""
    plan = load_plan(name)
    found = [text.get("en") for _, text in texts_of(plan)]
    for item in plan.agenda:
        model = settings_model(item.kind)
        if model is not None:
            found += [text.get("en") for _, text in texts_of(model.model_validate(item.settings))]
    return found


def french_only_words() -> set[str]:
    french = set().union(*(words(x) for x in entries("fr")))
    english = set().union(*(words(x) for x in entries("en")))
    plans = [x for plan in list_plans() for x in plan_english(plan.name)]
    return french - english - set().union(*(words(x) for x in plans))


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
    # One voter: under the disclosure rule the count is not published, only its mark (the same
    # mark as an empty count, in both languages).
    assert (
        screen.get_by_test_id("dm-bar").locator(".dm-leg[data-position=a] .dm-leg-count").inner_text() == "·"
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
    # One person moved: the movement is not published (a single move would name its mover),
    # and the screen says why, in English.
    assert screen.get_by_test_id("dm-sentence").inner_text() == (
        "Too few answers to be shown without anyone being recognised."
    )
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


def test_the_ditp_idea_workshop_and_controversy_map_in_english_show_no_french(server, browser) -> None:
    session = server.create(plan="forum-ditp")
    code = session["code"]
    host = browser.new_context(viewport=LAPTOP).new_page()
    host.goto(english(session["host_url"]))
    host.get_by_text("Start the session").click()
    host.get_by_test_id("goto-2").click()
    host.get_by_test_id("id-open").wait_for()
    screen = browser.new_context(viewport=PROJECTOR).new_page()
    screen.goto(english(session["screen_url"]))
    phone = browser.new_context(viewport=PHONE).new_page()
    phone.goto(english(session["join_url"]))
    phone.get_by_text("The forum's charter").wait_for()
    assert "stakeholder group" in phone.locator(".cercle-charter").inner_text()
    assert french_in(phone, code) == []
    phone.get_by_test_id("accept-charter").click()
    phone.get_by_text("Citizen", exact=True).click()
    assert french_in(phone, code) == []  # the profile: categories and stakeholder groups
    phone.get_by_test_id("join").click()
    phone.get_by_test_id("id-send").wait_for()
    pages = {"phone": phone, "screen": screen, "console": host}

    def no_french(moment: str) -> None:
        for name, page in pages.items():
            assert french_in(page, code) == [], f"French on the {name} ({moment})"

    for name, page in pages.items():
        assert page.evaluate("document.documentElement.lang") == "en-GB", name
    wall = screen.get_by_test_id("id-wall")
    wall.get_by_text("Open a dataset that civil society is waiting for").wait_for()  # the plan's idea
    assert "Ouvrir un jeu de données" not in wall.inner_text()
    no_french("ideas")

    fill(phone, "id-text", "A users' committee for each commitment")
    phone.get_by_test_id("id-send").click()
    phone.get_by_text("Thank you, your idea is shown.").wait_for()
    fill(host, "id-new", "Former les agents au gouvernement ouvert")  # typed live, in French
    host.get_by_test_id("id-add").click()
    host.get_by_test_id("id-translate-i6").click()
    fill(host, "translate-en-0", "Train public servants in open government")
    host.get_by_test_id("translate-save").click()
    host.get_by_text("English saved.").wait_for()
    wall.get_by_text("Train public servants in open government").wait_for()
    assert "Former les agents" not in wall.inner_text()
    host.get_by_test_id("id-select-i1").click()
    host.get_by_test_id("id-select-i2").click()
    fill(host, "id-cluster-name", "Open and consult")
    host.get_by_test_id("id-group").click()
    wall.get_by_text("Open and consult").wait_for()
    no_french("the wall grouped")

    host.get_by_test_id("id-open").click()
    phone.get_by_text("Dots placed: 0 / 3").wait_for()
    phone.locator('button[data-dot="c1"][data-delta="1"]').click()
    phone.get_by_text("Dots placed: 1 / 3").wait_for()
    ranking = screen.get_by_test_id("id-ranking")
    ranking.locator('[data-option="c1"][data-dots="1"]').get_by_text("1 dot", exact=True).wait_for()
    assert ranking.get_by_test_id("id-voters").inner_text() == "1 person placed dots"
    no_french("the dot vote")
    host.get_by_test_id("id-close").click()
    phone.get_by_text("The vote is closed. Thank you!").wait_for()
    no_french("the vote closed")

    host.get_by_test_id("goto-3").click()
    host.get_by_test_id("cv-open").click()
    phone.get_by_text("Statement 1 / 6 · 0 answered").wait_for()
    assert "public servants can speak freely" in phone.locator(".cv-card-text").inner_text()
    phone.locator('button[data-pos="5"]').click()
    phone.get_by_text("Position recorded: Strongly agree").wait_for()
    the_map = screen.get_by_test_id("cv-map")
    the_map.get_by_text("In this forum, public servants can speak freely", exact=False).wait_for()
    no_french("the controversy map")
    for name, page in pages.items():
        assert page.evaluate("document.documentElement.lang") == "en-GB", name
