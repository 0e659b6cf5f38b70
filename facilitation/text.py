"""Free text at the door: what every text typed by a person goes through before Cercle keeps it.

`clean_text` is called wherever free text enters (arguments, statements typed live, café
contributions and themes, names typed to be called by, comments and moderation reasons, session
titles). It removes what a reader cannot see but a screen obeys, and keeps everything a person
writes on purpose:

- **removed**: bidirectional controls (embeddings and overrides U+202A–U+202E, isolates
  U+2066–U+2069, marks U+200E, U+200F, U+061C), which let "txt.exe" show as "exe.txt" on the
  projected screen; zero-width and invisible characters (U+200B–U+200D, U+2060–U+2064, U+FEFF,
  the soft hyphen U+00AD, the Hangul fillers that show as blank names), every other Unicode
  "format" character (category Cf), control characters (category Cc, line breaks aside), lone
  surrogates, and combining marks past the fourth on one letter ("Zalgo" text that spills over
  the lines around it);
- **kept**: accents, ligatures (œ, æ), every script, emoji, including sequences joined by a
  zero-width joiner (👩‍💻) and subdivision flags (🏴 with its tag characters), and the French
  no-break spaces (U+00A0, U+202F) when they stand alone between words.

The text is then put in Unicode normal form C (an "é" typed as "e" and an accent becomes the one
character "é", so equal texts compare equal) and its spaces are tidied: on one line, every run of
spaces and line breaks becomes one space; in a `multiline` text, line breaks are kept (at most one
empty line in a row) and runs of spaces become one. Pure, no I/O.
"""

from __future__ import annotations

import re
import unicodedata

MAX_MARKS = 4  # combining marks kept on one base letter (Vietnamese needs 2, a keycap emoji 2)

HANGUL_FILLERS = frozenset("\u115f\u1160\u3164\uffa0")
ZWJ = "\u200d"
BLACK_FLAG = "\U0001f3f4"
TAGS = range(0xE0020, 0xE0080)  # tag characters: only inside a subdivision flag
NO_BREAK_SPACES = frozenset("\u00a0\u202f")
LINE_BREAKS = re.compile(r"\r\n|[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]")
SPACES = re.compile(r"[^\S\n]+")
SPACES_ONE_LINE = re.compile(r"\s+")
BLANK_LINES = re.compile(r"\n{3,}")


def _emoji_like(ch: str) -> bool:
    """Whether `ch` can sit on either side of a zero-width joiner in an emoji sequence."""
    code = ord(ch)
    return code >= 0x1F000 or 0x2190 <= code <= 0x2BFF or ch == "\ufe0f" or ch in "\u00a9\u00ae"


def _dropped(ch: str, category: str) -> bool:
    if ch in HANGUL_FILLERS:
        return True
    if category == "Cc":
        return ch not in "\n\t\r\v\f\x1c\x1d\x1e\x1f\x85"  # spacing controls are tidied below
    return category in ("Cf", "Cs")


def strip_invisible(text: str) -> str:
    """`text` without the invisible and direction-changing characters listed in the module's
    docstring; emoji sequences and visible text untouched."""
    out: list[str] = []
    marks = 0
    in_flag = False
    for i, ch in enumerate(text):
        category = unicodedata.category(ch)
        if ord(ch) in TAGS or ch == "\U000e007f":
            if in_flag:
                out.append(ch)
                in_flag = ch != "\U000e007f"
            continue
        in_flag = ch == BLACK_FLAG
        if ch == ZWJ:
            after = text[i + 1] if i + 1 < len(text) else ""
            if out and _emoji_like(out[-1]) and after and after != "\ufe0f" and _emoji_like(after):
                out.append(ch)
            continue
        if _dropped(ch, category):
            continue
        if category in ("Mn", "Me"):
            marks += 1
            if marks > MAX_MARKS:
                continue
        else:
            marks = 0
        out.append(ch)
    return "".join(out)


def _space(match: re.Match[str]) -> str:
    run = match.group()
    return run if run in NO_BREAK_SPACES else " "


def clean_text(text: str | None, *, multiline: bool = False) -> str:
    """Free text as Cercle keeps it: invisible characters removed, NFC, spaces tidied, trimmed.
    One line unless `multiline` (then line breaks are kept, at most one empty line in a row)."""
    text = unicodedata.normalize("NFC", strip_invisible(text or ""))
    if not multiline:
        return SPACES_ONE_LINE.sub(_space, text).strip()
    text = LINE_BREAKS.sub("\n", text)
    lines = [SPACES.sub(_space, line).strip() for line in text.split("\n")]
    return BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
