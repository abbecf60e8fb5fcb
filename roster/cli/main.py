"""`roster`: the command line. Each subcommand lives in its own module."""

import sys
from collections.abc import Sequence

from domain.errors import DomainError
from roster.cli import (
    accounts,
    api_tokens,
    availability,
    bench,
    circuits,
    demo,
    feeds,
    importing,
    init,
    projections,
    publish,
    replan,
    serve,
    solve,
)
from roster.cli.arguments import Parser


def parser() -> Parser:
    root = Parser(
        prog="roster",
        description="公共法律服务值班排班系统 — duty rosters for a city's public legal services",
    )
    root.add_argument(
        "--database-url",
        help="sqlite:///path.sqlite or postgresql://user@host/db (default: $ROSTER_DATABASE_URL "
        "or sqlite:///./var/roster.sqlite)",
    )
    commands = root.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in (
        serve, init, demo, importing, projections, solve, publish, replan, circuits,
        feeds, availability, accounts, bench, api_tokens,
    ):  # fmt: skip
        module.register(commands)
    return root


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args) or 0
    except DomainError as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
