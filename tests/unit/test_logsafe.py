"""What reaches the log: no forged line, no query string, no key, no password, no address."""

from __future__ import annotations

import logging
import sys

import pytest

from facilitation import logsafe


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("GET /x\nINFO forged", "GET /x\\nINFO forged"),
        ("a\rb\x1b[31mc\u2028d", "a\\rb\\x1b[31mc\\u2028d"),
        ("http://h/host/ABCDEF?key=s3cr3t&lang=en not found", "http://h/host/ABCDEF?… not found"),
        ("/j/ABCDEF?mode=remote&x=1", "/j/ABCDEF?…"),
        ("key=s3cr3t token=t0k", "key=… token=…"),
        ("from 198.51.100.173 and 2001:db8::1", "from <address> and <address>"),
        ("at 12:30:45, version 3.18.0", "at 12:30:45, version 3.18.0"),
        (
            "postgresql://cercle:pW-d_9x@db.example.org:5432/cercle and rediss://cercle:s3cr3t@r.example.org/0",
            "postgresql://cercle:…@db.example.org:5432/cercle and rediss://cercle:…@r.example.org/0",
        ),
        ("redis://:onlypassword@localhost:6379/0", "redis://:…@localhost:6379/0"),
    ],
)
def test_a_line_is_cleaned(text: str, expected: str) -> None:
    assert logsafe.clean(text) == expected


def test_a_record_and_its_traceback_are_scrubbed() -> None:
    try:
        raise ValueError("bad body\nINFO forged line from 198.51.100.173")
    except ValueError:
        record = logging.getLogger("t").makeRecord(
            "t", logging.ERROR, __file__, 1, "failed for %s", ("/r/X?key=abc",), __import__("sys").exc_info()
        )
    logsafe.scrub(record)
    text = logging.Formatter("%(levelname)s %(message)s").format(record)
    assert text.startswith("ERROR failed for /r/X?…")
    lines = text.splitlines()
    assert all(line.startswith("  | ") for line in lines[1:])  # no traceback line passes for a record
    assert "198.51.100.173" not in text and "abc" not in text


def test_installed_it_cleans_every_logger(caplog: pytest.LogCaptureFixture) -> None:
    logsafe.install()
    logsafe.install()  # once is enough; twice changes nothing
    with caplog.at_level(logging.INFO):
        logging.getLogger("nicegui").warning("%s not found", "http://h/x\nINFO y?key=z")
        logging.getLogger("uvicorn.access").info('%s - "GET %s"', "198.51.100.173:5000", "/?key=z")
    assert [r.getMessage() for r in caplog.records] == ["http://h/x\\nINFO y?… not found"]


def test_the_socket_layers_errors_are_one_line_a_period(caplog: pytest.LogCaptureFixture) -> None:
    now = [0.0]
    out = logging.getLogger("cercle.sockets.test")
    noise = logsafe.SocketNoise(period=60, clock=lambda: now[0], out=out)
    source = logging.getLogger("engineio.server")

    def error() -> logging.LogRecord:
        try:
            raise ValueError("Expecting value: line 1 column 2\nINFO forged")
        except ValueError:
            return source.makeRecord(
                source.name, logging.ERROR, __file__, 1, "message async handler error", (), sys.exc_info()
            )

    first = error()
    assert noise.filter(first)
    assert first.exc_info is None and "\n" not in first.getMessage()
    assert first.getMessage().startswith("malformed socket message from an anonymous client dropped")
    assert "ValueError" in first.getMessage()
    assert not any(noise.filter(error()) for _ in range(20_000))  # counted, not written
    info = source.makeRecord(source.name, logging.INFO, __file__, 1, "Server initialized", (), None)
    assert noise.filter(info)  # not an error: untouched
    with caplog.at_level(logging.WARNING, logger=out.name):
        now[0] = 61
        assert noise.filter(error())  # a new period: its first error passes, the last one's count is written
    summaries = [r.getMessage() for r in caplog.records if r.name == out.name]
    assert summaries == [
        "20000 malformed socket messages from anonymous clients dropped in 60 s (the last: ValueError)"
    ]
    assert noise.dropped == 0
