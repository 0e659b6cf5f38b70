"""Speaking turns: a queue that balances voices, with speaking time by category shown live."""
