"""The web app through its own factory: overview, health, and error pages."""

import pytest

from roster.demo.city import generate_city
from roster.demo.seed import seed
from web.app import create_app


@pytest.fixture
async def client(aiohttp_client, sqlite_services):
    seed(sqlite_services, generate_city("small"))
    sqlite_services.follower.catch_up()
    return await aiohttp_client(create_app(sqlite_services, sqlite_services.settings))


async def test_overview_shows_the_city(client):
    response = await client.get("/")
    assert response.status == 200
    html = await response.text()
    assert "济宁市公共法律服务概览" in html and "鱼台县" in html


async def test_health_reports_read_model_positions(client):
    response = await client.get("/health")
    body = await response.json()
    assert response.status == 200 and body["status"] == "ok"
    assert {"registry", "duties", "changes", "feed_tokens"} <= set(body["read_models"])


async def test_unknown_pages_get_the_404_page(client):
    response = await client.get("/no/such/page")
    assert response.status == 404
    assert "页面不存在" in await response.text()
