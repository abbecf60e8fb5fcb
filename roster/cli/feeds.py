"""`roster feeds`: issue, rotate and revoke the secret links of calendar feeds."""

import argparse

from roster.cli.common import services_from


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "feeds", help="calendar feed links", description="日历订阅链接：签发、更换、撤销"
    )
    sub = p.add_subparsers(dest="feeds", required=True, metavar="ACTION")
    for action, help_en, help_zh in (
        ("issue", "issue a link (an existing one stops working)", "签发订阅链接（原链接随即失效）"),
        ("rotate", "replace the current link with a new one", "更换订阅链接"),
        ("revoke", "revoke the current link", "撤销订阅链接"),
    ):
        a = sub.add_parser(action, help=help_en, description=help_zh)
        target = a.add_mutually_exclusive_group(required=True)
        target.add_argument("--person", help="person code")
        target.add_argument("--station", help="station code")
        target.add_argument("--roster", help="KIND/UNIT, e.g. duty-lawyers/370827")
        a.add_argument("--actor", default="cli-feeds")
        a.add_argument("--reason", default="")
        a.set_defaults(run=run, action=action)


def run(args: argparse.Namespace) -> int:
    scope, subject = next(
        (name, getattr(args, name))
        for name in ("person", "station", "roster")
        if getattr(args, name)
    )
    services = services_from(args)
    try:
        tokens = services.feed_tokens
        if args.action == "revoke":
            tokens.revoke(scope, subject, args.actor, args.reason)
            print(f"已撤销 {subject} 的订阅链接；旧链接立即失效。")
            return 0
        issue = tokens.issue if args.action == "issue" else tokens.rotate
        link = issue(scope, subject, args.actor, args.reason)
    finally:
        services.close()
    print(f"{subject} 的日历订阅链接（只显示这一次，请妥善保存）：")
    print(f"  日历应用订阅：{link.webcal_url}")
    print(f"  网页链接：    {link.url}")
    return 0
