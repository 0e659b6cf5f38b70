"""The speaking turns' rules. Pure: no UI, no I/O; `now` comes from the CommandContext.

Commands return the events to append or raise `RuleViolation("speaking_turns.error.…")`. No
command takes a name: names stay in the views' memory (`names.py`). The state and its folds
(`apply`) live in `model.py`, re-exported here: this module is the activity's `rules`.
"""

from __future__ import annotations

from typing import Any

from facilitation.commands import CommandContext, command
from facilitation.events import ActivityEvent
from facilitation.i18n import RuleViolation
from facilitation.session import Category, Mode, SessionState

from . import texts  # noqa: F401  (the activity's translations)
from .events import (
    GaugeShown,
    HandLowered,
    HandRaised,
    LimitChanged,
    OrderChosen,
    RequestPinned,
    RequestUnpinned,
    TurnEnded,
    TurnPaused,
    TurnResumed,
    TurnStarted,
)
from .model import Request, Turn, TurnsState
from .model import apply as apply
from .model import fold as fold
from .ordering import Position, order, position_of
from .settings import LIMIT_MAX, LIMIT_MIN, ORDERS, Order, SettingsError, parse_settings
from .stats import presence

QUEUE = "tally:speaking_turns"  # queue, order, statistics: coalesced, console, screen, waiting phones
TURN = "speaking_turns:turn"  # a turn started, paused, resumed or ended: console and screen
GAUGE = "speaking_turns:gauge"  # the screen's gauge shown or hidden


def request_topic(item: int, request_id: str) -> str:
    """The topic of one request: the phone that raised it listens to it (called, removed)."""
    return f"speaking_turns:{item}:request:{request_id}"


def initial_state(raw: dict[str, Any]) -> TurnsState:
    """The state from the plan's settings; bad settings leave an error for the console to show."""
    try:
        settings = parse_settings(raw)
    except SettingsError as exc:
        return TurnsState(error=exc.details)
    return TurnsState(settings=settings, order=settings.order, limit=settings.turn_limit_seconds)


def queue(state: TurnsState, session: SessionState | None) -> list[Position]:
    """The waiting requests in calling order, with their reasons."""
    return order(state, presence(session)[0])


def topics(e: ActivityEvent) -> set[str]:
    """Who hears of an event. Nothing here reaches every phone: a raised hand reaches the raiser's
    phone and the coalesced queue topic (console, screen, phones that wait); a turn reaches the
    console, the screen and the phone of the request called."""
    match e:
        case HandRaised():
            mine = {f"participant:{e.token}"} if e.token else set()
            return {QUEUE, *mine}
        case HandLowered():
            return {QUEUE, request_topic(e.item, e.id)}
        case TurnStarted() | TurnPaused() | TurnResumed() | TurnEnded():
            return {QUEUE, TURN, request_topic(e.item, e.id)}
        case GaugeShown():
            return {GAUGE}
    return {QUEUE}


# --- rules --------------------------------------------------------------------------------------


def _require_current(cc: CommandContext) -> None:
    session = cc.session
    if session.status != "live":
        raise RuleViolation("error.closed" if session.status == "closed" else "error.not_live")
    if session.current != cc.item:
        raise RuleViolation("speaking_turns.error.not_current")


def _new_id(state: TurnsState, request_id: str) -> str:
    request_id = (request_id or "").strip()
    if not request_id or len(request_id) > 16 or request_id in state.requests:
        raise RuleViolation("speaking_turns.error.bad_id")
    return request_id


def _waiting(state: TurnsState, request_id: str) -> Request:
    request = state.requests.get(request_id)
    if request is None or request.status != "waiting":
        raise RuleViolation("speaking_turns.error.not_waiting")
    return request


@command("participant")
def raise_hand(
    state: TurnsState, cc: CommandContext, request_id: str, point_of_order: bool = False
) -> list[ActivityEvent]:
    """A phone asks to speak (one waiting request per person, plus one point of order)."""
    participant = cc.participant()
    token = participant.token
    _require_current(cc)
    if any(r.point_of_order == point_of_order for r in state.waiting_of(token)):
        raise RuleViolation(
            "speaking_turns.error.point_waiting" if point_of_order else "speaking_turns.error.already_waiting"
        )
    return [
        HandRaised(
            item=cc.item,
            id=_new_id(state, request_id),
            token=token,
            category=participant.category,
            mode=participant.mode,
            point_of_order=point_of_order,
            at=cc.now,
        )
    ]


@command("host")
def add_request(
    state: TurnsState,
    cc: CommandContext,
    request_id: str,
    category: Category | None,
    mode: Mode,
    point_of_order: bool = False,
    same_as: str | None = None,
) -> list[ActivityEvent]:
    """The facilitator adds someone to the queue (a person without a phone, a remote attendee on
    the line); `same_as` names an earlier request of the same person."""
    _require_current(cc)
    if same_as is not None:
        earlier = state.requests.get(same_as)
        if earlier is None or not earlier.by_host:
            raise RuleViolation("speaking_turns.error.no_request")
        if any(r.speaker == earlier.speaker and r.point_of_order == point_of_order for r in state.waiting()):
            raise RuleViolation("speaking_turns.error.already_waiting_host")
    return [
        HandRaised(
            item=cc.item,
            id=_new_id(state, request_id),
            token=None,
            category=category,
            mode=mode,
            point_of_order=point_of_order,
            same_as=same_as,
            at=cc.now,
        )
    ]


@command("participant")
def lower_hand(state: TurnsState, cc: CommandContext, request_id: str) -> list[ActivityEvent]:
    """A phone withdraws its own request."""
    token = cc.participant().token
    _require_current(cc)
    request = _waiting(state, request_id)
    if request.token != token:
        raise RuleViolation("speaking_turns.error.not_waiting")
    where = position_of(queue(state, cc.session), request_id)
    return [HandLowered(item=cc.item, id=request_id, position=where, at=cc.now)]


@command("host")
def remove_request(state: TurnsState, cc: CommandContext, request_id: str) -> list[ActivityEvent]:
    """The facilitator takes a request out of the queue."""
    _require_current(cc)
    _waiting(state, request_id)
    where = position_of(queue(state, cc.session), request_id)
    return [HandLowered(item=cc.item, id=request_id, by_host=True, position=where, at=cc.now)]


@command("host")
def choose_order(state: TurnsState, cc: CommandContext, chosen: Order) -> list[ActivityEvent]:
    _require_current(cc)
    if chosen not in ORDERS:
        raise RuleViolation("speaking_turns.error.order")
    return [] if chosen == state.order else [OrderChosen(item=cc.item, order=chosen, at=cc.now)]


@command("host")
def set_limit(state: TurnsState, cc: CommandContext, seconds: int | None) -> list[ActivityEvent]:
    """The limit per turn for the next turns (None or 0: no limit)."""
    _require_current(cc)
    seconds = seconds or None
    if seconds is not None and not LIMIT_MIN <= seconds <= LIMIT_MAX:
        raise RuleViolation("speaking_turns.error.limit", low=LIMIT_MIN, high=LIMIT_MAX)
    return [] if seconds == state.limit else [LimitChanged(item=cc.item, seconds=seconds, at=cc.now)]


@command("host")
def pin(state: TurnsState, cc: CommandContext, request_id: str, position: int) -> list[ActivityEvent]:
    """Pin a waiting request at `position` (0 = next)."""
    _require_current(cc)
    _waiting(state, request_id)
    last = max(0, len(state.waiting()) - 1)
    return [RequestPinned(item=cc.item, id=request_id, position=min(max(0, position), last), at=cc.now)]


@command("host")
def unpin(state: TurnsState, cc: CommandContext, request_id: str) -> list[ActivityEvent]:
    _require_current(cc)
    _waiting(state, request_id)
    if request_id not in state.pins:
        return []
    return [RequestUnpinned(item=cc.item, id=request_id, at=cc.now)]


@command("host")
def move(state: TurnsState, cc: CommandContext, request_id: str, delta: int) -> list[ActivityEvent]:
    """Move a waiting request up (-1) or down (+1): it is pinned at its new place; a pinned
    neighbour it passes takes its old place."""
    _require_current(cc)
    _waiting(state, request_id)
    positions = queue(state, cc.session)
    here = position_of(positions, request_id)
    assert here is not None
    there = min(max(0, here + delta), len(positions) - 1)
    if there == here:
        return []
    events: list[ActivityEvent] = [RequestPinned(item=cc.item, id=request_id, position=there, at=cc.now)]
    neighbour = positions[there].request.id
    if neighbour in state.pins:
        events.insert(0, RequestPinned(item=cc.item, id=neighbour, position=here, at=cc.now))
    return events


@command("host")
def next_speaker(
    state: TurnsState, cc: CommandContext, request_id: str | None = None, shown_turns: int | None = None
) -> list[ActivityEvent]:
    """End the turn in progress (if any) and give the floor to the first of the queue, or to
    `request_id`. `shown_turns`, the number of turns the console showed when clicked, turns a
    stale second click into a refusal rather than a second speaker."""
    _require_current(cc)
    if shown_turns is not None and shown_turns != len(state.turns):
        raise RuleViolation("speaking_turns.error.stale")
    events: list[ActivityEvent] = []
    after = state
    current = state.current
    if current is not None:
        events.append(TurnEnded(item=cc.item, turn=current.number, id=current.request, at=cc.now))
        after = apply(state.model_copy(deep=True), events[0], cc.session)
    positions = queue(after, cc.session)
    if request_id is None:
        if not positions:
            if events:
                return events
            raise RuleViolation("speaking_turns.error.empty")
        request = positions[0].request
    else:
        request = _waiting(after, request_id)
    events.append(
        TurnStarted(
            item=cc.item,
            turn=len(state.turns) + 1,
            id=request.id,
            position=position_of(positions, request.id),
            category=request.category,
            mode=request.mode,
            first_time=not after.has_spoken(request.speaker),
            point_of_order=request.point_of_order,
            limit=state.limit,
            at=cc.now,
        )
    )
    return events


def _require_turn(state: TurnsState) -> Turn:
    current = state.current
    if current is None:
        raise RuleViolation("speaking_turns.error.no_turn")
    return current


@command("host")
def pause(state: TurnsState, cc: CommandContext) -> list[ActivityEvent]:
    _require_current(cc)
    turn = _require_turn(state)
    if turn.paused_at is not None:
        raise RuleViolation("speaking_turns.error.paused")
    return [TurnPaused(item=cc.item, turn=turn.number, id=turn.request, at=cc.now)]


@command("host")
def resume(state: TurnsState, cc: CommandContext) -> list[ActivityEvent]:
    _require_current(cc)
    turn = _require_turn(state)
    if turn.paused_at is None:
        raise RuleViolation("speaking_turns.error.running")
    return [TurnResumed(item=cc.item, turn=turn.number, id=turn.request, at=cc.now)]


@command("host")
def end_turn(state: TurnsState, cc: CommandContext) -> list[ActivityEvent]:
    _require_current(cc)
    turn = _require_turn(state)
    return [TurnEnded(item=cc.item, turn=turn.number, id=turn.request, at=cc.now)]


@command("host")
def moderate(
    state: TurnsState,
    cc: CommandContext,
    text_id: str,
    *,
    hide: bool | None = None,
    text: str | None = None,
    approve: bool = False,
) -> list[ActivityEvent]:
    """Nothing to moderate: no free text is ever stored (names stay in the views' memory)."""
    raise RuleViolation("speaking_turns.error.no_free_text")


@command("host")
def show_gauge(state: TurnsState, cc: CommandContext, visible: bool) -> list[ActivityEvent]:
    _require_current(cc)
    return [] if visible == state.gauge else [GaugeShown(item=cc.item, visible=visible, at=cc.now)]
