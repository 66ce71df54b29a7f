"""Windows Credential Manager where the session has no logon (a scheduled task set to run
whether the user is logged on or not, SSH, the vault service stopped): every call raises
``pywintypes.error`` 1312, which keyring's Windows backend lets through unwrapped.

``PYTHON_KEYRING_BACKEND=support.windows.credential_manager.NoLogonSession`` with tests/ and
tests/support/windows/ on PYTHONPATH for a child process; ``keyring.set_keyring`` in a test
that has put the stand-in pywintypes in ``sys.modules``.
"""

from __future__ import annotations

import keyring.backend

NO_LOGON_SESSION = 1312
MESSAGE = "A specified logon session does not exist. It may already have been terminated."


class NoLogonSession(keyring.backend.KeyringBackend):
    priority = 1

    @staticmethod
    def _fail(function: str):
        import pywintypes  # the stand-in (support/windows/pywintypes.py)

        raise pywintypes.error(NO_LOGON_SESSION, function, MESSAGE)

    def get_password(self, service: str, username: str) -> str | None:
        self._fail("CredRead")

    def set_password(self, service: str, username: str, password: str) -> None:
        self._fail("CredWrite")

    def delete_password(self, service: str, username: str) -> None:
        self._fail("CredRead")
