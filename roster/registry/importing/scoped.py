"""A manager's import may only touch their own units: every unit, firm and person a row names
is checked against their scope before the all-or-nothing importer runs, and one reference
outside it refuses the whole import. Units, firms and people the same import creates within
the scope count as in scope for the rows after them. Pairing a firm with a county is the city
level's, so only an importer whose scope is the whole city may fill in paired counties."""

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from roster.access.scope import Scope
from roster.registry.importing.kinds import ORDER, Known
from roster.registry.importing.run import (
    Problem,
    Report,
    Tables,
    import_files,
    known_codes,
    read_tables,
)

if TYPE_CHECKING:  # the facade, as a type only: the import is a registry feature
    from roster.services import Services

# kind → the columns naming a unit, a firm or a person: (column, what it names)
REFERENCES = {
    "units": (("parent_code", "unit"),),
    "firms": (("county_code", "unit"), ("paired_counties", "pairing")),
    "stations": (("unit_code", "unit"),),
    "people": (("unit_code", "unit"), ("firm_code", "firm")),
    "villages": (("township_code", "unit"), ("adviser_code", "person")),
}
# kind → what a row creates, once its references are in scope
CREATES = {"units": "unit", "villages": "unit", "firms": "firm", "people": "person"}


@dataclass
class Allowed:
    """What the importer may reference: their units, and the firms and people in them."""

    units: set[str]
    firms: set[str] = field(default_factory=set)
    people: set[str] = field(default_factory=set)

    def has(self, what: str, code: str) -> bool:
        return code in {"unit": self.units, "firm": self.firms, "person": self.people}[what]

    def add(self, what: str, code: str) -> None:
        {"unit": self.units, "firm": self.firms, "person": self.people}[what].add(code)


def allowed_in(scope: Scope, known: Known, people_units: dict[str, str]) -> Allowed:
    units = set(scope.unit_codes)
    return Allowed(
        units,
        {code for code, county in known.firms.items() if county in units},
        {code for code, unit in people_units.items() if unit in units},
    )


def refusal(what: str, code: str) -> tuple[str, str]:
    """The row's reason in Chinese and English."""
    if what == "pairing":
        return (
            "律所与县区结对由市级办理，县区导入不能填写结对县区",
            "Pairing a firm with a county is done at city level: leave paired counties empty",
        )
    zh = {"unit": "单位", "firm": "律所", "person": "人员"}[what]
    en = {"unit": "Unit", "firm": "Firm", "person": "Person"}[what]
    return f"{zh}“{code}”不在您管理的范围内", f"{en} '{code}' is outside the units you manage"


def out_of_scope(
    files: dict[str, list[Path]], tables: Tables, scope: Scope, allowed: Allowed
) -> list[Problem]:
    if scope.everything:
        return []
    problems = []
    for kind_name in ORDER:
        for path in files.get(kind_name, []):
            rows = tables.get(path)
            if not isinstance(rows, list):
                continue  # the importer reports it
            for row in rows:
                found = list(row_refusals(kind_name, row.values, allowed))
                for column, (zh, en) in found:
                    problems.append(Problem(row.file, row.line, column, zh, en))
                if not found and kind_name in CREATES:
                    allowed.add(CREATES[kind_name], row.values.get("code", ""))
    return problems


def row_refusals(kind_name: str, values: dict[str, str], allowed: Allowed):
    """(column, reason) for each reference of a row outside the scope. An empty optional
    column names nothing; a missing required one is the importer's to report."""
    for column, what in REFERENCES[kind_name]:
        value = values.get(column, "")
        if what == "pairing":
            if value.strip():
                yield column, refusal(what, value)
        elif value and not allowed.has(what, value):
            yield column, refusal(what, value)
        elif not value and column == "parent_code":  # a unit without a parent is the city
            yield column, refusal("unit", value)


def import_within_scope(
    services: "Services", files: dict[str, list[Path]], actor: str, names: dict[Path, str],
    scope: Scope,
) -> Report:  # fmt: skip
    tables = read_tables(files, names)  # once, within one budget, for both passes
    if not scope.everything:
        allowed = allowed_in(scope, known_codes(services), people_units(services))
        problems = out_of_scope(files, tables, scope, allowed)
        if problems:
            return Report(problems=problems)
    return import_files(services, files, actor, names, tables)


def people_units(services: "Services") -> dict[str, str]:
    with services.db.reading() as cur:
        return dict(cur.execute("SELECT code, unit_code FROM people").fetchall())
