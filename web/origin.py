"""The address a request came to, for links handed out when no public URL is configured.

A link must carry the port the server really listens on (`roster serve --port 8091`), and the
client's own Host header says it. A Host that is not a plain host[:port] is never echoed.
"""

import re

from aiohttp import web

HOST = re.compile(r"(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?")


def request_origin(request: web.Request) -> str:
    """scheme://host[:port] as the client addressed us, or "" (the settings decide then)."""
    host = request.host
    if not host or not HOST.fullmatch(host):
        return ""
    return f"{request.scheme}://{host}"
