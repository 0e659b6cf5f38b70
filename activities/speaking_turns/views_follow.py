"""Speaking turns as the screen shows them, at phone size, for people with no screen to look at:
who speaks and their timer, who comes next (names only when the facilitator typed them), and the
gauge when it is shown. One HTML element, built once per change for every phone."""

from __future__ import annotations

from facilitation.ui.context import ViewContext
from facilitation.ui.follow import FollowBlock
from facilitation.ui.markup import esc

from . import state as rules
from .display import clock_html, gauge_html, tags_html
from .model import TurnsState
from .stats import published
from .views import SCREEN_NEXT, prepare, who


def follow(ctx: ViewContext[TurnsState]) -> None:
    prepare(ctx)
    FollowBlock(ctx, follow_html, (rules.TURN, rules.QUEUE, rules.GAUGE), testid="st-follow")


def follow_html(ctx: ViewContext[TurnsState]) -> str:
    state = ctx.state
    parts = []
    turn = state.current
    if turn is None:
        parts.append(f"<p>{esc(ctx.t('speaking_turns.screen.nobody'))}</p>")
    else:
        request = state.requests.get(turn.request)
        name = who(ctx, request) if request else ctx.t("speaking_turns.speaker", n=turn.speaker_number)
        tags = tags_html(ctx.lang, mode=turn.mode, point_of_order=turn.point_of_order)
        parts.append(
            f'<div class="st-follow-floor"><div><div class="text-xs uppercase cercle-muted">'
            f"{esc(ctx.t('speaking_turns.screen.speaking'))}</div>"
            f'<div class="cercle-h2" data-testid="st-follow-speaker">{esc(name)}</div>{tags}</div>'
            f"{clock_html(turn, ctx.now(), 'phone')}</div>"
        )
    positions = rules.queue(state, ctx.session)
    if positions:
        items = "".join(
            f"<li>{esc(who(ctx, p.request))} "
            f"{tags_html(ctx.lang, mode=p.request.mode, point_of_order=p.request.point_of_order)}</li>"
            for p in positions[:SCREEN_NEXT]
        )
        more = len(positions) - SCREEN_NEXT
        extra = (
            f"<p class='cercle-muted'>{esc(ctx.tn('speaking_turns.screen.more', more))}</p>"
            if more > 0
            else ""
        )
        parts.append(
            f"<p class='font-bold'>{esc(ctx.t('speaking_turns.screen.next'))} · "
            f"{esc(ctx.t('speaking_turns.screen.waiting', n=len(positions)))}</p><ol>{items}</ol>{extra}"
        )
    if state.gauge:
        stats = published(state, ctx.session)
        parts.append(f"<p class='font-bold'>{esc(ctx.t('speaking_turns.gauge.title'))}</p>")
        parts.append(gauge_html(stats, ctx.lang, modes=not ctx.session.remote.remote_only))
    return "".join(parts)
