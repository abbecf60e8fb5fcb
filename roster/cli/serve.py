"""`roster serve`: the web application."""

import argparse
import logging

from aiohttp import web

from roster.cli.common import services_from
from web.app import create_app


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("serve", help="start the web server", description="启动网页服务")
    p.add_argument("--host", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, help="port (default 8080)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    # The address served is the one links fall back to (the request's own host comes first).
    given = {k: v for k, v in (("host", args.host), ("port", args.port)) if v}
    services = services_from(args, **given)
    settings = services.settings
    host, port = settings.host, settings.port
    print(f"值班排班系统已启动：http://{host}:{port}/", flush=True)
    web.run_app(create_app(services, settings), host=host, port=port, print=None)
    services.close()
    return 0
