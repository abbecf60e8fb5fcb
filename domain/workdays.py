"""The declared working-day calendar: the statutory calendar plus managers' own declarations.

The State Council publishes next year's holidays late in the year, so the city declares a day
a holiday or a make-up working day, and confirms a year once all of its days are declared.
A year that neither the statutory table nor a confirmation covers is refused, never guessed.

There is one calendar for the city and, where a county has its own days (a local festival, a
county-wide make-up day), one local calendar per county: its declarations apply only to the
rosters of that county and the units below it. Only the city confirms years.
"""

from collections.abc import Callable
from datetime import date
from uuid import UUID

from eventsourcing.domain import event

from domain.aggregate import Aggregate
from domain.errors import DomainError
from domain.ids import stable_id

DECLARABLE = ("holiday", "workday")
LEVELS = ("city", "county")
EARLIEST_YEAR = 2000
MAX_REASON = 500

# The statutory table answers (is_workday, holiday_name) for a day, or None outside its years.
Statutory = Callable[[date], tuple[bool, str] | None]


class WorkdayCalendar(Aggregate):
    class Opened(Aggregate.Created):
        """v2 names the unit whose calendar this is and its level (v1 had only the city)."""

        unit_code: str
        level: str
        class_version = 2

        @staticmethod
        def upcast_v1_v2(state: dict) -> None:
            state["unit_code"] = state.pop("city_code")
            state["level"] = "city"

    @event(Opened)
    def __init__(self, unit_code: str, level: str = "city") -> None:
        check_level(level)
        self.unit_code = unit_code
        self.level = level
        self.declarations: dict[str, tuple[str, str]] = {}
        self.confirmed_years: list[int] = []

    @staticmethod
    def create_id(unit_code: str, level: str = "city") -> UUID:
        return workday_calendar_id(unit_code)

    def declare(self, day: date, kind: str, name: str, actor: str, reason: str = "") -> None:
        if kind not in DECLARABLE:
            raise DeclarationKindError(kind)
        self._declare(day=day, kind=kind, name=name, actor=actor, reason=reason)

    @event("DayDeclared")
    def _declare(self, day: date, kind: str, name: str, actor: str, reason: str) -> None:
        self.declarations[day.isoformat()] = (kind, name)

    def withdraw(self, day: date, actor: str, reason: str = "") -> None:
        if day.isoformat() not in self.declarations:
            raise NoDeclarationError(day)
        self._withdraw(day=day, actor=actor, reason=reason)

    @event("DeclarationWithdrawn")
    def _withdraw(self, day: date, actor: str, reason: str) -> None:
        del self.declarations[day.isoformat()]

    def confirm_year(self, year: int, this_year: int, actor: str, reason: str = "") -> None:
        """this_year is today's year in the city: a year beyond the next cannot be known yet."""
        self._check_city_level()
        check_confirmable(year, this_year)
        if year not in self.confirmed_years:
            self._confirm_year(year=year, actor=actor, reason=reason)

    @event("YearConfirmed")
    def _confirm_year(self, year: int, actor: str, reason: str) -> None:
        self.confirmed_years.append(year)

    def unconfirm_year(self, year: int, actor: str, reason: str) -> None:
        """Undo a confirmation made too early or by mistake; the reason is kept with it."""
        self._check_city_level()
        if year not in self.confirmed_years:
            raise NotConfirmedError(year)
        reason = reason.strip()
        if not reason or len(reason) > MAX_REASON:
            raise UnconfirmReasonError()
        self._unconfirm_year(year=year, actor=actor, reason=reason)

    @event("YearUnconfirmed")
    def _unconfirm_year(self, year: int, actor: str, reason: str) -> None:
        self.confirmed_years.remove(year)

    def _check_city_level(self) -> None:
        if self.level != "city":
            raise LocalCalendarYearError()


def workday_calendar_id(unit_code: str) -> UUID:
    return stable_id("workdays", unit_code)


def check_level(level: str) -> None:
    if level not in LEVELS:
        raise CalendarLevelError(level)


def check_confirmable(year: int, this_year: int) -> None:
    if not EARLIEST_YEAR <= year <= this_year + 1:
        raise YearOutOfReachError(year, this_year + 1)


def day_type(
    day: date,
    declarations: dict[str, tuple[str, str]],
    confirmed_years: list[int] | set[int],
    statutory: Statutory,
) -> str:
    """'workday', 'weekend' or 'holiday' for a day; raises UndeclaredYearError if unknown."""
    declared = declarations.get(day.isoformat())
    if declared:
        return declared[0]
    official = statutory(day)
    if official is not None:
        is_workday, holiday_name = official
        if is_workday:
            return "workday"
        return "holiday" if holiday_name else "weekend"
    if day.year in confirmed_years:
        return "weekend" if day.weekday() >= 5 else "workday"
    raise UndeclaredYearError(day.year)


class UndeclaredYearError(DomainError):
    def __init__(self, year: int) -> None:
        self.year = year
        super().__init__(
            f"{year} 年的法定节假日和调休上班日尚未声明：请在“工作日历”中逐日声明，并确认该年度后再排班",
            f"The holidays and make-up working days of {year} are not declared yet: declare them "
            "in the working-day calendar and confirm the year before planning",
        )


class DeclarationKindError(DomainError):
    def __init__(self, kind: str) -> None:
        super().__init__(
            f"只能声明为节假日或调休上班日，而不是“{kind}”",
            f"A day can be declared a holiday or a working day, not '{kind}'",
        )


class NoDeclarationError(DomainError):
    def __init__(self, day: date) -> None:
        super().__init__(f"{day:%Y年%m月%d日}没有声明可撤销", f"No declaration on {day}")


class CalendarLevelError(DomainError):
    def __init__(self, level: str) -> None:
        super().__init__(
            f"工作日历只分市级和县区级，而不是“{level}”",
            f"A working-day calendar is the city's or a county's, not '{level}'",
        )


class YearOutOfReachError(DomainError):
    def __init__(self, year: int, latest: int) -> None:
        super().__init__(
            f"只能确认 {EARLIEST_YEAR} 年至 {latest} 年，不能确认 {year} 年：更远的年份尚未公布放假安排",
            f"Only the years {EARLIEST_YEAR} to {latest} can be confirmed, not {year}: the "
            "holidays of later years are not published yet",
        )


class NotConfirmedError(DomainError):
    def __init__(self, year: int) -> None:
        super().__init__(f"{year} 年尚未确认，无需撤销", f"{year} is not confirmed")


class UnconfirmReasonError(DomainError):
    def __init__(self) -> None:
        super().__init__(
            f"撤销年度确认须说明原因（不超过 {MAX_REASON} 字）",
            f"Undoing a year's confirmation needs a reason (at most {MAX_REASON} characters)",
        )


class LocalCalendarYearError(DomainError):
    def __init__(self) -> None:
        super().__init__(
            "年度由市级确认：县区的本地日历只声明本地的节假日和调休上班日",
            "Years are confirmed by the city: a county's local calendar only declares local days",
        )
