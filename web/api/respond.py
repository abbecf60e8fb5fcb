"""JSON out, Chinese kept readable (no \\u escapes): the hotline's staff read these too."""

import functools
import json

from aiohttp import web

DUMPS = functools.partial(json.dumps, ensure_ascii=False)


def json_response(body: dict, status: int = 200) -> web.Response:
    response = web.json_response(body, status=status, dumps=DUMPS)
    # Answers depend on the token and may hold phone numbers: no shared cache keeps them.
    response.headers["Cache-Control"] = "no-store"
    return response
