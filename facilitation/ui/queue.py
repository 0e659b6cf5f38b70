"""The console's moderation queue: every text held for review, from every activity and the
restitution's comments, newest first, with what the detector found marked; approve it, edit then
approve it, or hide it with a reason, with the mouse or the keyboard. A badge in the console's
header counts what waits, wherever the facilitator is on the page.

The single-letter shortcuts (A, E, M) act only while the focus is inside the queue, where they are
announced, never from the agenda, a link or a field elsewhere on the console: a letter typed
there must not approve a text held for a name. A switch turns them off; the browser remembers it
(`localStorage`, read by the page's own handler before anything is sent to the server).

Each action is a command through the room (`feedback.moderate_text`, `feedback.moderate_comment`),
logged in the moderation log that the restitution publishes (what, when, why; never who).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from nicegui import ui

from .. import feedback, moderation
from ..activity import MOMENT
from ..i18n import add, t_plural
from ..moderation import POLICIES, QUEUE_TOPIC, Span
from .markup import highlighted
from .pending import PendingTexts  # noqa: F401  (its texts: "en attente de relecture")

if TYPE_CHECKING:
    from .console import Console

KEYS_OFF = "cercle.queue-keys-off"  # in the browser's localStorage: "1" when the shortcuts are off
# Letters typed in a field, a select or a switch of the queue are theirs, not shortcuts.
QUEUE_KEYS = """(e) => {
  if (e.repeat || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
  const key = (e.key || '').toLowerCase();
  if (!['a', 'e', 'm'].includes(key)) return;
  if (e.target.closest('input, select, textarea, [contenteditable], .q-field, .q-toggle')) return;
  if (localStorage.getItem('KEYS_OFF') === '1') return;
  e.preventDefault();
  emit(key);
}""".replace("KEYS_OFF", KEYS_OFF)


@dataclass(frozen=True)
class Waiting:
    """A text held for review, wherever it was written."""

    item: int | None  # agenda item id; None for a restitution comment
    text_id: str
    text: str
    spans: tuple[Span, ...]
    reason: str
    where: str
    at: float


def waiting_texts(console: Console) -> list[Waiting]:
    """What waits for review now, newest first."""
    state, registry = console.room.state, console.room.registry
    found: list[Waiting] = []
    for item_id, item in state.agenda.items():
        activity = registry.get(item.kind) if item.kind != MOMENT else None
        if activity is None or item_id not in state.activities:
            continue
        for text in activity.free_texts(state.activities[item_id]):
            if text.held and not text.hidden:
                where = f"{state.position_of(item_id) + 1}. {item.title.get(console.lang)} — {text.place(console.lang)}"
                found.append(
                    Waiting(item_id, text.id, text.text, tuple(text.spans), text.reason, where, text.at)
                )
    for c in state.comments:
        if c.held and not c.hidden:
            where = console.t("restitution.ui.comment_where", id=c.id)
            found.append(Waiting(None, str(c.id), c.text, tuple(c.spans), c.held_reason, where, c.at))
    return sorted(found, key=lambda w: w.at, reverse=True)


def entry_key(w: Waiting) -> str:
    return f"{'c' if w.item is None else w.item}-{w.text_id}"


class ModerationQueue:
    """The badge (in the console's header) and the queue's card."""

    def __init__(self, console: Console, badge_row: ui.row) -> None:
        self.console = console
        self.count = -1
        self.entries: dict[str, tuple[ui.column, tuple[Waiting, bool]]] = {}  # drawn, by text
        with badge_row:
            self.badge = (
                ui.button(on_click=self.scroll_to)
                .props('color=warning text-color=black no-caps data-testid="queue-badge" aria-live="polite"')
                .mark("queue-badge")
                .classes("cercle-queue-badge")
            )
        with (
            ui.column()
            .classes("cercle-card w-full gap-2")
            .props(f'data-testid="queue" tabindex=-1 role=region aria-label="{self.t("queue.title")}"')
            .mark("queue")
            .on("keydown", self.key, js_handler=QUEUE_KEYS) as self.card
        ):
            with ui.row().classes("w-full items-center justify-between"):
                ui.label(self.t("queue.title")).classes("cercle-h2")
                self.policy = (
                    ui.select(
                        {p: self.t(f"moderation.policy.{p}") for p in POLICIES},
                        value=console.room.state.moderation_policy,
                        label=self.t("queue.policy"),
                        on_change=self.policy_changed,
                    )
                    .props('dense outlined data-testid="queue-policy"')
                    .mark("queue-policy")
                )
            with ui.row().classes("w-full items-center justify-between gap-2"):
                self.keys_hint = ui.label(self.t("queue.keys")).classes("text-xs cercle-muted")
                self.keys = (
                    ui.switch(self.t("queue.keys_switch"), value=True, on_change=self.keys_changed)
                    .props('dense data-testid="queue-keys"')
                    .mark("queue-keys")
                )
            self.list = ui.column().classes("w-full gap-2")
            self.holder = ui.element()  # dialogs live here, not in the list that is redrawn
        self.refresh()
        console.ctx.subscribe(QUEUE_TOPIC, self.refresh)
        self.client = ui.context.client
        self.client.on_connect(self.remembered)

    def t(self, key: str, **params: Any) -> str:
        return self.console.t(key, **params)

    def scroll_to(self) -> None:
        """To the queue, the focus in it: its shortcuts work from there."""
        ui.run_javascript(
            "const q = document.querySelector('[data-testid=\"queue\"]');"
            'q.scrollIntoView({behavior: "smooth"}); q.focus({preventScroll: true});'
        )

    async def remembered(self) -> None:
        """The switch as this browser left it."""
        try:
            off = await self.client.run_javascript(f"localStorage.getItem('{KEYS_OFF}') === '1'", timeout=5)
        except TimeoutError:
            return  # the page's own handler reads the browser's choice anyway
        if off and self.keys.value:
            self.keys.value = False

    def keys_changed(self, e: Any) -> None:
        on = bool(e.value)
        remember = (
            f"localStorage.removeItem('{KEYS_OFF}')" if on else f"localStorage.setItem('{KEYS_OFF}', '1')"
        )
        self.client.run_javascript(remember)
        self.keys_hint.text = self.t("queue.keys" if on else "queue.keys_off")
        self.entries = {}  # the newest's buttons show their letters only when the shortcuts are on
        self.draw_list(self.waiting)

    async def policy_changed(self, e: Any) -> None:
        if e.value != self.console.room.state.moderation_policy:
            await self.console.ctx.run(moderation.set_policy, e.value)

    def refresh(self) -> None:
        with self.card:  # called by the bus: notices go to this console's page
            self.redraw()

    def redraw(self) -> None:
        waiting = waiting_texts(self.console)
        self.waiting = waiting
        if len(waiting) > self.count >= 0:
            ui.notify(
                t_plural("queue.new", len(waiting), self.console.lang), type="warning", position="top-right"
            )
        self.count = len(waiting)
        self.badge.text = self.t("queue.badge", n=len(waiting))
        self.badge.set_visibility(bool(waiting))
        self.policy.value = self.console.room.state.moderation_policy
        self.draw_list(waiting)

    def draw_list(self, waiting: list[Waiting]) -> None:
        """Entries are kept by text: a new text adds one entry, a decision removes one; only the
        newest's entry (with its keyboard hints) is drawn again when the newest changes."""
        if not waiting:
            self.list.clear()
            self.entries = {}
            with self.list:
                ui.label(self.t("queue.empty")).classes("cercle-muted")
            return
        if not self.entries:
            self.list.clear()  # the "nothing waits" line
        keys = [entry_key(w) for w in waiting]
        for key in set(self.entries) - set(keys):
            self.list.remove(self.entries.pop(key)[0])
        for index, (key, w) in enumerate(zip(keys, waiting, strict=True)):
            drawn = (w, index == 0)
            current = self.entries.get(key)
            if current is not None and current[1] == drawn:
                continue  # in its place already: texts keep their order, newest first
            if current is not None:
                self.list.remove(current[0])
            with self.list:
                element = self.entry(w, first=index == 0)
            element.move(self.list, target_index=index)
            self.entries[key] = (element, drawn)

    def entry(self, w: Waiting, *, first: bool) -> ui.column:
        key = entry_key(w)
        with (
            ui.column()
            .classes("w-full gap-1 cercle-queue-item" + (" cercle-queue-next" if first else ""))
            .props(f'data-testid="queue-{key}"')
            .mark(f"queue-{key}")
        ) as column:
            reason = self.t(f"moderation.reason.{w.reason}") if w.reason else ""
            ui.label(f"{w.where} · {reason}").classes("text-xs cercle-muted")
            ui.html(highlighted(w.text, w.spans)).classes("whitespace-pre-line").props(
                f'data-testid="queue-text-{key}"'
            ).mark(f"queue-text-{key}")
            with ui.row().classes("gap-1"):
                ui.button(
                    self.t("queue.approve") + (" (A)" if first and self.keys.value else ""),
                    on_click=lambda: self.approve(w),
                ).props(f'dense no-caps color=positive data-testid="queue-approve-{key}"').mark(
                    f"queue-approve-{key}"
                )
                ui.button(
                    self.t("queue.edit") + (" (E)" if first and self.keys.value else ""),
                    on_click=lambda: self.edit(w),
                ).props(f'dense no-caps outline data-testid="queue-edit-{key}"').mark(f"queue-edit-{key}")
                ui.button(
                    self.t("queue.hide") + (" (M)" if first and self.keys.value else ""),
                    on_click=lambda: self.hide(w),
                ).props(f'dense no-caps outline color=negative data-testid="queue-hide-{key}"').mark(
                    f"queue-hide-{key}"
                )
        return column

    async def key(self, e: Any) -> None:
        """A, E, M, typed with the focus in the queue, act on the newest waiting text (shown on
        its buttons)."""
        if not self.keys.value or not self.waiting:
            return
        name = str(e.args).lower()
        first = self.waiting[0]
        if name == "a":
            await self.approve(first)
        elif name == "e":
            self.edit(first)
        elif name == "m":
            self.hide(first)

    async def act(self, w: Waiting, **kwargs: Any) -> bool:
        ctx = self.console.ctx
        if w.item is None:
            return await ctx.run(feedback.moderate_comment, int(w.text_id), **kwargs)
        activity = self.console.room.registry.get(self.console.room.state.agenda[w.item].kind)
        if activity is None:
            return False
        return await ctx.run(feedback.moderate_text, activity, w.text_id, item=w.item, **kwargs)

    async def approve(self, w: Waiting, text: str | None = None) -> bool:
        done = await self.act(w, approve=True, text=text)
        if done:
            ui.notify(self.t("queue.approved"), type="positive", position="top-right")
        return done

    def edit(self, w: Waiting) -> None:
        with self.holder, ui.dialog() as dialog, ui.card().classes("w-[36rem] max-w-full"):
            ui.label(self.t("queue.edit_title")).classes("font-semibold")
            ui.html(highlighted(w.text, w.spans)).classes("whitespace-pre-line text-sm cercle-muted")
            field = (
                ui.textarea(self.t("queue.edit"), value=w.text)
                .classes("w-full")
                .props('autogrow autofocus data-testid="queue-edit-text"')
                .mark("queue-edit-text")
            )

            async def save() -> None:
                if await self.approve(w, text=field.value or ""):
                    dialog.close()

            with ui.row():
                ui.button(self.t("console.cancel"), on_click=dialog.close).props("flat")
                ui.button(self.t("queue.edit_save"), on_click=save).props(
                    'color=primary data-testid="queue-edit-save"'
                ).mark("queue-edit-save")
        dialog.open()

    def hide(self, w: Waiting) -> None:
        with self.holder, ui.dialog() as dialog, ui.card().classes("w-[32rem] max-w-full"):
            ui.label(self.t("queue.hide_title")).classes("font-semibold")
            reason = (
                ui.input(self.t("restitution.ui.reason"))
                .props('maxlength=300 autofocus data-testid="queue-reason"')
                .mark("queue-reason")
            )

            async def confirmed() -> None:
                if await self.act(w, hide=True, reason=reason.value or ""):
                    dialog.close()

            reason.on("keydown.enter", confirmed)
            with ui.row():
                ui.button(self.t("console.cancel"), on_click=dialog.close).props("flat")
                ui.button(self.t("queue.hide"), on_click=confirmed).props(
                    'color=negative data-testid="queue-hide-confirm"'
                ).mark("queue-hide-confirm")
        dialog.open()


add(
    {
        "queue.title": ("Textes à relire", "Texts to review"),
        "queue.badge": ("{n} à relire", "{n} to review"),
        "queue.new": (
            {"one": "{n} texte attend votre relecture.", "other": "{n} textes attendent votre relecture."},
            {"one": "{n} text waits for your review.", "other": "{n} texts wait for your review."},
        ),
        "queue.empty": ("Rien n'attend de relecture.", "Nothing waits for review."),
        "queue.policy": ("Textes des participant·es", "Participants' texts"),
        "queue.keys": (
            "Dans cette liste, raccourcis pour le plus récent : A approuver, E modifier puis approuver, "
            "M masquer.",
            "In this list, shortcuts for the newest: A approve, E edit then approve, M hide.",
        ),
        "queue.keys_off": ("Raccourcis clavier désactivés.", "Keyboard shortcuts are off."),
        "queue.keys_switch": ("Raccourcis clavier", "Keyboard shortcuts"),
        "queue.approve": ("Approuver", "Approve"),
        "queue.edit": ("Modifier puis approuver", "Edit then approve"),
        "queue.edit_title": (
            "Corrigez le texte (par exemple, retirez le nom), puis approuvez-le.",
            "Correct the text (for instance, remove the name), then approve it.",
        ),
        "queue.edit_save": ("Approuver ce texte", "Approve this text"),
        "queue.hide": ("Masquer", "Hide"),
        "queue.hide_title": (
            "Masquer ce texte : il ne sera affiché nulle part. Le motif est publié au journal de modération.",
            "Hide this text: it will be shown nowhere. The reason is published in the moderation log.",
        ),
        "queue.approved": ("Approuvé : le texte est affiché.", "Approved: the text is shown."),
    }
)
