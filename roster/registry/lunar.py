"""Market days (集日) fall on fixed days of the lunar month."""

from datetime import date
from functools import lru_cache

from lunardate import LunarDate


@lru_cache(maxsize=4096)
def lunar_day(day: date) -> int:
    return LunarDate.from_solar_date(day.year, day.month, day.day).day


def is_market_day(day: date, market_days: tuple[int, ...]) -> bool:
    return bool(market_days) and lunar_day(day) in market_days
