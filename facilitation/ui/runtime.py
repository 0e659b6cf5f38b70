"""Runtime tuning for a thousand phones in one process: what NiceGUI does per element, made cheaper
without changing what it does.

Measured (cProfile, 500 phones following an agenda move): NiceGUI asks `inspect.signature` of the
same change handlers for every element it creates (each element's props, classes and style are
observable collections, each of which checks whether its handler expects arguments): 150,000
calls, 4.4 s of 27 s. `expects_arguments` depends only on the function, so its answer is kept per
function (weakly: a function that goes is forgotten), bound methods by their underlying function.

Each replacement first checks that NiceGUI still has what it was written for (its anchor: the
function's parameters, the attributes it reads, or for `_handle_change`, which it copies, the
original's exact code); when not, NiceGUI's own stays and `patches` reports it skipped.
"""

from __future__ import annotations

import gc
import inspect
import textwrap
import time
import weakref
from collections.abc import Callable
from typing import Any

from nicegui import background_tasks, core, events, helpers
from nicegui.client import Client
from nicegui.element import Element
from nicegui.helpers import functions
from nicegui.observables import ObservableCollection
from nicegui.props import Props

from . import patches

_original: Callable[[Callable[..., Any]], bool] = functions.expects_arguments
_known: weakref.WeakKeyDictionary[Callable[..., Any], bool] = weakref.WeakKeyDictionary()


def expects_arguments(func: Callable[..., Any]) -> bool:
    """`nicegui.helpers.expects_arguments`, remembered per function."""
    key: Any = func.__func__ if inspect.ismethod(func) else func
    try:
        found = _known.get(key)
    except TypeError:  # not weakly referenceable, or not hashable: ask every time
        return _original(func)
    if found is None:
        found = _original(func)
        try:
            _known[key] = found
        except TypeError:
            pass
    return found


_parse: Callable[[str | None], dict[str, Any]] = Props.parse
_parsed: dict[str, dict[str, Any]] = {}
_PARSED_MAX = 4096
_IMMUTABLE = (str, bool, int, float, type(None))


def parse_props(text: str | None) -> dict[str, Any]:
    """`Props.parse`, remembered per string. Each parse of a quoted value runs `ast.literal_eval`,
    whose nested functions form a reference cycle: garbage only the cycle collector frees. Views
    pass the same few prop strings again and again; values that could be mutated are not kept."""
    if not text:
        return {}
    found = _parsed.get(text)
    if found is None:
        found = _parse(text)
        if all(isinstance(value, _IMMUTABLE) for value in found.values()):
            if len(_parsed) >= _PARSED_MAX:
                _parsed.clear()
            _parsed[text] = found
        else:
            return found
    return dict(found)


_remove_elements: Callable[[Client, Any], None] = Client.remove_elements
_nicegui_handle_change: Callable[[ObservableCollection], None] = ObservableCollection._handle_change


def remove_elements(client: Client, elements: Any) -> None:
    """`Client.remove_elements`, then the cycles each element's classes, style and props form with
    their own change handlers are cut: the removed elements are freed at once, by reference
    counting, instead of waiting for a collection of the whole heap (one took 1.7 s with a
    thousand phones connected, every vote waiting behind it)."""
    removed: list[Element] = list(elements)
    _remove_elements(client, removed)
    for element in removed:
        for observable in (element._classes, element._style, element._props):
            observable._change_handlers = []


def handle_change(collection: ObservableCollection) -> None:
    """`ObservableCollection._handle_change` with a short way for handlers that take no argument
    (an element's own props, classes and style: every change of every element), which
    `events.handle_event` would otherwise wrap in an event object, a context and a run-time
    generic type for each call; the others go through it unchanged."""
    collection.last_modified = time.time()
    for handler, expect_args in collection._change_handlers_with_args:
        if expect_args:
            events.handle_event(
                handler, events.ObservableChangeEventArguments(sender=collection), expect_args=True
            )
            continue
        try:
            result = handler()
            if helpers.should_await(result):
                background_tasks.create_or_defer(result, name=str(handler))
        except Exception as e:
            core.app.handle_exception(e)


# What `handle_change` copies: NiceGUI's `ObservableCollection._handle_change`, line for line.
HANDLE_CHANGE_SOURCE = """
def _handle_change(self) -> None:
    self.last_modified = time.time()
    for handler, expect_args in self._change_handlers_with_args:
        events.handle_event(handler, events.ObservableChangeEventArguments(sender=self), expect_args=expect_args)
"""


def _parameters(func: Any) -> list[str] | None:
    try:
        return list(inspect.signature(func).parameters)
    except (TypeError, ValueError):
        return None


def _source(obj: Any) -> str:
    try:
        return inspect.getsource(obj)
    except (OSError, TypeError):
        return ""


def _lines(source: str) -> list[str]:
    return [line.rstrip() for line in textwrap.dedent(source).strip().splitlines() if line.strip()]


def _expects_arguments_missing() -> str | None:
    if _parameters(_original) != ["func"]:
        return "nicegui.helpers.expects_arguments no longer takes one function (func)"
    return None


def _parse_missing() -> str | None:
    if not isinstance(Props.__dict__.get("parse"), staticmethod) or _parameters(_parse) != ["text"]:
        return "nicegui.props.Props.parse is no longer a static method of one text"
    return None


def _remove_elements_missing() -> str | None:
    if _parameters(_remove_elements) != ["self", "elements"]:
        return "nicegui.client.Client.remove_elements no longer takes (self, elements)"
    element = _source(Element.__init__)
    if not all(f"self.{name}:" in element for name in ("_classes", "_style", "_props")):
        return "nicegui.element.Element no longer keeps _classes, _style and _props"
    if "self._change_handlers:" not in _source(ObservableCollection.__init__):
        return "nicegui.observables.ObservableCollection no longer keeps _change_handlers"
    return None


def _handle_change_missing() -> str | None:
    if _lines(_source(_nicegui_handle_change)) != _lines(HANDLE_CHANGE_SOURCE):
        return (
            "nicegui.observables.ObservableCollection._handle_change is no longer the code "
            "runtime.handle_change copies (runtime.HANDLE_CHANGE_SOURCE)"
        )
    return None


def _set_expects_arguments(func: Callable[[Callable[..., Any]], bool]) -> None:
    helpers.expects_arguments = func  # type: ignore[assignment]
    functions.expects_arguments = func  # type: ignore[assignment]


def _set_parse(func: Callable[[str | None], dict[str, Any]]) -> None:
    Props.parse = staticmethod(func)  # type: ignore[method-assign,assignment]


def _set_remove_elements(func: Callable[[Client, Any], None]) -> None:
    Client.remove_elements = func  # type: ignore[method-assign,assignment]


def _set_handle_change(func: Callable[[ObservableCollection], None]) -> None:
    ObservableCollection._handle_change = func  # type: ignore[method-assign,assignment]


# name, what it does, its anchor (None when present, else what is missing), and how to set it
PATCHES: tuple[tuple[str, str, Callable[[], str | None], Callable[[], None], Callable[[], None]], ...] = (
    (
        "expects_arguments",
        "helpers.expects_arguments answered once per function",
        _expects_arguments_missing,
        lambda: _set_expects_arguments(expects_arguments),
        lambda: _set_expects_arguments(_original),
    ),
    (
        "props_parse",
        "Props.parse answered once per prop string",
        _parse_missing,
        lambda: _set_parse(parse_props),
        lambda: _set_parse(_parse),
    ),
    (
        "remove_elements",
        "Client.remove_elements frees removed elements without the cycle collector",
        _remove_elements_missing,
        lambda: _set_remove_elements(remove_elements),
        lambda: _set_remove_elements(_remove_elements),
    ),
    (
        "handle_change",
        "ObservableCollection._handle_change calls handlers without arguments directly",
        _handle_change_missing,
        lambda: _set_handle_change(handle_change),
        lambda: _set_handle_change(_nicegui_handle_change),
    ),
)


def tune() -> None:
    """Install the cheaper checks whose anchors are there (idempotent), each reported in
    `patches`; fewer, cheaper garbage collections."""
    for name, what, missing, apply, restore in PATCHES:
        why = missing()
        if why is None:
            apply()
        else:
            restore()
        patches.report(f"runtime.{name}", why is None, why or what)


def freeze_garbage() -> None:
    """After start-up: with 1,000 clients a full collection took ~0.5 s."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 50, 100)
