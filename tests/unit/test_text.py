"""Free text at the door (`facilitation.text.clean_text`), and every door calling it."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from activities.debat_mouvant.settings import parse_statement
from activities.debat_mouvant.state import clean_argument
from activities.speaking_turns import names
from activities.world_cafe import contributions
from activities.world_cafe.settings import parse_settings as cafe_settings
from facilitation import feedback
from facilitation.commands import HOST, PUBLIC
from facilitation.rooms import Rooms
from facilitation.text import clean_text, strip_invisible
from tests.harness import said
from tests.unit.test_restitution_support import registry, run_session, write_plan

BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]
BIDI_MARKS = ["\u200e", "\u200f", "\u061c"]
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]
OTHER_FORMAT = [
    "\u2061",
    "\u2062",
    "\u2063",
    "\u2064",
    "\u180e",
    "\ufff9",
    "\ufffb",
    "\U000e0001",
    "\U000e0041",
]
CONTROLS = ["\x00", "\x07", "\x08", "\x1b", "\x7f", "\x9b"]
FILLERS = ["\u115f", "\u1160", "\u3164", "\uffa0"]
SURROGATE = ["\ud800"]


@pytest.mark.parametrize(
    "char",
    BIDI + BIDI_MARKS + ZERO_WIDTH + OTHER_FORMAT + CONTROLS + FILLERS + SURROGATE,
    ids=lambda c: f"U+{ord(c):04X}",
)
def test_each_invisible_or_direction_character_is_removed(char) -> None:
    assert clean_text(f"mot{char}clé") == "motclé"
    assert clean_text(f"{char}début et fin{char}") == "début et fin"


def test_a_right_to_left_override_no_longer_turns_a_name_around() -> None:
    assert clean_text("facture\u202efdp.exe") == "facturefdp.exe"
    assert clean_text("\u2067\u202eRLO\u202c\u2069 ok") == "RLO ok"


FRENCH = [
    "Œuvre, cœur, nœud, æther, Lætitia : élève, où, çà, naïf, Noël, « guillemets »",
    "L’État s’engage ; dès demain, à 18 h 30, l’ÉCOLE rouvrira. Ça va ?",
    "Oui\u202f! Non\u202f? 10\u00a0000 personnes.",  # French no-break spaces stay
    "Emoji : 🎉 👍🏽 🇫🇷 ❤️ 1️⃣ 👩\u200d💻 🏳️\u200d🌈 👨\u200d👩\u200d👧 ❤️\u200d🔥",
    "Drapeau d'Écosse : \U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",
    "Vietnamien : Tiếng Việt ; arabe : العربية ; grec : Ελληνικά ; japonais : 日本語",
]


@pytest.mark.parametrize("text", FRENCH)
def test_french_accents_ligatures_and_emoji_pass_unchanged(text) -> None:
    assert clean_text(text) == text
    assert clean_text(text, multiline=True) == text


def test_text_is_put_in_normal_form_c() -> None:
    decomposed = "e\u0301le\u0300ve, Noe\u0308l"
    assert decomposed != "élève, Noël"
    assert clean_text(decomposed) == "élève, Noël"
    assert unicodedata.is_normalized("NFC", clean_text("A\u030a\u0327"))


def test_a_zero_width_joiner_stays_only_inside_an_emoji_sequence() -> None:
    assert clean_text("pass\u200dword 👩\u200d💻") == "password 👩\u200d💻"
    assert clean_text("a\u200d👍 👍\u200da \u200d👍") == "a👍 👍a 👍"


def test_combining_marks_are_capped_so_text_cannot_spill_over_its_lines() -> None:
    zalgo = "Z" + "\u0336\u0317\u0353" * 10 + "algo"
    cleaned = clean_text(zalgo)
    assert cleaned.startswith("Z") and cleaned.endswith("algo")
    assert len(cleaned) == 1 + 4 + 4


def test_one_line_collapses_spaces_multiline_keeps_lines() -> None:
    assert clean_text("  un\t deux\r\ntrois\u2028quatre  ") == "un deux trois quatre"
    assert (
        clean_text(" un \r\n\r\n\r\n\r\n deux  trois \rquatre ", multiline=True) == "un\n\ndeux trois\nquatre"
    )
    assert clean_text(None) == "" and clean_text("\u200b \u202e") == ""


@given(st.text())
def test_cleaning_is_idempotent_and_leaves_no_invisible_character(text) -> None:
    cleaned = clean_text(text)
    assert clean_text(cleaned) == cleaned
    assert not any(c in cleaned for c in BIDI + BIDI_MARKS + ["\u200b", "\u2060", "\ufeff", "\u00ad"])
    assert not any(unicodedata.category(c) in ("Cc", "Cs") for c in cleaned)
    assert cleaned == cleaned.strip()
    assert strip_invisible(cleaned) == cleaned


# --- every door cleans --------------------------------------------------------------------------

DIRTY = "\u202eun\u200b texte\u200d\ufeff  sûr\u2066"
CLEAN = "un texte sûr"


def test_debat_mouvant_arguments_and_live_statements_are_cleaned() -> None:
    assert clean_argument(DIRTY) == CLEAN
    statement = parse_statement({"form": "dilemma", "prompt": DIRTY, "a": f"A {DIRTY}", "b": f"{DIRTY} B"})
    assert (statement.prompt, statement.a, statement.b) == (CLEAN, f"A {CLEAN}", f"{CLEAN} B")
    scale = parse_statement({"form": "scale", "prompt": "p", "labels": [DIRTY, "b", "c", "d", "e"]})
    assert scale.labels == [CLEAN, "b", "c", "d", "e"]


def test_world_cafe_contributions_and_themes_are_cleaned() -> None:
    assert contributions.clean(DIRTY) == CLEAN
    settings = cafe_settings({"themes": [{"title": DIRTY}]})
    assert settings.themes[0].title == CLEAN


def test_names_typed_to_be_called_by_are_cleaned() -> None:
    assert names.clean(DIRTY) == CLEAN
    assert names.clean("\u202e" + "x" * 60) == "x" * names.NAME_MAX


def test_session_titles_are_cleaned(rooms) -> None:
    room, _ = rooms.create(title=DIRTY)
    assert room.state.title == CLEAN


def test_comments_and_reasons_are_cleaned(store, clock, tmp_path) -> None:
    write_plan(tmp_path / "plans")
    fake = Rooms(store, clock=clock, registry=registry(), plans_dir=tmp_path / "plans")
    room = run_session(fake, clock, [f"tok{i:02d}-abcdefghijklmnopq" for i in range(3)])
    room.run_now(PUBLIC, feedback.post_comment, said(f"{DIRTY}\r\n\r\n\r\nfin\u202e"))
    room.run_now(HOST, feedback.moderate_comment, 1, hide=True, reason=f"motif {DIRTY}")
    [comment] = room.state.comments
    assert comment.text == f"{CLEAN}\n\nfin"
    assert comment.reason == f"motif {CLEAN}"
