"""The console's restitution panel: exports, publication, the name check of free texts, erasure."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from nicegui import background_tasks, ui

from .. import feedback
from ..codes import normalise_code
from ..i18n import t
from ..restitution import archive
from .markup import highlighted
from .restitution import FORMAT_LABELS, export_url

if TYPE_CHECKING:
    from .console import Console

log = logging.getLogger(__name__)


# --- the console's panel ------------------------------------------------------------------------


def panel(console: Console) -> None:
    """The restitution card at the end of the console."""
    RestitutionPanel(console).build()


class RestitutionPanel:
    def __init__(self, console: Console) -> None:
        self.console = console
        self.service, self.room, self.lang, self.key = (
            console.service,
            console.room,
            console.lang,
            console.key,
        )
        self.rooms = self.service.rooms
        self.code = self.room.code

    def t(self, key: str, **params: Any) -> str:
        return t(key, self.lang, **params)

    def number(self, item_id: int | None) -> int:
        """An agenda item's number as the agenda shows it (from 1)."""
        agenda = self.room.state.agenda
        return self.room.state.position_of(item_id) + 1 if item_id in agenda and item_id is not None else 0

    def build(self) -> None:
        with ui.column().classes("cercle-card").props('data-testid="restitution-panel"'):
            ui.label(self.t("restitution.ui.panel")).classes("cercle-h2")
            with ui.row().classes("items-center gap-3"):
                ui.label(self.t("restitution.ui.downloads")).classes("font-semibold")
                for fmt, label in FORMAT_LABELS.items():
                    ui.link(label, export_url(self.code, fmt, self.lang), new_tab=True).props(
                        f'data-testid="export-{fmt}"'
                    ).mark(f"export-{fmt}")
            self.publication = ui.row().classes("items-center gap-3 w-full")
            ui.separator()
            ui.label(self.t("restitution.ui.check")).classes("font-semibold")
            ui.label(self.t("restitution.ui.check_hint")).classes("cercle-muted text-sm")
            self.suspects = ui.column().classes("w-full gap-2").props('data-testid="suspects"')
            self.holder = ui.element()  # dialogs live here, not in the lists that are redrawn
            ui.button(self.t("restitution.ui.recheck"), icon="refresh", on_click=self.refresh).props(
                "flat dense no-caps"
            )
            ui.separator()
            ui.button(
                self.t("restitution.ui.erase"), icon="delete_forever", on_click=self.confirm_erase
            ).props('outline color=negative data-testid="erase"').mark("erase")
        self.refresh()
        self.console.ctx.subscribe("restitution", self.refresh)

    def refresh(self) -> None:
        self.show_publication()
        background_tasks.create(self.show_suspects(), name="suspects")

    def show_publication(self) -> None:
        published = self.room.state.published
        will = self.room.state.will_publish
        public = f"{self.service.base_url}/r/{self.code}"
        self.publication.clear()
        with self.publication:
            if published:
                text = self.t("restitution.ui.state_published", url=public)
            else:
                text = self.t("restitution.ui.state_will" if will else "restitution.ui.state_private")
            ui.label(text).props('data-testid="publication"').mark("publication")
            ui.button(
                self.t("restitution.ui.unpublish" if will else "restitution.ui.publish"),
                on_click=lambda: self.publish(not will),
            ).props(f'{"outline" if will else "color=primary"} no-caps data-testid="publish"').mark("publish")
            ui.link(self.t("restitution.ui.public_page"), f"/r/{self.code}", new_tab=True)  # host cookie

    async def publish(self, publish: bool) -> None:
        await self.console.ctx.run(feedback.set_publication, publish)

    async def show_suspects(self) -> None:
        found = await archive.suspects(self.rooms, self.code)
        if self.suspects.is_deleted:
            return
        self.suspects.clear()
        with self.suspects:
            if not found:
                ui.label(self.t("restitution.ui.check_none")).classes("cercle-muted")
            for s in found:
                with ui.column().classes("w-full gap-0 cercle-agenda-item").style("border:1px solid #ddd"):
                    kinds = sorted({self.t(f"restitution.ui.finding.{f.kind}") for f in s.findings})
                    where = (
                        self.t("restitution.ui.comment_where", id=s.text_id)
                        if s.target == "comment"
                        else f"{self.number(s.item)}. {s.item_title.get(self.lang)} — {s.where}"
                    )
                    hidden = f" · {self.t('restitution.ui.hidden_note')}" if s.hidden else ""
                    ui.label(f"{where} · {', '.join(kinds)}{hidden}").classes("text-xs cercle-muted")
                    ui.html(highlighted(s.text, s.findings)).classes(
                        "whitespace-pre-line" + (" line-through" if s.hidden else "")
                    )
                    with ui.row().classes("gap-1"):
                        if s.target == "comment":
                            if not s.hidden:
                                ui.button(
                                    self.t("restitution.ui.hide"),
                                    on_click=lambda s=s: self.edit_dialog(s, hide=True),
                                ).props("flat dense no-caps color=negative")
                            continue
                        ui.button(
                            self.t("restitution.ui.show" if s.hidden else "restitution.ui.hide"),
                            on_click=lambda s=s: self.edit_dialog(s, hide=not s.hidden),
                        ).props(
                            f'flat dense no-caps color=negative data-testid="hide-{s.item}-{s.text_id}"'
                        ).mark(f"hide-{s.item}-{s.text_id}")
                        ui.button(
                            self.t("restitution.ui.edit"), on_click=lambda s=s: self.edit_dialog(s)
                        ).props(f'flat dense no-caps data-testid="edit-{s.item}-{s.text_id}"').mark(
                            f"edit-{s.item}-{s.text_id}"
                        )

    def edit_dialog(self, s: archive.Suspect, hide: bool | None = None) -> None:
        with self.holder, ui.dialog() as dialog, ui.card().classes("w-[36rem] max-w-full"):
            text = None
            if hide is None:
                text = (
                    ui.textarea(self.t("restitution.ui.edit"), value=s.text)
                    .classes("w-full")
                    .props('data-testid="edit-text"')
                    .mark("edit-text")
                )
            needs_reason = s.target == "comment" and hide
            reason = (
                ui.input(
                    self.t("restitution.ui.reason" if needs_reason else "restitution.ui.reason_optional")
                )
                .props('maxlength=300 data-testid="reason"')
                .mark("reason")
            )

            async def confirmed() -> None:
                if await self.apply(s, hide, None if text is None else text.value, reason.value or ""):
                    dialog.close()

            with ui.row():
                ui.button(self.t("console.cancel"), on_click=dialog.close).props("flat")
                ui.button(self.t("console.confirm"), on_click=confirmed).props(
                    'color=primary data-testid="confirm"'
                ).mark("confirm")
        dialog.open()

    async def apply(self, s: archive.Suspect, hide: bool | None, text: str | None, reason: str) -> bool:
        ctx = self.console.ctx
        if s.target == "comment":
            done = await ctx.run(feedback.moderate_comment, int(s.text_id), hide=bool(hide), reason=reason)
        else:
            assert s.item is not None
            activity = self.room.registry.get(self.room.state.agenda[s.item].kind)
            if activity is None:
                return False
            done = await ctx.run(
                feedback.moderate_text, activity, s.text_id, hide=hide, text=text, reason=reason, item=s.item
            )
        if done:
            ui.notify(self.t("restitution.ui.done"), type="positive", position="top")
            await self.show_suspects()
        return done

    def confirm_erase(self) -> None:
        with self.holder, ui.dialog() as dialog, ui.card().classes("w-[32rem] max-w-full"):
            ui.label(self.t("restitution.ui.erase_confirm", code=self.code))
            typed = ui.input(self.code).props('data-testid="erase-code"').mark("erase-code")
            with ui.row():
                ui.button(self.t("console.cancel"), on_click=dialog.close).props("flat")
                button = (
                    ui.button(self.t("restitution.ui.erase_button"), on_click=lambda: self.erase(dialog))
                    .props('color=negative disable data-testid="erase-confirm"')
                    .mark("erase-confirm")
                )

            def check() -> None:
                ok = normalise_code(typed.value or "") == self.code
                button.props(remove="disable") if ok else button.props("disable")

            typed.on_value_change(check)
        dialog.open()

    def erase(self, dialog: ui.dialog) -> None:
        if not self.rooms.key_ok(self.code, self.key):
            return
        dialog.close()
        self.rooms.erase(self.code)
        ui.notify(self.t("restitution.ui.erased"), type="positive", position="top")
        ui.navigate.to("/")
