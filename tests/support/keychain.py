"""Test keychains, never the developer's own: one in a test's memory, and a real Secret
Service (GNOME Keyring on a private D-Bus) for subprocesses."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import keyring
import keyring.backend
import keyring.errors


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


SECRET_SERVICE_TOOLS = ("dbus-run-session", "gnome-keyring-daemon")
UNLOCK_AND_RUN = (
    'printf %s "$KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets'
    ' >/dev/null && exec "$@"'
)


def run_with_secret_service(
    tmp_path: Path, *command: str, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """Run ``command`` in a private D-Bus session with a fresh, unlocked GNOME Keyring
    (fresh for each ``tmp_path``: a second call with the same one finds what was stored)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHON_KEYRING_BACKEND"}
    env |= extra_env or {}
    env |= {
        "XDG_DATA_HOME": str(tmp_path / "xdg-data"),
        "KEYRING_PASSWORD": "flxdesk-test-only",
        "QT_QPA_PLATFORM": "offscreen",
    }
    return subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", UNLOCK_AND_RUN, "sh", *command],
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
    )
