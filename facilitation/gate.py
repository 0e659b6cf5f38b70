"""The gate every HTTP request and websocket passes: the client's address (as a keyed hash), the
host key moved from the URL into a cookie, slower answers to guessing, and security headers.

- `/host/{code}?key=…` and `/r/{code}?key=…` set the host cookie when the key is right, then
  send the browser to the same page without the key, so that it stays out of the address bar,
  the history, `Referer` headers and logs. The cookie is HttpOnly, SameSite=Strict, Secure when
  the public URL is https, and scoped by path to the session's pages, its API and NiceGUI's
  socket (whose handshake checks it). A link followed from another site (a web mail, a chat)
  is a cross-site navigation, through which the browser withholds a Strict cookie, even after
  a redirect and on reload: such a request gets a tiny page of our own that continues to the
  console (a same-site navigation, which carries the cookie). Scripts and links typed or
  bookmarked get a plain 303.
- Every state-changing API request (POST, PUT, PATCH, DELETE under `/api/`) must send its body
  as `application/json` (else 415), and, unless it authenticates with `Authorization: Bearer`,
  come from Cercle's own pages: its `Origin` (or, without one, its `Sec-Fetch-Site`) must be
  this server's (else 403). A form or a `no-cors` fetch from another site, or from another port
  of the same host, can send neither a JSON content type nor a Bearer header without a CORS
  preflight, which Cercle never grants; so the host cookie alone never changes anything for them.
- Unknown session codes (`/j/`, `/screen/`, `/r/`, `/api/sessions/{code}…`) and wrong host
  keys count as failures of the address (codes together, keys by session); past a few, its wrong
  guesses are answered 429 for a while. A known code, a right key or cookie always passes: one
  person guessing behind a shared address (a NAT, a proxy) locks nobody else out.
- A code that cannot be one (letters outside ASCII) is answered 404 with a message at once.
- Every response carries `Referrer-Policy`, `X-Content-Type-Options`, `X-Frame-Options` and a
  `Content-Security-Policy` that NiceGUI works with (see docs/design.md).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Awaitable, Callable, Mapping
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from starlette.requests import cookie_parser

from .codes import normalise_code, readable_code
from .i18n import add, t
from .limits import Limits, Refusal
from .service import Service
from .settings import LANGUAGES

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

ADDRESS = "cercle_address"  # the key of the address's hash in the request's state
COOKIE_PREFIX = "cercle_host_"
COOKIE_AGE = 12 * 3600  # a forum day; the console link sets it again
KEYED_PAGE = re.compile(r"^/(host|r)/([^/]+)/?$")
CODE_ROUTE = re.compile(
    r"^/(?:j|screen|r)/([^/]+)/?$|^/api/sessions/([^/]+)(?:/export\.[^/]+|/plan\.toml|/agenda(?:/[^/]+)?)?$"
)

add(
    {
        "gate.code_unreadable": (
            "Aucune session n'a ce code : un code est fait de lettres et de chiffres latins, comme "
            "à l'écran de la salle (par exemple DTFQ6A). Vérifiez-le et réessayez.",
            "No session has this code: a code is made of Latin letters and digits, as on the "
            "room's screen (e.g. DTFQ6A). Check it and try again.",
        ),
    }
)

# NiceGUI renders its pages with inline scripts and evaluates JavaScript it is sent (event
# handlers, `run_javascript`, props given as expressions), and Tailwind's browser build writes
# <style> elements: hence 'unsafe-inline' and 'unsafe-eval'. Everything is served by Cercle itself.
CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
    "connect-src 'self'; media-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
)


WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})
WITH_BODY = frozenset({"POST", "PUT", "PATCH"})

add(
    {
        "gate.json_only": (
            "Cette requête doit envoyer du JSON (en-tête Content-Type: application/json).",
            "This request must send JSON (header Content-Type: application/json).",
        ),
        "gate.foreign_origin": (
            "Requête refusée : elle ne vient pas des pages de ce serveur. Faites-la depuis la console "
            "de Cercle, ou depuis un script avec l'en-tête Authorization: Bearer <clé d'animation>.",
            "Request refused: it does not come from this server's pages. Make it from Cercle's "
            "console, or from a script with the header Authorization: Bearer <host key>.",
        ),
        "gate.continue": ("Continuer", "Continue"),
    }
)


def cookie_name(code: str) -> str:
    return COOKIE_PREFIX + normalise_code(code)


def cookie_paths(code: str, root: str = "") -> list[str]:
    """Where the host cookie of `code` is sent: its console, its restitution, its API, the socket."""
    code = normalise_code(code)
    return [f"{root}/host/{code}", f"{root}/r/{code}", f"{root}/api/sessions/{code}", f"{root}/_nicegui_ws/"]


def set_cookie_headers(code: str, key: str, *, secure: bool, root: str = "") -> list[str]:
    flags = f"Max-Age={COOKIE_AGE}; HttpOnly; SameSite=Strict" + ("; Secure" if secure else "")
    return [f"{cookie_name(code)}={key}; Path={path}; {flags}" for path in cookie_paths(code, root)]


def host_key_from(cookies: Mapping[str, str], code: str) -> str | None:
    """The host key the cookies carry for session `code`, if any."""
    return cookies.get(cookie_name(code)) or None


def cookies_of(header: str | None) -> dict[str, str]:
    return cookie_parser(header or "")


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin-1")
    return None


class Gate:
    """ASGI middleware; see the module's docstring."""

    def __init__(self, app: ASGIApp, service: Service, limits: Limits) -> None:
        self.app, self.service, self.limits = app, service, limits
        self.frame_ancestors = service.settings.frame_ancestors

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        peer = (scope.get("client") or (None,))[0]
        address = self.limits.address(peer, _header(scope, b"x-forwarded-for"))
        scope.setdefault("state", {})[ADDRESS] = address
        if scope["type"] == "http":
            early = self.check(scope, address)
            send = self.with_headers(scope, send)
            if early is not None:
                await early(send)
                return
        await self.app(scope, receive, send)

    # --- guessing and the host cookie -----------------------------------------------------------

    def check(self, scope: Scope, address: str) -> Callable[[Send], Awaitable[None]] | None:
        """An early answer (redirect or refusal) for this request, or None to let it through."""
        path = scope["path"]
        query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
        try:
            if path.startswith("/api/") and scope.get("method") in WRITES:
                self.write_check(scope)
            keyed = KEYED_PAGE.match(path)
            if keyed:
                return self.keyed_page(scope, keyed.group(1), keyed.group(2), query, address)
            route = CODE_ROUTE.match(path)
            if route:
                self.code_check(route.group(1) or route.group(2), address)
        except Refusal as refusal:
            return self.refused(refusal, path, query.get("lang"))
        return None

    def write_check(self, scope: Scope) -> None:
        """Raises a refusal unless this state-changing API request sends JSON and either carries a
        Bearer key or comes from this server's own pages (see the module's docstring)."""
        if scope["method"] in WITH_BODY:
            media = (_header(scope, b"content-type") or "").split(";")[0].strip().lower()
            if media != "application/json":
                raise Refusal("gate.json_only", 415)
        scheme, _, value = (_header(scope, b"authorization") or "").partition(" ")
        if scheme.lower() == "bearer" and value.strip():
            return  # a script: no browser adds this header to a cross-origin request unasked
        origin = _header(scope, b"origin")
        if origin is not None:
            if origin.rstrip("/").lower() not in self.own_origins(scope):
                raise Refusal("gate.foreign_origin", 403)
            return
        fetch_site = _header(scope, b"sec-fetch-site")
        if fetch_site is not None and fetch_site.lower() != "same-origin":
            raise Refusal("gate.foreign_origin", 403)
        # Neither header: not a browser of this decade (they send Origin with every POST, PUT,
        # PATCH and DELETE); a script, whose own cookies are its own business.

    def own_origins(self, scope: Scope) -> set[str]:
        """The origins of Cercle's own pages: as this request reached it, and its public URL."""
        origins = set()
        host = _header(scope, b"host")
        if host:
            scheme = "https" if scope.get("scheme") == "https" or self.forwarded_https(scope) else "http"
            origins.add(f"{scheme}://{host}".lower())
        public = urlsplit(self.service.settings.base_url)
        if public.scheme and public.netloc:
            origins.add(f"{public.scheme}://{public.netloc}".lower())
        return origins

    def code_check(self, code: str, address: str) -> None:
        """Count an unknown code as a failure of `address`; raises while unknown ones must wait,
        and at once for a code that cannot be one. A known code always passes."""
        code = normalise_code(code)
        known = readable_code(code) and self.service.rooms.store.code_taken(code)
        self.limits.code_guess(address, known)
        if not readable_code(code):
            raise Refusal("gate.code_unreadable", 404)

    def keyed_page(
        self, scope: Scope, page: str, raw_code: str, query: dict[str, str], address: str
    ) -> Callable[[Send], Awaitable[None]] | None:
        code = normalise_code(raw_code)
        key = query.pop("key", None)
        if not readable_code(code):
            self.code_check(code, address)  # raises
        cookie = host_key_from(cookies_of(_header(scope, b"cookie")), code)
        given = key or cookie
        if given is None:
            if page == "r":
                self.code_check(code, address)  # the public page
            return None  # the console says the key is missing
        right = self.service.rooms.key_ok(code, given)
        if not right and not self.service.rooms.store.code_taken(code):
            self.code_check(code, address)  # a key for no session: a guess of codes
        else:
            self.limits.key_guess(address, code, right)
        if key is None:
            return None  # a cookie: the page checks it again and says what it finds
        location = f"{scope.get('root_path', '')}/{page}/{code}" + (f"?{urlencode(query)}" if query else "")
        headers = [("cache-control", "no-store")]
        if right:
            root = scope.get("root_path", "")
            cookies = set_cookie_headers(code, key, secure=self.secure(scope), root=root)
            headers += [("set-cookie", c) for c in cookies]
        if self.from_elsewhere(scope):
            asked = query.get("lang")
            lang = asked if asked is not None and asked in LANGUAGES else self.service.settings.lang
            return _respond(200, continuation(location, lang), [*headers, ("content-type", HTML)])
        return _respond(303, b"", [("location", location), *headers])

    def secure(self, scope: Scope) -> bool:
        """Whether cookies are `Secure`: the public URL, this request or a trusted proxy is https."""
        public = self.service.settings.base_url.startswith("https://")
        return public or scope.get("scheme") == "https" or self.forwarded_https(scope)

    @staticmethod
    def from_elsewhere(scope: Scope) -> bool:
        """Whether a browser navigates here from another site (or does not say where from):
        anything but a link typed, bookmarked or followed on Cercle's own pages."""
        if "text/html" not in (_header(scope, b"accept") or ""):
            return False  # a script: it follows a redirect and sends its cookies as it likes
        return (_header(scope, b"sec-fetch-site") or "").lower() not in ("none", "same-origin")

    def forwarded_https(self, scope: Scope) -> bool:
        """HTTPS as a trusted proxy says (its `X-Forwarded-Proto`)."""
        peer = (scope.get("client") or (None,))[0]
        proto = (_header(scope, b"x-forwarded-proto") or "").lower()
        return proto == "https" and self.limits.trusts(peer)

    def refused(self, refusal: Refusal, path: str, lang: str | None) -> Callable[[Send], Awaitable[None]]:
        headers = [("cache-control", "no-store")]
        if refusal.status == 429:
            headers.append(("retry-after", str(refusal.retry_after or 1)))
        if path.startswith("/api/"):
            body = json.dumps(
                {"error": refusal.message("en"), "message_fr": refusal.message("fr")}, ensure_ascii=False
            )
            return _respond(refusal.status, body.encode(), [*headers, ("content-type", "application/json")])
        lang = lang if lang in LANGUAGES else self.service.settings.lang
        other = "en" if lang == "fr" else "fr"
        page = (
            f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>Cercle</title>'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            '<link rel="stylesheet" href="/assets/cercle.css"></head><body class="cercle-page">'
            f'<p class="cercle-notice cercle-notice-error">{html.escape(refusal.message(lang))}</p>'
            f'<p lang="{other}" class="cercle-muted">{html.escape(refusal.message(other))}</p>'
            f'<p><a href="/">{html.escape(t("app.name", lang))}</a></p></body></html>'
        )
        return _respond(refusal.status, page.encode(), [*headers, ("content-type", HTML)])

    # --- headers ------------------------------------------------------------------------------

    def security_headers(self, path: str) -> list[tuple[bytes, bytes]]:
        framed = bool(self.frame_ancestors) and path.startswith("/screen/")
        ancestors = self.frame_ancestors if framed else "'none'"
        headers = [
            (b"referrer-policy", b"no-referrer"),
            (b"x-content-type-options", b"nosniff"),
            (b"content-security-policy", f"{CSP}; frame-ancestors {ancestors}".encode()),
        ]
        if not framed:
            headers.append((b"x-frame-options", b"DENY"))
        return headers

    def with_headers(self, scope: Scope, send: Send) -> Send:
        extra = self.security_headers(scope["path"])
        names = {name for name, _ in extra}

        async def sending(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message = {**message, "headers": kept + extra}
            await send(message)

        return sending


HTML = "text/html; charset=utf-8"


def continuation(location: str, lang: str) -> bytes:
    """A page that goes on to `location` at once: a navigation started by a page of this site, so
    the browser sends the SameSite=Strict host cookie with it (it replaces this page in the
    history, so Back does not return to the key). Without JavaScript, a link does the same."""
    target = html.escape(location, quote=True)
    script = json.dumps(location).replace("<", "\\u003c")  # nothing in it may close the script
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>Cercle</title>'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<link rel="stylesheet" href="/assets/cercle.css"></head><body class="cercle-page">'
        f'<p><a id="cercle-continue" href="{target}">{html.escape(t("gate.continue", lang))}</a></p>'
        f"<script>location.replace({script});</script></body></html>"
    ).encode()


def _respond(status: int, body: bytes, headers: list[tuple[str, str]]) -> Callable[[Send], Awaitable[None]]:
    raw = [(k.encode(), v.encode("latin-1")) for k, v in headers] + [
        (b"content-length", str(len(body)).encode())
    ]

    async def respond(send: Send) -> None:
        await send({"type": "http.response.start", "status": status, "headers": raw})
        await send({"type": "http.response.body", "body": body})

    return respond
