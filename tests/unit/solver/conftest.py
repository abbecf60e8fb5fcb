"""Tiny problem builders for the solver tests: a Monday-start horizon, one shift type
"day" (08:00, 8 h) unless told otherwise, people "a", "b", ... with display names."""

from __future__ import annotations

from datetime import date, timedelta
from types import SimpleNamespace

import pytest

from solver import Day, Demand, Person, Problem, ShiftType, Slot, SolveParams, check, solve

MONDAY = date(2026, 12, 7)
NAMES = {"a": ("张三", "Zhang San"), "b": ("李四", "Li Si"), "c": ("王五", "Wang Wu")}


def day(i: int) -> date:
    return MONDAY + timedelta(days=i)


def days(n: int) -> tuple[Day, ...]:
    return tuple(Day(day(i), rest=day(i).weekday() >= 5) for i in range(n))


def person(pid: str, *groups: str) -> Person:
    zh, en = NAMES.get(pid, (pid, pid))
    return Person(pid, zh, tuple(groups), en)


def slot(sid: str, i: int, shift: str = "day", station: str = "st", target: int = 1, **kw) -> Slot:
    demand = kw.pop("demand", None) or Demand(
        minimum=kw.pop("minimum", 0), target=target, maximum=kw.pop("maximum", None)
    )
    return Slot(sid, day(i), shift, station, kw.pop("station_name", station), demand, **kw)


def problem(n_days: int = 1, people=("a", "b"), slots=(), shifts=None, **kw) -> Problem:
    return Problem(
        days=days(n_days),
        shifts=shifts or (ShiftType("day", 8 * 60, 480, "白班", "day shift"),),
        people=tuple(p if isinstance(p, Person) else person(p) for p in people),
        slots=tuple(slots),
        **kw,
    )


def run(p: Problem, **params):
    params = {"time_limit_seconds": 20, "workers": 1, "stall_seconds": None, **params}
    result = solve(p, SolveParams(**params))
    assert result.has_assignment, result.status
    assert check(p, result) == [], "the solver broke a hard rule"
    return result


def count_of(result, pid: str) -> int:
    return sum(pid in people for people in result.assignments.values())


@pytest.fixture
def mk():
    return SimpleNamespace(
        day=day, days=days, person=person, slot=slot, problem=problem, run=run, count_of=count_of
    )
