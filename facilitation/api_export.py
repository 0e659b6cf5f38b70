"""The restitution's API: exports in four formats, and erasure.

`GET /api/sessions/{code}/export.{md,html,json,csv}`: with the host key while the restitution is
not published, public once it is. `DELETE /api/sessions/{code}`: host key only. The key comes as
`Authorization: Bearer <host key>`, as the console's host cookie, or (for older scripts) as
`?key=`, which is never logged. Errors are JSON: 401 (no key), 403 (wrong key), 404 (no such
session or format), 429 (too many wrong keys from this address: `Retry-After`).
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response

from .api import address_of, bearer, error, refused
from .codes import normalise_code
from .gate import host_key_from
from .limits import Limits, Refusal
from .restitution import archive
from .service import Service
from .settings import LANGUAGES


def host_key(request: Request, code: str) -> str | None:
    return bearer(request) or host_key_from(request.cookies, code) or request.query_params.get("key") or None


def refusal(service: Service, limits: Limits, code: str, request: Request) -> JSONResponse | None:
    """None when the request carries the host key of `code`; else the JSON error to send."""
    key = host_key(request, code)
    if key is None:
        return JSONResponse(
            {"error": "This needs the host key: send 'Authorization: Bearer <host key>' or ?key=."},
            status_code=401,
            headers={"WWW-Authenticate": 'Bearer realm="cercle"'},
        )
    try:
        right = limits.key_guess(address_of(request), code, service.rooms.key_ok(code, key))
    except Refusal as refusal:  # wrong keys from this address must wait; a right one never does
        return refused(refusal)
    return None if right else error(403, "Wrong host key for this session.")


def register(app: FastAPI, service: Service, limits: Limits) -> None:
    rooms = service.rooms

    @app.get("/api/sessions/{code}/export.{fmt}")
    async def export(code: str, fmt: str, request: Request) -> Response:
        code = normalise_code(code)
        if fmt not in archive.FORMATS:
            return error(404, f"No export format {fmt!r}: use one of md, html, json, csv.")
        if not rooms.store.code_taken(code):
            return error(404, f"No session has the code {code!r}.")
        if not archive.is_published(rooms, code):
            denied = refusal(service, limits, code, request)
            if denied is not None:
                return denied
        lang = request.query_params.get("lang") or service.settings.lang
        if lang not in LANGUAGES:
            return error(422, f"Unknown language {lang!r}: use fr or en.")
        result = archive.export(rooms, code, fmt, lang)
        if result is None:
            return error(404, f"The restitution of {code!r} is not available.")
        media, body = result
        disposition = "inline" if fmt == "html" else "attachment"
        return Response(
            body,
            media_type=media,
            headers={
                "Content-Disposition": f'{disposition}; filename="cercle-{code}.{fmt}"',
                "Cache-Control": "no-store",
            },
        )

    @app.delete("/api/sessions/{code}")
    async def erase(code: str, request: Request) -> JSONResponse:
        code = normalise_code(code)
        if not rooms.store.code_taken(code):
            return error(404, f"No session has the code {code!r}.")
        denied = refusal(service, limits, code, request)
        if denied is not None:
            return denied
        rooms.erase(code)
        return JSONResponse({"erased": code})
