"""The names under which the activities first imported the disclosure rule; the rule itself, and
why it is so, is `facilitation/disclosure.py`."""

from __future__ import annotations

from .disclosure import GROUPED, HIDDEN, MARK, K, Protected, protect, protect_counts, shown

__all__ = ["GROUPED", "HIDDEN", "K", "MARK", "Protected", "protect", "protect_counts", "shown"]
