"""The console's English for what was typed live (`i18n.LiveText`: an idea, a controversy statement,
a proposal, the title and text of an agenda item that has begun): an "EN" button beside it opens one
dialog, each text as written above a field for its English; saving runs the owner's own command
(`translate_idea`, `translate_statement`, `translate_proposal`, `agenda.translate_item`). English
readers (phones, screen, follow view, record) then read the English; the text as written, and what
the room did with it, stay as they were. One dialog per console page (`Translator.of`), made at
the page's root so that it outlives the views that use it, and reused by every button."""

from __future__ import annotations

import weakref
from collections.abc import Awaitable, Callable, Sequence

from nicegui import Client, ui

from ..i18n import LiveText, add
from .context import ViewContext

Save = Callable[[list[str]], Awaitable[bool]]  # the English of each text, in order
Texts = Sequence[LiveText] | LiveText
Find = Callable[[], Texts | None]  # the texts as they are when the button is clicked


def _listed(texts: Texts) -> list[LiveText]:
    return [texts] if isinstance(texts, LiveText) else list(texts)


_PAGES: weakref.WeakKeyDictionary[Client, Translator] = weakref.WeakKeyDictionary()


class Translator:
    """The console page's one dialog: `Translator.of(ctx)` gives it (made where it is first asked
    for: the console makes it at its root, before its agenda and the activity's view)."""

    @classmethod
    def of(cls, ctx: ViewContext) -> Translator:
        client = ui.context.client
        found = _PAGES.get(client)
        if found is None or found.dialog.is_deleted:
            found = _PAGES[client] = cls(ctx)
        return found

    def __init__(self, ctx: ViewContext) -> None:
        self.ctx = ctx
        self.save: Save | None = None
        self.fields: list[ui.input] = []
        with ui.dialog() as self.dialog, ui.card().classes("w-[640px] max-w-full gap-2"):
            ui.label(ctx.t("translate.title")).classes("cercle-h2")
            self.body = ui.column().classes("w-full gap-1")
            ui.label(ctx.t("translate.hint")).classes("text-xs cercle-muted")
            with ui.row().classes("w-full justify-end gap-2"):
                ui.button(ctx.t("console.cancel"), on_click=self.dialog.close).props("flat no-caps")
                ui.button(ctx.t("translate.save"), on_click=self.submit).props(
                    'no-caps color=primary data-testid="translate-save"'
                ).mark("translate-save")

    def open(self, texts: Texts, save: Save) -> None:
        """The dialog for `texts`; `save(english)` runs when the facilitator saves."""
        self.save = save
        self.body.clear()
        self.fields = []
        with self.body:
            for n, live in enumerate(_listed(texts)):
                ui.label(live.text).classes("text-sm font-semibold").props('lang="fr"')
                field = ui.input(self.ctx.t("translate.english"), value=live.en).classes("w-full")
                field.props(f'lang="en" data-testid="translate-en-{n}"').mark(f"translate-en-{n}")
                self.fields.append(field)
        self.dialog.open()

    def label(self, texts: Texts) -> str:
        """ "EN", or "EN ✓" once every text has its English."""
        done = all(live.en for live in _listed(texts))
        return self.ctx.t("translate.done" if done else "translate.button")

    def button(self, texts: Texts | Find, save: Save, testid: str) -> ui.button:
        """The "EN" button for `texts`, or for what `texts()` finds when clicked (a card that is
        updated in place)."""

        def open_() -> None:
            found = texts() if callable(texts) else texts
            if found is not None:
                self.open(found, save)

        first = texts() if callable(texts) else texts
        return (
            ui.button(
                self.label(first) if first is not None else self.ctx.t("translate.button"), on_click=open_
            )
            .props(f'flat dense no-caps data-testid="{testid}" aria-label="{self.ctx.t("translate.title")}"')
            .mark(testid)
        )

    async def submit(self) -> None:
        if self.save is not None and await self.save([field.value or "" for field in self.fields]):
            self.dialog.close()
            ui.notify(self.ctx.t("translate.saved"), type="positive", position="top")


def one(save: Callable[[str], Awaitable[bool]]) -> Save:
    """A `Save` for a single text."""

    async def saved(english: list[str]) -> bool:
        return await save(english[0] if english else "")

    return saved


add(
    {
        "translate.title": ("Donner son anglais", "Give its English"),
        "translate.english": ("En anglais", "In English"),
        "translate.hint": (
            "Les lecteurs en anglais liront cette version ; le texte tel qu'écrit ne change pas. Vide : "
            "le même texte dans les deux langues.",
            "English readers will read this version; the text as written does not change. Empty: the "
            "same text in both languages.",
        ),
        "translate.save": ("Enregistrer l'anglais", "Save the English"),
        "translate.saved": ("Anglais enregistré.", "English saved."),
        "translate.button": ("EN", "EN"),
        "translate.done": ("EN ✓", "EN ✓"),
    }
)
