"""Carried-over balances count weekend and holiday duties by the declared calendar the
county's rosters are planned on: statutory holidays, make-up working days, local days."""

from datetime import date

from domain.summary import DraftSummary
from roster.planning.facts import read_facts
from tests.integration.helpers import ACTOR, seed_county

COUNTY = "370827"


def test_earlier_months_rest_duties_follow_the_declared_calendar(services):
    seed_county(services)
    fair = date(2025, 10, 10)  # a Friday the county declares a holiday of its own
    services.workdays.declare(fair, "holiday", "庙会", ACTOR, county=COUNTY)
    served = [
        (date(2025, 10, 1), "L1"),  # National Day, a Wednesday: a holiday duty
        (date(2025, 10, 12), "L1"),  # an ordinary Sunday
        (fair, "L2"),
        (date(2025, 10, 13), "L2"),  # a Monday
        (date(2025, 10, 11), "L3"),  # a make-up Saturday: a working day
    ]
    placements = [(day, "S1", "day", 0, person) for day, person in served]
    services.rosters.draft("duty-lawyers", COUNTY, "2025-10", placements, DraftSummary(), ACTOR)
    services.rosters.publish("duty-lawyers", COUNTY, "2025-10", ACTOR)
    facts = read_facts(services.db, services.workdays, "duty-lawyers", COUNTY, "2025-11")
    assert facts.history == {"L1": (2, 2), "L2": (2, 1), "L3": (1, 0)}


def test_an_earlier_month_of_an_undeclared_year_counts_by_the_weekend(services):
    """2003 is before the statutory table and was never confirmed: its duties were served,
    so they still count, Saturdays and Sundays as rest days, instead of refusing January."""
    seed_county(services)
    placements = [
        (date(2003, 12, 25), "S1", "day", 0, "L1"),  # a Thursday
        (date(2003, 12, 27), "S1", "day", 0, "L1"),  # a Saturday
    ]
    services.rosters.draft("duty-lawyers", COUNTY, "2003-12", placements, DraftSummary(), ACTOR)
    services.rosters.publish("duty-lawyers", COUNTY, "2003-12", ACTOR)
    facts = read_facts(services.db, services.workdays, "duty-lawyers", COUNTY, "2004-01")
    assert facts.history == {"L1": (2, 1)}
