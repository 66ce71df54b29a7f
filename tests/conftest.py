"""Shared fixtures: offscreen Qt, a private data folder and a private keychain per test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Subprocesses started by tests must never reach the developer's keychain either.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backend
import keyring.backends.fail
import pytest

from flxdesk.demo_api import DemoApi
from flxdesk.paths import AppPaths, app_paths


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keychain that lives in this test's memory only."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.passwords.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("not found")


@pytest.fixture(autouse=True)
def flxdesk_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "flxdesk-home"
    monkeypatch.setenv("FLXDESK_HOME", str(home))
    monkeypatch.delenv("FLXDESK_API_URL", raising=False)
    return home


@pytest.fixture
def paths(flxdesk_home: Path) -> AppPaths:
    return app_paths().ensure()


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def broken_keyring(memory_keyring: MemoryKeyring) -> None:
    """No keychain at all, as on Linux without a Secret Service."""
    keyring.set_keyring(keyring.backends.fail.Keyring())


@pytest.fixture
def demo_api() -> Iterator[DemoApi]:
    with DemoApi() as api:
        yield api
