"""`roster accounts`: create the first administrator, reset a password, list or disable accounts.

Passwords are read from the terminal (or one line of stdin with --password-stdin), never from
the command line, where other users and the shell history would see them.
"""

import argparse
import getpass
import sys

from domain.account import ACCOUNT_ROLES
from roster.access.passwords import check_password
from roster.cli.common import services_from

ACTOR = "cli"


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("accounts", help="manage sign-in accounts", description="管理登录账号")
    sub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = sub.add_parser("add", help="register an account", description="新建账号")
    add.add_argument("username")
    add.add_argument("--role", choices=sorted(ACCOUNT_ROLES), required=True)
    add.add_argument("--name", default="", help="display name (姓名)")
    add.add_argument("--unit", action="append", default=[], help="unit code in scope; repeatable")
    add.add_argument("--person", default="", help="linked person code (members)")
    add.add_argument("--password-stdin", action="store_true")
    add.set_defaults(run=run_add)
    passwd = sub.add_parser("passwd", help="set a new password", description="重设口令")
    passwd.add_argument("username")
    passwd.add_argument("--reason", default="管理员重设口令")
    passwd.add_argument("--password-stdin", action="store_true")
    passwd.set_defaults(run=run_passwd)
    disable = sub.add_parser("disable", help="disable an account", description="停用账号")
    disable.add_argument("username")
    disable.add_argument("--reason", required=True)
    disable.set_defaults(run=run_disable)
    listing = sub.add_parser("list", help="list enabled accounts", description="列出账号")
    listing.set_defaults(run=run_list)


def read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("口令：")
    check_password(first, args.username)
    if getpass.getpass("再次输入口令：") != first:
        raise SystemExit("错误：两次输入的口令不一致")
    return first


def run_add(args: argparse.Namespace) -> int:
    password = read_password(args)
    services = services_from(args)
    try:
        services.accounts.register(
            args.username, args.name, password, args.role, ACTOR, unit_codes=args.unit,
            person_code=args.person, reason="命令行新建",
        )  # fmt: skip
    finally:
        services.close()
    print(f"已新建账号 {args.username.lower()}（{ACCOUNT_ROLES[args.role]}）")
    return 0


def run_passwd(args: argparse.Namespace) -> int:
    password = read_password(args)
    services = services_from(args)
    try:
        services.accounts.reset_password(args.username, password, ACTOR, args.reason)
    finally:
        services.close()
    print(f"已重设 {args.username} 的口令；其已登录的会话随之失效。")
    return 0


def run_disable(args: argparse.Namespace) -> int:
    services = services_from(args)
    try:
        services.accounts.disable(args.username, ACTOR, args.reason)
    finally:
        services.close()
    print(f"已停用账号 {args.username}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    services = services_from(args)
    try:
        for a in services.accounts.all():
            scope = ",".join(a.unit_codes) or a.person_code or "*"
            print(f"{a.username:<16} {ACCOUNT_ROLES[a.role]:<6} {scope:<24} {a.display_name}")
    finally:
        services.close()
    return 0
