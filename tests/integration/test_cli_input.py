"""The command line answers bad input in Chinese, with exit code 2 and no traceback, and no
command but `init` and `demo` creates a store."""

import pytest

from roster.cli.main import main
from tests.integration.helpers import seed_county


@pytest.fixture
def missing_url(store_url, tmp_path) -> str:
    """A store URL nothing has created yet (on SQLite, inside a folder that is not there)."""
    if store_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path / 'typo' / 'roster.sqlite'}"
    return store_url


def _schema_exists(url: str) -> bool:
    import psycopg

    schema = url.rsplit("schema=", 1)[1]
    with psycopg.connect(url.split("?")[0]) as conn:
        row = conn.execute(
            "SELECT 1 FROM information_schema.schemata WHERE schema_name = %s", (schema,)
        ).fetchone()
    return row is not None


def _nothing_created(url: str, tmp_path) -> bool:
    if url.startswith("sqlite"):
        return not (tmp_path / "typo").exists()
    return not _schema_exists(url)


@pytest.mark.parametrize(
    "command",
    [
        ["projections", "status"],
        ["serve", "--port", "1"],
        ["solve", "--kind", "all", "--unit", "all", "--month", "2026-12"],
        ["accounts", "list"],
    ],
)
def test_commands_refuse_a_store_that_does_not_exist(missing_url, tmp_path, capsys, command):
    assert main(["--database-url", missing_url, *command]) == 2
    err = capsys.readouterr().err
    assert "数据库不存在" in err and "roster init" in err and "roster demo" in err
    if missing_url.startswith("sqlite"):
        assert str(tmp_path / "typo" / "roster.sqlite") in err
    assert _nothing_created(missing_url, tmp_path)


def test_init_creates_an_empty_store_that_other_commands_then_use(missing_url, tmp_path, capsys):
    assert main(["--database-url", missing_url, "init"]) == 0
    assert "数据库已就绪" in capsys.readouterr().out
    assert main(["--database-url", missing_url, "init"]) == 0  # again: left as it is
    assert main(["--database-url", missing_url, "projections", "status"]) == 0
    assert "registry: 0 / 0" in capsys.readouterr().out


def test_an_unreachable_postgres_is_named_with_its_cause(capsys):
    url = "postgresql://postgres@127.0.0.1:1/test"  # nothing listens on port 1
    assert main(["--database-url", url, "projections", "status"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == "错误：无法连接 PostgreSQL 127.0.0.1:1：Connection refused"


def test_a_bad_database_url_is_refused_in_chinese(capsys):
    assert main(["--database-url", "mysql://db/x", "projections", "status"]) == 2
    assert "不支持的数据库地址" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (
            ["replan", "--kind", "duty-lawyers", "--unit", "370827", "--month", "2026-12",
             "--person", "L1", "--from", "2026-13-16", "--reason", "借调"],
            "参数 --from：没有这一天：“2026-13-16”",
        ),
        (
            ["replan", "--kind", "duty-lawyers", "--unit", "370827", "--month", "2026-12",
             "--person", "L1", "--from", "16.12.2026", "--reason", "借调"],
            "日期格式应为 YYYY-MM-DD",
        ),
        (["solve", "--kind", "all", "--unit", "all", "--month", "0000-01"], "2000-01 至 2100-12"),
        (["solve", "--kind", "all", "--unit", "all", "--month", "2026-13"], "月份格式应为 YYYY-MM"),
        (["solve", "--kind", "everything", "--unit", "all", "--month", "2026-12"], "无效，可选"),
        (["solve", "--kind", "all", "--unit", "all", "--month", "2026-12", "--workers", "二"],
         "参数 --workers 应为数字"),
        (["solve", "--kind", "all"], "缺少必需的参数：--unit, --month"),
        (["circuits", "--township", "370827001", "--month", "2026-12", "--extra"], "无法识别的参数"),
        (["no-such-command"], "参数 COMMAND 的值"),
    ],
)  # fmt: skip
def test_bad_arguments_are_refused_in_chinese(argv, words, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert words in err and err.startswith("用法：")
    assert "error:" not in err and "invalid" not in err and "Traceback" not in err


def test_solve_and_circuits_say_what_a_code_is_and_what_it_takes(services, store_url, capsys):
    seed_county(services)
    db = ["--database-url", store_url]
    township = ["solve", "--kind", "duty-lawyers", "--unit", "370827001", "--month", "2026-12"]
    assert main([*db, *township]) == 2
    err = capsys.readouterr().err
    assert "“370827001”是乡镇（谷亭街道），没有值班律师可排" in err
    assert "可排：村居法律顾问巡回（--kind adviser-circuits）" in err
    assert main([*db, "circuits", "--township", "370827", "--month", "2026-12"]) == 2
    err = capsys.readouterr().err
    assert "“370827”是县区（鱼台县），不是乡镇" in err and "如 370827001" in err
    assert "值班律师（--kind duty-lawyers）" in err
    assert main([*db, "solve", "--kind", "all", "--unit", "999", "--month", "2026-12"]) == 2
    assert "找不到单位“999”" in capsys.readouterr().err


def test_a_literal_percent_in_sql_reaches_the_store_as_one(services):
    seed_county(services)
    with services.db.reading() as cur:
        row = cur.execute(
            "SELECT COUNT(*) FROM people WHERE code LIKE 'L%' AND name <> ?", ("",)
        ).fetchone()
    assert row[0] == 3
