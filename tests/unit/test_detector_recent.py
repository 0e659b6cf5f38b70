"""A name split over consecutive texts of one author is held: each new text is also checked after
the same author's last texts in the activity (`detector.recent`, `screening.screen`), in memory
only, and only what reaches into the new text counts."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from facilitation.detector import screening
from facilitation.detector.recent import TAIL, RecentTexts, tail
from facilitation.detector.screening import Screener


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
async def detector(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Screener]:
    """The real detector, run in a thread of this process (as the UI tests' app runs it)."""
    screener = Screener(mode="thread")
    monkeypatch.setattr(screening, "_default", screener)
    yield screener
    await screener.close()


def test_an_author_s_last_texts_are_kept_for_a_few_minutes_then_forgotten() -> None:
    clock = Clock()
    recent = RecentTexts(keep=2, window=300.0, clock=clock)
    me, other = ("ABC234", 1, "t1"), ("ABC234", 1, "t2")
    for text in ("un", "deux", "trois"):
        recent.add(me, text)
        clock.now += 10
    recent.add(other, "autre")
    recent.add(("ABC234", 2, "t1"), "ailleurs")  # another activity: another author's memory
    assert recent.before(me) == ("deux", "trois")  # the last two, oldest first
    assert recent.before(other) == ("autre",) and recent.before(("XYZ789", 1, "t1")) == ()
    recent.add(me, "   ")  # nothing to remember
    assert recent.before(me) == ("deux", "trois")
    clock.now += 285  # "deux" was sent 300 s ago: too old to pair with a new text
    assert recent.before(me) == ("trois",)
    clock.now += 400
    assert recent.before(me) == () and len(recent) == 0  # swept: nothing left in memory
    recent.add(me, "quatre")
    recent.forget("ABC234")
    assert recent.before(me) == () and len(recent) == 0


def test_only_the_end_of_a_long_text_is_kept_starting_on_a_word() -> None:
    long = "mot " * 100 + "et Marie"
    kept = tail(long)
    assert long.endswith(kept) and len(kept) <= TAIL and kept.startswith("mot ") and kept.endswith("Marie")
    assert tail("Marie") == "Marie"
    assert tail("x" * 500) == "x" * TAIL  # no word to start on: the last characters


@pytest.mark.parametrize(
    ("first", "second", "found"),
    [
        ("Marie", "Lefèvre a dit ça", "Lefèvre"),
        ("Claire", "Moreau pense que oui", "Moreau"),
        ("Il faut en parler à Jean", "Dupont est d'accord", "Dupont"),
    ],
)
async def test_a_name_split_over_two_texts_is_found_in_the_second(detector, first, second, found) -> None:
    alone = await screening.screen(second)
    assert alone.checked and alone.spans == ()  # harmless alone
    together = await screening.screen(second, before=(first,))
    assert together.checked and together.text == second
    assert [second[s.start : s.end] for s in together.spans] == [found]
    assert {s.kind for s in together.spans} == {"name"}


async def test_what_lies_wholly_in_an_earlier_text_is_not_the_new_text_s(detector) -> None:
    # The earlier text named someone (it was held for that); the new one is harmless.
    screened = await screening.screen(
        "Je propose un budget participatif.", before=("Claire Moreau a raison.",)
    )
    assert screened.checked and screened.spans == ()
    # Two earlier texts: the name starts in the older one's end and reaches through the newer.
    split = await screening.screen("a dit ça", before=("Marie", "Lefèvre"))
    assert split.spans == ()  # the name ends before the new text
    held = await screening.screen("Lefèvre a dit ça", before=("Bonjour.", "Marie"))
    assert ["Lefèvre a dit ça"[s.start : s.end] for s in held.spans] == ["Lefèvre"]


async def test_a_text_found_alone_is_not_checked_again(detector, monkeypatch: pytest.MonkeyPatch) -> None:
    checked: list[str] = []
    real = screening.screen_text

    async def counted(text: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        checked.append(text)
        return await real(text, *args, **kwargs)

    monkeypatch.setattr(screening, "screen_text", counted)
    screened = await screening.screen("Écrivez à claire.moreau@example.org", before=("Bonjour",))
    assert [s.kind for s in screened.spans] == ["email"] and checked == [
        "Écrivez à claire.moreau@example.org"
    ]
    checked.clear()
    await screening.screen("Lefèvre a dit ça", before=("Marie",))
    assert checked == ["Lefèvre a dit ça", "Marie Lefèvre a dit ça"]


async def test_the_combined_check_fails_closed(detector, monkeypatch: pytest.MonkeyPatch) -> None:
    real = screening.screen_text

    async def failing_together(text: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        return screening.incomplete() if text.startswith("Marie ") else await real(text, *args, **kwargs)

    monkeypatch.setattr(screening, "screen_text", failing_together)
    screened = await screening.screen("Lefèvre a dit ça", before=("Marie",))
    assert not screened.checked  # held as "could not be checked"


def test_a_held_text_breaks_the_chain() -> None:
    recent = RecentTexts()
    recent.add("author", "Marie")
    recent.reset("author")  # the next text was held: it and what came before are not joined again
    assert recent.before("author") == ()
    recent.add("author", "Un texte sans personne")
    assert recent.before("author") == ("Un texte sans personne",)
