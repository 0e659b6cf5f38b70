"""Settings from the command line and the environment (flags win over variables)."""

from __future__ import annotations

import argparse
import ipaddress
import os
import re
import secrets
import socket
from dataclasses import dataclass
from pathlib import Path

from .i18n import LANGUAGES
from .limits import parse_networks


@dataclass(frozen=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 8080
    data_dir: Path = Path("data")
    public_url: str = ""
    storage_secret: str = ""
    lang: str = "fr"
    demo: bool = False
    retention_days: int = 0
    organiser_key: str = ""
    trusted_proxy: str = ""
    creations_per_hour: float = 20.0
    creations_burst: int = 5
    max_open_sessions: int = 500
    draft_ttl_hours: float = 72.0
    reconnect_timeout: float = 30.0
    synchronous: str = "full"
    detector: str = "process"
    frame_ancestors: str = ""
    database_url: str = ""
    redis_url: str = ""

    @property
    def base_url(self) -> str:
        """The address phones use: the public URL if given, else one they can reach."""
        if self.public_url:
            return self.public_url.rstrip("/")
        host = self.host
        if host in ("0.0.0.0", "::", ""):
            host = lan_address()
        return f"http://{host}:{self.port}"


def lan_address() -> str:
    """This machine's LAN IPv4 address (private ranges first), found without sending a packet.

    Falls back to 127.0.0.1 when the machine has no other address; `main.py` then warns that
    phones cannot reach it and that `--public-url` is needed.
    """
    addresses = interface_addresses()
    private = [a for a in addresses if ipaddress.ip_address(a).is_private and not a.startswith("127.")]
    others = [a for a in addresses if not a.startswith("127.")]
    return (private or others or ["127.0.0.1"])[0]


def interface_addresses() -> list[str]:
    """IPv4 addresses of this machine's network interfaces (Linux ioctl; else the host name's)."""
    found: list[str] = []
    try:
        import fcntl
        import struct

        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            for _, name in socket.if_nameindex():
                try:
                    packed = fcntl.ioctl(
                        probe.fileno(), 0x8915, struct.pack("256s", name[:15].encode())
                    )  # SIOCGIFADDR
                except OSError:
                    continue  # an interface without an IPv4 address
                found.append(socket.inet_ntoa(packed[20:24]))
    except (ImportError, OSError, AttributeError):
        pass
    if not found:
        try:
            found = [
                str(info[4][0]) for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
            ]
        except OSError:
            pass
    return found


def build_parser() -> argparse.ArgumentParser:
    env = os.environ.get
    parser = argparse.ArgumentParser(
        prog="main.py",
        description="Cercle: live facilitation for open-government forums.",
        epilog="CERCLE_STORAGE_SECRET signs the phones' browser storage; when unset, one is generated "
        "once and kept in the data folder. CERCLE_RETENTION_DAYS purges the raw events of closed "
        "sessions after that many days (0 keeps them). CERCLE_ORGANISER_KEY, when set, is asked "
        "before any session is opened (a variable, not a flag: flags show in process lists). "
        "CERCLE_CREATIONS_PER_HOUR and CERCLE_CREATIONS_BURST limit the sessions one address opens; "
        "CERCLE_MAX_OPEN_SESSIONS caps the sessions open at once; CERCLE_DRAFT_TTL_HOURS erases "
        "sessions never started after that many hours (0 keeps them). CERCLE_DATABASE_URL "
        "(postgresql://…) puts the event log in PostgreSQL and CERCLE_REDIS_URL (redis://…) tells the "
        "other Cercle processes what changed: several processes behind a proxy then serve the same "
        "sessions (variables, not flags: a URL may hold a password).",
    )
    parser.add_argument(
        "--host",
        default=env("CERCLE_HOST", "127.0.0.1"),
        help="address to bind (CERCLE_HOST; 0.0.0.0 opens it to the room's Wi-Fi)",
    )
    parser.add_argument(
        "--port", type=int, default=int(env("CERCLE_PORT", "8080")), help="port (CERCLE_PORT)"
    )
    parser.add_argument(
        "--data-dir",
        default=env("CERCLE_DATA_DIR", "data"),
        help="folder of the SQLite store (CERCLE_DATA_DIR)",
    )
    parser.add_argument(
        "--public-url",
        default=env("CERCLE_PUBLIC_URL", ""),
        help="address the QR code encodes, e.g. https://forum.example.org behind a TLS proxy "
        "(CERCLE_PUBLIC_URL; default: the LAN address when bound to 0.0.0.0)",
    )
    parser.add_argument(
        "--lang", choices=LANGUAGES, default=env("CERCLE_LANG", "fr"), help="interface language (CERCLE_LANG)"
    )
    parser.add_argument(
        "--trusted-proxy",
        default=env("CERCLE_TRUSTED_PROXY", ""),
        help="address(es) or networks of the reverse proxy whose X-Forwarded-For is believed, e.g. "
        "127.0.0.1 or 10.0.0.0/8,::1 (CERCLE_TRUSTED_PROXY; default: none, the socket's peer counts; "
        "needed with an https:// --public-url)",
    )
    parser.add_argument(
        "--no-trusted-proxy",
        action="store_true",
        help="serve an https:// --public-url without --trusted-proxy, when clients reach Cercle with "
        "their own address (TLS ended by something that keeps it)",
    )
    parser.add_argument(
        "--frame-ancestors",
        default=env("CERCLE_FRAME_ANCESTORS", ""),
        help="who may show the screen page in a frame, as CSP sources, e.g. \"'self' https://intranet.example\" "
        "(CERCLE_FRAME_ANCESTORS; default: no page may be framed)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open (or reopen) the demo session of the 2018 plan and print its URLs",
    )
    return parser


def load(argv: list[str] | None = None) -> Settings:
    """Read the settings; the storage secret is generated once and kept in the data folder."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        parse_networks(args.trusted_proxy)
    except ValueError as exc:
        parser.error(f"--trusted-proxy: {exc}")
    proxied = args.public_url.strip().lower().startswith("https://")
    if args.no_trusted_proxy and args.trusted_proxy.strip():
        parser.error(
            "--no-trusted-proxy et --trusted-proxy se contredisent : gardez-en un. / "
            "--no-trusted-proxy and --trusted-proxy contradict each other: keep one."
        )
    if proxied and not args.trusted_proxy.strip() and not args.no_trusted_proxy:
        parser.error(
            "--public-url https://… sans --trusted-proxy : derrière un proxy TLS, chaque client aurait "
            "l'adresse du proxy, et les erreurs d'une personne ralentiraient tout le monde. Indiquez "
            "l'adresse du proxy (par exemple --trusted-proxy 127.0.0.1), ou --no-trusted-proxy si les "
            "clients joignent Cercle avec leur propre adresse. / --public-url https://… without "
            "--trusted-proxy: behind a TLS proxy every client would have the proxy's address, and one "
            "person's wrong guesses would slow everyone. Name the proxy (e.g. --trusted-proxy "
            "127.0.0.1), or pass --no-trusted-proxy if clients reach Cercle with their own address."
        )
    if re.search(r"[;,\r\n\"]", args.frame_ancestors):
        parser.error(
            "--frame-ancestors: CSP sources separated by spaces, without ';', ',' or quotes other than '"
        )
    data_dir = Path(args.data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    database_url = os.environ.get("CERCLE_DATABASE_URL", "").strip()
    redis_url = os.environ.get("CERCLE_REDIS_URL", "").strip()
    if database_url and not database_url.startswith(("postgresql://", "postgres://")):
        parser.error("CERCLE_DATABASE_URL: a postgresql://… URL (leave it unset for the embedded SQLite)")
    if redis_url and not database_url:
        parser.error("CERCLE_REDIS_URL needs CERCLE_DATABASE_URL: the processes must share their log")
    if redis_url and not redis_url.startswith(("redis://", "rediss://", "unix://")):
        parser.error("CERCLE_REDIS_URL: a redis://… URL")
    if database_url and not os.environ.get("CERCLE_STORAGE_SECRET"):
        parser.error(
            "CERCLE_DATABASE_URL: set CERCLE_STORAGE_SECRET too, the same for every Cercle process, "
            "so that a phone keeps its place whichever process serves it"
        )
    secret = os.environ.get("CERCLE_STORAGE_SECRET") or _kept_secret(data_dir)
    return Settings(
        host=args.host,
        port=args.port,
        data_dir=data_dir,
        public_url=args.public_url,
        storage_secret=secret,
        lang=args.lang,
        demo=args.demo,
        retention_days=int(_number(parser, "CERCLE_RETENTION_DAYS", 0)),
        organiser_key=os.environ.get("CERCLE_ORGANISER_KEY", "").strip(),
        trusted_proxy=args.trusted_proxy,
        creations_per_hour=_number(parser, "CERCLE_CREATIONS_PER_HOUR", 20),
        creations_burst=int(_number(parser, "CERCLE_CREATIONS_BURST", 5)),
        max_open_sessions=int(_number(parser, "CERCLE_MAX_OPEN_SESSIONS", 500)),
        draft_ttl_hours=_number(parser, "CERCLE_DRAFT_TTL_HOURS", 72),
        reconnect_timeout=_number(parser, "CERCLE_RECONNECT_TIMEOUT", 30),
        synchronous=_choice(parser, "CERCLE_SYNCHRONOUS", ("full", "normal"), "full"),
        detector=_choice(parser, "CERCLE_DETECTOR", ("process", "thread"), "process"),
        frame_ancestors=args.frame_ancestors.strip(),
        database_url=database_url,
        redis_url=redis_url,
    )


def _choice(parser: argparse.ArgumentParser, name: str, choices: tuple[str, ...], default: str) -> str:
    """One of `choices` from the environment; a clear error otherwise."""
    text = os.environ.get(name, "").strip().lower() or default
    if text not in choices:
        parser.error(f"{name}: {text!r} is not one of {', '.join(choices)}")
    return text


def _number(parser: argparse.ArgumentParser, name: str, default: float) -> float:
    """A non-negative number from the environment; a clear error when it is not one."""
    text = os.environ.get(name, "").strip()
    if not text:
        return float(default)
    try:
        value = float(text)
    except ValueError:
        parser.error(f"{name}: {text!r} is not a number")
    if value < 0 or value != value:
        parser.error(f"{name}: {text!r} must be 0 or more")
    return value


def _kept_secret(data_dir: Path) -> str:
    path = data_dir / "storage-secret"
    if path.exists():
        return path.read_text().strip()
    secret = secrets.token_urlsafe(32)
    path.write_text(secret)
    path.chmod(0o600)
    return secret
