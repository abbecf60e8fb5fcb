"""Fixtures shared by every test: the two stores and the application built on each.

SQLite always runs. PostgreSQL runs when ROSTER_TEST_POSTGRES_URL is set (CI sets it); in CI
a missing PostgreSQL is a failure, never a silent skip. Each test gets its own schema.
"""

import os
import uuid
from collections.abc import Iterator

import pytest

from roster.bootstrap import build
from roster.services import Services

POSTGRES_URL = os.environ.get("ROSTER_TEST_POSTGRES_URL", "")
IN_CI = bool(os.environ.get("CI"))


def _postgres_schema_url() -> Iterator[str]:
    if not POSTGRES_URL:
        if IN_CI:
            pytest.fail("CI must test PostgreSQL: set ROSTER_TEST_POSTGRES_URL")
        pytest.skip("PostgreSQL not configured (set ROSTER_TEST_POSTGRES_URL)")
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    sep = "&" if "?" in POSTGRES_URL else "?"
    yield f"{POSTGRES_URL}{sep}schema={schema}"
    with psycopg.connect(POSTGRES_URL.split("?")[0], autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    """A fresh, empty database URL on each store."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'roster.sqlite'}"
    else:
        yield from _postgres_schema_url()


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'roster.sqlite'}"


@pytest.fixture
def services(store_url: str) -> Iterator[Services]:
    built = build(database_url=store_url, secret_key="test", create=True)
    yield built
    built.close()


@pytest.fixture
def sqlite_services(sqlite_url: str) -> Iterator[Services]:
    built = build(database_url=sqlite_url, secret_key="test", create=True)
    yield built
    built.close()
