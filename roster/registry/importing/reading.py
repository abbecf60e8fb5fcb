"""Read CSV or XLSX files into rows keyed by canonical column names, with their line numbers.

Files are read in a budgeted child process (budget.py), streamed with row, column and line
limits (limits.py); an XLSX archive is checked before openpyxl opens it (archive.py).
"""

import csv
import io
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from roster.registry.importing.archive import check_archive, not_xlsx
from roster.registry.importing.budget import OverBudget, run_each
from roster.registry.importing.limits import (
    LIMITS,
    MB,
    ReadLimits,
    UnreadableFileError,
    line_too_long,
    too_many_columns,
    too_many_rows,
)

__all__ = ["Row", "UnreadableFileError", "parse_file", "read_files", "read_rows"]


@dataclass(frozen=True)
class Row:
    file: str
    line: int
    values: dict[str, str]


Job = tuple[Path, dict[str, str], str]  # a file, its header aliases, the name to report


def read_rows(
    path: Path, aliases: dict[str, str], name: str | None = None, limits: ReadLimits = LIMITS
) -> list[Row]:
    """Rows of one file; header cells are matched to canonical names through `aliases`."""
    (result,) = read_files([(path, aliases, name or path.name)], limits)
    if not isinstance(result, list):
        raise result or UnreadableFileError(name or path.name, "未读取", "Not read.")
    return result


def read_files(
    jobs: list[Job], limits: ReadLimits = LIMITS, usage: dict | None = None
) -> list[list[Row] | UnreadableFileError | None]:
    """Each file's rows or why it was refused, all read in one child process within the
    budget. None for files left unread because an earlier one exhausted the budget."""
    results: list[list[Row] | UnreadableFileError | None] = [None] * len(jobs)
    todo = []
    for index, (path, _aliases, name) in enumerate(jobs):
        try:
            size = path.stat().st_size
        except OSError:
            results[index] = UnreadableFileError(name, "无法打开文件", "The file cannot be opened.")
            continue
        if size > limits.max_bytes:
            results[index] = too_large(name, limits)
        else:
            todo.append(index)
    items = [[str(jobs[i][0]), jobs[i][1], jobs[i][2], asdict(limits)] for i in todo]
    work = f"{__name__}:{_read_one.__name__}"
    try:
        for n, result in run_each(work, items, limits.max_memory, limits.max_seconds, usage):
            name = jobs[todo[n]][2]
            if "error" in result:
                results[todo[n]] = UnreadableFileError(name, *result["error"])
            else:
                results[todo[n]] = [Row(name, line, values) for line, values in result["rows"]]
    except OverBudget as over:
        results[todo[over.index]] = over_budget(jobs[todo[over.index]][2], over.reason, limits)
    return results


def _read_one(item: list) -> dict:
    """In the child process: one file's rows, or why it is refused, as JSON."""
    path, aliases, name, limits = item
    try:
        rows = parse_file(Path(path), aliases, name, ReadLimits(**limits))
    except UnreadableFileError as exc:
        return {"error": [exc.message, exc.message_en]}
    except MemoryError:
        raise
    except Exception:  # whatever a malformed file trips on inside a parser
        return {"error": ["文件内容无法读取", "The file's content cannot be read."]}
    return {"rows": [[row.line, row.values] for row in rows]}


def parse_file(path: Path, aliases: dict[str, str], name: str, limits: ReadLimits) -> list[Row]:
    """The rows, read in this process: call it through read_files, which budgets it."""
    data = path.read_bytes()
    if len(data) > limits.max_bytes:
        raise too_large(name, limits)
    if path.suffix.lower() == ".xlsx":
        table = _xlsx_table(data, name, limits)
    elif path.suffix.lower() in (".csv", ".txt"):
        table = _csv_table(data, name, limits)
    else:
        raise UnreadableFileError(
            name, "只支持 .csv 或 .xlsx 文件", "Only .csv and .xlsx files are accepted."
        )
    return _rows(table, aliases, name, limits)


def _rows(
    table: Iterator[list[str]], aliases: dict[str, str], name: str, limits: ReadLimits
) -> list[Row]:
    first = next(table, None)
    if first is None:
        raise UnreadableFileError(name, "文件是空的", "The file is empty.")
    _check_row(first, 1, name, limits)
    header = [aliases.get(_clean(h), _clean(h)) for h in first]
    known = set(aliases.values())
    columns = [(i, h) for i, h in enumerate(header) if h in known]  # others are ignored
    rows = []
    for line, cells in enumerate(table, start=2):
        if line > limits.max_rows + 1:
            raise too_many_rows(name, limits)
        cleaned = _check_row(cells, line, name, limits)
        if any(cleaned):
            values = {h: cleaned[i] if i < len(cleaned) else "" for i, h in columns}
            rows.append(Row(name, line, values))
    return rows


def _check_row(cells: list[str], line: int, name: str, limits: ReadLimits) -> list[str]:
    if len(cells) > limits.max_columns:
        raise too_many_columns(name, line, limits)
    cleaned = [_clean(c) for c in cells]
    if sum(map(len, cleaned)) > limits.max_line:
        raise line_too_long(name, line, limits)
    return cleaned


def _clean(cell: object) -> str:
    return "" if cell is None else str(cell).strip().lstrip("\ufeff")


def _csv_table(data: bytes, name: str, limits: ReadLimits) -> Iterator[list[str]]:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise UnreadableFileError(
            name,
            "无法识别文件编码（请用 UTF-8 或 GBK 保存）",
            "The file's encoding is not recognised (save it as UTF-8 or GBK).",
        )
    record = 1  # csv's own field limit (128 KB) is far above ours: count a record's lines
    length = 0

    def lines() -> Iterator[str]:
        nonlocal length
        for line in io.StringIO(text, newline=""):
            length += len(line)
            if length > limits.max_line + 2:  # the line break is not content
                raise line_too_long(name, record, limits)
            yield line

    try:
        for cells in csv.reader(lines()):
            yield cells
            record, length = record + 1, 0
    except csv.Error as exc:
        raise UnreadableFileError(
            name, f"CSV 格式错误：{exc}", f"The CSV is malformed: {exc}."
        ) from None


def _xlsx_table(data: bytes, name: str, limits: ReadLimits) -> Iterator[list[str]]:
    check_archive(data, name, limits)
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except MemoryError:
        raise  # the budget's refusal, not a broken file
    except Exception:
        raise not_xlsx(name) from None
    try:
        sheet = book.worksheets[0]
        # Bounds again what the archive check counted; rows come one at a time.
        for row in sheet.iter_rows(
            max_row=limits.max_rows + 2, max_col=limits.max_columns, values_only=True
        ):
            yield [_cell_text(c) for c in row]
    finally:
        book.close()


def _cell_text(cell: object) -> str:
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))  # Excel stores codes typed as numbers as floats
    return _clean(cell)


def too_large(name: str, limits: ReadLimits) -> UnreadableFileError:
    size = limits.max_bytes // MB
    return UnreadableFileError(
        name, f"文件过大（超过 {size} MB）", f"The file is too large (over {size} MB)."
    )


def over_budget(name: str, reason: str, limits: ReadLimits) -> UnreadableFileError:
    if reason == "time":
        return UnreadableFileError(
            name,
            f"文件过大或过于复杂：读取超过 {limits.max_seconds:.0f} 秒，已停止",
            f"The file is too large or too complex: reading it took over "
            f"{limits.max_seconds:.0f} seconds and was stopped.",
        )
    memory = limits.max_memory // MB
    return UnreadableFileError(
        name,
        f"文件过大或过于复杂：读取需要超过 {memory} MB 内存，已停止",
        f"The file is too large or too complex: reading it needs over {memory} MB of memory "
        "and was stopped.",
    )
