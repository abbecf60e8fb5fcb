"""The demo city seeds through the CLI into a real store."""

from roster.bootstrap import build
from roster.cli.main import main
from roster.demo.city import generate_city


def test_small_demo_seeds_and_refuses_a_second_seed(sqlite_url, capsys):
    assert main(["--database-url", sqlite_url, "demo", "--scale", "small"]) == 0
    assert "已载入示范城市" in capsys.readouterr().out
    assert main(["--database-url", sqlite_url, "demo", "--scale", "small"]) == 2
    assert main(["--database-url", sqlite_url, "demo", "--scale", "small", "--if-empty"]) == 0
    services = build(database_url=sqlite_url)
    try:
        city = generate_city("small")
        overview = {c.code: c for c in services.queries.overview()}
        county = overview["370827"]
        assert county.villages == sum(len(t.villages) for t in city.counties[0].townships)
        assert county.advisers == len(city.advisers)
        assert sum(c.lawyers for c in overview.values()) == len(city.lawyers)
    finally:
        services.close()


def test_projections_rebuild_command(sqlite_url, capsys):
    assert main(["--database-url", sqlite_url, "demo", "--scale", "small"]) == 0
    assert main(["--database-url", sqlite_url, "projections", "rebuild"]) == 0
    assert "已从事件日志重建读模型" in capsys.readouterr().out
    assert main(["--database-url", sqlite_url, "projections", "status"]) == 0
