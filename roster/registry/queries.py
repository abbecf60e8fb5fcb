"""What the people, stations, units and firms pages show: searchable, paged lists scoped to
what the principal may see, and one record with its relations. Read models only; plain rows
(dicts) out, the web formats them."""

import json
from dataclasses import dataclass
from typing import Any

from roster.access.scope import Scope
from roster.store.database import Cursor, Database

PAGE_SIZE = 50


@dataclass(frozen=True)
class Page:
    rows: list[dict[str, Any]]
    total: int
    number: int  # 1-based
    size: int = PAGE_SIZE

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.size))


# kind → (table, columns shown, the column that names the unit the row belongs to)
LISTS = {
    "people": (
        "people",
        "code, name, role, unit_code, firm_code, title, qualifications, active_to",
        "unit_code",
    ),
    "stations": ("stations", "code, name, kind, unit_code, address, open", "unit_code"),
    "units": ("units", "code, name, kind, parent_code, market_label, adviser_code", "code"),
    "firms": ("firms", "code, name, county_code", "county_code"),
}


class RegistryViews:
    def __init__(self, db: Database) -> None:
        self.db = db

    def page(self, kind: str, scope: Scope, search: str = "", number: int = 1) -> Page:
        """One page of a list, by code, searched by name or code (a substring)."""
        table, columns, unit_column = LISTS[kind]
        where, params = self._scoped(scope, unit_column)
        if search:
            # Codes case-blind on both stores (PostgreSQL's LIKE is case-sensitive).
            where.append("(LOWER(code) LIKE ? OR name LIKE ?)")
            pattern = "%" + search.replace("%", "").replace("_", "") + "%"
            params += [pattern.lower(), pattern]
        clause = (" WHERE " + " AND ".join(where)) if where else ""
        number = max(1, number)
        with self.db.reading() as cur:
            total = cur.execute(f"SELECT COUNT(*) FROM {table}{clause}", params).fetchone()[0]
            cur.execute(
                f"SELECT {columns} FROM {table}{clause} ORDER BY code LIMIT ? OFFSET ?",
                [*params, PAGE_SIZE, (number - 1) * PAGE_SIZE],
            )
            rows = _dicts(cur, columns)
            _add_unit_names(cur, rows)
        return Page(rows, total, number)

    def person_record(self, code: str) -> dict[str, Any] | None:
        """Everything the person page shows: the record with its unit, firm and absences."""
        columns = (
            "code, name, role, unit_code, firm_code, gender, phone, title, is_head, "
            "qualifications, active_from, active_to, version"
        )
        with self.db.reading() as cur:
            cur.execute(f"SELECT {columns} FROM people WHERE code = ?", (code,))
            rows = _dicts(cur, columns)
            if not rows:
                return None
            person = rows[0]
            person["qualifications"] = [q for q in person["qualifications"].split(",") if q]
            person["unit_name"] = _name(cur, "units", person["unit_code"])
            person["firm_name"] = _name(cur, "firms", person["firm_code"])
            cur.execute(
                "SELECT id, starts_at, ends_at, reason, source FROM unavailability "
                "WHERE person_code = ? ORDER BY starts_at",
                (code,),
            )
            person["unavailability"] = _dicts(cur, "id, starts_at, ends_at, reason, source")
        return person

    def station(self, code: str) -> dict[str, Any] | None:
        columns = "code, name, kind, unit_code, address, phone, demand, open, version"
        with self.db.reading() as cur:
            cur.execute(f"SELECT {columns} FROM stations WHERE code = ?", (code,))
            rows = _dicts(cur, columns)
            if not rows:
                return None
            station = rows[0]
            station["demand"] = [tuple(d) for d in json.loads(station["demand"])]
            station["unit_name"] = _name(cur, "units", station["unit_code"])
        return station

    def unit(self, code: str) -> dict[str, Any] | None:
        columns = (
            "code, name, kind, parent_code, county_code, office_name, market_days, "
            "market_label, adviser_code, version"
        )
        with self.db.reading() as cur:
            cur.execute(f"SELECT {columns} FROM units WHERE code = ?", (code,))
            rows = _dicts(cur, columns)
            if not rows:
                return None
            unit = rows[0]
            unit["market_days"] = json.loads(unit["market_days"])
            unit["parent_name"] = _name(cur, "units", unit["parent_code"])
            unit["adviser_name"] = _name(cur, "people", unit["adviser_code"])
            cur.execute(
                "SELECT code, name, kind FROM units WHERE parent_code = ? ORDER BY code", (code,)
            )
            unit["children"] = _dicts(cur, "code, name, kind")
            cur.execute(
                "SELECT COUNT(*) FROM people WHERE unit_code = ?",
                (code,),
            )
            unit["people_count"] = cur.fetchone()[0]
        return unit

    def firm(self, code: str) -> dict[str, Any] | None:
        with self.db.reading() as cur:
            columns = "code, name, county_code, version"
            cur.execute(f"SELECT {columns} FROM firms WHERE code = ?", (code,))
            rows = _dicts(cur, columns)
            if not rows:
                return None
            firm = rows[0]
            firm["county_name"] = _name(cur, "units", firm["county_code"])
            cur.execute(
                "SELECT p.county_code, u.name FROM firm_pairings p "
                "LEFT JOIN units u ON u.code = p.county_code "
                "WHERE p.firm_code = ? ORDER BY p.county_code",
                (code,),
            )
            firm["paired"] = _dicts(cur, "code, name")
            cur.execute(
                "SELECT code, name, qualifications FROM people WHERE firm_code = ? ORDER BY code",
                (code,),
            )
            firm["lawyers"] = _dicts(cur, "code, name, qualifications")
        return firm

    def counties(self) -> list[dict[str, Any]]:
        """The counties a firm may be paired with."""
        with self.db.reading() as cur:
            cur.execute("SELECT code, name FROM units WHERE kind = 'county' ORDER BY code")
            return _dicts(cur, "code, name")

    def firm_counties(self, firm_code: str) -> set[str]:
        """The firm's own county and those it is paired with: who may see the firm."""
        with self.db.reading() as cur:
            own = cur.execute("SELECT county_code FROM firms WHERE code = ?", (firm_code,))
            found = own.fetchone()
            if found is None:
                return set()
            cur.execute("SELECT county_code FROM firm_pairings WHERE firm_code = ?", (firm_code,))
            return {found[0], *(r[0] for r in cur.fetchall())}

    @staticmethod
    def _scoped(scope: Scope, unit_column: str) -> tuple[list[str], list[Any]]:
        if scope.everything:
            return [], []
        codes = sorted(scope.unit_codes)
        if not codes:
            return ["1 = 0"], []
        marks = ",".join("?" * len(codes))
        if unit_column == "county_code":  # firms: also those paired with a county in scope
            return [
                f"(county_code IN ({marks}) OR code IN "
                f"(SELECT firm_code FROM firm_pairings WHERE county_code IN ({marks})))"
            ], [*codes, *codes]
        return [f"{unit_column} IN ({marks})"], list(codes)


def _dicts(cur: Cursor, columns: str) -> list[dict[str, Any]]:
    names = [c.strip() for c in columns.split(",")]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def _name(cur: Cursor, table: str, code: str) -> str:
    if not code:
        return ""
    row = cur.execute(f"SELECT name FROM {table} WHERE code = ?", (code,)).fetchone()
    return row[0] if row else ""


def _add_unit_names(cur: Cursor, rows: list[dict[str, Any]]) -> None:
    """The unit (or county) each row belongs to, by name, in one query for the page."""
    codes = sorted(
        {r.get("unit_code") or r.get("county_code") or r.get("parent_code") or "" for r in rows}
        - {""}
    )
    if not codes:
        return
    marks = ",".join("?" * len(codes))
    names = dict(cur.execute(f"SELECT code, name FROM units WHERE code IN ({marks})", codes))
    for row in rows:
        code = row.get("unit_code") or row.get("county_code") or row.get("parent_code") or ""
        row["unit_name"] = names.get(code, "")
