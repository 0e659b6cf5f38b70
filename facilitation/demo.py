"""The demo session that `make run` opens: the 2018 plan, dated the day it is created, reused
across restarts."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from .plans import load_plan
from .service import Service

DEMO_PLAN = "open-detat-2018-03-12"


def demo_session(service: Service, today: date | None = None) -> tuple[str, str]:
    """The open demo session's code and host key, creating one if there is none.

    The host key is stored in the database only as a hash; for the demo alone it is also kept
    in `<data>/demo-session.json` (mode 600) so that `make run` can print the console link again.
    A new demo is dated `today` (the day it runs), not the 2018 forum's day: its record says when
    it was really held.
    """
    path: Path = service.settings.data_dir / "demo-session.json"
    if path.exists():
        kept = json.loads(path.read_text())
        room = service.rooms.get(kept["code"])
        if (
            room is not None
            and room.state.status != "closed"
            and service.rooms.key_ok(kept["code"], kept["key"])
        ):
            return kept["code"], kept["key"]
    plan = load_plan(DEMO_PLAN, service.rooms.plans_dir, service.rooms.registry)
    day = (today or date.today()).isoformat()
    room, key = service.rooms.create(plan=plan.model_copy(update={"date": day}))
    path.write_text(json.dumps({"code": room.code, "key": key}))
    path.chmod(0o600)
    return room.code, key
