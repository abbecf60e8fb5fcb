"""Shared sample duties and feed settings for the calendars tests (fixtures only: test
modules do not import this file, so other test folders may have their own conftest)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from calendars.feed import FeedDuty, FeedInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")
FIXTURES = Path(__file__).parent / "fixtures"


def at(day: int, hour: int, minute: int = 0, month: int = 12) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, tzinfo=SHANGHAI)


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture
def stamp() -> dt.datetime:
    """The DTSTAMP of every test feed: the time of the latest change, fixed."""
    return dt.datetime(2026, 11, 25, 2, 0, tzinfo=dt.UTC)


@pytest.fixture
def info() -> FeedInfo:
    return FeedInfo(
        name="张三的值班",
        description="济宁市司法局公共法律服务值班表",
        refresh_minutes=60,
        product_id="-//Jining Justice Bureau//roster//ZH",
    )


@pytest.fixture
def duties() -> list[FeedDuty]:
    """A lawyer's duties: a normal day, a cancelled one, one entered in UTC, one overnight."""
    return [
        FeedDuty(
            uid="asg-2026-12-rc-001-1@roster.jining.example",
            sequence=0,
            start=at(3, 8, 30),
            end=at(3, 17, 30),
            summary="值班律师：任城区公共法律服务中心",
            location="济宁市任城区建设路 123 号，公共法律服务中心一楼",
            description=(
                "班次：08:30–17:30\n值班电话：0537-2345678\n"
                "详情：https://roster.jining.example/duties/asg-2026-12-rc-001-1"
            ),
            url="https://roster.jining.example/duties/asg-2026-12-rc-001-1",
            last_modified=dt.datetime(2026, 11, 20, 1, 0, tzinfo=dt.UTC),
            alarm_minutes_before=750,  # 20:00 the evening before
        ),
        FeedDuty(
            uid="asg-2026-12-kc-007-2@roster.jining.example",
            sequence=3,
            start=at(10, 9),
            end=at(10, 12),
            summary="值班律师：看守所法律援助工作站",
            location="济宁市看守所",
            status="CANCELLED",
            last_modified=dt.datetime(2026, 11, 24, 6, 15, tzinfo=dt.UTC),
            alarm_minutes_before=750,
        ),
        FeedDuty(
            uid="asg-2026-12-hl-012-1@roster.jining.example",
            sequence=1,
            start=dt.datetime(2026, 12, 15, 0, 0, tzinfo=dt.UTC),  # 08:00 in Jining
            end=dt.datetime(2026, 12, 15, 4, 0, tzinfo=dt.UTC),
            summary="12348 热线值班",
            alarm_minutes_before=30,
        ),
        FeedDuty(
            uid="asg-2026-12-hl-020-1@roster.jining.example",
            sequence=0,
            start=at(31, 20),
            end=dt.datetime(2027, 1, 1, 8, 0, tzinfo=SHANGHAI),
            summary="夜间值班; 元旦前夜, 备勤",
            description="反斜杠 \\ 与分号; 逗号, 都要转义",
        ),
    ]
