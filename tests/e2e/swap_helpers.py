"""A published duty of the demo member lvshi to swap: one duty-lawyers roster of 鱼台县 with
lvshi's one duty on the first working day from `start`."""

from datetime import date, timedelta

from domain.summary import DraftSummary
from roster.services import Services
from tests.e2e.member_pages_helpers import COUNTY, DETENTION, LAWYER

KIND = "duty-lawyers"


def publish_a_duty(services: Services, start: date) -> tuple[str, str]:
    """(the duty, the roster's id)."""
    day = start
    while not any(
        d.day == day and d.type == "workday" for d in services.workdays.month(f"{day:%Y-%m}")
    ):
        day += timedelta(days=1)
    month = f"{day:%Y-%m}"
    placements = [(day, DETENTION, "day", 0, LAWYER)]
    services.rosters.draft(KIND, COUNTY, month, placements, DraftSummary(), "test")
    services.rosters.publish(KIND, COUNTY, month, "test")
    roster = services.rosters.get(KIND, COUNTY, month)
    return next(iter(roster.assignments)), roster.id.hex
