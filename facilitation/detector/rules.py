"""Cercle's own rules, on top of Presidio's recognizers: French phone formats, titles and roles
with a surname, @handles, names in capitals, first names that are common words only before a
capitalised surname, and the actor-field rule (a person where an organisation is expected).

Pure functions of the text (and, where a spaCy document is at hand, of its entities): each
returns `(start, end)` spans. `analysis.py` wraps them in Presidio recognizers."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from .words import (
    FIRST_NAMES,
    FRENCH_ONLY_TITLES,
    INSTITUTION_AFTER,
    NOT_NAME_WORDS,
    PARTICLES,
    PLACE_BEFORE,
    ROLE_QUALIFIERS,
    ROLES,
    SURNAMES,
    TITLES,
)

Span = tuple[int, int]

UPPER = "A-ZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸÆŒÁÍÓÚÑ"
LOWER = "a-zàâäçéèêëîïôöùûüÿæœßáíóúñãõ"
CAP = rf"[{UPPER}](?:['’][{UPPER}])?[{LOWER}]+"  # Dupont, O'Brien
UPW = rf"[{UPPER}]{{2,}}"  # DUPONT
WORD = rf"(?:{CAP}|{UPW})(?:-(?:{CAP}|{UPW}))*"  # Jean-Baptiste, SAINT-MARTIN
PARTICLE = "|".join(re.escape(p) for p in PARTICLES if not p.endswith("'"))
SURNAME = rf"(?:(?:{PARTICLE})\s+|d['’])*{WORD}"  # Le Goff, de La Tour, d'Aubigny
END = r"(?=['’]s\b|[^\w'’-]|$)"  # a word ends here, or a possessive ("Emma Rossi's")
START = r"(?<![\w'’-])"


def words_of(span: str) -> list[str]:
    return re.findall(rf"[{UPPER}{LOWER}'’]+", span)


def is_first_name(word: str) -> bool:
    """A first name of the lists, also when composed ("Jean-Baptiste", "Anne-Sophie")."""
    w = word.lower().replace("’", "'")
    return w in FIRST_NAMES or ("-" in w and all(p in FIRST_NAMES for p in w.split("-")))


def not_a_name(word: str) -> bool:
    """Whether a capitalised word is an organisation's, a place's or a policy's word."""
    w = word.lower().replace("’", "'")
    return w in NOT_NAME_WORDS or w in ROLES or any(p in NOT_NAME_WORDS for p in w.split("-") if len(p) > 3)


def word_before(text: str, start: int) -> str:
    m = re.search(r"([\w.'’-]+)\s*$", text[:start])
    return m.group(1).lower() if m else ""


def word_after(text: str, end: int) -> str:
    m = re.match(r"\s*([\w'’-]+)", text[end:])
    return m.group(1).lower() if m else ""


def named_after(text: str, start: int, end: int) -> bool:
    """Places and institutions named after someone are not people: "rue Pierre Lefebvre",
    "Saint-Pierre", "Alan Turing Institute"."""
    before = word_before(text, start)
    return (
        before in PLACE_BEFORE
        or before.endswith(("saint-", "sainte-"))
        or word_after(text, end) in INSTITUTION_AFTER
    )


# --- names from the first-name lists -------------------------------------------------------------

FIRST_LAST = re.compile(rf"({WORD})\s+({SURNAME}){END}")
UPPER_FIRST = re.compile(rf"({UPW}(?:-{UPW})*)\s+({CAP}(?:-{CAP})?){END}")
WORD_START = re.compile(rf"{START}(?=[\w])")


def scan(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """`pattern` tried at the start of every word: overlapping candidates, so that a rejected
    one ("Merci Victor") does not hide the next ("Victor Lacroix")."""
    for start in WORD_START.finditer(text):
        m = pattern.match(text, start.start())
        if m:
            yield m


def listed_names(text: str) -> Iterator[Span]:
    """A listed first name before a capitalised surname ("Pierre Lefebvre", "Jean DUPONT"), a
    capitalised word before a listed surname ("Siobhan Kelly"), or a surname in capitals before a
    listed first name ("DUPONT Jean")."""
    for m in scan(FIRST_LAST, text):
        first, surname = m.group(1), words_of(m.group(2))[-1]
        if not_a_name(surname) or named_after(text, *m.span()):
            continue
        if is_first_name(first) or (surname.lower() in SURNAMES and not not_a_name(first)):
            yield m.span()
    for m in scan(UPPER_FIRST, text):
        if is_first_name(m.group(2)) and not not_a_name(m.group(1)):
            yield m.span()


# --- titles and roles ----------------------------------------------------------------------------


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _any_case_first(words: Iterable[str]) -> str:
    return "|".join(
        f"[{w[0].upper()}{w[0].lower()}]{re.escape(w[1:])}" for w in sorted(words, key=len, reverse=True)
    )


ROLE = rf"(?:{_any_case_first(ROLES)})"
QUALIFIERS = rf"(?:\s+(?:{_alternation(ROLE_QUALIFIERS)})){{0,2}}"
ARTICLE = r"(?:[Ll]e|[Ll]a|[Ll]['’]|[Tt]he)"
PERSON_AFTER_TITLE = rf"(?:{WORD}\s+)?{SURNAME}"
PERSON_AFTER_ROLE = rf"(?:{WORD}\s+)?{WORD}"


def _title_pattern(titles: Iterable[str]) -> re.Pattern[str]:
    title = rf"(?<![\w.])(?:{_alternation(titles)})(?![\w])"
    return re.compile(
        rf"{title}\s+(?:(?:{ARTICLE}\s*{ROLE}{QUALIFIERS}\s+)({PERSON_AFTER_ROLE})|({PERSON_AFTER_TITLE})){END}"
    )


TITLE_FR = _title_pattern(TITLES + FRENCH_ONLY_TITLES)
TITLE_EN = _title_pattern(TITLES)
ROLE_NAME = re.compile(
    rf"(?:{ARTICLE}\s*{ROLE}|(?:{_alternation(r.capitalize() for r in ROLES)})){QUALIFIERS}"
    rf"\s+({PERSON_AFTER_ROLE}){END}"
)


def titled_names(text: str, lang: str) -> Iterator[Span]:
    """A title or a role with a surname: "M. Dupont", "Mme la directrice Bertrand", "le préfet
    Martin", "Dr Ahmed Khan", "Mayor Collins". Not "Monsieur le Maire", "le maire de Nantes"."""
    for m in scan(TITLE_FR if lang == "fr" else TITLE_EN, text):
        person = m.group(1) or m.group(2)
        if not any(not_a_name(w) for w in words_of(person) if w not in PARTICLES):
            yield m.span()
    for m in scan(ROLE_NAME, text):
        if not any(not_a_name(w) for w in words_of(m.group(1))):
            yield m.span()


# --- handles and phone numbers -------------------------------------------------------------------

HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,29}[A-Za-z0-9_])?(?![\w@])")
FRENCH_PHONE = re.compile(
    r"(?<![\w+/-])(?:(?:\+|00)33[\s.-]?(?:\(0\)[\s.-]?)?|0)[1-9](?:[\s.-]?\d{2}){4}(?![\w])"
)
OTHER_PHONE = re.compile(
    r"(?<![\w+(/-])(?:\+\d{1,3}|\(\d{2,4}\)|0\d{1,4})(?:[\s.-]?\(?\d{1,4}\)?){2,5}(?![\w])"
)


def handles(text: str) -> Iterator[Span]:
    return (m.span() for m in HANDLE.finditer(text))


def phones(text: str) -> Iterator[Span]:
    """French numbers (06 12 34 56 78, 06.12.34.56.78, +33 6 12 34 56 78, +33 (0)6 12 34 56 78,
    0612345678) and other national or international forms of 9 to 15 digits."""
    yield from (m.span() for m in FRENCH_PHONE.finditer(text))
    for m in OTHER_PHONE.finditer(text):
        if 9 <= sum(ch.isdigit() for ch in m.group(0)) <= 15:
            yield m.span()


# --- spaCy's persons, and the actor field --------------------------------------------------------

TITLE_WORDS = {t.lower().rstrip(".") for t in TITLES + FRENCH_ONLY_TITLES}


def ner_persons(text: str, entities: Iterable[Any]) -> Iterator[Span]:
    """spaCy's PER entities that look like a full name: two capitalised words or more (a title
    or a role in front is left to `titled_names`), none an organisation's word, not a place
    named after someone."""
    for ent in entities:
        if ent.label_ not in ("PER", "PERSON"):
            continue
        names = [w for w in words_of(ent.text) if w not in PARTICLES]
        while names and (names[0].lower() in TITLE_WORDS or names[0].lower() in ROLES):
            names.pop(0)
        if len(names) < 2 or not all(w[0].isupper() for w in names):
            continue
        if any(not_a_name(w) for w in names) or named_after(text, ent.start_char, ent.end_char):
            continue
        yield ent.start_char, ent.end_char


ACTOR_NAME = re.compile(rf"^\s*(?:{WORD}\s+){{1,2}}{SURNAME}\s*(?=$|[,(–-])")
ACTOR_INVERTED = re.compile(rf"^\s*({SURNAME}),\s*({WORD})\s*$")


def actor_person(text: str, entities: Iterable[Any] = ()) -> Iterator[Span]:
    """In an actor field, where an organisation is expected: a person. spaCy's PER (rather
    than ORG or LOC), or a value that is two or three capitalised words with no organisation's
    word among them ("Marie Martin", "Siobhan Walsh"), or "Surname, First name"."""
    ents = list(entities)
    for ent in ents:
        if ent.label_ in ("PER", "PERSON") and len(words_of(ent.text)) >= 2:
            if not named_after(text, ent.start_char, ent.end_char) and not any(
                not_a_name(w) for w in words_of(ent.text) if w not in PARTICLES
            ):
                yield ent.start_char, ent.end_char
    m = ACTOR_NAME.match(text)
    if m and words_of(m.group(0))[0].lower() not in ("la", "le", "les", "the", "l'"):
        names = [w for w in words_of(m.group(0)) if w not in PARTICLES]
        organisation = any(
            e.label_ in ("ORG", "LOC", "GPE", "FAC", "MISC")
            and e.start_char < m.end()
            and m.start() < e.end_char
            for e in ents
            if not any(is_first_name(w) for w in words_of(e.text))
        )
        if not organisation and not any(not_a_name(w) for w in names):
            yield m.start() + len(m.group(0)) - len(m.group(0).lstrip()), m.end()
    m = ACTOR_INVERTED.match(text)
    if m and is_first_name(m.group(2)) and not not_a_name(words_of(m.group(1))[-1]):
        yield m.start(1), m.end(2)
