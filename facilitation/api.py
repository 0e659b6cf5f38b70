"""The HTTP API, for scripts, other tools and open data. Errors are JSON with a message."""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from . import __version__
from .agenda import planned_end
from .detector import screening
from .gate import ADDRESS
from .i18n import RuleViolation, explain
from .limits import Limits, Refusal
from .service import Service
from .ui import patches

MAX_BODY = 64 * 1024


class CreateSession(BaseModel):
    model_config = ConfigDict(extra="forbid")
    plan: str | None = Field(default=None, max_length=100)
    title: str | None = Field(default=None, max_length=200)


def error(status: int, message: str, headers: dict[str, str] | None = None, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": message, **extra}, status_code=status, headers=headers)


def refused(refusal: Refusal) -> JSONResponse:
    """A limit's refusal as JSON, in English with the French beside it."""
    headers = {}
    if refusal.retry_after:
        headers["Retry-After"] = str(refusal.retry_after)
    if refusal.status == 401:
        headers["WWW-Authenticate"] = 'Bearer realm="cercle"'
    return error(refusal.status, refusal.message("en"), headers, message_fr=refusal.message("fr"))


def address_of(request: Request) -> str:
    """The keyed hash of the client's address, as the gate left it (never the address itself)."""
    return getattr(request.state, ADDRESS, "unknown")


def bearer(request: Request) -> str | None:
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    return value.strip() or None if scheme.lower() == "bearer" else None


async def read_body(request: Request) -> bytes | None:
    """The body, or None when it is over MAX_BODY (checked while reading, not only by header)."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > MAX_BODY:
        return None
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def public_summary(service: Service, code: str) -> dict[str, Any] | None:
    room = service.rooms.get(code)
    if room is None:
        return None
    state = room.state
    counts = state.counts()
    return {
        "code": state.code,
        "title": state.title.model_dump(),  # texts as a plan writes them: a string, or {"fr", "en"}
        "date": state.date,
        "state": state.status,
        "current": state.current,  # the current item's id (see each item's "id" and "index")
        "planned_end": planned_end(state, room.clock())[0] if state.agenda else None,
        "agenda": [
            {
                "id": item_id,
                "index": index,
                "title": item.title.model_dump(),
                "kind": item.kind,
                "text": item.text.model_dump(),
                "planned_minutes": item.duration_min,
                "actual_seconds": state.item_seconds(item_id, room.clock()),
                "started": state.started(item_id),
                "available": item.kind == "moment" or item_id in state.activities,
            }
            for index, (item_id, item) in enumerate(state.agenda.items())
        ],
        "participants": {"total": counts["total"], "room": counts["room"], "remote": counts["remote"]},
    }


def register(app: FastAPI, service: Service, limits: Limits) -> None:
    @app.get("/healthz")
    async def healthz() -> JSONResponse:
        try:
            version = service.rooms.store.schema_version()
            database = {"status": "ok", "schema_version": version}
            status = 200
        except Exception as exc:  # the health check must answer even when the store does not
            database, status = {"status": "error", "message": str(exc)}, 503
        rooms = service.rooms
        failed = len(rooms.failed)
        sessions = {
            "open": len(rooms.open_rooms()),
            "failed": failed,  # logs that could not be replayed: the server log names them
            "subscriptions": rooms.bus.subscriptions(),
        }
        overall = "error" if status != 200 else "degraded" if failed else "ok"
        body: dict[str, object] = {"status": overall, "version": __version__, "database": database}
        body["sessions"] = sessions
        body["housekeeper"] = service.housekeeper  # holds the lease of what runs once (retention…)
        # the personal-data detector: texts sent while it loads wait for it (up to a minute)
        body["detector"] = screening.status()
        # NiceGUI's version and each change Cercle makes to its internals: applied, or skipped and why
        body["nicegui"] = patches.status()
        return JSONResponse(body, status)

    @app.post("/api/sessions")
    async def create_session(request: Request) -> JSONResponse:
        address = address_of(request)
        try:
            limits.check_organiser(bearer(request), address)
        except Refusal as refusal:
            return refused(refusal)
        body = await read_body(request)
        if body is None:
            return error(413, f"Request body over {MAX_BODY // 1024} KiB.")
        try:
            raw = json.loads(body or b"null")
        except json.JSONDecodeError as exc:
            return error(
                422, f"The body is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})."
            )
        except (UnicodeDecodeError, RecursionError, ValueError):
            return error(400, 'The body is not JSON in UTF-8. Send {"plan": "<name>"} or {"title": "..."}.')
        try:
            data = CreateSession.model_validate(raw)
        except ValidationError as exc:
            details = explain(exc, root="body")
            return error(422, f'Invalid body: {details}. Send {{"plan": "<name>"}} or {{"title": "..."}}.')
        if not data.plan and not (data.title or "").strip():
            return error(
                422, 'Give a plan ({"plan": "open-detat-2018-03-12"}) or a title ({"title": "..."}).'
            )
        try:
            limits.check_capacity(address, service.rooms.open_count())
        except Refusal as refusal:
            return refused(refusal)
        try:
            room, key = service.rooms.create(plan=data.plan, title=data.title)
        except RuleViolation as refusal:
            return error(422, refusal.message("en"), message_fr=refusal.message("fr"))
        code = room.code
        return JSONResponse(
            {
                "code": code,
                "host_key": key,
                "host_url": service.host_url(code, key),
                "screen_url": service.screen_url(code),
                "join_url": service.join_url(code),
            },
            status_code=201,
        )

    @app.get("/api/sessions/{code}")
    async def get_session(code: str) -> JSONResponse:
        summary = public_summary(service, code)
        if summary is None:
            return error(404, f"No session has the code {code!r}.")
        return JSONResponse(summary)
