"""The agenda's API, for scripts: the same commands and events as the console's editor.

- `GET /api/sessions/{code}/plan.toml`: the session's details and agenda as a plan file.
- `POST /api/sessions/{code}/agenda`: add an item. The body is one item with the fields of a
  plan's `[[agenda]]` table (`{"kind": "moment", "title": "Pause", "text": "", "duration": 10}`,
  `settings` for an activity), plus an optional `position` (0 is first; default: at the end).
  Answers 201 with the item's `id` and `index` (its position).
- `PATCH /api/sessions/{code}/agenda/{id}`: change a future item's `title`, `text`, `duration`
  or `settings` (what is left out stays).
- `DELETE /api/sessions/{code}/agenda/{id}`: remove a future item.
- `POST /api/sessions/{code}/agenda/order`: `{"order": [ids…]}` (every id once), or
  `{"id": 4, "position": 2}` to move one item.

`{id}` is the item's stable id, as `GET /api/sessions/{code}` lists it (`"id"`, beside its
`"index"`). The host key comes as `Authorization: Bearer <host key>` (or the console's cookie,
from its own pages only: see `gate.py`). Bodies are `application/json` (else 415).
Errors are JSON: 401/403 without the right key, 404 unknown session or item, 409 an item that
ran or runs, or a place at or before the current item, or a closed session, 422 a bad item.
"""

from __future__ import annotations

import json
import logging
from typing import Annotated, Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictInt, StrictStr, ValidationError

from . import agenda
from .api import MAX_BODY, error, public_summary, read_body
from .api_export import refusal
from .codes import normalise_code
from .commands import HOST
from .i18n import RuleViolation, add, explain, t
from .limits import Limits
from .nesting import MAX_DEPTH, too_deep
from .plans import plan_toml
from .room import Room
from .service import Service

CONFLICTS = {"agenda.error.started", "agenda.error.past", "error.closed"}
log = logging.getLogger("cercle.api")

add(
    {
        "api.too_deep": (
            "Le corps de la requête s'imbrique sur plus de {max} niveaux : un élément d'ordre du jour "
            "et ses réglages n'en demandent que quelques-uns. Envoyez-les comme dans un plan.",
            "The request body nests more than {max} levels deep: an agenda item and its settings "
            "need only a few. Send them as a plan writes them.",
        ),
    }
)


SETTINGS_MAX = 16 * 1024  # bytes of an item's settings as JSON (the largest shipped plan's: ~3 KB)
Title = Annotated[StrictStr, Field(max_length=agenda.TITLE_MAX)]
Body = Annotated[StrictStr, Field(max_length=agenda.TEXT_MAX)]
Kind = Annotated[StrictStr, Field(max_length=40)]
Minutes = StrictInt  # a boolean is not a duration (its range: the agenda's rules, translated)
Place = StrictInt
ItemId = StrictInt


def bounded(settings: dict[str, Any] | None) -> dict[str, Any] | None:
    if settings is not None and len(json.dumps(settings, ensure_ascii=False).encode()) > SETTINGS_MAX:
        raise ValueError(f"settings over {SETTINGS_MAX // 1024} KiB")
    return settings


Settings = Annotated[dict[str, Any], AfterValidator(bounded)]


class NewItem(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: Title
    kind: Kind = "moment"
    text: Body = ""
    duration: Minutes = 0
    settings: Settings = Field(default_factory=dict)
    position: Place | None = None


class ItemChanges(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: Title | None = None
    text: Body | None = None
    duration: Minutes | None = None
    settings: Settings | None = None


class NewOrder(BaseModel):
    model_config = ConfigDict(extra="forbid")
    order: Annotated[list[ItemId], Field(max_length=agenda.MAX_ITEMS)] | None = None
    id: ItemId | None = None
    position: Place | None = None


def refused_by_rules(refusal: RuleViolation) -> JSONResponse:
    status = 404 if refusal.key == "error.no_item" else 409 if refusal.key in CONFLICTS else 422
    return error(status, refusal.message("en"), message_fr=refusal.message("fr"))


def too_deep_body() -> JSONResponse:
    log.info("agenda request refused: its body nests deeper than %d levels", MAX_DEPTH)
    message = {lang: t("api.too_deep", lang, max=MAX_DEPTH) for lang in ("en", "fr")}
    return error(422, message["en"], message_fr=message["fr"])


async def body_of(request: Request, model: type[BaseModel]) -> BaseModel | JSONResponse:
    raw = await read_body(request)
    if raw is None:
        return error(413, f"Request body over {MAX_BODY // 1024} KiB.")
    try:
        data = json.loads(raw or b"null")
    except json.JSONDecodeError as exc:
        return error(422, f"The body is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno}).")
    except RecursionError:  # the JSON reader recurses: deeper than it goes
        return too_deep_body()
    except (UnicodeDecodeError, ValueError):
        return error(400, "The body is not JSON in UTF-8.")
    if too_deep(data):
        return too_deep_body()
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        return error(422, f"Invalid body: {explain(exc, root='body')}.")


def register(app: FastAPI, service: Service, limits: Limits) -> None:
    def host_room(code: str, request: Request) -> Room | JSONResponse:
        room = service.rooms.get(normalise_code(code))
        if room is None:
            return error(404, f"No session has the code {code!r}.")
        denied = refusal(service, limits, room.code, request)
        return denied if denied is not None else room

    async def run(room: Room, command: Any, *args: Any, **kwargs: Any) -> JSONResponse | None:
        try:
            await room.run(HOST, command, *args, **kwargs)
        except RuleViolation as refusal:
            return refused_by_rules(refusal)
        return None

    def answer(room: Room, status: int = 200, **extra: Any) -> JSONResponse:
        return JSONResponse({**extra, "session": public_summary(service, room.code)}, status_code=status)

    @app.get("/api/sessions/{code}/plan.toml")
    async def export_plan(code: str, request: Request) -> Response:
        room = host_room(code, request)
        if isinstance(room, JSONResponse):
            return room
        return Response(
            plan_toml(room.state),
            media_type="application/toml; charset=utf-8",
            headers={
                "Content-Disposition": f'attachment; filename="cercle-{room.code}.toml"',
                "Cache-Control": "no-store",
            },
        )

    @app.post("/api/sessions/{code}/agenda")
    async def add_item(code: str, request: Request) -> JSONResponse:
        room = host_room(code, request)
        if isinstance(room, JSONResponse):
            return room
        body = await body_of(request, NewItem)
        if isinstance(body, JSONResponse):
            return body
        assert isinstance(body, NewItem)
        item = {
            "title": body.title,
            "kind": body.kind,
            "text": body.text,
            "duration_min": body.duration,
            "settings": body.settings,
        }
        expected = room.state.next_id
        failed = await run(room, agenda.add_item, item, body.position)
        if failed is not None:
            return failed
        return answer(room, 201, id=expected, index=room.state.position_of(expected))

    @app.patch("/api/sessions/{code}/agenda/{item_id}")
    async def edit_item(code: str, item_id: int, request: Request) -> JSONResponse:
        room = host_room(code, request)
        if isinstance(room, JSONResponse):
            return room
        body = await body_of(request, ItemChanges)
        if isinstance(body, JSONResponse):
            return body
        assert isinstance(body, ItemChanges)
        failed = await run(
            room,
            agenda.edit_item,
            item_id,
            title=body.title,
            text=body.text,
            duration_min=body.duration,
            settings=body.settings,
        )
        if failed is not None:
            return failed
        return answer(room, id=item_id, index=room.state.position_of(item_id))

    @app.delete("/api/sessions/{code}/agenda/{item_id}")
    async def remove_item(code: str, item_id: int, request: Request) -> JSONResponse:
        room = host_room(code, request)
        if isinstance(room, JSONResponse):
            return room
        failed = await run(room, agenda.remove_item, item_id)
        return failed if failed is not None else answer(room, removed=item_id)

    @app.post("/api/sessions/{code}/agenda/order")
    async def reorder(code: str, request: Request) -> JSONResponse:
        room = host_room(code, request)
        if isinstance(room, JSONResponse):
            return room
        body = await body_of(request, NewOrder)
        if isinstance(body, JSONResponse):
            return body
        assert isinstance(body, NewOrder)
        if body.order is not None:
            failed = await run(room, agenda.reorder, body.order)
        elif body.id is not None and body.position is not None:
            failed = await run(room, agenda.move_item, body.id, body.position)
        else:
            return error(422, 'Send {"order": [ids...]} or {"id": <id>, "position": <position>}.')
        return failed if failed is not None else answer(room, order=room.state.order)
