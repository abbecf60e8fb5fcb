"""Hard rules: each adds constraints that every solution must satisfy.

Unavailability and eligibility need no function: the model never creates a variable for a
person who is ineligible for a slot or unavailable on it.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from solver.model import RosterModel, Term


def demand_bounds(m: RosterModel) -> list[Term]:
    for slot in m.problem.slots:
        if slot.id in m.index.frozen_slot_ids:
            continue  # frozen_assignments fixes these exactly
        seats = m.seats(slot.id)
        m.cp.add(seats <= slot.demand.upper)
        if slot.demand.minimum > 0:
            m.cp.add(seats >= slot.demand.minimum)
    return []


def frozen_assignments(m: RosterModel) -> list[Term]:
    previous = m.index.previous
    for slot_id in m.index.frozen_slot_ids:
        keep = set(previous.get(slot_id, ()))
        for pid, var in m.by_slot.get(slot_id, ()):
            m.cp.add(var == (1 if pid in keep else 0))
    return []


def max_duties_per_day(m: RosterModel) -> list[Term]:
    for (pid, _day), cells in m.by_person_day.items():
        cap = m.index.limits(pid).max_per_day
        if len(cells) > cap:
            m.cp.add(sum(v for _, v in cells) <= cap)
    return []


def rest_between_shifts(m: RosterModel) -> list[Term]:
    """Forbidden successions (A then B the next day) and minimum rest minutes."""
    if not m.index.has_rest_rules:
        return []
    codes = list(m.index.shifts)
    for pid in m.people_with_duties():
        worked = {(s.day, s.shift) for s, _ in m.by_person[pid]}
        for day, first in worked:
            for gap in (0, 1):
                day2 = day + timedelta(days=gap)
                for then in codes:
                    if (day2, then) in worked and m.index.shift_conflict(first, then, gap):
                        a = m.works_shift(pid, day, first)
                        b = m.works_shift(pid, day2, then)
                        m.cp.add_bool_or([a.Not(), b.Not()])
    return []


def max_per_shift_type(m: RosterModel) -> list[Term]:
    for pid in m.people_with_duties():
        for cap in m.index.limits(pid).max_per_shift:
            cells = [v for s, v in m.by_person[pid] if s.shift == cap.shift]
            if len(cells) > cap.maximum:
                m.cp.add(sum(cells) <= cap.maximum)
    return []


def total_duties_bounds(m: RosterModel) -> list[Term]:
    for person in m.problem.people:
        lim = m.index.limits(person.id)
        cells = m.by_person.get(person.id, ())
        if lim.max_shifts is not None and len(cells) > lim.max_shifts:
            m.cp.add(m.duties(person.id) <= lim.max_shifts)
        if lim.min_shifts:
            m.cp.add(m.duties(person.id) >= lim.min_shifts)
    return []


def total_minutes_bounds(m: RosterModel) -> list[Term]:
    for person in m.problem.people:
        lim = m.index.limits(person.id)
        if lim.max_minutes is None and not lim.min_minutes:
            continue
        minutes = sum(m.index.minutes(s) * v for s, v in m.by_person.get(person.id, ()))
        if lim.max_minutes is not None:
            m.cp.add(minutes <= lim.max_minutes)
        if lim.min_minutes:
            m.cp.add(minutes >= lim.min_minutes)
    return []


def max_consecutive_days(m: RosterModel) -> list[Term]:
    days = [d.date for d in m.problem.days]
    for pid in m.people_with_duties():
        cap = m.index.limits(pid).max_consecutive_days
        if cap is None:
            continue
        for start in range(len(days) - cap):
            window = [m.works(pid, d) for d in days[start : start + cap + 1]]
            m.cp.add(sum(window) <= cap)
    return []


def _forbid_short_runs(m: RosterModel, pid: str, shortest: int, worked: bool) -> None:
    """Forbid runs (of worked or of free days) shorter than `shortest` that are bounded on
    both sides inside the horizon; runs touching its edges may continue outside it."""
    days = [d.date for d in m.problem.days]
    lits = [m.works(pid, d) for d in days]
    inner = lits if worked else [lit.Not() for lit in lits]
    for length in range(1, shortest):
        for start in range(1, len(days) - length):
            # not (edge off, run on, edge off): left edge, any run day off, or right edge
            clause = [inner[start - 1]]
            clause += [lit.Not() for lit in inner[start : start + length]]
            clause.append(inner[start + length])
            m.cp.add_bool_or(clause)


def min_consecutive_days(m: RosterModel) -> list[Term]:
    for pid in m.people_with_duties():
        shortest = m.index.limits(pid).min_consecutive_days
        if shortest and shortest > 1:
            _forbid_short_runs(m, pid, shortest, worked=True)
    return []


def min_consecutive_days_off(m: RosterModel) -> list[Term]:
    for pid in m.people_with_duties():
        shortest = m.index.limits(pid).min_consecutive_days_off
        if shortest and shortest > 1:
            _forbid_short_runs(m, pid, shortest, worked=False)
    return []


def max_weekends(m: RosterModel) -> list[Term]:
    for pid in m.people_with_duties():
        cap = m.index.limits(pid).max_weekends
        if cap is None or len(m.index.weekends) <= cap:
            continue
        worked = [m.any_of([m.works(pid, d) for d in wk]) for wk in m.index.weekends]
        m.cp.add(sum(worked) <= cap)
    return []


def max_duties_per_week(m: RosterModel) -> list[Term]:
    for pid in m.people_with_duties():
        cap = m.index.limits(pid).max_per_week
        if cap is None:
            continue
        for week_days in m.index.weeks.values():
            cells = [v for d in week_days for _, v in m.by_person_day.get((pid, d), ())]
            if len(cells) > cap:
                m.cp.add(sum(cells) <= cap)
    return []


def max_areas_per_day(m: RosterModel) -> list[Term]:
    for pid in m.people_with_duties():
        cap = m.index.limits(pid).max_areas_per_day
        if cap is None:
            continue
        for day in {s.day for s, _ in m.by_person[pid]}:
            areas: dict[str, list] = {}
            for slot, var in m.by_person_day[pid, day]:
                areas.setdefault(slot.area, []).append(var)
            if len(areas) > cap:
                m.cp.add(sum(m.any_of(cells) for cells in areas.values()) <= cap)
    return []


def _bounded_count(m: RosterModel, count, lo: int, hi: int | None, weight: int | None):
    """Hard lo <= count <= hi, or, with a weight, a penalty per unit outside."""
    if weight is None:
        if lo:
            m.cp.add(count >= lo)
        if hi is not None:
            m.cp.add(count <= hi)
        return []
    terms = []
    if lo:
        terms.append((weight, m.positive_part(lo - count, lo, weight)))
    if hi is not None:
        terms.append((weight, m.positive_part(count - hi, len(m.x) + 1, weight)))
    return terms


def cover_groups(m: RosterModel) -> list[Term]:
    terms: list[Term] = []
    for group in m.problem.cover_groups:
        count = sum(m.seats(sid) for sid in group.slot_ids if sid in m.index.slots)
        terms += _bounded_count(m, count, group.minimum, group.maximum, group.weight)
    return terms


def group_limits(m: RosterModel) -> list[Term]:
    terms: list[Term] = []
    for limit in m.problem.group_limits:
        members = m.index.group_members(limit.group)
        count = sum(m.duties(pid) for pid in members if pid in m.by_person)
        terms += _bounded_count(m, count, limit.minimum, limit.maximum, limit.weight)
    return terms
