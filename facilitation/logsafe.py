"""What reaches the log: no control character (so no forged line), no query string, no key, no
password (a service's URL keeps its user, not its password), no address. Installed once as the record factory, it cleans every record of every logger (Cercle's,
NiceGUI's, uvicorn's) when it is made; uvicorn's access log is dropped altogether.

Errors of the socket layer (engine.io, socket.io) are what anyone may cause without a page: a
malformed frame on an anonymous websocket raises in their handlers, each one a traceback of a
few KB. `SocketNoise` turns them into at most one short line a period, and a count of the rest."""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import re
import time
from collections.abc import Callable
from typing import Any

REDACTED = "…"
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://[^\s:/?#@\"'<>]*):[^\s/?#@\"'<>]*@")
SECRET = re.compile(r"(?i)\b(key|token|secret|password|session)=[^&\s\"'<>]*")
QUERY = re.compile(r"((?:\b[a-z][a-z0-9+.-]*://[^\s?#\"'<>]*|(?<![\w])/[^\s?#\"'<>]*))\?[^\s#\"'<>]*")
PARAMS = re.compile(r"\?[\w.~%-]+=[^\s\"'<>]*")  # a query whose path was cut off
IPV4 = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])")
IPV6 = re.compile(r"(?<![\w:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:%\w+)?(?![\w:])")
SOCKET_LOGGERS = ("engineio.server", "socketio.server")  # python-engineio's and python-socketio's
SOCKET_PERIOD = 60.0  # seconds of one summary of the socket layer's errors
_installed = False


def _escape(match: re.Match[str]) -> str:
    char = match.group(0)
    return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(
        char, f"\\x{ord(char):02x}" if ord(char) < 256 else f"\\u{ord(char):04x}"
    )


def _address(match: re.Match[str]) -> str:
    try:
        ipaddress.ip_address(match.group(0).split("%")[0])
    except ValueError:
        return match.group(0)  # a time (12:30:45) or a version, not an address
    return "<address>"


def redact(text: str) -> str:
    """`text` without keys, passwords, query strings or addresses (control characters left as
    they are)."""
    text = USERINFO.sub(lambda m: f"{m.group(1)}:{REDACTED}@", text)
    text = SECRET.sub(lambda m: f"{m.group(1)}={REDACTED}", text)
    text = QUERY.sub(lambda m: f"{m.group(1)}?{REDACTED}", text)
    text = PARAMS.sub(f"?{REDACTED}", text)
    text = IPV4.sub(_address, text)
    return IPV6.sub(_address, text)


def clean(text: str) -> str:
    """One log line: redacted, every control character escaped (a newline becomes `\\n`)."""
    return CONTROL.sub(_escape, redact(text))


def clean_traceback(text: str) -> str:
    """A traceback, redacted, each of its lines indented behind `  | ` so that none of them,
    whatever an exception's message carried, can pass for a log line of its own."""
    lines = text.split("\n")
    return "\n".join("  | " + CONTROL.sub(_escape, redact(line)) for line in lines)


def scrub(record: logging.LogRecord) -> logging.LogRecord:
    try:
        message = record.getMessage()
    except Exception:  # a malformed call: keep what it said, without its arguments
        message = str(record.msg)
    record.msg, record.args = clean(message), ()
    if record.exc_info and record.exc_info[0] is not None:
        # formatters print exc_text when it is set, rather than formatting the exception again
        record.exc_text = clean_traceback(logging.Formatter().formatException(record.exc_info).rstrip("\n"))
    if record.stack_info:
        record.stack_info = clean_traceback(record.stack_info)
    return record


def _drop(record: logging.LogRecord) -> bool:
    return False


def _socket_error(record: logging.LogRecord) -> bool:
    return record.name in SOCKET_LOGGERS and record.levelno >= logging.ERROR


class SocketNoise(logging.Filter):
    """Errors of the socket layer, bounded: the first of a period passes as one short line (the
    exception's kind and the start of its message, no traceback); the others are counted, and
    their number is written once the period is over ("N malformed socket messages from anonymous
    clients dropped"). Holds two numbers, whatever comes."""

    def __init__(
        self,
        period: float = SOCKET_PERIOD,
        clock: Callable[[], float] = time.monotonic,
        out: logging.Logger | None = None,
    ) -> None:
        super().__init__()
        self.period, self.clock = period, clock
        self.out = out or logging.getLogger("cercle.sockets")
        self.started: float | None = None  # when the current period began (None: no error in it)
        self.dropped = 0
        self.last = ""  # the kind of the last error dropped

    def filter(self, record: logging.LogRecord) -> bool:
        if not _socket_error(record):
            return True
        now = self.clock()
        if self.started is not None and now - self.started >= self.period:
            self.flush()
        kind = record.exc_info[0].__name__ if record.exc_info and record.exc_info[0] else ""
        if self.started is None:
            self.started = now
            self._flush_later()
            detail = ""
            if record.exc_info and record.exc_info[1] is not None:
                detail = f": {kind}: {str(record.exc_info[1])[:120]}"
            record.msg = clean(
                f"malformed socket message from an anonymous client dropped ({record.getMessage()[:80]}"
                f"{detail}); further ones are counted for {self.period:.0f} s"
            )
            record.args, record.exc_info, record.exc_text, record.stack_info = (), None, None, None
            return True
        self.dropped += 1
        self.last = kind or self.last
        return False

    def flush(self) -> None:
        """Write how many were dropped in the period that ends, and start afresh."""
        if self.dropped:
            last = f" (the last: {self.last})" if self.last else ""
            self.out.warning(
                "%d malformed socket messages from anonymous clients dropped in %.0f s%s",
                self.dropped,
                self.period,
                last,
            )
        self.started, self.dropped, self.last = None, 0, ""

    def _flush_later(self) -> None:
        """The summary at the end of the period, even if nothing comes after (else, with the next)."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        started = self.started

        def due() -> None:
            if self.started == started:
                self.flush()

        loop.call_later(self.period, due)


def install() -> None:
    """Clean every log record from now on; drop uvicorn's access log (addresses and full URLs);
    bound the socket layer's errors (`SocketNoise`)."""
    global _installed
    if _installed:
        return
    _installed = True
    previous = logging.getLogRecordFactory()

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        if record.name == "uvicorn.access" or _socket_error(record):
            return record  # dropped, or made one clean line without its traceback, by the filters
        return scrub(record)

    logging.setLogRecordFactory(factory)
    logging.getLogger("uvicorn.access").addFilter(_drop)
    noise = SocketNoise()
    for name in SOCKET_LOGGERS:
        logging.getLogger(name).addFilter(noise)
