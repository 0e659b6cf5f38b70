"""The shared page frame: stylesheet, language switch, and the links every page builds."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlencode

from nicegui import ui

from ..i18n import t
from ..settings import LANGUAGES

STYLESHEET = '<link rel="stylesheet" href="/assets/cercle.css">'


def pick_lang(lang: str | None, default: str) -> str:
    return lang if lang in LANGUAGES else default


def with_lang(path: str, lang: str, default: str, **params: str) -> str:
    """`path` with `?lang=` when the language is not the server's default."""
    query = dict(params)
    if lang != default:
        query["lang"] = lang
    return f"{path}?{urlencode(query)}" if query else path


@contextmanager
def frame(lang: str, default_lang: str, path: str, *, kind: str, **params: str) -> Iterator[None]:
    """A page of kind "home", "console", "screen" or "phone", with the language switch."""
    ui.add_head_html(STYLESHEET)
    ui.colors(primary="#000091", negative="#ce0500", positive="#18753c", warning="#b34000")
    ui.query("body").classes(f"cercle cercle-{kind}")
    other = "en" if lang == "fr" else "fr"
    with ui.column().classes(f"cercle-page cercle-page-{kind} w-full"):
        if kind != "screen":
            with ui.row().classes("w-full items-center justify-between cercle-topbar"):
                ui.link(t("app.name", lang), with_lang("/", lang, default_lang)).classes("cercle-brand")
                ui.link(t("lang.switch", lang), with_lang(path, other, default_lang, **params)).classes(
                    "cercle-lang"
                ).props(f'lang="{other}"')
        yield


def notice(text: str, *, kind: str = "info") -> ui.label:
    return ui.label(text).classes(f"cercle-notice cercle-notice-{kind}")
