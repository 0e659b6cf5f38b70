"""The translation tables: every key in both languages, and every key the code asks for in them.

`t()` and its kin are called with keys written in the code. The scan below reads the source
(`ast`) and finds every such call (`t`, `t_plural`, `ctx.t`, `ctx.tn`, `ctx.words`, a view's own
`self.t`, `RuleViolation`, `remote_key`): a literal key, or each branch of `a if c else b`, must
be in the tables; a key held by a variable is followed to what the function assigns to it, or to
what its callers pass for that parameter; a key built at run time (an f-string) is expanded with
the values its parts can take, listed in `DOMAINS` below from the code's own types. A key built
in a new way fails the test until its values are listed there. At run time, a key missing from
the tables is remembered (`i18n.missing()`): tests/conftest.py fails any test that asked for one,
and the browser tests' server log is checked for them too.
"""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, get_args

import pytest

from activities.controversies import events as cv_events
from activities.controversies import model as cv_model
from activities.controversies.views_console import BUTTONS as CV_BUTTONS
from activities.debat_mouvant import model as debat_model
from activities.debat_mouvant.settings import SCALE_POINTS, SIDES
from activities.ideas import events as idea_events
from activities.ideas.views_console import BUTTONS as IDEA_BUTTONS
from activities.propulsion import events as pr_events
from activities.propulsion.settings import CRITERIA
from activities.speaking_turns import model as turns_model
from activities.speaking_turns import ordering
from activities.speaking_turns.settings import ORDERS
from activities.world_cafe import contributions
from facilitation import detector, i18n, moderation, session
from facilitation.activity import REGISTRY
from facilitation.restitution import model as restitution_model
from tests.harness import import_everything

ROOT = Path(__file__).resolve().parent.parent.parent
CALLS = {"t", "t_plural", "tn", "words", "RuleViolation", "remote_key"}


def literal_values(kind: object) -> list[str]:
    """The values of a `Literal[...]` type (or of a union of them)."""
    values: list[str] = []
    for arg in get_args(kind):
        values += literal_values(arg) if get_args(arg) else [str(arg)]
    return values


# What the parts of keys built at run time can be, from the code's own types and constants.
# Keyed by the f-string as it is written (what `ast.unparse` gives of it). An f-string whose
# parts are local names given literal values (`key = "a" if x else "b"`) needs no entry here.
STAGES = literal_values(debat_model.Stage)
BUCKETS = turns_model.BUCKETS
MODES = session.MODES
CATEGORIES = (*session.CATEGORIES, "none")
REASONS = [r for r in literal_values(moderation.Reason) if r]  # "" is shown without a reason
from facilitation.moderation import FLAG_KINDS  # noqa: E402

ACTIONS = literal_values(restitution_model.ModerationEntry.model_fields["action"].annotation)
COLLEGES = (*session.COLLEGES, "none")
IDEA_STAGES = literal_values(idea_events.Stage)
CV_STAGES = literal_values(cv_events.Stage)
PR_STAGES = literal_values(pr_events.Stage)
KLASSES = (*literal_values(pr_events.Klass), "unclassed")
RATINGS = literal_values(pr_events.Rating)


def keys_of(prefix: str, values: Iterable[str]) -> Callable[[], list[str]]:
    return lambda: [f"{prefix}{v}" for v in values]


DOMAINS: dict[str, Callable[[], Iterable[str]]] = {
    "f'debat_mouvant.side.{a.side}'": lambda: [f"debat_mouvant.side.{s}" for s in SIDES],
    "f'debat_mouvant.side.{side}'": lambda: [f"debat_mouvant.side.{s}" for s in SIDES],
    "f'debat_mouvant.round.{round_}'": lambda: ["debat_mouvant.round.1", "debat_mouvant.round.2"],
    "f'debat_mouvant.movement.towards_{side}'": lambda: [
        "debat_mouvant.movement.towards_agree",
        "debat_mouvant.movement.towards_disagree",
    ],
    "f'debat_mouvant.scale.{position}'": lambda: [
        f"debat_mouvant.scale.{i}" for i in range(1, SCALE_POINTS + 1)
    ],
    "f'stage.{run.stage}'": lambda: [f"stage.{s}" for s in STAGES],  # the console's t adds debat_mouvant.
    "f'debat_mouvant.stage.{stage}'": lambda: [f"debat_mouvant.stage.{s}" for s in STAGES],
    "f'debat_mouvant.stage.{run.stage}'": lambda: [f"debat_mouvant.stage.{s}" for s in STAGES],
    "f'round.{round_}'": lambda: ["round.1", "round.2"],
    "f'speaking_turns.reason.{reason}'": lambda: [f"speaking_turns.reason.{r}" for r in ordering.REASONS],
    "f'speaking_turns.reason.{p.reason}'": lambda: [f"speaking_turns.reason.{r}" for r in ordering.REASONS],
    "f'speaking_turns.cat.{line.key}'": lambda: [f"speaking_turns.cat.{b}" for b in BUCKETS],
    "f'speaking_turns.cat.{turn.bucket}'": lambda: [f"speaking_turns.cat.{b}" for b in BUCKETS],
    "f'speaking_turns.cat.{request.bucket}'": lambda: [f"speaking_turns.cat.{b}" for b in BUCKETS],
    "f'speaking_turns.cat.{c}'": lambda: [f"speaking_turns.cat.{b}" for b in BUCKETS],
    "f'speaking_turns.mode.{line.key}'": lambda: [f"speaking_turns.mode.{m}" for m in MODES],
    "f'speaking_turns.mode.{turn.mode}'": lambda: [f"speaking_turns.mode.{m}" for m in MODES],
    "f'speaking_turns.mode.{m}'": lambda: [f"speaking_turns.mode.{m}" for m in MODES],
    "f'speaking_turns.order.{state.order}'": lambda: [f"speaking_turns.order.{o}" for o in ORDERS],
    "f'speaking_turns.order.{self.state.order}'": lambda: [f"speaking_turns.order.{o}" for o in ORDERS],
    "f'speaking_turns.order.{o}'": lambda: [f"speaking_turns.order.{o}" for o in ORDERS],
    "f'speaking_turns.order.{state.order}_hint'": lambda: [f"speaking_turns.order.{o}_hint" for o in ORDERS],
    "f'speaking_turns.order.{self.state.order}_hint'": lambda: [
        f"speaking_turns.order.{o}_hint" for o in ORDERS
    ],
    "f'world_cafe.kind.{kind}'": lambda: [f"world_cafe.kind.{k}" for k in contributions.ACTOR_KINDS],
    "f'world_cafe.kind.{c.actor_kind}'": lambda: [f"world_cafe.kind.{k}" for k in contributions.ACTOR_KINDS],
    "f'world_cafe.kind.{k}'": lambda: [f"world_cafe.kind.{k}" for k in contributions.ACTOR_KINDS],
    "f'world_cafe.error.empty_{kind}'": lambda: [
        f"world_cafe.error.empty_{k}" for k in literal_values(contributions.ContributionKind)
    ],
    "f'world_cafe.error.empty_{c.kind}'": lambda: [
        f"world_cafe.error.empty_{k}" for k in literal_values(contributions.ContributionKind)
    ],
    "f'{self.kind}.title'": lambda: [f"{kind}.title" for kind in REGISTRY.kinds()],
    "f'category.{c}'": lambda: [f"category.{c}" for c in CATEGORIES],
    "f'category.{category}'": lambda: [f"category.{c}" for c in CATEGORIES],
    "f'mode.{m}'": lambda: [f"mode.{m}" for m in MODES],
    "f'state.{state.status}'": lambda: [f"state.{s}" for s in literal_values(session.Status)],
    "f'details.lang.{lang}'": lambda: [f"details.lang.{lang}" for lang in i18n.LANGUAGES],
    "f'moderation.reason.{reason}'": lambda: [f"moderation.reason.{r}" for r in REASONS],
    "f'moderation.reason.{mine.reason}'": lambda: [f"moderation.reason.{r}" for r in REASONS],
    "f'moderation.reason.{w.reason}'": lambda: [f"moderation.reason.{r}" for r in REASONS],
    "f\"moderation.reason.{held[0].held_reason or 'personal'}\"": lambda: [
        f"moderation.reason.{r}" for r in REASONS
    ],
    "f'moderation.policy.{p}'": lambda: [f"moderation.policy.{p}" for p in moderation.POLICIES],
    "f'moderation.flag.{k}'": lambda: [f"moderation.flag.{k}" for k in FLAG_KINDS],
    "f'restitution.action.{entry.action}'": lambda: [f"restitution.action.{a}" for a in ACTIONS],
    "f'restitution.ui.finding.{f.kind}'": lambda: [f"restitution.ui.finding.{k}" for k in detector.KINDS],
    # the forum's workshops, the collèges
    "f'college.{c}'": keys_of("college.", COLLEGES),
    "f'college.{group}'": keys_of("college.", COLLEGES),
    "f'ideas.stage.{stage}'": keys_of("ideas.stage.", IDEA_STAGES),
    "f'ideas.stage.{state.stage}'": keys_of("ideas.stage.", IDEA_STAGES),
    "f'ideas.phone.{stage}'": keys_of("ideas.phone.", IDEA_STAGES),
    "f'ideas.console.{name}'": keys_of("ideas.console.", IDEA_BUTTONS),
    "f'ideas.kind.{option.kind}'": keys_of("ideas.kind.", ("cluster", "idea")),
    "f'controversies.stage.{stage}'": keys_of("controversies.stage.", CV_STAGES),
    "f'controversies.stage.{state.stage}'": keys_of("controversies.stage.", CV_STAGES),
    "f'controversies.phone.{state.stage}'": keys_of("controversies.phone.", CV_STAGES),
    "f'controversies.console.{name}'": keys_of("controversies.console.", CV_BUTTONS),
    "f'controversies.position.{position}'": keys_of("controversies.position.", cv_model.POSITIONS),
    "f'propulsion.stage.{state.stage}'": keys_of("propulsion.stage.", PR_STAGES),
    "f'propulsion.klass.{klass}'": keys_of("propulsion.klass.", KLASSES),
    "f'propulsion.klass.{k}'": keys_of("propulsion.klass.", KLASSES),
    "f\"propulsion.klass.{p.klass or 'unclassed'}\"": keys_of("propulsion.klass.", KLASSES),
    "f'propulsion.group.{name}'": keys_of("propulsion.group.", ("engagements", "initiatives", "unclassed")),
    "f'propulsion.criterion.{c}'": keys_of("propulsion.criterion.", CRITERIA),
    "f'propulsion.criterion.{criterion}'": keys_of("propulsion.criterion.", CRITERIA),
    "f'propulsion.rating.{r}'": keys_of("propulsion.rating.", RATINGS),
    "f'propulsion.phone.{kind}'": keys_of("propulsion.phone.", literal_values(pr_events.Backing)),
    "f'propulsion.by.{proposal.by}'": keys_of("propulsion.by.", ("facilitator", "phone", "promoted")),
    "f'propulsion.error.{key}'": keys_of("propulsion.error.", ("length", "organisation_length")),
    # names that hold keys, as "file:name"
    "activities/speaking_turns/display.py:label": lambda: [
        *(f"speaking_turns.cat.{b}" for b in BUCKETS),
        *(f"speaking_turns.mode.{m}" for m in MODES),
    ],
    # asked for only when `has(key)` says they exist: a settings form's optional documentation (its
    # keys are checked by test_docs_and_boundaries), a plan problem pydantic names (else its English)
    "f'{kind}.settings.{self.path}'": lambda: [],
    "f'{kind}.settings.{self.path}.help'": lambda: [],
    "f'{kind}.settings.{self.path}.{value}'": lambda: [],
    "f'plans.problem.{self.kind}'": lambda: [],
}


@dataclass(frozen=True)
class Site:
    where: str  # file:line
    keys: tuple[str, ...]  # what the key can be (empty: nothing to check, e.g. a pass-through)
    unknown: str = ""  # the expression, when its values are not known


class Scanner(ast.NodeVisitor):
    """Every call that takes a translation key, in one module."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.relative = str(path.relative_to(ROOT))
        self.tree = ast.parse(path.read_text(encoding="utf-8"))
        self.sites: list[Site] = []
        self.scopes: list[ast.FunctionDef | ast.AsyncFunctionDef] = []
        self.prefix: list[str] = []  # the enclosing class's `t` prefix, if it adds one
        self.functions = {
            n.name: n for n in ast.walk(self.tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)
        }

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.prefix.append(class_prefix(node))
        self.generic_visit(node)
        self.prefix.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self.scopes.append(node)
        self.generic_visit(node)
        self.scopes.pop()

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def visit_Call(self, node: ast.Call) -> None:
        self.generic_visit(node)
        name = call_name(node.func)
        if name not in CALLS or not node.args:
            return
        if name in ("tn", "words") and not isinstance(node.func, ast.Attribute):
            return  # a local `words(lang)`: the function a label is given, not ViewContext.words
        prefix = ""
        if isinstance(node.func, ast.Attribute) and ast.unparse(node.func.value) == "self" and self.prefix:
            prefix = self.prefix[-1]
        where = f"{self.path.relative_to(ROOT)}:{node.lineno}"
        for keys, unknown in self.resolve(node.args[0]):
            self.sites.append(Site(where, tuple(prefix + k for k in keys), unknown))

    # --- what an expression can be --------------------------------------------------------------

    def resolve(self, expr: ast.expr, depth: int = 0) -> Iterator[tuple[tuple[str, ...], str]]:
        """(keys, "") when the values are known, ((), source) when they are not."""
        if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
            yield (expr.value,), ""
        elif isinstance(expr, ast.IfExp):
            yield from self.resolve(expr.body, depth)
            yield from self.resolve(expr.orelse, depth)
        elif isinstance(expr, ast.JoinedStr):
            source = ast.unparse(expr)
            if source in DOMAINS:
                yield tuple(DOMAINS[source]()), ""
                return
            expanded = self.expand(expr, depth)
            yield (tuple(expanded), "") if expanded is not None else ((), source)
        elif isinstance(expr, ast.Call) and call_name(expr.func) == "remote_key":
            yield from self.resolve(expr.args[0], depth)
        elif isinstance(expr, ast.Name) and f"{self.relative}:{expr.id}" in DOMAINS:
            yield tuple(DOMAINS[f"{self.relative}:{expr.id}"]()), ""
        elif isinstance(expr, ast.Name) and self.scopes and depth < 3:
            yield from self.resolve_name(expr.id, depth)
        elif isinstance(expr, ast.Attribute) and ast.unparse(expr) == "self.key":
            yield (), ""  # RuleViolation.message: the key it was raised with (checked there)
        else:
            yield (), ast.unparse(expr)

    def expand(self, expr: ast.JoinedStr, depth: int) -> list[str] | None:
        """An f-string whose every part is a literal or a name with known values: its keys."""
        keys = [""]
        for part in expr.values:
            if isinstance(part, ast.Constant):
                keys = [k + str(part.value) for k in keys]
                continue
            if not (isinstance(part, ast.FormattedValue) and isinstance(part.value, ast.Name)):
                return None
            found = list(self.resolve(part.value, depth + 1))
            if found and all(not values and not unknown for values, unknown in found):
                return []  # a wrapper's own parameter (`f"debat_mouvant.{key}"`): its callers are checked
            if not found or any(unknown or not values for values, unknown in found):
                return None
            keys = [k + v for k in keys for values, _ in found for v in values]
        return keys

    def resolve_name(self, name: str, depth: int) -> Iterator[tuple[tuple[str, ...], str]]:
        function = self.scopes[-1]
        found = False
        for node in ast.walk(function):
            if isinstance(node, ast.Assign) and any(
                isinstance(target, ast.Name) and target.id == name for target in node.targets
            ):
                found = True
                yield from self.resolve(node.value, depth + 1)
            elif isinstance(node, ast.For | ast.comprehension):
                values = self.loop_values(node, name)
                if values is not None:
                    found = True
                    yield from values
        params = [a.arg for a in (*function.args.args, *function.args.kwonlyargs)]
        if not found and name in params:
            # A parameter: a wrapper (`def t(self, key)`) or a helper given keys by its callers.
            yield from self.callers(function, params.index(name), name, depth)
        elif not found:
            yield (), name

    def loop_values(
        self, node: ast.For | ast.comprehension, name: str
    ) -> list[tuple[tuple[str, ...], str]] | None:
        """`for name in ("a", "b")` or `for (name, other) in (("a", 1), ...)`: the values of name."""
        target, source = node.target, node.iter
        if not isinstance(source, ast.Tuple | ast.List):
            return None
        if isinstance(target, ast.Name) and target.id == name:
            return [v for element in source.elts for v in self.resolve(element)]
        if isinstance(target, ast.Tuple):
            names = [e.id if isinstance(e, ast.Name) else "" for e in target.elts]
            if name in names:
                at = names.index(name)
                return [
                    v
                    for element in source.elts
                    if isinstance(element, ast.Tuple)
                    for v in self.resolve(element.elts[at])
                ]
        return None

    def callers(
        self, function: ast.FunctionDef | ast.AsyncFunctionDef, index: int, name: str, depth: int
    ) -> Iterator[tuple[tuple[str, ...], str]]:
        if function.name in CALLS or function.name in ("message",):
            yield (), ""  # the wrapper itself: each of its calls is a site of its own
            return
        position = index - (1 if function.args.args and function.args.args[0].arg in ("self", "cls") else 0)
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Call) and call_name(node.func) == function.name:
                argument = next((k.value for k in node.keywords if k.arg == name), None)
                if argument is None and position < len(node.args):
                    argument = node.args[position]
                if argument is None:
                    continue
                outer = enclosing(self.tree, node)
                if outer is not None:
                    self.scopes.append(outer)
                    yield from self.resolve(argument, depth + 1)
                    self.scopes.pop()
                else:
                    yield from self.resolve(argument, depth + 1)


def call_name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def class_prefix(node: ast.ClassDef) -> str:
    """The prefix a class's own `t` puts before keys (`self.ctx.t(f"debat_mouvant.{key}")`)."""
    for item in node.body:
        if isinstance(item, ast.FunctionDef) and item.name == "t":
            for sub in ast.walk(item):
                if isinstance(sub, ast.Call) and sub.args and isinstance(sub.args[0], ast.JoinedStr):
                    parts = sub.args[0].values
                    if len(parts) == 2 and isinstance(parts[0], ast.Constant):
                        return str(parts[0].value)
    return ""


def enclosing(tree: ast.AST, target: ast.AST) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
    found = None
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and any(
            n is target for n in ast.walk(node)
        ):
            if found is None or any(n is node for n in ast.walk(found)):
                found = node
    return found


def scan() -> list[Site]:
    sites: list[Site] = []
    for folder in ("facilitation", "activities"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            scanner = Scanner(path)
            scanner.visit(scanner.tree)
            sites += scanner.sites
    return sites


import_everything()
SITES = scan()
TABLES = i18n.keys()


def test_the_scan_finds_the_calls() -> None:
    assert len(SITES) > 500  # a scan that finds nothing would pass everything
    assert any("debat_mouvant.console.statements" in s.keys for s in SITES)  # through the console's own t


def test_every_key_built_at_run_time_has_its_values_listed() -> None:
    unknown = sorted({f"{s.where}: {s.unknown}" for s in SITES if s.unknown})
    assert unknown == [], "list what these keys can be in DOMAINS (tests/unit/test_translations.py)"


def test_every_key_asked_for_is_in_the_tables() -> None:
    missing = sorted({f"{s.where}: {key}" for s in SITES for key in s.keys if key not in TABLES})
    assert missing == []


def test_every_domain_is_still_used() -> None:
    written = {
        ast.unparse(node)
        for folder in ("facilitation", "activities")
        for path in (ROOT / folder).rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.JoinedStr)
    }
    assert sorted({d for d in DOMAINS if ".py:" not in d} - written) == []


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(TABLES))
def test_each_key_has_both_languages_with_the_same_placeholders(key: str) -> None:
    entry = TABLES[key]
    forms = {
        lang: [entry[lang]] if isinstance(entry[lang], str) else list(entry[lang].values())
        for lang in ("fr", "en")
    }
    for lang, texts in forms.items():
        assert texts and all(isinstance(x, str) and x.strip() for x in texts), f"{key} has no {lang}"
    fr = set().union(*(placeholders(x) for x in forms["fr"]))  # type: ignore[arg-type]
    en = set().union(*(placeholders(x) for x in forms["en"]))  # type: ignore[arg-type]
    assert fr == en, f"{key}: {sorted(fr)} in French, {sorted(en)} in English"


def test_english_never_uses_french_inclusive_writing_or_spacing() -> None:
    for key, entry in TABLES.items():
        texts = [entry["en"]] if isinstance(entry["en"], str) else list(entry["en"].values())
        for text in texts:
            assert not re.search(r"\w·\w", text), f"{key}: French inclusive writing in English: {text}"
            assert not re.search(r"\S [:;?!](\s|$)", text), f"{key}: French spacing in English: {text}"


def test_a_missing_key_is_returned_as_it_is_and_remembered() -> None:
    assert i18n.t("no.such.key.for.this.test", "en") == "no.such.key.for.this.test"
    assert "no.such.key.for.this.test" in i18n.missing()
    i18n.forget_missing()  # this test's own miss: not one of the code's


def test_plural_forms_follow_each_language() -> None:
    assert i18n.t_plural("world_cafe.ideas_count", 1, "en") == "1 idea"
    assert i18n.t_plural("world_cafe.ideas_count", 2, "en") == "2 ideas"
    assert i18n.t_plural("world_cafe.ideas_count", 0, "fr") == "0 idée"  # French: 0 is singular
    assert i18n.t_plural("world_cafe.ideas_count", 2, "fr") == "2 idées"
    assert i18n.t_plural("common.participants", 1, "en") == "1 participant"
    assert i18n.t_plural("common.participants", 2, "en") == "2 participants"
    assert i18n.t_plural("common.participants", 2, "fr") == "2 participant·es"
    assert i18n.t_plural("common.participants", 1500, "en") == "1,500 participants"


def test_numbers_and_dates_are_written_each_language_s_way() -> None:
    assert i18n.fmt_date("2018-03-12", "en") == "12 March 2018"
    assert i18n.fmt_date("2018-03-12", "fr") == "12 mars 2018"
    assert i18n.fmt_date("printemps 2024", "en") == "printemps 2024"  # not a date: as written
    assert i18n.fmt_percent(0.5, "en") == "50%"
    assert i18n.fmt_percent(0.5, "fr") == "50\u00a0%"
    assert i18n.fmt_number(1234.5, "en") == "1,234.5"


Kind = Literal["x"]  # keeps `literal_values` honest on a plain Literal


def test_literal_values_reads_literals() -> None:
    assert literal_values(Kind) == ["x"]
