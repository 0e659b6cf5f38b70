"""Privacy: the personal-data detector, neutral labels, the token unlink on close, erasure and
retention with an injected clock."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitation import feedback, privacy, session
from facilitation.commands import HOST, PUBLIC, SYSTEM
from facilitation.i18n import RuleViolation
from facilitation.restitution import archive
from facilitation.rooms import DAY, Rooms
from facilitation.store import SqliteStore as Store
from tests.harness import said
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


@pytest.mark.sqlite_only
def test_close_cuts_the_link_between_browsers_and_tokens(tmp_path, plans, clock) -> None:
    path = tmp_path / "cercle.db"
    rooms = Rooms(Store(path), clock=clock, registry=registry(), plans_dir=plans)
    room = run_session(rooms, clock, TOKENS, close=False)
    assert any(t.encode() in raw_bytes(path) for t in TOKENS)  # while live, tokens are stored
    votes_before = sorted(room.state.activities[1].votes.values())
    events = room.run_now(HOST, session.close)
    assert "session.unlinked" in [e.type for e in events]  # the privacy step is part of closing
    assert room.run_now(SYSTEM, session.unlink) == []  # once
    assert not any(t.encode() in raw_bytes(path) for t in TOKENS)  # database and WAL alike
    assert list(room.state.participants) == [f"participant {n}" for n in range(1, 6)]
    assert set(room.state.activities[1].votes) == {f"participant {n}" for n in range(1, 6)}
    in_memory = room.state.model_dump(), room.state.activities[1].model_dump()
    rooms.store.close()

    # After a restart, replay gives the same session, with labels: what apply did in memory.
    again = Rooms(Store(path), clock=clock, registry=registry(), plans_dir=plans)
    replayed = again.get(room.code)
    assert replayed is not None and replayed.state.status == "closed"
    assert sorted(replayed.state.activities[1].votes.values()) == votes_before
    assert (replayed.state.model_dump(), replayed.state.activities[1].model_dump()) == in_memory
    again.store.close()


@pytest.mark.sqlite_only
def test_a_close_that_missed_its_privacy_step_is_finished_at_start_up(tmp_path, plans, clock) -> None:
    path = tmp_path / "cercle.db"
    rooms = Rooms(Store(path), clock=clock, registry=registry(), plans_dir=plans)
    room = run_session(rooms, clock, TOKENS, close=False)
    # As an older Cercle wrote it: closed, tokens still in the log.
    rooms.store.append(room.code, [session.SessionClosed(at=clock())], clock(), status="closed")
    assert any(t.encode() in raw_bytes(path) for t in TOKENS)
    rooms.store.close()
    again = Rooms(Store(path), clock=clock, registry=registry(), plans_dir=plans)
    archive.start_up(again, 0)
    assert not any(t.encode() in raw_bytes(path) for t in TOKENS)
    assert again.store.restitution(room.code, "fr") is not None  # the projection saved it
    assert archive.start_up(again, 0) == [] and again.finish_closes() == 0


@pytest.mark.sqlite_only
def test_erase_removes_everything_of_the_session_from_the_files(tmp_path, plans, clock) -> None:
    path = tmp_path / "cercle.db"
    rooms = Rooms(Store(path), clock=clock, registry=registry(), plans_dir=plans)
    archive.attach(rooms)
    room = run_session(rooms, clock, TOKENS)
    room.run_now(PUBLIC, feedback.post_comment, said("UNIQUE-COMMENT-MARKER"))
    other = run_session(rooms, clock, ["x" * 22])
    assert b"UNIQUE-COMMENT-MARKER" in raw_bytes(path) and b"Jean Dupont" in raw_bytes(path)

    assert rooms.erase(room.code) is True
    assert rooms.get(room.code) is None and not rooms.store.code_taken(room.code)
    assert archive.document(rooms, room.code, "fr") is None
    assert b"UNIQUE-COMMENT-MARKER" not in raw_bytes(path)
    assert rooms.get(other.code) is not None  # the other session is untouched
    assert rooms.erase(room.code) is False
    with pytest.raises(RuleViolation, match="error.erased"):  # views still holding it refuse
        room.run_now(PUBLIC, feedback.post_comment, said("after"))


@pytest.mark.sqlite_only
def test_retention_purges_raw_events_and_keeps_the_restitution(tmp_path, plans, clock) -> None:
    path = tmp_path / "cercle.db"
    rooms = Rooms(Store(path), clock=clock, registry=registry(), plans_dir=plans)
    archive.attach(rooms)
    room = run_session(rooms, clock, TOKENS)
    code = room.code
    room.run_now(PUBLIC, feedback.post_comment, said("Avant la purge"))
    live = run_session(rooms, clock, ["y" * 22], close=False, named="Paul Martin")
    before = archive.document(rooms, code, "fr")
    assert before is not None
    rooms.store.close()

    clock.advance(29 * DAY)
    rooms = Rooms(Store(path), clock=clock, registry=registry(), plans_dir=plans)
    assert archive.start_up(rooms, 30, now=clock()) == []  # not yet: 29 days
    assert rooms.store.count_events(code, "fake_notes.note_added") > 0

    clock.advance(2 * DAY)
    assert archive.start_up(rooms, 0, now=clock()) == []  # 0 keeps everything
    stored_notes = raw_bytes(path).count(b"fake_notes.note_added")
    assert archive.start_up(rooms, 30, now=clock()) == [code]
    assert rooms.store.count_events(code, "fake_notes.note_added") == 0
    kept = {row[0] for row in rooms.store.db.execute("SELECT type FROM events WHERE session = ?", [code])}
    assert kept <= session.KEPT_ON_PURGE and "session.comment_posted" in kept
    assert rooms.store.count_events(live.code) > 0  # a live session is never purged
    assert raw_bytes(path).count(b"fake_notes.note_added") == stored_notes // 2  # zeroed, not freed

    after = archive.document(rooms, code, "fr")
    assert after is not None
    assert after.sections == before.sections and after.agenda == before.agenda
    assert archive.is_published(rooms, code)
    rooms.get(code).run_now(PUBLIC, feedback.post_comment, said("Toujours ouvert aux commentaires"))
    assert [c.text for c in archive.document(rooms, code, "en").comments] == [
        "Avant la purge",
        "Toujours ouvert aux commentaires",
    ]
    assert archive.start_up(rooms, 30, now=clock()) == []  # once


def test_comments_are_checked_and_their_moderation_logged(make_store, plans, clock) -> None:
    rooms = Rooms(make_store(), clock=clock, registry=registry(), plans_dir=plans)
    draft, _ = rooms.create(plan="essai")
    with pytest.raises(RuleViolation) as refusal:
        draft.run_now(PUBLIC, feedback.post_comment, said("trop tôt"))
    assert refusal.value.key == "restitution.error.not_published"
    room = run_session(rooms, clock, TOKENS)
    with pytest.raises(RuleViolation, match="too_long"):
        room.run_now(PUBLIC, feedback.post_comment, said("x" * (feedback.MAX_COMMENT + 1)))
    with pytest.raises(RuleViolation, match="empty"):
        room.run_now(PUBLIC, feedback.post_comment, said("   "))
    room.run_now(PUBLIC, feedback.post_comment, said("premier"))
    room.run_now(PUBLIC, feedback.post_comment, said("second"))
    assert [c.text for c in room.state.comments] == ["premier", "second"]
    with pytest.raises(RuleViolation, match="forbidden"):
        room.run_now(PUBLIC, feedback.moderate_comment, 1, hide=True, reason="hors sujet")
    with pytest.raises(RuleViolation, match="reason_required"):
        room.run_now(HOST, feedback.moderate_comment, 1, hide=True, reason="  ")
    room.run_now(HOST, feedback.moderate_comment, 1, hide=True, reason="hors sujet")
    assert room.state.comments[0].hidden and room.state.moderation[-1].reason == "hors sujet"
    assert rooms.store.count_events(room.code, "session.comment_moderated") == 1
