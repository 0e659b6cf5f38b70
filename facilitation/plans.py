"""Forum plans: TOML files (title, date, charter, licence, publication, languages, agenda).

The plans shipped under `sessions/`, the files a facilitator uploads on the home page and the
agenda a session exports (`plan_toml`) are read and checked the same way (`parse_plan`): the
plan's fields, then each item with its activity's own settings model. A refusal names the line
and the field of each problem, in French or English (`PlanError.message`), never a traceback.
"""

from __future__ import annotations

import logging
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import tomli_w
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .activity import REGISTRY, Registry
from .agenda import CHARTER_MAX, TEXT_MAX, AgendaItem, Title, check_settings, kinds
from .i18n import LANGUAGES, RuleViolation, Text, TextBounds, add, has, t, t_plural
from .moderation import DEFAULT_POLICY, Policy
from .nesting import MAX_DEPTH, too_deep
from .remote import RemoteSettings, checked_calls, checked_url

if TYPE_CHECKING:
    from .session import SessionState

log = logging.getLogger("cercle.plans")

PLANS_DIR = Path(__file__).resolve().parent.parent / "sessions"
DEFAULT_LICENCE = "Licence Ouverte / Etalab 2.0"
MAX_PLAN_BYTES = 256 * 1024
Loc = tuple[int | str, ...]


class Plan(BaseModel):
    """A forum plan. Its texts (title, description, charter, and each item's title and text,
    statements, themes...) are a plain string, or `{ fr = "…", en = "…" }` (`i18n.Text`);
    `bilingual`: the screen shows French and English at once."""

    model_config = ConfigDict(extra="forbid")
    name: str
    title: Title
    date: str = ""
    description: Annotated[Text, TextBounds(0, TEXT_MAX, multiline=True)] = Text()
    charter: Annotated[Text, TextBounds(0, CHARTER_MAX, multiline=True)] = Text()
    licence: str = DEFAULT_LICENCE
    publish: bool = False
    bilingual: bool = False
    moderation: Policy = DEFAULT_POLICY  # "show", "hold_personal" or "hold_all": free texts
    audio_url: str = ""  # the session's call, for remote attendees
    remote_only: bool = False  # a forum with no room at all
    group_calls: str = ""  # the remote café groups' calls: a template with {code} and {group}

    @field_validator("audio_url")
    @classmethod
    def _audio(cls, value: str) -> str:
        return checked_url(value) if value else ""

    @field_validator("group_calls")
    @classmethod
    def _calls(cls, value: str) -> str:
        return checked_calls(value) if value else ""

    @property
    def remote(self) -> RemoteSettings:
        return RemoteSettings(
            audio_url=self.audio_url, remote_only=self.remote_only, group_calls=self.group_calls
        )

    languages: list[str] = Field(default_factory=list)
    agenda: list[AgendaItem] = Field(default_factory=list, max_length=100)
    colleges: bool = False  # phones are asked their collège (optional), counted only in aggregate


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a plan file: where (line, if found, and field) and what."""

    line: int | None
    field: str
    kind: str  # pydantic's error type, or "toml", "kind", "size", "encoding"
    detail: str  # pydantic's English message, or the parser's
    params: dict[str, Any]

    def what(self, lang: str) -> str:
        """What is wrong, in `lang` (pydantic's English for a kind of error not translated)."""
        key = f"plans.problem.{self.kind}"
        return t(key, lang, **self.params) if has(key) else self.detail

    def message(self, lang: str) -> str:
        where = t("plans.at_line", lang, line=self.line) if self.line else ""
        field = t("plans.field", lang, field=self.field) if self.field else ""
        return f"{where}{field}{self.what(lang)}"


def describe_error(error: Any, lang: str) -> str:
    """One of pydantic's errors as a sentence in `lang` (the editor's forms say it this way)."""
    return _problem("", error).what(lang)


class PlanError(ValueError):
    """A plan that cannot be used; `problems` say where and what, `message(lang)` in a sentence."""

    def __init__(self, name: str, problems: Sequence[Problem]) -> None:
        self.name, self.problems = name, list(problems)
        super().__init__(f"{name}: " + "; ".join(p.message("en") for p in self.problems))

    def message(self, lang: str) -> str:
        shown = "; ".join(p.message(lang) for p in self.problems[:5])
        more = len(self.problems) - 5
        return t("plans.invalid", lang, name=self.name, problems=shown) + (
            t_plural("plans.more", more, lang) if more > 0 else ""
        )


# --- reading --------------------------------------------------------------------------------------


def parse_plan(name: str, text: str, registry: Registry = REGISTRY) -> Plan:
    """A plan from its TOML text; `duration` (minutes) in the file is `duration_min` here. Each
    item is a moment or an activity of this build, its settings checked by the activity's model."""
    data: dict[str, Any] = {}
    try:
        data = tomllib.loads(text)
        deep = too_deep(data)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line = int(found.group(1)) if found else None
        raise PlanError(name, [Problem(line, "", "toml", str(exc), {"detail": str(exc)})]) from None
    except RecursionError:  # the TOML reader recurses: a document nested hundreds of levels deep
        deep = True
    if deep:
        log.info("plan refused: nested deeper than %d levels", MAX_DEPTH)
        raise PlanError(name, [Problem(None, "", "depth", "nested too deeply", {"max": MAX_DEPTH})])
    raw_agenda = data.get("agenda", [])
    if isinstance(raw_agenda, list):
        data["agenda"] = [_item_fields(raw) for raw in raw_agenda]
    data.pop("name", None)
    try:
        plan = Plan(name=name, **data)
    except ValidationError as exc:
        raise PlanError(name, [_problem(text, error) for error in exc.errors()]) from None
    problems = []
    for index, item in enumerate(plan.agenda):
        if item.kind not in kinds(registry):
            loc: Loc = ("agenda", index, "kind")
            params = {"kind": item.kind, "kinds": ", ".join(kinds(registry))}
            problems.append(
                Problem(locate(text, loc), _path(loc), "kind", f"unknown kind {item.kind}", params)
            )
            continue
        try:
            check_settings(item.kind, item.settings, registry)
        except ValidationError as exc:
            for error in exc.errors():
                problems.append(
                    _problem(text, {**error, "loc": ("agenda", index, "settings", *error["loc"])})
                )
    unknown = [lang for lang in plan.languages if lang not in LANGUAGES]
    if unknown:
        loc = ("languages",)
        params = {"known": ", ".join(LANGUAGES)}
        problems.append(Problem(locate(text, loc), "languages", "languages", f"unknown {unknown}", params))
    if problems:
        raise PlanError(name, problems)
    return plan


def read_upload(filename: str, content: bytes, registry: Registry = REGISTRY) -> Plan:
    """A plan a facilitator uploaded: at most `MAX_PLAN_BYTES`, UTF-8 TOML, checked as above."""
    name = re.sub(r"[^a-z0-9_-]+", "-", Path(filename or "plan").stem.lower()).strip("-")[:60] or "plan"
    if len(content) > MAX_PLAN_BYTES:
        params = {"max": MAX_PLAN_BYTES // 1024}
        raise PlanError(name, [Problem(None, "", "size", "file too large", params)])
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PlanError(name, [Problem(None, "", "encoding", "not UTF-8", {})]) from None
    return parse_plan(name, text, registry)


def _item_fields(raw: Any) -> Any:
    if not isinstance(raw, dict):
        return raw
    item = dict(raw)
    if "duration" in item:
        item["duration_min"] = item.pop("duration")
    return item


def _path(loc: Loc) -> str:
    """`agenda[2].settings.statements[0].prompt`, numbered from 1 as a person counts."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            part = "duration" if part == "duration_min" else part
            out += f".{part}" if out else part
    return out


def _problem(text: str, error: Any) -> Problem:
    loc: Loc = tuple(error["loc"])
    params = {k: v for k, v in (error.get("ctx") or {}).items() if isinstance(v, int | float | str)}
    if error["type"] == "too_long" and "max_length" not in params:
        params["max_length"] = "?"
    detail = str(error["msg"]).removeprefix("Value error, ")
    params.setdefault("detail", detail)
    return Problem(locate(text, loc), _path(loc), str(error["type"]), detail, params)


def locate(text: str, loc: Loc) -> int | None:
    """The line (from 1) where the field at `loc` is written, as near as the file says it: the
    key's own line, else the table it is in (TOML parsers keep no positions)."""
    lines = text.splitlines()
    header = re.compile(r"^\s*\[\[?\s*([A-Za-z0-9_.\s\"]+?)\s*\]\]?\s*(#.*)?$")
    start, end, found = 0, len(lines), None
    table = ""
    parts = list(loc)
    while parts:
        part = parts.pop(0)
        if isinstance(part, int):
            continue
        key = "duration" if part == "duration_min" else part
        name = f"{table}.{key}" if table else key
        index = parts[0] if parts and isinstance(parts[0], int) else None
        headers = [
            i for i in range(start, end) if (m := header.match(lines[i])) and _norm(m.group(1)) == name
        ]
        if headers:  # a table, or an array of tables: `[[agenda]]`, the n-th one
            at = headers[index] if index is not None and index < len(headers) else headers[0]
            following = [
                i
                for i in range(at + 1, end)
                if (m := header.match(lines[i])) and not _norm(m.group(1)).startswith(name + ".")
            ]
            start, end, found, table = at, following[0] if following else end, at + 1, name
            if index is not None:
                parts.pop(0)
            continue
        pattern = re.compile(rf'^\s*"?{re.escape(key)}"?\s*=')
        hit = next((i for i in range(start, end) if pattern.match(lines[i])), None)
        if hit is not None:
            return hit + 1
        if any(
            (m := header.match(lines[i])) and _norm(m.group(1)).startswith(name + ".")
            for i in range(start, end)
        ):
            table = name  # a table only named by its sub-tables: `[[agenda.settings.statements]]`
            continue
        return found
    return found


def _norm(name: str) -> str:
    return re.sub(r"\s+", "", name).replace('"', "")


def list_plans(directory: Path = PLANS_DIR, registry: Registry = REGISTRY) -> list[Plan]:
    return [
        parse_plan(path.stem, path.read_text(encoding="utf-8"), registry)
        for path in sorted(directory.glob("*.toml"))
    ]


def load_plan(name: str, directory: Path = PLANS_DIR, registry: Registry = REGISTRY) -> Plan:
    path = directory / f"{name}.toml"
    if not name.replace("-", "").replace("_", "").isalnum() or not path.is_file():
        raise RuleViolation("error.unknown_plan", plan=name)
    return parse_plan(name, path.read_text(encoding="utf-8"), registry)


# --- writing --------------------------------------------------------------------------------------


def plan_toml(state: SessionState) -> str:
    """The session's details and agenda as a plan file, which `parse_plan` reads back the same."""
    data: dict[str, Any] = {
        "title": state.title.model_dump(),
        "date": state.date,
        "licence": state.licence,
        "publish": state.publish,
    }
    if state.languages:
        data["languages"] = list(state.languages)
    if state.bilingual:
        data["bilingual"] = True
    if state.colleges:
        data["colleges"] = True
    data["charter"] = state.charter.model_dump()
    agenda = []
    for item in state.agenda.values():
        entry: dict[str, Any] = {
            "title": item.title.model_dump(),
            "kind": item.kind,
            "duration": item.duration_min,
        }
        if item.text:
            entry["text"] = item.text.model_dump()
        if item.settings:
            entry["settings"] = _without_none(item.settings)
        agenda.append(entry)
    if agenda:
        data["agenda"] = agenda
    head = f"# {t('plans.exported', 'fr')}\n# {t('plans.exported', 'en')}\n"
    return head + tomli_w.dumps(data, multiline_strings=True)


def _without_none(value: Any) -> Any:
    """TOML has no null: a setting left unset is left out (the model's default)."""
    if isinstance(value, dict):
        return {k: _without_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_none(v) for v in value if v is not None]
    return value


add(
    {
        "plans.invalid": ("Programme « {name} » invalide : {problems}", "Invalid plan “{name}”: {problems}"),
        "plans.more": (
            {"one": " (et {n} autre problème)", "other": " (et {n} autres problèmes)"},
            {"one": " (and {n} more problem)", "other": " (and {n} more problems)"},
        ),
        "plans.at_line": ("ligne {line}, ", "line {line}, "),
        "plans.field": ("champ « {field} » : ", "field “{field}”: "),
        "plans.exported": (
            "Programme Cercle, exporté d'une session ; à importer depuis la page d'accueil.",
            "Cercle plan, exported from a session; upload it on the home page.",
        ),
        "plans.problem.toml": ("ce n'est pas du TOML valide ({detail})", "this is not valid TOML ({detail})"),
        "plans.problem.depth": (
            "ses tableaux et tables s'imbriquent sur plus de {max} niveaux ; un plan n'en a besoin que de "
            "quelques-uns : repartez d'un plan exporté ou d'un exemple",
            "its arrays and tables nest more than {max} levels deep; a plan needs only a few: start "
            "from an exported plan or an example",
        ),
        "plans.problem.size": (
            "fichier trop lourd : {max} Kio au plus",
            "file too large: {max} KiB at most",
        ),
        "plans.problem.encoding": (
            "le fichier doit être du texte en UTF-8",
            "the file must be UTF-8 text",
        ),
        "plans.problem.kind": (
            "type inconnu « {kind} » (possibles : {kinds})",
            "unknown kind “{kind}” (possible: {kinds})",
        ),
        "plans.problem.languages": ("langues possibles : {known}", "possible languages: {known}"),
        "plans.problem.missing": ("ce champ est obligatoire", "this field is required"),
        "plans.problem.extra_forbidden": ("ce champ n'est pas connu", "this field is not known"),
        "plans.problem.string_too_short": (
            "il faut au moins {min_length} caractère(s)",
            "at least {min_length} character(s) needed",
        ),
        "plans.problem.string_too_long": (
            "{max_length} caractères au plus",
            "{max_length} characters at most",
        ),
        "plans.problem.greater_than_equal": ("doit être au moins {ge}", "must be at least {ge}"),
        "plans.problem.greater_than": ("doit être plus grand que {gt}", "must be greater than {gt}"),
        "plans.problem.less_than_equal": ("doit être au plus {le}", "must be at most {le}"),
        "plans.problem.less_than": ("doit être plus petit que {lt}", "must be less than {lt}"),
        "plans.problem.too_long": ("{max_length} éléments au plus", "{max_length} items at most"),
        "plans.problem.literal_error": ("valeurs possibles : {expected}", "possible values: {expected}"),
        "plans.problem.int_parsing": ("il faut un nombre entier", "a whole number is needed"),
        "plans.problem.int_type": ("il faut un nombre entier", "a whole number is needed"),
        "plans.problem.int_from_float": ("il faut un nombre entier", "a whole number is needed"),
        "plans.problem.float_parsing": ("il faut un nombre", "a number is needed"),
        "plans.problem.float_type": ("il faut un nombre", "a number is needed"),
        "plans.problem.string_type": ("il faut un texte", "a text is needed"),
        "plans.problem.bool_type": ("il faut true ou false", "true or false is needed"),
        "plans.problem.bool_parsing": ("il faut true ou false", "true or false is needed"),
        "plans.problem.list_type": ("il faut une liste", "a list is needed"),
        "plans.problem.dict_type": ("il faut une table", "a table is needed"),
        "plans.problem.model_type": ("il faut une table", "a table is needed"),
        "plans.problem.value_error": ("{detail}", "{detail}"),
    }
)
