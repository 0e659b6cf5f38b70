"""The shared page frame: stylesheets and icons, language switch, and the links every page builds."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlencode

from nicegui import ui

from ..i18n import t
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


TOUCH = ("phone", "restitution", "home")


@contextmanager
def frame(lang: str, default_lang: str, path: str, *, kind: str, **params: str) -> Iterator[None]:
    """A page of kind "home", "console", "screen" or "phone", with the language switch."""
    # Colours and the body's look come from the stylesheet, not from elements: on a phone page
    # every element costs server memory, times a thousand phones.
    ui.add_head_html(
        static_files.head_html() + (static_files.markdown_stylesheet() if kind == "phone" else "")
    )
    ui.add_head_html(a11y.FOCUS_SCRIPT)
    touch = " cercle-touch" if kind in TOUCH else ""  # pages held in one hand: 44 px targets
    other = "en" if lang == "fr" else "fr"
    with ui.column().classes(f"cercle-page cercle-page-{kind} w-full{touch}"):
        if kind != "screen":
            home = esc(with_lang("/", lang, default_lang))
            switch = esc(with_lang(path, other, default_lang, **params))
            ui.html(
                f'<a class="cercle-brand" href="{home}">{esc(t("app.name", lang))}</a>'
                f'<a class="cercle-lang" lang="{other}" href="{switch}">{esc(t("lang.switch", lang))}</a>',
            ).classes("w-full cercle-topbar")
        yield


def notice(text: str, *, kind: str = "info") -> ui.label:
    return ui.label(text).classes(f"cercle-notice cercle-notice-{kind}")
