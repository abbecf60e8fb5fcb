"""Browser tests: the real app on a free loopback port, driven by the system's headless Chromium.

Chromium comes from Debian (`.ci/run` installs it); Playwright only drives it and downloads
nothing. Screenshots of the pages land in test-output/screenshots/ for people to look at.
"""

import asyncio
import os
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiohttp import web

from roster.bootstrap import build
from tests.e2e.auth_helpers import seed_city_with_accounts
from web.app import create_app

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"]  # fmt: skip
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def live_seed():
    """What a test module adds to the demo city before serving it; override per module."""
    return lambda services: None


@pytest.fixture(scope="module")
def live_server(tmp_path_factory, live_seed) -> Iterator[str]:
    """The small demo city with one account per role, served until the module ends."""
    services = build(
        database_url=f"sqlite:///{tmp_path_factory.mktemp('browser') / 'roster.sqlite'}",
        secret_key="browser-tests",
        create=True,
    )
    seed_city_with_accounts(services)
    live_seed(services)
    port = _free_port()
    loop = asyncio.new_event_loop()
    runner = web.AppRunner(create_app(services, services.settings))
    ready = threading.Event()

    def serve() -> None:  # its own thread and loop: the tests' thread may hold a loop already
        asyncio.set_event_loop(loop)
        loop.run_until_complete(runner.setup())
        loop.run_until_complete(web.TCPSite(runner, "127.0.0.1", port).start())
        ready.set()
        loop.run_forever()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    assert ready.wait(timeout=30), "the test server did not start"
    yield f"http://127.0.0.1:{port}"
    asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(timeout=30)
    loop.call_soon_threadsafe(loop.stop)
    thread.join(timeout=10)
    services.close()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("CI must run the browser tests: install Debian's chromium")
        pytest.skip("no system Chromium at /usr/bin/chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(
        base_url=live_server, locale="zh-CN", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    yield page
    context.close()


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def sign_in(page, username: str, password: str = "shifan-2026") -> None:
    page.goto("/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
