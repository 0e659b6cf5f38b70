"""Settings forms described from an activity's pydantic settings model: what each field is (a
switch, a number within bounds, a choice, a text, a list of entries), its one-line
documentation, and the model's refusals as translated sentences by field. Pure: the editor
(`facilitation/ui/settings_form.py`) draws what this describes, and checks what a person typed
with the very model the plan loader uses.

Each field is documented by two translations: `<kind>.settings.<path>` (its label) and
`<kind>.settings.<path>.help` (one line); a choice's values by `<kind>.settings.<path>.<value>`.
`<path>` names nested fields with dots, without indices (`statements.prompt`).
"""

from __future__ import annotations

import types
from dataclasses import dataclass, field
from typing import Any, Literal, Union, get_args, get_origin

from annotated_types import Ge, Gt, Le, Lt, MaxLen, MinLen
from pydantic import BaseModel, ValidationError

from .i18n import Text, TextBounds, add, has, t

Widget = Literal["switch", "integer", "number", "choice", "text", "long_text", "lines", "entries"]
LONG_TEXT = 300  # texts allowed longer than this get a multi-line box


@dataclass
class FieldSpec:
    """One field of a settings form."""

    name: str
    path: str  # dotted, without indices: the key of its translations
    widget: Widget
    optional: bool = False  # may be left empty (None)
    required: bool = False  # must be given (no default)
    default: Any = None
    low: float | None = None  # bounds, inclusive unless `open_low`/`open_high`
    high: float | None = None
    open_low: bool = False
    open_high: bool = False
    max_length: int | None = None
    choices: tuple[str, ...] = ()
    entries: list[FieldSpec] = field(default_factory=list)  # the fields of each entry of a list
    entry_model: type[BaseModel] | None = None
    bilingual: bool = False  # a text (or lines) in French and English (`i18n.Text`)

    def label(self, kind: str, lang: str) -> str:
        key = f"{kind}.settings.{self.path}"
        return t(key, lang) if has(key) else self.name.replace("_", " ")

    def help(self, kind: str, lang: str) -> str:
        """The field's one line: what it does, and its bounds."""
        key = f"{kind}.settings.{self.path}.help"
        text = t(key, lang) if has(key) else ""
        bounds = self.bounds(lang)
        return f"{text} ({bounds})" if text and bounds else text or bounds

    def bounds(self, lang: str) -> str:
        if self.low is None and self.high is None:
            return ""
        low = _number(self.low) if self.low is not None else "…"
        high = _number(self.high) if self.high is not None else "…"
        return t("forms.bounds", lang, low=low, high=high)

    def choice_label(self, kind: str, value: str, lang: str) -> str:
        key = f"{kind}.settings.{self.path}.{value}"
        return t(key, lang) if has(key) else value


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """The type inside `X | None`, and whether None was allowed."""
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return annotation, False


def describe(model: type[BaseModel], prefix: str = "") -> list[FieldSpec]:
    """The fields of `model`, in order, as a form shows them."""
    specs = []
    for name, info in model.model_fields.items():
        annotation, optional = _unwrap(info.annotation)
        path = f"{prefix}.{name}" if prefix else name
        spec = FieldSpec(
            name=name,
            path=path,
            widget="text",
            optional=optional,
            required=info.is_required(),
            default=None if info.is_required() else info.get_default(call_default_factory=True),
        )
        for rule in info.metadata:
            if isinstance(rule, Ge):
                spec.low = float(rule.ge)  # type: ignore[arg-type]
            elif isinstance(rule, Gt):
                spec.low, spec.open_low = float(rule.gt), True  # type: ignore[arg-type]
            elif isinstance(rule, Le):
                spec.high = float(rule.le)  # type: ignore[arg-type]
            elif isinstance(rule, Lt):
                spec.high, spec.open_high = float(rule.lt), True  # type: ignore[arg-type]
            elif isinstance(rule, MaxLen):
                spec.max_length = rule.max_length
            elif isinstance(rule, MinLen) and rule.min_length > 0:
                spec.required = True
            elif isinstance(rule, TextBounds):
                spec.bilingual, spec.max_length = True, rule.max_length
                spec.required = spec.required or rule.min_length > 0
        origin = get_origin(annotation)
        if annotation is bool:
            spec.widget = "switch"
        elif annotation is int:
            spec.widget = "integer"
        elif annotation is float:
            spec.widget = "number"
        elif origin is Literal:
            spec.widget, spec.choices = "choice", tuple(str(a) for a in get_args(annotation))
        elif origin is list:
            (inner,) = get_args(annotation)
            if isinstance(inner, type) and issubclass(inner, BaseModel) and inner is not Text:
                spec.widget, spec.entry_model = "entries", inner
                spec.entries = describe(inner, path)
            else:
                spec.widget = "lines"
                spec.bilingual = inner is Text or get_args(inner)[:1] == (Text,)
        elif annotation in (str, Text) and (spec.max_length or 0) > LONG_TEXT:
            spec.widget = "long_text"
        specs.append(spec)
    return specs


def doc_keys(kind: str, model: type[BaseModel]) -> list[str]:
    """Every translation a settings model's form needs (a test checks they all exist)."""
    keys = []

    def walk(specs: list[FieldSpec]) -> None:
        for spec in specs:
            keys.extend([f"{kind}.settings.{spec.path}", f"{kind}.settings.{spec.path}.help"])
            keys.extend(f"{kind}.settings.{spec.path}.{value}" for value in spec.choices)
            walk(spec.entries)

    walk(describe(model))
    return keys


Loc = tuple[int | str, ...]


def check(model: type[BaseModel], data: dict[str, Any], lang: str) -> dict[Loc, str]:
    """What the model refuses in `data`, by field (`()` for the whole), as sentences in `lang`
    (the same sentences as a refused plan file's); empty when the settings are good."""
    from .plans import describe_error

    try:
        model.model_validate(data)
    except ValidationError as exc:
        found: dict[Loc, str] = {}
        for error in exc.errors():
            loc: Loc = tuple(error["loc"])
            message = describe_error(error, lang)
            found[loc] = f"{found[loc]}; {message}" if loc in found else message
        return found
    return {}


def blank(specs: list[FieldSpec]) -> dict[str, Any]:
    """A new entry of a list (a statement, a theme): every field at its default."""
    return {s.name: ([] if s.widget == "entries" else s.default) for s in specs}


add({"forms.bounds": ("de {low} à {high}", "from {low} to {high}")})
