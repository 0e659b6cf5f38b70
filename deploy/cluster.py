"""A Cercle cluster on this machine: PostgreSQL, Redis, N Cercle processes and HAProxy, on
loopback, from Debian's packages (`scripts/install-services.sh`), configured from this folder.

`python deploy/cluster.py` (what `make cluster` runs) starts one and serves until Ctrl-C; the
tests and `bench/cluster_load.py` use the same classes. Everything lives in a temporary folder,
on free ports unless told otherwise. PostgreSQL refuses to run as root: as root, `initdb` and
`pg_ctl` run as Debian's `postgres` user (`runuser`), in a folder given to that user.
"""

from __future__ import annotations

import argparse
import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

DEPLOY = Path(__file__).resolve().parent
ROOT = DEPLOY.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for_port(port: int, timeout: float = 30.0, process: subprocess.Popen[bytes] | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"process {process.args!r} exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing answers on 127.0.0.1:{port}")


def _stop(process: subprocess.Popen[bytes] | None, sig: int = signal.SIGTERM) -> None:
    if process is not None and process.poll() is None:
        process.send_signal(sig)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


class Postgres:
    """A PostgreSQL cluster of its own: initdb in a temporary folder, started with pg_ctl."""

    def __init__(self, port: int | None = None, durable: bool = True) -> None:
        self.port = port or free_port()
        self.durable = durable  # fsync and synchronous commits (off for the tests: faster, same logic)
        self.dir = Path(tempfile.mkdtemp(prefix="cercle-pg-"))
        self.data = self.dir / "data"
        bins = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
        if not bins:
            raise RuntimeError("PostgreSQL is not installed: sh scripts/install-services.sh")
        self.bin = Path(bins[-1]).parent
        self.as_user: list[str] = []
        if os.geteuid() == 0:
            owner = pwd.getpwnam("postgres")
            os.chown(self.dir, owner.pw_uid, owner.pw_gid)
            self.as_user = ["runuser", "-u", "postgres", "--"]

    @property
    def url(self) -> str:
        return f"postgresql://cercle@127.0.0.1:{self.port}/cercle"

    def _run(self, *args: str) -> None:
        subprocess.run([*self.as_user, *args], check=True, capture_output=True, cwd=self.dir)

    def start(self) -> Postgres:
        if not self.data.exists():
            self._run(
                str(self.bin / "initdb"), "-D", str(self.data), "-U", "cercle", "--auth=trust",
                "-E", "UTF8", "--locale=C", "--no-sync",
            )  # fmt: skip
            conf = (DEPLOY / "postgresql.conf").read_text()
            if not self.durable:
                conf += "\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
            conf += f"\nport = {self.port}\nunix_socket_directories = '{self.dir}'\n"
            conf_path = self.data / "cercle.conf"
            conf_path.write_text(conf)
            with (self.data / "postgresql.conf").open("a") as main:
                main.write("\ninclude 'cercle.conf'\n")
            if self.as_user:
                owner = pwd.getpwnam("postgres")
                os.chown(conf_path, owner.pw_uid, owner.pw_gid)
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.dir / "log"), "-w", "start")
        import psycopg

        with psycopg.connect(f"postgresql://cercle@127.0.0.1:{self.port}/postgres", autocommit=True) as db:
            if not db.execute("SELECT 1 FROM pg_database WHERE datname = 'cercle'").fetchone():
                db.execute("CREATE DATABASE cercle")
        return self

    def stop(self, clean: bool = True) -> None:
        if (self.data / "postmaster.pid").exists():
            try:
                self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")
            except subprocess.CalledProcessError:
                pass
        if clean:
            shutil.rmtree(self.dir, ignore_errors=True)


class Redis:
    def __init__(self, port: int | None = None) -> None:
        self.port = port or free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="cercle-redis-"))
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> Redis:
        server = shutil.which("redis-server")
        if server is None:
            raise RuntimeError("Redis is not installed: sh scripts/install-services.sh")
        log = (self.dir / "log").open("ab")
        self.process = subprocess.Popen(
            [server, str(DEPLOY / "redis.conf"), "--port", str(self.port), "--dir", str(self.dir)],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        wait_for_port(self.port, process=self.process)
        return self

    def kill(self) -> None:
        _stop(self.process, signal.SIGKILL)

    def stop(self, clean: bool = True) -> None:
        _stop(self.process)
        if clean:
            shutil.rmtree(self.dir, ignore_errors=True)


class Instance:
    """One Cercle process of the cluster (main.py), on its own port and data folder."""

    def __init__(
        self, name: str, env: dict[str, str], port: int | None = None, cpu: int | None = None
    ) -> None:
        self.name, self.env, self.cpu = name, env, cpu
        self.port = port or free_port()
        self.dir = Path(tempfile.mkdtemp(prefix=f"cercle-{name}-"))
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Instance:
        command = [
            sys.executable,
            str(ROOT / "main.py"),
            "--port",
            str(self.port),
            "--data-dir",
            str(self.dir),
        ]
        if self.cpu is not None and shutil.which("taskset"):
            command = ["taskset", "-c", str(self.cpu), *command]
        env = {**os.environ, **self.env}
        for inherited in ("NICEGUI_USER_SIMULATION", "PYTEST_CURRENT_TEST", "NICEGUI_SCREEN_TEST_PORT"):
            env.pop(inherited, None)  # else NiceGUI believes it runs under its own test harness
        log = (self.dir / "server.log").open("ab")
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        return self

    def wait(self, timeout: float = 60.0) -> Instance:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited: {self.output()[-3000:]}")
            try:
                with urllib.request.urlopen(f"{self.base_url}/healthz", timeout=1) as response:
                    if response.status == 200:
                        return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        raise RuntimeError(f"{self.name} did not start: {self.output()[-3000:]}")

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def kill(self) -> None:
        """SIGKILL: no clean shutdown, as in a crash."""
        _stop(self.process, signal.SIGKILL)

    def stop(self, clean: bool = True) -> None:
        _stop(self.process)
        if clean:
            shutil.rmtree(self.dir, ignore_errors=True)

    def output(self) -> str:
        path = self.dir / "server.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def cpu_seconds(self) -> float:
        """User and system CPU time of the process (its child, when started through taskset)."""
        assert self.process is not None
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Haproxy:
    def __init__(self, backends: list[str], port: int | None = None) -> None:
        if len(backends) != 3:
            raise ValueError("deploy/haproxy.cfg names three Cercle processes")
        self.port = port or free_port()
        self.backends = backends
        self.dir = Path(tempfile.mkdtemp(prefix="cercle-haproxy-"))
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Haproxy:
        haproxy = shutil.which("haproxy") or "/usr/sbin/haproxy"
        env = {**os.environ, "CERCLE_PROXY_BIND": f"127.0.0.1:{self.port}"}
        for i, backend in enumerate(self.backends, start=1):
            env[f"CERCLE_INSTANCE_{i}"] = backend
        log = (self.dir / "log").open("ab")
        self.process = subprocess.Popen(
            [haproxy, "-db", "-f", str(DEPLOY / "haproxy.cfg")], env=env, stdout=log, stderr=subprocess.STDOUT
        )
        wait_for_port(self.port, process=self.process)
        return self

    def stop(self, clean: bool = True) -> None:
        _stop(self.process)
        if clean:
            shutil.rmtree(self.dir, ignore_errors=True)


class Cluster:
    """PostgreSQL, Redis, `n` Cercle processes and HAProxy in front of them."""

    def __init__(
        self,
        n: int = 3,
        proxy_port: int | None = None,
        durable: bool = True,
        cpus: list[int] | None = None,
        env: dict[str, str] | None = None,
    ) -> None:
        self.postgres = Postgres(durable=durable)
        self.redis = Redis()
        self.proxy_port = proxy_port or free_port()
        self.public_url = f"http://127.0.0.1:{self.proxy_port}"
        self.n, self.cpus, self.extra_env = n, cpus, env or {}
        self.instances: list[Instance] = []
        self.proxy: Haproxy | None = None

    @property
    def base_url(self) -> str:
        return self.public_url

    def env(self) -> dict[str, str]:
        return {
            "CERCLE_DATABASE_URL": self.postgres.url,
            "CERCLE_REDIS_URL": self.redis.url,
            "CERCLE_STORAGE_SECRET": os.environ.get("CERCLE_STORAGE_SECRET")
            or "cluster-" + os.urandom(16).hex(),
            "CERCLE_TRUSTED_PROXY": "127.0.0.1",
            "CERCLE_PUBLIC_URL": self.public_url,
            **self.extra_env,
        }

    def start(self) -> Cluster:
        try:
            self.postgres.start()
            self.redis.start()
            env = self.env()
            for i in range(self.n):
                cpu = self.cpus[i % len(self.cpus)] if self.cpus else None
                self.instances.append(Instance(f"c{i + 1}", env, cpu=cpu).start())
            for instance in self.instances:
                instance.wait()
            self.proxy = Haproxy([f"127.0.0.1:{i.port}" for i in self.instances], self.proxy_port)
            self.proxy.start()
            self._wait_for_proxy()
        except BaseException:
            self.stop()
            raise
        return self

    def _wait_for_proxy(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.public_url}/healthz", timeout=1) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.2)
        raise RuntimeError("HAProxy does not reach the Cercle processes")

    def stop(self, clean: bool = True) -> None:
        if self.proxy is not None:
            self.proxy.stop(clean)
        for instance in self.instances:
            instance.stop(clean)
        self.redis.stop(clean)
        self.postgres.stop(clean)


def main() -> None:
    parser = argparse.ArgumentParser(
        description="PostgreSQL, Redis, 3 Cercle processes and HAProxy on loopback."
    )
    parser.add_argument("--port", type=int, default=8080, help="the proxy's port (default 8080)")
    parser.add_argument("--demo", action="store_true", help="open the demo session and print its links")
    args = parser.parse_args()
    cluster = Cluster(3, proxy_port=args.port, env={"CERCLE_PUBLIC_URL": f"http://127.0.0.1:{args.port}"})
    print("starting PostgreSQL, Redis, 3 Cercle processes and HAProxy...", flush=True)
    cluster.start()
    print(f"Cercle serves on {cluster.public_url} through HAProxy:", flush=True)
    for instance in cluster.instances:
        print(f"  {instance.name}: {instance.base_url} (log {instance.dir / 'server.log'})", flush=True)
    print(f"  PostgreSQL {cluster.postgres.url}, Redis {cluster.redis.url}", flush=True)
    if args.demo:
        import json

        request = urllib.request.Request(
            f"{cluster.public_url}/api/sessions",
            data=json.dumps({"plan": "open-detat-2018-03-12"}).encode(),
            method="POST",
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request) as response:
            created = json.loads(response.read())
        print(f"  console: {cluster.public_url}/host/{created['code']}?key={created['host_key']}", flush=True)
        print(f"  join:    {cluster.public_url}/j/{created['code']}", flush=True)
    print("Ctrl-C stops everything (the data is temporary).", flush=True)

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
