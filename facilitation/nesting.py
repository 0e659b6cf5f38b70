"""How deep a parsed document (JSON, TOML) nests, measured without recursion.

Plans and API bodies nest a few levels (a plan's agenda, an item's settings, a theme's
references); a document nested hundreds of levels deep is no plan: past `MAX_DEPTH` it is refused
where it enters, before any recursive code (pydantic, the store's JSON, the TOML writer) meets it.
"""

from __future__ import annotations

from typing import Any

MAX_DEPTH = 32


def too_deep(value: Any, limit: int = MAX_DEPTH) -> bool:
    """Whether `value` (dicts and lists) nests more than `limit` levels."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list | tuple):
            children = item
        else:
            continue
        if depth >= limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False
