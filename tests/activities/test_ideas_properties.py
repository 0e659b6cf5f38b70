"""The dot vote on random sequences of taps and moves: never more than N dots a person, a move
keeps the total, and the ranking is what the ballots say."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from activities.ideas import state as ideas
from facilitation import session as rules
from facilitation.i18n import RuleViolation
from tests.activities.forum_helpers import Forum
from tests.harness import said

IDEAS = 0
steps = st.lists(
    st.tuples(
        st.integers(0, 3),  # who
        st.sampled_from(["set", "move"]),
        st.integers(0, 3),  # an option
        st.integers(0, 3),  # dots, or the other option of a move
    ),
    max_size=60,
)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 5), steps)
def test_never_more_than_n_dots_and_moves_keep_the_total(n, taps) -> None:
    f = Forum([rules.AgendaItem(title="Idées", kind="ideas", settings={"dots": n})], people=4)
    for text in ("Budget participatif", "Jury citoyen", "Open data", "Écrire simple"):
        f.phone(f.tokens[0], IDEAS, ideas.add_idea, said(text))
    f.host(IDEAS, ideas.set_stage, "vote")
    state = f.state(IDEAS)
    targets = [o.id for o in state.options()]
    for who, kind, option, value in taps:
        token = f.tokens[who]
        before = state.used(token)
        try:
            if kind == "set":
                f.phone(token, IDEAS, ideas.set_dots, targets[option], value)
            else:
                f.phone(token, IDEAS, ideas.move_dot, targets[option], targets[value])
                assert state.used(token) == before  # a move keeps the total
        except RuleViolation:
            assert state.used(token) == before  # a refusal changes nothing
        assert state.used(token) <= n
    tally = state.tally()
    assert sum(tally.values()) == sum(state.used(t) for t in f.tokens)
    assert all(n >= 0 for n in tally.values())
