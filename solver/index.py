"""Lookups over a Problem shared by the model, the checker, the explainer and the baseline,
so that all of them read the rules the same way."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from functools import cached_property

from solver.problem import Limits, Person, Problem, ShiftType, Slot


class ProblemIndex:
    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        self.people: dict[str, Person] = {p.id: p for p in problem.people}
        self.slots: dict[str, Slot] = {s.id: s for s in problem.slots}
        self.shifts: dict[str, ShiftType] = {s.code: s for s in problem.shifts}
        self.day_pos: dict[date, int] = {d.date: i for i, d in enumerate(problem.days)}
        self.rest_days: frozenset[date] = frozenset(d.date for d in problem.days if d.rest)
        self._limits = {pl.person_id: pl.limits for pl in problem.person_limits}
        self._conflicts: dict[tuple[str, str, int], bool] = {}
        self._off_day: set[tuple[str, date]] = set()
        self._off_shift: set[tuple[str, date, str]] = set()
        for u in problem.unavailability:
            if u.shift is None:
                self._off_day.add((u.person_id, u.day))
            else:
                self._off_shift.add((u.person_id, u.day, u.shift))

    def limits(self, person_id: str) -> Limits:
        return self._limits.get(person_id, self.problem.default_limits)

    def minutes(self, slot: Slot) -> int:
        shift = self.shifts.get(slot.shift)
        return shift.length_minutes if shift else 0

    def is_eligible(self, slot: Slot, person_id: str) -> bool:
        return person_id in self.people and (slot.eligible is None or person_id in slot.eligible)

    def is_unavailable(self, person_id: str, day: date, shift: str | None = None) -> bool:
        if (person_id, day) in self._off_day:
            return True
        return shift is not None and (person_id, day, shift) in self._off_shift

    def candidates(self, slot: Slot) -> list[str]:
        """Eligible people, in problem order (available or not)."""
        if slot.eligible is None:
            return list(self.people)
        return [p for p in slot.eligible if p in self.people]

    def available(self, slot: Slot) -> list[str]:
        return [
            p for p in self.candidates(slot) if not self.is_unavailable(p, slot.day, slot.shift)
        ]

    @cached_property
    def weekends(self) -> list[tuple[date, ...]]:
        """Maximal runs of calendar-consecutive rest days."""
        runs: list[list[date]] = []
        for d in sorted(self.rest_days):
            if runs and runs[-1][-1] + timedelta(days=1) == d:
                runs[-1].append(d)
            else:
                runs.append([d])
        return [tuple(r) for r in runs]

    @cached_property
    def weeks(self) -> dict[tuple[int, int], list[date]]:
        out: dict[tuple[int, int], list[date]] = defaultdict(list)
        for d in self.problem.days:
            iso = d.date.isocalendar()
            out[(iso.year, iso.week)].append(d.date)
        return out

    @cached_property
    def frozen_slot_ids(self) -> frozenset[str]:
        st = self.problem.stability
        if st is None:
            return frozenset()
        days = set(st.frozen_days)
        return frozenset(st.frozen_slot_ids) | {s.id for s in self.problem.slots if s.day in days}

    @cached_property
    def previous(self) -> dict[str, tuple[str, ...]]:
        out: dict[str, list[str]] = defaultdict(list)
        if self.problem.stability:
            for a in self.problem.stability.previous:
                out[a.slot_id].append(a.person_id)
        return {k: tuple(v) for k, v in out.items()}

    def rest_conflict(self, first: Slot, then: Slot) -> bool:
        """True if `then` may not follow `first` (forbidden succession or too little rest)."""
        return self.shift_conflict(first.shift, then.shift, (then.day - first.day).days)

    def shift_conflict(self, first: str, then: str, gap_days: int) -> bool:
        key = (first, then, gap_days)
        if key not in self._conflicts:
            self._conflicts[key] = self._shift_conflict(first, then, gap_days)
        return self._conflicts[key]

    def _shift_conflict(self, first: str, then: str, gap_days: int) -> bool:
        """Only pairs on the same day (distinct shifts, in time order) or the next calendar
        day are checked; a later shift never conflicts with an earlier one."""
        if gap_days == 1 and (first, then) in self.forbidden_pairs:
            return True
        if gap_days not in (0, 1) or (gap_days == 0 and first == then):
            return False
        need = self.problem.min_rest_minutes
        a, b = self.shifts.get(first), self.shifts.get(then)
        if not need or a is None or b is None:
            return False
        if gap_days == 0 and (b.start_minute, b.code) < (a.start_minute, a.code):
            return False  # same-day pairs are checked once, in time order
        return gap_days * 1440 + b.start_minute - a.end_minute < need

    @property
    def has_rest_rules(self) -> bool:
        return bool(self.problem.forbidden_successions or self.problem.min_rest_minutes)

    @cached_property
    def forbidden_pairs(self) -> frozenset[tuple[str, str]]:
        return frozenset((f.first, f.then) for f in self.problem.forbidden_successions)

    @cached_property
    def balances(self) -> dict[str, tuple[int, int]]:
        return {b.person_id: (b.duties, b.rest_duties) for b in self.problem.balances}

    def group_members(self, group: str) -> list[str]:
        return [p.id for p in self.problem.people if group in p.groups]
