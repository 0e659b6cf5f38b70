"""A text folded as a reader would read it, before any rule: what a disguise does not hide from
a person in the room must not hide it from the detector.

- `letters(text)`: compatibility forms (NFKC: full-width "Ｊｅａｎ", mathematical "𝐉𝐞𝐚𝐧"), the
  Cyrillic and Greek letters that look like Latin ones (Unicode TR39's confusables, for the
  letters of the Latin alphabet), invisible characters dropped, runs of single letters joined
  ("J e a n", "J.e.a.n", "J-e-a-n"), words run together split ("JeanDupont", "jean_dupont",
  "nathalie.bernard"), and digits inside a word read as letters ("J3an Dup0nt");
- `digits(text)`: letters that look like digits read as digits where they stand among digits
  ("06 OO l2 34 S6");
- `number_words(text)`: numbers written in words read as digits ("zéro six, douze…"), French
  and English (text2num's `alpha2digit`).

Each returns a `View`: the folded text and, for each of its characters, where it came from in the
original, so that a finding points at the original text's span."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

# Cyrillic and Greek letters a reader takes for Latin ones (TR39 confusables, Latin targets only).
CONFUSABLES = str.maketrans(
    "АВЕЅІЈКМНОРСТХУаеѕіјорсхуԁһӏԛԝ"  # Cyrillic
    "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧαοκνρτυχ"  # Greek
    "ıɑ",
    "ABESIJKMHOPCTXYaesijopcxydhlqwABEZHIKMNOPTYXaoKvptuxia",
)
LEET = str.maketrans("0134578@$", "oieastbas")
DIGIT_LOOKALIKES = str.maketrans("OoIlSsBZ", "00115582")


@dataclass(frozen=True)
class View:
    """A folded text; `starts[i]`, `ends[i]`: the original span of its character i."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the folded `text[start:end]`."""
        if not self.text:
            return 0, 0
        start = min(max(start, 0), len(self.text) - 1)
        end = min(max(end, start + 1), len(self.text))
        return self.starts[start], self.ends[end - 1]


def identity(text: str) -> View:
    return View(text, tuple(range(len(text))), tuple(range(1, len(text) + 1)))


class Builder:
    def __init__(self) -> None:
        self.chars: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add(self, chars: str, start: int, end: int) -> None:
        for ch in chars:
            self.chars.append(ch)
            self.starts.append(start)
            self.ends.append(end)

    def view(self) -> View:
        return View("".join(self.chars), tuple(self.starts), tuple(self.ends))


def rebuild(view: View, pieces: list[tuple[str, int, int]]) -> View:
    """A view of `view` whose pieces (text, start, end in `view.text`) are mapped through it."""
    out = Builder()
    for chars, start, end in pieces:
        s, e = view.span(start, end)
        out.add(chars, s, e)
    return out.view()


def normalised(text: str) -> View:
    """NFKC per character, confusables, invisible characters dropped."""
    out = Builder()
    for i, ch in enumerate(text):
        if ch.isascii():
            out.add(ch, i, i + 1)
            continue
        if unicodedata.category(ch) == "Cf":  # zero-width spaces and joiners, soft hyphens
            continue
        folded = unicodedata.normalize("NFKC", ch).translate(CONFUSABLES)
        out.add(folded, i, i + 1)
    return out.view()


LETTER = r"[^\W\d_]"
# three single letters or more, one separator between them throughout ("J e a n", "J.e.a.n")
SINGLE_LETTERS = re.compile(rf"(?<![\w]){LETTER}(?P<sep>[ .·*_-]){LETTER}(?:(?P=sep){LETTER}(?![\w])){{1,}}")
ONE_LETTER_WORDS = "aàyAÀY"  # "D u p o n t a dit": the last "a" is a word of the sentence
CAMEL = re.compile(r"(?<=[a-zà-ÿ])(?=[A-ZÀ-Þ][a-zà-ÿ])")
GLUE = re.compile(rf"(?<={LETTER}{{2}})[_.](?={LETTER}{{2}})")
LEET_WORD = re.compile(r"\b[A-Za-z]+(?:[0-9@$]+[A-Za-z]+)+\b")


def substitute(view: View, pattern: re.Pattern[str], replace: object) -> View:
    """`view` with each match of `pattern` replaced (`replace(match)` -> text), mapped through."""
    text = view.text
    pieces: list[tuple[str, int, int]] = []
    last = 0
    changed = False
    for m in pattern.finditer(text):
        new = replace(m)  # type: ignore[operator]
        if new == m.group(0):
            continue
        changed = True
        pieces.extend((ch, i, i + 1) for i, ch in enumerate(text[last : m.start()], last))
        if new:
            if len(new) == m.end() - m.start():
                pieces.extend((ch, i, i + 1) for i, ch in enumerate(new, m.start()))
            else:
                pieces.extend(_spread(new, m.start(), m.end(), m.group(0)))
        last = m.end()
    if not changed:
        return view
    pieces.extend((ch, i, i + 1) for i, ch in enumerate(text[last:], last))
    return rebuild(view, pieces)


def _spread(new: str, start: int, end: int, old: str) -> list[tuple[str, int, int]]:
    """The characters of `new` mapped to the characters of `old` they come from (a joined run of
    letters: each letter to itself), or to the whole of `old`."""
    pieces: list[tuple[str, int, int]] = []
    j = 0
    for ch in new:
        k = old.find(ch, j)
        if ch != " " and k >= 0:
            pieces.append((ch, start + k, start + k + 1))
            j = k + 1
        else:
            pieces.append(
                (ch, start + j if j < len(old) else end - 1, start + j + 1 if j < len(old) else end)
            )
    return pieces


def joined(m: re.Match[str]) -> str:
    """A run of single letters as one word; a last "a", "à" or "y" after spaces stays a word of
    its own unless the whole is a first name ("E m m a")."""
    letters = m.group(0)[:: len(m.group("sep")) + 1]
    if m.group("sep") == " " and letters[-1] in ONE_LETTER_WORDS and len(letters) > 3:
        from .rules import first_name_lists

        if letters.lower() not in first_name_lists()[0]:
            return f"{letters[:-1]} {letters[-1]}"
    return letters


def letters(text: str) -> View:
    """The text as a reader reads its letters (see the module)."""
    view = normalised(text)
    view = substitute(view, SINGLE_LETTERS, joined)
    view = substitute(view, CAMEL, lambda m: " ")
    view = substitute(view, GLUE, lambda m: " ")
    view = substitute(view, LEET_WORD, lambda m: m.group(0).translate(LEET))
    return view


# a run of three groups or more of digits and look-alike letters, with at least six true digits
DIGIT_RUN = re.compile(r"(?<![\w+])(?:\+|\b)[0-9OoIlSsBZ]{1,5}(?:[\s.-][0-9OoIlSsBZ]{1,5}){2,}(?![\w])")


def digits(text: str) -> View:
    """The text with letters that look like digits read as digits among digits."""
    view = normalised(text)

    def read(m: re.Match[str]) -> str:
        run = m.group(0)
        if sum(ch.isdigit() for ch in run) < 6 or all(ch.isdigit() or not ch.isalpha() for ch in run):
            return run
        return run.translate(DIGIT_LOOKALIKES)

    return substitute(view, DIGIT_RUN, read)


NUMBER_WORD = re.compile(
    r"\b(?:z[ée]ro|un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize"
    r"|vingts?|trente|quarante|cinquante|soixante|cent|zero|oh|one|two|three|four|five|seven|eight|nine"
    r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty"
    r"|forty|fifty|sixty|seventy|eighty|ninety|hundred)\b",
    re.IGNORECASE,
)


def number_words(text: str) -> View | None:
    """The text with its numbers written in words read as digits (None: it has none)."""
    base = letters(text)
    if not NUMBER_WORD.search(base.text):
        return None
    from text_to_num import alpha2digit  # type: ignore[import-untyped]

    converted = base.text
    for lang in ("fr", "en"):
        converted = alpha2digit(converted, lang)
    if converted == base.text:
        return None
    return align(base, converted)


def align(view: View, new: str) -> View:
    """`new`, a rewriting of `view.text`, mapped through it: unchanged stretches to themselves,
    each rewritten stretch to the whole of what it replaced."""
    pieces: list[tuple[str, int, int]] = []
    matcher = difflib.SequenceMatcher(None, view.text, new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            pieces.extend((new[b1 + k], a1 + k, a1 + k + 1) for k in range(a2 - a1))
        elif op in ("replace", "insert"):
            start, end = (a1, a2) if a2 > a1 else (max(a1 - 1, 0), max(a1, 1))
            pieces.extend((ch, start, end) for ch in new[b1:b2])
    return rebuild(view, pieces)
