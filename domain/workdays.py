"""The declared working-day calendar: the statutory calendar plus managers' own declarations.

The State Council publishes next year's holidays late in the year, so a manager can declare a
day a holiday or a make-up working day, and confirm a year once all of its days are declared.
A year that neither the statutory table nor a confirmation covers is refused, never guessed.
"""

from collections.abc import Callable
from datetime import date
from uuid import UUID

from eventsourcing.domain import event

from domain.aggregate import Aggregate
from domain.errors import DomainError
from domain.ids import stable_id

DECLARABLE = ("holiday", "workday")

# The statutory table answers (is_workday, holiday_name) for a day, or None outside its years.
Statutory = Callable[[date], tuple[bool, str] | None]


class WorkdayCalendar(Aggregate):
    @event("Opened")
    def __init__(self, city_code: str) -> None:
        self.city_code = city_code
        self.declarations: dict[str, tuple[str, str]] = {}
        self.confirmed_years: list[int] = []

    @staticmethod
    def create_id(city_code: str) -> UUID:
        return workday_calendar_id(city_code)

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

    def confirm_year(self, year: int, actor: str, reason: str = "") -> None:
        if year not in self.confirmed_years:
            self._confirm_year(year=year, actor=actor, reason=reason)

    @event("YearConfirmed")
    def _confirm_year(self, year: int, actor: str, reason: str) -> None:
        self.confirmed_years.append(year)


def workday_calendar_id(city_code: str) -> UUID:
    return stable_id("workdays", city_code)


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
