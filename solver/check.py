"""Verifies any assignment against a Problem, independently of the CP-SAT model, and lists
each broken hard rule with a readable message (Chinese by default, or English)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from solver.index import ProblemIndex
from solver.labels import day_label, person_label, pick, slot_label
from solver.problem import Problem, Slot
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


class _Checker:
    def __init__(self, problem: Problem, assignments: Assignments, lang: str) -> None:
        pick(lang, "", "")  # validates lang
        self.ix = ProblemIndex(problem)
        self.lang = lang
        self.found: list[Violation] = []
        self.assigned: dict[str, list[str]] = {k: list(v) for k, v in assignments.items()}
        self.duties: dict[str, list[Slot]] = defaultdict(list)
        for slot_id, pids in self.assigned.items():
            slot = self.ix.slots.get(slot_id)
            for pid in dict.fromkeys(pids):
                if slot is not None and pid in self.ix.people:
                    self.duties[pid].append(slot)

    def add(self, rule: str, person=None, slots=(), day=None, **params) -> None:
        zh, en = MESSAGES[rule]
        text = pick(self.lang, zh, en)
        labels = dict(params)
        if person is not None:
            labels["person"] = person_label(self.ix, person, self.lang)
        for key, sid in zip(("slot", "slot2"), slots, strict=False):
            labels[key] = slot_label(self.ix, sid, self.lang)
        if day is not None:
            labels["day"] = day_label(day, self.lang)
        self.found.append(Violation(rule, text.format(**labels), person, tuple(slots), day))

    def limit(self, rule: str, count: int, limit: int | None, over: bool, **kw) -> None:
        if limit is not None and (count > limit if over else count < limit):
            self.add(rule, count=count, limit=limit, **kw)


def check(
    problem: Problem, assignments: Assignments | Solution, lang: str = "zh"
) -> list[Violation]:
    """Every broken hard rule of `assignments` (slot id -> person ids); [] if none."""
    if isinstance(assignments, Solution):
        assignments = assignments.assignments
    c = _Checker(problem, assignments, lang)
    for rule in (_slots, _frozen, _per_person, _sequences, _groups):
        rule(c)
    return c.found


def _slots(c: _Checker) -> None:
    for slot_id, pids in c.assigned.items():
        slot = c.ix.slots.get(slot_id)
        if slot is None:
            c.add("unknown_slot", slot=slot_id)
            continue
        if slot_id in c.ix.frozen_slot_ids:
            continue  # the past is what it was; only a change to it is reported
        for pid, times in Counter(pids).items():
            if pid not in c.ix.people:
                c.add("unknown_person", slots=(slot_id,), person=pid)
                continue
            if times > 1:
                c.add("duplicate_person", pid, (slot_id,))
            if not c.ix.is_eligible(slot, pid):
                c.add("not_eligible", pid, (slot_id,))
            elif c.ix.is_unavailable(pid, slot.day, slot.shift):
                c.add("unavailable", pid, (slot_id,), slot.day)
    for slot in c.ix.problem.slots:
        if slot.id in c.ix.frozen_slot_ids:
            continue
        count = len(set(c.assigned.get(slot.id, ())))
        c.limit("demand_minimum", count, slot.demand.minimum or None, False, slots=(slot.id,))
        c.limit("demand_maximum", count, slot.demand.upper, True, slots=(slot.id,))


def _frozen(c: _Checker) -> None:
    for slot_id in sorted(c.ix.frozen_slot_ids):
        before = set(c.ix.previous.get(slot_id, ()))
        if set(c.assigned.get(slot_id, ())) != before:
            c.add("frozen_changed", slots=(slot_id,))


def _per_person(c: _Checker) -> None:
    for pid, slots in c.duties.items():
        lim = c.ix.limits(pid)
        per_day = Counter(s.day for s in slots)
        for day, n in sorted(per_day.items()):
            c.limit("max_duties_per_day", n, lim.max_per_day, True, person=pid, day=day)
        per_shift = Counter(s.shift for s in slots)
        for cap in lim.max_per_shift:
            c.limit(
                "max_per_shift_type",
                per_shift[cap.shift],
                cap.maximum,
                True,
                person=pid,
                shift=cap.shift,
            )
        areas = Counter(s.day for s in {(s.day, s.area): s for s in slots}.values())
        for day, n in sorted(areas.items()):
            c.limit("max_areas_per_day", n, lim.max_areas_per_day, True, person=pid, day=day)
        c.limit("max_shifts", len(slots), lim.max_shifts, True, person=pid)
        minutes = sum(c.ix.minutes(s) for s in slots)
        c.limit("max_minutes", minutes, lim.max_minutes, True, person=pid)
        weeks = Counter(s.day.isocalendar()[:2] for s in slots)
        for week, n in sorted(weeks.items()):
            first = min(s.day for s in slots if s.day.isocalendar()[:2] == week)
            c.limit("max_duties_per_week", n, lim.max_per_week, True, person=pid, day=first)
        worked = {s.day for s in slots}
        weekends = sum(1 for wk in c.ix.weekends if worked.intersection(wk))
        c.limit("max_weekends", weekends, lim.max_weekends, True, person=pid)
        ordered = sorted(slots, key=lambda s: s.day)
        for a in ordered:
            for b in ordered:
                if a is not b and c.ix.rest_conflict(a, b):
                    c.add("rest_between_shifts", pid, (a.id, b.id), a.day)
    for person in c.ix.people.values():  # minimums apply to people without duties too
        slots = c.duties.get(person.id, [])
        lim = c.ix.limits(person.id)
        c.limit("min_shifts", len(slots), lim.min_shifts or None, False, person=person.id)
        minutes = sum(c.ix.minutes(s) for s in slots)
        c.limit("min_minutes", minutes, lim.min_minutes or None, False, person=person.id)


def _runs(flags: list[bool], value: bool) -> list[tuple[int, int]]:
    """(start, length) of each maximal run of `value` in `flags`."""
    runs, start = [], None
    for i, flag in enumerate([*flags, not value]):
        if flag == value and start is None:
            start = i
        elif flag != value and start is not None:
            runs.append((start, i - start))
            start = None
    return runs


def _sequences(c: _Checker) -> None:
    days = [d.date for d in c.ix.problem.days]
    for pid, slots in c.duties.items():
        lim = c.ix.limits(pid)
        worked = {s.day for s in slots}
        flags = [d in worked for d in days]
        for start, length in _runs(flags, True):
            c.limit(
                "max_consecutive_days",
                length,
                lim.max_consecutive_days,
                True,
                person=pid,
                day=days[start],
            )
            inside = start > 0 and start + length < len(days)
            if inside:
                c.limit(
                    "min_consecutive_days",
                    length,
                    lim.min_consecutive_days,
                    False,
                    person=pid,
                    day=days[start],
                )
        for start, length in _runs(flags, False):
            if start > 0 and start + length < len(days):
                c.limit(
                    "min_consecutive_days_off",
                    length,
                    lim.min_consecutive_days_off,
                    False,
                    person=pid,
                    day=days[start],
                )


def _groups(c: _Checker) -> None:
    for g in c.ix.problem.cover_groups:
        if g.weight is not None:
            continue
        count = sum(len(set(c.assigned.get(s, ()))) for s in g.slot_ids)
        name = pick(c.lang, g.name, g.name_en or g.name) or g.id
        c.limit("cover_group_minimum", count, g.minimum, False, group=name, slots=tuple(g.slot_ids))
        c.limit("cover_group_maximum", count, g.maximum, True, group=name)
    for g in c.ix.problem.group_limits:
        if g.weight is not None:
            continue
        count = sum(len(c.duties.get(pid, ())) for pid in c.ix.group_members(g.group))
        name = pick(c.lang, g.name, g.name_en or g.name) or g.group
        c.limit("group_minimum", count, g.minimum, False, group=name)
        c.limit("group_maximum", count, g.maximum, True, group=name)
