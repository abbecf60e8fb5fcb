"""Read a CSV or XLSX file into rows keyed by canonical column names, with their line numbers."""

import csv
import io
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 100_000


@dataclass(frozen=True)
class Row:
    file: str
    line: int
    values: dict[str, str]


class UnreadableFileError(Exception):
    def __init__(self, file: str, message: str) -> None:
        super().__init__(f"{file}：{message}")
        self.file = file
        self.message = message


def read_rows(path: Path, aliases: dict[str, str], name: str | None = None) -> list[Row]:
    """Rows of the file; header cells are matched to canonical names through `aliases`."""
    name = name or path.name
    data = path.read_bytes()
    if len(data) > MAX_BYTES:
        raise UnreadableFileError(name, f"文件过大（超过 {MAX_BYTES // 1024 // 1024} MB）")
    if path.suffix.lower() == ".xlsx":
        table = _xlsx_table(data, name)
    elif path.suffix.lower() in (".csv", ".txt"):
        table = _csv_table(data, name)
    else:
        raise UnreadableFileError(name, "只支持 .csv 或 .xlsx 文件")
    if not table:
        raise UnreadableFileError(name, "文件是空的")
    header = [aliases.get(_clean(h), _clean(h)) for h in table[0]]
    rows = []
    for line, cells in enumerate(table[1:], start=2):
        if not any(_clean(c) for c in cells):
            continue
        values = {h: _clean(cells[i]) if i < len(cells) else "" for i, h in enumerate(header)}
        rows.append(Row(name, line, values))
        if len(rows) > MAX_ROWS:
            raise UnreadableFileError(name, f"行数超过 {MAX_ROWS}")
    return rows


def _clean(cell: object) -> str:
    return "" if cell is None else str(cell).strip().lstrip("\ufeff")


def _csv_table(data: bytes, name: str) -> list[list[str]]:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise UnreadableFileError(name, "无法识别文件编码（请用 UTF-8 或 GBK 保存）")
    try:
        return [row for row in csv.reader(io.StringIO(text))]
    except csv.Error as exc:
        raise UnreadableFileError(name, f"CSV 格式错误：{exc}") from None


def _xlsx_table(data: bytes, name: str) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:
        raise UnreadableFileError(name, "不是有效的 Excel（.xlsx）文件") from None
    try:
        sheet = book.worksheets[0]
        table = []
        for row in sheet.iter_rows(values_only=True):
            table.append([_cell_text(c) for c in row])
            if len(table) > MAX_ROWS + 1:
                raise UnreadableFileError(name, f"行数超过 {MAX_ROWS}")
        return table
    finally:
        book.close()


def _cell_text(cell: object) -> str:
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))  # Excel stores codes typed as numbers as floats
    return _clean(cell)
