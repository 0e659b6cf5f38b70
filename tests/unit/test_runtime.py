"""The runtime tuning: removed elements are freed without the cycle collector, and what NiceGUI
computes per element is remembered without changing its answers."""

from __future__ import annotations

import collections
import gc
from collections.abc import Iterator

import pytest
from nicegui import ui
from nicegui.client import Client
from nicegui.page import page
from nicegui.props import Props

from facilitation.ui import runtime

pytestmark = pytest.mark.nicegui  # NiceGUI's internals: run again by `make nicegui-upgrade`


@pytest.fixture
def client() -> Iterator[Client]:
    runtime.tune()
    client = Client(page("/"), request=None)
    yield client
    client.remove_all_elements()


def cyclic_garbage(build: collections.abc.Callable[[], None]) -> collections.Counter[str]:
    """The objects that only the cycle collector would free after `build` runs."""
    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        build()
        gc.collect()
        return collections.Counter(type(o).__name__ for o in gc.garbage)
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if was_enabled:
            gc.enable()


def test_removed_elements_are_freed_by_reference_counting(client: Client) -> None:
    with client, client.content:
        column = ui.column()

    def build_and_clear() -> None:
        with client, column:
            for _ in range(10):
                ui.label("x").classes("cercle-muted").props('data-testid="x"').style("color:red")
                ui.button("b", on_click=lambda: None).props("no-caps")
                ui.html("<b>x</b>")
        column.clear()

    build_and_clear()  # first use: caches fill
    garbage = cyclic_garbage(build_and_clear)
    assert not {"Classes", "Style", "Props", "Label", "Button", "Html"} & set(garbage), garbage
    assert sum(garbage.values()) < 10, garbage


def test_parsed_props_are_the_same_and_not_shared() -> None:
    runtime.tune()
    text = 'data-testid="dm-choice-a" aria-pressed="false" no-caps maxlength=12'
    first = Props.parse(text)
    assert first == runtime._parse(text)
    first["data-testid"] = "changed"
    assert Props.parse(text)["data-testid"] == "dm-choice-a"
    assert Props.parse('options=["a", "b"]') == {"options": ["a", "b"]}
    mutable = Props.parse('options=["a", "b"]')
    mutable["options"].append("c")
    assert Props.parse('options=["a", "b"]') == {"options": ["a", "b"]}
    assert Props.parse(None) == {} and Props.parse("") == {}
