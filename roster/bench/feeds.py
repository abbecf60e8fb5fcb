"""Feeds under load: render a busy person's year, then serve feeds to a bounded client load.

The year is drafted and published by hand (no solver): one person on duty nearly every working
day, a few duties reassigned away so cancellations are in the feed too. The web app is passed
in by the CLI (the application layer must not import web) and listens on loopback only.
"""

import asyncio
import statistics
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import aiohttp

from domain.roster import month_bounds
from domain.summary import DraftSummary
from roster.bench.replay import months_from
from roster.demo.city import generate_city
from roster.demo.seed import seed
from roster.services import Services

ACTOR = "bench"
YEAR = "2026"


def seed_busy_year(services: Services) -> tuple[str, str, str]:
    """The small demo city plus a year of published duties; returns (person, station, county)."""
    seed(services, generate_city("small"))
    services.follower.catch_up()
    with services.db.reading() as cur:
        busy, station, county = cur.execute(
            "SELECT p.code, s.code, p.county_code FROM people p "
            "JOIN stations s ON s.unit_code = p.county_code "
            "WHERE p.role = 'lawyer' ORDER BY p.code, s.code LIMIT 1"
        ).fetchone()
        other = cur.execute(
            "SELECT code FROM people WHERE role = 'lawyer' AND code <> ? ORDER BY code LIMIT 1",
            (busy,),
        ).fetchone()[0]
    rosters = services.rosters
    for month in months_from(f"{YEAR}-01", 12):
        first, last = month_bounds(month)
        days = [first + timedelta(n) for n in range((last - first).days + 1)]
        placements = [(d, station, "am", 0, busy) for d in days if d.weekday() < 5]
        placements += [(d, station, "pm", 0, other) for d in days if d.weekday() < 5]
        rid = rosters.draft("duty-lawyers", county, month, placements, DraftSummary(), ACTOR)
        rosters.publish("duty-lawyers", county, month, ACTOR)
        roster = rosters.get("duty-lawyers", county, month)
        moved = sorted(a.id for a in roster.assignments.values() if a.person == busy)[:2]
        for duty in moved:
            rosters.reassign(rid, duty, other, ACTOR, "bench")
    return busy, station, county


def render_times(
    services: Services, person: str, cold: bool, rounds: int = 300
) -> tuple[list[float], int]:
    """Milliseconds to read the feed from the read models and render it, per round; `cold`
    forgets built feeds first, so every round reads and renders from scratch."""
    times = []
    size = 0
    for _ in range(rounds):
        if cold:
            services.feeds.forget()
        started = time.perf_counter()
        feed = services.feeds.person(person)
        feed.render()
        times.append((time.perf_counter() - started) * 1000)
        size = len(feed.duties)
    return times, size


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def serve_load(
    app: Any, paths: list[str], requests: int, concurrency: int
) -> dict[str, float]:
    """Serve `requests` requests from `concurrency` clients on 127.0.0.1; every other
    request revalidates with the ETag it was given, as a subscribed calendar does."""
    from aiohttp import web

    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    base = f"http://127.0.0.1:{port}"
    counts = {"200": 0, "304": 0, "other": 0}
    try:
        connector = aiohttp.TCPConnector(limit=concurrency)
        async with aiohttp.ClientSession(connector=connector) as session:
            etags = {}
            for path in paths:
                async with session.get(base + path) as r:
                    await r.read()
                    etags[path] = r.headers["ETag"]
            queue = iter(range(requests))

            async def client() -> None:
                for n in queue:
                    path = paths[n % len(paths)]
                    headers = {"If-None-Match": etags[path]} if n % 2 else {}
                    async with session.get(base + path, headers=headers) as r:
                        await r.read()
                        key = str(r.status) if r.status in (200, 304) else "other"
                        counts[key] += 1

            started = time.perf_counter()
            await asyncio.gather(*(client() for _ in range(concurrency)))
            elapsed = time.perf_counter() - started
    finally:
        await runner.cleanup()
    return {
        "requests": requests,
        "concurrency": concurrency,
        "requests_per_s": round(requests / elapsed, 1),
        "not_modified_share": round(counts["304"] / requests, 3),
        "errors": counts["other"],
    }


def run(
    services: Services,
    make_app: Callable[[Services], Any],
    requests: int = 2000,
    concurrency: int = 20,
    progress: Callable[[str], None] = lambda _: None,
) -> dict[str, Any]:
    progress("seed")
    person, station, county = seed_busy_year(services)
    progress("render")
    times, duties = render_times(services, person, cold=True)
    cached, _ = render_times(services, person, cold=False)
    links = [
        services.feed_tokens.issue("person", person, ACTOR).url,
        services.feed_tokens.issue("station", station, ACTOR).url,
    ]
    paths = ["/feeds/" + u.rsplit("/feeds/", 1)[1] for u in links]
    paths.append(f"/public/reception/{county}.ics")
    progress("serve")
    load = asyncio.run(serve_load(make_app(services), paths, requests, concurrency))
    return {
        "store": services.db.store_name,
        "duties_in_year_feed": duties,
        "render_ms_p50": round(statistics.median(times), 3),
        "render_ms_p99": round(percentile(times, 0.99), 3),
        "cached_ms_p50": round(statistics.median(cached), 3),
        **load,
    }
