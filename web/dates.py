"""Date helpers for templates beyond web.i18n's: weekday names and months in the reader's language."""

from datetime import date, datetime

import jinja2
from babel.dates import format_date

from web.i18n import LANGUAGES, current_language, in_beijing


def weekday(value: date) -> str:
    """星期三 in Chinese, Wednesday in English."""
    return format_date(value, "EEEE", locale=LANGUAGES[current_language()])


def month_title(value: date) -> str:
    """2026年11月 in Chinese, November 2026 in English."""
    if current_language() == "zh":
        return f"{value.year}年{value.month}月"
    return format_date(value, "MMMM y", locale=LANGUAGES[current_language()])


def moment(value: datetime | str | None) -> str:
    """2026-12-03 08:30 in Beijing time, whatever offset the moment was stored with."""
    return f"{in_beijing(value):%Y-%m-%d %H:%M}" if value else ""


def install(env: jinja2.Environment) -> None:
    env.globals["weekday"] = weekday
    env.globals["month_title"] = month_title
    env.filters["moment"] = moment
