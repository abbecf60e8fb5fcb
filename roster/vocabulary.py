"""The shared vocabulary (domain.vocabulary), for the layers above that do not see the domain."""

from domain.vocabulary import (
    DAY_TYPE_NAMES,
    DAY_TYPES,
    RECEPTION_PLACES,
    ROSTER_KINDS,
    SHIFT_NAMES,
    SHIFTS,
    TIME_ZONE,
    TIME_ZONE_NAME,
    kind_name,
    shift_name,
)

__all__ = [
    "DAY_TYPES",
    "DAY_TYPE_NAMES",
    "RECEPTION_PLACES",
    "ROSTER_KINDS",
    "SHIFTS",
    "SHIFT_NAMES",
    "TIME_ZONE",
    "TIME_ZONE_NAME",
    "kind_name",
    "shift_name",
]
