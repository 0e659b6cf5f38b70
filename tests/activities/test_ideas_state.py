"""The idea workshop's rules: ideas posted and held, merged and grouped, imported from a café,
the stage, and the dot vote; replay through JSON gives the same state."""

from __future__ import annotations

import pytest

from activities.ideas import state as ideas
from activities.ideas.activity import ACTIVITY
from activities.ideas.events import IdeaModerated
from activities.ideas.report import report
from activities.world_cafe.events import ContributionAdded
from facilitation import session as rules
from facilitation.i18n import RuleViolation
from facilitation.moderation import Screened, Span
from tests.activities.forum_helpers import Forum
from tests.harness import said

CAFE, IDEAS = 0, 1


def forum(**settings) -> Forum:
    agenda = [
        rules.AgendaItem(title="Café", kind="world_cafe", settings={"themes": [{"title": "Données"}]}),
        rules.AgendaItem(title="Idées", kind="ideas", settings={"prompt": "Quelles pistes ?", **settings}),
    ]
    f = Forum(agenda, people=4)
    f.move_to(IDEAS)
    return f


def posted(f: Forum, *texts: str) -> list[str]:
    return [f.phone(f.tokens[0], IDEAS, ideas.add_idea, said(text))[0].idea for text in texts]


def test_phones_post_ideas_a_personal_one_is_held_and_duplicates_are_refused() -> None:
    f = forum(ideas=["Ouvrir les données des marchés"])
    assert [i.id for i in f.state(IDEAS).standing()] == ["i1"]
    posted(f, "Un comité d'usagers")
    personal = Screened(text="Demander à Jean Dupont", spans=(Span(kind="name", start=11, end=22),))
    held = f.phone(f.tokens[1], IDEAS, ideas.add_idea, personal)[0]
    assert held.held and held.held_reason == "personal"
    state = f.state(IDEAS)
    assert [o.label for o in state.options()] == ["Ouvrir les données des marchés", "Un comité d'usagers"]
    assert [t.id for t in ACTIVITY.free_texts(state) if t.held] == [held.idea]
    with pytest.raises(RuleViolation, match="ideas.error.duplicate"):
        posted(f, "un comité d'usagers")
    with pytest.raises(RuleViolation, match="ideas.error.length"):
        posted(f, "ok")


def test_merge_and_group_make_the_options() -> None:
    f = forum()
    a, b, c, d = posted(f, "Budget participatif", "Un budget participatif", "Jury citoyen", "Open data")
    f.host(IDEAS, ideas.merge_ideas, b, a)
    f.host(IDEAS, ideas.group_ideas, [a, c], "Participation")
    options = f.state(IDEAS).options()
    assert [(o.id, o.kind, o.label) for o in options] == [
        ("c1", "cluster", "Participation"),
        (d, "idea", "Open data"),
    ]
    assert options[0].ideas == ("Budget participatif", "Un budget participatif", "Jury citoyen")
    f.host(IDEAS, ideas.ungroup_idea, c)
    assert [o.id for o in f.state(IDEAS).options()] == ["c1", c, d]
    with pytest.raises(RuleViolation, match="ideas.error.unknown_idea"):
        f.host(IDEAS, ideas.merge_ideas, b, d)  # b is merged: no longer on the wall


def test_ideas_from_a_cafe_are_imported_once_as_copies() -> None:
    f = forum()
    for n, (kind, text) in enumerate(
        [("idea", "Former les agents"), ("actor", "La DINUM"), ("idea", "Écrire simple")]
    ):
        rules.apply(
            f.session,
            ContributionAdded(
                item=CAFE, id=f"c{n + 1}", table=0, rotation=0, group=0, kind=kind, text=text, at=1.0
            ),
        )
    rules.apply(
        f.session,
        ContributionAdded(
            item=CAFE, id="c4", table=0, rotation=0, group=0, kind="idea", text="X Y", held=True, at=1.0
        ),
    )
    events = f.host(IDEAS, ideas.import_ideas, CAFE)
    assert [(e.text, e.source, e.by) for e in events] == [
        ("Former les agents", "0:c1", "import"),
        ("Écrire simple", "0:c3", "import"),
    ]
    assert events[0].origin == "Café — Table 1 — Données"
    assert f.host(IDEAS, ideas.import_ideas, CAFE) == []  # already there
    with pytest.raises(RuleViolation, match="ideas.error.no_source"):
        f.host(IDEAS, ideas.import_ideas, IDEAS)


def test_the_dot_vote() -> None:
    f = forum(dots=3)
    a, b = posted(f, "Budget participatif", "Jury citoyen")
    me = f.tokens[2]
    with pytest.raises(RuleViolation, match="ideas.error.vote_not_open"):
        f.phone(me, IDEAS, ideas.set_dots, a, 1)
    f.host(IDEAS, ideas.set_stage, "vote", "collect")
    with pytest.raises(RuleViolation, match="ideas.error.stale"):
        f.host(IDEAS, ideas.set_stage, "vote", "collect")
    with pytest.raises(RuleViolation, match="ideas.error.not_collecting"):
        posted(f, "Trop tard")
    f.phone(me, IDEAS, ideas.set_dots, a, 2)
    assert f.phone(me, IDEAS, ideas.set_dots, a, 2) == []
    f.phone(me, IDEAS, ideas.set_dots, b, 1)
    with pytest.raises(RuleViolation, match="ideas.error.no_dots_left"):
        f.phone(me, IDEAS, ideas.set_dots, b, 2)
    f.phone(me, IDEAS, ideas.move_dot, a, b)
    state = f.state(IDEAS)
    assert state.dots_of(me) == {a: 1, b: 2} and state.used(me) == 3
    f.phone(f.tokens[3], IDEAS, ideas.set_dots, a, 3)
    assert [(o.id, n) for o, n in state.ranking()] == [(a, 4), (b, 2)]
    assert state.voters() == 2
    with pytest.raises(RuleViolation, match="ideas.error.dots_placed"):
        f.host(IDEAS, ideas.set_stage, "collect")
    f.host(IDEAS, ideas.set_stage, "closed")
    with pytest.raises(RuleViolation, match="ideas.error.vote_closed"):
        f.phone(me, IDEAS, ideas.set_dots, a, 0)
    section = report(state, f.session, "fr")
    assert section.tables[0].rows[0][1:] == ["Budget participatif", "idée", 4]
    assert section.data["options"][0]["dots"] == 4
    assert "tok" not in str(section.model_dump())
    assert f.replayed().activities[IDEAS].model_dump() == state.model_dump()


def test_a_hidden_idea_frees_its_dots_and_moderation_corrects() -> None:
    f = forum()
    a, b = posted(f, "Budget participatif", "Jury citoyen")
    f.host(IDEAS, ideas.set_stage, "vote")
    me = f.tokens[0]
    f.phone(me, IDEAS, ideas.set_dots, a, 3)
    f.host(IDEAS, ideas.moderate, a, hide=True)
    assert f.state(IDEAS).used(me) == 0
    f.phone(me, IDEAS, ideas.set_dots, b, 3)
    f.host(IDEAS, ideas.moderate, b, text="Un jury citoyen")
    assert f.state(IDEAS).idea(b).text == "Un jury citoyen"
    assert ideas.BALLOT in ideas.topics(IdeaModerated(item=IDEAS, idea=b, at=1.0))  # phones redraw


def test_what_each_change_reaches() -> None:
    f = forum()
    [added] = posted(f, "Budget participatif")
    assert ideas.topics(f.log[-1]) == {ideas.TALLY}  # the screen and console, coalesced; no phone
    [dot] = (f.host(IDEAS, ideas.set_stage, "vote"), f.phone(f.tokens[0], IDEAS, ideas.set_dots, added, 1))[1]
    assert ideas.topics(dot) == {f"participant:{f.tokens[0]}", ideas.TALLY}
    assert "phase" in ideas.topics(f.log[-2])  # the stage reaches every phone
