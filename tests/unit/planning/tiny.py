"""Tiny hand-made facts for the planning translations, no database: five days of October 2025
as the declared calendar types them (National Day on a Wednesday, a make-up Saturday), and
builders for the people, stations and villages each test names."""

from datetime import date

from domain.person import DUTY_QUALIFICATION
from roster.planning.facts import Facts, PersonFact, StationFact, VillageFact
from roster.registry.workdays import Day

MONTH = "2025-10"
UNIT = "C1"
HOLIDAY = Day(date(2025, 10, 1), "holiday", "国庆节")  # a Wednesday
FRIDAY = Day(date(2025, 10, 10), "workday")
MAKE_UP = Day(date(2025, 10, 11), "workday", "国庆节", make_up=True)  # a Saturday worked
SUNDAY = Day(date(2025, 10, 12), "weekend")
MONDAY = Day(date(2025, 10, 13), "workday")
DAYS = (HOLIDAY, FRIDAY, MAKE_UP, SUNDAY, MONDAY)
WORKDAYS = (FRIDAY.day, MAKE_UP.day, MONDAY.day)


def leader(code: str, unit: str = UNIT, head: bool = False) -> PersonFact:
    return PersonFact(code, f"领导{code}", "leader", unit, unit, "", (), head, "")


def lawyer(code: str, firm: str, qualified: bool = True) -> PersonFact:
    quals = (DUTY_QUALIFICATION,) if qualified else ()
    return PersonFact(code, f"律师{code}", "lawyer", "", "", firm, quals, False, "")


def adviser(code: str) -> PersonFact:
    return PersonFact(code, f"顾问{code}", "adviser", "", "", "", (), False, "")


def station(code: str, kind: str = "centre", unit: str = UNIT, demand=()) -> StationFact:
    return StationFact(code, f"站{code}", kind, unit, tuple(demand))


def village(code: str, adviser_code: str, township: str = UNIT, market=()) -> VillageFact:
    return VillageFact(code, f"村{code}", township, adviser_code, tuple(market))


def facts(people=(), **kw) -> Facts:
    return Facts(MONTH, list(DAYS), UNIT, "某县", people={p.code: p for p in people}, **kw)


def slot_ids(problem) -> set[str]:
    return {s.id for s in problem.slots}
