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
from support.network import closed_port
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


def test_a_locked_setting_wins_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLXDESK_FLOOR_URL", "postgresql://b@h/f")
    assert configured_url("postgresql://a@h/f", locked=True)[0] == "postgresql://a@h/f"
    assert configured_url("", locked=True) is None  # locked empty: no floor at all


def test_a_floor_beyond_loopback_gets_verify_full_and_scram_without_asking() -> None:
    address = parse_address("postgresql://pack1@floor.corp.example/flxdesk", "x")
    params = conninfo_to_dict(conninfo(address, None, "flxdesk PACK-1"))
    assert params["sslmode"] == "verify-full" and params["sslrootcert"] == "system"
    assert params["require_auth"] == "scram-sha-256"  # libpq 18 in the wheel
    assert address.tls == "verify-full, require_auth=scram-sha-256"
    own = parse_address("postgresql://p@db/f?sslmode=verify-full&sslrootcert=/ca.pem", "x")
    assert conninfo_to_dict(conninfo(own, None, "a"))["sslrootcert"] == "/ca.pem"


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::1]", "127.0.0.9"])
def test_a_floor_on_loopback_gets_what_it_asks_for(host: str) -> None:
    address = parse_address(f"postgresql://p@{host}:5432/f?sslmode=disable", "x")
    assert address.tls == "disable (loopback)"
    assert "require_auth" not in conninfo_to_dict(conninfo(address, None, "a"))


@pytest.mark.parametrize("mode", ["disable", "allow", "prefer", "require", "verify-ca"])
def test_a_weaker_mode_beyond_loopback_needs_the_machine_setting(mode: str) -> None:
    url = f"postgresql://p@floor.corp.example/f?sslmode={mode}"
    with pytest.raises(FloorAddressError) as refused:
        parse_address(url, "floor_url in settings.json")
    assert f"sslmode={mode}: TLS not verified" in str(refused.value)
    allowed = parse_address(url, "x", "unverified")
    assert allowed.tls.startswith(f"{mode}, not verified (floor_tls)")


@pytest.mark.parametrize(
    ("url", "part"),
    [
        ("postgresql://pack1:Sup3r%9zSecret@host/floor", "its user and password part"),
        ("postgresql://pack1@host/flo%zzor", "its database name"),
        ("postgresql://pack1@host/floor?sslmode=verify-full&x%9z=Sup3r", "its parameters"),
        ("host=h password='Sup3r", "its form"),
    ],
)
def test_an_address_libpq_cannot_read_is_named_by_its_part_never_its_text(
    url: str, part: str
) -> None:
    with pytest.raises(FloorAddressError) as refused:
        parse_address(url, "FLXDESK_FLOOR_URL")
    words = str(refused.value)
    assert part in words
    assert "Sup3r" not in words and "9z" not in words


def test_what_libpq_says_about_a_connection_is_never_echoed(postgres: PostgresServer) -> None:
    from flxdesk.floor.connection import connect, describe_error

    address = parse_address(postgres.url("postgres", port=closed_port()), "x")
    with pytest.raises(psycopg.OperationalError) as failed:
        connect(address, "pw-Sup3r", "a")
    words = describe_error(failed.value, address)
    assert words == f"the floor at {address.describe()} does not answer (no connection)"
    assert "refused" not in words.lower() and "Sup3r" not in words


def test_verify_full_reaches_a_floor_by_its_name_with_a_scram_password(
    postgres: PostgresServer, memory_keyring
) -> None:
    """No sslmode, a name beyond loopback: verify-full and scram-sha-256 are used; the
    superuser's trust login (no password asked) is refused by require_auth, in words."""
    from flxdesk.floor.connection import connect, describe_error
    from support.floor import station_role
    from support.postgres import FLOOR_TEST_NAME

    station_role(postgres, "pack_tls", "pack_tlspack_tls")
    base = f"@{FLOOR_TEST_NAME}:{postgres.port}/postgres?hostaddr=127.0.0.1"
    url = f"postgresql://pack_tls{base}&sslrootcert={postgres.ca_file}"
    address = parse_address(url, "x")
    with connect(address, "pack_tlspack_tls", "a") as connection:
        assert connection.pgconn.ssl_in_use
    trusted = parse_address(f"postgresql://postgres{base}&sslrootcert={postgres.ca_file}", "x")
    with pytest.raises(psycopg.OperationalError) as refused:
        connect(trusted, None, "a")
    assert "did not ask for a scram-sha-256 password" in describe_error(refused.value, trusted)
    untrusted = parse_address(f"postgresql://pack_tls{base}", "x")  # the OS store: no CA
    with pytest.raises(psycopg.OperationalError) as refused:
        connect(untrusted, "pack_tlspack_tls", "a")
    assert "TLS connection" in describe_error(refused.value, untrusted)


def write_settings(paths, document: dict) -> None:
    import json

    paths.settings_file.write_text(json.dumps(document), encoding="utf-8")


def test_the_self_test_names_the_tls_mode_also_when_the_floor_does_not_answer(paths) -> None:
    from flxdesk.self_test import floor_check as check_floor

    write_settings(paths, {"floor_url": f"postgresql://p@127.0.0.1:{closed_port()}/f"})
    result = check_floor(paths)
    assert not result.passed
    assert result.detail.endswith("does not answer (no connection) (TLS prefer (loopback))")
    write_settings(paths, {"floor_url": "postgresql://p@floor.invalid/f?sslmode=require"})
    result = check_floor(paths)
    assert not result.passed and "TLS not verified" in result.detail
    write_settings(paths, {"floor_url": "postgresql://p:Sup3r%9z@floor.invalid/f"})
    result = check_floor(paths)
    assert not result.passed and "Sup3r" not in result.detail


def test_the_self_test_fails_a_shared_or_too_powerful_login(
    postgres: PostgresServer, paths, memory_keyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    from flxdesk.self_test import floor_check as check_floor
    from support.floor import connect_as, floor_with_stations, publish_row, remember_password

    owner, urls = floor_with_stations(postgres, "pack_shared")
    remember_password(memory_keyring, urls["pack_shared"], "pack_shared")
    monkeypatch.setenv("FLXDESK_STATION", "PACK-1")
    write_settings(paths, {"floor_url": urls["pack_shared"]})
    assert check_floor(paths).passed, check_floor(paths).detail
    with connect_as(urls["pack_shared"], "pack_shared") as other:
        publish_row(other, "PACK-2", 1, "1001")  # a second station on the same login
    result = check_floor(paths)
    assert not result.passed
    assert "unsafe: the floor login pack_shared is shared with the station(s) PACK-2" in (
        result.detail
    )
    write_settings(paths, {"floor_url": owner})
    result = check_floor(paths)
    assert not result.passed and "is a superuser" in result.detail
