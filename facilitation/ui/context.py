"""What a view is given: the room, the language, its subscriptions, and a safe way to submit."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, Literal

from nicegui import ui
from typing_extensions import TypeVar

from .. import feedback
from ..bus import followed
from ..commands import HOST, PUBLIC, Actor, Command
from ..detector import screening
from ..detector.recent import RecentTexts
from ..events import Event
from ..gate import ADDRESS
from ..i18n import LANGUAGES, RuleViolation, Text, add, remote_key, t, t_plural
from ..limits import CommentLimiter
from ..moderation import Screened
from ..room import Room
from ..session import SessionState
from .markup import esc

log = logging.getLogger(__name__)

# Every free text a participant sends (arguments, ideas, statements, proposals, contributions,
# comments), limited as comments are (`limits.CommentLimiter`), more loosely: 100 an hour per
# participant, in bursts (a world café table's scribe types its whole table's contributions on
# one phone: five rotations of fifteen actors is 75). A room's Wi-Fi is one address, and a
# thousand phones may post an idea each within the same minute: the address and session caps only
# stop a flood of new identities (10,000 an hour from one address, 1,200 a minute in a session).
# In memory, per process: a session's room lives in one process.
TEXTS = CommentLimiter(gap=0.0, burst=100, per_address=10_000, session_cap=1_200, address_share=1.0)
# Each participant's last texts in an activity, for a few minutes, in this process's memory only:
# a new text is checked after them (`detector.recent`).
RECENT = RecentTexts()

add(
    {
        "texts.too_fast": (
            "Doucement : attendez {seconds} s avant d'envoyer un autre texte. Rien n'a été envoyé.",
            "Slow down: wait {seconds} s before sending another text. Nothing was sent.",
        ),
    }
)

Role = Literal["console", "screen", "phone", "follow"]  # "follow": the screen, on a phone
Words = Callable[[str], str]  # a text by language: a plan's `Text.get`, or `ViewContext.words(key)`
S = TypeVar("S", default=Any)  # the activity state a view reads (none for the core's own pages)


class Scope:
    """Subscriptions that live as long as one rendering of a view.

    They end when the scope is closed (a redraw, the view left) and, whatever else happens, the
    first time they are delivered after their `owner` element is gone (its client deleted, its
    container cleared): a delivery never reaches elements that no longer exist."""

    def __init__(self, owner: ui.element | None = None) -> None:
        self.owner = owner
        self._unsubscribes: list[Callable[[], None]] = []

    def add(self, unsubscribe: Callable[[], None]) -> None:
        self._unsubscribes.append(unsubscribe)

    def subscribe(self, room: Room, topic: str, callback: Callable[[], None]) -> None:
        """`callback` on `topic` until this scope closes or its owner is gone."""
        owner = self.owner
        if owner is None:
            self.add(room.subscribe(topic, callback))
            return
        handle: list[Callable[[], None]] = []

        def deliver() -> None:
            if gone(owner):
                if handle:
                    handle[0]()
                return
            callback()

        handle.append(room.subscribe(topic, deliver))
        self.add(handle[0])

    def close(self) -> None:
        for unsubscribe in self._unsubscribes:
            unsubscribe()
        self._unsubscribes.clear()


def gone(element: ui.element) -> bool:
    """Whether `element` was deleted, or its page (client) was."""
    return element.is_deleted or element.client.is_deleted


def guard(element: ui.element, callback: Callable[[], None]) -> Callable[[], None]:
    """A subscriber that does nothing once `element` is gone (a rebuild may race a delivery)."""

    def call() -> None:
        if not gone(element):
            callback()

    return call


@dataclass
class ViewContext(Generic[S]):
    room: Room
    lang: str
    role: Role
    item: int | None = None
    token: str | None = None
    scope: Scope = field(default_factory=Scope)
    acting_as: Actor | None = None  # pages that are not a role's own (the restitution page)

    @property
    def session(self) -> SessionState:
        return self.room.state

    @property
    def state(self) -> S:
        """The activity state of this view's agenda item."""
        assert self.item is not None
        return self.room.state.activities[self.item]

    def t(self, key: str, **params: Any) -> str:
        """`key` in this view's language; for someone with no room (a remote attendee, or anyone
        in a fully remote forum) its ".remote" wording where one exists ("Suivez l'écran"
        becomes what a person at home can do)."""
        return t(remote_key(key) if self.remote else key, self.lang, **params)

    def text(self, value: Text) -> str:
        """A text of the plan, or typed live, in this view's language."""
        return value.get(self.lang)

    def words(self, key: str, **params: Any) -> Words:
        """`key` in any language (for `label`)."""
        return lambda lang: t(remote_key(key) if self.remote else key, lang, **params)

    @property
    def second(self) -> str | None:
        """The other language, shown under this one on a bilingual screen (the plan's or the
        session's `bilingual`); None everywhere else."""
        if self.role != "screen" or not self.session.bilingual:
            return None
        return next(lang for lang in LANGUAGES if lang != self.lang)

    def label(self, words: Words, classes: str = "") -> ui.element:
        """A label in this view's language; on a bilingual screen, the same in the other
        language under it, smaller (`.cercle-second`: at least 36 px at 1080 px)."""
        if self.second is None:
            return ui.label(words(self.lang)).classes(classes)
        first, second = words(self.lang), words(self.second)
        if first == second:  # a name, a number, a text given in one language
            return ui.label(first).classes(classes)
        return ui.html(self.both_html(words)).classes(classes)

    def both_html(self, words: Words) -> str:
        """`words` as escaped HTML in this view's language, and on a bilingual screen the other
        language under it (what `label` shows, for views drawn as one HTML block)."""
        first = words(self.lang)
        second = words(self.second) if self.second is not None else first
        if second == first:
            return esc(first)
        return (
            f'<span class="cercle-bilingual"><span class="cercle-first">{esc(first)}</span>'
            f'<span class="cercle-second" lang="{self.second}">{esc(second)}</span></span>'
        )

    def tn(self, key: str, n: int | float, **params: Any) -> str:
        """`ctx.t` for a key with plural forms (`i18n.t_plural`): the form that goes with `n`."""
        return t_plural(remote_key(key) if self.remote else key, n, self.lang, **params)

    @property
    def remote(self) -> bool:
        """Whether whoever looks at this view has no room around them."""
        if self.session.remote.remote_only:
            return True
        if self.role in ("phone", "follow") and self.token:
            known = self.session.participants.get(self.token)
            return known is not None and known.mode == "remote"
        return False

    def now(self) -> float:
        return self.room.clock()

    def subscribe(self, topic: str, callback: Callable[[], None]) -> None:
        """Call `callback` when `topic` changes, until this rendering of the view is gone. A view
        that follows the screen on a phone hears of tallies at the phones' slower pace."""
        self.scope.subscribe(self.room, followed(topic) if self.role == "follow" else topic, callback)

    @property
    def actor(self) -> Actor:
        """Who this view acts as: the console is the host (its page checked the key), a phone
        that has a token is that participant, anything else (the screen) is the public."""
        if self.acting_as is not None:
            return self.acting_as
        if self.role == "console":
            return HOST
        if self.role == "phone" and self.token:
            return Actor.participant(self.token)
        return PUBLIC

    async def run(self, command: Command, *args: Any, item: int | None = None, **kwargs: Any) -> bool:
        """Run a command as this view's actor; a refusal or a failure is told to the person, in
        their language. `item`: an activity command's agenda position (None: a core command)."""
        return await self.events_of(command, *args, item=item, **kwargs) is not None

    async def events_of(
        self, command: Command, *args: Any, item: int | None = None, **kwargs: Any
    ) -> list[Event] | None:
        """`run`, returning the events stored (None when refused or failed). A participant's
        free text (a `Screened` argument) counts against `TEXTS`: past it, a refusal says how
        long to wait."""
        limited = (
            self.text_sender() if any(isinstance(a, Screened) for a in (*args, *kwargs.values())) else None
        )
        if limited is not None:
            wait = TEXTS.wait(self.room.code, *limited)
            if wait:
                ui.notify(self.t("texts.too_fast", seconds=wait), type="warning", position="top")
                return None
        try:
            events = await self.room.run(self.actor, command, *args, item=item, **kwargs)
            if limited is not None:
                TEXTS.record(self.room.code, *limited)
            return events
        except RuleViolation as refusal:
            ui.notify(refusal.message(self.lang, remote=self.remote), type="warning", position="top")
        except Exception:
            log.exception("command failed")
            ui.notify(self.t("error.internal"), type="negative", position="top")
        return None

    async def screen(
        self, text: str, field: str = "text", *, multiline: bool = False, limit: int = screening.TEXT_MAX
    ) -> Screened:
        """A participant's free text, cut to `limit` characters (its field's maximum), cleaned
        and checked for personal data off the event loop, as the commands that store free text
        take it (`moderation.Screened`). Past the participant's limit on texts, the detector is
        spared: the command is refused anyway (`events_of`). A participant's text is also
        checked after their clean texts since their last held one in this activity (`RECENT`), so
        that a name split over two texts ("Marie", then "Lefèvre a dit ça") is held."""
        sender = self.text_sender()
        if sender is not None and TEXTS.wait(self.room.code, *sender):
            return Screened.unchecked(text[:limit], multiline=multiline)
        author = (self.room.code, self.item, self.actor.token) if sender is not None else None
        before = RECENT.before(author) if author is not None else ()
        screened = await screening.screen(
            text, self.lang, field, multiline=multiline, limit=limit, before=before
        )
        if author is not None:
            if screened.checked and not screened.spans:
                RECENT.add(author, screened.text)
            else:  # a held text was its own to hold: the next one is not joined to it, nor to
                RECENT.reset(author)  # what came before it ("Marie Martin", then "la DINUM")
        return screened

    def text_sender(self) -> tuple[str, str] | None:
        """Whom `TEXTS` counts for this view's free texts: the participant's token and the keyed
        hash of their address (None: not a participant's view, whose texts are not limited)."""
        actor = self.actor
        if actor.role != "participant" or actor.token is None:
            return None
        try:
            address = getattr(ui.context.client.request.state, ADDRESS, "unknown")
        except (RuntimeError, AttributeError):  # no page around (a script, a test's context)
            address = "unknown"
        return f"token:{actor.token}", address

    async def act(self, command: Command, *args: Any, **kwargs: Any) -> bool:
        """Run an activity command `command(activity_state, CommandContext, *args, **kwargs)` on
        this view's agenda item."""
        assert self.item is not None
        return await self.run(command, *args, item=self.item, **kwargs)

    async def moderate(
        self,
        text_id: str,
        *,
        hide: bool | None = None,
        text: str | None = None,
        approve: bool = False,
        reason: str = "",
    ) -> bool:
        """Hide, show, correct or approve one of this item's free texts, logged in the
        moderation log."""
        assert self.item is not None
        activity = self.room.registry.get(self.session.agenda[self.item].kind)
        if activity is None:
            return False
        return await self.act(
            feedback.moderate_text, activity, text_id, hide=hide, text=text, approve=approve, reason=reason
        )


class Redrawer:
    """A container redrawn by `draw`, with subscriptions that end at each redraw and with the view."""

    def __init__(self, ctx: ViewContext, draw: Callable[[Redrawer], None], classes: str = "w-full") -> None:
        self.ctx, self.draw = ctx, draw
        self.container = ui.column().classes(classes)
        self.scope = Scope(self.container)
        ctx.scope.add(self.scope.close)
        self.redraw()

    def subscribe(self, topic: str, callback: Callable[[], None]) -> None:
        topic = followed(topic) if self.ctx.role == "follow" else topic
        self.scope.subscribe(self.ctx.room, topic, callback)

    def redraw(self) -> None:
        self.scope.close()
        if gone(self.container):
            return  # its view was drawn away: nothing to redraw, nothing to keep listening to
        self.container.clear()
        with self.container:
            self.draw(self)
