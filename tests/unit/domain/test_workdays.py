from datetime import date

import pytest

from domain.workdays import (
    DeclarationKindError,
    LocalCalendarYearError,
    NoDeclarationError,
    NotConfirmedError,
    UnconfirmReasonError,
    UndeclaredYearError,
    WorkdayCalendar,
    YearOutOfReachError,
    day_type,
)


def statutory_2026_only(day: date) -> tuple[bool, str] | None:
    if day.year != 2026:
        return None
    if day == date(2026, 10, 1):
        return False, "National Day"
    if day == date(2026, 9, 20):
        return True, "National Day"  # a make-up working Sunday
    return day.weekday() < 5, ""


def test_statutory_days_are_classified():
    assert day_type(date(2026, 12, 1), {}, [], statutory_2026_only) == "workday"
    assert day_type(date(2026, 12, 5), {}, [], statutory_2026_only) == "weekend"
    assert day_type(date(2026, 10, 1), {}, [], statutory_2026_only) == "holiday"
    assert day_type(date(2026, 9, 20), {}, [], statutory_2026_only) == "workday"


def test_an_undeclared_year_is_refused_not_guessed():
    with pytest.raises(UndeclaredYearError) as caught:
        day_type(date(2027, 1, 4), {}, [], statutory_2026_only)
    assert "2027" in caught.value.message and caught.value.year == 2027


def test_manager_declarations_override_and_a_confirmed_year_is_usable():
    cal = WorkdayCalendar(unit_code="370800")
    cal.declare(date(2027, 1, 1), "holiday", "元旦", actor="m1", reason="国务院通知")
    cal.declare(date(2027, 2, 6), "workday", "春节调休", actor="m1")
    cal.confirm_year(2027, 2026, actor="m1")
    args = (cal.declarations, cal.confirmed_years, statutory_2026_only)
    assert day_type(date(2027, 1, 1), *args) == "holiday"
    assert day_type(date(2027, 2, 6), *args) == "workday"  # a Saturday made a working day
    assert day_type(date(2027, 1, 4), *args) == "workday"
    assert day_type(date(2027, 1, 9), *args) == "weekend"


def test_declaration_refusals():
    cal = WorkdayCalendar(unit_code="370800")
    with pytest.raises(DeclarationKindError):
        cal.declare(date(2027, 1, 1), "weekend", "", actor="m1")
    with pytest.raises(NoDeclarationError):
        cal.withdraw(date(2027, 1, 1), actor="m1")


def test_a_year_beyond_the_next_cannot_be_confirmed():
    cal = WorkdayCalendar(unit_code="370800")
    for year in (2028, 2099, 1999):
        with pytest.raises(YearOutOfReachError) as caught:
            cal.confirm_year(year, 2026, actor="m1")
        assert str(year) in caught.value.message and str(year) in caught.value.message_en
    cal.confirm_year(2027, 2026, actor="m1")
    assert cal.confirmed_years == [2027]


def test_a_confirmation_is_undone_with_a_reason():
    cal = WorkdayCalendar(unit_code="370800")
    cal.confirm_year(2027, 2026, actor="m1")
    for reason in ("", "   ", "长" * 501):
        with pytest.raises(UnconfirmReasonError):
            cal.unconfirm_year(2027, actor="m1", reason=reason)
    cal.unconfirm_year(2027, actor="m1", reason=" 放假安排尚未公布 ")
    event = cal.collect_events()[-1]
    assert type(event).__name__ == "YearUnconfirmed"
    assert (event.year, event.actor, event.reason) == (2027, "m1", "放假安排尚未公布")
    assert cal.confirmed_years == []
    with pytest.raises(UndeclaredYearError):
        day_type(date(2027, 1, 4), cal.declarations, cal.confirmed_years, statutory_2026_only)
    with pytest.raises(NotConfirmedError):
        cal.unconfirm_year(2027, actor="m1", reason="再撤一次")


def test_a_county_calendar_declares_local_days_but_confirms_no_year():
    cal = WorkdayCalendar(unit_code="370827", level="county")
    cal.declare(date(2026, 12, 7), "holiday", "县庆", actor="yutai")
    assert cal.declarations == {"2026-12-07": ("holiday", "县庆")}
    with pytest.raises(LocalCalendarYearError):
        cal.confirm_year(2027, 2026, actor="yutai")
    with pytest.raises(LocalCalendarYearError):
        cal.unconfirm_year(2027, actor="yutai", reason="x")
