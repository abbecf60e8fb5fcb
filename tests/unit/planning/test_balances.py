"""Carried-over balances: earlier months' duties, weekend/holiday duties counted by the
declared calendar, and each member's lead over their pool's mean. No database: the calendar
is a stand-in that types days the way WorkingDays does (declarations over the statutory
table, confirmed years by weekday, other years refused)."""

from datetime import date, timedelta

import solver
from domain.workdays import day_type
from roster.planning.common import balances
from roster.planning.facts import carried_over, history_start, rest_days
from roster.registry.workdays import Day, statutory
from tests.unit.planning.tiny import facts


class Calendar:
    def __init__(self, declarations=None, confirmed=()) -> None:
        self.declarations = {d.isoformat(): v for d, v in (declarations or {}).items()}
        self.confirmed = set(confirmed)
        self.asked: list[tuple[date, date, str]] = []

    def days(self, first: date, last: date, unit_code: str = "") -> list[Day]:
        self.asked.append((first, last, unit_code))
        span = [first + timedelta(days=n) for n in range((last - first).days + 1)]
        return [Day(d, day_type(d, self.declarations, self.confirmed, statutory)) for d in span]


def test_three_earlier_months_carry_over():
    assert history_start(date(2025, 10, 1)) == date(2025, 7, 1)
    assert history_start(date(2025, 4, 1)) == date(2025, 1, 1)
    assert history_start(date(2025, 3, 1)) == date(2024, 12, 1)
    assert history_start(date(2025, 1, 1)) == date(2024, 10, 1)


def test_rest_days_are_the_declared_calendars_not_the_weekdays():
    local_holiday = date(2025, 10, 10)  # a Friday the county declared for its own festival
    calendar = Calendar({local_holiday: ("holiday", "庙会")})
    rest = rest_days(calendar, "C1", date(2025, 9, 27), date(2025, 10, 14))
    assert date(2025, 9, 27) in rest  # an ordinary Saturday
    assert date(2025, 9, 28) not in rest  # a make-up Sunday, worked
    assert date(2025, 10, 1) in rest and date(2025, 10, 8) in rest  # National Day, weekdays
    assert local_holiday in rest
    assert date(2025, 10, 11) not in rest  # a make-up Saturday, worked
    assert date(2025, 10, 12) in rest
    assert date(2025, 10, 13) not in rest and date(2025, 10, 14) not in rest  # the end is open
    assert calendar.asked == [(date(2025, 9, 27), date(2025, 10, 13), "C1")]  # the unit's days


def test_a_year_the_calendar_does_not_cover_falls_back_to_the_weekend():
    calendar = Calendar()  # 2003 is before the statutory table and was never confirmed
    rest = rest_days(calendar, "C1", date(2003, 12, 1), date(2004, 2, 1))
    assert {d for d in rest if d.year == 2003} == {
        date(2003, 12, d) for d in (6, 7, 13, 14, 20, 21, 27, 28)
    }
    assert date(2004, 1, 1) in rest  # New Year's Day, a Thursday, from the table
    confirmed = rest_days(Calendar(confirmed=[2003]), "C1", date(2003, 12, 1), date(2004, 1, 1))
    assert confirmed == {d for d in rest if d.year == 2003}


def test_a_confirmed_years_declared_holiday_counts():
    calendar = Calendar({date(2027, 1, 1): ("holiday", "元旦")}, confirmed=[2027])
    rest = rest_days(calendar, "C1", date(2027, 1, 1), date(2027, 1, 4))
    assert rest == {date(2027, 1, 1), date(2027, 1, 2), date(2027, 1, 3)}


def test_carried_over_counts_duties_and_rest_duties():
    rest = {date(2025, 10, 1), date(2025, 10, 12)}
    served = [
        ("A", date(2025, 10, 1)), ("A", date(2025, 10, 11)), ("A", date(2025, 10, 12)),
        ("B", date(2025, 10, 11)),
    ]  # fmt: skip
    assert carried_over(served, rest) == {"A": (3, 2), "B": (1, 0)}
    assert carried_over([], rest) == {}


def test_a_balance_is_the_lead_over_the_pools_mean_rounded():
    history = {"A": (5, 2), "B": (3, 1), "X": (9, 9)}  # X is not in the pool
    out = balances(facts(history=history), ["A", "B", "C"])
    # means over A, B and C (who served nothing): 8/3 duties, 1 rest duty
    assert out == (
        solver.Balance("A", 2, 1),
        solver.Balance("C", -3, -1),
    )  # B: +0.33 and 0, level after rounding


def test_no_history_or_no_members_no_balances():
    assert balances(facts(), ["A", "B"]) == ()
    assert balances(facts(history={"A": (2, 1)}), []) == ()
    assert balances(facts(history={"A": (2, 1), "B": (2, 1)}), ["A", "B"]) == ()
