"""NiceGUI fenced: each change Cercle makes to its internals says whether it is in place (and
`/healthz` lists them), one whose anchor is gone is reported skipped instead of failing, and every
socket.io handler NiceGUI registers is either wrapped by the guard or declared safe.

`make nicegui-upgrade` reads the properties these tests record (the patches skipped, the handlers
unguarded) to say what a new NiceGUI broke."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jinja2
import nicegui
import pytest
import socketio
from nicegui import core
from nicegui.observables import ObservableCollection
from nicegui.testing import User

from facilitation.ui import guard, page_template, patches, runtime
from scripts import nicegui_upgrade

pytestmark = pytest.mark.nicegui

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def every_patch() -> set[str]:
    """The changes the code declares: each must be reported once installed."""
    return (
        {f"runtime.{name}" for name, *_ in runtime.PATCHES}
        | {f"page_template.{name}" for name, _ in page_template.PATCHES}
        | {f"guard.{name}" for name in guard.GUARDED}
        | {"guard.sockets"}
    )


@pytest.fixture
def registry() -> Iterator[None]:
    """The registry as it was before the test (a test's skipped patch does not outlive it)."""
    saved = dict(patches._patches)
    yield
    patches._patches.clear()
    patches._patches.update(saved)


async def test_healthz_lists_every_patch_applied_on_the_pinned_nicegui(
    user: User, record_property: Callable[[str, object], None]
) -> None:
    body = (await user.http_client.get("/healthz")).json()
    listed = body["nicegui"]
    skipped = [f"{p['name']}: {p['why']}" for p in listed["patches"] if not p["applied"]]
    record_property(nicegui_upgrade.SKIPPED, json.dumps(skipped))
    assert body["status"] == "ok" and body["database"]["status"] == "ok"  # the existing fields stay
    assert listed["version"] == nicegui.__version__ == nicegui_upgrade.pinned(PYPROJECT.read_text())
    assert {p["name"] for p in listed["patches"]} == every_patch()
    assert not skipped, f"patches skipped on NiceGUI {nicegui.__version__}: {skipped}"
    assert listed["skipped"] == 0 and all(p["why"] for p in listed["patches"])


def mount_line_moved() -> str:
    """NiceGUI's template with its mount line indented otherwise: the early socket's anchor."""
    source = page_template._loader[0].get_source(jinja2.Environment(), "index.html")[0]
    assert source.count(page_template.MOUNT) == 1
    return source.replace(page_template.MOUNT, '    app.mount("#app");')


@pytest.fixture
def template_without_mount(monkeypatch: pytest.MonkeyPatch, registry: None) -> Iterator[None]:
    page_template.install()  # NiceGUI's own loader kept
    monkeypatch.setattr(page_template, "_loader", [jinja2.DictLoader({"index.html": mount_line_moved()})])
    yield
    monkeypatch.undo()
    page_template.install()


async def test_a_template_change_whose_anchor_is_gone_is_reported_skipped(
    user: User, template_without_mount: None
) -> None:
    applied = page_template.install()  # does not raise
    assert applied["early_socket"] is False
    assert all(done for name, done in applied.items() if name != "early_socket")
    body = (await user.http_client.get("/healthz")).json()
    listed = {p["name"]: p for p in body["nicegui"]["patches"]}
    early = listed["page_template.early_socket"]
    assert early["applied"] is False and 'app.mount("#app");' in early["why"]
    assert body["nicegui"]["skipped"] == 1 and body["status"] == "ok"
    page = (await user.http_client.get("/")).text
    assert "cercleConnect" not in page and '    app.mount("#app");' in page  # as NiceGUI made it


@pytest.fixture
def changed_handle_change(monkeypatch: pytest.MonkeyPatch, registry: None) -> Iterator[None]:
    monkeypatch.setattr(runtime, "HANDLE_CHANGE_SOURCE", "def _handle_change(self) -> None:\n    pass\n")
    yield
    monkeypatch.undo()
    runtime.tune()
    assert ObservableCollection._handle_change is runtime.handle_change


def test_a_replacement_whose_original_changed_is_skipped_and_nicegui_kept(
    changed_handle_change: None,
) -> None:
    runtime.tune()
    assert ObservableCollection._handle_change is runtime._nicegui_handle_change  # NiceGUI's own
    listed = {p.name: p for p in patches.patches()}
    assert not listed["runtime.handle_change"].applied
    assert "HANDLE_CHANGE_SOURCE" in listed["runtime.handle_change"].why
    others = {f"runtime.{name}" for name, *_ in runtime.PATCHES} - {"runtime.handle_change"}
    assert all(listed[name].applied for name in others)


def handler(*args: Any) -> None:
    return None


def test_a_handler_nicegui_no_longer_registers_is_reported_skipped(registry: None) -> None:
    sio = socketio.AsyncServer(async_mode="asgi")
    for name in (*guard.GUARDED, "disconnect"):
        if name != "ack":
            sio.on(name, handler)
    guard.wrap(sio)
    listed = {p.name: p for p in patches.patches()}
    assert not listed["guard.ack"].applied and "'ack'" in listed["guard.ack"].why
    assert all(listed[f"guard.{name}"].applied for name in guard.GUARDED if name != "ack")
    assert guard.unguarded(sio) == []
    guard.wrap(sio)  # again: nothing wrapped twice
    assert all(sio.handlers["/"][name].cercle_guard for name in guard.GUARDED if name != "ack")


def test_a_handler_neither_wrapped_nor_safe_is_named() -> None:
    sio = socketio.AsyncServer(async_mode="asgi")
    for name in (*guard.GUARDED, "disconnect"):
        sio.on(name, handler)
    guard.wrap(sio)
    sio.on("upload", handler)
    sio.on("message", handler, namespace="/chat")

    class Other(socketio.AsyncNamespace):
        pass

    sio.register_namespace(Other("/other"))
    assert guard.unguarded(sio) == ["/ upload", "/chat message", "/other Other"]


async def test_every_socketio_handler_nicegui_registers_is_guarded_or_safe(
    user: User, record_property: Callable[[str, object], None]
) -> None:
    """A new handler in NiceGUI (or ours) routed by client id would let any socket speak for any
    page: wrap it in facilitation/ui/guard.py, or declare it in guard.SAFE with the reason."""
    sio = core.sio
    unguarded = guard.unguarded(sio)
    record_property(nicegui_upgrade.UNGUARDED, json.dumps(unguarded))
    assert not unguarded, f"socket.io handlers neither guarded nor declared safe: {unguarded}"
    registered = {f"{ns} {event}" for ns, handlers in sio.handlers.items() for event in handlers}
    assert {f"/ {name}" for name in guard.GUARDED} <= registered
    assert set(guard.SAFE) <= registered, "guard.SAFE names a handler NiceGUI no longer registers"
    assert all(reason.strip() for reason in guard.SAFE.values())
