"""Wires the pages, the API, the assets and the runtime tuning into NiceGUI's app."""

from __future__ import annotations

import gc
from pathlib import Path

from nicegui import app, ui

from .. import api, api_export
from ..detector import screening
from ..service import Service
from . import console, home, phone, restitution, screen

ASSETS = Path(__file__).resolve().parent.parent.parent / "assets"


def register(service: Service) -> None:
    app.state.cercle = service  # for tests and tools that run inside the app
    app.add_static_files("/assets", ASSETS)
    api.register(app, service)
    api_export.register(app, service)
    home.register(service)
    console.register(service)
    screen.register(service)
    phone.register(service)
    restitution.register(service)
    for kind in service.rooms.registry.kinds():
        css = getattr(service.rooms.registry.get(kind), "css", "")
        if css:
            ui.add_css(css, shared=True)  # in every page's head: not re-sent to each phone per view
    app.on_startup(tune_runtime)
    app.on_shutdown(screening.shutdown)  # the detector's worker, if a text was ever checked


def tune_runtime() -> None:
    """Fewer, cheaper garbage collections: with 1,000 clients a full collection took ~0.5 s."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 50, 100)
