"""What planning asks of the rosters: the duties people already have, in other rosters this
month and served in earlier months. Each function takes the caller's cursor, so a plan's facts
are all read in one snapshot (roster.planning.facts); only the rosters' own tables are read."""

from datetime import date

from roster.store.database import Cursor


def duties_in_other_rosters(
    cur: Cursor, kind: str, unit_code: str, month: str
) -> list[tuple[str, date, str]]:
    """(person, day, roster kind) of each duty in the month's rosters other than this one."""
    rows = cur.execute(
        "SELECT d.person_code, d.day, r.kind FROM roster_duties d "
        "JOIN rosters r ON r.id = d.roster_id "
        "WHERE r.month = ? AND NOT (r.kind = ? AND r.unit_code = ? AND r.month = ?) "
        "ORDER BY d.person_code, d.day, r.kind",
        (month, kind, unit_code, month),
    ).fetchall()
    return [(person, date.fromisoformat(day), other) for person, day, other in rows]


def confirmed_duties(
    cur: Cursor, kind: str, unit_code: str, start: date, end: date
) -> list[tuple[str, date]]:
    """(person, day) of each confirmed published duty of the roster from `start` up to (not
    including) `end`."""
    rows = cur.execute(
        "SELECT person_code, day FROM published_duties WHERE kind = ? AND unit_code = ? "
        "AND status = 'CONFIRMED' AND day >= ? AND day < ? ORDER BY day, person_code",
        (kind, unit_code, start.isoformat(), end.isoformat()),
    ).fetchall()
    return [(person, date.fromisoformat(day)) for person, day in rows]
