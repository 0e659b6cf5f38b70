"""How pages reach a phone on a weak link: precompressed static files, inline icons.

- Static text files (NiceGUI's, ours, and the lighter stand-ins of static_files.py) are
  compressed once, with brotli at its best level (gzip for browsers without brotli), kept in
  memory and sent as they are: a fifth fewer bytes than gzip on the fly, and no CPU per request.
  Cache headers come from static_files.py. Pages, JSON and the rest keep NiceGUI's gzip
  (Starlette's GZipMiddleware, which flushes streamed responses chunk by chunk); the websocket
  is never compressed (per-message deflate is off, see main.py).
- Icons are inline SVG (assets/icons.js, written by scripts/make_icons.py): Quasar's `iconMapFn`
  turns an icon's name into its outline, and the 129 KB icon font is never loaded.
- Tailwind does not run in the browser (`ui.run(tailwind=False)`): the utilities the code uses
  are in assets/utilities.css, written by scripts/make_utilities_css.py.
"""

from __future__ import annotations

import gzip
import logging
import threading
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import anyio
import brotli
from nicegui import app, background_tasks

from . import page_template
from .static_files import (
    ASSETS,
    ICONS,
    NICEGUI_STATIC,
    OUR_CSS,
    PAGE_CSS,
    PAGE_JS,
    SUBSETS,
    VUE,
    VUE_RUNTIME,
    Built,
    Source,
    built,
    digest,
    locate,
    page_css_in_use,
    page_js_in_use,
    subsets_in_use,
    vue_runtime_in_use,
)

log = logging.getLogger(__name__)

# What is answered here. Never a document (HTML, SVG): those get the gate's headers.
TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".map": "application/json",
    ".txt": "text/plain; charset=utf-8",
}
LARGEST = 1_000_000  # bytes: larger files are left to gzip on the fly rather than kept in memory
# What every page loads (with prod_js): compressed at start-up, so that no phone waits for it.
EVERY_PAGE = (
    "socket.io.min.js",
    "nicegui.js",
    "dompurify.mjs",
    "utils/resources.js",
    "utils/dynamic_properties.js",
    "lang/fr.umd.prod.js",
    "lang/en-GB.umd.prod.js",
)
# Runs before Quasar is installed: an icon whose outline we have is drawn as inline SVG.
ICON_MAP = (
    "vue_config.iconMapFn = (name) => "
    "(window.cercleIcons && window.cercleIcons[name] ? { icon: window.cercleIcons[name] } : undefined);\n"
)
# Runs before NiceGUI registers its components: those whose template was compiled ahead get
# their render function (components.js, in static_files.PAGE_JS).
COMPONENTS = "window.cercleCompiled && cercleCompiled(app);\n"

_encoded: dict[tuple[str, str, str], bytes] = {}
_locks: dict[tuple[str, str, str], threading.Lock] = {}
_guard = threading.Lock()


def compress(data: bytes, encoding: str) -> bytes:
    if encoding == "br":
        return brotli.compress(data, quality=11)
    return gzip.compress(data, compresslevel=9, mtime=0)


def _key(source: Source, encoding: str) -> tuple[str, str, str]:
    name = f"built:{source.name}" if isinstance(source, Built) else str(source)
    return (name, encoding, digest(source))


def content(source: Source) -> bytes:
    return source.content if isinstance(source, Built) else source.read_bytes()


def size(source: Source) -> int:
    return len(source.content) if isinstance(source, Built) else source.stat().st_size


def encoded(source: Source, encoding: str) -> bytes:
    """The file compressed with `encoding`, computed once per version of the file (thread-safe)."""
    key = _key(source, encoding)
    body = _encoded.get(key)
    if body is not None:
        return body
    with _guard:
        lock = _locks.setdefault(key, threading.Lock())
    with lock:  # a burst of phones on a cold cache compresses the file once, not once each
        if key not in _encoded:
            _encoded[key] = compress(content(source), encoding)
    return _encoded[key]


def is_cached(source: Source, encoding: str) -> bool:
    return _key(source, encoding) in _encoded


def warm() -> None:
    """Compress what every page loads (in a worker thread: brotli releases the GIL)."""
    files: list[Source] = [NICEGUI_STATIC / name for name in EVERY_PAGE]
    if subsets_in_use():
        files += [SUBSETS["quasar.umd.prod.js"]]
    else:
        files += [NICEGUI_STATIC / name for name in SUBSETS]
    files.append(VUE_RUNTIME if vue_runtime_in_use() else NICEGUI_STATIC / VUE)
    files.append(built(PAGE_CSS if page_css_in_use() else OUR_CSS))
    files.append(built(PAGE_JS) if page_js_in_use() else ASSETS / ICONS)
    for source in files:
        if isinstance(source, Built) or source.is_file():
            for encoding in ("br", "gzip"):
                encoded(source, encoding)


def accepted(headers: dict[bytes, bytes]) -> str | None:
    """The best encoding the browser accepts: brotli, else gzip, else none."""
    offered = {}
    for part in headers.get(b"accept-encoding", b"").decode("latin-1").lower().split(","):
        name, _, params = part.strip().partition(";")
        quality = params.strip().removeprefix("q=")
        offered[name.strip()] = quality not in ("0", "0.0", "0.00", "0.000")
    for encoding in ("br", "gzip"):
        if offered.get(encoding):
            return encoding
    return None


Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class StaticDelivery:
    """ASGI middleware: precompressed static files, and cache headers on /assets/.

    It stands outside every other middleware (`install`): a script or a stylesheet is answered
    before the session cookie, the gate and NiceGUI's own layers, with a few short headers
    (about 250 bytes instead of 700: each is paid at 50 kB/s on a weak link, 17 times per page).
    The gate's Content-Security-Policy and frame options concern documents, never a script or a
    stylesheet; `X-Content-Type-Options` is kept. Anything else goes through the whole stack.
    """

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]]) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        found = locate(scope["path"], scope.get("query_string", b"").decode("latin-1"))
        if found is None:
            await self.app(scope, receive, send)
            return
        file, cache = found
        headers = dict(scope["headers"])
        encoding = accepted(headers)
        kind = TYPES.get(file.suffix)
        made = isinstance(file, Built)  # only here: sent as it is to a browser without compression
        if kind is None or (encoding is None and not made) or size(file) > LARGEST:
            await self.app(scope, receive, with_cache_control(send, cache))
            return
        etag = f'"{digest(file)}-{encoding or "identity"}"'
        common = [
            (b"cache-control", cache.encode()),
            (b"etag", etag.encode()),
            (b"vary", b"Accept-Encoding"),
            (b"x-content-type-options", b"nosniff"),
        ]
        if etag.encode() in [t.strip() for t in headers.get(b"if-none-match", b"").split(b",")]:
            await send({"type": "http.response.start", "status": 304, "headers": common})
            await send({"type": "http.response.body", "body": b""})
            return
        if encoding is None:
            body = content(file)
        elif is_cached(file, encoding):
            body = encoded(file, encoding)
        else:  # in a worker thread: brotli at its best level takes ~0.7 s for Quasar
            body = await anyio.to_thread.run_sync(encoded, file, encoding)
        response_headers = [
            *common,
            (b"content-type", kind.encode()),
            *([(b"content-encoding", encoding.encode())] if encoding else []),
            (b"content-length", str(len(body)).encode()),
        ]
        await send({"type": "http.response.start", "status": 200, "headers": response_headers})
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})


def with_cache_control(send: Send, cache: str) -> Send:
    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"cache-control"]
            message["headers"] = [*headers, (b"cache-control", cache.encode())]
        await send(message)

    return sending


def outermost(build: Callable[[], Any]) -> Callable[[], Any]:
    """Starlette's builder of the middleware stack, with StaticDelivery put around all of it."""

    def building() -> Any:
        return StaticDelivery(build())

    building.cercle_static_delivery = True  # type: ignore[attr-defined]
    return building


def is_outermost(build: Callable[[], Any]) -> bool:
    return bool(getattr(build, "cercle_static_delivery", False))


def install() -> None:
    """Before ui.run: the middleware, the icon map, and the compression of what every page loads."""
    # NiceGUI adds its own middleware in ui.run (session, gzip, cache headers), each around the
    # ones before: StaticDelivery goes around the finished stack instead.
    if not is_outermost(app.build_middleware_stack):
        app.build_middleware_stack = outermost(app.build_middleware_stack)  # type: ignore[method-assign]
    page_template.install()
    for script in (COMPONENTS, ICON_MAP):
        if script not in app.config.vue_config_script:
            app.config.vue_config_script = script + app.config.vue_config_script

    async def warm_up() -> None:
        try:
            await anyio.to_thread.run_sync(warm)
        except OSError:
            log.exception("could not compress the static files ahead (they will be, when asked for)")

    app.on_startup(lambda: background_tasks.create(warm_up(), name="compress static files"))
