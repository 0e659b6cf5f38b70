"""Privacy: the personal-data detector, neutral labels, the token unlink on close, erasure and
retention with an injected clock."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitation import privacy
from facilitation.restitution import archive
from facilitation.rooms import Rooms
from facilitation.store import Store
from tests.unit.test_restitution_support import registry, run_session, write_plan

TOKENS = [f"Tk{i}x-RANDOMTOKENVALUE{i:02d}" for i in range(5)]


def raw_bytes(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Écrivez-moi à marie.curie@example.fr", ["email"]),
        ("Mon numéro : 06 12 34 56 78", ["phone"]),
        ("appelez le +33 6 12 34 56 78 demain", ["phone"]),
        ("ou le 01.23.45.67.89", ["phone"]),
        ("Comme l'a dit Jean Dupont hier", ["name"]),
        ("Selon Mme Martin, c'est possible", ["title"]),  # a title and a surname
        ("Claire DURAND a raison", ["name"]),
        ("voir @etalab sur les réseaux", ["handle"]),
        ("Jean-Pierre Le Gall et sophie.martin@gouv.fr", ["name", "email"]),
    ],
)
def test_finds_names_addresses_numbers(text: str, kinds: list[str]) -> None:
    assert [f.kind for f in privacy.find_personal_data(text)] == kinds


@pytest.mark.parametrize(
    "text",
    [
        "Ouvrir les données publiques par défaut",
        "Les forums Open d'État doivent aller en province",
        "Budget 2018 : 12 000 euros, 15 références",
        "La règle de Chatham House protège la parole",
        "",
    ],
)
def test_plain_contributions_are_not_flagged(text: str) -> None:
    assert privacy.find_personal_data(text) == []


def test_labels_follow_arrival_and_scrub_keys_and_values() -> None:
    labels = privacy.labels_for(["aaaaaaaaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbbbbbbbb"])
    assert labels == {"aaaaaaaaaaaaaaaaaaaaaa": "participant 1", "bbbbbbbbbbbbbbbbbbbbbb": "participant 2"}
    data = {"bbbbbbbbbbbbbbbbbbbbbb": ["aaaaaaaaaaaaaaaaaaaaaa", "topic:aaaaaaaaaaaaaaaaaaaaaa", 3]}
    assert privacy.scrub(data, labels) == {"participant 2": ["participant 1", "topic:participant 1", 3]}


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    write_plan(tmp_path / "plans")
    return tmp_path / "plans"


def test_close_cuts_the_link_between_browsers_and_tokens(tmp_path, plans, clock) -> None:
    path = tmp_path / "cercle.db"
    rooms = Rooms(Store(path), clock=clock, registry=registry(), plans_dir=plans)
    room = run_session(rooms, clock, TOKENS)
    assert any(t.encode() in raw_bytes(path) for t in TOKENS)  # while live, tokens are stored
    votes_before = sorted(room.state.activities[1].votes.values())
    assert archive.finalise(room) is True
    assert archive.finalise(room) is False  # once
    assert not any(t.encode() in raw_bytes(path) for t in TOKENS)  # database and WAL alike
    assert list(room.state.participants) == [f"participant {n}" for n in range(1, 6)]
    rooms.store.close()

    # After a restart, replay gives the same session, with labels.
    again = Rooms(Store(path), clock=clock, registry=registry(), plans_dir=plans)
    replayed = again.get(room.code)
    assert replayed is not None and replayed.state.status == "closed"
    assert sorted(replayed.state.activities[1].votes.values()) == votes_before
    assert set(replayed.state.activities[1].votes) == {f"participant {n}" for n in range(1, 6)}
    again.store.close()


def test_erase_removes_everything_of_the_session_from_the_files(tmp_path, plans, clock) -> None:
    path = tmp_path / "cercle.db"
    rooms = Rooms(Store(path), clock=clock, registry=registry(), plans_dir=plans)
    room = run_session(rooms, clock, TOKENS)
    archive.finalise(room)
    archive.post_comment(rooms, room.code, "UNIQUE-COMMENT-MARKER", archive.RateLimiter(), "k")
    other = run_session(rooms, clock, ["x" * 22])
    assert b"UNIQUE-COMMENT-MARKER" in raw_bytes(path) and b"Jean Dupont" in raw_bytes(path)

    assert privacy.erase_session(rooms, room.code) is True
    assert rooms.get(room.code) is None and not rooms.store.code_taken(room.code)
    assert archive.document(rooms, room.code, "fr") is None
    assert b"UNIQUE-COMMENT-MARKER" not in raw_bytes(path)
    assert rooms.get(other.code) is not None  # the other session is untouched
    assert privacy.erase_session(rooms, room.code) is False


def test_retention_purges_raw_events_and_keeps_the_restitution(tmp_path, plans, clock) -> None:
    path = tmp_path / "cercle.db"
    rooms = Rooms(Store(path), clock=clock, registry=registry(), plans_dir=plans)
    room = run_session(rooms, clock, TOKENS)
    code = room.code
    live = run_session(rooms, clock, ["y" * 22], close=False, named="Paul Martin")
    before = archive.document(rooms, code, "fr")
    assert before is not None
    rooms.store.close()

    clock.advance(29 * privacy.DAY)
    rooms = Rooms(Store(path), clock=clock, registry=registry(), plans_dir=plans)
    assert archive.start_up(rooms, 30, now=clock()) == []  # not yet: 29 days
    assert rooms.store.count_events(code) > 0
    assert rooms.store.archive(code)["unlinked_at"] is not None  # the close was finished

    clock.advance(2 * privacy.DAY)
    assert archive.start_up(rooms, 0, now=clock()) == []  # 0 keeps everything
    stored_notes = raw_bytes(path).count(b"fake_notes.note_added")
    assert archive.start_up(rooms, 30, now=clock()) == [code]
    assert rooms.store.count_events(code) == 0
    assert rooms.store.count_events(live.code) > 0  # a live session is never purged
    assert raw_bytes(path).count(b"fake_notes.note_added") == stored_notes // 2  # zeroed, not freed

    after = archive.document(rooms, code, "fr")
    assert after is not None
    assert after.sections == before.sections and after.agenda == before.agenda
    assert archive.is_published(rooms, code)
    archive.post_comment(rooms, code, "Toujours ouvert aux commentaires", archive.RateLimiter(), "k")
    assert archive.document(rooms, code, "en").comments[0].text == "Toujours ouvert aux commentaires"
    assert archive.start_up(rooms, 30, now=clock()) == []  # once


def test_comments_are_limited_in_length_and_rate(tmp_path, plans, clock) -> None:
    rooms = Rooms(Store(tmp_path / "c.db"), clock=clock, registry=registry(), plans_dir=plans)
    draft, _ = rooms.create(plan="essai")
    limiter = archive.RateLimiter(clock=clock)
    with pytest.raises(archive.RuleViolation) as refusal:
        archive.post_comment(rooms, draft.code, "trop tôt", limiter, "k")
    assert refusal.value.key == "restitution.error.not_published"
    room = run_session(rooms, clock, TOKENS)
    with pytest.raises(archive.RuleViolation, match="too_long"):
        archive.post_comment(rooms, room.code, "x" * (archive.MAX_COMMENT + 1), limiter, "k")
    with pytest.raises(archive.RuleViolation, match="empty"):
        archive.post_comment(rooms, room.code, "   ", limiter, "k")
    archive.post_comment(rooms, room.code, "premier", limiter, "k")
    with pytest.raises(archive.RuleViolation) as refusal:
        archive.post_comment(rooms, room.code, "second", limiter, "k")
    assert refusal.value.message("en") == "Slow down: wait 20 seconds before commenting again."
    archive.post_comment(rooms, room.code, "another connection", limiter, "other")
    clock.advance(21)
    archive.post_comment(rooms, room.code, "second", limiter, "k")
    assert [c["text"] for c in rooms.store.comments(room.code)] == ["premier", "another connection", "second"]
    with pytest.raises(archive.RuleViolation, match="reason_required"):
        archive.hide_comment(rooms, room.code, 1, "  ")
