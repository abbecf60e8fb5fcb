"""Integer allotment helpers shared by the demo generators."""

from __future__ import annotations

import random
from collections.abc import Sequence


def split(total: int, weights: Sequence[float], minimum: int = 0) -> list[int]:
    """Split ``total`` into ``len(weights)`` parts of at least ``minimum``, proportional to
    ``weights`` beyond the minimum (largest remainder, ties broken by position)."""
    rest = total - minimum * len(weights)
    if rest < 0:
        raise ValueError(f"cannot split {total} into {len(weights)} parts of {minimum}")
    scale = sum(weights)
    raw = [rest * w / scale for w in weights]
    parts = [int(r) for r in raw]
    by_remainder = sorted(range(len(raw)), key=lambda i: (parts[i] - raw[i], i))
    for i in by_remainder[: rest - sum(parts)]:
        parts[i] += 1
    return [minimum + p for p in parts]


def bounded_split(rng: random.Random, total: int, count: int, low: int, high: int) -> list[int]:
    """Split ``total`` into ``count`` random parts, each within ``[low, high]``."""
    if not low * count <= total <= high * count:
        raise ValueError(f"cannot split {total} into {count} parts within [{low}, {high}]")
    parts = [low] * count
    for _ in range(total - low * count):
        open_ = [i for i, p in enumerate(parts) if p < high]
        parts[rng.choice(open_)] += 1
    return parts
