"""What a follow view is made of: one HTML element per phone, its content built once per change
of the room and shared by every phone that shows the same thing.

A thousand phones following the screen must cost what the screen costs: their content is built
from the state by a pure function, cached on the room's version and on what differs between
phones (the language, the wording for no room, a café table), and each phone receives it as one
update of one element, at most twice a second for tallies (the "follow:" topics).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from nicegui import ui

from .context import ViewContext

_cache: dict[tuple[Hashable, ...], str] = {}
CACHE_SIZE = 256


def shared(key: tuple[Hashable, ...], build: Callable[[], str]) -> str:
    """`build()`, once per `key` (which must hold the room's version)."""
    found = _cache.get(key)
    if found is None:
        if len(_cache) >= CACHE_SIZE:
            _cache.clear()
        found = _cache[key] = build()
    return found


class FollowBlock:
    """One HTML element that shows `build(ctx)`; redrawn on `topics` (tallies at the phones'
    pace). `variant(ctx)` names what differs between phones beside the language and the wording."""

    def __init__(
        self,
        ctx: ViewContext[Any],
        build: Callable[[ViewContext[Any]], str],
        topics: tuple[str, ...],
        variant: Callable[[ViewContext[Any]], Hashable] = lambda ctx: None,
        testid: str = "follow-view",
    ) -> None:
        self.ctx, self.build, self.variant = ctx, build, variant
        self.html = ui.html().classes("w-full cercle-follow-view").props(f'data-testid="{testid}"')
        self.refresh()
        for topic in topics:
            ctx.subscribe(topic, self.refresh)

    def refresh(self) -> None:
        ctx = self.ctx
        key = (id(ctx.room), ctx.room.version, ctx.item, ctx.lang, ctx.remote, self.variant(ctx), self.build)
        self.html.set_content(shared(key, lambda: self.build(ctx)))
