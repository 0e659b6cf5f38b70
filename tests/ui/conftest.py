"""UI tests run the app in this process: its personal-data detector loads once, here, so that
the first text a test sends is not checked while the engine loads."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session", autouse=True)
def detector_loaded() -> None:
    from facilitation import detector

    detector.engine()


SHOULD_SEE_RETRIES = 30  # 3 s: a text goes through the personal-data check first, slower on a busy machine


@pytest.fixture(autouse=True)
def patient_user(monkeypatch: pytest.MonkeyPatch) -> None:
    """NiceGUI's simulated user looks three times in 0.3 s; what follows a text's check may take
    longer on a loaded machine. Waiting longer changes no assertion: it only fails later."""
    from nicegui.testing.user import User

    original = User.should_see

    async def should_see(
        self: User, *args: object, retries: int = SHOULD_SEE_RETRIES, **kwargs: object
    ) -> None:
        await original(self, *args, retries=retries, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(User, "should_see", should_see)
