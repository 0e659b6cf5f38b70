"""The Chatham House rule, by construction: what was said may be used, who said it never.

- `find_personal_data(text)`: names, e-mail addresses, phone numbers (and @handles) that free
  texts may carry by accident, for the facilitator to hide or edit before publishing.
- Neutral labels: exports name participants "participant 12" (their order of arrival), never
  by token.
- `scrub` and `relabel`: on close (the `session.unlinked` event), the store rewrites every token
  in the stored events to its neutral label and the room relabels its state the same way, so the
  token kept in a phone's signed cookie no longer matches anything stored. Replay after a
  restart gives the same state, labels instead of tokens.
- Erasure and retention (`Rooms.erase`, `Rooms.purge_expired`) delete raw data and make it
  unrecoverable from the SQLite files (secure_delete, WAL truncated).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel

if TYPE_CHECKING:
    from .session import SessionState

log = logging.getLogger(__name__)

DAY = 86_400.0
Kind = Literal["name", "email", "phone", "handle"]

# --- the detector ---------------------------------------------------------------------------

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
PHONE = re.compile(
    r"(?<![\w+])(?:\+\d{1,3}[\s.-]?\(?0?\)?[\s.-]?[1-9](?:[\s.-]?\d{2}){4}"  # +33 6 12 34 56 78
    r"|0[1-9](?:[\s.-]?\d{2}){4}"  # 06 12 34 56 78, 01.23.45.67.89
    r"|\+\d[\d\s.-]{8,16}\d)(?!\w)"  # other international numbers
)
HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_]{2,30}\b")
UPPER = "A-ZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸÆŒ"
LOWER = "a-zàâäçéèêëîïôöùûüÿæœß"
CAP_WORD = rf"[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?"
SURNAME = rf"(?:(?:de|du|d'|le|la|van|von)\s?)?(?:[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?|[{UPPER}]{{2,}}(?:-[{UPPER}]{{2,}})?)"
CIVILITY = re.compile(
    rf"\b(?:M\.|Mme|Mlle|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Pr\.?|Me|Monsieur|Madame|Mademoiselle|Docteur|Maître)\s+{SURNAME}"
)
FIRST_LAST = re.compile(rf"\b({CAP_WORD})\s+({SURNAME})\b")
FIRST_UPPER = re.compile(rf"\b{CAP_WORD}\s+[{UPPER}]{{2,}}(?:-[{UPPER}]{{2,}})?\b")

# Common first names in France (INSEE's most given, all decades), lower case, no accents needed
# twice: the match compares case-insensitively.
FIRST_NAMES = frozenset(
    """
    jean pierre michel philippe alain nicolas christophe patrick daniel bernard françois eric éric
    frédéric laurent stéphane david olivier sébastien thierry julien pascal jacques claude andré
    marc thomas vincent dominique christian rené louis paul antoine guillaume maxime alexandre
    romain mathieu matthieu florian kevin kévin jérôme yves gérard henri hugo lucas léo gabriel
    arthur raphaël jules adam louise emma jade alice chloé lina rose anna mila léa manon camille
    marie nathalie isabelle sylvie catherine françoise martine christine monique sandrine valérie
    véronique sophie céline stéphanie nicole anne julie aurélie émilie emilie laure laura sarah
    pauline mathilde claire hélène caroline virginie delphine audrey élodie elodie charlotte
    juliette margaux clara inès ines zoé lucie agnès patricia brigitte chantal jacqueline annie
    karine corinne florence christelle mélanie marion justine océane lola eva louna ambre agathe
    fatima mohamed mohammed ahmed ali karim mehdi nadia samira leila yasmine sofia amina rachid
    amélie cécile odile colette denise simone suzanne yvette josiane danielle ginette lucien
    robert roger marcel georges maurice raymond fernand joseph albert emile émile victor benoît
    benoit jean-pierre jean-claude jean-luc jean-marc jean-michel jean-françois marie-christine
    marie-claude anne-marie marie-france axel enzo nathan ethan noah timothée baptiste quentin
    clément adrien damien fabien fabrice franck frank gilles hervé jérémy jeremy loïc ludovic
    mickaël michael morgan régis sylvain tristan xavier yann yannick arnaud benjamin cédric
    """.split()
)


@dataclass(frozen=True)
class Finding:
    """A span of a free text that looks like personal data."""

    kind: Kind
    match: str
    start: int
    end: int


def find_personal_data(text: str) -> list[Finding]:
    """What in `text` looks like a personal name, an e-mail address, a phone number or a
    social-media handle. Heuristic on purpose: the facilitator decides; better a few false
    alarms ("Licence Ouverte") than a name published."""
    found: list[Finding] = []

    def add(kind: Kind, m: re.Match[str]) -> None:
        if not any(f.start < m.end() and m.start() < f.end for f in found):
            found.append(Finding(kind, m.group(0), m.start(), m.end()))

    for m in EMAIL.finditer(text):
        add("email", m)
    for m in PHONE.finditer(text):
        if sum(ch.isdigit() for ch in m.group(0)) >= 9:
            add("phone", m)
    for m in HANDLE.finditer(text):
        add("handle", m)
    for m in CIVILITY.finditer(text):
        add("name", m)
    for m in FIRST_LAST.finditer(text):
        if m.group(1).lower() in FIRST_NAMES:
            add("name", m)
    for m in FIRST_UPPER.finditer(text):
        add("name", m)
    return sorted(found, key=lambda f: f.start)


def looks_personal(text: str) -> bool:
    return bool(find_personal_data(text))


# --- neutral labels ----------------------------------------------------------------------------

LABEL_PREFIX = "participant"


def neutral_label(number: int) -> str:
    """The label a participant gets in anything stored after close or exported."""
    return f"{LABEL_PREFIX} {number}"


def labels_for(tokens: Iterable[str]) -> dict[str, str]:
    """token -> "participant N", numbered in order of arrival (the order given)."""
    return {token: neutral_label(n) for n, token in enumerate(tokens, start=1)}


def session_labels(state: SessionState) -> dict[str, str]:
    """The labels of a session's participants, who are kept in order of arrival."""
    return labels_for(t for t in state.participants if not t.startswith(f"{LABEL_PREFIX} "))


_TOKENISH = re.compile(r"[A-Za-z0-9_-]{16,64}")


def scrub(value: Any, labels: dict[str, str]) -> Any:
    """`value` (JSON-like) with every token replaced by its label, in keys and in strings."""
    if not labels:
        return value
    if isinstance(value, str):
        if value in labels:
            return labels[value]
        if len(value) < 16:
            return value
        return _TOKENISH.sub(lambda m: labels.get(m.group(0), m.group(0)), _substrings(value, labels))
    if isinstance(value, list):
        return [scrub(v, labels) for v in value]
    if isinstance(value, tuple):
        return tuple(scrub(v, labels) for v in value)
    if isinstance(value, dict):
        return {scrub(k, labels): scrub(v, labels) for k, v in value.items()}
    return value


def _substrings(text: str, labels: dict[str, str]) -> str:
    """Tokens glued to other word characters (rare): replaced only when the text is short
    enough to check every token cheaply."""
    if len(labels) > 200:
        return text
    for token, label in labels.items():
        if token in text:
            text = text.replace(token, label)
    return text


def scrub_json(payload: str, labels: dict[str, str]) -> str:
    """A stored JSON payload with tokens replaced, worked on as text: a token's characters
    ([A-Za-z0-9_-]) are never escaped in JSON, and a label needs no escaping either."""
    return scrub(payload, labels)


def relabel(value: Any, labels: dict[str, str]) -> Any:
    """An in-memory state with every token replaced by its label: what replaying the relabelled
    log would give (pydantic models are rebuilt from their scrubbed data)."""
    if not labels:
        return value
    if isinstance(value, BaseModel):
        return type(value).model_validate(scrub(value.model_dump(), labels))
    return scrub(value, labels)
