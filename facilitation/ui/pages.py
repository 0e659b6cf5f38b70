"""Wires the pages, the API, the assets, the limits and the runtime tuning into NiceGUI's app."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from nicegui import app, background_tasks

from .. import api, api_agenda, api_export, drafts, logsafe
from ..detector import screening
from ..gate import Gate
from ..limits import Limits
from ..service import Service
from . import console, frame, guard, home, phone, restitution, runtime, screen, static_files

ASSETS = Path(__file__).resolve().parent.parent.parent / "assets"
DRAFTS_EVERY = 3600.0  # seconds between two purges of sessions never started

log = logging.getLogger(__name__)


def register(service: Service) -> Limits:
    logsafe.install()
    limits = Limits.from_settings(service.settings)
    app.state.cercle = service  # for tests and tools that run inside the app
    app.state.cercle_limits = limits
    app.add_middleware(Gate, service=service, limits=limits)
    guard.install(service, limits)
    app.add_static_files("/assets", ASSETS)
    frame.localise_nicegui()  # the connection banner in the page's language
    api.register(app, service, limits)
    api_export.register(app, service, limits)
    api_agenda.register(app, service, limits)
    home.register(service, limits)
    console.register(service)
    screen.register(service)
    phone.register(service)
    restitution.register(service, limits)
    for kind in service.rooms.registry.kinds():
        css = getattr(service.rooms.registry.get(kind), "css", "")
        if css:
            static_files.add_css(css)  # in the pages' stylesheet, cached: not in every page
    app.on_startup(tune_runtime)
    screening.configure("thread" if service.settings.detector == "thread" else "process")
    # The detector loads in the background as the server starts: ready before the first text.
    app.on_startup(lambda: background_tasks.create(warm_detector(), name="detector"))
    app.on_shutdown(screening.shutdown)
    if service.settings.draft_ttl_hours > 0:
        app.on_startup(lambda: background_tasks.create(purge_drafts(service), name="drafts"))
    return limits


async def warm_detector() -> None:
    try:
        await screening.start()
    except Exception:  # checks then fail closed: texts are held as "could not be checked"
        log.exception("the personal-data detector could not start")


async def purge_drafts(service: Service) -> None:
    """Erase sessions never started, past their delay, every hour (main.py does it at start-up)."""
    while True:
        await asyncio.sleep(DRAFTS_EVERY)
        try:
            drafts.purge_unstarted(service.rooms, service.settings.draft_ttl_hours)
        except Exception:
            log.exception("the purge of sessions never started failed")


def tune_runtime() -> None:
    """See `runtime.py`: cheaper checks of NiceGUI's handlers, fewer garbage collections."""
    runtime.tune()
    runtime.freeze_garbage()
