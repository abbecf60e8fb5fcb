"""The aiohttp application factory: one place that wires routes, templates and middleware."""

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from pathlib import Path

import jinja2
from aiohttp import web

from roster.services import Services
from roster.settings import Settings
from web import auth, dates, headers, i18n
from web.api import PREFIX as API_PREFIX
from web.api import create_api
from web.errors import error_middleware
from web.keys import IMPORT_GATE, SERVICES, SETTINGS, TEMPLATES
from web.routes import ROUTES

HERE = Path(__file__).parent
log = logging.getLogger(__name__)


def create_app(services: Services, settings: Settings) -> web.Application:
    middlewares = [
        i18n.language_middleware(i18n.load_catalogues()),
        *auth.middlewares_outside_errors(settings),
        error_middleware,
        *auth.middlewares_inside_errors(),
    ]
    app = web.Application(middlewares=middlewares, client_max_size=2 * 1024 * 1024)
    headers.install(app)
    app[SERVICES] = services
    app[SETTINGS] = settings
    app[IMPORT_GATE] = asyncio.Semaphore(2)
    app[TEMPLATES] = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=jinja2.select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    i18n.install(app[TEMPLATES])
    auth.install(app[TEMPLATES])
    dates.install(app[TEMPLATES])
    app.add_routes(ROUTES)
    app.router.add_static("/static", HERE / "static", name="static")
    app.add_subapp(API_PREFIX, create_api(services))
    app.cleanup_ctx.append(follow_the_log)
    app.on_cleanup.append(finish_blocking_work)
    return app


async def follow_the_log(app: web.Application) -> AsyncIterator[None]:
    """Other workers write events too: keep this worker's read models caught up."""
    services = app[SERVICES]
    interval = app[SETTINGS].follow_interval_s

    stop = asyncio.Event()

    async def loop() -> None:
        while not stop.is_set():
            try:
                await asyncio.to_thread(services.follower.catch_up)
            except Exception:  # keep serving; the next tick retries from the tracked position
                log.exception("projection follower failed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), interval)

    task = asyncio.create_task(loop())
    yield
    # Let a catch-up in flight finish: its thread holds a database connection.
    stop.set()
    await task


async def finish_blocking_work(app: web.Application) -> None:
    """Views run database work in the loop's default executor; a request cut short leaves its
    thread running. Let every such thread finish before the owner closes the services."""
    await asyncio.get_running_loop().shutdown_default_executor()
