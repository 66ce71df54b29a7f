"""Fixtures for the floor's tests: one real PostgreSQL per session, a database per test.

Loaded by tests/conftest.py as a pytest plugin. The server is started the first time a
test asks for it (about 3 s for ``initdb``), so the rest of the suite does not pay
for it. A test that kills, stops or slows its server asks for ``own_postgres`` and
gets a server of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from support.postgres import PostgresServer
from support.tcp_proxy import LatencyProxy


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """The session's PostgreSQL server; tests must not stop or slow it."""
    server = PostgresServer()
    try:
        yield server.start()
    finally:
        server.close()


@pytest.fixture
def floor_db(postgres: PostgresServer) -> str:
    """A new, empty database on the session's server; its libpq URI as the superuser."""
    return postgres.url(postgres.new_database())


@pytest.fixture
def own_postgres() -> Iterator[PostgresServer]:
    """A server for this test alone, which it may kill, stop and start again."""
    server = PostgresServer()
    try:
        yield server.start()
    finally:
        server.close()


@pytest.fixture
def proxy_to() -> Iterator[Callable[[int], LatencyProxy]]:
    """``proxy_to(port)``: a LatencyProxy in front of a server; all closed afterwards."""
    proxies: list[LatencyProxy] = []

    def make(port: int) -> LatencyProxy:
        proxy = LatencyProxy(port)
        proxies.append(proxy)
        return proxy

    yield make
    for proxy in proxies:
        proxy.close()
