"""What each person has taken so far, and which hard limit (if any) stops them taking one
more slot. The greedy baseline fills with it; the explainer asks it why a seat stayed empty.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

from solver.index import ProblemIndex
from solver.problem import Slot


class Ledger:
    """What each person has taken so far, for cheap checks of the hard limits."""

    def __init__(self, index: ProblemIndex) -> None:
        self.index = index
        self.taken: dict[str, list[Slot]] = defaultdict(list)
        self.per_day: Counter = Counter()
        self.per_week: Counter = Counter()
        self.minutes: Counter = Counter()
        self.per_shift: Counter = Counter()
        self.group_count: Counter = Counter()
        self.days: dict[str, set[date]] = defaultdict(set)
        self.group_caps = {
            g.group: g.maximum for g in index.problem.group_limits if g.weight is None
        }

    def can_take(self, pid: str, slot: Slot) -> bool:
        return self.blocker(pid, slot) is None

    def blocker(self, pid: str, slot: Slot) -> str | None:
        """The name of the hard rule that stops `pid` taking `slot` too, or None."""
        ix, lim = self.index, self.index.limits(pid)
        taken = self.taken[pid]
        if any(s.id == slot.id for s in taken):
            return "duplicate_person"
        if self.per_day[pid, slot.day] >= lim.max_per_day:
            return "max_duties_per_day"
        if lim.max_shifts is not None and len(taken) >= lim.max_shifts:
            return "max_shifts"
        if lim.max_minutes is not None and self.minutes[pid] + ix.minutes(slot) > lim.max_minutes:
            return "max_minutes"
        for cap in lim.max_per_shift:
            if cap.shift == slot.shift and self.per_shift[pid, slot.shift] >= cap.maximum:
                return "max_per_shift_type"
        week = slot.day.isocalendar()[:2]
        if lim.max_per_week is not None and self.per_week[pid, week] >= lim.max_per_week:
            return "max_duties_per_week"
        if ix.has_rest_rules and any(
            ix.rest_conflict(other, slot) or ix.rest_conflict(slot, other) for other in taken
        ):
            return "rest_between_shifts"
        if lim.max_areas_per_day is not None:
            areas = {s.area for s in taken if s.day == slot.day} | {slot.area}
            if len(areas) > lim.max_areas_per_day:
                return "max_areas_per_day"
        cap = lim.max_consecutive_days
        if cap is not None and self._run_with(pid, slot.day) > cap:
            return "max_consecutive_days"
        if lim.max_weekends is not None and slot.day in ix.rest_days:
            worked = {wk for wk in ix.weekends if self.days[pid].intersection(wk)}
            this = next(wk for wk in ix.weekends if slot.day in wk)
            if this not in worked and len(worked) >= lim.max_weekends:
                return "max_weekends"
        for group in ix.people[pid].groups:
            cap = self.group_caps.get(group)
            if cap is not None and self.group_count[group] >= cap:
                return "group_maximum"
        return None

    def _run_with(self, pid: str, day: date) -> int:
        days = [d.date for d in self.index.problem.days]
        pos = self.index.day_pos.get(day)
        if pos is None:
            return 1
        worked = self.days[pid] | {day}
        lo = pos
        while lo > 0 and days[lo - 1] in worked:
            lo -= 1
        hi = pos
        while hi + 1 < len(days) and days[hi + 1] in worked:
            hi += 1
        return hi - lo + 1

    def take_all(self, assignments) -> None:
        for slot_id, pids in assignments.items():
            slot = self.index.slots.get(slot_id)
            for pid in pids:
                if slot is not None and pid in self.index.people:
                    self.take(pid, slot)

    def take(self, pid: str, slot: Slot) -> None:
        self.taken[pid].append(slot)
        self.per_day[pid, slot.day] += 1
        self.per_week[pid, slot.day.isocalendar()[:2]] += 1
        self.minutes[pid] += self.index.minutes(slot)
        self.per_shift[pid, slot.shift] += 1
        self.days[pid].add(slot.day)
        for group in self.index.people[pid].groups:
            self.group_count[group] += 1

    def release(self, pid: str, slot: Slot) -> None:
        """Undo `take`."""
        self.taken[pid] = [s for s in self.taken[pid] if s.id != slot.id]
        self.per_day[pid, slot.day] -= 1
        self.per_week[pid, slot.day.isocalendar()[:2]] -= 1
        self.minutes[pid] -= self.index.minutes(slot)
        self.per_shift[pid, slot.shift] -= 1
        if not self.per_day[pid, slot.day]:
            self.days[pid].discard(slot.day)
        for group in self.index.people[pid].groups:
            self.group_count[group] -= 1

    def waited(self, pid: str) -> tuple:
        """Sort key: never-served first, then the earliest last duty, then fewest duties."""
        taken = self.taken[pid]
        last = max((s.day for s in taken), default=date.min)
        return (last, len(taken))
