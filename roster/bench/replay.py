"""Append N realistic events, then rebuild every read model from scratch, timing both.

The mix follows a county's year: the demo city's registry, monthly duty-lawyer drafts and
publications, then the day-to-day stream of unavailability, reassignments and attendance.
"""

import random
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta

from domain.person import person_id
from domain.roster import Roster, assignment_id, month_bounds, roster_id
from domain.summary import DraftSummary
from domain.values import Assignment, Interval
from domain.vocabulary import TIME_ZONE
from roster.demo.city import generate_city
from roster.demo.seed import seed
from roster.services import Services

ACTOR = "bench"
SAVE_EVERY = 400  # aggregates per transaction


def months_from(start: str, count: int) -> list[str]:
    year, month = int(start[:4]), int(start[5:])
    result = []
    for _ in range(count):
        result.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return result


def append_events(services: Services, target: int, progress: Callable[[int], None]) -> int:
    """Append about `target` events in the store; returns how many were appended."""
    store = services.store
    rng = random.Random(7)
    city = generate_city("small")
    seed(services, city)
    county = city.counties[0].code
    lawyers = [law.code for law in city.lawyers if law.duty_qualified]
    stations = [s.code for s in city.stations if s.unit_code == county]
    appended = store.recorder.max_notification_id() or 0
    progress(appended)
    rosters: list[Roster] = []
    for month in months_from("2024-01", 36):
        if appended >= target:
            break
        first, last = month_bounds(month)
        rid = roster_id("duty-lawyers", county, month)
        roster = Roster(kind="duty-lawyers", unit_code=county, month=month, actor=ACTOR)
        day, placements = first, []
        while day <= last:
            for station in stations:
                for shift in ("am", "pm"):
                    aid = assignment_id(rid, day, station, shift, 0)
                    placements.append(Assignment(aid, day, station, shift, 0, rng.choice(lawyers)))
            day += timedelta(days=1)
        roster.draft(placements, DraftSummary(solver="bench"), actor=ACTOR)
        roster.publish(actor=ACTOR)
        store.save(roster)
        rosters.append(roster)
        appended += 3
        progress(3)
    people = {code: store.repository.get(person_id(code)) for code in lawyers}
    while appended < target:
        batch: dict[object, object] = {}
        for _ in range(SAVE_EVERY):
            pick = rng.random()
            if pick < 0.45:
                person = people[rng.choice(lawyers)]
                start = datetime(2025, 1, 1, 8, 30, tzinfo=TIME_ZONE) + timedelta(
                    days=rng.randrange(700)
                )
                interval = Interval(
                    f"b{appended}",
                    start,
                    start + timedelta(hours=rng.choice((4, 9, 33))),
                    "庭审",
                    "form",
                )
                person.declare_unavailable(interval, actor=ACTOR)
                batch[person.id] = person
            elif pick < 0.75:
                roster = rng.choice(rosters)
                duty = rng.choice(list(roster.assignments))
                person = rng.choice(lawyers)
                if roster.assignments[duty].person != person:
                    roster.reassign(duty, person, actor=ACTOR, reason="调班")
                    batch[roster.id] = roster
                else:
                    continue
            else:
                roster = rng.choice(rosters)
                duty = rng.choice(list(roster.assignments))
                roster.record_attendance(
                    duty, rng.choice(("served", "served", "absent")), actor=ACTOR
                )
                batch[roster.id] = roster
            appended += 1
            if appended >= target:
                break
        before = store.recorder.max_notification_id()
        store.save(*batch.values())
        progress(store.recorder.max_notification_id() - before)
    return store.recorder.max_notification_id()


def run(services: Services, events: int, progress: Callable[[int], None]) -> dict:
    started = time.perf_counter()
    appended = append_events(services, events, progress)
    append_seconds = time.perf_counter() - started
    started = time.perf_counter()
    rebuilt = services.follower.rebuild()
    rebuild_seconds = time.perf_counter() - started
    return {
        "events": appended,
        "append_per_s": round(appended / append_seconds),
        "rebuild_events": rebuilt,
        "rebuild_per_s": round(rebuilt / rebuild_seconds),
        "rebuild_seconds": round(rebuild_seconds, 2),
        "store": services.db.store_name,
        "date": date.today().isoformat(),
    }
