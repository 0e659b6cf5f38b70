"""How pages reach a phone on a weak link: versioned assets, long caching, brotli, inline icons.

- Our files under `/assets/` are linked with a hash of their content (`?v=`). With the right
  hash a file is cached for a year (`immutable`); without it, it is revalidated (`no-cache`).
  NiceGUI's own files (`/_nicegui/{version}/static/`) carry its version in their path and are
  cached for a year as well. Pages themselves are never stored (NiceGUI's `no-store`).
- Static text files (NiceGUI's and ours) are compressed once, with brotli at its best level (gzip
  for browsers without brotli), kept in memory and sent as they are: a fifth fewer bytes than
  gzip on the fly, and no CPU per request. Pages, JSON and the rest keep NiceGUI's gzip
  (Starlette's GZipMiddleware, which flushes streamed responses chunk by chunk); the websocket
  is never compressed (per-message deflate is off, see main.py).
- Icons are inline SVG (assets/icons.js, written by scripts/make_icons.py): Quasar's `iconMapFn`
  turns an icon's name into its outline, and the 129 KB icon font is never loaded.
- Quasar comes without the components no page uses (assets/quasar.subset.js, written by
  scripts/make_quasar_subset.py): 47 KB over the wire instead of 129 KB. Pages ask for it with
  its hash (`quasar.umd.prod.js?v=`); NiceGUI's full file stays at the plain address, and is
  used again if the subset's Quasar version is not the one NiceGUI ships.
- Tailwind does not run in the browser (`ui.run(tailwind=False)`): the utilities the code uses
  are in assets/utilities.css, written by scripts/make_utilities_css.py.
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import re
import threading
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import anyio
import brotli
import jinja2
import nicegui
from nicegui import app, background_tasks
from nicegui import client as nicegui_client

log = logging.getLogger(__name__)

ASSETS = Path(__file__).resolve().parent.parent.parent / "assets"
NICEGUI_STATIC = Path(nicegui.__file__).resolve().parent / "static"
STATIC_PREFIX = f"/_nicegui/{nicegui.__version__}/static/"
ASSETS_PREFIX = "/assets/"
YEAR = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".map": "application/json",
    ".svg": "image/svg+xml",
    ".html": "text/html; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}
LARGEST = 4_000_000  # bytes: larger files go uncompressed rather than sit in memory
STYLESHEETS = ("utilities.css", "cercle.css")  # utilities first: cercle.css wins ties, as it did
ICONS = "icons.js"
QUASAR = "quasar.umd.prod.js"  # the file of NiceGUI's that the subset replaces
SUBSET = ASSETS / "quasar.subset.js"
QUASAR_VERSION = re.compile(r"Quasar Framework v(\S+)")
# What every page loads (with prod_js): compressed at start-up, so that no phone waits for it.
EVERY_PAGE = (
    "fonts.css",
    "quasar.unimportant.prod.css",
    "quasar.important.prod.css",
    "nicegui.css",
    "socket.io.min.js",
    "vue.esm-browser.prod.js",
    "nicegui.js",
    "dompurify.mjs",
    "utils/resources.js",
    "utils/dynamic_properties.js",
    "lang/fr.umd.prod.js",
    "lang/en-US.umd.prod.js",
)
# Runs before Quasar is installed: an icon whose outline we have is drawn as inline SVG.
ICON_MAP = (
    "vue_config.iconMapFn = (name) => "
    "(window.cercleIcons && window.cercleIcons[name] ? { icon: window.cercleIcons[name] } : undefined);\n"
)

_subset = {"active": False}
_template_loader: list[jinja2.BaseLoader] = []  # NiceGUI's own, kept to patch it afresh
_encoded: dict[tuple[str, str, int, int], bytes] = {}
_digests: dict[tuple[str, int, int], str] = {}
_locks: dict[tuple[str, str, int, int], threading.Lock] = {}
_guard = threading.Lock()


def digest(path: Path) -> str:
    """A short hash of a file's content, recomputed when the file changes."""
    stat = path.stat()
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if key not in _digests:
        _digests[key] = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    return _digests[key]


def url(name: str) -> str:
    """The versioned address of a file in assets/: cached for a year, replaced when it changes."""
    return f"{ASSETS_PREFIX}{name}?v={digest(ASSETS / name)}"


def head_html() -> str:
    """The stylesheets and the icons, for a page's <head>."""
    links = "".join(f'<link rel="stylesheet" href="{url(name)}">' for name in STYLESHEETS)
    return links + f'<script defer src="{url(ICONS)}"></script>'


def compress(data: bytes, encoding: str) -> bytes:
    if encoding == "br":
        return brotli.compress(data, quality=11)
    return gzip.compress(data, compresslevel=9, mtime=0)


def encoded(path: Path, encoding: str) -> bytes:
    """The file compressed with `encoding`, computed once per version of the file (thread-safe)."""
    stat = path.stat()
    key = (str(path), encoding, stat.st_mtime_ns, stat.st_size)
    body = _encoded.get(key)
    if body is not None:
        return body
    with _guard:
        lock = _locks.setdefault(key, threading.Lock())
    with lock:  # a burst of phones on a cold cache compresses the file once, not once each
        if key not in _encoded:
            _encoded[key] = compress(path.read_bytes(), encoding)
    return _encoded[key]


def is_cached(path: Path, encoding: str) -> bool:
    stat = path.stat()
    return (str(path), encoding, stat.st_mtime_ns, stat.st_size) in _encoded


def warm() -> None:
    """Compress what every page loads (in a worker thread: brotli releases the GIL)."""
    quasar = [SUBSET] if _subset["active"] else [NICEGUI_STATIC / QUASAR]
    files = [NICEGUI_STATIC / name for name in EVERY_PAGE] + [ASSETS / name for name in (*STYLESHEETS, ICONS)]
    files += quasar
    for path in files:
        if path.is_file():
            for encoding in ("br", "gzip"):
                encoded(path, encoding)


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


def quasar_version(path: Path) -> str | None:
    """The Quasar version a build says in its banner."""
    match = QUASAR_VERSION.search(path.read_text(encoding="utf-8")[:400]) if path.is_file() else None
    return match.group(1) if match else None


def use_quasar_subset() -> bool:
    """Pages load the subset (by its hash) when it is built for the Quasar that NiceGUI ships."""
    env = nicegui_client.templates.env
    if not _template_loader:
        _template_loader.append(env.loader)
    env.loader = _template_loader[0]
    env.cache.clear()
    _subset["active"] = False
    if quasar_version(SUBSET) != quasar_version(NICEGUI_STATIC / QUASAR):
        log.warning("assets/quasar.subset.js is not for NiceGUI's Quasar: serving the full Quasar")
        return False
    template = env.loader.get_source(env, "index.html")[0]
    marker = f'/static/{QUASAR}"'
    if marker not in template:
        log.warning("NiceGUI's page template no longer loads %s: serving the full Quasar", QUASAR)
        return False
    patched = template.replace(marker, f'/static/{QUASAR}?v={digest(SUBSET)}"')
    env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({"index.html": patched}), _template_loader[0]])
    _subset["active"] = True
    return True


def locate(path: str, query: str) -> tuple[Path, str] | None:
    """The static file a request asks for, with its Cache-Control; None for anything else."""
    if path == STATIC_PREFIX + QUASAR and _subset["active"] and "v=" in query:
        fresh = parse_qs(query).get("v", [""])[0] == digest(SUBSET)
        return SUBSET, YEAR if fresh else REVALIDATE
    if path.startswith(STATIC_PREFIX):
        root, rest, cache = NICEGUI_STATIC, path[len(STATIC_PREFIX) :], YEAR
    elif path.startswith(ASSETS_PREFIX):
        root, rest, cache = ASSETS, path[len(ASSETS_PREFIX) :], ""
    else:
        return None
    file = (root / rest).resolve()
    if not file.is_relative_to(root.resolve()) or not file.is_file():
        return None
    if not cache:
        versions = parse_qs(query).get("v", [])
        cache = YEAR if versions and versions[0] == digest(file) else REVALIDATE
    return file, cache


Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class StaticDelivery:
    """ASGI middleware: precompressed static files, and cache headers on /assets/."""

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
        if encoding is None or kind is None or file.stat().st_size > LARGEST:
            await self.app(scope, receive, with_cache_control(send, cache))
            return
        if is_cached(file, encoding):
            body = encoded(file, encoding)
        else:
            body = await anyio.to_thread.run_sync(encoded, file, encoding)
        etag = f'"{digest(file)}-{encoding}"'
        common = [
            (b"cache-control", cache.encode()),
            (b"etag", etag.encode()),
            (b"vary", b"Accept-Encoding"),
        ]
        if etag.encode() in [t.strip() for t in headers.get(b"if-none-match", b"").split(b",")]:
            await send({"type": "http.response.start", "status": 304, "headers": common})
            await send({"type": "http.response.body", "body": b""})
            return
        response_headers = [
            *common,
            (b"content-type", kind.encode()),
            (b"content-encoding", encoding.encode()),
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


def install() -> None:
    """Before ui.run: the middleware, the icon map, and the compression of what every page loads."""
    app.add_middleware(StaticDelivery)
    use_quasar_subset()
    if ICON_MAP not in app.config.vue_config_script:
        app.config.vue_config_script = ICON_MAP + app.config.vue_config_script

    async def warm_up() -> None:
        try:
            await anyio.to_thread.run_sync(warm)
        except OSError:
            log.exception("could not compress the static files ahead (they will be, when asked for)")

    app.on_startup(lambda: background_tasks.create(warm_up(), name="compress static files"))
