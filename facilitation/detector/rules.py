"""Cercle's own rules, on top of Presidio's recognizers: French phone formats, titles and roles
with a surname, @handles, names in capitals, first names that are common words only before a
capitalised surname, and the actor-field rule (a person where an organisation is expected).

Pure functions of the text (and, where a spaCy document is at hand, of its entities): each
returns `(start, end)` spans. `analysis.py` wraps them in Presidio recognizers."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .words import (
    COMMON_WORD_NAMES,
    FIRST_NAMES,
    FRENCH_ONLY_TITLES,
    INSTITUTION_AFTER,
    NAMES_MORE_THAN_WORDS,
    NOT_NAME_WORDS,
    PARTICLES,
    PLACE_BEFORE,
    PLACE_NAMES,
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


TITLE = _title_pattern(TITLES + FRENCH_ONLY_TITLES)
# English words before "Me" that make it the pronoun of a title in capitals ("Give Me Liberty").
BEFORE_ME = frozenset(
    "give let tell call show help send ask take bring trust love hold make excuse follow".split()
)
ROLE_NAME = re.compile(
    rf"(?:{ARTICLE}\s*{ROLE}|(?:{_alternation(r.capitalize() for r in ROLES)})){QUALIFIERS}"
    rf"\s+({PERSON_AFTER_ROLE}){END}"
)


def titled_names(text: str) -> Iterator[Span]:
    """A title or a role with a surname, French or English: "M. Dupont", "Mme la directrice
    Bertrand", "le préfet Martin", "Me Fournier", "Dr Ahmed Khan", "Mayor Collins". Not "Monsieur
    le Maire", "le maire de Nantes", "Give Me Liberty"."""
    for m in scan(TITLE, text):
        if m.group(0).startswith("Me") and word_before(text, m.start()) in BEFORE_ME:
            continue
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


# --- first names alone ---------------------------------------------------------------------------

NAMES_FILE = Path(__file__).resolve().parent.parent.parent / "assets" / "detector" / "first_names.txt"


@functools.cache
def first_name_lists() -> tuple[frozenset[str], frozenset[str]]:
    """The first names (INSEE's most given, and `words`' lists) and those that are also common
    words (`assets/detector/first_names.txt`, built by `scripts/first_names.py`)."""
    names: set[str] = set(FIRST_NAMES)
    words: set[str] = set(COMMON_WORD_NAMES)
    for line in NAMES_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, flag = line.partition("\t")
            names.add(name)
            if flag == "word":
                words.add(name)
    return frozenset(names), frozenset(words - NAMES_MORE_THAN_WORDS)


NAME_TOKEN = re.compile(rf"{START}[{UPPER}{LOWER}]+(?:-[{UPPER}{LOWER}]+)*(?![\w-])")
# Words before a first name that make it a person's ("via Hélène", "merci Claire", "selon Rose").
NAME_BEFORE = frozenset(
    """
    via selon d'après d’après avec merci dixit par dit rappelé souligné expliqué proposé demandé
    demandez voir contactez contacter appelez appeler écrivez écrire cc thanks thank ask asked with
    by from said says told per contact call email
    """.split()
)
# Words after a first name that make it a person's ("Rose a dit", "Grace said").
NAME_AFTER = frozenset(
    """
    a avait aura va vient dit disait pense pensait propose proposait estime trouve souhaite rappelle
    explique demande nous m'a m’a t'a t’a m'avait nous avait lui répond répondu ajoute insiste
    said says told asked thinks thought suggested suggests proposed proposes wrote writes mentioned
    explained explains wants wanted replied added argued believes
    """.split()
)
DETERMINERS = frozenset(
    """
    la le les l' l’ un une des du de au aux ce cette ces sa son ses ma mon mes ta ton notre votre
    leur leurs en the a an this that these those our your their his her its my of in on at
    """.split()
)
ROLE_AFTER = re.compile(
    rf"\s*,\s*(?:(?:la|le|l['’]|les|the|our|notre|mon|ma|my|their|leur|son|sa|his|her)\s*)?"
    rf"(?:[\w'’-]+\s+){{0,2}}?(?:{_any_case_first(ROLES)}|responsable|head|chef|manager|DG|DGS|DRH|PDG|CEO)\b"
)


def chain(text: str, start: int, end: int) -> tuple[int, int]:
    """The run of capitalised words around `text[start:end]` ("Florence Nightingale Hospital")."""
    while m := re.search(rf"([{UPPER}][\w'’-]*)\s+$", text[:start]):
        start = m.start(1)
    while m := re.match(rf"\s+[{UPPER}][\w'’-]*", text[end:]):
        end += m.end()
    return start, end


def lone_first_names(text: str) -> Iterator[Span]:
    """A first name alone: "Hélène a raison", "la DINUM via Hélène", "merci à françois". One
    that is also a common word ("Rose", "Pierre", "Marianne", "Grace") only in a context that
    makes it a name: capitalised, not after an article, and after "via", "selon", "merci"…, or
    before "a dit", "said"…, or a role ("Claire, la directrice…"). Never in a place or an
    institution named after someone ("lycée Jean Moulin", "Fondation Abbé Pierre")."""
    names, words = first_name_lists()
    for m in NAME_TOKEN.finditer(text):
        word = m.group(0)
        lower = word.lower().replace("’", "'")
        if len(lower) < 3 or lower not in names or lower in PLACE_NAMES and word[0].isupper():
            continue
        capitalised = word[0].isupper()
        start, end = chain(text, *m.span()) if capitalised else m.span()
        inside = words_of(text[start:end])
        if named_after(text, start, end) or any(
            w.lower() in INSTITUTION_AFTER or (w.lower() in NOT_NAME_WORDS and len(w) > 3) for w in inside
        ):
            continue
        if any(w.lower() in ("saint", "sainte", "st") for w in inside):
            continue
        before, after = word_before(text, m.start()), word_after(text, m.end())
        if lower in words or lower in PLACE_NAMES:
            if not capitalised or before in DETERMINERS:
                continue
            if not (before in NAME_BEFORE or after in NAME_AFTER or ROLE_AFTER.match(text, m.end())):
                continue
        elif before in DETERMINERS and before not in ("de", "of", "à"):
            continue  # "la rue des Lilas", "the Victoria line"
        yield m.span()


CONTEXT_NAME = re.compile(rf"({CAP})\s+({CAP}(?:-{CAP})?){END}")  # not "La CNIL": no acronym


def names_in_context(text: str) -> Iterator[Span]:
    """Two capitalised words in no list, where the context makes them a person: after "via",
    "selon", "thank"…, or before "a dit", "said"… ("As Kwabena Asante said")."""
    for m in scan(CONTEXT_NAME, text):
        names = words_of(m.group(0))
        if any(not_a_name(w) or w in PARTICLES or w.lower() in TITLE_WORDS for w in names) or named_after(
            text, *m.span()
        ):
            continue
        before, after = word_before(text, m.start()), word_after(text, m.end())
        if before in NAME_BEFORE or after in NAME_AFTER:
            yield m.span()


def actor_first_name(text: str) -> Iterator[Span]:
    """In an actor or organisation field: a first name alone, even one that is a common word
    ("Rose", "Hélène"), not a place ("France")."""
    m = re.fullmatch(rf"\s*([{UPPER}{LOWER}]+(?:-[{UPPER}{LOWER}]+)*)\s*(?:\([^)]*\))?\s*", text)
    if m:
        names, _ = first_name_lists()
        lower = m.group(1).lower()
        if lower in names and lower not in PLACE_NAMES and len(lower) >= 3:
            yield m.span(1)


# --- obfuscated e-mail addresses -----------------------------------------------------------------

_OPEN, _CLOSE = r"[\(\[\{<]", r"[\)\]\}>]"
AT_WORD = rf"(?:\s*{_OPEN}\s*(?:at|arobase|@)\s*{_CLOSE}\s*|\s+(?:arobase|at|chez)\s+|\s*@\s*)"
DOT_WORD = rf"(?:\s*{_OPEN}\s*(?:dot|point|\.)\s*{_CLOSE}\s*|\s+(?:dot|point)\s+|\.)"
LABEL = r"[a-z0-9](?:[a-z0-9-]{0,40}[a-z0-9])?"
OBFUSCATED_TLDS = "fr|com|org|net|eu|io|uk|be|ch|ca|de|info|gouv|edu|gov|co"
OBFUSCATED_EMAIL = re.compile(
    rf"(?<![\w.@-])(?P<local>{LABEL}(?:(?:{DOT_WORD}|[_-]){LABEL}){{0,3}})(?P<at>{AT_WORD})"
    rf"(?P<domain>{LABEL}(?:{DOT_WORD}{LABEL}){{0,2}}{DOT_WORD}(?:{OBFUSCATED_TLDS}))(?![\w])",
    re.IGNORECASE,
)


def obfuscated_emails(text: str) -> Iterator[Span]:
    """An e-mail address spelled out: "claire point b arobase example point org", "x (at) y
    (dot) fr", "tom at example dot net". A bare "at" or "chez" needs a spelled dot too ("meet at
    data.gouv.fr" is a place, not an address); a plain address is Presidio's."""
    for m in OBFUSCATED_EMAIL.finditer(text):
        at = m.group("at").strip().lower()
        if at == "@" and not re.search(rf"{_OPEN}|\s(?:dot|point)\s", m.group(0), re.IGNORECASE):
            continue  # an ordinary address: Presidio's recognizer
        spelled_dot = re.search(
            rf"{_OPEN}\s*(?:dot|point)|\s(?:dot|point)\s", m.group("domain"), re.IGNORECASE
        )
        if at in ("at", "chez") and not spelled_dot:
            continue
        yield m.span()


# --- postal addresses ----------------------------------------------------------------------------

WAYS_FR = (
    "rue|avenue|av\\.|bd|boulevard|place|allée|allee|impasse|chemin|quai|route|cours|square|passage"
    "|faubourg|cité|résidence|villa|sentier|voie|promenade|esplanade|rond-point|lotissement|hameau|lieu-dit"
)
WAYS_EN = (
    "Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Close|Way|Crescent|Terrace|Place|Court|Gardens"
    "|Boulevard|Blvd|Grove|Row|Mews|Square|Walk|Parade"
)
ADDRESS_FR = re.compile(
    rf"(?<![\w,.])\d{{1,4}}(?:\s?(?:bis|ter|quater|[a-d])\b)?,?\s+(?i:{WAYS_FR})\s+"
    rf"(?:(?i:de\s+la|de\s+l['’]|des|du|de|d['’]|la|le|les|l['’])\s*)?[{UPPER}0-9][\w'’-]*"
)
ADDRESS_EN = re.compile(rf"(?<![\w,.])\d{{1,5}}[A-Za-z]?,?\s+(?:[{UPPER}][\w'’-]+\s+){{1,3}}(?:{WAYS_EN})\b")
POSTCODE_FR = re.compile(
    rf"(?<![\w,.])(?:0[1-9]|[1-8]\d|9[0-8]|2[AB])\s?\d{{3}}\s+[{UPPER}][{LOWER}][\w'’-]*"
)
POSTCODE_UK = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s\d[ABD-HJLNP-UW-Z]{2}\b")


def addresses(text: str) -> Iterator[Span]:
    """A postal address: a number and a way ("12 rue des Lilas", "4 bis avenue Jean Jaurès",
    "42 Elm Road"), a French postcode and its town ("69007 Lyon"), a British postcode."""
    for pattern in (ADDRESS_FR, ADDRESS_EN, POSTCODE_FR, POSTCODE_UK):
        yield from (m.span() for m in pattern.finditer(text))


# --- phone numbers read from words ---------------------------------------------------------------

DIGIT_GROUPS = re.compile(
    r"(?<![\w+])\+?\d{1,4}(?:(?:\s*[,;.\-]\s*|\s+(?:et|and)\s+|\s+)\d{1,4}){2,14}(?![\w])"
)


def grouped_phones(text: str) -> Iterator[Span]:
    """Digits in groups that make a phone number once joined, whatever separates them ("0 6, 0 0,
    12, 34, 56", what `folding.number_words` reads from "zéro six, zéro zéro, douze…"): ten
    digits from 0 then 1-9 (France), eleven from 0 (the United Kingdom), or 11 to 15 after "+"."""
    for m in DIGIT_GROUPS.finditer(text):
        groups = list(re.finditer(r"\+?\d+", m.group(0)))
        for i, first in enumerate(groups):
            digits = ""
            for last in groups[i:]:
                digits += last.group(0).lstrip("+")
                international = first.group(0).startswith("+") and 11 <= len(digits) <= 15
                national = digits[:1] == "0" and digits[1:2] != "0" and len(digits) in (10, 11)
                if national or international:
                    yield m.start() + first.start(), m.start() + last.end()
                    break
                if len(digits) > 15:
                    break
