"""Calendar feeds: secret links (tokens.py) and the duties each feed shows (duties.py)."""
