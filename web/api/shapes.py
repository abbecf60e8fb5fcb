"""Query results as JSON objects, in the shapes web/api/openapi.py documents."""

from roster.registry.lookups import PersonCard
from roster.rosters.published import DutyLine
from roster.rosters.queries import Duty, RosterRow


def duty(line: DutyLine) -> dict:
    return {
        "id": line.assignment_id,
        "day": line.day.isoformat(),
        "kind": line.kind,
        "unit_code": line.unit_code,
        "unit_name": line.unit_name,
        "place": line.place,
        "place_name": line.place_name,
        "place_kind": line.place_kind,
        "address": line.address,
        "station_phone": line.station_phone,  # the station's public number, never a person's
        "shift": line.shift,
        "hours": line.hours,
        "person_code": line.person_code,
        "person_name": line.person_name,
        "version": line.version,
    }


def draft_duty(d: Duty) -> dict:
    return {
        "id": d.id,
        "day": d.day.isoformat(),
        "place": d.place,
        "place_name": d.place_name,
        "shift": d.shift,
        "seat": d.seat,
        "person_code": d.person,
        "person_name": d.person_name,
    }


def roster_row(row: RosterRow) -> dict:
    return {
        "kind": row.kind,
        "unit_code": row.unit_code,
        "unit_name": row.unit_name,
        "month": row.month,
        "state": row.state,
        "published_version": row.published_version,
        "draft_number": row.draft_number,
        "updated_at": row.updated_at or None,
    }


def person(card: PersonCard, private: bool) -> dict:
    shown = {"code": card.code, "name": card.name, "role": card.role, "unit_code": card.unit_code}
    if private:
        shown["phone"] = card.phone
    return shown
