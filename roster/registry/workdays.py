"""Working days: the statutory calendar (chinese-calendar) overlaid with declarations.

The city's declarations apply everywhere; a county's local declarations apply on top of them,
to that county and the units below it only. Only the city confirms a year.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import chinese_calendar

from domain.errors import DomainError
from domain.roster import month_bounds
from domain.vocabulary import TIME_ZONE
from domain.workdays import WorkdayCalendar, day_type, workday_calendar_id
from roster.errors import StaleWriteError
from roster.store.database import Database
from roster.store.eventstore import EventStore
from roster.store.unit_of_work import UnitOfWork, Work

DECLARATIONS = (
    "SELECT day, kind, name FROM workday_declarations WHERE unit_code = ? AND day BETWEEN ? AND ?"
)


def statutory(day: date) -> tuple[bool, str] | None:
    """(is_workday, holiday name) from the State Council's published table, None outside it."""
    try:
        is_workday = chinese_calendar.is_workday(day)
        _, name = chinese_calendar.get_holiday_detail(day)
    except NotImplementedError:
        return None
    return is_workday, name or ""


def shanghai_today() -> date:
    return datetime.now(TIME_ZONE).date()


@dataclass(frozen=True)
class Day:
    day: date
    type: str  # workday | weekend | holiday
    name: str = ""
    declared: bool = False
    make_up: bool = False  # a weekend day declared (or published) as a working day
    local: bool = False  # declared by the county, for its own rosters only


class WorkingDays:
    def __init__(
        self, store: EventStore, db: Database, uow: UnitOfWork, city_code: str,
        today: Callable[[], date] = shanghai_today,
    ) -> None:  # fmt: skip
        self.store = store
        self.db = db
        self.uow = uow
        self.city_code = city_code
        self.today = today

    # Commands. `county` names a county's local calendar; empty means the city's.
    # Each command takes the version of the calendar the user's page showed (None: not
    # checked, for the CLI and the tests' setup); a calendar changed since is refused.
    def declare(
        self, day: date, kind: str, name: str, actor: str, reason: str = "", county: str = "",
        expected_version: int | None = None,
    ) -> None:  # fmt: skip
        command = lambda c: c.declare(day, kind, name, actor=actor, reason=reason)  # noqa: E731
        self._change(county, command, expected_version)

    def withdraw(
        self, day: date, actor: str, reason: str = "", county: str = "",
        expected_version: int | None = None,
    ) -> None:  # fmt: skip
        command = lambda c: c.withdraw(day, actor=actor, reason=reason)  # noqa: E731
        self._change(county, command, expected_version)

    def confirm_year(
        self, year: int, actor: str, reason: str = "", expected_version: int | None = None
    ) -> None:
        this_year = self.today().year
        command = lambda c: c.confirm_year(year, this_year, actor=actor, reason=reason)  # noqa: E731
        self._change("", command, expected_version)

    def unconfirm_year(
        self, year: int, actor: str, reason: str, expected_version: int | None = None
    ) -> None:
        command = lambda c: c.unconfirm_year(year, actor=actor, reason=reason)  # noqa: E731
        self._change("", command, expected_version)

    def version(self, county: str = "") -> int:
        """The version of the city's calendar, or of a county's local one (0: none yet)."""
        code = county or self.city_code
        calendar = self.store.get_or_none(workday_calendar_id(code))
        return calendar.version if calendar is not None else 0

    def _change(self, county: str, command, expected_version: int | None) -> None:
        if county and self.county_of(county) != county:
            raise UnknownCountyError(county)
        code, level = (county, "county") if county else (self.city_code, "city")
        cid = workday_calendar_id(code)

        def change(work: Work) -> None:
            calendar = work.find(cid)
            if calendar is None:  # opened by its first change, in the same save
                if expected_version:
                    raise StaleWriteError(expected_version, 0)
                calendar = work.add(WorkdayCalendar(unit_code=code, level=level))
            elif expected_version is not None and calendar.version != expected_version:
                raise StaleWriteError(expected_version, calendar.version)
            command(calendar)

        self.uow(change)

    # Queries
    def days(self, first: date, last: date, unit_code: str = "") -> list[Day]:
        """Every day from first to last as a unit's rosters see it (the city's days plus its
        county's local ones); raises UndeclaredYearError for an undeclared year."""
        county = self.county_of(unit_code) if unit_code else ""
        span = (first.isoformat(), last.isoformat())
        with self.db.reading() as cur:
            declarations = _declared(cur, self.city_code, *span)
            local = _declared(cur, county, *span) if county else {}
            confirmed = {y for (y,) in cur.execute("SELECT year FROM confirmed_years").fetchall()}
        declarations.update(local)
        result = []
        day = first
        while day <= last:
            kind = day_type(day, declarations, confirmed, statutory)
            declared = declarations.get(day.isoformat())
            official = statutory(day)
            name = declared[1] if declared else (official[1] if official else "")
            make_up = kind == "workday" and day.weekday() >= 5
            is_local = day.isoformat() in local
            result.append(Day(day, kind, name, declared is not None, make_up, is_local))
            day += timedelta(days=1)
        return result

    def month(self, month: str, unit_code: str = "") -> list[Day]:
        first, last = month_bounds(month)
        return self.days(first, last, unit_code)

    def declarations(self, year: int, county: str = "") -> dict[date, tuple[str, str]]:
        """The days declared in a year on one calendar (the city's, or a county's local one):
        day → (kind, name); readable before the year is confirmed, so the calendar page can
        show the work in progress."""
        with self.db.reading() as cur:
            rows = _declared(
                cur, county or self.city_code, f"{year:04d}-01-01", f"{year:04d}-12-31"
            )
        return {date.fromisoformat(d): v for d, v in rows.items()}

    def is_declared(self, year: int) -> bool:
        return statutory(date(year, 1, 1)) is not None or self.is_confirmed(year)

    def is_confirmed(self, year: int) -> bool:
        with self.db.reading() as cur:
            row = cur.execute("SELECT 1 FROM confirmed_years WHERE year = ?", (year,)).fetchone()
        return row is not None

    def county_of(self, unit_code: str) -> str:
        """The county a unit lies in (itself for a county); empty for the city or an unknown."""
        with self.db.reading() as cur:
            row = cur.execute(
                "SELECT u.county_code FROM units u JOIN units c ON c.code = u.county_code "
                "WHERE u.code = ? AND c.kind = 'county'",
                (unit_code,),
            ).fetchone()
        return row[0] if row else ""


def _declared(cur, unit_code: str, first: str, last: str) -> dict[str, tuple[str, str]]:
    return {d: (k, n) for d, k, n in cur.execute(DECLARATIONS, (unit_code, first, last)).fetchall()}


class UnknownCountyError(DomainError):
    def __init__(self, code: str) -> None:
        super().__init__(
            f"“{code}”不是县区：本地日历只属于县区",
            f"'{code}' is not a county: local days belong to a county",
        )
