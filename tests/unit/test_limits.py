"""The limits, on an injected clock: buckets, back-off, comments, addresses, session creation."""

from __future__ import annotations

import ipaddress

import pytest

from facilitation import drafts
from facilitation import session as rules
from facilitation.commands import HOST, Actor
from facilitation.limits import (
    AddressKeys,
    Backoff,
    Buckets,
    CommentLimiter,
    Limits,
    Refusal,
    client_address,
    parse_networks,
)
from facilitation.settings import Settings
from tests.conftest import FakeClock


def test_a_bucket_lets_a_burst_through_then_refills_at_its_rate(clock: FakeClock) -> None:
    bucket = Buckets(rate=20 / 3600, burst=5, clock=clock)
    assert [bucket.take("a") for _ in range(5)] == [0.0] * 5
    wait = bucket.take("a")
    assert wait == pytest.approx(180.0)  # one token every 3 minutes
    assert bucket.take("b") == 0.0  # another address has its own bucket
    clock.advance(180)
    assert bucket.take("a") == 0.0 and bucket.take("a") > 0


def test_a_full_bucket_is_forgotten(clock: FakeClock) -> None:
    bucket = Buckets(rate=1.0, burst=3, clock=clock)
    bucket.take("a")
    assert len(bucket) == 1
    clock.advance(5)
    bucket.sweep(force=True)
    assert len(bucket) == 0


def test_backoff_is_free_then_doubles_and_forgives(clock: FakeClock) -> None:
    backoff = Backoff(free=10, base=1.0, cap=300.0, forgive=60.0, clock=clock)
    for _ in range(10):
        backoff.fail("a")
    assert backoff.wait("a") == 0  # ten failures cost nothing
    backoff.fail("a")
    assert backoff.wait("a") == pytest.approx(1.0)
    clock.advance(1)
    backoff.fail("a")
    assert backoff.wait("a") == pytest.approx(2.0, abs=0.1)
    for _ in range(20):
        backoff.fail("a")
    assert backoff.wait("a") == 300.0  # capped
    assert backoff.wait("b") == 0  # per address
    clock.advance(31 * 60 + 300)  # every failure forgiven
    assert backoff.wait("a") == 0 and backoff.failures("a") == 0
    backoff.sweep(force=True)
    assert len(backoff) == 0


def test_comments_are_limited_per_participant(clock: FakeClock) -> None:
    limiter = CommentLimiter(clock=clock)
    assert limiter.wait("S", "p1", "net") == 0
    limiter.record("S", "p1", "net")
    assert limiter.wait("S", "p1", "net") == 20  # one per 20 s
    assert limiter.wait("S", "p2", "net") == 0  # the neighbour on the same network may
    for _ in range(4):
        clock.advance(21)
        limiter.record("S", "p1", "net")
    clock.advance(21)
    assert limiter.wait("S", "p1", "net") > 3000  # five an hour


def test_one_address_cannot_lock_a_session_out(clock: FakeClock) -> None:
    limiter = CommentLimiter(clock=clock)
    posted = 0
    for n in range(30):  # thirty fresh browsers behind one address, within a minute
        if limiter.wait("S", f"browser-{n}", "one-network") == 0:
            limiter.record("S", f"browser-{n}", "one-network")
            posted += 1
    assert posted == 10  # its share of the session's 30 a minute
    assert limiter.wait("S", "someone-else", "another-network") == 0
    assert limiter.wait("OTHER", "browser-99", "one-network") == 0  # another session is apart


def test_an_address_has_its_own_hourly_limit(clock: FakeClock) -> None:
    limiter = CommentLimiter(clock=clock, per_address=3)
    for n in range(3):
        limiter.record(f"S{n}", f"p{n}", "net")
    assert limiter.wait("S9", "p9", "net") > 0
    clock.advance(3601)
    assert limiter.wait("S9", "p9", "net") == 0


@pytest.mark.parametrize(
    ("peer", "forwarded", "trusted", "expected"),
    [
        ("203.0.113.5", "198.51.100.1", "", "203.0.113.5"),  # no proxy trusted: the peer
        ("203.0.113.5", "198.51.100.1", "127.0.0.1", "203.0.113.5"),  # an untrusted peer's header
        ("127.0.0.1", "198.51.100.1", "127.0.0.1", "198.51.100.1"),
        ("127.0.0.1", "6.6.6.6, 198.51.100.1", "127.0.0.1", "198.51.100.1"),  # the left is forgeable
        ("10.0.0.2", "198.51.100.1, 10.0.0.9", "10.0.0.0/8", "198.51.100.1"),  # a chain of proxies
        ("127.0.0.1", None, "127.0.0.1", "127.0.0.1"),
        ("127.0.0.1", "not-an-address", "127.0.0.1", None),
    ],
)
def test_the_client_address(peer, forwarded, trusted, expected) -> None:
    assert client_address(peer, forwarded, parse_networks(trusted)) == expected


def test_trusted_proxies_are_parsed_or_refused() -> None:
    assert parse_networks("127.0.0.1, 10.0.0.0/8;::1") == (
        ipaddress.ip_network("127.0.0.1/32"),
        ipaddress.ip_network("10.0.0.0/8"),
        ipaddress.ip_network("::1/128"),
    )
    with pytest.raises(ValueError, match="proxy.example"):
        parse_networks("proxy.example")


def test_an_address_becomes_a_keyed_hash() -> None:
    keys = AddressKeys(b"s" * 32)
    key = keys("198.51.100.173")
    assert "198" not in key and len(key) == 20
    assert key == keys("198.51.100.173") != AddressKeys(b"t" * 32)("198.51.100.173")
    assert keys("2001:db8:1:2::1") == keys("2001:db8:1:2:ffff::9")  # one /64, one subscriber
    assert keys("2001:db8:1:3::1") != keys("2001:db8:1:2::1")
    assert keys("::ffff:198.51.100.173") == key


def settings(**changes) -> Settings:
    return Settings(**changes)


def test_the_organiser_key_is_asked_then_checked(clock: FakeClock) -> None:
    limits = Limits.from_settings(settings(organiser_key="sesame"), clock)
    with pytest.raises(Refusal) as missing:
        limits.check_organiser(None, "addr")
    assert missing.value.status == 401 and "clé d'organisation" in missing.value.message("fr")
    with pytest.raises(Refusal) as wrong:
        limits.check_organiser("sesam", "addr")
    assert wrong.value.status == 403 and "Wrong organiser key" in wrong.value.message("en")
    limits.check_organiser("sesame", "addr")
    Limits.from_settings(settings(), clock).check_organiser(None, "addr")  # no key set: open


def test_wrong_organiser_keys_slow_the_address_down(clock: FakeClock) -> None:
    limits = Limits.from_settings(settings(organiser_key="sesame"), clock)
    for _ in range(11):
        with pytest.raises(Refusal):
            limits.check_organiser("guess", "addr")
    with pytest.raises(Refusal) as slowed:
        limits.check_organiser("guess", "addr")
    assert slowed.value.status == 429 and slowed.value.retry_after == 1
    limits.check_organiser("sesame", "addr")  # the right key is never slowed
    with pytest.raises(Refusal) as elsewhere:
        limits.check_organiser("guess", "other")
    assert elsewhere.value.status == 403


def test_only_wrong_guesses_wait_and_each_kind_apart(clock: FakeClock) -> None:
    limits = Limits.from_settings(settings(), clock)
    for _ in range(11):
        assert limits.code_guess("nat", known=False) is False
        assert limits.key_guess("nat", "AAAAAA", right=False) is False
    with pytest.raises(Refusal) as codes:
        limits.code_guess("nat", known=False)
    assert codes.value.status == 429
    with pytest.raises(Refusal):
        limits.key_guess("nat", "AAAAAA", right=False)
    # the same address, slowed on both: whoever has a right code or key passes
    assert limits.code_guess("nat", known=True) and limits.key_guess("nat", "AAAAAA", right=True)
    assert limits.key_guess("nat", "CCCCCC", right=False) is False  # another session's key: counted apart
    assert limits.code_guess("other", known=False) is False  # another address
    clock.advance(300)
    assert limits.code_guess("nat", known=False) is False  # the door reopens for wrong guesses too


def test_backoff_remembers_a_bounded_number_of_keys(clock: FakeClock) -> None:
    backoff = Backoff(free=0, clock=clock, max_keys=100)
    for n in range(1000):
        backoff.fail(f"guess-{n}")
        clock.advance(0.001)
    assert len(backoff) == 100
    assert backoff.wait("guess-999") > 0 and backoff.wait("guess-0") == 0  # the oldest went first
    backoff.fail("guess-900")  # a key failing again is kept as the most recent
    for n in range(99):
        backoff.fail(f"more-{n}")
    assert backoff.failures("guess-900") == pytest.approx(2, abs=0.01) and len(backoff) == 100


def test_creations_per_address_and_open_sessions_are_capped(clock: FakeClock) -> None:
    limits = Limits.from_settings(
        settings(creations_per_hour=20, creations_burst=2, max_open_sessions=3), clock
    )
    limits.check_capacity("addr", 0)
    limits.check_capacity("addr", 1)
    with pytest.raises(Refusal) as burst:
        limits.check_capacity("addr", 2)
    assert burst.value.status == 429 and burst.value.retry_after == 180
    assert "3 min" in burst.value.message("fr")
    limits.check_capacity("other", 2)
    with pytest.raises(Refusal) as full:
        limits.check_capacity("third", 3)
    assert full.value.status == 429 and "(3)" in full.value.message("en")
    unlimited = Limits.from_settings(settings(creations_per_hour=0, max_open_sessions=0), clock)
    for n in range(50):
        unlimited.check_capacity("addr", n)


def test_sessions_never_started_are_erased_after_their_delay(rooms, clock: FakeClock) -> None:
    forgotten, _ = rooms.create(title="Oubliée")
    joined, _ = rooms.create(title="Quelqu'un est venu")
    joined.run_now(Actor.participant("T" * 22), rules.join, None, "room")
    started, _ = rooms.create(title="Démarrée")
    started.run_now(HOST, rules.start)
    clock.advance(71 * 3600)
    recent, _ = rooms.create(title="Récente")
    assert drafts.purge_unstarted(rooms, 72) == 0
    clock.advance(2 * 3600)
    assert rooms.open_count() == 4
    assert drafts.purge_unstarted(rooms, 72) == 1
    assert not rooms.store.code_taken(forgotten.code) and rooms.get(forgotten.code) is None
    assert all(rooms.store.code_taken(r.code) for r in (joined, started, recent))
    assert rooms.open_count() == 3
    assert drafts.purge_unstarted(rooms, 0) == 0  # 0 keeps them
