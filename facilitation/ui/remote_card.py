"""The console's card for remote attendees: the session's call, the remote café groups' calls,
and whether the forum is fully remote. One command (`remote.set_remote`) saves the three."""

from __future__ import annotations

from typing import Any

from nicegui import ui

from .. import remote
from .context import ViewContext


class RemoteCard:
    def __init__(self, ctx: ViewContext[Any]) -> None:
        self.ctx = ctx
        settings = ctx.session.remote
        with ui.column().classes("cercle-card gap-1").props('data-testid="remote-card"'):
            ui.label(ctx.t("remote.title")).classes("cercle-h2")
            self.audio = (
                ui.input(ctx.t("remote.audio"), value=settings.audio_url)
                .props('type=url maxlength=500 data-testid="remote-audio"')
                .classes("w-full")
                .mark("remote-audio")
            )
            ui.label(ctx.t("remote.audio_hint")).classes("text-xs cercle-muted")
            self.only = (
                ui.switch(ctx.t("remote.only"), value=settings.remote_only)
                .props('data-testid="remote-only"')
                .mark("remote-only")
            )
            self.groups = (
                ui.textarea(ctx.t("remote.groups"), value=settings.group_calls)
                .props('autogrow data-testid="remote-groups"')
                .classes("w-full")
                .mark("remote-groups")
            )
            ui.label(ctx.t("remote.groups_hint")).classes("text-xs cercle-muted")
            ui.button(ctx.t("remote.save"), icon="save", on_click=self.save).props(
                'outline no-caps data-testid="remote-save"'
            ).mark("remote-save")

    async def save(self) -> None:
        done = await self.ctx.run(
            remote.set_remote,
            audio_url=self.audio.value or "",
            remote_only=bool(self.only.value),
            group_calls=self.groups.value or "",
        )
        if done:
            ui.notify(self.ctx.t("remote.saved"), type="positive", position="top")
