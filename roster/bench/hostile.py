"""Hostile import files, made cheaply: XML is streamed into the zip in repeated chunks, so
a sheet that unpacks to hundreds of megabytes costs a second to write and a few hundred
kilobytes to keep. The bench and the tests both use them."""

import random
import zipfile
from collections.abc import Iterator
from pathlib import Path

_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_CT}.worksheet+xml"/>'
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_CT}.sharedStrings+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{_CT}.styles+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    ),
    "xl/workbook.xml": (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook {_NS} xmlns:r="{_REL}">'
        '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
        f'<Relationship Id="rId3" Type="{_REL}/styles" Target="styles.xml"/>'
        "</Relationships>"
    ),
}
_HEADER_ROW = '<row r="1"><c t="inlineStr"><is><t>编码</t></is></c></row>'


def xlsx(
    path: Path,
    sheet: Iterator[bytes],
    strings: Iterator[bytes] | None = None,
    styles: Iterator[bytes] | None = None,
) -> Path:
    """A minimal workbook openpyxl opens, with the given sheet, shared strings and styles."""
    streamed = {
        "xl/worksheets/sheet1.xml": sheet,
        "xl/sharedStrings.xml": strings or iter([f'<sst {_NS} count="0"/>'.encode()]),
        "xl/styles.xml": styles or iter([f"<styleSheet {_NS}/>".encode()]),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in _PARTS.items():
            archive.writestr(name, text)
        for name, chunks in streamed.items():
            with archive.open(name, "w", force_zip64=True) as part:
                for chunk in chunks:
                    part.write(chunk)
    return path


def repeated(head: str, unit: str, count: int, tail: str) -> Iterator[bytes]:
    """head, `unit` count times, tail: written a megabyte at a time."""
    yield head.encode()
    block = unit.encode()
    per_chunk = max(1, (1 << 20) // max(1, len(block)))
    chunk = block * per_chunk
    whole, rest = divmod(count, per_chunk)
    for _ in range(whole):
        yield chunk
    yield block * rest
    yield tail.encode()


def _sheet(unit: str = "", count: int = 0, row: bool = False) -> Iterator[bytes]:
    """A header row, then `unit` `count` times: inside one more row when `row`."""
    head = f'<?xml version="1.0" encoding="UTF-8"?><worksheet {_NS}><sheetData>{_HEADER_ROW}'
    tail = "</sheetData></worksheet>"
    if row:
        head, tail = head + '<row r="2">', "</row>" + tail
    return repeated(head, unit, count, tail)


def wide_row(path: Path, cells: int = 20_000_000) -> Path:
    """One row of `cells` cells: about 14 bytes each unpacked, a few hundred KB packed."""
    return xlsx(path, _sheet("<c><v>1</v></c>", cells, row=True))


def huge_shared_strings(path: Path, strings: int = 10_000_000) -> Path:
    """A shared-strings table of `strings` one-letter entries that no cell even uses."""
    head = f'<?xml version="1.0" encoding="UTF-8"?><sst {_NS}>'
    return xlsx(path, _sheet(), repeated(head, "<si><t>x</t></si>", strings, "</sst>"))


def many_rows(path: Path, rows: int = 2_000_000) -> Path:
    """Millions of short rows, each with one cell."""
    return xlsx(path, _sheet('<row><c t="inlineStr"><is><t>1</t></is></c></row>', rows))


def varied(template: str, count: int) -> str:
    """`template` filled with `count` random numbers: deflate's 32 KB window finds no repeat,
    so this packs only about 10:1 and passes the ratio check (a few MB: a command-line file)."""
    return "".join(template.format(n) for n in random.Random(8).choices(range(1000), k=count))


def bloated_styles(path: Path, formats: int = 3_000_000) -> Path:
    """A styles part of millions of cell formats (Excel stops at 64,000)."""
    head = f'<?xml version="1.0" encoding="UTF-8"?><styleSheet {_NS}><cellXfs>'
    unit = varied('<xf numFmtId="{}"/>', 5000)
    return xlsx(
        path, _sheet(), styles=repeated(head, unit, formats // 5000, "</cellXfs></styleSheet>")
    )


def varied_wide_row(path: Path, cells: int = 3_000_000) -> Path:
    """One row of millions of cells, within the size and ratio limits."""
    return xlsx(path, _sheet(varied("<c><v>{}</v></c>", 5000), cells // 5000, row=True))


def giant_csv_line(path: Path, length: int = 20_000_000) -> Path:
    """A header, then one line of `length` characters without a line break."""
    with path.open("w", encoding="utf-8") as out:
        out.write("编码,名称\n")
        out.write("x" * length)
    return path


def many_csv_rows(path: Path, rows: int = 100_001) -> Path:
    with path.open("w", encoding="utf-8") as out:
        out.write("编码,名称\n")
        out.write("F1,x\n" * rows)
    return path
