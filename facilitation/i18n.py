"""Translations: French first, English second. Activities add their own strings with `add`."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

DEFAULT_LANG = "fr"
_CATALOG: dict[str, dict[str, str]] = {}


def add(entries: dict[str, tuple[str, str]]) -> None:
    """Add `key: (french, english)` pairs; a key may be defined once only."""
    for key, (fr, en) in entries.items():
        if key in _CATALOG and _CATALOG[key] != {"fr": fr, "en": en}:
            raise ValueError(f"translation key defined twice: {key}")
        _CATALOG[key] = {"fr": fr, "en": en}


def t(key: str, lang: str = DEFAULT_LANG, **params: Any) -> str:
    """The text of `key` in `lang` (French when missing), with `{params}` filled in."""
    entry = _CATALOG.get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry["fr"]
    return text.format(**params) if params else text


def has(key: str) -> bool:
    return key in _CATALOG


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
        "console.connected": ("{n} connecté·es maintenant", "{n} connected now"),
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
        "screen.participants": ("{n} participant·es", "{n} participants"),
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
