"""Working days: the statutory calendar (chinese-calendar) overlaid with managers' declarations."""

from dataclasses import dataclass
from datetime import date, timedelta

import chinese_calendar

from domain.roster import month_bounds
from domain.workdays import WorkdayCalendar, day_type, workday_calendar_id
from roster.database import Database
from roster.eventstore import EventStore
from roster.readmodels.follower import Follower


def statutory(day: date) -> tuple[bool, str] | None:
    """(is_workday, holiday name) from the State Council's published table, None outside it."""
    try:
        is_workday = chinese_calendar.is_workday(day)
        _, name = chinese_calendar.get_holiday_detail(day)
    except NotImplementedError:
        return None
    return is_workday, name or ""


@dataclass(frozen=True)
class Day:
    day: date
    type: str  # workday | weekend | holiday
    name: str = ""
    declared: bool = False
    make_up: bool = False  # a weekend day declared (or published) as a working day


class WorkingDays:
    def __init__(self, store: EventStore, db: Database, follower: Follower, city_code: str):
        self.store = store
        self.db = db
        self.follower = follower
        self.city_code = city_code

    def declare(self, day: date, kind: str, name: str, actor: str, reason: str = "") -> None:
        self._change(lambda c: c.declare(day, kind, name, actor=actor, reason=reason))

    def withdraw(self, day: date, actor: str, reason: str = "") -> None:
        self._change(lambda c: c.withdraw(day, actor=actor, reason=reason))

    def confirm_year(self, year: int, actor: str, reason: str = "") -> None:
        self._change(lambda c: c.confirm_year(year, actor=actor, reason=reason))

    def _change(self, command) -> None:
        cid = workday_calendar_id(self.city_code)
        if not self.store.exists(cid):
            self.store.save(WorkdayCalendar(city_code=self.city_code))
        self.store.change(cid, command)
        self.follower.catch_up()

    def days(self, first: date, last: date) -> list[Day]:
        """Every day from first to last; raises UndeclaredYearError for an undeclared year."""
        with self.db.reading() as cur:
            declarations = {
                d: (k, n)
                for d, k, n in cur.execute(
                    "SELECT day, kind, name FROM workday_declarations WHERE day BETWEEN ? AND ?",
                    (first.isoformat(), last.isoformat()),
                ).fetchall()
            }
            confirmed = {y for (y,) in cur.execute("SELECT year FROM confirmed_years").fetchall()}
        result = []
        day = first
        while day <= last:
            kind = day_type(day, declarations, confirmed, statutory)
            declared = declarations.get(day.isoformat())
            official = statutory(day)
            name = declared[1] if declared else (official[1] if official else "")
            make_up = kind == "workday" and day.weekday() >= 5
            result.append(Day(day, kind, name, declared is not None, make_up))
            day += timedelta(days=1)
        return result

    def month(self, month: str) -> list[Day]:
        first, last = month_bounds(month)
        return self.days(first, last)

    def declarations(self, year: int) -> dict[date, tuple[str, str]]:
        """The days managers declared in a year: day → (kind, name); readable before the year
        is confirmed, so the calendar page can show the work in progress."""
        with self.db.reading() as cur:
            rows = cur.execute(
                "SELECT day, kind, name FROM workday_declarations WHERE day BETWEEN ? AND ?",
                (f"{year:04d}-01-01", f"{year:04d}-12-31"),
            ).fetchall()
        return {date.fromisoformat(d): (k, n) for d, k, n in rows}

    def is_declared(self, year: int) -> bool:
        if statutory(date(year, 1, 1)) is not None:
            return True
        with self.db.reading() as cur:
            row = cur.execute("SELECT 1 FROM confirmed_years WHERE year = ?", (year,)).fetchone()
        return row is not None
