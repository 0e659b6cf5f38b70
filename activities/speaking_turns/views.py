"""Speaking-turn views for the projected screen and the phones (the console is `views_console`).

Costs: a raised hand reaches the raiser's phone, the phones already waiting (their place moves)
and the coalesced queue topic of console and screen; a turn reaches the console, the screen and
the one phone called. No phone hears of anyone else's turn, and none runs a server timer: the
turn clock ticks in the browser (see `display.py`).
"""

from __future__ import annotations

import secrets

from nicegui import ui

from facilitation import remote as _remote  # noqa: F401  (its texts: the call's link)
from facilitation.ui.a11y import heading, heading_attributes, live
from facilitation.ui.context import Redrawer, ViewContext
from facilitation.ui.markup import esc

from . import names
from . import state as rules
from .display import clock_html, gauge_html, sync_script, tags_html
from .model import Request, TurnsState
from .stats import published

SCREEN_NEXT = 3  # people listed after the speaker on the projector


def prepare(ctx: ViewContext[TurnsState]) -> None:
    """Clock script for this page (the style is in every page's head: `ACTIVITY.css`), and forgetting names at close."""
    ui.run_javascript(sync_script(ctx.now()))
    names.watch(ctx.room)


def who(ctx: ViewContext[TurnsState], request: Request) -> str:
    """A request's person as this view shows them (see `names.label`)."""
    assert ctx.item is not None
    public = ctx.role in ("screen", "follow")
    return names.label(ctx.room.code, ctx.item, ctx.state, request, ctx.lang, public=public)


# --- screen -------------------------------------------------------------------------------------


def screen(ctx: ViewContext[TurnsState]) -> None:
    prepare(ctx)
    assert ctx.item is not None
    item = ctx.session.agenda[ctx.item]
    ctx.label(item.title.get, "cercle-screen-item").style("font-size: 4.4vh")
    floor = Redrawer(ctx, lambda r: draw_floor(ctx), "w-full gap-[1.5vh]")
    upcoming = Redrawer(ctx, lambda r: draw_upcoming(ctx), "w-full gap-[1vh]")
    gauge = Redrawer(ctx, lambda r: draw_gauge(ctx), "w-full gap-[1vh]")

    def on_queue() -> None:
        upcoming.redraw()
        gauge.redraw()

    ctx.subscribe(rules.TURN, floor.redraw)
    ctx.subscribe(rules.QUEUE, on_queue)
    ctx.subscribe(rules.GAUGE, gauge.redraw)


def draw_floor(ctx: ViewContext[TurnsState]) -> None:
    state: TurnsState = ctx.state
    turn = state.current
    if turn is None:
        ui.label(ctx.t("speaking_turns.screen.nobody")).classes("cercle-screen-text").props(
            'data-testid="st-screen-nobody"'
        )
        return
    request = state.requests.get(turn.request)
    name = who(ctx, request) if request else ctx.t("speaking_turns.speaker", n=turn.speaker_number)
    with ui.row().classes("w-full items-center justify-between no-wrap gap-[2vw]"):
        with ui.column().classes("gap-[1vh] min-w-0"):
            ui.label(ctx.t("speaking_turns.screen.speaking")).classes("st-screen-label")
            ui.label(name).classes("st-screen-name").props('data-testid="st-screen-speaker"')
            extra = ""
            if turn.paused_at is not None:
                extra = f'<span class="st-tag">{esc(ctx.t("speaking_turns.paused"))}</span>'
            ui.html(
                tags_html(ctx.lang, mode=turn.mode, point_of_order=turn.point_of_order, extra=extra),
            ).classes("st-screen-tags")
        ui.html(clock_html(turn, ctx.now(), "screen"))


def draw_upcoming(ctx: ViewContext[TurnsState]) -> None:
    state: TurnsState = ctx.state
    positions = rules.queue(state, ctx.session)
    if not positions:
        return
    ui.label(
        f"{ctx.t('speaking_turns.screen.next')} · {ctx.t('speaking_turns.screen.waiting', n=len(positions))}"
    ).classes("st-screen-label")
    parts = []
    for n, p in enumerate(positions[:SCREEN_NEXT], start=1):
        tags = tags_html(ctx.lang, mode=p.request.mode, point_of_order=p.request.point_of_order)
        parts.append(f"<div><b>{n}.</b> {esc(who(ctx, p.request))} {tags}</div>")
    if len(positions) > SCREEN_NEXT:
        parts.append(f"<div>{esc(ctx.tn('speaking_turns.screen.more', len(positions) - SCREEN_NEXT))}</div>")
    ui.html(f'<div class="st-screen-next" data-testid="st-screen-next">{"".join(parts)}</div>')


def draw_gauge(ctx: ViewContext[TurnsState]) -> None:
    state: TurnsState = ctx.state
    if not state.gauge:
        return
    stats = published(state, ctx.session)
    ui.label(ctx.t("speaking_turns.gauge.title")).classes("st-screen-label")
    ui.html(gauge_html(stats, ctx.lang, modes=not ctx.session.remote.remote_only)).classes("w-full")


# --- phone --------------------------------------------------------------------------------------


def phone(ctx: ViewContext[TurnsState]) -> None:
    TurnsPhone(ctx)


class TurnsPhone:
    """One phone: its own requests and its own turn, nothing of anyone else's."""

    def __init__(self, ctx: ViewContext[TurnsState]) -> None:
        self.ctx = ctx
        self.token = ctx.token or ""
        self.lowered: set[str] = set()  # requests this phone withdrew itself
        self.seen: set[str] = set()  # requests this phone saw waiting
        prepare(ctx)
        self.status = Redrawer(ctx, self.draw_status, "w-full gap-3")
        live(self.status.container)  # "your turn", the place in the queue: said when they change
        self.form = ui.column().classes("cercle-card gap-2")
        self.build_form()
        ctx.subscribe(f"participant:{self.token}", self.refresh)
        self.update_form()

    @property
    def state(self) -> TurnsState:
        return self.ctx.state

    def mine(self) -> list[Request]:
        return [r for r in self.state.requests.values() if r.token == self.token]

    def refresh(self) -> None:
        self.status.redraw()
        self.update_form()

    def draw_status(self, r: Redrawer) -> None:
        ctx, state = self.ctx, self.state
        active = [q for q in self.mine() if q.status in ("waiting", "speaking")]
        for request in active:
            r.subscribe(rules.request_topic(ctx.item or 0, request.id), self.refresh)
        turn = state.current
        if turn is not None and state.requests.get(turn.request) in active:
            hint = (
                "speaking_turns.phone.your_turn_remote"
                if turn.mode == "remote"
                else "speaking_turns.phone.your_turn_room"
            )
            call = ctx.session.remote.audio_url if turn.mode == "remote" else ""
            link = (
                f'<a class="cercle-call" href="{esc(call)}" target="_blank" rel="noopener" '
                f'data-testid="st-call">{esc(ctx.t("remote.join_audio"))}</a>'
                if call
                else ""
            )
            ui.html(
                f'<div class="st-called" data-testid="st-your-turn" data-turn="{esc(ctx.room.code)}-{ctx.item}-{turn.number}">'
                f'<div class="st-called-title" {heading_attributes(2)}>{esc(ctx.t("speaking_turns.phone.your_turn"))}</div>'
                f"<div>{esc(ctx.t(hint))}</div>{link}"
                f"<div>{clock_html(turn, ctx.now(), 'phone')}</div></div>",
            )
        waiting = [q for q in active if q.status == "waiting"]
        if waiting:
            r.subscribe(rules.QUEUE, self.refresh)
            positions = rules.queue(state, ctx.session)
            for n, p in enumerate(positions, start=1):
                if p.request not in waiting:
                    continue
                self.seen.add(p.request.id)
                title = (
                    "speaking_turns.phone.point_raised"
                    if p.request.point_of_order
                    else "speaking_turns.phone.raised"
                )
                with ui.column().classes("cercle-card gap-1").props('data-testid="st-raised"'):
                    heading(ui.label(ctx.t(title)).classes("cercle-h2"), 3)
                    ui.label(
                        ctx.t(
                            "speaking_turns.phone.position",
                            n=n,
                            total=len(positions),
                            reason=ctx.t(f"speaking_turns.reason.{p.reason}"),
                        )
                    ).props('data-testid="st-position"').mark("st-position")
                    if n == 1:
                        ui.label(ctx.t("speaking_turns.phone.next")).classes("font-semibold")
                    ui.button(
                        ctx.t("speaking_turns.phone.lower"),
                        icon="pan_tool",
                        on_click=lambda rid=p.request.id: self.lower(rid),
                    ).props('outline no-caps data-testid="st-lower"').mark("st-lower")
        removed = [
            q
            for q in self.mine()
            if q.status == "withdrawn" and q.id in self.seen and q.id not in self.lowered
        ]
        if removed:
            self.lowered |= {q.id for q in removed}
            ui.label(ctx.t("speaking_turns.phone.removed")).classes("cercle-notice cercle-notice-info")

    def build_form(self) -> None:
        ctx = self.ctx
        with self.form:
            heading(ui.label(ctx.t("speaking_turns.phone.ask")).classes("cercle-h2"), 3)
            self.name = (
                ui.input(ctx.t("speaking_turns.phone.name"))
                .props(f'maxlength={names.NAME_MAX} autocomplete=off data-testid="st-name"')
                .classes("w-full")
                .mark("st-name")
            )
            ui.label(ctx.t("speaking_turns.phone.memory")).classes("text-xs cercle-muted")
            self.point = (
                ui.checkbox(ctx.t("speaking_turns.phone.point"))
                .props('data-testid="st-point"')
                .mark("st-point")
            )
            ui.label(ctx.t("speaking_turns.phone.point_hint")).classes("text-xs cercle-muted")
            self.send = (
                ui.button(ctx.t("speaking_turns.phone.raise"), icon="front_hand", on_click=self.raise_hand)
                .classes("cercle-big-button")
                .props('color=primary data-testid="st-raise"')
                .mark("st-raise")
            )
        self.point_only = (
            ui.button(
                ctx.t("speaking_turns.phone.raise_point"),
                icon="gavel",
                on_click=lambda: self.raise_hand(point=True),
            )
            .props('flat no-caps data-testid="st-raise-point"')
            .mark("st-raise-point")
            .classes("self-center")
        )

    def update_form(self) -> None:
        mine = self.mine()
        waiting = [q for q in mine if q.status == "waiting"]
        speaking = any(q.status == "speaking" for q in mine)
        hand = speaking or any(not q.point_of_order for q in waiting)
        point = any(q.point_of_order for q in waiting)
        self.form.set_visibility(not hand)
        if point:
            self.point.value = False
        self.point.set_visibility(not point)
        self.point_only.set_visibility(hand and not point and not speaking)

    async def raise_hand(self, point: bool | None = None) -> None:
        ctx = self.ctx
        assert ctx.item is not None
        as_point = bool(self.point.value) if point is None else point
        rid = secrets.token_hex(4)
        names.remember(ctx.room.code, ctx.item, rid, self.name.value)
        if await ctx.act(rules.raise_hand, rid, as_point):
            self.point.value = False
        else:
            names.forget(ctx.room.code, ctx.item, rid)
        self.refresh()

    async def lower(self, request_id: str) -> None:
        self.lowered.add(request_id)
        await self.ctx.act(rules.lower_hand, request_id)
        self.refresh()
