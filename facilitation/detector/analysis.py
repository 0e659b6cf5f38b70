"""The detector's engine: Presidio's `AnalyzerEngine` on spaCy's French pipeline, with Presidio's
recognizers for e-mail addresses, phone numbers, URLs and IBANs, and Cercle's own rules.

Imported only when a text is first checked (it loads spaCy and the model: 2 to 4 s, ~70 MB more
in a server process).
Nothing is downloaded: the French model is a dependency of the package; the e-mail check reads
the public-suffix list bundled with tldextract, never the network.

Every text is checked the same way, whatever the language of the page it came from or its own:
the French named-entity model (the only one: no English model is on PyPI) and the rules of both
languages, on the text as written and on the text folded as a reader reads it (`folding`)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

import spacy
import tldextract
from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts, NlpEngineProvider, SpacyNlpEngine
from presidio_analyzer.predefined_recognizers import (
    EmailRecognizer,
    IbanRecognizer,
    PhoneRecognizer,
    UrlRecognizer,
)

from . import folding, rules

log = logging.getLogger(__name__)

LANG = "fr"  # the pipeline's: every text, French or English, goes through the same one
FRENCH_MODEL = "fr_core_news_sm"
# Only what the rules read: tokens and named entities. The parser, the morphologizer and the
# lemmatizer (whose tables alone weigh ~130 MB) are not even loaded.
EXCLUDE_PIPES = ["parser", "senter", "morphologizer", "attribute_ruler", "lemmatizer"]
# Not LU: Luxembourg has 4- to 6-digit numbers, and years ("2024") and law numbers looked like them.
PHONE_REGIONS = ("FR", "BE", "CH", "GB", "IE", "US", "CA", "DE", "ES", "IT")

# Presidio entity -> Finding kind
KINDS = {
    "EMAIL_ADDRESS": "email",
    "PHONE_NUMBER": "phone",
    "URL": "url",
    "IBAN_CODE": "iban",
    "HANDLE": "handle",
    "TITLE_NAME": "title",
    "PERSON_NAME": "name",
    "ACTOR_PERSON": "name",
    "POSTAL_ADDRESS": "address",
}
TEXT_ENTITIES = [e for e in KINDS if e != "ACTOR_PERSON"]

_OFFLINE_TLD = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


class LeanSpacyNlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine, loading only the tokenizer and the entity recognizer, and never
    downloading a model (Presidio's own `load` would fetch a missing one)."""

    def load(self) -> None:
        self.nlp = {  # type: ignore[assignment]  # Presidio declares it None until loaded
            m["lang_code"]: spacy.load(m["model_name"], exclude=EXCLUDE_PIPES) for m in self.models
        }


class OfflineEmailRecognizer(EmailRecognizer):
    """Presidio's e-mail recognizer, its domain check on the bundled suffix list (offline)."""

    def validate_result(self, pattern_text: str) -> bool:
        return _OFFLINE_TLD(pattern_text.rsplit("@", 1)[-1]).suffix != ""


class CheckedUrlRecognizer(UrlRecognizer):
    """Presidio's URL recognizer, without "fin.La" (a missing space before a capital is a typo,
    not a link) and without the domain part of an e-mail address."""

    def invalidate_result(self, pattern_text: str) -> bool:
        text = pattern_text.strip("\"'")
        if text.lower().startswith(("http", "www.")):
            return False
        return text.rsplit(".", 1)[-1][:1].isupper() or "@" in text


class RuleRecognizer(EntityRecognizer):
    """One of Cercle's rules as a Presidio recognizer: `find(text, entities, lang)` -> spans,
    where `entities` are spaCy's named entities (none for a blank pipeline)."""

    def __init__(
        self,
        entity: str,
        find: Callable[[str, Iterable[Any], str], Iterable[rules.Span]],
        language: str,
        score: float = 0.85,
    ) -> None:
        self.find = find
        self.score = score
        super().__init__(
            supported_entities=[entity], supported_language=language, name=f"Cercle{entity.title()}"
        )

    def load(self) -> None:
        pass

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        doc = getattr(nlp_artifacts, "tokens", None)
        ents = list(doc.ents) if doc is not None else []
        return [
            RecognizerResult(self.supported_entities[0], start, end, self.score)
            for start, end in self.find(text, ents, self.supported_language)
        ]


def cercle_recognizers(lang: str) -> list[EntityRecognizer]:
    return [
        OfflineEmailRecognizer(supported_language=lang),
        PhoneRecognizer(supported_language=lang, supported_regions=PHONE_REGIONS),
        CheckedUrlRecognizer(supported_language=lang),
        IbanRecognizer(supported_language=lang),
        RuleRecognizer("PHONE_NUMBER", lambda text, ents, lang: rules.phones(text), lang),
        RuleRecognizer("EMAIL_ADDRESS", lambda text, ents, lang: rules.obfuscated_emails(text), lang),
        RuleRecognizer("HANDLE", lambda text, ents, lang: rules.handles(text), lang),
        RuleRecognizer("TITLE_NAME", lambda text, ents, lang: rules.titled_names(text), lang),
        RuleRecognizer("PERSON_NAME", lambda text, ents, lang: rules.listed_names(text), lang),
        RuleRecognizer("PERSON_NAME", lambda text, ents, lang: rules.lone_first_names(text), lang),
        RuleRecognizer("PERSON_NAME", lambda text, ents, lang: rules.names_in_context(text), lang),
        RuleRecognizer("PERSON_NAME", lambda text, ents, lang: rules.ner_persons(text, ents), lang),
        RuleRecognizer("POSTAL_ADDRESS", lambda text, ents, lang: rules.addresses(text), lang),
        RuleRecognizer("ACTOR_PERSON", lambda text, ents, lang: rules.actor_person(text, ents), lang),
        RuleRecognizer("ACTOR_PERSON", lambda text, ents, lang: rules.actor_first_name(text), lang),
    ]


def build() -> AnalyzerEngine:
    """The analyzer. Seconds: call once per process (see `detector.engine`)."""
    configuration = {
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": "fr", "model_name": FRENCH_MODEL}],
        # the rules read spaCy's entities themselves; Presidio's own list need not carry MISC
        "ner_model_configuration": {"labels_to_ignore": ["MISC"]},
    }
    provider = NlpEngineProvider(nlp_engines=(LeanSpacyNlpEngine,), nlp_configuration=configuration)
    nlp_engine = provider.create_engine()  # loads the model
    registry = RecognizerRegistry(supported_languages=[LANG])
    for recognizer in cercle_recognizers(LANG):
        registry.add_recognizer(recognizer)
    rules.first_name_lists()  # read now, not at the first check
    log.info("personal-data detector loaded")
    return AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=[LANG])


Found = list[tuple[str, int, int]]


def analyze(analyzer: AnalyzerEngine, text: str, field: str) -> Found:
    """(kind, start, end) of what looks personal in `text`, overlaps resolved: the text as
    written, then folded as a reader reads it (`folding`), each finding on the original's span."""
    found = run(analyzer, text, field)
    letters = folding.letters(text)
    if letters.text != text:
        found += [
            (kind, *letters.span(start, end)) for kind, start, end in run(analyzer, letters.text, field)
        ]
    digits = folding.digits(text)
    if digits.text != text:
        found += [("phone", *digits.span(s, e)) for s, e in rules.phones(digits.text)]
    words = folding.number_words(text)
    if words is not None:
        spans = [*rules.phones(words.text), *rules.grouped_phones(words.text)]
        found += [("phone", *words.span(s, e)) for s, e in spans]
    return resolve(found)


def run(analyzer: AnalyzerEngine, text: str, field: str) -> Found:
    entities = TEXT_ENTITIES + (["ACTOR_PERSON"] if field == "actor" else [])
    results = analyzer.analyze(text=text, language=LANG, entities=entities, score_threshold=0)
    return [
        (KINDS[r.entity_type], r.start, r.end)
        for r in results
        if not (r.entity_type == "PHONE_NUMBER" and r.start > 0 and text[r.start - 1] in "-/")
    ]  # digits glued to a dash or slash are a reference (an ISBN, a date), not a number to call


PRIORITY = {
    kind: n for n, kind in enumerate(["email", "iban", "url", "phone", "address", "handle", "title", "name"])
}


def resolve(found: Iterable[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """One finding per stretch of text: of overlapping findings the most specific kind wins (an
    e-mail address over the link in it, a title over the name in it), then the longest."""
    kept: list[tuple[str, int, int]] = []
    for kind, start, end in sorted(set(found), key=lambda f: (PRIORITY[f[0]], f[1] - f[2])):
        if not any(s < end and start < e for _, s, e in kept):
            kept.append((kind, start, end))
    return sorted(kept, key=lambda f: f[1])
