"""A slice's tables are read only through that slice's queries; other slices ask it (issue 9).

Every SQL string under roster/ that names a table (FROM/JOIN/INTO/UPDATE <table>) must sit in
the slice that owns the table. Ownership comes from the projections themselves: a projection's
tables belong to the slice its handlers are written in; the follower's bookkeeping tables to
the store."""

import ast
import re
import sys
from fnmatch import fnmatch
from pathlib import Path

from roster.bootstrap import PROJECTIONS
from roster.store.failures import FAILURES_DDL
from roster.store.follower import TRACKING_DDL

ROOT = Path(__file__).resolve().parents[1]
NAMED = re.compile(r"\b(?:FROM|JOIN|INTO|UPDATE)\s+(\w+)")  # SQL keywords are upper case here

# Files still reading other slices' tables, being converted slice by slice. Remove an entry
# once its file asks the owning slice instead (the last test fails while one lingers).
ALLOWED = (
    "roster/demo/*",  # the demo looks up seeded people and units
    "roster/bench/*",  # benchmarks pick people and stations to load
)


def owners() -> dict[str, str]:
    """table → the slice folder that owns it, e.g. "people" → "roster/registry/"."""
    out = {}
    for projection in PROJECTIONS:
        # The slice whose module defines the projection (the composition root only lists it).
        slices = {
            "/".join(name.split(".")[:2]) + "/"
            for name, module in list(sys.modules.items())
            if name.startswith("roster.") and name != "roster.bootstrap"
            and any(value is projection for value in vars(module).values())
        }  # fmt: skip
        assert len(slices) == 1, (projection.name, slices)
        out.update(dict.fromkeys(projection.tables, slices.pop()))
    for ddl in (TRACKING_DDL, FAILURES_DDL):
        out[re.search(r"CREATE TABLE IF NOT EXISTS (\w+)", ddl)[1]] = "roster/store/"
    return out


def named_tables(source: str) -> list[str]:
    """The tables the module's string literals name in SQL (f-strings' literal parts too)."""
    return [
        table
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        for table in NAMED.findall(node.value)
    ]


def crossings() -> list[tuple[str, str, str]]:
    """(file, table, owner) for each SQL string naming a table another slice owns."""
    owner_of = owners()
    found = set()
    for path in (ROOT / "roster").rglob("*.py"):
        name = path.relative_to(ROOT).as_posix()
        for table in named_tables(path.read_text(encoding="utf-8")):
            owner = owner_of.get(table)
            if owner and not name.startswith(owner):
                found.add((name, table, owner))
    return sorted(found)


def test_ownership_covers_the_known_tables():
    owner_of = owners()
    assert owner_of["people"] == "roster/registry/"
    assert owner_of["published_duties"] == "roster/rosters/"
    assert owner_of["feed_tokens"] == "roster/feeds/"
    assert owner_of["change_log"] == "roster/audit/"
    assert owner_of["api_tokens"] == owner_of["accounts"] == "roster/access/"
    assert owner_of["read_model_tracking"] == "roster/store/"


def test_the_scan_reads_sql_not_prose():
    source = (
        '"""Read from the people list."""\n'
        "from x import y\n"
        'cur.execute(f"SELECT d.day FROM roster_duties d JOIN rosters r ON {on} WHERE 1")\n'
        'cur.execute("INSERT INTO people VALUES (?)")\n'
        'cur.execute("UPDATE units SET name = ?" " WHERE code IN (SELECT code FROM firms)")\n'
    )
    assert sorted(named_tables(source)) == ["firms", "people", "roster_duties", "rosters", "units"]


def test_each_table_is_named_only_inside_the_slice_that_owns_it():
    offenders = [c for c in crossings() if not any(fnmatch(c[0], a) for a in ALLOWED)]
    assert offenders == [], "ask the owning slice's queries instead: " + repr(offenders)


def test_the_allow_list_only_names_files_that_still_cross():
    crossing = {file for file, _, _ in crossings()}
    stale = [a for a in ALLOWED if not any(fnmatch(f, a) for f in crossing)]
    assert stale == [], "no longer crossing, remove from ALLOWED: " + repr(stale)
