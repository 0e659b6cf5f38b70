"""UI tests run the app in this process: its personal-data detector loads once, here, so that
the first text a test sends is not checked while the engine loads."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session", autouse=True)
def detector_loaded() -> None:
    from facilitation import detector

    detector.engine()
