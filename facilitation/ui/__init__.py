"""The shared UI: page frames, the view context, and the four pages."""
