"""Random sequences of agenda edits, moves and agenda moves: the current item is never lost, the
past is never reordered or rewritten, and the log replays to the same state."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from facilitation import agenda
from facilitation import session as rules
from facilitation.agenda import AgendaItem
from facilitation.commands import HOST
from facilitation.events import decode, encode
from facilitation.i18n import RuleViolation
from facilitation.session import replay
from tests.harness import new_session, run

KINDS = ["moment", "speaking_turns"]

step = st.one_of(
    st.tuples(st.just("add"), st.sampled_from(KINDS), st.integers(0, 12)),
    st.tuples(st.just("edit"), st.integers(0, 15), st.integers(0, 90)),
    st.tuples(st.just("remove"), st.integers(0, 15)),
    st.tuples(st.just("duplicate"), st.integers(0, 15)),
    st.tuples(st.just("move"), st.integers(0, 15), st.integers(0, 12)),
    st.tuples(st.just("reorder"), st.randoms(use_true_random=False)),
    st.tuples(
        st.just("next"),
    ),
    st.tuples(st.just("goto"), st.integers(0, 15)),
)


def apply_step(state, s, now: float) -> list:
    kind = s[0]
    if kind == "add":
        return run(state, HOST, agenda.add_item, {"title": f"Point {now}", "kind": s[1]}, s[2], now=now)
    if kind == "edit":
        return run(state, HOST, agenda.edit_item, s[1], duration_min=s[2], now=now)
    if kind == "remove":
        return run(state, HOST, agenda.remove_item, s[1], now=now)
    if kind == "duplicate":
        return run(state, HOST, agenda.duplicate_item, s[1], now=now)
    if kind == "move":
        return run(state, HOST, agenda.move_item, s[1], s[2], now=now)
    if kind == "reorder":
        order = state.order
        s[1].shuffle(order)
        return run(state, HOST, agenda.reorder, order, now=now)
    if kind == "next":
        return run(state, HOST, rules.next_item, now=now)
    return run(state, HOST, rules.move_to, s[1], now=now)


@settings(max_examples=150, deadline=None)
@given(st.booleans(), st.lists(step, max_size=30))
def test_agenda_edits_keep_the_current_item_and_the_past(start: bool, steps) -> None:
    state = new_session([AgendaItem(title=f"Item {n}", kind=KINDS[n % 2], duration_min=10) for n in range(4)])
    log = []
    if start:
        log += run(state, HOST, rules.start, now=1.0)
    for n, s in enumerate(steps):
        current, started = state.current, dict(state.item_started)
        before = state.order
        past = [i for i in before if state.started(i)]
        prefix = before[: state.after_current()]
        items_before = {i: state.agenda[i] for i in past}
        try:
            events = apply_step(state, s, float(n + 2))
        except RuleViolation:
            events = []
        log += events
        if s[0] not in ("next", "goto"):
            assert state.current == current  # an edit never changes the current item
            assert current is None or current in state.agenda  # nor loses it
            kept = [i for i in prefix if i in state.order]  # a skipped item may be removed, nothing else
            assert set(prefix) - set(kept) <= set(prefix) - set(past) - {current}
            assert state.order[: len(kept)] == kept  # nor reorders anything up to it
            assert [i for i in state.order if i in started] == past  # the past keeps its order
            assert all(state.agenda[i] == items_before[i] for i in past)  # and its content
        assert sorted(state.activities) == sorted(i for i, it in state.agenda.items() if it.kind != "moment")
        assert len(set(state.order)) == len(state.order) and state.next_id > max(state.order, default=-1)
    # replay: the same session from its own log, through JSON
    replayed = replay([*_creation_events(state), *[decode(*encode(e)) for e in log]])
    assert replayed.order == state.order and replayed.agenda == state.agenda
    assert (replayed.current, replayed.item_started, replayed.item_ended) == (
        state.current,
        state.item_started,
        state.item_ended,
    )
    assert {i: s.model_dump() for i, s in replayed.activities.items()} == {
        i: s.model_dump() for i, s in state.activities.items()
    }


def _creation_events(state) -> list:
    return [
        rules.SessionCreated(
            code="ABCDEF",
            title="Forum",
            agenda=[AgendaItem(title=f"Item {n}", kind=KINDS[n % 2], duration_min=10) for n in range(4)],
            at=100.0,
        )
    ]
