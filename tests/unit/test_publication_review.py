"""Nothing published before review: the rules of `feedback.set_publication`, `publish_if_clear`
and `session.close` with the check before publishing (`archive.review`) and the moderation
queue."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitation import feedback
from facilitation import session as rules
from facilitation.commands import HOST, PUBLIC
from facilitation.i18n import RuleViolation
from facilitation.moderation import Screened, Span, flag_text
from facilitation.restitution import archive
from facilitation.rooms import Rooms
from tests.unit.test_restitution_support import FAKE, registry, run_session, write_plan

TOKENS = ["A" * 22, "B" * 22, "C" * 22]


@pytest.fixture
def rooms(make_store, clock, tmp_path: Path) -> Rooms:
    write_plan(tmp_path / "plans")  # its plan publishes at close
    return Rooms(make_store(), clock=clock, registry=registry(), plans_dir=tmp_path / "plans")


def hide_named_note(room) -> None:
    room.run_now(HOST, feedback.moderate_text, FAKE, "n2", hide=True, reason="nom cité", item=1)


async def test_a_plan_that_publishes_waits_for_an_open_finding_then_publishes_once_cleared(rooms) -> None:
    room = run_session(rooms, rooms.clock, TOKENS, close=False)  # a note names Jean Dupont
    review, found = await archive.review(room)
    assert review.findings == 1 and [s.text_id for s in found] == ["n2"]
    events = room.run_now(HOST, rules.close, review=review)
    assert [e.type for e in events if isinstance(e, feedback.PublicationChosen)] == [
        "session.publication_chosen"
    ]
    assert room.state.awaiting_review and not room.state.published
    assert not archive.is_published(rooms, room.code)
    with pytest.raises(RuleViolation, match="not_published"):
        room.run_now(PUBLIC, feedback.post_comment, Screened(text="trop tôt"))

    # Publishing without the explicit choice is refused by the command itself.
    with pytest.raises(RuleViolation) as refusal:
        room.run_now(HOST, feedback.set_publication, True, review=review)
    assert refusal.value.key == "restitution.error.review_open"
    assert refusal.value.params == {"held": 0, "findings": 1}
    assert room.run_now(HOST, feedback.publish_if_clear, review) == []  # not clear: nothing
    assert not room.state.published

    # The facilitator hides the note: the check is clear, the waiting record is published.
    hide_named_note(room)
    assert room.run_now(HOST, feedback.publish_if_clear, review) == []  # an old check is no check
    cleared, _ = await archive.review(room)
    assert cleared.findings == 0
    assert [e.type for e in room.run_now(HOST, feedback.publish_if_clear, cleared)] == [
        "session.publication_chosen"
    ]
    assert room.state.published and archive.is_published(rooms, room.code)
    assert all(m.action != "publish_anyway" for m in room.state.moderation)


async def test_close_without_a_check_never_publishes(rooms) -> None:
    room = run_session(rooms, rooms.clock, TOKENS, close=False)
    hide_named_note(room)
    room.run_now(HOST, rules.close)  # no review given: the record waits
    assert room.state.awaiting_review and not archive.is_published(rooms, room.code)


async def test_a_clear_review_publishes_at_close(rooms) -> None:
    room = run_session(rooms, rooms.clock, TOKENS, close=False)
    hide_named_note(room)
    review, _ = await archive.review(room)
    room.run_now(HOST, rules.close, review=review)
    assert room.state.published and not room.state.awaiting_review


async def test_publishing_anyway_is_logged_with_counts_and_never_a_text(rooms) -> None:
    room = run_session(rooms, rooms.clock, TOKENS, close=False)
    review, _ = await archive.review(room)
    room.run_now(HOST, rules.close, review=review)
    events = room.run_now(HOST, feedback.set_publication, True, review=review, anyway=True)
    assert [type(e) for e in events] == [feedback.PublishedAnyway, feedback.PublicationChosen]
    assert room.state.published
    [record] = room.state.moderation
    assert (record.target, record.action, record.held, record.findings) == ("record", "publish_anyway", 0, 1)
    assert rooms.store.count_events(room.code, "session.published_anyway") == 1
    exported = archive.export(rooms, room.code, "json", "fr")
    assert exported is not None and '"publish_anyway"' in exported[1]
    md = archive.export(rooms, room.code, "md", "fr")
    assert (
        md is not None
        and "(textes en attente de relecture : 0 ; signalements ouverts de la vérification avant publication : 1)"
        in md[1]
    )
    assert "Dupont" not in str(room.state.moderation)


async def test_a_text_held_in_the_queue_blocks_publication_whatever_the_check_says(rooms) -> None:
    room = run_session(rooms, rooms.clock, TOKENS, close=False)
    hide_named_note(room)
    review, _ = await archive.review(room)
    room.run_now(HOST, rules.close, review=review)
    assert room.state.published
    personal = Screened(
        text="Écrivez à paul.martin@example.org", spans=(Span(kind="email", start=10, end=33),)
    )
    room.run_now(PUBLIC, feedback.post_comment, personal)  # held for review
    room.run_now(HOST, feedback.set_publication, False)
    clear, _ = await archive.review(room)
    assert clear.findings == 0  # the held comment is the queue's, not the check's
    with pytest.raises(RuleViolation) as refusal:
        room.run_now(HOST, feedback.set_publication, True, review=clear)
    assert refusal.value.params == {"held": 1, "findings": 0}
    room.run_now(HOST, feedback.set_publication, True, review=clear, when_clear=True)
    assert room.state.awaiting_review and not room.state.published
    room.run_now(HOST, feedback.moderate_comment, 1, hide=True, reason="adresse")
    again, _ = await archive.review(room)
    room.run_now(HOST, feedback.publish_if_clear, again)
    assert room.state.published


async def test_choosing_before_close_is_the_choice_made_at_close(rooms) -> None:
    room = run_session(rooms, rooms.clock, TOKENS, close=False)
    room.run_now(HOST, feedback.set_publication, False)
    room.run_now(HOST, feedback.set_publication, True)  # live: no review needed to choose
    assert room.state.publish_choice is True and not room.state.published
    room.run_now(HOST, rules.close)
    assert room.state.awaiting_review
    room.run_now(HOST, feedback.set_publication, False)  # withdrawn: nothing waits any more
    assert not room.state.awaiting_review and not room.state.will_publish


def test_the_publication_topic_reaches_phones_only_for_publication() -> None:
    chosen = feedback.PublicationChosen(publish=True, at=1.0)
    assert feedback.PUBLICATION_TOPIC in rules.topics(chosen)
    anyway = feedback.PublishedAnyway(held=1, findings=2, at=1.0)
    assert feedback.PUBLICATION_TOPIC not in rules.topics(anyway)
    assert feedback.PublishedAnyway.type in rules.KEPT_ON_PURGE


def test_a_flag_says_the_kind_found_never_the_words() -> None:
    spans = [
        Span(kind="name", start=0, end=11),
        Span(kind="email", start=20, end=40),
        Span(kind="name", start=50, end=60),
    ]
    assert flag_text(spans, "fr") == "adresse e-mail ?, nom de personne ?"
    assert flag_text(spans, "en") == "e-mail address?, a person's name?"
    assert flag_text([], "fr") == ""


def test_a_postal_address_is_flagged_as_such() -> None:
    spans = [Span(kind="address", start=0, end=24)]
    assert flag_text(spans, "fr") == "adresse postale ?"
    assert flag_text(spans, "en") == "postal address?"
