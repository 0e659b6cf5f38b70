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
from ..limits import Buckets, Limits
from ..service import Service

log = logging.getLogger("cercle.browser")

GUARDED = ("connect", "handshake", "event", "javascript_response", "ack", "log")
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
    limits.keys.fail((scope.get("state") or {}).get(ADDRESS, "unknown"))
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


def install(service: Service, limits: Limits) -> None:
    """Wrap NiceGUI's handlers (once per process: socket.io's server outlives a test's app)."""
    _current.update(service=service, limits=limits)
    _current["log_budget"] = Buckets(LOG_OVERALL / 60, LOG_OVERALL)
    _current["log_pages"] = Buckets(LOG_PER_CLIENT / 60, LOG_PER_CLIENT)
    HOSTS.clear()
    sio = core.sio
    handlers = sio.handlers["/"]
    if getattr(handlers.get("event"), "cercle_guard", False):
        return
    original = {name: handlers[name] for name in GUARDED}

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
        handler.cercle_guard = True  # type: ignore[attr-defined]
        sio.on(name, handler)
