"""World café: groups, timed rotations on one shared clock, contributions that build table to table."""
