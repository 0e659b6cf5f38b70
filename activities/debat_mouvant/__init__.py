"""Débat mouvant: statements, positions in two rounds, arguments, and the movement shown to the room."""
