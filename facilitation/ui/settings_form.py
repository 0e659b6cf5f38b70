"""An activity's settings form, drawn from its pydantic settings model (`facilitation/forms.py`):
each field with its label and one line of documentation, checked as the person types by the
same model the plan loader uses, each refusal shown under its field."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any, TypeVar

from nicegui import ui
from pydantic import BaseModel

from .. import forms
from ..forms import FieldSpec, Loc
from ..i18n import Text, t
from .text_input import TextInput

Changed = Callable[[], None]


class SettingsForm:
    """The form of `kind`'s settings, starting from `values`; `data()` is what it holds now,
    `problems` what the model refuses in it (empty: good)."""

    def __init__(
        self,
        kind: str,
        model: type[BaseModel],
        values: dict[str, Any],
        lang: str,
        on_change: Changed | None = None,
    ) -> None:
        self.kind, self.model, self.lang, self.on_change = kind, model, lang, on_change
        self.specs = forms.describe(model)
        self.values: dict[str, Any] = copy.deepcopy(values)
        self.fields: dict[Loc, Any] = {}  # loc -> the element showing that field's refusal
        self.problems: dict[Loc, str] = {}
        self.container = ui.column().classes("w-full gap-1").props('data-testid="settings-form"')
        self.summary = ui.label().classes("cercle-late text-sm").props('data-testid="settings-problems"')
        self.redraw()

    def data(self) -> dict[str, Any]:
        return copy.deepcopy(self.values)

    @property
    def valid(self) -> bool:
        return not self.problems

    def redraw(self) -> None:
        self.fields.clear()
        self.container.clear()
        with self.container:
            self.draw(self.specs, self.values, ())
        self.check()

    def changed(self) -> None:
        self.check()
        if self.on_change is not None:
            self.on_change()

    def check(self) -> None:
        """Check what is typed with the model; show each refusal under its field (or below)."""
        self.problems = forms.check(self.model, self.values, self.lang)
        for loc, element in self.fields.items():
            element.error = self.problems.get(loc)
        elsewhere = [m for loc, m in self.problems.items() if loc not in self.fields]
        self.summary.text = " ".join(elsewhere)
        self.summary.set_visibility(bool(elsewhere))

    # --- drawing --------------------------------------------------------------------------------

    def draw(self, specs: list[FieldSpec], values: dict[str, Any], loc: Loc) -> None:
        for spec in specs:
            self.field(spec, values, (*loc, spec.name))

    def field(self, spec: FieldSpec, values: dict[str, Any], loc: Loc) -> None:
        label, help_ = spec.label(self.kind, self.lang), spec.help(self.kind, self.lang)
        test_id = "setting-" + "-".join(str(p) for p in loc)
        value = values.get(spec.name, spec.default)
        element: Any

        def store(new: Any) -> None:
            values[spec.name] = new
            self.changed()

        if spec.widget == "switch":
            switch = ui.switch(label, value=bool(value), on_change=lambda e: store(bool(e.value)))
            switch.props["data-testid"] = test_id
            ui.label(help_).classes("cercle-muted text-xs -mt-2")
        elif spec.widget in ("integer", "number"):
            integer = spec.widget == "integer"

            def number(new: Any) -> None:
                if new is None or new == "":
                    store(None if spec.optional else "")
                else:
                    store(int(new) if integer and float(new).is_integer() else new)

            # No min/max on the box: out of range stays as typed, and the model's refusal shows.
            element = ui.number(
                label,
                value=value,
                step=1 if integer else 0.5,
                on_change=lambda e: number(e.value),
            ).props("clearable" if spec.optional else "")
            self.fields[loc] = _described(element, help_, test_id)
        elif spec.widget == "choice":
            options = {c: spec.choice_label(self.kind, c, self.lang) for c in spec.choices}
            element = ui.select(options, label=label, value=value, on_change=lambda e: store(e.value))
            self.fields[loc] = _described(element, help_, test_id)
        elif spec.widget == "lines" and spec.bilingual:
            self.bilingual_lines(spec, label, help_, test_id, value, loc, store)
        elif spec.widget == "lines":
            lines = "\n".join(value or [])

            def split(text: str | None) -> None:
                kept = [line.strip() for line in (text or "").splitlines() if line.strip()]
                store(kept or (None if spec.optional else []))

            element = ui.textarea(label, value=lines, on_change=lambda e: split(e.value))
            element.props("autogrow").classes("w-full")
            self.fields[loc] = _described(element, help_, test_id)
        elif spec.widget == "entries":
            self.entries(spec, values, loc, label, help_)
        elif spec.bilingual:  # a text, with its English under it
            box: list[TextInput] = []
            box.append(
                TextInput(
                    label,
                    value,
                    self.lang,
                    multiline=spec.widget == "long_text",
                    max_length=spec.max_length,
                    testid=test_id,
                    on_change=lambda: store(box[0].data()),
                )
            )
            self.fields[loc] = _described(box[0].fr, help_, test_id)
        else:
            maker = ui.textarea if spec.widget == "long_text" else ui.input
            element = maker(label, value=value or "", on_change=lambda e: store(e.value or ""))
            if spec.max_length:
                element.props(f"maxlength={spec.max_length}")
            self.fields[loc] = _described(element.classes("w-full"), help_, test_id)

    def bilingual_lines(
        self,
        spec: FieldSpec,
        label: str,
        help_: str,
        test_id: str,
        value: Any,
        loc: Loc,
        store: Callable[[Any], None],
    ) -> None:
        """Lines of texts (a scale's labels), the English ones in a box under the French ones."""
        texts = [Text.model_validate(v) for v in value or []]
        french = ui.textarea(label, value="\n".join(x.fr for x in texts)).props("autogrow").classes("w-full")
        english = ui.textarea(
            t("text.in_english", self.lang), value="\n".join(x.en for x in texts if x.translated)
        ).props('autogrow dense lang="en"')
        english.classes("w-full cercle-english").props(f'data-testid="{test_id}-en"')

        def split() -> None:
            fr = [line.strip() for line in (french.value or "").splitlines() if line.strip()]
            en = [line.strip() for line in (english.value or "").splitlines() if line.strip()]
            kept = [Text(fr=f, en=en[i] if i < len(en) else f).model_dump() for i, f in enumerate(fr)]
            store(kept or (None if spec.optional else []))

        french.on_value_change(lambda _: split())
        english.on_value_change(lambda _: split())
        self.fields[loc] = _described(french, help_, test_id)

    def entries(self, spec: FieldSpec, values: dict[str, Any], loc: Loc, label: str, help_: str) -> None:
        """A list of entries (statements, tables): each a small form, added and removed here."""
        items: list[dict[str, Any]] = values.setdefault(spec.name, [])
        ui.label(label).classes("font-semibold mt-2")
        ui.label(help_).classes("cercle-muted text-xs")
        for index, entry in enumerate(items):
            with ui.column().classes("w-full gap-1 pl-3 border-l-2 border-gray-300"):
                with ui.row().classes("w-full items-center justify-between"):
                    ui.label(f"{spec.label(self.kind, self.lang)} {index + 1}").classes(
                        "text-sm cercle-muted"
                    )

                    def remove(at: int = index) -> None:
                        del items[at]
                        self.redraw()
                        self.changed()

                    ui.button(icon="delete", on_click=remove).props(
                        f'flat dense round aria-label="{_attr(t("editor.remove", self.lang))}" '
                        f'data-testid="remove-{"-".join(str(p) for p in loc)}-{index}"'
                    )
                self.draw(spec.entries, entry, (*loc, index))

        def add() -> None:
            items.append(forms.blank(spec.entries))
            self.redraw()
            self.changed()

        full = spec.max_length is not None and len(items) >= spec.max_length
        ui.button(t("editor.add_entry", self.lang), icon="add", on_click=add).props(
            f'flat dense no-caps data-testid="add-{"-".join(str(p) for p in loc)}"'
        ).set_enabled(not full)


E = TypeVar("E", bound=ui.element)


def _described(element: E, help_: str, test_id: str) -> E:
    element.props["hint"] = help_
    element.props["data-testid"] = test_id
    without_auto_validation = getattr(element, "without_auto_validation", None)
    if without_auto_validation is not None:  # the form sets each refusal itself, after each change
        without_auto_validation()
    return element


def _attr(text: str) -> str:
    """Text inside a double-quoted prop."""
    return text.replace("\\", "\\\\").replace('"', "&quot;")
