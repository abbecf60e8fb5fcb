"""What a draft records about the solve that made it: numbers and codes, and each unfilled seat
explained in Chinese and English, so a page shows it in its reader's language."""

from dataclasses import asdict, dataclass, field, fields
from typing import Any


@dataclass(frozen=True)
class Shortfall:
    """One unfilled seat or cover group, as the solver's explanation put it at drafting time
    (the names then). `kind` is the explanation's code; "" in drafts recorded before summaries
    were bilingual, which carry only the Chinese sentence."""

    kind: str
    zh: str
    en: str = ""

    def text(self, lang: str) -> str:
        return self.en if lang == "en" and self.en else self.zh


@dataclass(frozen=True)
class DraftSummary:
    """Empty for a hand-made draft (no solver). `status` is the solver's code (OPTIMAL,
    FEASIBLE, HEURISTIC…); pages name it in their language."""

    solver: str = ""
    status: str = ""
    objective: float | None = None
    bound: float | None = None
    seconds: float = 0.0
    penalties: dict[str, float] = field(default_factory=dict)  # soft rule -> weighted cost
    # How the solver ran.
    time_limit_seconds: float | None = None
    workers: int | None = None
    seed: int | None = None
    # The size of its input.
    people: int = 0
    slots: int = 0
    days: int = 0
    unavailability: int = 0
    cover_groups: int = 0
    # What came out.
    seats: int = 0
    filled: int = 0
    coverage: float = 0.0
    cover_groups_met: int = 0
    spread: int | None = None
    rest_spread: int | None = None
    hard_violations: int = 0
    shortfalls: tuple[Shortfall, ...] = ()

    @property
    def is_empty(self) -> bool:
        """Nothing recorded: a hand-made draft, or no draft at all."""
        return self == DraftSummary()

    def to_plain(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_plain(cls, data: dict[str, Any]) -> "DraftSummary":
        known = {f.name for f in fields(cls)} - {"shortfalls"}
        values = {k: v for k, v in data.items() if k in known}
        shortfalls = tuple(Shortfall(**s) for s in data.get("shortfalls", ()))
        return cls(**values, shortfalls=shortfalls)

    @classmethod
    def from_legacy(cls, data: dict[str, Any]) -> "DraftSummary":
        """A summary as drafts recorded it before it was typed: a dict with the solver's
        parameters and input sizes nested, and the explanations as Chinese sentences. Hand-made
        drafts recorded any dict, often an empty one; what is not known here is dropped."""
        flat = {**data, **data.get("params", {}), **data.get("inputs", {})}
        flat["shortfalls"] = [{"kind": "", "zh": text} for text in data.get("explanations", ())]
        return cls.from_plain(flat)
