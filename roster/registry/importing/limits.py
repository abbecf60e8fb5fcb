"""How much an import file may hold and cost, and the refusal that names the file.

One set of numbers for the command line and the browser (which also caps each upload at
1 MB). They are far above any real registry file and far below what hurts the server.
"""

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class ReadLimits:
    max_bytes: int = 20 * MB  # the file as stored
    max_rows: int = 100_000  # data rows in one file
    max_columns: int = 100  # cells in one row
    max_line: int = 10_000  # characters in one row
    # XLSX is a zip of XML parts; these bound what unpacking it can cost.
    max_entries: int = 1_000
    max_part_bytes: int = 64 * MB  # each part unpacked: the sheet XML, sharedStrings.xml
    max_total_bytes: int = 128 * MB  # all parts unpacked
    max_ratio: int = 100  # unpacked / packed, for parts over ratio_floor
    ratio_floor: int = 1 * MB
    max_shared_strings: int = 500_000
    max_cells: int = 2_000_000  # in one sheet: openpyxl spends some 20 µs on each
    max_row_elements: int = 2_000  # XML elements in one row or one shared string
    max_other_elements: int = 1_000_000  # in one part outside rows and strings (styles...)
    # Every import is read in a child process with this budget (memory: address space).
    max_memory: int = 1024 * MB
    max_seconds: float = 60.0  # a real 100,000-row sheet takes openpyxl about half


LIMITS = ReadLimits()


class UnreadableFileError(Exception):
    """A file refused as a whole; `message` is Chinese, `message_en` its English."""

    def __init__(self, file: str, message: str, message_en: str = "") -> None:
        super().__init__(f"{file}：{message}")
        self.file = file
        self.message = message
        self.message_en = message_en or message

    def __reduce__(self):  # cross the process boundary with every field
        return (type(self), (self.file, self.message, self.message_en))


def refuse(name: str, zh: str, en: str) -> UnreadableFileError:
    return UnreadableFileError(
        name, f"文件过大或过于复杂，已拒绝：{zh}", f"The file is too large or too complex: {en}."
    )


def too_many_rows(name: str, limits: ReadLimits) -> UnreadableFileError:
    return refuse(name, f"行数超过 {limits.max_rows}", f"it has more than {limits.max_rows} rows")


def too_many_columns(name: str, row: int, limits: ReadLimits) -> UnreadableFileError:
    return refuse(
        name,
        f"第 {row} 行超过 {limits.max_columns} 列",
        f"row {row} has more than {limits.max_columns} columns",
    )


def line_too_long(name: str, row: int, limits: ReadLimits) -> UnreadableFileError:
    return refuse(
        name,
        f"第 {row} 行超过 {limits.max_line} 个字符",
        f"row {row} is longer than {limits.max_line} characters",
    )
