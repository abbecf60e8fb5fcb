"""Small formatting helpers the roster templates call: month titles, weekday and day marks."""

from datetime import date

from roster import vocabulary
from web.i18n import N_, current_language
from web.i18n import gettext as _
from web.views.calendar import HOLIDAY_NAMES

WEEKDAYS_ZH = "一二三四五六日"
WEEKDAYS_EN = "MTWTFSS"
STATUSES = {
    "OPTIMAL": N_("最优"),
    "FEASIBLE": N_("可行"),
    "HEURISTIC": N_("启发式"),
    "INFEASIBLE": N_("无可行解"),
    "CANCELLED": N_("已取消"),
}
MONTHS_EN = "January February March April May June July August September October November December"


def month_label(month: str) -> str:
    year, mon = int(month[:4]), int(month[5:7])
    if current_language() == "en":
        return f"{MONTHS_EN.split()[mon - 1]} {year}"
    return f"{year}年{mon}月"


def weekday(day: date) -> str:
    return (WEEKDAYS_EN if current_language() == "en" else WEEKDAYS_ZH)[day.weekday()]


def day_class(day) -> str:
    """A workday.Day's CSS class: make-up working days and holidays stand out from weekends."""
    if day.make_up:
        return "makeup"
    return day.type  # workday | weekend | holiday


def shift_name(shift: str) -> str:
    return vocabulary.shift_name(shift, current_language())


def status_name(status: str) -> str:
    """The solver's status in words; FEASIBLE means it stopped on time or on a stall."""
    return _(STATUSES[status]) if status in STATUSES else status


def holiday_name(name: str) -> str:
    """The statutory table names holidays in English; managers' declarations are in Chinese."""
    return _(HOLIDAY_NAMES[name]) if name in HOLIDAY_NAMES else name


def holiday_runs(days) -> list[tuple[date, date, str, bool]]:
    """Named days folded into runs: (first, last, name, make-up working day), for the note
    under the grid ("10月1日–7日 国庆节") instead of one line per day."""
    runs: list[list] = []
    for d in days:
        if not d.name:
            continue
        last = runs[-1] if runs else None
        if last and last[2] == d.name and last[3] == d.make_up and (d.day - last[1]).days == 1:
            last[1] = d.day
        else:
            runs.append([d.day, d.day, d.name, d.make_up])
    return [(a, b, holiday_name(n), m) for a, b, n, m in runs]


HELPERS = {
    "holiday_runs": holiday_runs,
    "holiday_name": holiday_name,
    "status_name": status_name,
    "month_label": month_label,
    "weekday": weekday,
    "day_class": day_class,
    "shift_name": shift_name,
}
