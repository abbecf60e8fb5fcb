"""Who and where: units, stations, firms, people, unavailability and the declared calendar."""

import json

from domain.firm import LawFirm
from domain.person import Person
from domain.station import Station
from domain.unit import Unit
from domain.workdays import WorkdayCalendar
from roster.store.database import Cursor
from roster.store.projection import Projection
from roster.store.versions import track_versions

registry = Projection(
    name="registry",
    tables={
        "units": "code TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, "
        "parent_code TEXT NOT NULL, county_code TEXT NOT NULL, office_name TEXT NOT NULL, "
        "market_days TEXT NOT NULL, market_label TEXT NOT NULL, underserved INTEGER NOT NULL, "
        "adviser_code TEXT NOT NULL, version INTEGER NOT NULL",
        "stations": "code TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, "
        "unit_code TEXT NOT NULL, address TEXT NOT NULL, phone TEXT NOT NULL, "
        "demand TEXT NOT NULL, open INTEGER NOT NULL, version INTEGER NOT NULL",
        "firms": "code TEXT PRIMARY KEY, name TEXT NOT NULL, county_code TEXT NOT NULL, "
        "version INTEGER NOT NULL",
        "firm_pairings": "firm_code TEXT NOT NULL, county_code TEXT NOT NULL, "
        "PRIMARY KEY (firm_code, county_code)",
        "people": "code TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, "
        "unit_code TEXT NOT NULL, county_code TEXT NOT NULL, firm_code TEXT NOT NULL, "
        "gender TEXT NOT NULL, phone TEXT NOT NULL, title TEXT NOT NULL, is_head INTEGER NOT NULL, "
        "qualifications TEXT NOT NULL, active_from TEXT, active_to TEXT, version INTEGER NOT NULL",
        "unavailability": "id TEXT NOT NULL, person_code TEXT NOT NULL, starts_at TEXT NOT NULL, "
        "ends_at TEXT NOT NULL, reason TEXT NOT NULL, source TEXT NOT NULL, "
        "PRIMARY KEY (person_code, id)",
        # unit_code: the city's calendar, or a county's local days
        "workday_declarations": "unit_code TEXT NOT NULL, day TEXT NOT NULL, kind TEXT NOT NULL, "
        "name TEXT NOT NULL, PRIMARY KEY (unit_code, day)",
        "confirmed_years": "year INTEGER PRIMARY KEY",
        "aggregate_codes": "id TEXT PRIMARY KEY, code TEXT NOT NULL",
    },
    indexes=(
        "CREATE INDEX IF NOT EXISTS units_parent ON units (parent_code)",
        "CREATE INDEX IF NOT EXISTS units_county ON units (county_code, kind)",
        "CREATE INDEX IF NOT EXISTS people_county ON people (county_code, role)",
        "CREATE INDEX IF NOT EXISTS people_firm ON people (firm_code)",
        "CREATE INDEX IF NOT EXISTS stations_unit ON stations (unit_code)",
    ),
)
on = registry.on


def _remember(cur: Cursor, e: object, code: str) -> None:
    cur.execute("INSERT INTO aggregate_codes VALUES (?, ?)", (e.originator_id.hex, code))
    cur.memo.setdefault("codes", {})[e.originator_id] = code


def _code(cur: Cursor, e: object) -> str:
    """Later events name their aggregate by id; the registering event named its code."""
    codes = cur.memo.setdefault("codes", {})
    code = codes.get(e.originator_id)
    if code is None:
        code = cur.execute(
            "SELECT code FROM aggregate_codes WHERE id = ?", (e.originator_id.hex,)
        ).fetchone()[0]
        codes[e.originator_id] = code
    return code


def county_of(cur: Cursor, code: str) -> str:
    """The county-level unit a unit belongs to (itself for the city and the counties)."""
    row = cur.execute("SELECT kind, parent_code, county_code FROM units WHERE code = ?", (code,))
    found = row.fetchone()
    if found is None:
        return code
    return found[2]


@on(Unit.Registered)
def unit_registered(cur: Cursor, e: Unit.Registered, _: int) -> None:
    _remember(cur, e, e.code)
    county = e.code if e.kind in ("city", "county") else county_of(cur, e.parent_code)
    cur.execute(
        "INSERT INTO units VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (
            e.code, e.kind, e.name, e.parent_code, county, e.office_name,
            json.dumps(list(e.market_days)), e.market_label, int(e.underserved), "",
            e.originator_version,
        ),
    )  # fmt: skip


@on(Unit.Renamed)
def unit_renamed(cur: Cursor, e: Unit.Renamed, _: int) -> None:
    cur.execute(
        "UPDATE units SET name = ?, office_name = ? WHERE code = ?",
        (e.name, e.office_name, _code(cur, e)),
    )


@on(Unit.MarketDaysSet)
def market_days_set(cur: Cursor, e: Unit.MarketDaysSet, _: int) -> None:
    cur.execute(
        "UPDATE units SET market_days = ?, market_label = ? WHERE code = ?",
        (json.dumps(list(e.market_days)), e.market_label, _code(cur, e)),
    )


@on(Unit.AdviserContracted)
def adviser_contracted(cur: Cursor, e: Unit.AdviserContracted, _: int) -> None:
    cur.execute("UPDATE units SET adviser_code = ? WHERE code = ?", (e.adviser_code, _code(cur, e)))


@on(Station.Registered)
def station_registered(cur: Cursor, e: Station.Registered, _: int) -> None:
    _remember(cur, e, e.code)
    demand = json.dumps([[d.day_type, d.shift, d.seats] for d in e.demand])
    cur.execute(
        "INSERT INTO stations VALUES (?,?,?,?,?,?,?,1,?)",
        (e.code, e.name, e.kind, e.unit_code, e.address, e.phone, demand, e.originator_version),
    )


@on(Station.DetailsChanged)
def station_details_changed(cur: Cursor, e: Station.DetailsChanged, _: int) -> None:
    cur.execute(
        "UPDATE stations SET name = ?, address = ?, phone = ? WHERE code = ?",
        (e.name, e.address, e.phone, _code(cur, e)),
    )


@on(Station.DemandChanged)
def station_demand_changed(cur: Cursor, e: Station.DemandChanged, _: int) -> None:
    demand = json.dumps([[d.day_type, d.shift, d.seats] for d in e.demand])
    cur.execute("UPDATE stations SET demand = ? WHERE code = ?", (demand, _code(cur, e)))


@on(LawFirm.Registered)
def firm_registered(cur: Cursor, e: LawFirm.Registered, _: int) -> None:
    _remember(cur, e, e.code)
    cur.execute(
        "INSERT INTO firms VALUES (?,?,?,?)",
        (e.code, e.name, e.county_code, e.originator_version),
    )


@on(LawFirm.Paired)
def firm_paired(cur: Cursor, e: LawFirm.Paired, _: int) -> None:
    cur.execute("INSERT INTO firm_pairings VALUES (?,?)", (_code(cur, e), e.county_code))


@on(LawFirm.PairingEnded)
def firm_pairing_ended(cur: Cursor, e: LawFirm.PairingEnded, _: int) -> None:
    cur.execute(
        "DELETE FROM firm_pairings WHERE firm_code = ? AND county_code = ?",
        (_code(cur, e), e.county_code),
    )


@on(Person.Registered)
def person_registered(cur: Cursor, e: Person.Registered, _: int) -> None:
    _remember(cur, e, e.code)
    cur.execute(
        "INSERT INTO people VALUES (?,?,?,?,?,?,?,?,?,?,?,?,NULL,?)",
        (
            e.code, e.name, e.role, e.unit_code, county_of(cur, e.unit_code), e.firm_code,
            e.gender, e.phone, e.title, int(e.is_head), ",".join(e.qualifications),
            e.active_from.isoformat() if e.active_from else None, e.originator_version,
        ),
    )  # fmt: skip


@on(Person.DetailsChanged)
def person_details_changed(cur: Cursor, e: Person.DetailsChanged, _: int) -> None:
    cur.execute(
        "UPDATE people SET name = ?, phone = ?, title = ?, is_head = ? WHERE code = ?",
        (e.name, e.phone, e.title, int(e.is_head), _code(cur, e)),
    )


@on(Person.QualificationGranted, Person.QualificationRevoked)
def qualifications_changed(cur: Cursor, e: Person.Event, _: int) -> None:
    code = _code(cur, e)
    row = cur.execute("SELECT qualifications FROM people WHERE code = ?", (code,)).fetchone()
    quals = [q for q in row[0].split(",") if q]
    if isinstance(e, Person.QualificationGranted) and e.qualification not in quals:
        quals.append(e.qualification)
    elif isinstance(e, Person.QualificationRevoked) and e.qualification in quals:
        quals.remove(e.qualification)
    cur.execute("UPDATE people SET qualifications = ? WHERE code = ?", (",".join(quals), code))


@on(Person.Deactivated)
def person_deactivated(cur: Cursor, e: Person.Deactivated, _: int) -> None:
    cur.execute(
        "UPDATE people SET active_to = ? WHERE code = ?",
        (e.active_to.isoformat(), _code(cur, e)),
    )


@on(Person.UnavailabilityDeclared)
def unavailability_declared(cur: Cursor, e: Person.UnavailabilityDeclared, _: int) -> None:
    i = e.interval
    cur.write(
        "unavailability",
        "INSERT INTO unavailability VALUES (?,?,?,?,?,?)",
        (i.id, _code(cur, e), i.starts_at.isoformat(), i.ends_at.isoformat(),
         i.reason, i.source),
    )  # fmt: skip


@on(Person.UnavailabilityWithdrawn)
def unavailability_withdrawn(cur: Cursor, e: Person.UnavailabilityWithdrawn, _: int) -> None:
    cur.write(
        "unavailability",
        "DELETE FROM unavailability WHERE person_code = ? AND id = ?",
        (_code(cur, e), e.interval_id),
    )


@on(WorkdayCalendar.Opened)
def calendar_opened(cur: Cursor, e: WorkdayCalendar.Opened, _: int) -> None:
    _remember(cur, e, e.unit_code)


@on(WorkdayCalendar.DayDeclared)
def day_declared(cur: Cursor, e: WorkdayCalendar.DayDeclared, _: int) -> None:
    unit, day = _code(cur, e), e.day.isoformat()
    cur.execute("DELETE FROM workday_declarations WHERE unit_code = ? AND day = ?", (unit, day))
    cur.execute("INSERT INTO workday_declarations VALUES (?,?,?,?)", (unit, day, e.kind, e.name))


@on(WorkdayCalendar.DeclarationWithdrawn)
def declaration_withdrawn(cur: Cursor, e: WorkdayCalendar.DeclarationWithdrawn, _: int) -> None:
    cur.execute(
        "DELETE FROM workday_declarations WHERE unit_code = ? AND day = ?",
        (_code(cur, e), e.day.isoformat()),
    )


@on(WorkdayCalendar.YearConfirmed)
def year_confirmed(cur: Cursor, e: WorkdayCalendar.YearConfirmed, _: int) -> None:
    cur.execute("INSERT INTO confirmed_years VALUES (?)", (e.year,))


@on(WorkdayCalendar.YearUnconfirmed)
def year_unconfirmed(cur: Cursor, e: WorkdayCalendar.YearUnconfirmed, _: int) -> None:
    cur.execute("DELETE FROM confirmed_years WHERE year = ?", (e.year,))


# Each row's version follows its aggregate's every event: the edit forms carry it.
for _aggregate, _table in (
    (Unit, "units"),
    (Station, "stations"),
    (LawFirm, "firms"),
    (Person, "people"),
):
    track_versions(registry, _aggregate, _table, "code", _code)
