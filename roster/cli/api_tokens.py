"""`roster api-tokens`: issue, revoke and list the tokens of the JSON API's machine clients."""

import argparse

from roster.cli.common import beijing, services_from


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "api-tokens", help="JSON API tokens", description="接口令牌：签发、撤销、列出"
    )
    sub = p.add_subparsers(dest="api_tokens", required=True, metavar="ACTION")
    issue = sub.add_parser(
        "issue", help="issue a token acting for an account", description="签发接口令牌"
    )
    issue.add_argument("--account", required=True, help="the account the client acts for")
    issue.add_argument("--name", required=True, help="the client, e.g. 12348热线")
    issue.add_argument("--role", default="", help="a narrower role than the account's")
    issue.add_argument("--unit", action="append", default=[], help="narrower unit (repeatable)")
    issue.add_argument("--actor", default="cli-api-tokens")
    issue.add_argument("--reason", default="")
    issue.set_defaults(run=run_issue)
    revoke = sub.add_parser("revoke", help="revoke a token at once", description="撤销接口令牌")
    revoke.add_argument("token_id", help="the token's id (see list)")
    revoke.add_argument("--reason", required=True)
    revoke.add_argument("--actor", default="cli-api-tokens")
    revoke.set_defaults(run=run_revoke)
    listing = sub.add_parser("list", help="every token and its state", description="列出接口令牌")
    listing.set_defaults(run=run_list)


def run_issue(args: argparse.Namespace) -> int:
    services = services_from(args)
    try:
        issued = services.api_tokens.issue(
            args.account, args.name, args.actor, role=args.role, unit_codes=args.unit,
            reason=args.reason,
        )  # fmt: skip
    finally:
        services.close()
    print(f"已为“{args.name}”签发接口令牌（编号 {issued.id}）。令牌只显示这一次，请妥善保存：")
    print(f"  {issued.token}")
    print("  请求头：Authorization: Bearer <令牌>")
    return 0


def run_revoke(args: argparse.Namespace) -> int:
    services = services_from(args)
    try:
        services.api_tokens.revoke(args.token_id, args.actor, args.reason)
    finally:
        services.close()
    print(f"已撤销接口令牌 {args.token_id}；使用它的请求立即被拒绝。")
    return 0


def run_list(args: argparse.Namespace) -> int:
    services = services_from(args)
    try:
        rows = services.api_tokens.all()
    finally:
        services.close()
    if not rows:
        print("尚无接口令牌。")
    for r in rows:
        state = "有效" if r.state == "active" else f"已撤销 {beijing(r.revoked_at)}"
        units = ",".join(r.unit_codes) or "全部"
        print(f"{r.id}  {r.name}  账号 {r.owner}  角色 {r.role}  单位 {units}  {state}")
    return 0
