"""What the feed tests share: a published December roster and two independent parsers."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import icalendar
import pytest

from domain.summary import DraftSummary
from roster.services import Services
from tests.integration.helpers import ACTOR, december

HARNESS = Path(__file__).parents[1] / "js"
KIND, COUNTY, MONTH = "duty-lawyers", "370827", "2026-12"
# Outlook's style: a Windows zone name and a weekly hearing with one date excepted.
OUTLOOK = b"""BEGIN:VCALENDAR\r
PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r
VERSION:2.0\r
BEGIN:VTIMEZONE\r
TZID:China Standard Time\r
BEGIN:STANDARD\r
DTSTART:16010101T000000\r
TZOFFSETFROM:+0800\r
TZOFFSETTO:+0800\r
END:STANDARD\r
END:VTIMEZONE\r
BEGIN:VEVENT\r
UID:hearing-1\r
SUMMARY:\xe5\xbc\x80\xe5\xba\xad\r
DTSTART;TZID=China Standard Time:20261201T140000\r
DTEND;TZID=China Standard Time:20261201T170000\r
RRULE:FREQ=WEEKLY;COUNT=4\r
EXDATE;TZID=China Standard Time:20261208T140000\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:trip-1\r
SUMMARY:Trip\r
DTSTART;VALUE=DATE:20261220\r
DTEND;VALUE=DATE:20261221\r
END:VEVENT\r
END:VCALENDAR\r
"""


def draft_and_publish(services: Services, placements: list, publish: bool = True) -> str:
    rid = services.rosters.draft(KIND, COUNTY, MONTH, placements, DraftSummary(), ACTOR)
    if publish:
        services.rosters.publish(KIND, COUNTY, MONTH, ACTOR)
    return rid


def duty_id(services: Services, day: int, person: str) -> str:
    roster = services.rosters.get(KIND, COUNTY, MONTH)
    return next(
        a.id for a in roster.assignments.values() if a.day == december(day) and a.person == person
    )


def events(body: bytes) -> dict[str, icalendar.Event]:
    """The feed as icalendar reads it: VEVENTs by UID (each UID at most once)."""
    found = icalendar.Calendar.from_ical(body).walk("VEVENT")
    uids = [str(e["UID"]) for e in found]
    assert len(uids) == len(set(uids)), "a UID appears twice in one feed"
    return {str(e["UID"]): e for e in found}


def icaljs_events(body: bytes) -> dict[str, dict]:
    """The feed as Mozilla's ical.js reads it (skipped locally without Node, failed in CI)."""
    missing = None
    if shutil.which("node") is None:
        missing = "node is not on PATH"
    elif not (HARNESS / "node_modules" / "ical.js").is_dir():
        missing = f"ical.js is not installed: run `npm ci --prefix {HARNESS}`"
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"ical.js check cannot run in CI: {missing}")
        pytest.skip(missing)
    done = subprocess.run(
        ["node", str(HARNESS / "parse.mjs")], input=body, capture_output=True, timeout=60
    )
    assert done.returncode == 0, done.stderr.decode()
    return {e["uid"]: e for e in json.loads(done.stdout)["events"]}
