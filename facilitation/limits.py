"""Limits on what anyone may open or try, in memory only. Pure: no I/O, no UI.

- `Buckets`: token buckets by key (session creations per address).
- `Backoff`: a few failures cost nothing, then each one closes the door for longer (wrong host
  keys, unknown session codes), and failures are forgiven with time. Only wrong guesses are
  slowed, each kind apart (`Limits.guess`): a right code, key or cookie always passes, so that
  one person guessing behind a shared address (a venue's NAT, a proxy) locks nobody else out.
- `CommentLimiter`: comments on a restitution, per participant and per address, with a session
  cap of which one address may use only a share.
- `AddressKeys` and `client_address`: the client's address, taken from the socket peer (or from
  `X-Forwarded-For` when the peer is a trusted proxy), and reduced at once to a keyed hash whose
  secret is random per process. No address is ever stored or logged; every key here expires.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import math
import secrets
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .i18n import RuleViolation, add

if TYPE_CHECKING:
    from .settings import Settings

Clock = Callable[[], float]
Network = ipaddress.IPv4Network | ipaddress.IPv6Network
SWEEP_EVERY = 60.0  # seconds between two sweeps of expired keys
MAX_KEYS = 100_000  # keys one `Backoff` remembers at most (the least recently failed go first)
CODES = "codes"  # what a guessed session code is counted against (a guessed key: its session's code)

add(
    {
        "limits.organiser_key_missing": (
            "Ce serveur demande la clé d'organisation pour ouvrir une session. Saisissez-la.",
            "This server needs the organiser key to open a session. Please enter it.",
        ),
        "limits.organiser_key_wrong": (
            "Clé d'organisation incorrecte. Vérifiez-la auprès de l'équipe qui gère ce serveur.",
            "Wrong organiser key. Check it with the team that runs this server.",
        ),
        "limits.too_many_creations": (
            "Trop de sessions ouvertes depuis votre adresse. Réessayez dans {minutes} min.",
            "Too many sessions opened from your address. Try again in {minutes} min.",
        ),
        "limits.too_many_open": (
            "Ce serveur a atteint son nombre maximal de sessions ouvertes ({max}). Clôturez-en une ou "
            "réessayez plus tard.",
            "This server holds its maximum of open sessions ({max}). Close one or try again later.",
        ),
        "limits.too_many_tries": (
            "Trop de tentatives erronées depuis votre réseau. Réessayez dans {seconds} s.",
            "Too many wrong attempts from your network. Try again in {seconds} s.",
        ),
    }
)


class Refusal(RuleViolation):
    """A refusal with the HTTP status it maps to and, for 429, the seconds to wait."""

    def __init__(self, key: str, status: int, retry_after: int | None = None, **params: Any) -> None:
        super().__init__(key, **params)
        self.status = status
        self.retry_after = retry_after


def seconds(wait: float) -> int:
    """A wait as whole seconds, rounded up (a wait of 0.2 s is 1 s)."""
    return max(1, math.ceil(wait))


class Buckets:
    """Token buckets by key: `burst` tokens, refilled at `rate` tokens a second. A key whose bucket
    is full again is forgotten (a full bucket and no bucket are the same)."""

    def __init__(self, rate: float, burst: float, clock: Clock = time.monotonic) -> None:
        self.rate, self.burst, self.clock = rate, burst, clock
        self._state: dict[str, tuple[float, float]] = {}  # key -> (tokens, at)
        self._swept = clock()

    def _level(self, key: str, now: float) -> float:
        tokens, at = self._state.get(key, (self.burst, now))
        return min(self.burst, tokens + (now - at) * self.rate)

    def wait(self, key: str) -> float:
        """Seconds before `key` has a token (0: now)."""
        level = self._level(key, self.clock())
        return 0.0 if level >= 1 else (1 - level) / self.rate if self.rate > 0 else math.inf

    def take(self, key: str) -> float:
        """Take a token: 0 when taken, else the seconds to wait (and nothing is taken)."""
        now = self.clock()
        self.sweep(now)
        level = self._level(key, now)
        if level < 1:
            return (1 - level) / self.rate if self.rate > 0 else math.inf
        self._state[key] = (level - 1, now)
        return 0.0

    def sweep(self, now: float | None = None, force: bool = False) -> None:
        now = self.clock() if now is None else now
        if not force and now - self._swept < SWEEP_EVERY:
            return
        self._swept = now
        for key in [k for k in self._state if self._level(k, now) >= self.burst]:
            del self._state[key]

    def __len__(self) -> int:
        return len(self._state)


class Backoff:
    """Failures by key. The first `free` cost nothing; each one past them closes the door for
    `base * 2**(n - free - 1)` seconds (at most `cap`). One failure is forgiven every `forgive`
    seconds; a key with nothing left to forgive is forgotten. At most `max_keys` keys are kept:
    past them, the one whose last failure is the oldest is forgotten first."""

    def __init__(
        self,
        free: int = 10,
        base: float = 1.0,
        cap: float = 300.0,
        forgive: float = 60.0,
        clock: Clock = time.monotonic,
        max_keys: int = MAX_KEYS,
    ) -> None:
        self.free, self.base, self.cap, self.forgive, self.clock = free, base, cap, forgive, clock
        self.max_keys = max(1, max_keys)
        self._state: dict[str, tuple[float, float]] = {}  # key -> (failures, at the last one)
        self._swept = clock()

    def _lock(self, failures: float) -> float:
        if failures <= self.free:
            return 0.0
        return min(self.cap, self.base * 2 ** (failures - self.free - 1))

    def wait(self, key: str) -> float:
        """Seconds before `key` may try again (0: now)."""
        failures, at = self._state.get(key, (0.0, 0.0))
        return max(0.0, at + self._lock(failures) - self.clock())

    def fail(self, key: str) -> None:
        now = self.clock()
        self.sweep(now)
        failures, at = self._state.pop(key, (0.0, now))  # re-inserted last: the dict is in order of failure
        self._state[key] = (max(0.0, failures - (now - at) / self.forgive) + 1, now)
        while len(self._state) > self.max_keys:
            del self._state[next(iter(self._state))]

    def failures(self, key: str) -> float:
        failures, at = self._state.get(key, (0.0, self.clock()))
        return max(0.0, failures - (self.clock() - at) / self.forgive)

    def sweep(self, now: float | None = None, force: bool = False) -> None:
        now = self.clock() if now is None else now
        if not force and now - self._swept < SWEEP_EVERY:
            return
        self._swept = now
        for key in [
            k
            for k, (failures, at) in self._state.items()
            if now - at >= max(failures * self.forgive, self._lock(failures))
        ]:
            del self._state[key]

    def __len__(self) -> int:
        return len(self._state)


def _trim(times: deque[float], since: float) -> deque[float]:
    while times and times[0] <= since:
        times.popleft()
    return times


@dataclass
class CommentLimiter:
    """Comments on restitutions. Per participant: one per `gap` seconds and `burst` an hour. Per
    address: `per_address` an hour. Per session: `session_cap` a minute, of which one address may
    use at most `address_share`, so that one network cannot lock everyone else out."""

    gap: float = 20.0
    burst: int = 5
    per_address: int = 30
    session_cap: int = 30
    address_share: float = 1 / 3
    clock: Clock = time.monotonic
    _times: dict[tuple[str, str], deque[float]] = field(default_factory=dict)
    _swept: float = 0.0

    def _deque(self, kind: str, key: str) -> deque[float]:
        return self._times.setdefault((kind, key), deque())

    def wait(self, session: str, participant: str, address: str) -> int:
        """Whole seconds before this participant, from this address, may comment (0: now)."""
        now = self.clock()
        self.sweep(now)
        mine = _trim(self._deque("participant", participant), now - 3600)
        network = _trim(self._deque("address", address), now - 3600)
        everyone = _trim(self._deque("session", session), now - 60)
        share = _trim(self._deque("share", f"{session}/{address}"), now - 60)
        waits = [0.0]
        if mine:
            waits.append(mine[-1] + self.gap - now)
        if len(mine) >= self.burst:
            waits.append(mine[0] + 3600 - now)
        if len(network) >= self.per_address:
            waits.append(network[0] + 3600 - now)
        if len(everyone) >= self.session_cap:
            waits.append(everyone[0] + 60 - now)
        if len(share) >= max(1, int(self.session_cap * self.address_share)):
            waits.append(share[0] + 60 - now)
        longest = max(waits)
        return 0 if longest <= 0 else seconds(longest)

    def record(self, session: str, participant: str, address: str) -> None:
        now = self.clock()
        for kind, key in (
            ("participant", participant),
            ("address", address),
            ("session", session),
            ("share", f"{session}/{address}"),
        ):
            self._deque(kind, key).append(now)

    def sweep(self, now: float, force: bool = False) -> None:
        if not force and now - self._swept < SWEEP_EVERY:
            return
        self._swept = now
        for key in [k for k, times in self._times.items() if not times or times[-1] <= now - 3600]:
            del self._times[key]

    def __len__(self) -> int:
        return len(self._times)


# --- addresses ----------------------------------------------------------------------------------


def parse_networks(text: str) -> tuple[Network, ...]:
    """`"127.0.0.1, 10.0.0.0/8"` as networks; raises ValueError with the faulty part."""
    networks = []
    for part in (p.strip() for p in text.replace(";", ",").split(",")):
        if not part:
            continue
        try:
            networks.append(ipaddress.ip_network(part, strict=False))
        except ValueError as exc:
            raise ValueError(f"not an address or network: {part!r}") from exc
    return tuple(networks)


def _ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text.strip().strip("[]"))
    except ValueError:
        return None


def _trusted(address: str, trusted: Iterable[Network]) -> bool:
    ip = _ip(address)
    return ip is not None and any(ip in network for network in trusted)


def client_address(peer: str | None, forwarded_for: str | None, trusted: Iterable[Network]) -> str | None:
    """The client's address: the socket peer, unless the peer is a trusted proxy; then the last
    address of `X-Forwarded-For` that is not itself a trusted proxy (proxies append on the right,
    so anything further left may be forged by the client)."""
    trusted = tuple(trusted)
    if peer is None or not trusted or not _trusted(peer, trusted):
        return peer
    hops = [h.strip() for h in (forwarded_for or "").split(",") if h.strip()]
    for hop in reversed(hops):
        if not _trusted(hop, trusted):
            return hop if _ip(hop) is not None else None
    return hops[0] if hops else peer


class AddressKeys:
    """A keyed hash of an address, with a secret drawn at random per process and kept in memory
    only: what the limits are keyed by, never the address itself. An IPv6 address counts by its
    /64 (what one subscriber usually holds)."""

    def __init__(self, secret: bytes | None = None) -> None:
        self._secret = secret or secrets.token_bytes(32)

    def __call__(self, address: str | None) -> str:
        ip = _ip(address or "")
        if ip is None:
            text = "unknown"
        elif ip.version == 6 and ip.ipv4_mapped is None:
            text = str(ipaddress.ip_network(f"{ip}/64", strict=False))
        else:
            text = str(ip.ipv4_mapped or ip) if ip.version == 6 else str(ip)
        return hmac.new(self._secret, text.encode(), hashlib.sha256).hexdigest()[:20]


# --- the limits of one server -------------------------------------------------------------------


@dataclass
class Limits:
    """Every limit of one running server, built from its settings. `organiser_key` empty: anyone
    may open a session; `max_open` 0: no cap; `creations` None: no limit per address."""

    organiser_key: str = ""
    max_open: int = 500
    creations: Buckets | None = None
    keys: Backoff = field(default_factory=Backoff)  # wrong host or organiser keys, by (address, session)
    codes: Backoff = field(default_factory=Backoff)  # unknown session codes, by address
    comments: CommentLimiter = field(default_factory=CommentLimiter)
    address_key: AddressKeys = field(default_factory=AddressKeys)
    trusted: tuple[Network, ...] = ()

    @classmethod
    def from_settings(cls, settings: Settings, clock: Clock = time.monotonic) -> Limits:
        per_hour = settings.creations_per_hour
        return cls(
            organiser_key=settings.organiser_key,
            max_open=settings.max_open_sessions,
            creations=Buckets(per_hour / 3600, max(1, settings.creations_burst), clock) if per_hour else None,
            keys=Backoff(clock=clock),
            codes=Backoff(clock=clock),
            comments=CommentLimiter(clock=clock),
            trusted=parse_networks(settings.trusted_proxy),
        )

    def address(self, peer: str | None, forwarded_for: str | None) -> str:
        """The keyed hash of the client's address (see `client_address`)."""
        return self.address_key(client_address(peer, forwarded_for, self.trusted))

    def trusts(self, peer: str | None) -> bool:
        """Whether `peer` is one of the trusted proxies."""
        return peer is not None and _trusted(peer, self.trusted)

    def guess(self, backoff: Backoff, address: str, target: str, right: bool) -> bool:
        """Whether a guess of `target` (a session's key, or `CODES`) from `address` was right. A
        right guess always passes, even while the address is slowed. A wrong one raises a 429
        refusal while this address must wait before guessing `target` again; else it is counted
        (each kind of guess apart: wrong keys of one session do not slow its codes)."""
        if right:
            return True
        key = f"{address}|{target}"
        wait = backoff.wait(key)
        if wait > 0:
            raise Refusal("limits.too_many_tries", 429, seconds(wait), seconds=seconds(wait))
        backoff.fail(key)
        return False

    def code_guess(self, address: str, known: bool) -> bool:
        """`guess` of a session code: whether it is `known`; raises while unknown ones must wait."""
        return self.guess(self.codes, address, CODES, known)

    def key_guess(self, address: str, code: str, right: bool) -> bool:
        """`guess` of the host key of session `code`; raises while wrong ones must wait."""
        return self.guess(self.keys, address, code, right)

    def check_organiser(self, given: str | None, address: str) -> None:
        """Raises a refusal unless no organiser key is set or `given` is it (401 none, 403 wrong,
        429 while wrong ones from this address must wait)."""
        if not self.organiser_key:
            return
        if not given:
            raise Refusal("limits.organiser_key_missing", 401)
        right = hmac.compare_digest(given.encode(), self.organiser_key.encode())
        if not self.guess(self.keys, address, "organiser", right):
            raise Refusal("limits.organiser_key_wrong", 403)

    def check_capacity(self, address: str, open_sessions: int) -> None:
        """Whether `address` may open a session now (after `check_organiser`); takes one of its
        tokens when it may."""
        if self.max_open and open_sessions >= self.max_open:
            raise Refusal("limits.too_many_open", 429, 3600, max=self.max_open)
        if self.creations is not None:
            wait = self.creations.take(address)
            if wait > 0:
                retry = seconds(wait)
                raise Refusal("limits.too_many_creations", 429, retry, minutes=max(1, math.ceil(retry / 60)))
