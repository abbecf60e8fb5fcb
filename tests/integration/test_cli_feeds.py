"""`roster feeds` and `roster availability import`: output and exit codes on a real store."""

import re

import pytest

from roster.bootstrap import build
from roster.cli.main import main
from tests.integration.feeds_helpers import OUTLOOK
from tests.integration.helpers import seed_county, table


@pytest.fixture
def url(sqlite_url):
    services = build(database_url=sqlite_url, secret_key="test", create=True)
    seed_county(services)
    services.close()
    return sqlite_url


def unavailability(url: str) -> list[tuple]:
    services = build(database_url=url, secret_key="test")
    try:
        return table(services, "SELECT person_code, source FROM unavailability")
    finally:
        services.close()


def test_feeds_issue_and_revoke(url, capsys):
    assert main(["--database-url", url, "feeds", "issue", "--person", "L1"]) == 0
    out = capsys.readouterr().out
    token = re.search(r"webcal://127\.0\.0\.1:8080/feeds/([A-Za-z0-9_-]{40,})\.ics", out)[1]
    assert f"http://127.0.0.1:8080/feeds/{token}.ics" in out
    assert main(["--database-url", url, "feeds", "rotate", "--person", "L1"]) == 0
    assert token not in capsys.readouterr().out
    assert main(["--database-url", url, "feeds", "revoke", "--person", "L1"]) == 0
    assert main(["--database-url", url, "feeds", "revoke", "--person", "L1"]) == 2
    assert "已失效" in capsys.readouterr().err
    assert main(["--database-url", url, "feeds", "issue", "--person", "NOBODY"]) == 2
    assert main(["--database-url", url, "feeds", "issue", "--roster", "duty-lawyers/370827"]) == 0


def test_availability_import_needs_confirmation(url, tmp_path, capsys):
    ics = tmp_path / "outlook.ics"
    ics.write_bytes(OUTLOOK)
    command = ["--database-url", url, "availability", "import", "--person", "L1"]
    command += ["--file", str(ics), "--from", "2026-12-01", "--to", "2026-12-31"]
    assert main(command) == 1  # not a terminal and no --yes: preview only
    out = capsys.readouterr().out
    assert "将为 L1 登记 4 个不可值班时段" in out and "2026-12-01 14:00" in out
    assert unavailability(url) == []
    assert main([*command, "--yes"]) == 0
    assert unavailability(url) == [("L1", "ics")] * 4
    assert main([*command, "--yes"]) == 0  # the same file again declares nothing new
    assert len(unavailability(url)) == 4


def test_availability_import_refuses_bad_files(url, tmp_path, capsys):
    bad = tmp_path / "bad.ics"
    bad.write_bytes(b"<html>not a calendar</html>")
    command = ["--database-url", url, "availability", "import", "--person", "L1", "--yes"]
    window = ["--from", "2026-12-01", "--to", "2026-12-31"]
    assert main([*command, "--file", str(bad), *window]) == 2
    assert capsys.readouterr().err.startswith("错误：")
    assert main([*command, "--file", str(tmp_path / "missing.ics"), *window]) == 2
    assert unavailability(url) == []
