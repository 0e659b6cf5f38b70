"""The world café as the screen shows it, at phone size, for people with no screen to look at:
the clock, every table's progress, and at the end the actor map. One HTML element, built once
per change for every phone (`facilitation/ui/follow.py`)."""

from __future__ import annotations

from collections.abc import Hashable

from facilitation.ui import clock as browser_clock
from facilitation.ui.context import ViewContext
from facilitation.ui.follow import FollowBlock
from facilitation.ui.markup import esc

from .display import WARN_WITHIN, actor_map_html, bar_html
from .state import PHASE, TALLY, CafeState
from .views import prepare, shown_rotation, status_line


def follow(ctx: ViewContext[CafeState]) -> None:
    prepare(ctx)
    FollowBlock(ctx, follow_html, (PHASE, TALLY), variant=moment, testid="wc-follow")


def moment(ctx: ViewContext[CafeState]) -> Hashable:
    """What changes with time alone, without an event: the segment of the clock."""
    timing = ctx.state.timing(ctx.now())
    return (timing.segment, timing.phase, timing.paused)


def follow_html(ctx: ViewContext[CafeState]) -> str:
    state = ctx.state
    timing = state.timing(ctx.now())
    if not state.started:
        themes = "".join(f"<li>{esc(ctx.text(theme.title))}</li>" for theme in state.settings.themes)
        return f"<p class='font-bold'>{esc(ctx.t('world_cafe.setup'))}</p><ol>{themes}</ol>"
    if timing.phase == "over":
        return (
            f"<p class='font-bold' data-testid='wc-follow-map'>{esc(ctx.t('world_cafe.actor_map'))}</p>"
            f'<div class="wc-follow-map">{actor_map_html(state, ctx.lang)}</div>'
        )
    clock = browser_clock.countdown_html(
        ends_at=timing.ends_at,
        remaining=timing.remaining,
        classes="wc-clock wc-clock-phone",
        testid="wc-follow-clock",
        warn_within=WARN_WITHIN if timing.phase == "rotation" else None,
        warn_class="wc-warning",
    )
    rotation = shown_rotation(timing)
    rows = []
    for table, theme in enumerate(state.settings.themes):
        count = state.count(table)
        groups = ", ".join(ctx.t("world_cafe.group", n=g + 1) for g in state.groups_at(table, rotation))
        rows.append(
            f'<div class="wc-follow-table"><div class="font-semibold">{esc(ctx.t("world_cafe.table", n=table + 1))}'
            f" · {esc(ctx.text(theme.title))}</div>"
            f"{bar_html(count, state.settings.target, ctx.t('world_cafe.table', n=table + 1))}"
            f'<div class="text-sm">{esc(ctx.t("world_cafe.progress", count=count, target=state.settings.target))}'
            f"{' · ' + esc(groups) if groups else ''}</div></div>"
        )
    head = f'<div class="wc-follow-head"><b>{esc(status_line(ctx, state, timing))}</b>{clock}</div>'
    return head + "".join(rows)
