"""Import: good files land whole; a bad file reports every bad row and imports nothing."""

from pathlib import Path

from openpyxl import Workbook

from roster.cli.main import main
from roster.registry.importing.run import import_files
from tests.integration.helpers import ACTOR, seed_county, table

FIRMS = "编码,名称,所属县区编码,结对县区\nF2,山东谷亭律师事务所,370827,\nF3,山东济宁城区律师事务所,370800,370827\n"
PEOPLE = (
    "编码,姓名,类别,律所编码,手机,值班资格\n"
    "L10,孙七,律师,F2,13900000001,是\n"
    "L11,周八,律师,F3,13900000002,否\n"
)


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def test_good_files_import_across_kinds_in_one_go(services, tmp_path):
    seed_county(services)
    report = import_files(
        services,
        {
            "firms": [write(tmp_path, "firms.csv", FIRMS)],
            "people": [write(tmp_path, "people.csv", PEOPLE)],
        },
        ACTOR,
    )
    assert report.ok, report.problems
    assert report.imported == {"firms": 2, "people": 2}
    assert table(
        services, "SELECT code, county_code, qualifications FROM people WHERE code LIKE 'L1_'"
    ) == [
        ("L10", "370827", "duty_lawyer"),
        ("L11", "370800", ""),
    ]
    assert table(services, "SELECT * FROM firm_pairings") == [("F3", "370827")]


def test_every_bad_row_is_reported_and_nothing_is_imported(services, tmp_path):
    seed_county(services)
    before = services.store.recorder.max_notification_id()
    bad_people = (
        "编码,姓名,类别,律所编码,手机,值班资格\n"
        "L20,好人,律师,F1,13900000003,是\n"
        "L21,坏手机,律师,F1,12345,是\n"
        "L1,重复编码,律师,F1,,是\n"
        "L22,无律所,律师,F404,,是\n"
        "L23,怪类别,法官,F1,,是\n"
        "L24,资格不明,律师,F1,,也许\n"
    )
    report = import_files(services, {"people": [write(tmp_path, "people.csv", bad_people)]}, ACTOR)
    assert not report.ok
    where = [(p.line, p.column) for p in report.problems]
    assert where == [
        (3, "phone"),
        (4, "code"),
        (5, "firm_code"),
        (6, "role"),
        (7, "duty_qualified"),
    ]
    assert "第 3 行" in str(report.problems[0]) and "手机号码" in str(report.problems[0])
    assert services.store.recorder.max_notification_id() == before
    assert report.imported == {}


def test_xlsx_and_gbk_csv_are_read(services, tmp_path):
    seed_county(services)
    book = Workbook()
    sheet = book.active
    sheet.append(["编码", "名称", "乡镇编码", "集日", "法律顾问编码"])
    sheet.append(["370827001203", "张庄村", 370827001, "逢三逢八", "A1"])
    sheet.append(["370827001204", "刘集村", "370827001", "1,6,11,16,21,26", ""])
    book.save(tmp_path / "villages.xlsx")
    firms = write(
        tmp_path, "firms.csv", "编码,名称,所属县区编码\nF5,山东中正律师事务所,370827\n", "gbk"
    )
    report = import_files(
        services, {"villages": [tmp_path / "villages.xlsx"], "firms": [firms]}, ACTOR
    )
    assert report.ok, report.problems
    assert table(
        services,
        "SELECT code, market_days, adviser_code FROM units WHERE code LIKE '37082700120_' AND code > '370827001202'",
    ) == [
        ("370827001203", "[3, 8, 13, 18, 23, 28]", "A1"),
        ("370827001204", "[1, 6, 11, 16, 21, 26]", ""),
    ]


def test_unreadable_files_are_reported_not_crashed_on(services, tmp_path):
    seed_county(services)
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"\x00\x01 not a workbook")
    missing_columns = write(tmp_path, "stations.csv", "编码,名称\nS9,某法院\n")
    report = import_files(services, {"people": [junk], "stations": [missing_columns]}, ACTOR)
    messages = [str(p) for p in report.problems]
    assert any("junk.xlsx" in m and "Excel" in m for m in messages)
    assert any("缺少必需的列" in m for m in messages)


def test_cli_import_exits_non_zero_with_a_row_report(sqlite_url, sqlite_services, tmp_path, capsys):
    seed_county(sqlite_services)
    bad = write(tmp_path, "firms.csv", "编码,名称,所属县区编码\nF7,无县律所,999999\n")
    code = main(["--database-url", sqlite_url, "import", "--firms", str(bad)])
    err = capsys.readouterr().err
    assert code == 1
    assert "firms.csv 第 2 行" in err and "999999" in err
    good = write(tmp_path, "firms2.csv", "编码,名称,所属县区编码\nF7,山东正义律师事务所,370827\n")
    assert main(["--database-url", sqlite_url, "import", "--firms", str(good)]) == 0
