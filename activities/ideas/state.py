"""The idea workshop's rules. Pure: no UI, no I/O; `now` comes from the CommandContext.

Commands return the events to append or raise `RuleViolation("ideas.error.…")`. The state and
its folds (`apply`) live in `model.py`, re-exported here: this module is the activity's `rules`.

A dot costs O(1): it reaches its phone (`participant:<token>`) and the coalesced tally
(`tally:ideas`); ideas posted reach the console and the screen through that tally too, never the
phones; the facilitator's changes to the wall reach the console at once (`ideas:wall`); what
changes what a phone can vote for (a stage, a moderation) is rare and reaches every phone.
"""

from __future__ import annotations

from typing import Literal

from facilitation.commands import CommandContext, command
from facilitation.events import ActivityEvent
from facilitation.i18n import RuleViolation, english_of
from facilitation.moderation import Screened, held_reason
from facilitation.text import clean_text

from . import texts  # noqa: F401  (the activity's translations)
from .events import (
    ClusterChanged,
    DotsSet,
    IdeaAdded,
    IdeaModerated,
    IdeasClustered,
    IdeasMerged,
    IdeaTranslated,
    IdeaUngrouped,
    Stage,
    StageChanged,
)
from .model import Cluster as Cluster
from .model import Idea as Idea
from .model import IdeasState as IdeasState
from .model import Option as Option
from .model import apply as apply
from .model import fold as fold
from .model import initial_state as initial_state
from .settings import IDEA_MAX, IDEA_MIN
from .sources import source_of

KIND = "ideas"
WALL = f"{KIND}:wall"  # console, screen and follow: ideas or clusters changed
BALLOT = f"{KIND}:ballot"  # phones: what can receive dots changed or was renamed (rare)
TALLY = f"tally:{KIND}"  # console, screen: the dots (coalesced)
NAME_MAX = 120
STAGES: tuple[Stage, ...] = ("collect", "vote", "closed")


def topics(e: ActivityEvent) -> set[str]:
    match e:
        case DotsSet():
            return {f"participant:{e.token}", TALLY}
        case IdeaAdded():
            return {TALLY}  # coalesced: a thousand phones posting reach the wall five times a second
        case IdeasMerged() | IdeasClustered() | IdeaUngrouped():
            return {WALL, TALLY}  # before the vote only: no ballot yet
        case IdeaModerated() | IdeaTranslated() | ClusterChanged():
            return {WALL, BALLOT, TALLY}  # a cluster is renamed while phones vote on it
        case StageChanged():
            return {"phase", WALL, TALLY}
    return set()


# --- guards -------------------------------------------------------------------------------------


def _facilitating(cc: CommandContext) -> None:
    if cc.session.status == "closed":
        raise RuleViolation("error.closed")
    if cc.session.status != "live":
        raise RuleViolation("error.not_live")


def _current(cc: CommandContext) -> None:
    if cc.session.current != cc.item:
        raise RuleViolation("ideas.error.not_current")


def clean_idea(text: str) -> str:
    cleaned = clean_text(text)
    if not IDEA_MIN <= len(cleaned) <= IDEA_MAX:
        raise RuleViolation("ideas.error.length", min=IDEA_MIN, max=IDEA_MAX, n=len(cleaned))
    return cleaned


def _name(name: str) -> str:
    cleaned = clean_text(name)
    if not 1 <= len(cleaned) <= NAME_MAX:
        raise RuleViolation("ideas.error.name", max=NAME_MAX)
    return cleaned


def _standing(state: IdeasState, idea_id: str) -> Idea:
    idea = state.idea(idea_id)
    if idea is None or not idea.standing:
        raise RuleViolation("ideas.error.unknown_idea")
    return idea


def _collecting(state: IdeasState) -> None:
    if state.stage != "collect":
        raise RuleViolation("ideas.error.not_collecting")


def _next_idea(state: IdeasState, offset: int = 0) -> str:
    return f"i{len(state.ideas) + 1 + offset}"


# --- ideas --------------------------------------------------------------------------------------


@command("participant", "host")
def add_idea(state: IdeasState, cc: CommandContext, screened: Screened) -> list[ActivityEvent]:
    """An idea from a phone (while ideas are collected; the participant is checked, never stored)
    or from the facilitator. A phone's idea is held for review when the session's policy says so."""
    if cc.by_host:
        _facilitating(cc)
    else:
        cc.participant()
        _current(cc)
        _collecting(state)
    cleaned = clean_idea(screened.text)
    if any(i.text.casefold() == cleaned.casefold() for i in state.ideas if i.shown):
        raise RuleViolation("ideas.error.duplicate")
    why = held_reason(cc.session.moderation_policy, screened, by_host=cc.by_host)
    by: Literal["phone", "facilitator"] = "facilitator" if cc.by_host else "phone"
    return [
        IdeaAdded(
            item=cc.item,
            idea=_next_idea(state),
            text=cleaned,
            by=by,
            held=bool(why),
            held_reason=why,
            spans=list(screened.spans) if cleaned == screened.text else [],
            at=cc.now,
        )
    ]


@command("host")
def translate_idea(state: IdeasState, cc: CommandContext, idea: str, en: str) -> list[ActivityEvent]:
    """Give an idea its English (`en`; empty: none); the idea as written stays as it is."""
    _facilitating(cc)
    found = state.idea(idea)
    if found is None:
        raise RuleViolation("ideas.error.unknown_idea")
    english = english_of(found.text, en, clean_idea)
    if english == found.en:
        return []
    return [IdeaTranslated(item=cc.item, idea=idea, en=english, at=cc.now)]


@command("host")
def import_ideas(
    state: IdeasState, cc: CommandContext, source_item: int, keys: list[str] | None = None
) -> list[ActivityEvent]:
    """Copy the ideas shown at a world café's tables (`keys`: some of them; None: all) onto this
    wall; an idea already imported is not imported again. The text is copied: what the café does
    later changes nothing here."""
    _facilitating(cc)
    _collecting(state)
    source, english = source_of(cc.session, source_item, "fr"), source_of(cc.session, source_item, "en")
    if source is None or english is None:
        raise RuleViolation("ideas.error.no_source")
    where_en = {found.key: f"{english.title} — {found.where}" for found in english.ideas}
    done = {i.source for i in state.ideas if i.source}
    known = {i.text.casefold() for i in state.ideas if i.shown}
    events: list[ActivityEvent] = []
    for found in source.ideas:
        if (keys is not None and found.key not in keys) or found.key in done:
            continue
        if not IDEA_MIN <= len(found.text) <= IDEA_MAX or found.text.casefold() in known:
            continue
        known.add(found.text.casefold())
        events.append(
            IdeaAdded(
                item=cc.item,
                idea=_next_idea(state, len(events)),
                text=found.text,
                by="import",
                source=found.key,
                origin=f"{source.title} — {found.where}",
                origin_en=where_en.get(found.key, ""),
                at=cc.now,
            )
        )
    return events


@command("host")
def merge_ideas(state: IdeasState, cc: CommandContext, idea: str, into: str) -> list[ActivityEvent]:
    """Idea `idea` says the same as `into`: it is shown within `into` from now on (before the vote)."""
    _facilitating(cc)
    _collecting(state)
    if idea == into:
        raise RuleViolation("ideas.error.merge_self")
    _standing(state, idea)
    _standing(state, into)
    return [IdeasMerged(item=cc.item, idea=idea, into=into, at=cc.now)]


@command("host")
def group_ideas(state: IdeasState, cc: CommandContext, ideas: list[str], name: str) -> list[ActivityEvent]:
    """Group `ideas` (at least one) as a new cluster called `name` (before the vote)."""
    _facilitating(cc)
    _collecting(state)
    chosen = list(dict.fromkeys(ideas))
    if not chosen:
        raise RuleViolation("ideas.error.nothing_selected")
    for idea_id in chosen:
        _standing(state, idea_id)
    cluster = f"c{len(state.clusters) + 1}"
    return [IdeasClustered(item=cc.item, cluster=cluster, name=_name(name), ideas=chosen, at=cc.now)]


@command("host")
def ungroup_idea(state: IdeasState, cc: CommandContext, idea: str) -> list[ActivityEvent]:
    _facilitating(cc)
    _collecting(state)
    found = state.idea(idea)
    if found is None:
        raise RuleViolation("ideas.error.unknown_idea")
    if found.cluster is None:
        return []
    return [IdeaUngrouped(item=cc.item, idea=idea, at=cc.now)]


@command("host")
def rename_cluster(state: IdeasState, cc: CommandContext, cluster: str, name: str) -> list[ActivityEvent]:
    _facilitating(cc)
    found = state.cluster(cluster)
    if found is None:
        raise RuleViolation("ideas.error.unknown_cluster")
    cleaned = _name(name)
    if cleaned == found.name:
        return []
    return [ClusterChanged(item=cc.item, cluster=cluster, name=cleaned, at=cc.now)]


@command("host")
def translate_cluster(state: IdeasState, cc: CommandContext, cluster: str, en: str) -> list[ActivityEvent]:
    """Give a cluster's name its English (`en`; empty: none); its name as written stays."""
    _facilitating(cc)
    found = state.cluster(cluster)
    if found is None:
        raise RuleViolation("ideas.error.unknown_cluster")
    english = english_of(found.name, en, _name)
    if english == found.en:
        return []
    return [ClusterChanged(item=cc.item, cluster=cluster, en=english, at=cc.now)]


# --- the stage ----------------------------------------------------------------------------------

MOVES: dict[Stage, set[Stage]] = {"collect": {"vote"}, "vote": {"closed", "collect"}, "closed": {"vote"}}


@command("host")
def set_stage(
    state: IdeasState, cc: CommandContext, stage: str, expected: str | None = None
) -> list[ActivityEvent]:
    """Open the vote, close it, reopen it, or go back to collecting (only while no dot is placed).
    `expected`: the stage the console showed when clicked (a stale click is refused)."""
    _facilitating(cc)
    if expected is not None and expected != state.stage:
        raise RuleViolation("ideas.error.stale")
    if stage == state.stage:
        return []
    if stage not in STAGES or stage not in MOVES[state.stage]:
        raise RuleViolation("ideas.error.bad_stage")
    if stage == "vote" and not state.options():
        raise RuleViolation("ideas.error.no_options")
    if stage == "collect" and any(state.tally().values()):
        raise RuleViolation("ideas.error.dots_placed")
    new: Stage = "collect" if stage == "collect" else "vote" if stage == "vote" else "closed"
    return [StageChanged(item=cc.item, stage=new, at=cc.now)]


# --- dots ---------------------------------------------------------------------------------------


def _voting(state: IdeasState, cc: CommandContext) -> str:
    token = cc.participant().token
    _current(cc)
    if state.stage != "vote":
        raise RuleViolation(
            "ideas.error.vote_closed" if state.stage == "closed" else "ideas.error.vote_not_open"
        )
    return token


@command("participant")
def set_dots(state: IdeasState, cc: CommandContext, target: str, dots: int) -> list[ActivityEvent]:
    """Put `dots` of one's dots on `target` (0 takes them back); never more than the setting's
    number in all."""
    token = _voting(state, cc)
    if target not in state.targets():
        raise RuleViolation("ideas.error.unknown_option")
    if isinstance(dots, bool) or not isinstance(dots, int) or dots < 0:
        raise RuleViolation("ideas.error.bad_dots")
    mine = state.dots_of(token)
    if mine.get(target, 0) == dots:
        return []  # a repeated tap changes nothing and costs nothing
    if sum(mine.values()) - mine.get(target, 0) + dots > state.settings.dots:
        raise RuleViolation("ideas.error.no_dots_left", n=state.settings.dots)
    return [DotsSet(item=cc.item, token=token, target=target, dots=dots, at=cc.now)]


@command("participant")
def move_dot(state: IdeasState, cc: CommandContext, source: str, target: str) -> list[ActivityEvent]:
    """Move one dot from `source` to `target`, in one step (the total stays the same)."""
    token = _voting(state, cc)
    valid = state.targets()
    if source not in valid or target not in valid:
        raise RuleViolation("ideas.error.unknown_option")
    mine = state.dots_of(token)
    if not mine.get(source):
        raise RuleViolation("ideas.error.no_dot_there")
    if source == target:
        return []
    return [
        DotsSet(item=cc.item, token=token, target=source, dots=mine[source] - 1, at=cc.now),
        DotsSet(item=cc.item, token=token, target=target, dots=mine.get(target, 0) + 1, at=cc.now),
    ]


# --- moderation ---------------------------------------------------------------------------------


@command("host")
def moderate(
    state: IdeasState,
    cc: CommandContext,
    text_id: str,
    *,
    hide: bool | None = None,
    text: str | None = None,
    approve: bool = False,
) -> list[ActivityEvent]:
    """Hide or show (`hide`), correct (`text`) or approve (`approve`) an idea; rename or hide a
    cluster's name."""
    cluster = state.cluster(text_id)
    if cluster is not None:
        name = _name(text) if text is not None and text != cluster.name else None
        hidden = hide if hide is not None and hide != cluster.hidden else None
        if name is None and hidden is None:
            return []
        return [ClusterChanged(item=cc.item, cluster=text_id, name=name, hidden=hidden, at=cc.now)]
    idea = state.idea(text_id)
    if idea is None:
        raise RuleViolation("ideas.error.unknown_idea")
    new_text = clean_idea(text) if text is not None else None
    if new_text == idea.text:
        new_text = None
    hidden = hide if hide is not None and hide != idea.hidden else None
    approved = approve and idea.held
    if hidden is None and new_text is None and not approved:
        return []
    return [
        IdeaModerated(item=cc.item, idea=text_id, hidden=hidden, text=new_text, approved=approved, at=cc.now)
    ]
