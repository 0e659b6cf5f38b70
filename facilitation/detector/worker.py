"""A detector worker process: `python -m facilitation.detector.worker`.

It loads the engine, says so on one line (`{"ready": true, "seconds": …, "rss_added_mb": …}`),
then answers one JSON line per request line on its standard input:
`{"id": 7, "text": "…", "lang": "fr", "field": "text"}` ->
`{"id": 7, "findings": [["name", 0, 11], …]}` (or `{"id": 7, "error": "…"}`). It exits when its
input closes, so it never outlives the server that started it. Nothing but answers goes to its
standard output; logs go to standard error. The text itself is never logged. It runs at a lower
priority than the server (`NICENESS`): where both share a core, the room's votes come first.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from typing import Any

from . import check, engine, load_report

NICENESS = 10  # below the server: on a shared core, a burst of votes is served before a check


def answer(line: str) -> dict[str, Any]:
    request = json.loads(line)
    try:
        found = check(request["text"], request.get("lang", "fr"), request.get("field", "text"))
        return {"id": request["id"], "findings": [[f.kind, f.start, f.end] for f in found]}
    except Exception as exc:  # the caller holds the text: it could not be checked
        # the type only: a message or a traceback could quote the text, which is never logged
        logging.getLogger(__name__).error("a check failed: %s", type(exc).__name__)
        return {"id": request["id"], "error": type(exc).__name__}


def main() -> None:
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING)
    if hasattr(os, "nice"):
        os.nice(NICENESS)  # the room's votes and pages first: a check waits for a free moment
    engine()
    report = load_report()
    out = sys.stdout
    ready = {"ready": True, "seconds": report.seconds if report else 0.0}
    out.write(json.dumps({**ready, "rss_added_mb": report.rss_added_mb if report else 0.0}) + "\n")
    out.flush()
    for line in sys.stdin:
        if line.strip():
            out.write(json.dumps(answer(line)) + "\n")
            out.flush()


if __name__ == "__main__":
    main()
