"""A name split over consecutive texts: "Marie", then "Lefèvre a dit ça".

Each text alone looks harmless; together they name someone. So a participant's new text is also
checked after the last texts the same participant sent in the same activity within a few minutes
(`KEEP` texts, `WINDOW` seconds), and held when the detector finds something that reaches into
the new text (`screening.screen`, which keeps only what touches the new text, on its own offsets:
what lay wholly in an earlier text was that text's to hold).

The earlier texts live here, in this process's memory only, for `WINDOW` seconds: never stored,
logged nor exported, keyed by what the room already knows (session code, agenda item, the
participant's token), and forgotten when they expire. A phone talks to one process (sticky
sessions), so its consecutive texts meet in the same memory; after a restart the first text
is simply checked alone.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Hashable

KEEP = 2  # earlier texts a new one is checked after
WINDOW = 300.0  # seconds an earlier text is kept for that
TAIL = 200  # characters of an earlier text kept: a split name sits at its end
SWEEP_EVERY = 60.0  # seconds between two sweeps of expired authors

Clock = Callable[[], float]


def tail(text: str, size: int = TAIL) -> str:
    """The end of `text`, at most `size` characters, starting on a word."""
    if len(text) <= size:
        return text
    cut = text[-size:]
    space = next((i for i, c in enumerate(cut) if c.isspace()), -1)
    return cut[space + 1 :] if 0 <= space < len(cut) - 1 else cut


class RecentTexts:
    """The last `keep` texts of each author, for `window` seconds, in memory."""

    def __init__(self, keep: int = KEEP, window: float = WINDOW, clock: Clock = time.monotonic) -> None:
        self.keep, self.window, self.clock = keep, window, clock
        self._texts: dict[Hashable, deque[tuple[float, str]]] = {}
        self._swept = clock()

    def before(self, author: Hashable) -> tuple[str, ...]:
        """The author's earlier texts still within the window, oldest first."""
        now = self.clock()
        self.sweep(now)
        kept = self._texts.get(author)
        if not kept:
            return ()
        return tuple(text for at, text in kept if now - at < self.window)

    def add(self, author: Hashable, text: str) -> None:
        """Remember `text` (its end, `tail`) as the author's latest."""
        if not text.strip() or self.keep <= 0:
            return
        now = self.clock()
        self.sweep(now)
        kept = self._texts.setdefault(author, deque(maxlen=self.keep))
        kept.append((now, tail(text)))

    def reset(self, author: Hashable) -> None:
        """The author's latest text was held: it breaks the chain (joined to the next one it would
        hold that one too: "Marie Martin", then "la DINUM")."""
        self._texts.pop(author, None)

    def forget(self, session: str) -> None:
        """Forget every text of a session (authors keyed by a tuple starting with its code)."""
        for author in [a for a in self._texts if isinstance(a, tuple) and a and a[0] == session]:
            del self._texts[author]

    def sweep(self, now: float | None = None, force: bool = False) -> None:
        now = self.clock() if now is None else now
        if not force and now - self._swept < SWEEP_EVERY:
            return
        self._swept = now
        for author in [a for a, kept in self._texts.items() if not kept or now - kept[-1][0] >= self.window]:
            del self._texts[author]

    def __len__(self) -> int:
        return len(self._texts)
