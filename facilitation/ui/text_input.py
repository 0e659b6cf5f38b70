"""A text typed in French with, under it, a smaller field for its English translation: the
facilitator's way to give a bilingual text (`i18n.Text`) to a plan's item, a statement, a theme,
the session's title or charter. Left empty, the English field means "the same text in both"."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nicegui import ui

from ..i18n import Text, add, t


class TextInput:
    """`value`: what is typed, as a `Text`; `data()`: as a plan writes it (a plain string when
    there is no translation, else `{"fr": …, "en": …}`)."""

    def __init__(
        self,
        label: str,
        value: Text | str | dict[str, str] | None,
        lang: str,
        *,
        multiline: bool = False,
        max_length: int | None = None,
        testid: str = "",
        on_change: Callable[[], Any] | None = None,
    ) -> None:
        text = Text.model_validate(value or "")
        maker = ui.textarea if multiline else ui.input
        self.fr = maker(label, value=text.fr).classes("w-full")
        self.en = maker(t("text.in_english", lang), value=text.en if text.translated else "")
        self.en.classes("w-full cercle-english").props('lang="en" dense')
        for field, suffix in ((self.fr, ""), (self.en, "-en")):
            if multiline:
                field.props("autogrow")
            if max_length:
                field.props(f"maxlength={max_length}")
            if testid:
                field.props(f'data-testid="{testid}{suffix}"')
            if on_change is not None:
                field.on_value_change(lambda _: on_change())

    @property
    def value(self) -> Text:
        fr, en = (self.fr.value or "").strip(), (self.en.value or "").strip()
        return Text(fr=fr or en, en=en or fr)

    def data(self) -> str | dict[str, str]:
        dumped: str | dict[str, str] = self.value.model_dump()
        return dumped

    def clear(self) -> None:
        self.fr.value = self.en.value = ""


add({"text.in_english": ("En anglais (facultatif)", "In English (optional)")})
