"""A manager's import may only add to their own units: every row's unit reference is checked
against their scope before the all-or-nothing importer runs. Units the same import creates
under an allowed parent count as allowed for the rows after them."""

from pathlib import Path

from roster.access import Scope
from roster.importing.kinds import ORDER
from roster.importing.run import Problem, Report, Tables, import_files, read_tables
from roster.services import Services

# kind → the column naming the unit a row belongs to
UNIT_COLUMN = {
    "units": "parent_code",
    "firms": "county_code",
    "stations": "unit_code",
    "people": "unit_code",
    "villages": "township_code",
}
CREATES_UNITS = ("units", "villages")


def out_of_scope(files: dict[str, list[Path]], tables: Tables, scope: Scope) -> list[Problem]:
    if scope.everything:
        return []
    allowed = set(scope.unit_codes)
    problems = []
    for kind_name in ORDER:
        column = UNIT_COLUMN[kind_name]
        for path in files.get(kind_name, []):
            rows = tables.get(path)
            if not isinstance(rows, list):
                continue  # the importer reports it
            for row in rows:
                unit = row.values.get(column, "")
                if unit not in allowed:
                    problems.append(
                        Problem(row.file, row.line, column, f"单位“{unit}”不在您管理的范围内")
                    )
                elif kind_name in CREATES_UNITS:
                    allowed.add(row.values.get("code", ""))
    return problems


def import_within_scope(
    services: Services, files: dict[str, list[Path]], actor: str, names: dict[Path, str],
    scope: Scope,
) -> Report:  # fmt: skip
    tables = read_tables(files, names)  # once, within one budget, for both passes
    problems = out_of_scope(files, tables, scope)
    if problems:
        return Report(problems=problems)
    return import_files(services, files, actor, names, tables)
