"""What reaches the log: no control character (so no forged line), no query string, no key, no
address. Installed once as the record factory, it cleans every record of every logger (Cercle's,
NiceGUI's, uvicorn's) when it is made; uvicorn's access log is dropped altogether."""

from __future__ import annotations

import ipaddress
import logging
import re
from typing import Any

REDACTED = "…"
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
SECRET = re.compile(r"(?i)\b(key|token|secret|password|session)=[^&\s\"'<>]*")
QUERY = re.compile(r"((?:\b[a-z][a-z0-9+.-]*://[^\s?#\"'<>]*|(?<![\w])/[^\s?#\"'<>]*))\?[^\s#\"'<>]*")
PARAMS = re.compile(r"\?[\w.~%-]+=[^\s\"'<>]*")  # a query whose path was cut off
IPV4 = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])")
IPV6 = re.compile(r"(?<![\w:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:%\w+)?(?![\w:])")
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
    """`text` without keys, query strings or addresses (control characters left as they are)."""
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


def install() -> None:
    """Clean every log record from now on; drop uvicorn's access log (addresses and full URLs)."""
    global _installed
    if _installed:
        return
    _installed = True
    previous = logging.getLogRecordFactory()

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        return record if record.name == "uvicorn.access" else scrub(record)

    logging.setLogRecordFactory(factory)
    logging.getLogger("uvicorn.access").addFilter(_drop)
