"""The personal-data detector: what in a free text looks like a person's name, title and surname,
e-mail address, phone number, @handle, link or IBAN, so that it is held for the facilitator
instead of reaching a screen.

Microsoft Presidio on spaCy's French pipeline (`analysis.py`) with Cercle's own rules (`rules.py`).
The engine loads lazily, once per process, at the first check (a server that never checks a text
never pays for it): `find_personal_data` is synchronous and takes milliseconds once loaded; the
asynchronous runner off the event loop is `screening.screen_text`.

Importing this package is cheap: it does not import spaCy or Presidio."""

from __future__ import annotations

import functools
import logging
import os
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from ..i18n import add

if TYPE_CHECKING:
    from presidio_analyzer import AnalyzerEngine

log = logging.getLogger(__name__)

Kind = Literal["name", "title", "email", "phone", "address", "handle", "url", "iban"]
Field = Literal["text", "actor"]
KINDS: tuple[Kind, ...] = ("name", "title", "email", "phone", "address", "handle", "url", "iban")


@dataclass(frozen=True)
class Finding:
    """A span of a free text that looks like personal data."""

    kind: Kind
    match: str
    start: int
    end: int


@dataclass(frozen=True)
class LoadReport:
    """What loading the engine cost this process."""

    seconds: float
    rss_added_mb: float


_lock = threading.Lock()
_analyzer: AnalyzerEngine | None = None
_report: LoadReport | None = None


def rss_mb() -> float:
    """This process's resident memory, in MiB (Linux)."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def engine() -> AnalyzerEngine:
    """The process's analyzer, built at the first call (thread-safe: one build per process)."""
    global _analyzer, _report
    if _analyzer is None:
        with _lock:
            if _analyzer is None:
                before, started = rss_mb(), time.perf_counter()
                from . import analysis

                analyzer = analysis.build()
                _report = LoadReport(time.perf_counter() - started, rss_mb() - before)
                log.info("detector loaded in %.1f s, +%.0f MiB", _report.seconds, _report.rss_added_mb)
                _analyzer = analyzer
    return _analyzer


def loaded() -> bool:
    return _analyzer is not None


def load_report() -> LoadReport | None:
    """How long the engine took to load in this process and the memory it added (None if not yet)."""
    return _report


def find_personal_data(text: str, lang: str = "fr", field: Field | str = "text") -> list[Finding]:
    """What in `text` looks like personal data, in order. `field` is "actor" for an actor or
    organisation field, where an organisation is expected and a person's name, even a first name
    alone, is held. Better a few false alarms than a name published: the facilitator decides.

    `lang`, the language of the page the text came from, changes nothing: a text is checked as
    what it is, by the rules of both languages (a French sentence from an English page is held as
    it would be from a French one). Cached (the restitution's check runs again over the same texts
    at every phase change); `check` is the same without the cache."""
    if not text or not text.strip():
        return []
    return list(_cached(text, "actor" if field == "actor" else "text"))


def check(text: str, lang: str = "fr", field: Field | str = "text") -> list[Finding]:
    """`find_personal_data` without its cache: what the worker and the benchmark run."""
    if not text or not text.strip():
        return []
    from .analysis import analyze

    spans = analyze(engine(), text, "actor" if field == "actor" else "text")
    return [Finding(kind, text[start:end], start, end) for kind, start, end in spans]  # type: ignore[arg-type]


@functools.lru_cache(maxsize=4096)
def _cached(text: str, field: str) -> tuple[Finding, ...]:
    return tuple(check(text, "fr", field))


def looks_personal(text: str, lang: str = "fr", field: Field | str = "text") -> bool:
    return bool(find_personal_data(text, lang, field))


add(
    {
        # labels of the kinds not already named by the restitution's check (name, email, phone, handle)
        "restitution.ui.finding.title": ("civilité ou fonction et nom", "title and surname"),
        "restitution.ui.finding.url": ("lien", "link"),
        "restitution.ui.finding.iban": ("IBAN", "IBAN"),
        "restitution.ui.finding.address": ("adresse postale", "postal address"),
    }
)
