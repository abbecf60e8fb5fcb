"""Hostile parameters against every route of the pages and the API: never a 5xx, and a refused
request (4xx) never records an event.

The routes come from the route tables, checked against the live app's router (the API's
query parameters from its OpenAPI document); the pages' query parameters and form fields are
found in web/'s source. So a new route or parameter is fuzzed without anyone listing it.
Two passes per route, as the administrator, a member and an anonymous visitor:
- a sweep: each known hostile value in every parameter at once, then in each path
  parameter whose pattern lets it through (0000-01 and 9999-12 match `[0-9]{4}-[0-9]{2}`);
- Hypothesis: real, pattern-drawn and hostile values mixed (derandomized: CI repeats it).
"""

import asyncio
import os
import re
import sys
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import quote, urlencode
from zoneinfo import ZoneInfo

import pytest
from aiohttp.test_utils import TestClient, TestServer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roster.bootstrap import build
from tests.e2e.auth_helpers import TOKEN, seed_city_with_accounts, sign_in
from tests.e2e.member_pages_helpers import COUNTY, LAWYER, publish_around_today, today
from web.api import PREFIX
from web.api import ROUTES as API_ROUTES
from web.api.openapi import DOCUMENT
from web.app import create_app
from web.routes import ROUTES as PAGE_ROUTES

WEB = Path(__file__).parents[2] / "web"
# aiohttp's own way of cutting a path into {name:regex} parts (regexes may hold {m,n}).
PART = re.compile(r"\{([_a-zA-Z][_a-zA-Z0-9]*)(?::([^{}]*(?:\{[^{}]*\}[^{}]*)*))?\}")
WHO = ("admin", "lvshi", "anonymous")  # lvshi is a member with a person of their own

HOSTILE = [
    "", "0", "-1", "²", "٣", "１２", "²⁰²⁶-¹²", "0000-01", "9999-12", "0000-00", "2026-13",
    "2026-02-30", "0001-01-01", "9999-12-31", "99999-01-01", "2026-12-01T25:61",
    "99999999999999999999999", "\x00", "a\x00b", "\n", "\u202eabc", "'; --", "%", "中" * 600,
]  # fmt: skip
VALUE = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=12),
    st.integers().map(str),
    st.from_regex(r"[0-9]{4}-[0-9]{2}(-[0-9]{2})?", fullmatch=True),
)
SKIP_POST = {"logout"}  # it would end the fuzzing session, not refuse anything
SLOW_POST = {"roster_draft"}  # a real roster would be solved: only values that name none
# Which real record a {code} names, by the path segment before it.
CODES = {"people": LAWYER, "stations": "S0001", "units": "370827", "firms": "F0004",
         "villages": "370827001001"}  # fmt: skip


def names_in(pattern: str, folder: str, glob: str) -> set[str]:
    found = set()
    for file in (WEB / folder).rglob(glob):
        found.update(re.findall(pattern, file.read_text(encoding="utf-8")))
    return found


# Every query parameter the pages read, every field their forms send (found in the source).
QUERY_GET = r'query\.get\(\s*"(\w+)"'
PAGE_QUERY = names_in(QUERY_GET, ".", "*.py") | names_in(QUERY_GET, "templates", "*.html")
FORM_FIELDS = (
    names_in(r'name="(\w+)"', "templates", "*.html")
    | names_in(r'field\("(\w+)"', "templates", "*.html")
    | names_in(r'(?:form|post)(?:\.get\(|\[)\s*"(\w+)"', "views", "*.py")
) - {"_csrf", "viewport"}


def plain(template: str) -> str:
    return PART.sub(lambda m: "{" + m[1] + "}", template)


def api_query(template: str) -> set[str]:
    operation = DOCUMENT["paths"][plain(template)]["get"]
    return {p["name"] for p in operation.get("parameters", []) if p["in"] == "query"}


ROUTES = [(r.method, r.path, r.kwargs["name"], "") for r in PAGE_ROUTES] + [
    (r.method, r.path, r.kwargs["name"], PREFIX) for r in API_ROUTES
]


def pool_post(services) -> str:
    """lvshi's duty of tomorrow posted to the pool, so the swap routes meet a real request:
    this month's re-draft is published and the county lets requests open until the start."""
    services.rosters.publish("duty-lawyers", COUNTY, f"{today():%Y-%m}", "test")
    services.swaps.set_rules(COUNTY, False, 0, "test")
    day = today() + timedelta(days=1)
    roster = services.rosters.get("duty-lawyers", COUNTY, f"{day:%Y-%m}")
    duty = next(a.id for a in roster.assignments.values() if (a.person, a.day) == (LAWYER, day))
    return services.swaps.request(roster.id.hex, duty, LAWYER, "lvshi", "pool")


class World:
    """One seeded app for the whole module, served on an event loop of our own, so Hypothesis
    can drive it from a plain function."""

    def __init__(self, tmp: Path) -> None:
        self.runner = asyncio.Runner()
        self.services = build(
            database_url=f"sqlite:///{tmp / 'roster.sqlite'}", secret_key="t", create=True
        )
        seed_city_with_accounts(self.services)
        duties = publish_around_today(self.services)
        swap = pool_post(self.services)
        self.api_tokens = {
            who: self.services.api_tokens.issue(who, "fuzz", "test").token
            for who in ("admin", "lvshi")
        }
        now = datetime.now(ZoneInfo("Asia/Shanghai")).replace(microsecond=0)
        absence = self.services.registry.declare_unavailable(
            LAWYER, now + timedelta(days=40), now + timedelta(days=41), "出差", "test"
        )
        self.real = {
            # the roster publish_around_today drafted, so its duties are found
            "kind": ["duty-lawyers"],
            "unit": ["370827"],
            "unit_code": ["370827"],
            "month": [f"{today():%Y-%m}"],
            "duty": [duties["duty"], duties["draft_duty"]],
            "assignment_id": [duties["duty"]],
            "code": sorted(CODES.values()),
            "station_code": ["S0001"],
            "county": ["370827", "370831"],
            "token": [self.services.feed_tokens.issue("person", LAWYER, "test").token],
            "interval_id": [absence],
            "swap": [swap],
        }
        day = today()
        self.good = sorted(
            {v for values in self.real.values() for v in values}
            | {day.isoformat(), (day + timedelta(days=1)).isoformat(), f"{day:%Y-%m}"}
            | {str(day.year + 1), "08:30", "17:30", "holiday", "workday", "issue", "rotate"}
            | {"revoke", "on", "1", "测试", "admin", "en"}
        )
        self.app = create_app(self.services, self.services.settings)
        self.clients: dict[str, tuple[TestClient, str]] = {}
        self.runner.run(self._start())

    async def _start(self) -> None:
        server = TestServer(self.app)  # one server; each client keeps its own cookies
        for who in WHO:
            client = TestClient(server)
            await client.start_server()
            if who != "anonymous":
                assert (await sign_in(client, who)).status == 302
            form = "/me/password" if who != "anonymous" else "/login"
            page = await (await client.get(form)).text()
            self.clients[who] = (client, TOKEN.search(page).group(1))

    def real_path(self, template: str, **instead: str) -> str:
        """The route's path naming real records, but for the values given `instead`."""

        def fill(found: re.Match) -> str:
            name = found[1]
            if name in instead:
                return quote(instead[name], safe="")
            if name == "code":
                return CODES[template[: found.start()].rstrip("/").rsplit("/", 1)[-1]]
            return self.real[name][0]

        return PART.sub(fill, template)

    def events(self) -> int:
        return self.services.store.recorder.max_notification_id() or 0

    def send(self, who: str, method: str, path: str, query: list, form: list, api: bool) -> None:
        client, csrf = self.clients[who]
        headers = {"X-CSRF-Token": csrf}
        if api and who in self.api_tokens:
            headers["Authorization"] = f"Bearer {self.api_tokens[who]}"
        data = None
        if method == "POST":
            data = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"

        async def exchange():
            response = await client.request(
                method, path, params=query, data=data, headers=headers, allow_redirects=False
            )
            return response, await response.read()

        before = self.events()
        response, body = self.runner.run(exchange())
        said = f"{method} {response.url} {form if method == 'POST' else ''} as {who}"
        assert response.status < 500, f"{said} → {response.status}: {body[:300]!r}"
        if 400 <= response.status < 500:
            assert self.events() == before, f"{said} → {response.status} recorded an event"
        if os.environ.get("FUZZ_STATUSES"):  # how deep the fuzz gets: which answers it meets
            print("FUZZ", method, path[:70], who, response.status, file=sys.stderr)

    def close(self) -> None:
        for client, _ in self.clients.values():
            self.runner.run(client.close())
        self.runner.close()
        self.services.close()


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    built = World(tmp_path_factory.mktemp("fuzz"))
    yield built
    built.close()


def test_the_fuzzed_routes_are_all_the_app_has(world):
    """Nothing routed escapes the fuzz: the pages' router, and the API's and its document."""
    resources = list(world.app.router.resources())
    api = next(r for r in resources if r.canonical == PREFIX)._app
    live = {(r.method, r.name) for r in [*world.app.router.routes(), *api.router.routes()]}
    live = {(m, n) for m, n in live if m != "HEAD" and n not in (None, "static")}
    assert live == {(m, n) for m, _, n, _ in ROUTES}
    for _, template, _, prefix in ROUTES:
        if prefix:
            api_query(template)  # documented, or a KeyError


def route_params(name: str, method: str, template: str, prefix: str) -> pytest.param:
    return pytest.param(method, prefix + template, name, bool(prefix), id=name)


PARAMS = [route_params(n, m, t, p) for m, t, n, p in ROUTES if not (m == "POST" and n in SKIP_POST)]


@pytest.mark.parametrize(("method", "template", "name", "api"), PARAMS)
def test_each_hostile_value_in_every_parameter(world, method, template, name, api):
    """The sweep: no value of the list gets through to a crash, in any parameter."""
    names = api_query(template[len(PREFIX) :]) if api else PAGE_QUERY
    fields = FORM_FIELDS if method == "POST" else set()
    if name not in SLOW_POST:
        path = world.real_path(template)
        for value in HOSTILE:
            query = [(n, value) for n in sorted(names)]
            form = [(f, value) for f in sorted(fields)]
            for who in WHO:
                world.send(who, method, path, query, form, api)
    for found in PART.finditer(template):
        pattern = re.compile(found[2] or "[^/]+")
        for value in filter(pattern.fullmatch, HOSTILE):
            path = world.real_path(template, **{found[1]: value})
            for who in WHO:
                world.send(who, method, path, [], [], api)


def path_strategy(template: str, real: dict[str, list[str]], slow: bool) -> st.SearchStrategy:
    """The route's path with each {name:regex} filled by a real, a matching or a hostile value."""
    pieces: list[st.SearchStrategy] = []
    last = 0
    for found in PART.finditer(template):
        pieces.append(st.just(template[last : found.start()]))
        name, regex = found[1], found[2] or "[^{}/]+"
        choices = [st.from_regex(regex, fullmatch=True), st.sampled_from(HOSTILE)]
        if name in real and not slow:
            choices.insert(0, st.sampled_from(real[name]))
        pieces.append(st.one_of(choices).map(lambda v: quote(v, safe="")))
        last = found.end()
    pieces.append(st.just(template[last:]))
    return st.tuples(*pieces).map("".join)


def fields_strategy(names: set[str], good: list[str]) -> st.SearchStrategy:
    """Any of the names, each with a good or a hostile value, and now and then a stray one."""
    value = st.one_of(st.sampled_from(good), VALUE)
    named = st.fixed_dictionaries({}, optional={n: value for n in sorted(names)})
    stray = st.lists(st.tuples(st.text(max_size=6), VALUE), max_size=1)
    return st.tuples(named, stray).map(lambda pair: [*pair[0].items(), *pair[1]])


FUZZ = settings(
    max_examples=10,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.mark.parametrize(("method", "template", "name", "api"), PARAMS)
def test_mixed_values_are_refused_never_a_crash(world, method, template, name, api):
    """Hypothesis: real, pattern-drawn and hostile values together, in any combination."""
    names = api_query(template[len(PREFIX) :]) if api else PAGE_QUERY

    @FUZZ
    @given(
        path=path_strategy(template, world.real, slow=name in SLOW_POST),
        query=fields_strategy(names, world.good),
        form=fields_strategy(FORM_FIELDS if method == "POST" else set(), world.good),
    )
    def hostile(path, query, form):
        for who in WHO:
            world.send(who, method, path, query, form, api)

    hostile()
