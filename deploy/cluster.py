"""A Cercle cluster on this machine: PostgreSQL, Redis, N Cercle processes and HAProxy, on
loopback, from Debian's packages (`scripts/install-services.sh`), configured from this folder.

`python deploy/cluster.py` (what `make cluster` runs) starts one and serves until Ctrl-C; the
tests and `bench/cluster_load.py` use the same classes. Everything lives in a temporary folder,
on free ports unless told otherwise. PostgreSQL refuses to run as root: as root, `initdb` and
`pg_ctl` run as Debian's `postgres` user (`runuser`), in a folder given to that user.

Nothing answers without a password, and each run draws its own (`secrets`), kept in memory and
in files only the service's user reads, never printed whole (`masked`):
- PostgreSQL: scram-sha-256 for every connection (`initdb --auth=scram-sha-256`); its
  superuser `postgres` has a password of its own that Cercle never uses; it creates the role
  `cercle` (no superuser, no role or database creation), which owns the database `cercle` and
  can connect to no other.
- Redis: the `default` user is off (`deploy/redis.conf`); the user `cercle` may run only what
  Cercle runs, on the keys and channels `cercle:*`; an `admin` user (its own password) is there
  for the operator and the tests.
"""

from __future__ import annotations

import argparse
import glob
import os
import pwd
import re
import secrets
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
from urllib.parse import quote

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


def new_password() -> str:
    """A password drawn for this run: 192 bits, URL-safe (it goes in the services' URLs)."""
    return secrets.token_urlsafe(24)


def masked(url: str) -> str:
    """`url` with the password of its user hidden, to be printed or logged."""
    return re.sub(r"^([a-z][a-z0-9+.-]*://[^:/@]*):[^@/]*@", r"\1:…@", url)


def _private(path: Path, text: str, owner: str | None = None) -> None:
    """Write `text` in a file that only its owner (this user, or `owner`) can read."""
    path.touch(mode=0o600)
    path.chmod(0o600)
    path.write_text(text)
    if owner is not None:
        user = pwd.getpwnam(owner)
        os.chown(path, user.pw_uid, user.pw_gid)


def _stop(process: subprocess.Popen[bytes] | None, sig: int = signal.SIGTERM) -> None:
    if process is not None and process.poll() is None:
        process.send_signal(sig)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


class Postgres:
    """A PostgreSQL cluster of its own: initdb in a temporary folder, started with pg_ctl, every
    connection authenticated by password (scram-sha-256); Cercle connects as `cercle`, which
    owns its database and nothing else."""

    USER = "cercle"
    DATABASE = "cercle"
    SUPERUSER = "postgres"

    def __init__(self, port: int | None = None, durable: bool = True) -> None:
        self.port = port or free_port()
        self.durable = durable  # fsync and synchronous commits (off for the tests: faster, same logic)
        self.password = new_password()  # Cercle's
        self.admin_password = new_password()  # the superuser's: creates Cercle's role, then unused
        self.dir = Path(tempfile.mkdtemp(prefix="cercle-pg-"))
        self.data = self.dir / "data"
        bins = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
        if not bins:
            raise RuntimeError("PostgreSQL is not installed: sh scripts/install-services.sh")
        self.bin = Path(bins[-1]).parent
        self.as_user: list[str] = []
        self.owner: str | None = None
        if os.geteuid() == 0:
            self.owner = "postgres"
            user = pwd.getpwnam(self.owner)
            os.chown(self.dir, user.pw_uid, user.pw_gid)
            self.as_user = ["runuser", "-u", self.owner, "--"]

    @property
    def url(self) -> str:
        """Cercle's URL (`CERCLE_DATABASE_URL`): its role, its password, its database."""
        return f"postgresql://{self.USER}:{quote(self.password)}@127.0.0.1:{self.port}/{self.DATABASE}"

    @property
    def admin_url(self) -> str:
        """The superuser's URL, for the operator (and the tests), never given to Cercle."""
        return f"postgresql://{self.SUPERUSER}:{quote(self.admin_password)}@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str) -> None:
        subprocess.run([*self.as_user, *args], check=True, capture_output=True, cwd=self.dir)

    def start(self) -> Postgres:
        if not self.data.exists():
            pwfile = self.dir / "pwfile"
            _private(pwfile, self.admin_password + "\n", self.owner)
            try:
                self._run(
                    str(self.bin / "initdb"), "-D", str(self.data), "-U", self.SUPERUSER,
                    "--auth=scram-sha-256", f"--pwfile={pwfile}",
                    "-E", "UTF8", "--locale=C", "--no-sync",
                )  # fmt: skip
            finally:
                pwfile.unlink(missing_ok=True)
            conf = (DEPLOY / "postgresql.conf").read_text()
            if not self.durable:
                conf += "\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
            conf += f"\nport = {self.port}\nunix_socket_directories = '{self.dir}'\n"
            conf_path = self.data / "cercle.conf"
            conf_path.write_text(conf)
            with (self.data / "postgresql.conf").open("a") as main:
                main.write("\ninclude 'cercle.conf'\n")
            if self.owner is not None:
                user = pwd.getpwnam(self.owner)
                os.chown(conf_path, user.pw_uid, user.pw_gid)
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.dir / "log"), "-w", "start")
        self._create_cercle()
        return self

    def _create_cercle(self) -> None:
        """As the superuser: the role `cercle` (its password sent already hashed, so that no
        statement carries it), its database, and no access to the others."""
        import psycopg
        from psycopg import sql

        with psycopg.connect(self.admin_url, autocommit=True) as db:
            verifier = db.pgconn.encrypt_password(
                self.password.encode(), self.USER.encode(), b"scram-sha-256"
            ).decode()
            role, database = sql.Identifier(self.USER), sql.Identifier(self.DATABASE)
            exists = db.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [self.USER]).fetchone()
            db.execute(
                sql.SQL(
                    "{} ROLE {} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD {}"
                ).format(sql.SQL("ALTER" if exists else "CREATE"), role, sql.Literal(verifier))
            )
            if not db.execute("SELECT 1 FROM pg_database WHERE datname = %s", [self.DATABASE]).fetchone():
                db.execute(sql.SQL("CREATE DATABASE {} OWNER {}").format(database, role))
            for other in ("postgres", "template1", self.DATABASE):
                db.execute(sql.SQL("REVOKE ALL ON DATABASE {} FROM PUBLIC").format(sql.Identifier(other)))
            db.execute(sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(database, role))

    def stop(self, clean: bool = True) -> None:
        if (self.data / "postmaster.pid").exists():
            try:
                self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")
            except subprocess.CalledProcessError:
                pass
        if clean:
            shutil.rmtree(self.dir, ignore_errors=True)


class Redis:
    """A redis-server with `deploy/redis.conf` (nothing on disk, `default` user off) and two
    users whose passwords this run draws: `cercle`, for Cercle, and `admin`."""

    # What Cercle runs (facilitation/redis_bus.py, facilitation/ephemeral.py), on its keys and
    # channels only: no CONFIG, no FLUSHALL, no KEYS, nothing of another application.
    CERCLE_ACL = (
        "resetkeys ~cercle:* resetchannels &cercle:* -@all "
        "+ping +echo +hello +auth +select +quit +reset +client|setname +client|getname +client|id "
        "+publish +subscribe +unsubscribe +hset +hdel +hgetall +expire +del"
    )

    def __init__(
        self, port: int | None = None, password: str | None = None, admin_password: str | None = None
    ) -> None:
        self.port = port or free_port()
        self.password = password or new_password()
        self.admin_password = admin_password or new_password()
        self.dir = Path(tempfile.mkdtemp(prefix="cercle-redis-"))
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """Cercle's URL (`CERCLE_REDIS_URL`): its user and password."""
        return f"redis://cercle:{quote(self.password)}@127.0.0.1:{self.port}/0"

    @property
    def admin_url(self) -> str:
        return f"redis://admin:{quote(self.admin_password)}@127.0.0.1:{self.port}/0"

    def again(self) -> Redis:
        """A new server on the same port with the same users (a restart, as an operator's)."""
        return Redis(self.port, self.password, self.admin_password)

    def start(self) -> Redis:
        server = shutil.which("redis-server")
        if server is None:
            raise RuntimeError("Redis is not installed: sh scripts/install-services.sh")
        conf = self.dir / "redis.conf"  # the users' passwords: readable by this user only
        _private(
            conf,
            f"include {DEPLOY / 'redis.conf'}\n"
            f"port {self.port}\n"
            f"dir {self.dir}\n"
            f"user cercle reset on >{self.password} {self.CERCLE_ACL}\n"
            f"user admin reset on >{self.admin_password} ~* &* +@all\n",
        )
        log = (self.dir / "log").open("ab")
        self.process = subprocess.Popen([server, str(conf)], stdout=log, stderr=subprocess.STDOUT)
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
    print(f"  PostgreSQL {masked(cluster.postgres.url)}, Redis {masked(cluster.redis.url)}", flush=True)
    print("  (passwords drawn for this run, in the processes' environment only)", flush=True)
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
