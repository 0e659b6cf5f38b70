"""A real Cercle server process on a free loopback port, for browser, restart and privacy tests."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT = 120.0  # seconds for the server to answer at all (over 30 s on a busy machine)
DETECTOR_TIMEOUT = 120.0  # seconds for the detector to load on a busy machine (its own limit: 60 s)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, data_dir: Path, port: int | None = None, env: dict[str, str] | None = None) -> None:
        self.data_dir = data_dir
        self.port = port or free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.env = env or {}
        self.process: subprocess.Popen[bytes] | None = None
        self.log_path = data_dir.parent / f"server-{self.port}.log"

    def start(self, timeout: float = START_TIMEOUT) -> Server:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        # A browser test module opens many sessions from 127.0.0.1: the creation limits (tested on
        # their own in tests/ui/test_limits.py) would refuse them.
        limits = {"CERCLE_CREATIONS_BURST": "1000", "CERCLE_CREATIONS_PER_HOUR": "100000"}
        env = {**os.environ, "CERCLE_STORAGE_SECRET": "test-secret", **limits, **self.env}
        for inherited in ("NICEGUI_USER_SIMULATION", "PYTEST_CURRENT_TEST", "NICEGUI_SCREEN_TEST_PORT"):
            env.pop(inherited, None)  # else NiceGUI believes it runs under its own test harness
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [
                sys.executable,
                str(ROOT / "main.py"),
                "--port",
                str(self.port),
                "--data-dir",
                str(self.data_dir),
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: {self.log_path.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{self.base_url}/healthz", timeout=1) as response:
                    if response.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        else:
            raise RuntimeError("server did not start in time")
        # The personal-data detector loads in the background (a few seconds, more on a busy
        # machine); a text sent meanwhile waits for it. Tests that type a text and expect it
        # taken at once start when it is loaded.
        deadline = time.monotonic() + DETECTOR_TIMEOUT
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.base_url}/healthz", timeout=5) as response:
                    detector = json.load(response).get("detector")
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                detector = None  # a slow answer on a busy machine: ask again
            if detector == "ready":
                return self
            if detector == "failed":
                raise RuntimeError(f"the detector failed to load: {self.log_path.read_text()[-2000:]}")
            time.sleep(0.2)
        raise RuntimeError("the detector did not load in time")

    def kill(self) -> None:
        """SIGKILL: no clean shutdown, as in a crash."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()

    def request(
        self, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None
    ) -> tuple[int, Any]:
        data = json.dumps(body).encode() if body is not None else None
        sent = {"Content-Type": "application/json"} if data is not None else {}
        req = urllib.request.Request(
            f"{self.base_url}{path}", data=data, method=method, headers={**sent, **(headers or {})}
        )
        try:
            with urllib.request.urlopen(req, timeout=30) as response:
                raw = response.read()
                status = response.status
        except urllib.error.HTTPError as exc:
            raw, status = exc.read(), exc.code
        try:
            return status, json.loads(raw)
        except ValueError:
            return status, raw.decode(errors="replace")

    def create(self, **body: Any) -> dict[str, Any]:
        status, data = self.request("POST", "/api/sessions", body or {"plan": "open-detat-2018-03-12"})
        assert status == 201, data
        return data

    def output(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
