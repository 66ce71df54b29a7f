"""A keychain for command-line subprocesses in tests: it holds the token given in
FLXDESK_TEST_KEYCHAIN_TOKEN. Chosen with PYTHON_KEYRING_BACKEND=support.env_keyring.EnvKeyring
and tests/ on PYTHONPATH; it never touches a real keychain.
"""

from __future__ import annotations

import os

import keyring.backend
import keyring.errors

TOKEN_VARIABLE = "FLXDESK_TEST_KEYCHAIN_TOKEN"


class EnvKeyring(keyring.backend.KeyringBackend):
    priority = 1

    def get_password(self, service: str, username: str) -> str | None:
        if (service, username) != ("flxdesk", "default"):
            return None
        return os.environ.get(TOKEN_VARIABLE)

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("this test keychain is read-only")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.PasswordDeleteError("this test keychain is read-only")
