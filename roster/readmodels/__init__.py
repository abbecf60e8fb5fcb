"""Read models: tables kept by projections that follow the event log."""
