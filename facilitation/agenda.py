"""The agenda the facilitator edits: items added, edited, removed, duplicated and reordered, and
the session's details, as events. Pure: events, rules and folds that `session.apply`
dispatches to; no I/O, no UI.

Items are known by a stable id (`SessionState.agenda`); positions only say where an item stands.
The rules keep the past as it was: an item that ran or runs (started) is never rewritten or
removed, and nothing moves at or before the current item's position, so the current item never
changes by an edit. An item is checked with its activity's own settings model, the same one the
plan loader uses (`check_item`), and stored as that model normalised it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .activity import MOMENT, REGISTRY, Registry
from .commands import CommandContext, command
from .events import Event, Folder, event
from .i18n import LANGUAGES, RuleViolation, Text, TextBounds, add, explain
from .text import clean_text

if TYPE_CHECKING:
    from .session import SessionState

MAX_ITEMS = 100
TITLE_MAX = 200
TEXT_MAX = 4000
CHARTER_MAX = 20_000
Title = Annotated[Text, TextBounds(1, TITLE_MAX)]
LongText = Annotated[Text, TextBounds(0, TEXT_MAX, multiline=True)]


class AgendaItem(BaseModel):
    """A point of the agenda: an activity with its settings, or a plain moment (kind "moment").
    In a plan file, `duration_min` is written `duration` (minutes). `title` and `text` may be
    given in both languages (`i18n.Text`)."""

    model_config = ConfigDict(extra="forbid")

    title: Title
    kind: str = MOMENT
    text: LongText = Text()
    duration_min: int = Field(default=0, ge=0, le=24 * 60)
    settings: dict[str, Any] = Field(default_factory=dict)


# --- events -------------------------------------------------------------------------------------


@event
class ItemAdded(Event):
    """Agenda item `id` (an id never used before in this session) was added at `position` (0 is
    the first place), reading `item`."""

    type = "agenda.item_added"
    id: int
    position: int
    item: AgendaItem
    at: float


@event
class ItemEdited(Event):
    """Agenda item `id`, not started yet, now reads `item` (same kind; its activity starts anew
    from the new settings)."""

    type = "agenda.item_edited"
    id: int
    item: AgendaItem
    at: float


@event
class ItemTranslated(Event):
    """Agenda item `id`, begun or over, was given its English title and text (`title_en`,
    `text_en`; "": the same as the French). Its French, and its activity, are unchanged."""

    type = "agenda.item_translated"
    id: int
    title_en: str
    text_en: str = ""
    at: float


@event
class ItemRemoved(Event):
    """Agenda item `id`, not started yet, was removed (its id is not used again)."""

    type = "agenda.item_removed"
    id: int
    at: float


@event
class ItemsReordered(Event):
    """The agenda's new order: every item's id, once each, first item first."""

    type = "agenda.items_reordered"
    order: list[int]
    at: float


@event
class DetailsEdited(Event):
    """The facilitator set the session's details: `title`, `date` (free text, e.g. 2018-03-12),
    `charter` (Markdown shown to phones before they join), `licence` of the restitution,
    `publish` (the restitution is published at close unless the facilitator decides otherwise),
    `languages` (the interface languages offered, the first being the default; empty: the
    server's), `bilingual` (the screen shows French and English at once), `colleges` (phones are
    asked their collège; None: unchanged). `title` and `charter` are a plain string (the same in
    both languages) or `{"fr": …, "en": …}`."""

    type = "agenda.details_edited"
    title: Text
    date: str = ""
    charter: Text = Text()
    licence: str = ""
    publish: bool = False
    languages: list[str] = Field(default_factory=list)
    bilingual: bool = False
    at: float
    colleges: bool | None = None


# --- checking an item ---------------------------------------------------------------------------


def settings_model(kind: str, registry: Registry = REGISTRY) -> type[BaseModel] | None:
    """The pydantic model of `kind`'s settings (None for a moment, or a kind without one)."""
    activity = registry.get(kind) if kind != MOMENT else None
    model = getattr(activity, "settings_model", None)
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


def check_settings(kind: str, settings: dict[str, Any], registry: Registry = REGISTRY) -> dict[str, Any]:
    """`settings` as `kind`'s model reads them (texts cleaned, defaults left out); raises
    ValidationError as the model does."""
    model = settings_model(kind, registry) or NoSettings  # a moment keeps no settings at all
    return model.model_validate(settings).model_dump(mode="json", exclude_defaults=True)


class NoSettings(BaseModel):
    """The settings of a kind that has none (a moment): any field is refused."""

    model_config = ConfigDict(extra="forbid")


def check_item(raw: AgendaItem | dict[str, Any], registry: Registry = REGISTRY) -> AgendaItem:
    """An agenda item as it is stored: a moment or a registered activity, its title and text
    cleaned, its settings checked by the activity's own model. Refusals name each bad field."""
    try:
        data = raw.model_dump() if isinstance(raw, AgendaItem) else dict(raw)
        item = AgendaItem.model_validate(data)  # title and text cleaned by their `TextBounds`
    except ValidationError as exc:
        raise RuleViolation("agenda.error.bad_item", details=explain(exc, root="item")) from None
    if item.kind != MOMENT and registry.get(item.kind) is None:
        raise RuleViolation("agenda.error.unknown_kind", kind=item.kind, kinds=", ".join(kinds(registry)))
    try:
        settings = check_settings(item.kind, item.settings, registry)
    except ValidationError as exc:
        raise RuleViolation("agenda.error.bad_item", details=explain(exc, root="settings")) from None
    return item.model_copy(update={"settings": settings})


def kinds(registry: Registry = REGISTRY) -> list[str]:
    """What an agenda item may be: a moment, or an activity of this build."""
    return [MOMENT, *registry.kinds()]


# --- rules --------------------------------------------------------------------------------------


def _require_open(state: SessionState) -> None:
    if state.status == "closed":
        raise RuleViolation("error.closed")


def _require_future(state: SessionState, item_id: int) -> None:
    if item_id not in state.agenda:
        raise RuleViolation("error.no_item")
    if state.started(item_id):
        raise RuleViolation("agenda.error.started")


def _fixed(state: SessionState) -> dict[int, int]:
    """Position -> id of what no reordering may move: every position up to the current item's,
    and every item that ran (even one after the current, gone back from)."""
    order = state.order
    limit = state.after_current()
    return {p: i for p, i in enumerate(order) if p < limit or state.started(i)}


@command("host")
def add_item(
    state: SessionState, cc: CommandContext, item: AgendaItem | dict[str, Any], position: int | None = None
) -> list[Event]:
    """Add `item` at `position` (None: at the end); never at or before the current item."""
    _require_open(state)
    checked = check_item(item)
    if len(state.agenda) >= MAX_ITEMS:
        raise RuleViolation("agenda.error.too_many", max=MAX_ITEMS)
    size = len(state.agenda)
    at = size if position is None else position
    if not 0 <= at <= size:
        raise RuleViolation("agenda.error.bad_position", last=size)
    if at < state.after_current():
        raise RuleViolation("agenda.error.past")
    return [ItemAdded(id=state.next_id, position=at, item=checked, at=cc.now)]


@command("host")
def edit_item(
    state: SessionState,
    cc: CommandContext,
    item_id: int,
    *,
    title: Text | str | dict[str, str] | None = None,
    text: Text | str | dict[str, str] | None = None,
    duration_min: int | None = None,
    settings: dict[str, Any] | None = None,
) -> list[Event]:
    """Change a future item's title, text, duration or settings (what is None stays)."""
    _require_open(state)
    _require_future(state, item_id)
    old = state.agenda[item_id]
    changes = {"title": title, "text": text, "duration_min": duration_min, "settings": settings}
    new = check_item({**old.model_dump(), **{k: v for k, v in changes.items() if v is not None}})
    if new == old:
        return []
    return [ItemEdited(id=item_id, item=new, at=cc.now)]


@command("host")
def translate_item(
    state: SessionState, cc: CommandContext, item_id: int, title_en: str, text_en: str = ""
) -> list[Event]:
    """Give an item that has begun its English title and text (a future one is edited whole)."""
    _require_open(state)
    if item_id not in state.agenda:
        raise RuleViolation("error.no_item")
    item = state.agenda[item_id]
    title = clean_text(title_en)[:TITLE_MAX]
    text = clean_text(text_en, multiline=True)[:TEXT_MAX]
    title = "" if title == item.title.fr else title
    text = "" if text == item.text.fr else text
    if (title or item.title.fr, text or item.text.fr) == (item.title.en, item.text.en):
        return []
    return [ItemTranslated(id=item_id, title_en=title, text_en=text, at=cc.now)]


@command("host")
def remove_item(state: SessionState, cc: CommandContext, item_id: int) -> list[Event]:
    """Remove a future item; one that ran or runs stays."""
    _require_open(state)
    _require_future(state, item_id)
    return [ItemRemoved(id=item_id, at=cc.now)]


@command("host")
def duplicate_item(state: SessionState, cc: CommandContext, item_id: int) -> list[Event]:
    """A copy of any item (a second débat like the first), right after it, or right after the
    current item when the original is past."""
    if item_id not in state.agenda:
        raise RuleViolation("error.no_item")
    position = max(state.position_of(item_id) + 1, state.after_current())
    return add_item(state, cc, state.agenda[item_id], position)


@command("host")
def reorder(state: SessionState, cc: CommandContext, order: list[int]) -> list[Event]:
    """Put the agenda in `order` (every id once). What ran, and everything up to the current
    item, keeps its place."""
    _require_open(state)
    if sorted(order) != sorted(state.agenda) or len(set(order)) != len(order):
        raise RuleViolation("agenda.error.bad_order", ids=", ".join(map(str, state.order)))
    if any(order[p] != i for p, i in _fixed(state).items()):
        raise RuleViolation("agenda.error.past")
    if order == state.order:
        return []
    return [ItemsReordered(order=list(order), at=cc.now)]


@command("host")
def move_item(state: SessionState, cc: CommandContext, item_id: int, position: int) -> list[Event]:
    """Move a future item to `position` (the console's up and down buttons, and drag)."""
    _require_open(state)
    _require_future(state, item_id)
    size = len(state.agenda)
    if not 0 <= position < size:
        raise RuleViolation("agenda.error.bad_position", last=size - 1)
    if position < state.after_current():
        raise RuleViolation("agenda.error.past")
    fixed = _fixed(state)
    free = [p for p in range(size) if p not in fixed]
    # The moved item takes the free place nearest to the one asked for; the other future items
    # keep their order in the remaining free places.
    slot = free.index(min(free, key=lambda p: abs(p - position)))
    others = [i for p, i in enumerate(state.order) if p not in fixed and i != item_id]
    placed = iter([*others[:slot], item_id, *others[slot:]])
    new = [fixed[p] if p in fixed else next(placed) for p in range(size)]
    return reorder(state, cc, new)


@command("host")
def edit_details(
    state: SessionState,
    cc: CommandContext,
    *,
    title: Text | str,
    date: str = "",
    charter: Text | str = "",
    licence: str = "",
    publish: bool = False,
    languages: list[str] | None = None,
    bilingual: bool = False,
    colleges: bool | None = None,
) -> list[Event]:
    """Set the session's title, date, charter, licence, publication, languages, whether the
    screen is bilingual and whether phones are asked their collège (None: unchanged). `title`
    and `charter`: a plain string or a `Text` in both languages."""
    _require_open(state)
    title = Text.model_validate(title).map(lambda s: clean_text(s)[:TITLE_MAX])
    charter = Text.model_validate(charter).map(lambda s: clean_text(s, multiline=True)[:CHARTER_MAX])
    if not title:
        raise RuleViolation("home.title_required")
    chosen = [lang for lang in dict.fromkeys(languages or []) if lang in LANGUAGES]
    if languages and len(chosen) != len(set(languages)):
        raise RuleViolation("agenda.error.languages", known=", ".join(LANGUAGES))
    details = DetailsEdited(
        title=title,
        date=clean_text(date)[:40],
        charter=charter,
        licence=clean_text(licence)[:TITLE_MAX],
        publish=publish,
        languages=chosen,
        bilingual=bilingual,
        at=cc.now,
        colleges=colleges,
    )
    current = (state.title, state.date, state.charter, state.licence, state.publish, state.languages)
    same = (details.title, details.date, details.charter, details.licence, publish, chosen)
    same_colleges = colleges is None or colleges == state.colleges
    if current == same and state.bilingual == bilingual and same_colleges:
        return []
    return [details]


def step_position(state: SessionState, item_id: int, step: int) -> int | None:
    """Where a future item goes one place up (`step` -1) or down (+1), skipping what cannot
    move; None when it cannot go that way (or cannot move at all)."""
    if item_id not in state.agenda or state.started(item_id) or state.status == "closed":
        return None
    fixed, here = _fixed(state), state.position_of(item_id)
    p = here + step
    while 0 <= p < len(state.agenda) and p in fixed:
        p += step
    return p if 0 <= p < len(state.agenda) and p >= state.after_current() else None


# --- what the agenda shows: the planned end ---------------------------------------------------


def planned_end(state: SessionState, now: float) -> tuple[float, float | None]:
    """When the session should end as things stand, and how far that is (seconds, positive:
    late) from its plan, the start plus every item's planned duration (None before the start).

    The current item ends at its planned end, or now if it runs over; the items after it take
    their planned durations; skipped items before it count for nothing."""
    planned = sum(item.duration_min for item in state.agenda.values()) * 60.0
    if state.status != "live" or state.started_at is None:
        return now + planned, None
    end = now
    if state.current is not None:
        started = state.item_started.get(state.current, now)
        end = max(now, started + state.agenda[state.current].duration_min * 60.0)
    for item_id in state.order[state.after_current() :]:
        if not state.started(item_id):
            end += state.agenda[item_id].duration_min * 60.0
    return end, end - (state.started_at + planned)


# --- folding ------------------------------------------------------------------------------------

fold: Folder[SessionState, [Registry]] = Folder()


def _begin_activity(state: SessionState, item_id: int, registry: Registry) -> None:
    item = state.agenda[item_id]
    activity = registry.get(item.kind)
    state.activities.pop(item_id, None)
    if activity is not None:
        state.activities[item_id] = activity.initial_state(item.settings)


@fold.on(ItemAdded)
def _added(state: SessionState, e: ItemAdded, registry: Registry) -> None:
    entries = list(state.agenda.items())
    entries.insert(e.position, (e.id, e.item))
    state.agenda = dict(entries)
    state.next_id = max(state.next_id, e.id + 1)
    _begin_activity(state, e.id, registry)


@fold.on(ItemEdited)
def _edited(state: SessionState, e: ItemEdited, registry: Registry) -> None:
    state.agenda[e.id] = e.item
    _begin_activity(state, e.id, registry)


@fold.on(ItemTranslated)
def _translated(state: SessionState, e: ItemTranslated, registry: Registry) -> None:
    item = state.agenda.get(e.id)
    if item is not None:  # the activity goes on: only the English of its title and text changes
        title = Text(fr=item.title.fr, en=e.title_en or item.title.fr)
        text = Text(fr=item.text.fr, en=e.text_en or item.text.fr)
        state.agenda[e.id] = item.model_copy(update={"title": title, "text": text})


@fold.on(ItemRemoved)
def _removed(state: SessionState, e: ItemRemoved, registry: Registry) -> None:
    state.agenda.pop(e.id, None)
    state.activities.pop(e.id, None)


@fold.on(ItemsReordered)
def _reordered(state: SessionState, e: ItemsReordered, registry: Registry) -> None:
    state.agenda = {item_id: state.agenda[item_id] for item_id in e.order}


@fold.on(DetailsEdited)
def _details(state: SessionState, e: DetailsEdited, registry: Registry) -> None:
    state.title, state.date, state.charter, state.licence = e.title, e.date, e.charter, e.licence
    state.publish, state.languages, state.bilingual = e.publish, list(e.languages), e.bilingual
    if e.colleges is not None:
        state.colleges = e.colleges


add(
    {
        "agenda.error.started": (
            "Ce point a déjà commencé : il ne peut plus être modifié ni retiré. Ajoutez-en un autre.",
            "This item has already started: it can no longer be changed or removed. Add another one.",
        ),
        "agenda.error.past": (
            "On ne modifie pas ce qui a déjà eu lieu : placez le point après le point en cours.",
            "What already took place stays as it was: put the item after the current one.",
        ),
        "agenda.error.bad_item": (
            "Ce point ne peut pas être enregistré : {details}.",
            "This item cannot be saved: {details}.",
        ),
        "agenda.error.unknown_kind": (
            "Type de point inconnu : « {kind} ». Choisissez parmi : {kinds}.",
            "Unknown kind of item: “{kind}”. Choose among: {kinds}.",
        ),
        "agenda.error.bad_position": (
            "Position impossible : choisissez entre 0 et {last}.",
            "No such position: choose between 0 and {last}.",
        ),
        "agenda.error.bad_order": (
            "Le nouvel ordre doit reprendre chaque point une fois : {ids}.",
            "The new order must list every item once: {ids}.",
        ),
        "agenda.error.too_many": (
            "L'ordre du jour compte déjà {max} points : retirez-en un d'abord.",
            "The agenda already has {max} items: remove one first.",
        ),
        "agenda.error.languages": (
            "Langues possibles : {known}.",
            "Possible languages: {known}.",
        ),
    }
)
