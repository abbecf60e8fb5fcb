"""Each limit on an import file refuses with words that name it, before the file costs much.

Limits are shrunk here so tiny files cross them; the real-sized hostile files are in
tests/integration/test_import_limits.py.
"""

import time
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import Workbook

from roster.bench import hostile
from roster.registry.importing.budget import OverBudget, run_each
from roster.registry.importing.kinds import KINDS
from roster.registry.importing.limits import LIMITS, UnreadableFileError
from roster.registry.importing.reading import parse_file, read_files, read_rows

ALIASES = KINDS["firms"].aliases
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
SMALL = replace(LIMITS, max_rows=10, max_columns=5, max_line=100, max_shared_strings=10)


def refusal(path: Path, limits=SMALL) -> UnreadableFileError:
    with pytest.raises(UnreadableFileError) as caught:
        parse_file(path, ALIASES, path.name, limits)
    return caught.value


def workbook(path: Path, rows: list[list]) -> Path:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_a_real_workbook_is_read_within_the_small_limits(tmp_path):
    path = workbook(tmp_path / "f.xlsx", [["编码", "名称"], ["F1", "甲律所"], [2, "乙律所"]])
    rows = parse_file(path, ALIASES, "f.xlsx", SMALL)
    assert [(r.line, r.values) for r in rows] == [
        (2, {"code": "F1", "name": "甲律所"}),
        (3, {"code": "2", "name": "乙律所"}),
    ]


def test_a_row_wider_than_the_limit_is_refused_before_openpyxl_reads_it(tmp_path):
    path = hostile.wide_row(tmp_path / "w.xlsx", cells=6)
    error = refusal(path)
    assert "第 2 行超过 5 列" in error.message and "more than 5 columns" in error.message_en


def test_a_cell_beyond_the_last_column_is_refused(tmp_path):
    path = workbook(tmp_path / "f.xlsx", [["编码"]])
    book = Workbook()
    book.active["A1"] = "编码"
    book.active["Z1"] = "x"
    book.save(path)
    assert "超过 5 列" in refusal(path).message


def test_too_many_rows_and_a_row_number_that_skips_ahead_are_refused(tmp_path):
    assert "行数超过 10" in refusal(hostile.many_rows(tmp_path / "r.xlsx", rows=11)).message
    book = Workbook()
    book.active["A1"] = "编码"
    book.active["A1000000"] = "F1"
    book.save(tmp_path / "far.xlsx")
    assert "行数超过 10" in refusal(tmp_path / "far.xlsx").message


def test_too_many_shared_strings_and_cells_are_refused(tmp_path):
    path = hostile.huge_shared_strings(tmp_path / "s.xlsx", strings=11)
    assert "共享字符串超过 10 个" in refusal(path).message
    path = hostile.many_rows(tmp_path / "c.xlsx", rows=9)
    assert "单元格超过 5 个" in refusal(path, replace(SMALL, max_cells=5)).message


def test_elements_are_bounded_per_row_and_string_and_outside_them(tmp_path):
    limits = replace(SMALL, max_row_elements=20, max_other_elements=30)
    runs = hostile.repeated(
        f'<worksheet {NS}><sheetData><row><c t="inlineStr"><is>', "<r><t>a</t></r>", 10,
        "</is></c></row></sheetData></worksheet>",
    )  # fmt: skip
    path = hostile.xlsx(tmp_path / "runs.xlsx", runs)
    assert "某一行或某个字符串的内容过多" in refusal(path, limits).message
    merged = hostile.repeated(
        f"<worksheet {NS}><sheetData/><mergeCells>", '<mergeCell ref="A1:B1"/>', 30,
        "</mergeCells></worksheet>",
    )  # fmt: skip
    path = hostile.xlsx(tmp_path / "merged.xlsx", merged)
    assert "xl/worksheets/sheet1.xml 内容过多" in refusal(path, limits).message


def test_sizes_ratio_and_entry_count_are_checked_from_the_archive_directory(tmp_path):
    path = hostile.wide_row(tmp_path / "w.xlsx", cells=200_000)  # 2.7 MB unpacked
    message = refusal(path, replace(SMALL, max_part_bytes=1024 * 1024)).message
    assert "xl/worksheets/sheet1.xml 解压后 3 MB，上限 1 MB" in message
    loose = replace(SMALL, max_ratio=1000)
    message = refusal(path, replace(loose, max_total_bytes=2 * 1024 * 1024)).message
    assert "解压后共 3 MB，上限 2 MB" in message
    assert "压缩比异常" in refusal(path, replace(SMALL, max_ratio=50)).message
    assert "压缩包内文件过多" in refusal(path, replace(loose, max_entries=3)).message


def test_a_dtd_is_refused_and_a_corrupt_archive_is_not_an_excel_file(tmp_path):
    doctype = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet/>'
    path = hostile.xlsx(tmp_path / "d.xlsx", iter([doctype.encode()]))
    assert "含有 DTD" in refusal(path).message
    broken = tmp_path / "b.xlsx"
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    name_and_extra = int.from_bytes(
        data[info.header_offset + 26 : info.header_offset + 28], "little"
    )
    name_and_extra += int.from_bytes(
        data[info.header_offset + 28 : info.header_offset + 30], "little"
    )
    data[info.header_offset + 30 + name_and_extra + info.compress_size // 2] ^= 0xFF  # packed data
    broken.write_bytes(bytes(data))
    assert "不是有效的 Excel" in refusal(broken).message


def test_csv_lines_records_columns_and_rows_are_bounded(tmp_path):
    line = hostile.giant_csv_line(tmp_path / "l.csv", length=1_000)
    error = refusal(line)
    assert "第 2 行超过 100 个字符" in error.message and "longer than 100" in error.message_en
    quoted = tmp_path / "q.csv"  # one record spread over many short lines
    quoted.write_text('编码,名称\nF1,"' + "x\n" * 200 + '"\n', encoding="utf-8")
    assert "第 2 行超过 100 个字符" in refusal(quoted).message
    wide = tmp_path / "w.csv"
    wide.write_text("编码,名称\nF1,x,,,,,\n", encoding="utf-8")
    assert "第 2 行超过 5 列" in refusal(wide).message
    assert "行数超过 10" in refusal(hostile.many_csv_rows(tmp_path / "r.csv", rows=11)).message
    assert (
        len(parse_file(hostile.many_csv_rows(tmp_path / "ok.csv", rows=10), ALIASES, "ok", SMALL))
        == 10
    )


def test_a_file_over_the_size_limit_is_refused_without_reading_it(tmp_path):
    path = hostile.many_csv_rows(tmp_path / "big.csv", rows=1_000)
    (result,) = read_files([(path, ALIASES, "big.csv")], replace(LIMITS, max_bytes=1024))
    assert isinstance(result, UnreadableFileError) and "文件过大（超过 0 MB）" in result.message


def test_an_import_out_of_time_is_stopped_and_says_so(tmp_path):
    path = hostile.many_csv_rows(tmp_path / "r.csv", rows=10)
    (result,) = read_files([(path, ALIASES, "r.csv")], replace(LIMITS, max_seconds=0.01))
    assert isinstance(result, UnreadableFileError)
    assert "读取超过 0 秒，已停止" in result.message and "was stopped" in result.message_en


def test_an_import_out_of_memory_is_stopped_and_says_so(tmp_path):
    path = hostile.many_csv_rows(tmp_path / "r.csv", rows=10)
    ok = tmp_path / "ok.csv"
    ok.write_text("编码,名称\nF1,x\n", encoding="utf-8")
    jobs = [(ok, ALIASES, "ok.csv"), (path, ALIASES, "r.csv"), (ok, ALIASES, "later.csv")]
    first, second, third = read_files(jobs, replace(LIMITS, max_memory=10 * 1024 * 1024))
    # 10 MB of address space is too little for the interpreter itself: the first file fails
    assert isinstance(first, UnreadableFileError) and "10 MB 内存" in first.message
    assert second is None and third is None  # left unread: the import fails anyway


def test_the_budget_runs_work_in_a_child_and_reports_which_item_overran():
    work = f"{__name__}:_work"
    assert list(run_each(work, [1, 2], 512 * 1024 * 1024, 30)) == [(0, 2), (1, 4)]
    with pytest.raises(OverBudget) as caught:
        list(run_each(work, [1, "hog"], 512 * 1024 * 1024, 30))
    assert (caught.value.index, caught.value.reason) == (1, "memory")
    with pytest.raises(OverBudget) as caught:
        list(run_each(work, [1, "sleep"], 512 * 1024 * 1024, 1.0))
    assert (caught.value.index, caught.value.reason) == (1, "time")


def test_read_rows_raises_the_refusal(tmp_path):
    with pytest.raises(UnreadableFileError, match="行数超过 10"):
        read_rows(hostile.many_csv_rows(tmp_path / "r.csv", rows=11), ALIASES, limits=SMALL)


def _work(item):
    if item == "hog":
        return len(bytearray(1024 * 1024 * 1024))
    if item == "sleep":
        time.sleep(60)
    return item * 2
