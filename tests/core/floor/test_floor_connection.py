"""The floor's address, password and connection limits; its key for a token."""

from __future__ import annotations

import psycopg
import pytest
from psycopg.conninfo import conninfo_to_dict

from flxdesk.floor.connection import (
    KEYCHAIN_SERVICE,
    FloorAddressError,
    configured_url,
    conninfo,
    parse_address,
    stored_password,
)
from flxdesk.floor.token_key import token_key
from support.postgres import PostgresServer


def test_the_environment_wins_over_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FLXDESK_FLOOR_URL", raising=False)
    assert configured_url("") is None
    assert configured_url(" postgresql://a@h/f ") == (
        "postgresql://a@h/f",
        "floor_url in settings.json",
    )
    monkeypatch.setenv("FLXDESK_FLOOR_URL", "postgresql://b@h/f")
    assert configured_url("postgresql://a@h/f") == ("postgresql://b@h/f", "FLXDESK_FLOOR_URL")


def test_an_address_is_read_with_its_defaults() -> None:
    address = parse_address("postgresql://pack@db.example/flxdesk?sslmode=verify-full", "x")
    assert (address.user, address.host, address.port, address.dbname) == (
        "pack",
        "db.example",
        "5432",
        "flxdesk",
    )
    assert address.keychain_user == "pack@db.example:5432/flxdesk"


def test_a_password_in_the_address_is_refused_and_not_repeated() -> None:
    with pytest.raises(FloorAddressError) as refused:
        parse_address("postgresql://pack:hunter22@db/f", "floor_url in settings.json")
    assert "floor_url in settings.json holds a password" in str(refused.value)
    assert "hunter22" not in str(refused.value)


def test_every_connection_gets_short_limits_and_the_tls_asked_for() -> None:
    address = parse_address(
        "postgresql://pack@db/f?sslmode=verify-full&sslrootcert=system&options=-c%20x%3D1", "x"
    )
    params = conninfo_to_dict(conninfo(address, "pw", "flxdesk PACK-1"))
    assert params["sslmode"] == "verify-full" and params["sslrootcert"] == "system"
    assert params["connect_timeout"] == "2"
    assert params["keepalives"] == "1" and params["tcp_user_timeout"] == "3000"
    assert "-c x=1" in params["options"]
    assert "-c statement_timeout=2000" in params["options"]
    assert params["application_name"] == "flxdesk PACK-1"
    assert params["password"] == "pw"


def test_the_password_comes_from_the_keychain_under_the_floors_name(memory_keyring) -> None:
    address = parse_address("postgresql://pack@db/f", "x")
    assert stored_password(address) is None
    memory_keyring.set_password(KEYCHAIN_SERVICE, "pack@db:5432/f", "kept")
    assert stored_password(address) == "kept"


def test_no_keychain_leaves_the_password_to_libpq(broken_keyring) -> None:
    assert stored_password(parse_address("postgresql://pack@db/f", "x")) is None


def test_tls_with_the_os_trust_store_verifies_against_it(
    postgres: PostgresServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``sslrootcert=system`` is OpenSSL's default store, which SSL_CERT_FILE names here: a
    server it trusts is reached with verify-full; by name, not only by certificate."""
    monkeypatch.setenv("SSL_CERT_FILE", str(postgres.ca_file))
    url = postgres.url("postgres", sslmode="verify-full", sslrootcert="system")
    with psycopg.connect(url) as connection:
        assert connection.pgconn.ssl_in_use
    wrong_name = url.replace("127.0.0.1", "wrong.example") + "&hostaddr=127.0.0.1"
    with pytest.raises(psycopg.OperationalError) as refused:
        psycopg.connect(wrong_name, connect_timeout=2)
    assert "does not match host name" in str(refused.value)


def test_the_token_key_is_the_same_everywhere_and_reveals_nothing() -> None:
    secret = "ab" * 32
    key = token_key("the-shared-token", secret)
    assert key == token_key("the-shared-token", secret)
    assert key != token_key("the-shared-token", "cd" * 32)
    assert key != token_key("another-token", secret)
    assert key.startswith("t1:") and "shared" not in key
