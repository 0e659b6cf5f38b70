"""The demo session (`--demo`): the 2018 plan, dated the day it runs, kept across restarts."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from facilitation.demo import demo_session
from facilitation.restitution import archive, render_md
from facilitation.service import Service
from facilitation.settings import Settings


def test_a_demo_run_today_is_dated_today_not_the_2018_forum(data_dir: Path) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    service = Service.open(
        Settings(data_dir=data_dir, database_url=os.environ.get("CERCLE_DATABASE_URL", ""))
    )
    try:
        code, key = demo_session(service, today=date(2026, 5, 4))
        assert service.rooms.get(code).state.date == "2026-05-04"
        doc = archive.document(service.rooms, code, "fr")
        assert doc is not None
        record = render_md.render(doc)
        assert "4 mai 2026" in record and "12 mars 2018" not in record
        assert demo_session(service, today=date(2026, 5, 5)) == (code, key)  # kept across restarts
    finally:
        service.rooms.store.close()
