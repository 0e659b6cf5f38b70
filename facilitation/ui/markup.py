"""The one way the views put text into HTML. Pure: no NiceGUI, so pure modules (an activity's
`display.py`) use it too, and it is tested without a browser.

Most text is shown with `ui.label`, which the browser receives as text and never parses. Where a
view needs markup (a clock the browser ticks, a bar, a chip, a table read by a script), it builds
the HTML itself and every text in it, translated or typed by a person, goes through `esc`. The
element is then created with `ui.html(...)` and NiceGUI's default `sanitize=True`: the browser
passes the HTML through DOMPurify (loaded by every NiceGUI page) before inserting it, so a
forgotten `esc` still cannot run a script. That costs the server nothing, and the browser about
0.05 ms per update of such an element (measured in headless Chromium: 50-65 µs, against 5 µs
without sanitising); phones receive such updates only on phase changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol


class Located(Protocol):
    """A part of a text: where it starts and ends (a detector's finding, a stored span)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


def esc(value: object) -> str:
    """`value` as HTML text, safe between tags and inside a double-quoted attribute (`&`, `<`, `>`
    and `"` escaped; write attributes with double quotes). None is the empty string."""
    if value is None:
        return ""
    return str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


HEADING = 'role="heading" aria-level="{level}" tabindex="-1" data-cercle-heading'


def heading_attributes(level: int = 2) -> str:
    """The attributes of a heading that screen readers list and the focus may be moved to (see
    `a11y.py`), for markup written by hand."""
    return HEADING.format(level=level)


def highlighted(text: str, spans: Iterable[Located]) -> str:
    """`text` as HTML, every part in `spans` marked (`<mark>`), the rest escaped. Overlapping or
    out-of-range spans are clipped, never trusted."""
    parts, at = [], 0
    for span in sorted(spans, key=lambda s: s.start):
        start, end = max(at, span.start), min(len(text), span.end)
        if start >= end:
            continue
        parts += [esc(text[at:start]), f"<mark>{esc(text[start:end])}</mark>"]
        at = end
    return "".join([*parts, esc(text[at:])])
