"""The console's English for a statement: the prompt and its choices as the room reads them in
English, given while the statement runs (`state.translate_statement`); the French is not touched."""

from __future__ import annotations

from nicegui import ui

from facilitation.ui.context import ViewContext

from . import state as rules
from .state import DebatState, Run


def translation(ctx: ViewContext[DebatState], run: Run, index: int) -> None:
    """A folded "English" section under the current statement."""
    s = run.statement
    with (
        ui.expansion(ctx.t("debat_mouvant.console.translate"), icon="translate")
        .classes("w-full")
        .props('dense data-testid="dm-translate"')
    ):
        fields = {
            "prompt": ui.input(
                ctx.t("debat_mouvant.console.prompt"), value=s.prompt.en if s.prompt.translated else ""
            )
        }
        if s.form == "dilemma":
            fields["a"] = ui.input(ctx.t("debat_mouvant.console.a"), value=s.a.en if s.a.translated else "")
            fields["b"] = ui.input(ctx.t("debat_mouvant.console.b"), value=s.b.en if s.b.translated else "")
        for name, field in fields.items():
            field.classes("w-full").props(f'lang="en" dense data-testid="dm-translate-{name}"')
            field.mark(f"dm-translate-{name}")

        async def save() -> None:
            english = {name: field.value or "" for name, field in fields.items()}
            if await ctx.act(rules.translate_statement, index, **english):
                ui.notify(ctx.t("debat_mouvant.console.translated"), type="positive", position="top")

        ui.button(ctx.t("debat_mouvant.console.translate_save"), on_click=save).props(
            'flat no-caps data-testid="dm-translate-save"'
        ).mark("dm-translate-save")
