"""Socket events bound to the socket that opened the page, and the console's socket to the host.

NiceGUI routes a socket event by the `client_id` it carries and never looks at the socket it came
on; a client's id is in its page and in its websocket URL (so in any proxy's log). These wrappers
around NiceGUI's socket.io handlers close that:
- `event`, `javascript_response`, `ack` and `log` are accepted only from a socket that NiceGUI
  registered for that client at its handshake (every client: consoles, screens, phones);
- a handshake, implicit or explicit, is accepted only from a socket whose signed `session`
  cookie names the browser that loaded the page (its id in NiceGUI's storage): the client id
  and tab id in a phone's websocket URL no longer let another browser speak as that phone;
- a client marked as a host's (`mark_host`: the console, the restitution page in moderation
  mode) accepts a handshake, implicit (`connect`) or explicit (`handshake`), only from a socket
  whose HTTP request carried a valid host cookie for its session;
- the `log` event (what NiceGUI's JavaScript reports) is bounded in size and rate.

Every other handler NiceGUI registers must be in SAFE, with the reason it needs no guard:
tests/unit/test_nicegui_fence.py fails on one that is neither (`unguarded`). Each wrapper is
reported in `patches` (skipped when NiceGUI no longer registers the handler it wraps), and so is
the anchor `registered` reads (NiceGUI's private `Client._socket_to_document_id`).
"""

from __future__ import annotations

import inspect
import json
import logging
from base64 import b64decode
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs

import itsdangerous
import socketio
from nicegui import Client, core
from nicegui.storage import Storage

from ..gate import ADDRESS, cookies_of, host_key_from
from ..limits import Buckets, Limits, Refusal
from ..service import Service
from . import patches

log = logging.getLogger("cercle.browser")

NAMESPACE = "/"  # NiceGUI's handlers are all on socket.io's default namespace
GUARDED = ("connect", "handshake", "event", "javascript_response", "ack", "log")
# NiceGUI's handlers left as they are, each with the reason it needs no guard ("namespace event").
SAFE = {
    "/ disconnect": (
        "socket.io calls it for the socket that closed, by its own sid; NiceGUI then drops that "
        "socket from the clients whose room it entered at its handshake: a socket can end only itself"
    ),
}
DOES = {
    "connect": "an implicit handshake to a host's page needs its host cookie",
    "handshake": "a handshake to a host's page needs its host cookie",
    "event": "accepted only from a socket registered for its client",
    "javascript_response": "accepted only from a socket registered for its client",
    "ack": "accepted only from a socket registered for its client",
    "log": "accepted only from a socket registered for its client, bounded in size and rate",
}
LOG_MAX = 300  # characters of one browser message
LOG_PER_CLIENT = 10  # messages a minute, per page
LOG_OVERALL = 120  # messages a minute, all pages together
SESSION_COOKIE = "session"  # NiceGUI's signed storage cookie (Starlette's SessionMiddleware)
SESSION_AGE = 14 * 24 * 3600  # its lifetime, as the middleware checks it
LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warning": logging.WARNING, "error": logging.WARNING}

HOSTS: dict[str, str] = {}  # client id -> the session code its page hosts
_current: dict[str, Any] = {}  # the running service and limits (the handlers outlive a test's app)


def mark_host(client: Client, code: str) -> None:
    """From now on, `client` accepts a handshake only with the host cookie of `code`."""
    HOSTS[client.id] = code
    client.on_delete(lambda: HOSTS.pop(client.id, None))


def registered(client: Client, sid: str) -> bool:
    """Whether `sid` is a socket that NiceGUI registered for `client` at its handshake."""
    return sid in getattr(client, "_socket_to_document_id", {})


def host_allowed(client_id: str, environ: dict[str, Any] | None) -> bool:
    """False when `client_id` is a host's page and the socket's request lacks its valid cookie."""
    code = HOSTS.get(client_id)
    if code is None:
        return True
    service: Service = _current["service"]
    key = host_key_from(cookies_of((environ or {}).get("HTTP_COOKIE")), code)
    if service.rooms.key_ok(code, key):
        return True
    limits: Limits = _current["limits"]
    scope = (environ or {}).get("asgi.scope") or {}
    try:
        limits.key_guess((scope.get("state") or {}).get(ADDRESS, "unknown"), code, False)
    except Refusal:
        pass  # refused either way; the address already waits
    return False


def browser_of(environ: dict[str, Any] | None) -> str | None:
    """The browser id in the signed `session` cookie of a socket's request (None: no valid one)."""
    raw = cookies_of((environ or {}).get("HTTP_COOKIE")).get(SESSION_COOKIE)
    if not raw or not Storage.secret:
        return None
    try:
        signed = itsdangerous.TimestampSigner(str(Storage.secret)).unsign(raw.encode(), max_age=SESSION_AGE)
        browser = json.loads(b64decode(signed)).get("id")
    except (itsdangerous.BadSignature, ValueError, AttributeError):
        return None
    return browser if isinstance(browser, str) else None


def same_browser(client_id: str, environ: dict[str, Any] | None) -> bool:
    """False when the page of `client_id` was loaded by a browser whose session cookie this
    socket's request does not carry."""
    client = Client.instances.get(client_id)
    request = getattr(client, "_request", None)
    if client is None or request is None or "session" not in request.scope:
        return True  # no such page (NiceGUI refuses it), or one served without the storage
    loaded_by = request.session.get("id")
    return loaded_by is None or browser_of(environ) == loaded_by


def allowed(client_id: str, environ: dict[str, Any] | None) -> bool:
    """Whether a socket with this request may handshake for `client_id`."""
    return same_browser(client_id, environ) and host_allowed(client_id, environ)


def _client(msg: Any) -> Client | None:
    if not isinstance(msg, dict) or not isinstance(msg.get("client_id"), str):
        return None
    return Client.instances.get(msg["client_id"])


async def _call(handler: Callable[..., Any], *args: Any) -> Any:
    result = handler(*args)
    return await result if inspect.isawaitable(result) else result


def unguarded(sio: socketio.AsyncServer) -> list[str]:
    """Handlers of `sio` ("namespace event"), on every namespace, neither wrapped here nor SAFE."""
    found = []
    for namespace, handlers in sio.handlers.items():
        for event, handler in handlers.items():
            name = f"{namespace} {event}"
            if not getattr(handler, "cercle_guard", False) and name not in SAFE:
                found.append(name)
    for namespace, handler in sio.namespace_handlers.items():  # class-based: all of its events
        name = f"{namespace} {type(handler).__name__}"
        if name not in SAFE:
            found.append(name)
    return sorted(found)


def _sockets_anchor() -> bool:
    """Whether NiceGUI's clients still keep the sockets registered at their handshake where
    `registered` reads them."""
    try:
        return "self._socket_to_document_id:" in inspect.getsource(Client.__init__)
    except (OSError, TypeError):
        return False


def install(service: Service, limits: Limits) -> None:
    """Wrap NiceGUI's handlers (once per process: socket.io's server outlives a test's app)."""
    _current.update(service=service, limits=limits)
    _current["log_budget"] = Buckets(LOG_OVERALL / 60, LOG_OVERALL)
    _current["log_pages"] = Buckets(LOG_PER_CLIENT / 60, LOG_PER_CLIENT)
    HOSTS.clear()
    wrap(core.sio)


def wrap(sio: socketio.AsyncServer) -> None:
    """Wrap the handlers of GUARDED that `sio` has (again: the ones already wrapped stay), each
    reported in `patches`."""
    if _sockets_anchor():
        patches.report("guard.sockets", True, "events bound to the socket that made the handshake")
    else:
        patches.report(
            "guard.sockets",
            False,
            "nicegui.client.Client no longer keeps _socket_to_document_id: every page's events are "
            "refused until guard.registered reads where NiceGUI keeps them",
        )
    handlers = sio.handlers.get(NAMESPACE, {})
    original = {
        name: handlers[name]
        for name in GUARDED
        if name in handlers and not getattr(handlers[name], "cercle_guard", False)
    }
    for name in GUARDED:
        if name not in handlers:
            why = f"NiceGUI registers no socket.io handler {name!r} on {NAMESPACE!r} any more"
            patches.report(f"guard.{name}", False, why)
        elif name not in original:
            patches.report(f"guard.{name}", True, DOES[name])

    async def connect(sid: str, environ: dict[str, Any], auth: Any = None) -> Any:
        query = parse_qs(environ.get("QUERY_STRING", ""))
        client_id = (query.get("client_id") or [""])[0]
        if (query.get("implicit_handshake") or [""])[0] == "true" and not allowed(client_id, environ):
            raise socketio.exceptions.ConnectionRefusedError("Implicit handshake failed")
        return await _call(original["connect"], sid, environ, auth)

    async def handshake(sid: str, data: Any) -> bool:
        if not isinstance(data, dict) or not isinstance(data.get("client_id"), str):
            return False
        if not allowed(data["client_id"], sio.get_environ(sid)):
            return False
        return await _call(original["handshake"], sid, data)

    def bound(name: str) -> Callable[[str, Any], Any]:
        async def handler(sid: str, msg: Any) -> Any:
            client = _client(msg)
            if client is None or not registered(client, sid):
                return None  # another socket speaking for this client: ignored
            return await _call(original[name], sid, msg)

        return handler

    async def browser_log(sid: str, msg: Any) -> None:
        client = _client(msg)
        if client is None or not registered(client, sid):
            return
        level, message = msg.get("level"), msg.get("message")
        if level not in LEVELS or not isinstance(message, str):
            return
        if _current["log_pages"].take(client.id) or _current["log_budget"].take("all"):
            return  # over the rate: dropped
        cut = "…" if len(message) > LOG_MAX else ""
        log.log(LEVELS[level], "browser: %s%s", message[:LOG_MAX], cut)

    guarded = {
        "connect": connect,
        "handshake": handshake,
        "event": bound("event"),
        "javascript_response": bound("javascript_response"),
        "ack": bound("ack"),
        "log": browser_log,
    }
    for name, handler in guarded.items():
        if name in original:
            handler.cercle_guard = True  # type: ignore[attr-defined]
            sio.on(name, handler, namespace=NAMESPACE)
            patches.report(f"guard.{name}", True, DOES[name])
