"""A plan written from scratch in the app, exported as TOML and uploaded again on the home page,
gives the same agenda; a malformed file gets a readable message."""

from __future__ import annotations

import pytest

from tests.browser.conftest import LAPTOP, fill
from tests.browser.test_agenda_live import pick_kind

pytestmark = pytest.mark.browser


def add_item(page, kind: str, title: str, minutes: int) -> None:
    page.get_by_test_id("add-item").click()
    pick_kind(page, kind, moment=kind == "Temps")
    fill(page, "item-title", title)
    fill(page, "item-duration", str(minutes))


def upload(page, server, name: str, content: bytes) -> None:
    page.goto(server.base_url + "/")
    page.locator("[data-testid=upload-plan] input[type=file]").set_input_files(
        files=[{"name": name, "mimeType": "text/plain", "buffer": content}]
    )


def test_plan_written_exported_and_uploaded_again(server, browser) -> None:
    page = browser.new_context(viewport=LAPTOP).new_page()
    page.goto(server.base_url + "/")
    page.get_by_test_id("prepare").click()
    page.get_by_test_id("details").wait_for()
    code = page.url.split("/host/")[1].split("?")[0]
    fill(page, "details-title", "Forum des communs")
    fill(page, "details-date", "2026-06-04")
    page.get_by_test_id("save-details").click()
    page.get_by_text("Détails enregistrés.").wait_for()

    add_item(page, "Temps", "Accueil", 15)
    page.get_by_test_id("save-item").click()
    page.get_by_test_id("item-0").wait_for()
    add_item(page, "World café", "Ateliers", 60)
    for n, theme in enumerate(["Données ouvertes", "Services publics"]):
        page.get_by_test_id("add-themes").click()
        fill(page, f"setting-themes-{n}-title", theme)
    fill(page, "setting-group_size", "1")
    page.get_by_text("doit être au moins 2").wait_for()  # checked as it is typed
    assert page.get_by_test_id("save-item").is_disabled()
    fill(page, "setting-group_size", "6")
    page.get_by_test_id("save-item").click()
    page.get_by_test_id("item-1").wait_for()

    exported = page.request.get(f"{server.base_url}/api/sessions/{code}/plan.toml")
    assert exported.status == 200
    toml = exported.body()
    assert b'title = "Forum des communs"' in toml and b"Services publics" in toml

    upload(page, server, "forum.toml", toml)
    link = page.get_by_test_id("host-link")
    link.wait_for()
    new_code = link.inner_text().split("/host/")[1].split("?")[0]
    assert new_code != code
    _, first = server.request("GET", f"/api/sessions/{code}")
    _, second = server.request("GET", f"/api/sessions/{new_code}")
    shape = [(i["title"], i["kind"], i["planned_minutes"]) for i in first["agenda"]]
    assert shape == [("Accueil", "moment", 15), ("Ateliers", "world_cafe", 60)]
    assert [(i["title"], i["kind"], i["planned_minutes"]) for i in second["agenda"]] == shape
    assert second["title"] == "Forum des communs" and second["date"] == "2026-06-04"
    key = link.inner_text().split("key=")[1]
    status, again = server.request(
        "GET", f"/api/sessions/{new_code}/plan.toml", headers={"Authorization": f"Bearer {key}"}
    )
    assert status == 200 and again == toml.decode()

    upload(page, server, "cassé.toml", b'title = "x"\n[[agenda]]\ntitle = "a"\nduration = -5\n')
    error = page.get_by_test_id("home-error")
    error.wait_for()
    assert "ligne 4" in error.inner_text() and "agenda[1].duration" in error.inner_text()
    assert "Traceback" not in page.content()
