"""The dialog that adds an agenda item (a moment or any activity, where to insert it) or edits
a future one: title, text, duration and the activity's settings form, checked as one types."""

from __future__ import annotations

from typing import Any

from nicegui import ui

from .. import agenda
from ..activity import MOMENT
from ..i18n import add
from .context import ViewContext
from .settings_form import SettingsForm
from .text_input import TextInput

END = -1  # the position choice "at the end"


class ItemDialog:
    """Add an item (`item_id` None) or edit item `item_id`."""

    def __init__(self, ctx: ViewContext, item_id: int | None) -> None:
        self.ctx, self.id = ctx, item_id
        state = ctx.session
        existing = state.agenda[item_id] if item_id is not None else None
        self.kind = existing.kind if existing is not None else MOMENT
        self.settings: dict[str, Any] = dict(existing.settings) if existing is not None else {}
        self.form: SettingsForm | None = None
        with ui.dialog().props("persistent") as self.dialog, ui.card().classes("w-[640px] max-w-full"):
            ui.label(ctx.t("editor.edit_title" if existing else "editor.add_title")).classes("cercle-h2")
            if existing is None:
                kinds = {k: ctx.room.registry.label(k, ctx.lang) for k in agenda.kinds(ctx.room.registry)}
                self.kind_select = ui.select(kinds, value=self.kind, label=ctx.t("editor.kind"))
                self.kind_select.props('data-testid="item-kind"').classes("w-full")
                self.kind_select.on_value_change(lambda e: self.kind_changed(e.value))
                self.position = ui.select(self.positions(), value=self.default_position())
                self.position.props(f'label="{ctx.t("editor.where")}" data-testid="item-position"')
                self.position.classes("w-full")
            self.title = TextInput(
                ctx.t("editor.title"),
                existing.title if existing else "",
                ctx.lang,
                max_length=agenda.TITLE_MAX,
                testid="item-title",
            )
            self.title.fr.without_auto_validation().on_value_change(self.title_changed)
            self.default_en = ""  # the English the dialog filled in, until the French is retyped
            self.text = TextInput(
                ctx.t("editor.text"),
                existing.text if existing else "",
                ctx.lang,
                multiline=True,
                max_length=agenda.TEXT_MAX,
                testid="item-text",
            )
            self.duration = ui.number(
                ctx.t("editor.duration"),
                value=existing.duration_min if existing else 10,
                min=0,
                max=24 * 60,
                step=5,
                on_change=self.check,
            ).props('data-testid="item-duration"')
            self.duration.without_auto_validation()
            self.settings_box = ui.column().classes("w-full gap-1")
            with ui.row().classes("w-full justify-end gap-2"):
                ui.button(ctx.t("console.cancel"), on_click=self.dialog.close).props("flat")
                self.save = ui.button(ctx.t("editor.save"), on_click=self.submit).props(
                    'color=primary data-testid="save-item"'
                )
        self.draw_settings()

    def open(self) -> None:
        self.dialog.open()

    def positions(self) -> dict[int, str]:
        """Where a new item may go: after the current item, anywhere later."""
        state = self.ctx.session
        order = state.order
        choices = {}
        first = state.after_current()
        for p in range(first, len(order) + 1):
            if p == len(order):
                choices[END] = self.ctx.t("editor.at_end")
            elif p == 0:
                choices[p] = self.ctx.t("editor.at_start")
            else:
                choices[p] = self.ctx.t(
                    "editor.after", n=p, title=self.ctx.text(state.agenda[order[p - 1]].title)
                )
        return choices

    def default_position(self) -> int:
        """Right after the current item when live; at the end otherwise."""
        state = self.ctx.session
        first = state.after_current()
        return first if state.current is not None and first < len(state.agenda) else END

    def kind_changed(self, kind: str) -> None:
        self.kind, self.settings = kind, {}
        if not self.title.value and kind != MOMENT:  # the activity's name, in both languages
            self.title.fr.value = self.ctx.room.registry.label(kind, "fr")
            self.title.en.value = self.default_en = self.ctx.room.registry.label(kind, "en")
        self.draw_settings()

    def draw_settings(self) -> None:
        self.settings_box.clear()
        self.form = None
        model = agenda.settings_model(self.kind, self.ctx.room.registry)
        if model is not None:
            with self.settings_box:
                ui.label(self.ctx.t("editor.settings")).classes("font-semibold mt-2")
                self.form = SettingsForm(self.kind, model, self.settings, self.ctx.lang, on_change=self.check)
        self.check()

    def title_changed(self, *_: Any) -> None:
        """A French title typed over the activity's name: the English name filled in with it
        goes too (left empty, the English reads the French)."""
        if self.default_en and self.title.en.value == self.default_en:
            fr = self.title.fr.value or ""
            if fr != self.ctx.room.registry.label(self.kind, "fr"):
                self.title.en.value = self.default_en = ""
        self.check()

    def check(self, *_: Any) -> None:
        title_ok = bool(self.title.value)
        self.title.fr.error = None if title_ok else self.ctx.t("editor.title_required")
        duration = self.duration.value
        duration_ok = duration is not None and 0 <= duration <= 24 * 60
        self.duration.error = None if duration_ok else self.ctx.t("editor.duration_range")
        self.save.set_enabled(title_ok and duration_ok and (self.form is None or self.form.valid))

    async def submit(self) -> None:
        self.check()
        if not self.save.enabled:
            return
        fields = {
            "title": self.title.data(),
            "text": self.text.data(),
            "duration_min": int(self.duration.value or 0),
            "settings": self.form.data() if self.form is not None else {},
        }
        if self.id is None:
            position = self.position.value
            item = {"kind": self.kind, **fields}
            done = await self.ctx.run(agenda.add_item, item, None if position == END else position)
        else:
            done = await self.ctx.run(
                agenda.edit_item,
                self.id,
                title=fields["title"],
                text=fields["text"],
                duration_min=fields["duration_min"],
                settings=fields["settings"],
            )
        if done:
            self.dialog.close()
            self.dialog.delete()


add(
    {
        "editor.add_title": ("Ajouter un point à l'ordre du jour", "Add an agenda item"),
        "editor.edit_title": ("Modifier ce point", "Edit this item"),
        "editor.kind": ("Type", "Kind"),
        "editor.where": ("Où", "Where"),
        "editor.at_start": ("Au début", "At the start"),
        "editor.at_end": ("À la fin", "At the end"),
        "editor.after": ("Après {n}. {title}", "After {n}. {title}"),
        "editor.title": ("Titre", "Title"),
        "editor.title_required": ("Donnez un titre à ce point.", "Give this item a title."),
        "editor.text": ("Texte affiché (facultatif)", "Text shown (optional)"),
        "editor.duration": ("Durée prévue (minutes)", "Planned duration (minutes)"),
        "editor.duration_range": ("Entre 0 et 1440 minutes.", "Between 0 and 1440 minutes."),
        "editor.settings": ("Réglages", "Settings"),
        "editor.save": ("Enregistrer", "Save"),
        "editor.add_entry": ("Ajouter", "Add"),
    }
)
