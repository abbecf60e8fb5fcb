"""Verifies any assignment against a Problem and lists each broken hard rule with a readable
message (Chinese by default, or English).

It shares nothing with the CP-SAT model (no `solver.index`, `solver.model`, `solver.rules`):
each hard rule is read straight from the Problem's fields by its own plain function over the
assigned duties, so that the oracle test can hold the two readings against each other on
every assignment of small problems. `solver.penalty` does the same for the soft rules.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from solver.labels import day_label, person_label, pick, slot_label
from solver.problem import Limits, Problem, Slot
from solver.solution import Solution

Assignments = Mapping[str, Sequence[str]]

MESSAGES: dict[str, tuple[str, str]] = {
    "unknown_slot": ("未知的班次 {slot}", "unknown slot {slot}"),
    "unknown_person": ("{slot}：未知的人员 {person}", "{slot}: unknown person {person}"),
    "duplicate_person": ("{slot}：{person} 被重复安排", "{slot}: {person} is assigned twice"),
    "not_eligible": ("{slot}：{person} 不符合条件", "{slot}: {person} is not eligible"),
    "unavailable": ("{slot}：{person} 当时不可用", "{slot}: {person} is unavailable"),
    "demand_minimum": (
        "{slot}：至少需要 {limit} 人，仅安排 {count} 人",
        "{slot}: needs at least {limit}, has {count}",
    ),
    "demand_maximum": (
        "{slot}：最多 {limit} 人，安排了 {count} 人",
        "{slot}: takes at most {limit}, has {count}",
    ),
    "max_duties_per_day": (
        "{person} {day} 有 {count} 个班次，上限 {limit} 个",
        "{person} has {count} duties on {day}, limit {limit}",
    ),
    "rest_between_shifts": (
        "{person}：{slot} 之后紧接 {slot2}，休息不足或不允许连排",
        "{person}: {slot2} follows {slot} without enough rest (or is a forbidden succession)",
    ),
    "max_per_shift_type": (
        "{person}：{shift} 班次 {count} 次，上限 {limit} 次",
        "{person}: {count} {shift} shifts, limit {limit}",
    ),
    "max_shifts": (
        "{person} 共 {count} 个班次，上限 {limit} 个",
        "{person} has {count} duties, limit {limit}",
    ),
    "min_shifts": (
        "{person} 共 {count} 个班次，至少 {limit} 个",
        "{person} has {count} duties, minimum {limit}",
    ),
    "max_minutes": (
        "{person} 共 {count} 分钟，上限 {limit} 分钟",
        "{person} works {count} minutes, limit {limit}",
    ),
    "min_minutes": (
        "{person} 共 {count} 分钟，至少 {limit} 分钟",
        "{person} works {count} minutes, minimum {limit}",
    ),
    "max_consecutive_days": (
        "{person} 自 {day} 起连续值班 {count} 天，上限 {limit} 天",
        "{person} works {count} days in a row from {day}, limit {limit}",
    ),
    "min_consecutive_days": (
        "{person} 自 {day} 起仅连续值班 {count} 天，至少 {limit} 天",
        "{person} works only {count} days in a row from {day}, minimum {limit}",
    ),
    "min_consecutive_days_off": (
        "{person} 自 {day} 起仅休息 {count} 天，至少 {limit} 天",
        "{person} has only {count} days off from {day}, minimum {limit}",
    ),
    "max_weekends": (
        "{person} 在 {count} 个周末/节假日值班，上限 {limit} 个",
        "{person} works {count} weekends/holidays, limit {limit}",
    ),
    "max_duties_per_week": (
        "{person} 在 {day} 所在的一周值班 {count} 次，上限 {limit} 次",
        "{person} has {count} duties in the week of {day}, limit {limit}",
    ),
    "max_areas_per_day": (
        "{person} {day} 在 {count} 个片区值班，上限 {limit} 个",
        "{person} works in {count} areas on {day}, limit {limit}",
    ),
    "cover_group_minimum": (
        "{group}：至少需要 {limit} 人次，仅 {count} 人次",
        "{group}: needs at least {limit}, has {count}",
    ),
    "cover_group_maximum": (
        "{group}：最多 {limit} 人次，实有 {count} 人次",
        "{group}: takes at most {limit}, has {count}",
    ),
    "group_minimum": (
        "{group}：共值班 {count} 次，至少 {limit} 次",
        "{group}: {count} duties, minimum {limit}",
    ),
    "group_maximum": (
        "{group}：共值班 {count} 次，上限 {limit} 次",
        "{group}: {count} duties, limit {limit}",
    ),
    "frozen_changed": ("{slot} 已锁定，人员不能更改", "{slot} is frozen and may not change"),
}


@dataclass(frozen=True)
class Violation:
    rule: str
    message: str
    person_id: str | None = None
    slot_ids: tuple[str, ...] = ()
    day: date | None = None


def frozen_slot_ids(problem: Problem) -> set[str]:
    """Slots a re-plan keeps as they were: those named, and every slot on a frozen day."""
    st = problem.stability
    if st is None:
        return set()
    days = set(st.frozen_days)
    return set(st.frozen_slot_ids) | {s.id for s in problem.slots if s.day in days}


def previous_people(problem: Problem) -> dict[str, set[str]]:
    """Slot id -> who had it in the solution a re-plan starts from."""
    out: dict[str, set[str]] = defaultdict(set)
    if problem.stability is not None:
        for a in problem.stability.previous:
            out[a.slot_id].add(a.person_id)
    return out


class Reading:
    """The problem's lookups and the assignment's duties, read plainly."""

    def __init__(self, problem: Problem, assignments: Assignments) -> None:
        self.problem = problem
        self.people = {p.id: p for p in problem.people}
        self.slots = {s.id: s for s in problem.slots}
        self.shifts = {s.code: s for s in problem.shifts}
        self.days = [d.date for d in problem.days]
        self.frozen = frozen_slot_ids(problem)
        self.assigned = {sid: list(pids) for sid, pids in assignments.items()}
        # person -> each slot they hold, once; unknown slots and people hold nothing
        self.duties: dict[str, list[Slot]] = defaultdict(list)
        for sid, pids in self.assigned.items():
            slot = self.slots.get(sid)
            for pid in dict.fromkeys(pids):
                if slot is not None and pid in self.people:
                    self.duties[pid].append(slot)
        self._limits = {pl.person_id: pl.limits for pl in problem.person_limits}

    def limits(self, pid: str) -> Limits:
        return self._limits.get(pid, self.problem.default_limits)

    def seats(self, slot_id: str) -> int:
        return len(set(self.assigned.get(slot_id, ())))

    def minutes(self, slot: Slot) -> int:
        shift = self.shifts.get(slot.shift)
        return shift.length_minutes if shift else 0

    def worked_days(self, pid: str) -> set[date]:
        return {s.day for s in self.duties.get(pid, ())}


class _Checker(Reading):
    def __init__(self, problem: Problem, assignments: Assignments, lang: str) -> None:
        pick(lang, "", "")  # validates lang
        super().__init__(problem, assignments)
        self.lang = lang
        self.found: list[Violation] = []

    def add(self, rule: str, person=None, slots=(), day=None, **params) -> None:
        zh, en = MESSAGES[rule]
        labels = dict(params)
        if person is not None:
            labels["person"] = person_label(self, person, self.lang)
        for key, sid in zip(("slot", "slot2"), slots, strict=False):
            labels[key] = slot_label(self, sid, self.lang)
        if day is not None:
            labels["day"] = day_label(day, self.lang)
        text = pick(self.lang, zh, en).format(**labels)
        self.found.append(Violation(rule, text, person, tuple(slots), day))

    def above(self, rule: str, count: int, limit: int | None, **kw) -> None:
        if limit is not None and count > limit:
            self.add(rule, count=count, limit=limit, **kw)

    def below(self, rule: str, count: int, limit: int | None, **kw) -> None:
        if limit and count < limit:
            self.add(rule, count=count, limit=limit, **kw)


def check(
    problem: Problem, assignments: Assignments | Solution, lang: str = "zh"
) -> list[Violation]:
    """Every broken hard rule of `assignments` (slot id -> person ids); [] if none."""
    if isinstance(assignments, Solution):
        assignments = assignments.assignments
    c = _Checker(problem, assignments, lang)
    for rule in HARD_RULES:
        rule(c)
    return c.found


def _who_may_sit(c: _Checker) -> None:
    """Known slots and people, each person once per slot, eligible and available. A frozen
    slot is what it was: only a change to it is reported (by `_frozen`)."""
    off_day = {(u.person_id, u.day) for u in c.problem.unavailability if u.shift is None}
    off_shift = {(u.person_id, u.day, u.shift) for u in c.problem.unavailability if u.shift}
    for slot_id, pids in c.assigned.items():
        slot = c.slots.get(slot_id)
        if slot is None:
            c.add("unknown_slot", slot=slot_id)
            continue
        if slot_id in c.frozen:
            continue
        for pid, times in Counter(pids).items():
            if pid not in c.people:
                c.add("unknown_person", slots=(slot_id,), person=pid)
                continue
            if times > 1:
                c.add("duplicate_person", pid, (slot_id,))
            if slot.eligible is not None and pid not in slot.eligible:
                c.add("not_eligible", pid, (slot_id,))
            elif (pid, slot.day) in off_day or (pid, slot.day, slot.shift) in off_shift:
                c.add("unavailable", pid, (slot_id,), slot.day)


def _demand(c: _Checker) -> None:
    for slot in c.problem.slots:
        if slot.id not in c.frozen:
            count = c.seats(slot.id)
            c.below("demand_minimum", count, slot.demand.minimum, slots=(slot.id,))
            c.above("demand_maximum", count, slot.demand.upper, slots=(slot.id,))


def _frozen(c: _Checker) -> None:
    before = previous_people(c.problem)
    for slot_id in sorted(c.frozen):
        if set(c.assigned.get(slot_id, ())) != before.get(slot_id, set()):
            c.add("frozen_changed", slots=(slot_id,))


def _max_per_day(c: _Checker) -> None:
    for pid, slots in c.duties.items():
        for day, n in sorted(Counter(s.day for s in slots).items()):
            c.above("max_duties_per_day", n, c.limits(pid).max_per_day, person=pid, day=day)


def _max_per_shift_type(c: _Checker) -> None:
    for pid, slots in c.duties.items():
        for cap in c.limits(pid).max_per_shift:
            n = sum(1 for s in slots if s.shift == cap.shift)
            c.above("max_per_shift_type", n, cap.maximum, person=pid, shift=cap.shift)


def _max_areas_per_day(c: _Checker) -> None:
    for pid, slots in c.duties.items():
        areas: dict[date, set[str]] = defaultdict(set)
        for s in slots:
            areas[s.day].add(s.area)
        for day in sorted(areas):
            cap = c.limits(pid).max_areas_per_day
            c.above("max_areas_per_day", len(areas[day]), cap, person=pid, day=day)


def _total_duties(c: _Checker) -> None:
    for person in c.problem.people:  # minimums bind people without duties too
        n = len(c.duties.get(person.id, ()))
        c.above("max_shifts", n, c.limits(person.id).max_shifts, person=person.id)
        c.below("min_shifts", n, c.limits(person.id).min_shifts, person=person.id)


def _total_minutes(c: _Checker) -> None:
    for person in c.problem.people:
        n = sum(c.minutes(s) for s in c.duties.get(person.id, ()))
        c.above("max_minutes", n, c.limits(person.id).max_minutes, person=person.id)
        c.below("min_minutes", n, c.limits(person.id).min_minutes, person=person.id)


def _max_per_week(c: _Checker) -> None:
    for pid, slots in c.duties.items():
        weeks: dict[tuple[int, int], list[date]] = defaultdict(list)
        for s in slots:
            weeks[s.day.isocalendar()[:2]].append(s.day)
        for week in sorted(weeks):
            days = weeks[week]
            c.above("max_duties_per_week", len(days), c.limits(pid).max_per_week,
                    person=pid, day=min(days))  # fmt: skip


def weekends(problem: Problem) -> list[set[date]]:
    """Maximal runs of calendar-consecutive rest days: a Saturday and Sunday, or a holiday."""
    runs: list[set[date]] = []
    last = None
    for d in sorted(d.date for d in problem.days if d.rest):
        if last is not None and d - last == timedelta(days=1):
            runs[-1].add(d)
        else:
            runs.append({d})
        last = d
    return runs


def _max_weekends(c: _Checker) -> None:
    runs = weekends(c.problem)
    for pid in c.duties:
        worked = c.worked_days(pid)
        n = sum(1 for run in runs if run & worked)
        c.above("max_weekends", n, c.limits(pid).max_weekends, person=pid)


def _rest(c: _Checker) -> None:
    """A forbidden succession is shift `first` one day and `then` the next calendar day. The
    minimum rest runs from the end of one duty to the start of the next, for duties on the
    same day (the earlier-starting first) or on the next calendar day. Two duties of one
    shift on one day are one shift's work (a circuit of villages), not a succession."""
    forbidden = {(f.first, f.then) for f in c.problem.forbidden_successions}
    need = c.problem.min_rest_minutes
    for pid, slots in c.duties.items():
        for a in sorted(slots, key=lambda s: s.day):
            for b in sorted(slots, key=lambda s: s.day):
                if _too_close(c, a, b, forbidden, need):
                    c.add("rest_between_shifts", pid, (a.id, b.id), a.day)


def _too_close(c: Reading, a: Slot, b: Slot, forbidden: set, need: int) -> bool:
    gap = (b.day - a.day).days
    if gap == 1 and (a.shift, b.shift) in forbidden:
        return True
    if not need or gap not in (0, 1) or (gap == 0 and a.shift == b.shift):
        return False
    first, then = c.shifts[a.shift], c.shifts[b.shift]
    if gap == 0 and (then.start_minute, then.code) < (first.start_minute, first.code):
        return False  # the pair is looked at the other way round
    return gap * 24 * 60 + then.start_minute - first.end_minute < need


def _runs(flags: list[bool], value: bool) -> list[tuple[int, int]]:
    """(start, length) of each maximal run of `value` in `flags`."""
    runs: list[tuple[int, int]] = []
    for i, flag in enumerate(flags):
        if flag != value:
            continue
        if runs and sum(runs[-1]) == i:
            runs[-1] = (runs[-1][0], runs[-1][1] + 1)
        else:
            runs.append((i, 1))
    return runs


def _consecutive(c: _Checker) -> None:
    """Runs over adjacent entries of Problem.days. Minimum lengths bind only runs with a day
    of the other kind on both sides: a run at an edge may go on outside the horizon."""
    days = c.days
    for pid in c.duties:
        lim = c.limits(pid)
        worked = c.worked_days(pid)
        flags = [d in worked for d in days]
        for start, n in _runs(flags, True):
            kw = {"person": pid, "day": days[start]}
            c.above("max_consecutive_days", n, lim.max_consecutive_days, **kw)
            if start > 0 and start + n < len(days):
                c.below("min_consecutive_days", n, lim.min_consecutive_days, **kw)
        for start, n in _runs(flags, False):
            if start > 0 and start + n < len(days):
                c.below("min_consecutive_days_off", n, lim.min_consecutive_days_off,
                        person=pid, day=days[start])  # fmt: skip


def _cover_groups(c: _Checker) -> None:
    for g in c.problem.cover_groups:
        if g.weight is not None:
            continue  # soft: a cost in solver.penalty
        count = sum(c.seats(s) for s in g.slot_ids)
        name = pick(c.lang, g.name, g.name_en or g.name) or g.id
        c.below("cover_group_minimum", count, g.minimum, group=name, slots=tuple(g.slot_ids))
        c.above("cover_group_maximum", count, g.maximum, group=name)


def _group_limits(c: _Checker) -> None:
    for g in c.problem.group_limits:
        if g.weight is not None:
            continue
        members = [p.id for p in c.problem.people if g.group in p.groups]
        count = sum(len(c.duties.get(pid, ())) for pid in members)
        name = pick(c.lang, g.name, g.name_en or g.name) or g.group
        c.below("group_minimum", count, g.minimum, group=name)
        c.above("group_maximum", count, g.maximum, group=name)


HARD_RULES = (
    _who_may_sit,
    _demand,
    _frozen,
    _max_per_day,
    _max_per_shift_type,
    _max_areas_per_day,
    _total_duties,
    _total_minutes,
    _max_per_week,
    _max_weekends,
    _rest,
    _consecutive,
    _cover_groups,
    _group_limits,
)
