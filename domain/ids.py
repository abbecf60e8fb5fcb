"""Stable identities derived from natural keys, so re-imports and feeds never fork an id."""

from uuid import UUID, uuid5

NAMESPACE = UUID("8f5b2c1e-4d0a-5a57-9c0e-7a3e9b1f2d64")


def stable_id(*parts: object) -> UUID:
    return uuid5(NAMESPACE, ":".join(str(p) for p in parts))
