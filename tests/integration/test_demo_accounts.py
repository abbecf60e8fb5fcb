"""`roster demo` seeds one account per role and prints the logins; `roster accounts` manages
accounts from the command line."""

import io

from roster.bootstrap import build
from roster.cli.main import main
from roster.demo.accounts import DEMO_PASSWORD


def test_demo_seeds_and_prints_one_account_per_role(store_url, capsys):
    # On PostgreSQL too: the account step once broke there on a literal % in its SQL.
    assert main(["--database-url", store_url, "demo", "--scale", "small"]) == 0
    out = capsys.readouterr().out
    assert "示范账号" in out and DEMO_PASSWORD in out
    for username in ("admin", "jiandu", "yutai", "lvshi", "lingdao"):
        assert f"  {username} " in out
    # A store seeded before accounts existed gets them on the next `make run`.
    assert main(["--database-url", store_url, "demo", "--scale", "small", "--if-empty"]) == 0
    assert "yutai" in capsys.readouterr().out
    services = build(database_url=store_url)
    try:
        roles = {a.username: a.role for a in services.accounts.all()}
        assert roles == {
            "admin": "admin", "jiandu": "supervisor", "yutai": "manager", "lvshi": "member",
            "lingdao": "member",
        }  # fmt: skip
        lawyer = services.accounts.principal("lvshi").person_code
        with services.db.reading() as cur:
            row = cur.execute(
                "SELECT county_code, qualifications FROM people WHERE code = ?", (lawyer,)
            ).fetchone()
        assert row[0] == "370827" and "duty_lawyer" in row[1]
        assert services.accounts.authenticate("yutai", DEMO_PASSWORD).role == "manager"
    finally:
        services.close()


def test_accounts_command_adds_resets_lists_and_disables(sqlite_url, capsys, monkeypatch):
    assert main(["--database-url", sqlite_url, "demo", "--scale", "small"]) == 0
    db = ["--database-url", sqlite_url, "accounts"]
    monkeypatch.setattr("sys.stdin", io.StringIO("a long enough secret\n"))
    assert main([*db, "add", "Chief", "--role", "admin", "--name", "局长", "--password-stdin"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main([*db, "passwd", "chief", "--password-stdin"]) == 2  # refused, in Chinese
    assert "口令长度" in capsys.readouterr().err
    for weak, reason in (("qwertyuiop\n", "连续的字符"), ("password2026!\n", "最常用的口令")):
        monkeypatch.setattr("sys.stdin", io.StringIO(weak))
        assert main([*db, "add", "weak", "--role", "admin", "--password-stdin"]) == 2
        assert reason in capsys.readouterr().err
    assert main([*db, "list"]) == 0
    assert "chief" in capsys.readouterr().out
    assert main([*db, "disable", "chief", "--reason", "测试"]) == 0
    services = build(database_url=sqlite_url)
    try:
        assert services.accounts.principal("chief") is None
    finally:
        services.close()
