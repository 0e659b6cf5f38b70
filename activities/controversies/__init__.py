"""Controversy map: statements positioned on a five-point scale, shown from the most divisive to the
most consensual, overall and by collège, never with a count of 1 or 2."""
