"""Check an XLSX archive before openpyxl opens it.

A few kilobytes of zip can unpack into gigabytes of XML, and openpyxl builds a whole row
(and the whole shared-strings table) in memory. So the declared sizes are checked first
(zipfile never unpacks past them), then every XML part is streamed once through expat,
which keeps nothing: rows, cells per row and shared strings are counted and refused
past the limits, before any of it becomes Python objects.
"""

import io
import zipfile
import zlib
from xml.parsers import expat

from roster.registry.importing.limits import (
    MB,
    ReadLimits,
    UnreadableFileError,
    refuse,
    too_many_columns,
    too_many_rows,
)

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main "
ROW, CELL, STRING = _MAIN + "row", _MAIN + "c", _MAIN + "si"
CHUNK = 64 * 1024


def not_xlsx(name: str) -> UnreadableFileError:
    return UnreadableFileError(
        name, "不是有效的 Excel（.xlsx）文件", "This is not a valid Excel (.xlsx) file."
    )


def check_archive(data: bytes, name: str, limits: ReadLimits) -> None:
    """Raise UnreadableFileError when the archive is too large or too costly to read."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise not_xlsx(name) from None
    if len(parts) > limits.max_entries:
        raise refuse(
            name,
            f"压缩包内文件过多（{len(parts)} 个，上限 {limits.max_entries} 个）",
            f"the archive holds too many parts ({len(parts)}; the limit is {limits.max_entries})",
        )
    for part in parts:
        _check_size(part, name, limits)
    total = sum(p.file_size for p in parts)
    if total > limits.max_total_bytes:
        raise refuse(
            name,
            f"解压后共 {_mb(total)}，上限 {_mb(limits.max_total_bytes)}",
            f"it unpacks to {_mb(total)}; the limit is {_mb(limits.max_total_bytes)}",
        )
    try:
        for part in parts:
            if not part.is_dir():
                with archive.open(part) as stream:
                    _scan(stream, part.filename, name, limits)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError):
        raise not_xlsx(name) from None  # a corrupt, encrypted or exotic archive


def _check_size(part: zipfile.ZipInfo, name: str, limits: ReadLimits) -> None:
    if part.file_size > limits.max_part_bytes:
        raise refuse(
            name,
            f"其中 {part.filename} 解压后 {_mb(part.file_size)}，上限 {_mb(limits.max_part_bytes)}",
            f"{part.filename} unpacks to {_mb(part.file_size)}; the limit is "
            f"{_mb(limits.max_part_bytes)}",
        )
    ratio = part.file_size / max(part.compress_size, 1)
    if part.file_size > limits.ratio_floor and ratio > limits.max_ratio:
        raise refuse(
            name,
            f"其中 {part.filename} 压缩比异常（{ratio:.0f} 倍，上限 {limits.max_ratio} 倍）",
            f"{part.filename} is compressed {ratio:.0f} times (the limit is {limits.max_ratio})",
        )


def _scan(stream, part: str, name: str, limits: ReadLimits) -> None:
    """Stream one part through expat, counting what openpyxl would hold in memory at once."""
    scan = _Counts(part, name, limits)
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = scan.start
    parser.EndElementHandler = scan.end
    parser.StartDoctypeDeclHandler = scan.doctype
    try:
        while chunk := stream.read(CHUNK):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except expat.ExpatError:
        return  # not XML (an image, say); openpyxl refuses it if it ever reads it


class _Counts:
    """openpyxl builds one row or one shared string at a time, and everything else (styles,
    merged cells, links...) whole: so elements are bounded per row and string, cells and
    strings per part, and the rest per part."""

    def __init__(self, part: str, name: str, limits: ReadLimits) -> None:
        self.part, self.name, self.limits = part, name, limits
        self.rows = self.number = self.cells = self.all_cells = self.strings = 0
        self.inside = ""  # the row or shared string being read
        self.held = self.other = 0  # elements in it; elements outside any

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        limits = self.limits
        if self.inside:
            self.held += 1
            if self.held > limits.max_row_elements:
                raise self._refuse(
                    "某一行或某个字符串的内容过多", "one row or string holds too much"
                )
        if tag == CELL:
            self.cells, self.all_cells = self.cells + 1, self.all_cells + 1
            if self.all_cells > limits.max_cells:
                raise self._refuse(
                    f"单元格超过 {limits.max_cells} 个",
                    f"it has more than {limits.max_cells} cells",
                )
            if self.cells > limits.max_columns or _column(attrs.get("r", "")) > limits.max_columns:
                raise too_many_columns(self.name, self.number, limits)
        elif tag == ROW:
            self.rows, self.cells, self.inside, self.held = self.rows + 1, 0, tag, 0
            given = attrs.get("r", "")  # openpyxl honours it: a row may skip ahead
            self.number = int(given) if given.isdecimal() and len(given) < 10 else self.rows
            if max(self.rows, self.number) > limits.max_rows + 1:  # the header is a row too
                raise too_many_rows(self.name, limits)
        elif tag == STRING:
            self.strings, self.inside, self.held = self.strings + 1, tag, 0
            if self.strings > limits.max_shared_strings:
                raise self._refuse(
                    f"共享字符串超过 {limits.max_shared_strings} 个",
                    f"it holds more than {limits.max_shared_strings} shared strings",
                )
        elif not self.inside:
            self.other += 1
            if self.other > limits.max_other_elements:
                raise self._refuse(f"其中 {self.part} 内容过多", f"{self.part} holds too much")

    def end(self, tag: str) -> None:
        if tag == self.inside:
            self.inside = ""

    def doctype(self, *_: object) -> None:  # Excel never writes one; entities are an attack
        raise self._refuse(f"其中 {self.part} 含有 DTD 声明", f"{self.part} contains a DTD")

    def _refuse(self, zh: str, en: str) -> UnreadableFileError:
        return refuse(self.name, zh, en)


def _column(ref: str) -> int:
    """The column number of a cell reference such as "AB12"; 0 when there is none."""
    number = 0
    for char in ref:
        if not "A" <= char <= "Z" or number > 16_384:  # Excel's last column is XFD
            break
        number = number * 26 + ord(char) - 64
    return number


def _mb(size: int) -> str:
    return f"{size / MB:.0f} MB" if size >= MB else f"{size // 1024} KB"
