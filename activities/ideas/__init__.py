"""Idea workshop: short ideas posted and moderated, merged and grouped by the facilitator, then a dot vote."""
