"""`roster demo`: seed the demo city (the real Jining scale, or one county for tests)."""

import argparse
import time

from roster.cli.common import progress_bar, services_from
from roster.demo.accounts import print_logins, seed_accounts
from roster.demo.city import generate_city
from roster.demo.seed import seed_demo


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "demo", help="seed the demo city", description="载入示范城市（济宁规模或单县小规模）"
    )
    p.add_argument("--scale", choices=("small", "jining"), default="jining")
    p.add_argument("--seed", type=int, default=2026, help="name generator seed (deterministic)")
    p.add_argument(
        "--if-empty", action="store_true", help="do nothing when the store already holds a city"
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    services = services_from(args, create=True)
    try:
        if services.queries.city() is not None:
            if args.if_empty:
                print("数据库中已有城市数据，跳过示范数据载入。")
                print_logins(seed_accounts(services))  # stores seeded before accounts get them
                return 0
            print("错误：数据库中已有城市数据；示范数据只能载入空库。")
            return 2
        started = time.perf_counter()
        city = generate_city(args.scale, args.seed)
        with progress_bar(None, "写入事件", "个") as bar:
            saved, logins = seed_demo(services, city, bar.update)
        seconds = time.perf_counter() - started
        print(
            f"已载入示范城市 {city.name}（{args.scale}）：{len(city.counties)} 个县区、"
            f"{sum(len(c.townships) for c in city.counties)} 个乡镇、"
            f"{sum(len(t.villages) for c in city.counties for t in c.townships)} 个村居、"
            f"{len(city.firms)} 家律所、{len(city.lawyers)} 名律师、{len(city.advisers)} 名法律顾问、"
            f"{len(city.leaders)} 名领导干部、{len(city.stations)} 个值班点；"
            f"共 {saved} 个聚合，用时 {seconds:.1f} 秒。"
        )
        print_logins(logins)
        return 0
    finally:
        services.close()
