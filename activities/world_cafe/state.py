"""The world café's state and rules. Pure: no UI, no I/O; `now` comes from the CommandContext.

Commands return the events to append or raise `RuleViolation("world_cafe.error.…")`. The state
and its folds (`apply`) live in `model.py`, re-exported here: this module is the activity's
`rules`.
"""

from __future__ import annotations

from typing import Any

from facilitation.commands import CommandContext, command
from facilitation.events import ActivityEvent
from facilitation.i18n import RuleViolation
from facilitation.moderation import Screened, held_reason
from facilitation.session import SessionState, require_participant

from . import texts  # noqa: F401  (the activity's translations)
from .clock import Timing, next_rotation_segment
from .contributions import (
    IDEA_MAX,
    NAME_MAX,
    WHY_MAX,
    ActorKind,
    ContributionKind,
    actor_key,
    clean,
    table_actors,
)
from .events import (
    CafeFinished,
    CafeStarted,
    ClockPaused,
    ClockResumed,
    ContributionAdded,
    ContributionModerated,
    GroupsMerged,
    LateArrivalPlaced,
    PersonMoved,
    RotationSkipped,
    ScheduleEdited,
    SetupChanged,
    TimeAdded,
)
from .model import CafeState, find
from .model import apply as apply  # the state and its folds live in model.py, re-exported here
from .model import fold as fold
from .model import initial_state as initial_state
from .schedule import Group, Person, assign_groups, place_late, rotation_schedule, schedule_problem
from .settings import SettingsError, parse_settings

PHASE = "world_cafe:phase"  # every view: clock and set-up changes, a rotation's end
TALLY = "tally:world_cafe"  # console and screen, coalesced
GRACE_SECONDS = 180  # a contribution sent just after the bell still reaches the table it was written at
ADD_SECONDS = 60


def topics(e: ActivityEvent) -> set[str]:
    """Who hears of an event. A contribution reaches its table's phones and the coalesced tally;
    group edits reach the groups concerned; only clock and set-up changes reach every phone."""
    match e:
        case ContributionAdded():
            return {f"world_cafe:table:{e.table}", TALLY}
        case ContributionModerated():
            return {f"world_cafe:table:{e.table}", TALLY}
        case LateArrivalPlaced() | PersonMoved():
            return {f"world_cafe:person:{e.token}", f"world_cafe:group:{e.group}", TALLY}
        case GroupsMerged():
            return {f"world_cafe:group:{e.source}", f"world_cafe:group:{e.target}", TALLY}
    return {PHASE, TALLY}


# --- rules --------------------------------------------------------------------------------------


def _require_setup(state: CafeState) -> None:
    if state.started:
        raise RuleViolation("world_cafe.error.already_started")


def _require_running(state: CafeState, cc: CommandContext) -> Timing:
    if not state.started:
        raise RuleViolation("world_cafe.error.not_started")
    timing = state.timing(cc.now)
    if timing.phase == "over":
        raise RuleViolation("world_cafe.error.over")
    return timing


def _require_current(cc: CommandContext) -> None:
    session = cc.session
    if session.status != "live":
        raise RuleViolation("error.closed" if session.status == "closed" else "error.not_live")
    if session.current != cc.item:
        raise RuleViolation("world_cafe.error.not_current")


@command("host")
def change_setup(state: CafeState, cc: CommandContext, raw: dict[str, Any]) -> list[ActivityEvent]:
    """Replace the settings (before the start only)."""
    _require_setup(state)
    try:
        settings = parse_settings(raw)
    except SettingsError as exc:
        raise RuleViolation("world_cafe.error.settings", details=exc.details) from None
    if settings == state.settings and state.error is None:
        return []
    return [SetupChanged(item=cc.item, settings=settings.model_dump(), at=cc.now)]


@command("host")
def edit_schedule(
    state: CafeState, cc: CommandContext, schedule: list[list[int]] | None
) -> list[ActivityEvent]:
    """Fix the schedule by hand (its width fixes the number of groups), or go back to the computed one."""
    _require_setup(state)
    if schedule is not None:
        groups = len(schedule[0]) if schedule else 0
        if groups < 1 or schedule_problem(schedule, groups, state.tables):
            raise RuleViolation("world_cafe.error.schedule")
    return [ScheduleEdited(item=cc.item, schedule=schedule, at=cc.now)]


def present_people(session: SessionState, present: list[str] | None = None) -> list[Person]:
    """Participants present (all who joined when `present` is None), in order of arrival."""
    chosen = [p for p in session.participants.values() if present is None or p.token in present]
    chosen.sort(key=lambda p: (p.joined_at, p.token))
    return [Person(p.token, p.category, p.mode == "remote") for p in chosen]


@command("host")
def start(state: CafeState, cc: CommandContext, present: list[str] | None = None) -> list[ActivityEvent]:
    """Form the groups from the participants present and start rotation 1. The groups are stored
    in the event, so a replay after a restart finds the same groups."""
    _require_current(cc)
    _require_setup(state)
    if state.error:
        raise RuleViolation("world_cafe.error.settings", details=state.error)
    if not state.tables:
        raise RuleViolation("world_cafe.error.no_themes")
    people = present_people(cc.session, present)
    if state.schedule_edit is not None:
        schedule = state.schedule_edit
        count = len(schedule[0])
    else:
        remote = sum(p.remote for p in people)
        count = state.settings.group_count(len(people), remote)
        schedule = rotation_schedule(count, state.tables, state.settings.rotation_count)
    groups = assign_groups(people, count, mix=state.settings.mix or count < 2)
    while len(groups) < count:  # an edited schedule may ask for more groups than people
        groups.append(Group())
    return [
        CafeStarted(
            item=cc.item,
            groups=groups,
            schedule=schedule,
            ends_at=cc.now + state.settings.rotation_seconds,
            at=cc.now,
        )
    ]


@command("host")
def pause(state: CafeState, cc: CommandContext) -> list[ActivityEvent]:
    timing = _require_running(state, cc)
    if timing.paused:
        raise RuleViolation("world_cafe.error.paused")
    return [ClockPaused(item=cc.item, segment=timing.segment, remaining=timing.remaining, at=cc.now)]


@command("host")
def resume(state: CafeState, cc: CommandContext) -> list[ActivityEvent]:
    timing = _require_running(state, cc)
    if not timing.paused:
        raise RuleViolation("world_cafe.error.running")
    return [ClockResumed(item=cc.item, segment=timing.segment, ends_at=cc.now + timing.remaining, at=cc.now)]


@command("host")
def add_time(state: CafeState, cc: CommandContext, seconds: float = ADD_SECONDS) -> list[ActivityEvent]:
    """Add a minute (or `seconds`) to what is running now, paused or not."""
    timing = _require_running(state, cc)
    if timing.paused:
        return [
            TimeAdded(
                item=cc.item,
                segment=timing.segment,
                seconds=seconds,
                remaining=timing.remaining + seconds,
                at=cc.now,
            )
        ]
    assert timing.ends_at is not None
    return [
        TimeAdded(
            item=cc.item, segment=timing.segment, seconds=seconds, ends_at=timing.ends_at + seconds, at=cc.now
        )
    ]


@command("host")
def skip(state: CafeState, cc: CommandContext) -> list[ActivityEvent]:
    """Move on to the next rotation now (after the last one, the café ends)."""
    timing = _require_running(state, cc)
    segment = next_rotation_segment(timing.segment)
    if segment // 2 >= state.rotations:
        return [CafeFinished(item=cc.item, at=cc.now)]
    ends_at = cc.now + state.settings.rotation_seconds
    return [RotationSkipped(item=cc.item, segment=segment, ends_at=ends_at, at=cc.now)]


@command("host")
def finish(state: CafeState, cc: CommandContext) -> list[ActivityEvent]:
    _require_running(state, cc)
    return [CafeFinished(item=cc.item, at=cc.now)]


@command("system")
def join_late(state: CafeState, cc: CommandContext, token: str) -> list[ActivityEvent]:
    """Put a participant who has no group yet into the smallest group (nothing if they have
    one): the room runs it when someone joins or comes back while the café is current."""
    participant = require_participant(cc.session, token)
    if not state.started or state.finished_at is not None or token in state.member_of or not state.groups:
        return []
    remote = participant.mode == "remote"
    return [
        LateArrivalPlaced(item=cc.item, token=token, group=place_late(state.groups, remote), remote=remote)
    ]


def _check_group(state: CafeState, group: int) -> None:
    if not 0 <= group < len(state.groups) or state.groups[group].merged_into is not None:
        raise RuleViolation("world_cafe.error.no_group")


@command("host")
def move_person(state: CafeState, cc: CommandContext, token: str, group: int) -> list[ActivityEvent]:
    if not state.started:
        raise RuleViolation("world_cafe.error.not_started")
    _check_group(state, group)
    if token not in state.member_of:
        raise RuleViolation("world_cafe.error.no_person")
    if state.member_of[token] == group:
        return []
    return [PersonMoved(item=cc.item, token=token, group=group)]


@command("host")
def merge_groups(state: CafeState, cc: CommandContext, source: int, target: int) -> list[ActivityEvent]:
    if not state.started:
        raise RuleViolation("world_cafe.error.not_started")
    _check_group(state, source)
    _check_group(state, target)
    if source == target:
        raise RuleViolation("world_cafe.error.same_group")
    return [GroupsMerged(item=cc.item, source=source, target=target)]


def wake_at(state: CafeState, now: float) -> float | None:
    """When the running rotation or break ends (None while paused, before the start, after the
    end): the room wakes the views then, so that every clock turns over at once."""
    timing = state.timing(now)
    return None if timing.paused or timing.phase == "over" else timing.ends_at


def writable_tables(state: CafeState, group: int, timing: Timing, now: float) -> set[int]:
    """The tables a group may write at: its table now, and just after the bell the one it left."""
    tables: set[int] = set()
    if timing.phase == "rotation":
        current = state.table_of(group, timing.rotation)
        if current is not None:
            tables.add(current)
        if timing.rotation > 0 and timing.started_at is not None and now - timing.started_at <= GRACE_SECONDS:
            previous = state.table_of(group, timing.rotation - 1)
            if previous is not None:
                tables.add(previous)
    elif timing.phase == "break" or (
        timing.phase == "over" and timing.started_at is not None and now - timing.started_at <= GRACE_SECONDS
    ):
        previous = state.table_of(group, timing.rotation)
        if previous is not None:
            tables.add(previous)
    return tables


@command("participant")
def contribute(
    state: CafeState,
    cc: CommandContext,
    table: int,
    kind: ContributionKind,
    screened: Screened,
    actor_kind: ActorKind = "other",
    why_screened: Screened | None = None,
) -> list[ActivityEvent]:
    """A participant adds an idea or an actor reference at the table their group sits at; each
    text is held for review when the session's moderation policy says so."""
    token = cc.participant().token
    _require_current(cc)
    if not state.started:
        raise RuleViolation("world_cafe.error.not_started")
    group = state.member_of.get(token)
    if group is None:
        raise RuleViolation("world_cafe.error.no_group_yet")
    timing = state.timing(cc.now)
    if table not in writable_tables(state, group, timing, cc.now):
        raise RuleViolation(
            "world_cafe.error.over" if timing.phase == "over" else "world_cafe.error.wrong_table"
        )
    text = clean(screened.text)
    why = clean(why_screened.text) if why_screened is not None and kind == "actor" else ""
    limit = NAME_MAX if kind == "actor" else IDEA_MAX
    if not text:
        raise RuleViolation(f"world_cafe.error.empty_{kind}")
    if len(text) > limit or len(why) > WHY_MAX:
        raise RuleViolation("world_cafe.error.too_long", limit=limit if len(text) > limit else WHY_MAX)
    if kind == "actor" and not actor_key(text):
        raise RuleViolation("world_cafe.error.empty_actor")
    rotation = timing.rotation
    if state.table_of(group, rotation) != table and rotation > 0:
        rotation -= 1
    return [
        ContributionAdded(
            item=cc.item,
            id=f"c{len(state.contributions) + 1}",
            table=table,
            rotation=rotation,
            group=group,
            kind=kind,
            text=text,
            actor_kind=actor_kind if kind == "actor" else "other",
            why=why,
            **_held(cc, screened, text),
            **_held(cc, why_screened, why, prefix="why_"),
            at=cc.now,
        )
    ]


def _held(cc: CommandContext, screened: Screened | None, kept: str, prefix: str = "") -> dict[str, Any]:
    """The held fields of a contribution's text (`prefix` "why_" for the actor's reason)."""
    if screened is None or not kept:
        return {}
    why = held_reason(cc.session.moderation_policy, screened, by_host=cc.by_host)
    spans = list(screened.spans) if kept == screened.text else []
    return {f"{prefix}held": bool(why), f"{prefix}held_reason": why, f"{prefix}spans": spans}


def is_known_actor(state: CafeState, table: int, name: str) -> bool:
    """Whether `name` is already on the table's map (adding it would add a mention)."""
    key = actor_key(name)
    return any(line.key == key for line in table_actors(state.contributions, table))


@command("host")
def moderate(
    state: CafeState,
    cc: CommandContext,
    text_id: str,
    *,
    hide: bool | None = None,
    text: str | None = None,
    approve: bool = False,
) -> list[ActivityEvent]:
    """Hide/show, correct or approve (a held text is shown) a contribution (`c3`) or an actor's
    reason (`c3.why`); logged as an event."""
    cid, _, part = text_id.partition(".")
    field = "why" if part == "why" else "text"
    c = find(state, cid)
    if c is None or (field == "why" and c.kind != "actor"):
        raise RuleViolation("world_cafe.error.no_contribution")
    if text is not None:
        text = clean(text)
        limit = WHY_MAX if field == "why" else NAME_MAX if c.kind == "actor" else IDEA_MAX
        if (not text and field == "text") or len(text) > limit:
            raise RuleViolation(
                "world_cafe.error.too_long" if text else f"world_cafe.error.empty_{c.kind}", limit=limit
            )
        if text == (c.why if field == "why" else c.text):
            text = None
    if hide is not None and hide == (c.why_hidden if field == "why" else c.hidden):
        hide = None
    approved = approve and (c.why_held if field == "why" else c.held)
    if hide is None and text is None and not approved:
        return []
    return [
        ContributionModerated(
            item=cc.item,
            id=cid,
            table=c.table,
            field=field,
            hidden=hide,
            text=text,
            approved=approved,
            at=cc.now,
        )
    ]
