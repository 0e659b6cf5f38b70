"""The simulated phone of the benchmarks (bench/phones.py) reads a plan's bilingual texts as its
page shows them, and refuses to watch for anything but a string (a bilingual title handed to
`expect` once broke every phone's reader, and every phone counted as disconnected)."""

from __future__ import annotations

import pytest

from bench.outcome import reached
from bench.phones import SimClient, page_lang, settle

TITLE = {"fr": "Accueil et manifeste", "en": "Welcome and manifesto"}


def test_a_page_is_read_in_its_language_french_by_default() -> None:
    assert page_lang('<!DOCTYPE html>\n<html lang="fr">') == "fr"
    assert page_lang('<html lang="en-GB">') == "en"
    assert page_lang("<html>") == "fr"
    assert page_lang('<html lang="de">') == "fr"  # a language Cercle does not speak


def test_a_phone_reads_a_plan_text_in_its_page_language() -> None:
    phone = SimClient("http://127.0.0.1:1", "/j/ABCDEF")
    assert phone.reads(TITLE) == "Accueil et manifeste"
    assert phone.reads("Pause") == "Pause"  # a text written once reads the same in both
    phone.lang = "en"
    assert phone.reads(TITLE) == "Welcome and manifesto"
    assert phone.reads({"fr": "Seulement en français"}) == "Seulement en français"


async def test_a_phone_watches_for_strings_only() -> None:
    phone = SimClient("http://127.0.0.1:1", "/j/ABCDEF")
    with pytest.raises(TypeError, match="reads"):
        phone.expect(TITLE)  # type: ignore[arg-type]
    assert not phone.watchers
    assert not phone.expect(phone.reads(TITLE)).done()
    phone.expect('Le "oui" l\'emporte')
    assert phone.watchers[-1][0] == 'Le \\"oui\\" l\'emporte'  # as it reads in a message's JSON


def test_a_tiny_run_settles_briefly_and_a_large_one_as_documented() -> None:
    assert settle(1000, 3) == settle(200, 3) == 3
    assert settle(10, 3) < 1


def test_a_phase_counts_as_reached_when_every_phone_saw_it() -> None:
    assert reached({"reached": 10, "missed": 0, "p50": 1.0}, 10)
    assert not reached({"reached": 9, "missed": 1}, 10)
    assert not reached({"reached": 0, "missed": 0}, 10)
