"""Cercle: settings, wiring, ui.run."""

import logging
import os

from nicegui import app, ui

from activities import register_all
from facilitation import logsafe
from facilitation import settings as config
from facilitation.activity import REGISTRY
from facilitation.demo import demo_session
from facilitation.service import Service
from facilitation.ui import delivery, pages


def main() -> None:
    simulated = bool(os.environ.get("NICEGUI_USER_SIMULATION"))  # under pytest's `user` fixture
    settings = config.load([] if simulated else None)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    logsafe.install()  # no control character, query string, key or address reaches the log
    register_all(REGISTRY)
    service = Service.open(settings)
    # saved documents; and, where the housekeeping lease is held: finish closes, purge, old drafts
    service.housekeeping()
    delivery.install()  # before pages: precompressed, long-cached static files; inline SVG icons
    pages.register(service)
    app.on_startup(service.start)  # the bus between processes, checks of a shared log
    app.on_shutdown(service.stop)
    if settings.base_url.startswith("http://127.0.0.1") and settings.host not in ("127.0.0.1", "localhost"):
        print(
            "Attention : aucune adresse réseau trouvée ; les téléphones ne pourront pas joindre 127.0.0.1. "
            "Indiquez --public-url. / Warning: no network address found; phones cannot reach 127.0.0.1: "
            "pass --public-url.",
            flush=True,
        )
    if settings.demo:
        code, key = demo_session(service)
        local = f"http://127.0.0.1:{settings.port}"
        print(f"Cercle serves on {local} (phones use {settings.base_url})", flush=True)
        print(f"  demo console: {local}/host/{code}?key={key}", flush=True)
        print(f"  screen:       {service.screen_url(code)}", flush=True)
        print(f"  join:         {service.join_url(code)}", flush=True)
    ui.run(
        title="Cercle",
        host=settings.host,
        port=settings.port,
        language="fr" if settings.lang == "fr" else "en-GB",  # each page sets its own (ui/frame.py)
        storage_secret=settings.storage_secret,
        # The `session` cookie holds the phones' participant tokens (14 days): Secure behind https.
        session_middleware_kwargs={"https_only": settings.base_url.startswith("https://")},
        reconnect_timeout=settings.reconnect_timeout,
        show=False,
        reload=False,
        show_welcome_message=False,
        favicon="🔵",
        binding_refresh_interval=None,
        # No Tailwind runtime in the browser: the utilities we use are in assets/utilities.css.
        tailwind=False,
        # Per-message deflate keeps a zlib window per websocket: ~270 KiB a phone for messages
        # that are a few hundred bytes. Off, 1,000 phones fit in one process.
        ws_per_message_deflate=False,
        # The client's address is the socket's peer, or what a proxy named by --trusted-proxy
        # says (facilitation/gate.py); uvicorn's own reading of X-Forwarded-For and its access
        # log (addresses, full URLs with their query) are off.
        proxy_headers=False,
        access_log=False,
    )


if __name__ in {"__main__", "__mp_main__"}:
    main()
