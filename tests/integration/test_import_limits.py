"""Hostile files at full size: each import is refused with a message naming the file and the
limit, and nothing at all is recorded, good files in the same import included."""

from pathlib import Path

import pytest

from roster.bench import hostile
from roster.cli.main import main
from roster.registry.importing.run import import_files
from tests.integration.helpers import ACTOR, seed_county

GOOD_FIRMS = "编码,名称,所属县区编码\nF5,山东中正律师事务所,370827\n"


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    return {
        "wide": hostile.wide_row(folder / "wide.xlsx"),  # 20 million cells, 286 MB unpacked
        "strings": hostile.huge_shared_strings(folder / "strings.xlsx"),  # 162 MB
        "line": hostile.giant_csv_line(folder / "line.csv"),
        "rows": hostile.many_csv_rows(folder / "rows.csv"),
    }


EXPECTED = {
    "wide": "xl/worksheets/sheet1.xml 解压后 286 MB，上限 64 MB",
    "strings": "xl/sharedStrings.xml 解压后 162 MB，上限 64 MB",
    "line": "第 2 行超过 10000 个字符",
    "rows": "行数超过 100000",
}


@pytest.mark.parametrize("which", EXPECTED)
def test_a_hostile_file_is_refused_and_nothing_is_recorded(services, tmp_path, files, which):
    seed_county(services)
    before = services.store.recorder.max_notification_id()
    good = tmp_path / "firms.csv"
    good.write_text(GOOD_FIRMS, encoding="utf-8")
    report = import_files(services, {"firms": [good], "people": [files[which]]}, ACTOR)
    assert not report.ok and report.imported == {}
    (problem,) = report.problems
    assert problem.file == files[which].name and problem.line == 0
    assert problem.message.startswith("文件过大或过于复杂，已拒绝：")
    assert EXPECTED[which] in problem.message
    assert problem.message_en.startswith("The file is too large or too complex")
    assert services.store.recorder.max_notification_id() == before
    assert services.registry_views.firm("F5") is None


def test_the_cli_refuses_a_hostile_file_with_the_reason(sqlite_url, sqlite_services, files, capsys):
    seed_county(sqlite_services)
    code = main(["--database-url", sqlite_url, "import", "--people", str(files["wide"])])
    err = capsys.readouterr().err
    assert code == 1 and "wide.xlsx：文件过大或过于复杂" in err and "上限 64 MB" in err
