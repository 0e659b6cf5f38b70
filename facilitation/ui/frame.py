"""The shared page frame: stylesheets and icons, language switch, and the links every page builds."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlencode

from nicegui import context, ui
from nicegui.translations import translations

from ..i18n import QUASAR_LANGUAGES, add, t
from ..settings import LANGUAGES
from . import a11y, static_files
from .markup import esc


def pick_lang(lang: str | None, default: str) -> str:
    return lang if lang in LANGUAGES else default


def with_lang(path: str, lang: str, default: str, **params: str) -> str:
    """`path` with `?lang=` when the language is not the server's default."""
    query = dict(params)
    if lang != default:
        query["lang"] = lang
    return f"{path}?{urlencode(query)}" if query else path


def use_language(lang: str) -> None:
    """This page's `<html lang>` and Quasar's language pack in `lang`. NiceGUI reads them from the
    page object, shared by every client of a route: this client gets a copy of its own."""
    client = context.client
    page = copy.copy(client.page)
    page.language = QUASAR_LANGUAGES[lang]  # type: ignore[assignment]
    client.page = page


def localise_nicegui() -> None:
    """NiceGUI's own texts (the banner shown when the connection drops) from our tables."""
    for lang, language in QUASAR_LANGUAGES.items():
        translations[language] = {  # type: ignore[index]
            "connection_lost": t("nicegui.connection_lost", lang),
            "trying_to_reconnect": t("nicegui.trying_to_reconnect", lang),
            "message_too_long": t("nicegui.message_too_long", lang),
            "message_too_long_body": t("nicegui.message_too_long_body", lang),
        }


TOUCH = ("phone", "restitution", "home")


@contextmanager
def frame(lang: str, default_lang: str, path: str, *, kind: str, **params: str) -> Iterator[None]:
    """A page of kind "home", "console", "screen" or "phone", in `lang`, with the language switch."""
    use_language(lang)
    # Colours and the body's look come from the stylesheet, not from elements: on a phone page
    # every element costs server memory, times a thousand phones.
    ui.add_head_html(static_files.head_html())
    ui.add_head_html(a11y.FOCUS_SCRIPT)
    touch = " cercle-touch" if kind in TOUCH else ""  # pages held in one hand: 44 px targets
    other = "en" if lang == "fr" else "fr"
    with ui.column().classes(f"cercle-page cercle-page-{kind} w-full{touch}"):
        switch = esc(with_lang(path, other, default_lang, **params))
        if kind == "screen":  # the projector: only the switch, in a corner, for the facilitator
            ui.html(
                f'<a class="cercle-lang cercle-screen-lang" lang="{other}" href="{switch}" '
                f'data-testid="screen-lang">{esc(t("lang.switch", lang))}</a>'
            ).classes("cercle-screen-topbar")
        else:
            home = esc(with_lang("/", lang, default_lang))
            ui.html(
                f'<a class="cercle-brand" href="{home}">{esc(t("app.name", lang))}</a>'
                f'<a class="cercle-lang" lang="{other}" href="{switch}">{esc(t("lang.switch", lang))}</a>',
            ).classes("w-full cercle-topbar")
        yield


def notice(text: str, *, kind: str = "info") -> ui.label:
    return ui.label(text).classes(f"cercle-notice cercle-notice-{kind}")


add(
    {
        "nicegui.connection_lost": ("Connexion perdue", "Connection lost"),
        "nicegui.trying_to_reconnect": ("Tentative de reconnexion…", "Trying to reconnect…"),
        "nicegui.message_too_long": ("Message trop long", "Message too long"),
        "nicegui.message_too_long_body": (
            "Ce message est trop long pour être envoyé ; raccourcissez-le.",
            "This message is too long to be sent; shorten it.",
        ),
    }
)
