"""Feeds read by an independent parser: Mozilla's ical.js, run with the machine's Node.js.

Install once with `npm ci --prefix tests/js`. Without it the tests skip locally and fail
in CI (when the CI environment variable is set), so CI can never pass without them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from calendars.feed import FeedDuty, FeedInfo, render_feed

HARNESS = Path(__file__).parents[2] / "js"

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 12, day, hour, minute, tzinfo=SHANGHAI)


def _missing() -> str | None:
    if shutil.which("node") is None:
        return "node is not on PATH"
    if not (HARNESS / "node_modules" / "ical.js").is_dir():
        return f"ical.js is not installed: run `npm ci --prefix {HARNESS}`"
    return None


@pytest.fixture(scope="module")
def icaljs() -> Callable[[bytes], dict]:
    missing = _missing()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"ical.js check cannot run in CI: {missing}")
        pytest.skip(missing)

    def parse(body: bytes) -> dict:
        done = subprocess.run(
            ["node", str(HARNESS / "parse.mjs")],
            input=body,
            capture_output=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, done.stderr.decode()
        return json.loads(done.stdout)

    return parse


def test_icaljs_reads_events_times_statuses_and_alarms(icaljs, info, duties, stamp) -> None:
    result = icaljs(render_feed(info, duties, stamp))
    assert result["name"] == "张三的值班"
    assert result["method"] == "PUBLISH"
    assert result["timezones"] == ["Asia/Shanghai"]
    assert result["refresh_interval"] == "PT1H"
    seen = {
        e["uid"]: (e["sequence"], e["status"], e["start_utc"], e["start_local"], e["end_local"])
        for e in result["events"]
    }
    assert seen == {
        duties[0].uid: (0, "CONFIRMED", "2026-12-03T00:30:00Z", "2026-12-03T08:30:00",
                        "2026-12-03T17:30:00"),
        duties[1].uid: (3, "CANCELLED", "2026-12-10T01:00:00Z", "2026-12-10T09:00:00",
                        "2026-12-10T12:00:00"),
        duties[2].uid: (1, "CONFIRMED", "2026-12-15T00:00:00Z", "2026-12-15T08:00:00",
                        "2026-12-15T12:00:00"),
        duties[3].uid: (0, "CONFIRMED", "2026-12-31T12:00:00Z", "2026-12-31T20:00:00",
                        "2027-01-01T08:00:00"),
    }  # fmt: skip
    events = {e["uid"]: e for e in result["events"]}
    assert all(e["start_tzid"] == "Asia/Shanghai" for e in result["events"])
    assert events[duties[0].uid]["alarms"] == [
        {"action": "DISPLAY", "trigger": "-PT12H30M", "trigger_seconds": -45000,
         "related": "START"}
    ]  # fmt: skip
    assert events[duties[1].uid]["alarms"] == []
    assert events[duties[3].uid]["summary"] == duties[3].summary
    assert events[duties[3].uid]["description"] == duties[3].description
    assert events[duties[0].uid]["location"] == duties[0].location
    assert events[duties[0].uid]["url"] == duties[0].url


def test_icaljs_reads_the_golden_feed(icaljs, fixtures_dir) -> None:
    result = icaljs((fixtures_dir / "expected_feed.ics").read_bytes())
    assert len(result["events"]) == 4


def _client_view(feeds: list[dict]) -> dict[str, tuple[int, str, str]]:
    """What a subscribed client keeps: per UID, the event with the highest SEQUENCE."""
    kept: dict[str, tuple[int, str, str]] = {}
    for feed in feeds:
        for e in feed["events"]:
            if e["uid"] not in kept or e["sequence"] > kept[e["uid"]][0]:
                kept[e["uid"]] = (e["sequence"], e["status"], e["start_local"])
    return kept


def test_a_duty_walks_publish_reassign_remove_in_both_feeds(icaljs, stamp) -> None:
    """Publish to A, reassign to B (same UID, higher SEQUENCE), then remove it."""
    feed_a, feed_b = FeedInfo(name="张三"), FeedInfo(name="李四")
    duty = FeedDuty(
        uid="asg-2026-12-court-003-1@roster.jining.example",
        sequence=0,
        start=at(5, 8, 30),
        end=at(5, 12),
        summary="值班律师：任城区人民法院",
        alarm_minutes_before=750,
    )
    step1_a = icaljs(render_feed(feed_a, [duty], stamp))
    step1_b = icaljs(render_feed(feed_b, [], stamp))
    assert _client_view([step1_a]) == {duty.uid: (0, "CONFIRMED", "2026-12-05T08:30:00")}
    assert _client_view([step1_b]) == {}

    reassigned = dataclasses.replace(duty, sequence=1)
    gone_from_a = dataclasses.replace(reassigned, status="CANCELLED")
    step2_a = icaljs(render_feed(feed_a, [gone_from_a], stamp))
    step2_b = icaljs(render_feed(feed_b, [reassigned], stamp))
    assert _client_view([step1_a, step2_a]) == {duty.uid: (1, "CANCELLED", "2026-12-05T08:30:00")}
    assert _client_view([step1_b, step2_b]) == {duty.uid: (1, "CONFIRMED", "2026-12-05T08:30:00")}
    assert step2_a["events"][0]["alarms"] == []

    removed = dataclasses.replace(duty, sequence=2, status="CANCELLED")
    step3_a = icaljs(render_feed(feed_a, [gone_from_a], stamp))  # still within 30 days
    step3_b = icaljs(render_feed(feed_b, [removed], stamp))
    assert _client_view([step1_a, step2_a, step3_a])[duty.uid][1] == "CANCELLED"
    assert _client_view([step1_b, step2_b, step3_b]) == {
        duty.uid: (2, "CANCELLED", "2026-12-05T08:30:00")
    }


@pytest.mark.parametrize("name", ["google", "outlook", "apple"])
def test_import_fixtures_are_valid_icalendar_for_icaljs(icaljs, fixtures_dir, name) -> None:
    """The hand-written exports must be real iCalendar, not just what our parser accepts."""
    data = (fixtures_dir / f"{name}.ics").read_bytes()
    result = icaljs(data)
    assert len(result["events"]) == data.count(b"BEGIN:VEVENT")
