"""The API token in the operating system's keychain, through ``keyring``, and nowhere else.

Every keychain failure becomes a KeychainUnavailable with a plain-language reason;
there is deliberately no fallback to a file. Callers may keep a token in memory for
one session instead (see the window's token flow).
"""

from __future__ import annotations

import logging

SERVICE_NAME = "flxdesk"
DEFAULT_PROFILE = "default"

log = logging.getLogger(__name__)


class KeychainUnavailable(RuntimeError):
    """No working keychain; ``str(error)`` explains it in words a non-expert can follow."""


def _plain_reason(error: Exception) -> str:
    import keyring.errors

    if isinstance(error, keyring.errors.NoKeyringError):
        return (
            "No system keychain is available on this computer (on Linux, a Secret Service "
            "such as GNOME Keyring or KWallet must be running)."
        )
    if isinstance(error, keyring.errors.InitError):
        return "The system keychain could not be opened. It may be locked."
    return f"The system keychain reported a problem ({type(error).__name__})."


def _call_keyring(action: str, function, *args):
    import keyring.errors

    try:
        return function(*args)
    except keyring.errors.PasswordDeleteError:
        raise
    except keyring.errors.KeyringError as error:
        # The backend's own text can echo arguments; log only the type.
        log.warning("Keychain %s failed: %s", action, type(error).__name__)
        raise KeychainUnavailable(_plain_reason(error)) from None


def load_token(profile: str = DEFAULT_PROFILE) -> str | None:
    """The stored token for ``profile``, or None when none is stored."""
    import keyring

    return _call_keyring("read", keyring.get_password, SERVICE_NAME, profile) or None


def save_token(token: str, profile: str = DEFAULT_PROFILE) -> None:
    import keyring

    _call_keyring("write", keyring.set_password, SERVICE_NAME, profile, token)


def forget_token(profile: str = DEFAULT_PROFILE) -> None:
    """Remove the stored token; forgetting a token that is not there is not an error."""
    import keyring
    import keyring.errors

    try:
        _call_keyring("delete", keyring.delete_password, SERVICE_NAME, profile)
    except keyring.errors.PasswordDeleteError:
        log.info("No stored token to forget for profile %s", profile)


def check_token_format(token: str) -> str:
    """Return the token without surrounding blanks, or raise ValueError with the reason."""
    token = token.strip()
    if not token:
        raise ValueError("The token is empty. Paste the API token from Flxpoint.")
    if any(ord(char) < 0x21 or ord(char) > 0x7E for char in token):
        raise ValueError(
            "The token contains spaces, line breaks or unusual characters. "
            "Copy it again from Flxpoint."
        )
    return token
