"""The propulsion board: what the workshops produced, classed as engagements, actions or initiatives,
with next steps and the organisations to carry them; the room supports, volunteers and rates."""
