"""Published (and draft) duties around today on the small demo city, for the member and public
pages. Dates are relative to today in Beijing, so "today" pages have something to show."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from domain.summary import DraftSummary
from roster.services import Services

ACTOR = "test-manager"
COUNTY, TOWNSHIP, VILLAGE = "370827", "370827001", "370827001001"
CENTRE, COURT, DETENTION, LEGAL_AID = "S0001", "S0002", "S0004", "S0005"
LAWYER, LEADER, ADVISER = "L00051", "D0007", "A00001"  # lvshi, lingdao, the village's adviser
DRAFT_ONLY_LAWYER = "L00052"


def today() -> date:
    return datetime.now(ZoneInfo("Asia/Shanghai")).date()


def publish_around_today(services: Services) -> dict[str, str]:
    """Publishes duties today and tomorrow, then re-drafts this month without publishing:
    the draft's person must never show on a member's or the public's page."""
    day0, day1 = today(), today() + timedelta(days=1)
    lawyers = [(day0, DETENTION, "day", 0, LAWYER), (day1, COURT, "am", 0, LAWYER)]
    _record(services, "duty-lawyers", COUNTY, lawyers)
    _record(services, "reception", COUNTY, [(day0, CENTRE, "day", 0, LEADER)])
    _record(services, "adviser-circuits", TOWNSHIP, [(day0, VILLAGE, "day", 0, ADVISER)])
    # A new draft of this month, never published: another lawyer at the legal-aid centre.
    services.rosters.draft(
        "duty-lawyers", COUNTY, f"{day0:%Y-%m}",
        [*[p for p in lawyers if p[0].month == day0.month],
         (day0, LEGAL_AID, "day", 0, DRAFT_ONLY_LAWYER)],
        DraftSummary(), ACTOR,
    )  # fmt: skip
    roster = services.rosters.get("duty-lawyers", COUNTY, f"{day0:%Y-%m}")
    duty = next(a.id for a in roster.assignments.values() if a.person == LAWYER and a.day == day0)
    draft = next(a.id for a in roster.assignments.values() if a.person == DRAFT_ONLY_LAWYER)
    return {"duty": duty, "draft_duty": draft}


def draft_only_name(services: Services) -> str:
    with services.db.reading() as cur:
        return cur.execute(
            "SELECT name FROM people WHERE code = ?", (DRAFT_ONLY_LAWYER,)
        ).fetchone()[0]


def _record(services: Services, kind: str, unit: str, placements: list) -> None:
    months = sorted({f"{p[0]:%Y-%m}" for p in placements})
    for month in months:
        these = [p for p in placements if f"{p[0]:%Y-%m}" == month]
        services.rosters.draft(kind, unit, month, these, DraftSummary(), ACTOR)
        services.rosters.publish(kind, unit, month, ACTOR)


def publish_a_busy_month(services: Services) -> None:
    """A month that looks like a real one, for screenshots: a leader at the centre or the
    legal-aid centre every working day, lawyers at each station, the lawyer and the leader of
    the demo accounts on duty today; then the draft that must not show (as above)."""
    day0 = today()
    month = f"{day0:%Y-%m}"
    workdays = [d.day for d in services.workdays.month(month) if d.type == "workday"]
    with services.db.reading() as cur:
        leaders = [c for (c,) in cur.execute(
            "SELECT code FROM people WHERE role = 'leader' AND county_code = ? AND code <> ? "
            "ORDER BY code", (COUNTY, LEADER))]  # fmt: skip
        lawyers = [c for (c,) in cur.execute(
            "SELECT code FROM people WHERE role = 'lawyer' AND county_code = ? AND code NOT IN "
            "(?, ?) AND qualifications LIKE '%duty_lawyer%' ORDER BY code",
            (COUNTY, LAWYER, DRAFT_ONLY_LAWYER))]  # fmt: skip
    reception, duty = [], []
    for n, day in enumerate(workdays):
        leader = LEADER if day == day0 else leaders[n % len(leaders)]
        reception.append((day, CENTRE if n % 3 else LEGAL_AID, "day", 0, leader))
        for k, station in enumerate((CENTRE, COURT, DETENTION)):
            person = LAWYER if (day == day0 and station == DETENTION) else None
            if person is None and n % 4 == 1 and station == COURT and day != day0:
                person = LAWYER  # the lawyer's other duties this month
            duty.append((day, station, "day", 0, person or lawyers[(3 * n + k) % len(lawyers)]))
    _record(services, "reception", COUNTY, reception)
    _record(services, "duty-lawyers", COUNTY, duty)
    visits = [(d, f"{TOWNSHIP}{i:03d}", "day", 0, ADVISER) for i, d in
              zip(range(1, 6), [day0, *workdays[::5]], strict=False)]  # fmt: skip
    _record(services, "adviser-circuits", TOWNSHIP, visits)
    services.rosters.draft(
        "duty-lawyers", COUNTY, month, [*duty, (day0, LEGAL_AID, "day", 0, DRAFT_ONLY_LAWYER)],
        DraftSummary(), ACTOR,
    )  # fmt: skip
