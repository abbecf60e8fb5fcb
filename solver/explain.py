"""Turns an under-covered or infeasible result into structured explanations with a
sentence a manager understands, e.g.
"鱼台县人民法院 12月3日 上午：需要 2 人，仅 1 名符合条件且有空的人员：张三"."""

from __future__ import annotations

from dataclasses import dataclass

from solver.index import ProblemIndex
from solver.labels import people_label, person_label, pick, slot_label
from solver.ledger import Ledger
from solver.problem import Problem, Slot
from solver.solution import Solution

MAX_NAMES = 8  # list names only while the sentence stays readable

REASONS: dict[str, tuple[str, str]] = {
    "duplicate_person": ("已在该班次", "already on this slot"),
    "max_duties_per_day": ("当天已有班次", "already on duty that day"),
    "max_shifts": ("已达班次上限", "reached the duty limit"),
    "max_minutes": ("已达时长上限", "reached the hours limit"),
    "max_per_shift_type": ("已达该班型上限", "reached the limit for this shift type"),
    "max_duties_per_week": ("本周已达上限", "reached the weekly limit"),
    "rest_between_shifts": ("与相邻班次间隔不足", "too little rest next to another duty"),
    "max_consecutive_days": ("连续值班天数已达上限", "too many days in a row"),
    "max_weekends": ("周末/节假日值班已达上限", "reached the weekend limit"),
    "max_areas_per_day": ("当天已在其他片区", "already working in another area that day"),
    "group_maximum": ("所在单位已达配额", "their group reached its quota"),
}


@dataclass(frozen=True)
class Explanation:
    kind: str  # "shortfall", "slot_minimum", "cover_group", "group_minimum", "person_minimum", "unknown"
    message: str
    slot_ids: tuple[str, ...] = ()
    needed: int = 0
    filled: int = 0
    eligible: tuple[str, ...] = ()
    available: tuple[str, ...] = ()  # eligible and not declared unavailable
    blocked: tuple[tuple[str, str], ...] = ()  # (person id, rule that stops them)


def explain(problem: Problem, solution: Solution, lang: str = "zh") -> list[Explanation]:
    """Unfilled seats of a solution, or the likely causes when there is no solution."""
    if solution.has_assignment:
        return explain_shortfalls(problem, solution.assignments, lang)
    return explain_infeasible(problem, lang)


def explain_shortfalls(problem: Problem, assignments, lang: str = "zh") -> list[Explanation]:
    ix = ProblemIndex(problem)
    ledger = Ledger(ix)
    ledger.take_all(assignments)
    out = []
    for slot in problem.slots:
        filled = len(set(assignments.get(slot.id, ())))
        needed = max(slot.demand.target, slot.demand.minimum)
        if filled < needed:
            out.append(_slot_shortfall(ix, ledger, slot, needed, filled, assignments, lang))
    for group in problem.cover_groups:
        filled = sum(len(set(assignments.get(s, ()))) for s in group.slot_ids)
        if filled < group.minimum:
            out.append(_group_shortfall(ix, group, filled, lang))
    return out


def _slot_shortfall(ix, ledger, slot: Slot, needed, filled, assignments, lang) -> Explanation:
    eligible = ix.candidates(slot)
    available = ix.available(slot)
    taken = set(assignments.get(slot.id, ()))
    blocked = []
    for pid in available:
        if pid not in taken:
            reason = ledger.blocker(pid, slot)
            if reason is not None:
                blocked.append((pid, reason))
    free = [p for p in available if p not in dict(blocked)]  # includes those on the slot
    text = _need_sentence(ix, slot.id, needed, eligible, free, lang)
    if blocked:
        text += _blocked_sentence(ix, blocked, lang)
    return Explanation(
        "shortfall",
        text,
        (slot.id,),
        needed,
        filled,
        tuple(eligible),
        tuple(available),
        tuple(blocked),
    )


def _need_sentence(ix, slot_id, needed, eligible, free, lang) -> str:
    where = slot_label(ix, slot_id, lang)
    if not eligible:
        return pick(
            lang,
            f"{where}：需要 {needed} 人，没有符合条件的人员",
            f"{where}: needs {needed}, nobody is eligible",
        )
    if not free:
        return pick(
            lang,
            f"{where}：需要 {needed} 人，没有符合条件且有空的人员",
            f"{where}: needs {needed}, nobody eligible is available",
        )
    names = people_label(ix, free[:MAX_NAMES], lang) + ("…" if len(free) > MAX_NAMES else "")
    person = "person" if len(free) == 1 else "people"
    return pick(
        lang,
        f"{where}：需要 {needed} 人，仅 {len(free)} 名符合条件且有空的人员：{names}",
        f"{where}: needs {needed}, only {len(free)} eligible and available {person}: {names}",
    )


def _blocked_sentence(ix, blocked, lang) -> str:
    parts = [
        f"{person_label(ix, pid, lang)}（{pick(lang, *REASONS.get(r, (r, r)))}）"
        if lang != "en"
        else f"{person_label(ix, pid, lang)} ({pick(lang, *REASONS.get(r, (r, r)))})"
        for pid, r in blocked[:MAX_NAMES]
    ]
    more = "…" if len(blocked) > MAX_NAMES else ""
    return pick(
        lang,
        f"；{len(blocked)} 人受限：{'、'.join(parts)}{more}",
        f"; held back by a limit: {', '.join(parts)}{more}",
    )


def _group_shortfall(ix, group, filled, lang) -> Explanation:
    name = pick(lang, group.name, group.name_en or group.name) or group.id
    slots = [ix.slots[s] for s in group.slot_ids if s in ix.slots]
    available = sorted({p for s in slots for p in ix.available(s)})
    text = pick(
        lang,
        f"{name}：需要 {group.minimum} 人次，仅安排 {filled} 人次，可安排人员 {len(available)} 名",
        f"{name}: needs {group.minimum}, has {filled}; {len(available)} people could go",
    )
    return Explanation(
        "cover_group", text, tuple(group.slot_ids), group.minimum, filled, (), tuple(available)
    )


def explain_infeasible(problem: Problem, lang: str = "zh") -> list[Explanation]:
    """Hard demands that cannot be met even before people's limits interact."""
    ix = ProblemIndex(problem)
    out = []
    frozen = ix.frozen_slot_ids
    for slot in problem.slots:
        available = ix.available(slot)
        if slot.id not in frozen and slot.demand.minimum > len(available):
            text = _need_sentence(
                ix, slot.id, slot.demand.minimum, ix.candidates(slot), available, lang
            )
            out.append(
                Explanation(
                    "slot_minimum",
                    text,
                    (slot.id,),
                    slot.demand.minimum,
                    0,
                    tuple(ix.candidates(slot)),
                    tuple(available),
                )
            )
    for group in problem.cover_groups:
        if group.weight is not None:
            continue
        possible = sum(
            min(ix.slots[s].demand.upper, len(ix.available(ix.slots[s])))
            for s in group.slot_ids
            if s in ix.slots
        )
        if possible < group.minimum:
            out.append(_group_shortfall(ix, group, possible, lang))
    for limit in problem.group_limits:
        members = set(ix.group_members(limit.group))
        possible = sum(
            min(s.demand.upper, len(members.intersection(ix.available(s)))) for s in problem.slots
        )
        if limit.weight is None and possible < limit.minimum:
            name = pick(lang, limit.name, limit.name_en or limit.name) or limit.group
            text = pick(
                lang,
                f"{name}：至少需要值班 {limit.minimum} 次，最多只能安排 {possible} 次",
                f"{name}: needs at least {limit.minimum} duties, at most {possible} possible",
            )
            out.append(Explanation("group_minimum", text, needed=limit.minimum, filled=possible))
    for person in problem.people:
        need = ix.limits(person.id).min_shifts or 0
        if not need:
            continue
        days = {s.day for s in problem.slots if person.id in ix.available(s)}
        possible = len(days) * ix.limits(person.id).max_per_day
        if need > possible:
            who = person_label(ix, person.id, lang)
            text = pick(
                lang,
                f"{who}：至少需要 {need} 个班次，最多只能安排 {possible} 个",
                f"{who}: needs at least {need} duties, at most {possible} possible",
            )
            out.append(Explanation("person_minimum", text, needed=need, filled=possible))
    if not out:
        text = pick(
            lang,
            "没有找到简单原因：多条硬性规则相互冲突，请放宽上限或减少需求",
            "no single cause found: several hard rules conflict; relax a limit or lower a demand",
        )
        out.append(Explanation("unknown", text))
    return out
