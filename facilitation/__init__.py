"""Cercle's core: sessions, the event log, rooms, privacy and the shared UI."""

__version__ = "0.1.0"
