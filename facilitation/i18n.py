"""Translations: French first, English second. Activities add their own strings with `add`.

- `t(key, lang, **params)`: a sentence of the tables. A key missing from the tables is logged
  once and remembered (`missing()`): the tests fail on any (see tests/unit/test_translations.py).
- `t_plural(key, n, lang, **params)`: a key whose French and English are each a dict of plural
  forms (`{"one": "{n} idée", "other": "{n} idées"}`), chosen by Babel's plural rules for `n`
  ("many" and other CLDR forms fall back to "other"); `{n}` is the number written for `lang`.
- `fmt_number`, `fmt_percent`, `fmt_date`: numbers, shares and dates written the French or the
  English way ("50 %" / "50%", "12 mars 2018" / "12 March 2018").
- `Text`: a text of a plan or typed live, in both languages (`{ fr = "…", en = "…" }` in a plan,
  or one plain string, the same text in both); `TextBounds` cleans and bounds a field of them.
- `LiveText`: what people type live (an idea, a statement), with the English the console gives it.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal, format_percent
from pydantic import (
    BaseModel,
    ConfigDict,
    GetCoreSchemaHandler,
    ValidationError,
    model_serializer,
    model_validator,
)
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

from .text import clean_text

log = logging.getLogger(__name__)

DEFAULT_LANG = "fr"
LANGUAGES = ("fr", "en")
LOCALES = {"fr": "fr_FR", "en": "en_GB"}  # Babel's locales: dates "12 March 2018", not "March 12"
QUASAR_LANGUAGES = {"fr": "fr", "en": "en-GB"}  # the `<html lang>` and Quasar's language pack
Entry = str | Mapping[str, str]  # a sentence, or its plural forms
_CATALOG: dict[str, dict[str, Entry]] = {}
_MISSING: set[str] = set()


def add(entries: Mapping[str, tuple[Entry, Entry]]) -> None:
    """Add `key: (french, english)` pairs; a key may be defined once only. Each of the two is a
    sentence, or for `t_plural` a dict of plural forms with at least "one" and "other"."""
    for key, (fr, en) in entries.items():
        entry: dict[str, Entry] = {"fr": fr, "en": en}
        if key in _CATALOG and _CATALOG[key] != entry:
            raise ValueError(f"translation key defined twice: {key}")
        for text in (fr, en):
            if not isinstance(text, str) and not {"one", "other"} <= set(text):
                raise ValueError(f"plural forms of {key} need 'one' and 'other'")
        _CATALOG[key] = entry


def _entry(key: str, lang: str) -> Entry | None:
    entry = _CATALOG.get(key)
    if entry is None:
        if key not in _MISSING:
            _MISSING.add(key)
            log.warning("translation key missing from the tables: %s", key)
        return None
    return entry.get(lang) or entry[DEFAULT_LANG]


def t(key: str, lang: str = DEFAULT_LANG, **params: Any) -> str:
    """The text of `key` in `lang` (French when missing), with `{params}` filled in. A missing
    key is returned as it is, logged and remembered (`missing()`)."""
    text = _entry(key, lang)
    if text is None:
        return key
    if not isinstance(text, str):  # a plural entry read without a number: its "other" form
        text = text["other"]
    return text.format(**params) if params else text


def t_plural(key: str, n: int | float, lang: str = DEFAULT_LANG, **params: Any) -> str:
    """The form of `key` that goes with the number `n` in `lang`; `{n}` is `n` written for `lang`."""
    forms = _entry(key, lang)
    if forms is None:
        return key
    if isinstance(forms, str):
        text = forms
    else:
        text = (
            forms.get(Locale.parse(LOCALES.get(lang, LOCALES[DEFAULT_LANG])).plural_form(n)) or forms["other"]
        )
    return text.format(n=fmt_number(n, lang), **params)


def has(key: str) -> bool:
    return key in _CATALOG


def keys() -> dict[str, dict[str, Entry]]:
    """The tables, key -> {"fr": ..., "en": ...} (for tests and tools)."""
    return {key: dict(entry) for key, entry in _CATALOG.items()}


def missing() -> set[str]:
    """The keys asked for since the start (or the last `forget_missing`) that the tables lack."""
    return set(_MISSING)


def forget_missing() -> None:
    _MISSING.clear()


def remote_key(key: str) -> str:
    """The ".remote" variant of `key` when there is one (wording for people with no room)."""
    variant = f"{key}.remote"
    return variant if variant in _CATALOG else key


def explain(exc: ValidationError, root: str = "settings") -> str:
    """A pydantic validation error as one line a person can act on: `field: what is wrong; ...`."""
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error["loc"]) or root
        parts.append(f"{where}: {error['msg'].removeprefix('Value error, ')}")
    return "; ".join(parts)


# --- numbers and dates ----------------------------------------------------------------------------


def _locale(lang: str) -> str:
    return LOCALES.get(lang, LOCALES[DEFAULT_LANG])


def fmt_number(n: int | float, lang: str = DEFAULT_LANG) -> str:
    """`n` as `lang` writes it: "1 234,5" in French (narrow no-break space), "1,234.5" in English."""
    return format_decimal(n, locale=_locale(lang))


def fmt_percent(share: float, lang: str = DEFAULT_LANG, *, digits: int = 0) -> str:
    """A share (0.5) as a percentage: "50 %" in French (no-break space), "50%" in English."""
    pattern = None if digits == 0 else "#,##0." + "0" * digits + "%"
    return format_percent(share, format=pattern, locale=_locale(lang))


def fmt_date(value: dt.date | str, lang: str = DEFAULT_LANG) -> str:
    """A date as `lang` writes it in full ("12 mars 2018", "12 March 2018"); a text that is not
    an ISO date (a plan may say "printemps 2024") is returned as it is."""
    if isinstance(value, dt.date):
        day = value
    else:
        try:
            day = dt.date.fromisoformat(value.strip())
        except ValueError:
            return value
    return str(format_date(day, "long", locale=_locale(lang)))


# --- texts in both languages ----------------------------------------------------------------------


class Text(BaseModel):
    """A text of a plan or typed live, in French and English. Read from a plain string (the same
    text in both languages) or from `{fr = "…", en = "…"}` (one of the two may be missing: the
    other stands in); written back as a plain string when both are the same, so that plans and
    events written before texts were bilingual read and replay unchanged."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    fr: str = ""
    en: str = ""

    @model_validator(mode="before")
    @classmethod
    def _read(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"fr": value, "en": value}
        if isinstance(value, Mapping):
            fr, en = value.get("fr") or "", value.get("en") or ""
            if isinstance(fr, str) and isinstance(en, str):
                return {**value, "fr": fr or en, "en": en or fr}
        return value

    @model_serializer(mode="plain")
    def _write(self) -> str | dict[str, str]:
        return self.fr if self.fr == self.en else {"fr": self.fr, "en": self.en}

    def get(self, lang: str) -> str:
        """The text in `lang` (the other language's when it has none)."""
        return (self.en if lang == "en" else self.fr) or self.fr or self.en

    @property
    def translated(self) -> bool:
        """Whether the two languages read differently."""
        return self.fr != self.en

    def __bool__(self) -> bool:
        return bool(self.fr or self.en)

    def __eq__(self, other: object) -> bool:
        """Equal to another `Text` with the same two texts, or to a plain string when both
        languages read that string (what a plain string in a plan means)."""
        if isinstance(other, str):
            return self.fr == other and self.en == other
        return isinstance(other, Text) and (self.fr, self.en) == (other.fr, other.en)

    def __hash__(self) -> int:
        return hash(self.fr) if self.fr == self.en else hash((self.fr, self.en))

    def __str__(self) -> str:
        raise TypeError("a Text holds two languages: write text.get(lang)")

    def __format__(self, spec: str) -> str:
        raise TypeError("a Text holds two languages: write text.get(lang)")

    def map(self, change: Any) -> Text:
        """This text with `change(str) -> str` applied to each language."""
        return Text(fr=change(self.fr), en=change(self.en))

    def live(self) -> LiveText:
        """Its French as written, with its English if it has one (for the console's translator)."""
        return LiveText(text=self.fr, en=self.en if self.translated else "")


class LiveText(BaseModel):
    """A text typed live (an idea, a controversy statement) as written (`text`), with the English
    the console may give it later (`en`; "": none, it reads the same in both languages)."""

    text: str
    en: str = ""

    @property
    def words(self) -> Text:
        """The text in both languages."""
        return Text(fr=self.text, en=self.en or self.text)


def english_of(text: str, en: str, clean: Any) -> str:
    """The English a facilitator typed for `text`, cleaned by `clean` (which refuses a bad
    length); "" when empty or the same as `text` (no translation)."""
    if not en.strip():
        return ""
    english = str(clean(en))
    return "" if english == text else english


@dataclass(frozen=True)
class TextBounds:
    """The limits of a `Text` field: `title: Annotated[Text, TextBounds(1, 200)]`. Each language
    is cleaned as typed text is (`clean_text`, on one line unless `multiline`) and must hold
    `min_length` to `max_length` characters. The settings forms read them (`facilitation/forms.py`)."""

    min_length: int = 0
    max_length: int | None = None
    multiline: bool = False

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return core_schema.no_info_after_validator_function(
            self._check, core_schema.no_info_before_validator_function(self._clean, handler(source))
        )

    def _clean(self, value: Any) -> Any:
        def clean(text: Any) -> Any:
            return clean_text(text, multiline=self.multiline) if isinstance(text, str) else text

        if isinstance(value, Text):
            return value.map(clean)
        if isinstance(value, Mapping):
            return {k: clean(v) for k, v in value.items()}
        return clean(value)

    def _check(self, value: Text) -> Text:
        for lang in LANGUAGES:
            size = len(value.get(lang))
            if size < self.min_length:  # the same errors as a plain string's, translated alike
                raise PydanticCustomError(
                    "string_too_short",
                    "String should have at least {min_length} characters",
                    {"min_length": self.min_length},
                )
            if self.max_length is not None and size > self.max_length:
                raise PydanticCustomError(
                    "string_too_long",
                    "String should have at most {max_length} characters",
                    {"max_length": self.max_length},
                )
        return value


class RuleViolation(Exception):
    """A command that the rules refuse, with a translatable sentence saying why."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self, lang: str = DEFAULT_LANG, *, remote: bool = False) -> str:
        """The refusal in `lang`; for someone with no room, its ".remote" wording if any."""
        return t(remote_key(self.key) if remote else self.key, lang, **self.params)


add(
    {
        "app.name": ("Cercle", "Cercle"),
        "app.tagline": (
            "Animer un forum ouvert, en salle et à distance, sous la règle de Chatham House.",
            "Run an open forum, in the room and remotely, under the Chatham House rule.",
        ),
        "lang.switch": ("English", "Français"),
        "common.pair": ("{label} : {value}", "{label}: {value}"),
        "common.percent_unit": ("\u00a0%", "%"),
        "common.semicolon": (" ; ", "; "),
        "common.participants": (
            {"one": "{n} participant·e", "other": "{n} participant·es"},
            {"one": "{n} participant", "other": "{n} participants"},
        ),
        # home
        "home.create": ("Ouvrir une session", "Open a session"),
        "home.plan": ("Programme", "Plan"),
        "home.blank": ("Session vierge", "Blank session"),
        "home.title": ("Titre de la session", "Session title"),
        "home.create_button": ("Créer la session", "Create the session"),
        "home.join": ("Rejoindre une session", "Join a session"),
        "home.code": ("Code à 6 caractères", "6-character code"),
        "home.join_button": ("Rejoindre", "Join"),
        "home.created": (
            "Session créée. Gardez ce lien de console : il ne sera plus affiché.",
            "Session created. Keep this console link: it will not be shown again.",
        ),
        "home.title_required": ("Donnez un titre à la session vierge.", "Give the blank session a title."),
        # errors
        "error.unknown_code": (
            "Aucune session ne porte le code « {code} ». Vérifiez-le et tapez-le à nouveau.",
            "No session has the code “{code}”. Check it and type it again.",
        ),
        "error.bad_key": (
            "Clé d'animation absente ou incorrecte : cette console est réservée à l'animateur·rice. "
            "Utilisez le lien complet reçu à la création de la session.",
            "Missing or wrong host key: this console is for the facilitator. "
            "Use the full link you were given when the session was created.",
        ),
        "error.unknown_plan": ("Programme inconnu : « {plan} ».", "Unknown plan: “{plan}”."),
        "error.not_live": ("La session n'est pas en cours.", "The session is not live."),
        "error.closed": ("La session est close.", "The session is closed."),
        "error.already_live": ("La session a déjà commencé.", "The session has already started."),
        "error.no_item": ("Ce point n'existe pas dans l'ordre du jour.", "That item is not on the agenda."),
        "error.last_item": ("C'est le dernier point de l'ordre du jour.", "This is the last agenda item."),
        "error.not_joined": (
            "Acceptez d'abord la charte pour participer.",
            "Accept the charter first to take part.",
        ),
        "error.unavailable": (
            "Cette activité n'est pas encore disponible dans Cercle.",
            "This activity is not available in Cercle yet.",
        ),
        "error.view": (
            "Cette activité ne peut pas s'afficher pour l'instant ; rien n'est perdu. "
            "Rechargez la page ; si cela persiste, passez au point suivant.",
            "This activity cannot be shown right now; nothing is lost. "
            "Reload the page; if it persists, move to the next item.",
        ),
        "error.internal": (
            "Une erreur est survenue ; rien n'a été enregistré. Réessayez.",
            "Something went wrong; nothing was saved. Please try again.",
        ),
        # states
        "state.draft": ("en préparation", "draft"),
        "state.live": ("en cours", "live"),
        "state.closed": ("close", "closed"),
        "kind.moment": ("Temps", "Moment"),
        # categories and modes
        "category.woman": ("Femme", "Woman"),
        "category.man": ("Homme", "Man"),
        "category.other": ("Autre identité", "Another identity"),
        "category.undisclosed": ("Préfère ne pas dire", "Prefer not to say"),
        "category.none": ("Non renseigné", "Not given"),
        "mode.room": ("Dans la salle", "In the room"),
        "mode.remote": ("À distance", "Remote"),
        # console
        "console.title": ("Console", "Console"),
        "console.state": ("État : {state}", "State: {state}"),
        "console.start": ("Démarrer la session", "Start the session"),
        "console.next": ("Point suivant", "Next item"),
        "console.goto": ("Aller à ce point", "Go to this item"),
        "console.close": ("Clore la session", "Close the session"),
        "console.close_confirm": (
            "Clore la session ? Les téléphones ne pourront plus participer.",
            "Close the session? Phones will no longer be able to take part.",
        ),
        "console.cancel": ("Annuler", "Cancel"),
        "console.confirm": ("Confirmer", "Confirm"),
        "console.agenda": ("Ordre du jour", "Agenda"),
        "console.planned": ("prévu {planned} min", "planned {planned} min"),
        "console.actual": ("réel {actual}", "actual {actual}"),
        "console.participants": ("Participant·es", "Participants"),
        "console.connected": (
            {"one": "{n} connecté·e maintenant", "other": "{n} connecté·es maintenant"},
            {"one": "{n} connected now", "other": "{n} connected now"},
        ),
        "console.links": ("Liens", "Links"),
        "console.screen_link": ("Écran à projeter", "Screen to project"),
        "console.join_link": ("Page des téléphones", "Phone page"),
        "console.current": ("Point en cours", "Current item"),
        "console.not_started": ("La session n'a pas commencé.", "The session has not started."),
        # screen
        "screen.join": ("Rejoignez-nous", "Join us"),
        "screen.record": ("La restitution du forum", "The forum's record"),
        "screen.code": ("Code", "Code"),
        "screen.room": ("dans la salle", "in the room"),
        "screen.remote": ("à distance", "remote"),
        "screen.participants": (
            {"one": "{n} participant·e", "other": "{n} participant·es"},
            {"one": "{n} participant", "other": "{n} participants"},
        ),
        "screen.welcome": ("Bienvenue", "Welcome"),
        "screen.closed": ("Merci ! La session est close.", "Thank you! The session is closed."),
        # phone
        "phone.charter": ("La charte du forum", "The forum's charter"),
        "phone.accept": ("J'accepte la charte", "I accept the charter"),
        "phone.profile": ("Pour les statistiques de parité (facultatif)", "For parity statistics (optional)"),
        "phone.profile_hint": (
            "Seuls des totaux sont calculés. Votre nom n'est jamais demandé.",
            "Only totals are computed. Your name is never asked for.",
        ),
        "phone.where": ("Où êtes-vous ?", "Where are you?"),
        "phone.continue": ("Continuer", "Continue"),
        "phone.waiting": ("Vous êtes inscrit·e. Suivez l'écran.", "You're in. Follow the screen."),
        "phone.waiting.remote": (
            "Vous êtes inscrit·e. Ce que montre l'écran s'affiche ici, sur votre téléphone.",
            "You're in. What the screen shows appears here, on your phone.",
        ),
        "phone.before_start": ("La session va commencer.", "The session is about to start."),
        "phone.now": ("En ce moment", "Now"),
        "phone.closed": (
            "La session est close. Merci de votre participation !",
            "The session is closed. Thank you for taking part!",
        ),
        "phone.record": ("Lire la restitution du forum", "Read the forum's record"),
        "phone.record_later": (
            "La restitution sera publiée après relecture : revenez sur cette page, son lien y apparaîtra.",
            "The record will be published after review: come back to this page for its link.",
        ),
        "phone.record_none": (
            "La restitution de ce forum ne sera pas publiée en ligne.",
            "This forum's record will not be published online.",
        ),
        "phone.erased": (
            "Cette session a été effacée par son animation. Merci de votre participation !",
            "This session was erased by its facilitator. Thank you for taking part!",
        ),
        "phone.change_profile": ("Modifier mes réponses", "Change my answers"),
        "phone.follow.show": ("Voir l'écran", "See the screen"),
        "phone.follow.hide": ("Masquer l'écran", "Hide the screen"),
        "phone.type_code": ("Tapez le code affiché à l'écran", "Type the code shown on the screen"),
        "phone.unavailable": (
            "Suivez ce moment dans la salle ; il n'y a rien à faire sur le téléphone.",
            "Follow this moment in the room; there is nothing to do on your phone.",
        ),
        "phone.unavailable.remote": (
            "Rien à faire sur votre téléphone pour ce moment : écoutez-le dans l'appel.",
            "Nothing to do on your phone for this moment: listen to it in the call.",
        ),
    }
)
