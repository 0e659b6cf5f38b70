"""The agenda as the facilitator edits it, on the console (draft or live) and while preparing a
session: each item with its times, buttons to go to it, move it up or down (or Alt+↑/↓ on the
row), edit, duplicate or remove it, a button to add one, and the planned end of the session.

Every change is a command through the room (`facilitation/agenda.py`); the rows are rebuilt only
when the agenda's items or order change, and updated in place otherwise."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from nicegui import ui

from .. import agenda
from ..i18n import LiveText, Text, add
from ..restitution.model import LOCAL_TZ
from .common import is_unavailable, minutes
from .context import ViewContext
from .item_dialog import ItemDialog
from .translate import Translator

Goto = Callable[[int], Awaitable[None]]


def clock(at: float) -> str:
    """ "17:40", in the forum's time zone (as the restitution tells times)."""
    return datetime.fromtimestamp(at, LOCAL_TZ).strftime("%H:%M")


def end_text(ctx: ViewContext, now: float) -> str:
    """ "fin prévue 17:40, +12 min" (live), "fin prévue 17:40 si la session commence maintenant"."""
    state = ctx.session
    if state.status == "closed" or not state.agenda:
        return ""
    end, late = agenda.planned_end(state, now)
    if late is None:
        return ctx.t("editor.end_if_now", at=clock(end))
    drift = round(late / 60)
    if drift == 0:
        return ctx.t("editor.end_on_time", at=clock(end))
    return ctx.t("editor.end", at=clock(end), drift=f"{drift:+d}".replace("-", "−"))


class AgendaEditor:
    """The editable agenda. `goto`: what the console does to move the session to an item."""

    def __init__(self, ctx: ViewContext, goto: Goto | None = None) -> None:
        self.ctx, self.goto = ctx, goto
        self.rows: list[ItemRow] = []
        self.shown: list[tuple[int, Text, Text, str, int]] = []
        self.current_row: ItemRow | None = None
        with ui.row().classes("w-full items-center justify-between gap-2"):
            ui.label(ctx.t("console.agenda")).classes("cercle-h2")
            self.end = ui.label().classes("text-sm font-semibold").props('data-testid="planned-end"')
        self.list = ui.column().classes("w-full gap-1").props('data-testid="agenda"')
        with ui.row().classes("w-full gap-2 items-center"):
            self.add_button = ui.button(ctx.t("editor.add"), icon="add", on_click=self.open_add)
            self.add_button.props('outline no-caps data-testid="add-item"')
            ui.link(ctx.t("editor.export"), f"/api/sessions/{ctx.room.code}/plan.toml").classes(
                "text-sm"
            ).props('data-testid="export-plan"')
        self.holder = ui.element()  # dialogs live here, not in the rows that are rebuilt
        self.translator = Translator.of(ctx)  # the English of an item that has begun
        self.refresh()

    def refresh(self) -> None:
        """After a change of phase or of the agenda: rebuild the rows if the agenda changed,
        else update them in place."""
        state = self.ctx.session
        shape = [(i, it.title, it.text, it.kind, it.duration_min) for i, it in state.agenda.items()]
        if shape != self.shown:
            self.shown = shape
            self.list.clear()
            with self.list:
                self.rows = [ItemRow(self, item_id, n) for n, item_id in enumerate(state.order)]
        self.current_row = None
        for row in self.rows:
            row.update()
        self.add_button.set_visibility(state.status != "closed")
        self.tick()

    def tick(self) -> None:
        """Each second: the current item's time and the planned end."""
        now = self.ctx.now()
        if self.current_row is not None:
            self.current_row.show_time(now)
        text = end_text(self.ctx, now)
        if self.end.text != text:
            self.end.text = text

    # --- commands ---------------------------------------------------------------------------------

    async def move(self, item_id: int, step: int) -> None:
        position = agenda.step_position(self.ctx.session, item_id, step)
        if position is not None:
            await self.ctx.run(agenda.move_item, item_id, position)

    async def duplicate(self, item_id: int) -> None:
        await self.ctx.run(agenda.duplicate_item, item_id)

    def confirm_remove(self, item_id: int) -> None:
        title = self.ctx.text(self.ctx.session.agenda[item_id].title)
        with self.holder, ui.dialog() as dialog, ui.card():
            ui.label(self.ctx.t("editor.remove_confirm", title=title))
            with ui.row():
                ui.button(self.ctx.t("console.cancel"), on_click=dialog.close).props("flat")

                async def confirmed() -> None:
                    dialog.close()
                    await self.ctx.run(agenda.remove_item, item_id)

                ui.button(self.ctx.t("editor.remove"), on_click=confirmed).props(
                    'color=negative data-testid="confirm-remove"'
                )
        dialog.open()

    def open_add(self) -> None:
        with self.holder:
            ItemDialog(self.ctx, None).open()

    def open_edit(self, item_id: int) -> None:
        with self.holder:
            ItemDialog(self.ctx, item_id).open()


class ItemRow:
    """One agenda item: built once per shape of the agenda, updated in place."""

    def __init__(self, editor: AgendaEditor, item_id: int, position: int) -> None:
        self.editor, self.id = editor, item_id
        ctx = editor.ctx
        state = ctx.session
        item = state.agenda[item_id]
        with ui.row().classes("cercle-agenda-item items-center justify-between no-wrap") as self.row:
            self.row.props(f'tabindex=0 data-testid="item-{item_id}" data-position="{position}"')
            self.row.on("keydown", self.key, args=["key", "altKey"])
            with ui.column().classes("gap-0 min-w-0"):
                self.name = ui.label(f"{position + 1}. {ctx.text(item.title)}").props(
                    f'data-testid="item-title-{item_id}"'
                )
                kind = ctx.room.registry.label(item.kind, ctx.lang)
                extra = f" — {ctx.t('error.unavailable')}" if is_unavailable(state, item_id) else ""
                ui.label(kind + extra).classes("text-xs cercle-muted")
            with ui.row().classes("items-center gap-1 no-wrap"):
                ui.label(ctx.t("console.planned", planned=item.duration_min)).classes("text-sm")
                self.actual = ui.label().classes("text-sm")
                self.goto = self.button(f"goto-{item_id}", self.go, icon="login", label="console.goto")
                self.up = self.button(f"up-{item_id}", self.go_up, icon="arrow_upward", label="editor.up")
                self.down = self.button(
                    f"down-{item_id}", self.go_down, icon="arrow_downward", label="editor.down"
                )
                self.edit = self.button(f"edit-{item_id}", self.open_edit, icon="edit", label="editor.edit")
                self.english = editor.translator.button(self.texts(), self.translate, f"translate-{item_id}")
                self.copy = self.button(
                    f"duplicate-{item_id}", self.dup, icon="content_copy", label="editor.duplicate"
                )
                self.remove = self.button(
                    f"remove-{item_id}", self.ask_remove, icon="delete", label="editor.remove"
                )

    def button(self, test_id: str, action: Callable[[], Any], *, icon: str, label: str) -> ui.button:
        text = self.editor.ctx.t(label)
        b = ui.button(icon=icon, on_click=action).props(f'flat dense round data-testid="{test_id}"')
        b.props["aria-label"] = text
        b.tooltip(text)
        return b

    async def go(self) -> None:
        if self.editor.goto is not None:
            await self.editor.goto(self.id)

    async def go_up(self) -> None:
        await self.editor.move(self.id, -1)

    async def go_down(self) -> None:
        await self.editor.move(self.id, 1)

    def open_edit(self) -> None:
        self.editor.open_edit(self.id)

    def texts(self) -> list[LiveText]:
        """The item's title (and text, if any) as written, with their English."""
        item = self.editor.ctx.session.agenda[self.id]
        return [item.title.live(), *((item.text.live(),) if item.text else ())]

    async def translate(self, english: list[str]) -> bool:
        title, text = (english + ["", ""])[:2]
        return await self.editor.ctx.run(agenda.translate_item, self.id, title, text)

    async def dup(self) -> None:
        await self.editor.duplicate(self.id)

    def ask_remove(self) -> None:
        self.editor.confirm_remove(self.id)

    async def key(self, e: Any) -> None:
        """Alt+↑ / Alt+↓ on a focused row moves it."""
        args = e.args if isinstance(e.args, dict) else {}
        if args.get("altKey") and args.get("key") in ("ArrowUp", "ArrowDown"):
            await self.editor.move(self.id, -1 if args["key"] == "ArrowUp" else 1)

    def update(self) -> None:
        ctx, item_id = self.editor.ctx, self.id
        state = ctx.session
        if item_id not in state.agenda:
            return
        live = state.status == "live"
        current = item_id == state.current and live
        done = item_id in state.item_ended
        self.row.classes(remove="current done", add="current" if current else "done" if done else "")
        self.name.classes(remove="font-semibold", add="font-semibold" if current else "")
        if current:
            self.editor.current_row = self
        self.show_time(ctx.now())
        future = not state.started(item_id) and state.status != "closed"
        self.goto.set_visibility(live and not current and self.editor.goto is not None)
        self.up.set_visibility(future)
        self.down.set_visibility(future)
        self.up.set_enabled(agenda.step_position(state, item_id, -1) is not None)
        self.down.set_enabled(agenda.step_position(state, item_id, 1) is not None)
        self.edit.set_visibility(future)
        self.english.set_visibility(not future)  # a future item's English is in its editor
        self.remove.set_visibility(future)
        self.copy.set_visibility(state.status != "closed")

    def show_time(self, now: float) -> None:
        state = self.editor.ctx.session
        if self.id not in state.agenda:
            return
        spent = state.item_seconds(self.id, now)
        self.actual.text = self.editor.ctx.t("console.actual", actual=minutes(spent))
        planned = state.agenda[self.id].duration_min
        late = spent is not None and planned > 0 and spent > planned * 60
        self.actual.classes(remove="cercle-late", add="cercle-late" if late else "")


add(
    {
        "editor.add": ("Ajouter un point", "Add an item"),
        "editor.export": ("Exporter le programme (TOML)", "Export the plan (TOML)"),
        "editor.up": ("Monter (Alt+↑)", "Move up (Alt+↑)"),
        "editor.down": ("Descendre (Alt+↓)", "Move down (Alt+↓)"),
        "editor.edit": ("Modifier", "Edit"),
        "editor.duplicate": ("Dupliquer", "Duplicate"),
        "editor.remove": ("Retirer", "Remove"),
        "editor.remove_confirm": (
            "Retirer « {title} » de l'ordre du jour ?",
            "Remove “{title}” from the agenda?",
        ),
        "editor.end": ("fin prévue {at}, {drift} min", "planned end {at}, {drift} min"),
        "editor.end_on_time": ("fin prévue {at}, à l'heure", "planned end {at}, on time"),
        "editor.end_if_now": (
            "fin prévue {at} si la session commence maintenant",
            "planned end {at} if the session starts now",
        ),
    }
)
