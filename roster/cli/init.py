"""`roster init`: create an empty store; every command but this one and `demo` needs one."""

import argparse

from roster.cli.common import services_from


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "init",
        help="create an empty store at --database-url",
        description="在 --database-url 指定的位置新建空数据库（已存在则不变）。",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    services = services_from(args, create=True)
    try:
        print(f"数据库已就绪：{services.db.where()}")
    finally:
        services.close()
    return 0
