"""The restitution: an open record of what was said, never of who said it.

`model.build` turns a session's state into a neutral document (title, date, agenda with planned
and actual times, each activity's report section in agenda order); `render_md`, `render_html`
and `opendata` render it; `archive` keeps it, publishes it and handles comments and moderation.
"""

from .model import Restitution, build

__all__ = ["Restitution", "build"]
