"""Generate a draft with live progress: start (POST), watch (Server-Sent Events), cancel (POST).

The solve runs on the application's drafting threads, never on the event loop. A script on
the grid page posts with `Accept: application/json` and follows the progress stream; a
browser without JavaScript posts the form and is redirected to the grid when the solve ends.
"""

import asyncio
import json
from dataclasses import asdict

from aiohttp import web

from web.auth.keys import PRINCIPAL
from web.auth.rules import requires
from web.i18n import LANG
from web.keys import SERVICES
from web.views.rosters import roster_row, roster_url

POLL_S = 0.25  # how often the stream looks at the job: cheap, it only reads a snapshot
STREAM_LIMIT_S = 15 * 60


def wants_json(request: web.Request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


@requires("admin", "manager", unit="unit", write=True)
async def start_draft(request: web.Request) -> web.StreamResponse:
    row = await roster_row(request)
    drafting = request.app[SERVICES].drafting
    job = drafting.start(row.kind, row.unit_code, row.month, request[PRINCIPAL].username)
    url = roster_url(row)
    if wants_json(request):
        return web.json_response({"progress": f"{url}/progress"}, status=202)
    # No script: wait for the solve (shielded, so a closed tab does not orphan the wait).
    await asyncio.shield(asyncio.wrap_future(job.future))
    raise web.HTTPSeeOther(url)


@requires("admin", "manager", unit="unit", write=True)
async def cancel_draft(request: web.Request) -> web.StreamResponse:
    row = await roster_row(request)
    cancelled = request.app[SERVICES].drafting.cancel(row.kind, row.unit_code, row.month)
    if wants_json(request):
        return web.json_response({"cancelled": cancelled})
    raise web.HTTPSeeOther(roster_url(row))


@requires("admin", "manager", "supervisor", unit="unit")
async def draft_progress(request: web.Request) -> web.StreamResponse:
    row = await roster_row(request)
    drafting = request.app[SERVICES].drafting
    response = web.StreamResponse(
        headers={"Content-Type": "text/event-stream", "Cache-Control": "no-cache"}
    )
    await response.prepare(request)
    lang = request[LANG]
    last = None
    waited = 0.0
    try:
        while waited < STREAM_LIMIT_S:
            job = drafting.get(row.kind, row.unit_code, row.month)
            data = _event(job.snapshot(), lang) if job else {"state": "idle"}
            if data != last:
                line = f"data: {json.dumps(data, ensure_ascii=False)}\n\n"
                await response.write(line.encode())
                last = data
            if data["state"] != "running":
                break
            await asyncio.sleep(POLL_S)
            waited += POLL_S
        await response.write_eof()
    except ConnectionResetError:  # the page was closed; the solve carries on regardless
        pass
    return response


def _event(snapshot, lang: str) -> dict:
    data = asdict(snapshot)
    data["message"] = data.pop("message_en") if lang == "en" else data["message"]
    data.pop("message_en", None)
    return data
