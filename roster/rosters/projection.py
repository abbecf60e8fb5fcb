"""Rosters and their duties: the working set (drafts included) and what has been published.

`published_duties` holds one row per (duty, person) as that person's calendar sees it: a duty
reassigned away stays as CANCELLED with a higher version, so feeds can retract it.
"""

import json

from domain.roster import Roster
from roster.store.database import Cursor
from roster.store.projection import Projection
from roster.store.versions import track_versions

duties = Projection(
    name="duties",
    tables={
        "rosters": "id TEXT PRIMARY KEY, kind TEXT NOT NULL, unit_code TEXT NOT NULL, "
        "month TEXT NOT NULL, state TEXT NOT NULL, draft_number INTEGER NOT NULL, "
        "published_version INTEGER NOT NULL, summary TEXT NOT NULL, drafted_at TEXT, "
        "published_at TEXT, updated_at TEXT NOT NULL, version INTEGER NOT NULL",
        "roster_duties": "assignment_id TEXT PRIMARY KEY, roster_id TEXT NOT NULL, "
        "day TEXT NOT NULL, place TEXT NOT NULL, shift TEXT NOT NULL, seat INTEGER NOT NULL, "
        "person_code TEXT NOT NULL, version INTEGER NOT NULL",
        "published_duties": "assignment_id TEXT NOT NULL, person_code TEXT NOT NULL, "
        "roster_id TEXT NOT NULL, kind TEXT NOT NULL, unit_code TEXT NOT NULL, "
        "day TEXT NOT NULL, place TEXT NOT NULL, shift TEXT NOT NULL, seat INTEGER NOT NULL, "
        "version INTEGER NOT NULL, status TEXT NOT NULL, changed_at TEXT NOT NULL, "
        "PRIMARY KEY (assignment_id, person_code)",
        "attendance": "assignment_id TEXT PRIMARY KEY, roster_id TEXT NOT NULL, "
        "status TEXT NOT NULL, recorded_by TEXT NOT NULL, recorded_at TEXT NOT NULL",
    },
    indexes=(
        "CREATE UNIQUE INDEX IF NOT EXISTS rosters_key ON rosters (kind, unit_code, month)",
        "CREATE INDEX IF NOT EXISTS roster_duties_roster ON roster_duties (roster_id, day)",
        "CREATE INDEX IF NOT EXISTS roster_duties_person ON roster_duties (person_code, day)",
        "CREATE INDEX IF NOT EXISTS published_person ON published_duties (person_code, day)",
        "CREATE INDEX IF NOT EXISTS published_place ON published_duties (place, day)",
        "CREATE INDEX IF NOT EXISTS published_roster ON published_duties (roster_id, day)",
        "CREATE INDEX IF NOT EXISTS published_day ON published_duties (day, kind)",
    ),
    version=2,  # 2: typed draft summaries; reassignments of the first shape
)
on = duties.on

UPSERT_PUBLISHED = (
    "INSERT INTO published_duties VALUES (?,?,?,?,?,?,?,?,?,?,?,?) "
    "ON CONFLICT (assignment_id, person_code) DO UPDATE SET version = excluded.version, "
    "status = excluded.status, changed_at = excluded.changed_at"
)
CANCEL_PUBLISHED = (
    "UPDATE published_duties SET status = 'CANCELLED', version = ?, changed_at = ? "
    "WHERE assignment_id = ? AND status = 'CONFIRMED'"
)


def _roster(cur: Cursor, e: Roster.Event) -> list:
    """[id, kind, unit_code, state], remembered for the rest of the batch."""
    rosters = cur.memo.setdefault("rosters", {})
    roster = rosters.get(e.originator_id)
    if roster is None:
        row = cur.execute(
            "SELECT id, kind, unit_code, state FROM rosters WHERE id = ?", (e.originator_id.hex,)
        ).fetchone()
        roster = rosters[e.originator_id] = list(row)
    return roster


def _publish_row(
    cur: Cursor, roster: list, duty: tuple, person: str, version: int, status: str, at: str
) -> None:
    """duty = (assignment_id, day, place, shift, seat); one statement for confirm and cancel,
    so a stream of reassignments reaches the database in bulk."""
    aid, day, place, shift, seat = duty
    row = (
        aid,
        person,
        roster[0],
        roster[1],
        roster[2],
        day,
        place,
        shift,
        seat,
        version,
        status,
        at,
    )
    cur.write("published_duties", UPSERT_PUBLISHED, row)


def _confirm(cur: Cursor, roster: list, duty: tuple, person: str, version: int, at: str) -> None:
    _publish_row(cur, roster, duty, person, version, "CONFIRMED", at)


@on(Roster.Created)
def roster_created(cur: Cursor, e: Roster.Created, _: int) -> None:
    cur.memo.setdefault("rosters", {})[e.originator_id] = [
        e.originator_id.hex,
        e.kind,
        e.unit_code,
        "new",
    ]
    cur.execute(
        "INSERT INTO rosters VALUES (?,?,?,?,'new',0,0,'{}',NULL,NULL,?,?)",
        (
            e.originator_id.hex,
            e.kind,
            e.unit_code,
            e.month,
            e.timestamp.isoformat(),
            e.originator_version,
        ),
    )


@on(Roster.Drafted)
def roster_drafted(cur: Cursor, e: Roster.Drafted, _: int) -> None:
    _roster(cur, e)[3] = "draft"
    rid, at = e.originator_id.hex, e.timestamp.isoformat()
    cur.execute("DELETE FROM roster_duties WHERE roster_id = ?", (rid,))
    cur.executemany(
        "INSERT INTO roster_duties VALUES (?,?,?,?,?,?,?,?)",
        [
            (a.id, rid, a.day.isoformat(), a.place, a.shift, a.seat, a.person, a.version)
            for a in e.assignments
        ],
    )
    cur.execute(
        "UPDATE rosters SET state = 'draft', draft_number = draft_number + 1, summary = ?, "
        "drafted_at = ?, updated_at = ? WHERE id = ?",
        (json.dumps(e.summary.to_plain(), ensure_ascii=False), at, at, rid),
    )


@on(Roster.Published)
def roster_published(cur: Cursor, e: Roster.Published, _: int) -> None:
    roster = _roster(cur, e)
    roster[3] = "published"
    rid, at = roster[0], e.timestamp.isoformat()
    for aid, version in e.cancelled.items():
        cur.execute(CANCEL_PUBLISHED, (version, at, aid))
    holders = dict(
        cur.execute(
            "SELECT assignment_id, person_code FROM published_duties "
            "WHERE roster_id = ? AND status = 'CONFIRMED'",
            (rid,),
        ).fetchall()
    )
    rows = cur.execute(
        "SELECT assignment_id, day, place, shift, seat, person_code, version FROM roster_duties "
        "WHERE roster_id = ?",
        (rid,),
    ).fetchall()
    for aid, day, place, shift, seat, person, version in rows:
        holder = holders.get(aid)
        if holder is not None and holder != person:
            cur.execute(CANCEL_PUBLISHED, (version, at, aid))
        _confirm(cur, roster, (aid, day, place, shift, seat), person, version, at)
    cur.execute(
        "UPDATE rosters SET state = 'published', published_version = ?, published_at = ?, "
        "updated_at = ? WHERE id = ?",
        (e.version, at, at, rid),
    )


@on(Roster.DutyReassigned)
def duty_reassigned(cur: Cursor, e: Roster.DutyReassigned, _: int) -> None:
    roster = _roster(cur, e)
    at = e.timestamp.isoformat()
    if e.day is None:  # the first shape: the duty and its holder as this read model has them
        day, place, shift, seat, previous = cur.execute(
            "SELECT day, place, shift, seat, person_code FROM roster_duties "
            "WHERE assignment_id = ?",
            (e.assignment_id,),
        ).fetchone()
        duty = (e.assignment_id, day, place, shift, seat)
    else:
        duty, previous = (e.assignment_id, e.day.isoformat(), e.place, e.shift, e.seat), e.previous
    cur.write(
        "roster_duties",
        "UPDATE roster_duties SET person_code = ?, version = ? WHERE assignment_id = ?",
        (e.person, e.version, e.assignment_id),
    )
    if roster[3] == "published":
        _publish_row(cur, roster, duty, previous, e.version, "CANCELLED", at)
        _confirm(cur, roster, duty, e.person, e.version, at)
    _touch(cur, roster[0], at)


@on(Roster.DutyRemoved)
def duty_removed(cur: Cursor, e: Roster.DutyRemoved, _: int) -> None:
    roster = _roster(cur, e)
    at = e.timestamp.isoformat()
    cur.write(
        "roster_duties", "DELETE FROM roster_duties WHERE assignment_id = ?", (e.assignment_id,)
    )
    if roster[3] == "published":
        cur.write("published_duties", CANCEL_PUBLISHED, (e.version, at, e.assignment_id))
    _touch(cur, roster[0], at)


@on(Roster.DutyAdded)
def duty_added(cur: Cursor, e: Roster.DutyAdded, _: int) -> None:
    roster = _roster(cur, e)
    a, at = e.assignment, e.timestamp.isoformat()
    duty = (a.id, a.day.isoformat(), a.place, a.shift, a.seat)
    cur.write(
        "roster_duties",
        "INSERT INTO roster_duties VALUES (?,?,?,?,?,?,?,?)",
        (*duty[:1], roster[0], *duty[1:], a.person, a.version),
    )
    if roster[3] == "published":
        _confirm(cur, roster, duty, a.person, a.version, at)
    _touch(cur, roster[0], at)


@on(Roster.AttendanceRecorded)
def attendance_recorded(cur: Cursor, e: Roster.AttendanceRecorded, _: int) -> None:
    cur.write(
        "attendance",
        "INSERT INTO attendance VALUES (?,?,?,?,?) ON CONFLICT (assignment_id) DO UPDATE SET "
        "status = excluded.status, recorded_by = excluded.recorded_by, "
        "recorded_at = excluded.recorded_at",
        (e.assignment_id, e.originator_id.hex, e.status, e.actor, e.timestamp.isoformat()),
    )


def _touch(cur: Cursor, rid: str, at: str) -> None:
    cur.write("rosters", "UPDATE rosters SET updated_at = ? WHERE id = ?", (at, rid))


# The roster's own version (the publish form carries it), after every one of its events.
track_versions(duties, Roster, "rosters", "id", lambda _cur, e: e.originator_id.hex)
