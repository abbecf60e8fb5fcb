"""Import files all-or-nothing: every bad row is reported, and nothing is half-imported."""

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from roster.registry.importing.fields import FieldError
from roster.registry.importing.kinds import KINDS, ORDER, Known, build_row
from roster.registry.importing.reading import Row, UnreadableFileError, read_files

if TYPE_CHECKING:  # the facade, as a type only: the import is a registry feature
    from roster.services import Services


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    column: str
    message: str
    message_en: str = ""  # where the reason has an English wording

    def text(self, lang: str = "zh") -> str:
        return self.message_en if lang.startswith("en") and self.message_en else self.message

    def __str__(self) -> str:
        where = f"{self.file} 第 {self.line} 行" if self.line else self.file
        column = f"【{self.column}】" if self.column else ""
        return f"{where}{column}：{self.message}"


@dataclass
class Report:
    imported: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def known_codes(services: "Services") -> Known:
    with services.db.reading() as cur:
        return Known(
            units=dict(cur.execute("SELECT code, kind FROM units").fetchall()),
            firms=dict(cur.execute("SELECT code, county_code FROM firms").fetchall()),
            people=dict(cur.execute("SELECT code, role FROM people").fetchall()),
            stations={c for (c,) in cur.execute("SELECT code FROM stations").fetchall()},
        )


Tables = dict[Path, list[Row] | UnreadableFileError | None]


def read_tables(files: dict[str, list[Path]], names: dict[Path, str] | None = None) -> Tables:
    """Every file of an import read at once, within one budget (None: left unread)."""
    jobs = [
        (path, KINDS[kind].aliases, (names or {}).get(path, path.name))
        for kind in ORDER
        for path in files.get(kind, [])
    ]
    return dict(zip((path for path, _, _ in jobs), read_files(jobs), strict=True))


def import_files(
    services: "Services",
    files: dict[str, list[Path]],
    actor: str,
    names: dict[Path, str] | None = None,
    tables: Tables | None = None,
) -> Report:
    """files maps a kind (units, firms, stations, people, villages) to its files."""
    report = Report()
    tables = read_tables(files, names) if tables is None else tables
    known = known_codes(services)
    aggregates: list[object] = []
    for kind_name in ORDER:
        kind = KINDS[kind_name]
        for path in files.get(kind_name, []):
            name = (names or {}).get(path, path.name)
            rows = tables.get(path)
            if isinstance(rows, UnreadableFileError):
                report.problems.append(Problem(rows.file, 0, "", rows.message, rows.message_en))
            if not isinstance(rows, list):  # refused, or unread after a refusal
                continue
            if rows:
                missing = [c for c in kind.required if c not in rows[0].values]
                if missing:
                    report.problems.append(
                        Problem(name, 1, "", f"缺少必需的列：{'、'.join(missing)}")
                    )
                    continue
            count = 0
            for row in rows:
                try:
                    aggregates.extend(build_row(kind, row.values, known, actor))
                    count += 1
                except FieldError as exc:
                    report.problems.append(Problem(row.file, row.line, exc.column, exc.message))
            report.imported[kind_name] = report.imported.get(kind_name, 0) + count
    if report.problems:
        report.imported = {}
        return report
    if aggregates:
        services.registry.save_new(aggregates)
    return report
