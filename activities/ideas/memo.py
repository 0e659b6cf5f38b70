"""HTML drawn once for every page of a room: what a thousand phones following the screen show is
the same string, so it is computed once per change, not once per phone. Pure (no NiceGUI)."""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable

TTL = 0.3  # seconds a drawing is reused (what the key does not see, such as a collège changed)
_CACHE: dict[Hashable, tuple[float, str]] = {}


def memo(key: Hashable, draw: Callable[[], str], ttl: float = TTL) -> str:
    """`draw()` for `key`, reused for `ttl` seconds."""
    now = time.monotonic()
    found = _CACHE.get(key)
    if found is not None and now - found[0] < ttl:
        return found[1]
    if len(_CACHE) > 512:
        _CACHE.clear()
    html = draw()
    _CACHE[key] = (now, html)
    return html
