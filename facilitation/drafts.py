"""Sessions opened and never started are erased after a while (`CERCLE_DRAFT_TTL_HOURS`): a
forgotten or abusive creation does not stay in memory, nor get rebuilt at every start."""

from __future__ import annotations

import logging

from .rooms import HOUSEKEEPING, Rooms

log = logging.getLogger(__name__)
HOUR = 3600.0


def purge_unstarted(rooms: Rooms, ttl_hours: float, now: float | None = None) -> int:
    """Erase the sessions still in draft, with nobody joined, created over `ttl_hours` ago (0:
    keep them), in the process holding the housekeeping lease. Returns how many were erased; the
    log says how many, never which."""
    if ttl_hours <= 0 or not rooms.store.lease(HOUSEKEEPING):
        return 0
    now = rooms.clock() if now is None else now
    codes = rooms.unstarted(now - ttl_hours * HOUR)
    erased = sum(1 for code in codes if rooms.erase(code))
    if erased:
        log.info("erased %d sessions never started, opened over %g hours ago", erased, ttl_hours)
    return erased
