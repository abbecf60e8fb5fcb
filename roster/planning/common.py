"""Translations every roster kind shares: shifts, days, unavailability and carried balances."""

from collections.abc import Iterable
from datetime import date

import solver
from domain.vocabulary import SHIFT_NAMES, SHIFTS
from roster.planning.facts import Facts


def slot_id(day: date, place: str, shift: str) -> str:
    """One slot per day, place and shift, named the same in every kind and in replanning."""
    return f"{day.isoformat()}/{place}/{shift}"


def shift_types() -> tuple[solver.ShiftType, ...]:
    types = []
    for code, (start, end) in SHIFTS.items():
        start_minute = _minutes(start)
        zh, en = SHIFT_NAMES[code]
        types.append(solver.ShiftType(code, start_minute, _minutes(end) - start_minute, zh, en))
    return tuple(types)


def _minutes(hhmm: str) -> int:
    hour, minute = map(int, hhmm.split(":"))
    return hour * 60 + minute


def solver_days(facts: Facts, only_workdays: bool = False) -> tuple[solver.Day, ...]:
    return tuple(
        solver.Day(d.day, rest=d.type != "workday")
        for d in facts.days
        if not only_workdays or d.type == "workday"
    )


def unavailability(facts: Facts, people: Iterable[str]) -> tuple[solver.Unavailability, ...]:
    """Declared unavailability, plus whole days already on duty in another roster."""
    out = []
    for code in people:
        for day, shifts in sorted(facts.unavailable.get(code, {}).items()):
            if shifts is None:
                out.append(solver.Unavailability(code, day))
            else:
                out.extend(solver.Unavailability(code, day, s) for s in sorted(shifts))
        out.extend(
            solver.Unavailability(code, day) for day in sorted(facts.busy_elsewhere.get(code, ()))
        )
    return tuple(out)


def balances(facts: Facts, members: list[str]) -> tuple[solver.Balance, ...]:
    """Each member's duties in earlier months above (or below) the pool's average."""
    if not members or not facts.history:
        return ()
    totals = [facts.history.get(m, (0, 0)) for m in members]
    mean_duties = sum(t[0] for t in totals) / len(members)
    mean_rest = sum(t[1] for t in totals) / len(members)
    out = []
    for member, (duties, rest) in zip(members, totals, strict=True):
        ahead, rest_ahead = round(duties - mean_duties), round(rest - mean_rest)
        if ahead or rest_ahead:
            out.append(solver.Balance(member, ahead, rest_ahead))
    return tuple(out)


def person(facts: Facts, code: str, *groups: str) -> solver.Person:
    return solver.Person(code, facts.people[code].name, tuple(g for g in groups if g))
