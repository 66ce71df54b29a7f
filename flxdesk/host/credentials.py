"""The API token in the operating system's keychain, through ``keyring``, and nowhere else.

Every keychain failure becomes a KeychainUnavailable with a plain-language reason (also
the errors a backend lets through unwrapped, such as Windows' ``pywintypes.error``);
there is deliberately no fallback to a file. Callers may keep a token in memory for
one session instead (see the window's token flow).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from flxdesk.host.i18n import translate

if TYPE_CHECKING:
    from flxdesk.host.install_check import CheckResult

SERVICE_NAME = "flxdesk"
DEFAULT_PROFILE = "default"
MIN_TOKEN_LENGTH = 8
MAX_TOKEN_LENGTH = 1024
KEYCHAIN_SOURCE = "The API token saved in the keychain"

log = logging.getLogger(__name__)


class KeychainUnavailable(RuntimeError):
    """No working keychain; ``str(error)`` explains it in words a non-expert can follow."""


class InvalidToken(ValueError):
    """The text cannot be an API token; ``str(error)`` says why, never what the text is."""


def _plain_reason(error: Exception) -> str:
    import keyring.errors

    if isinstance(error, keyring.errors.NoKeyringError):
        return translate(
            "Credentials",
            "No system keychain is available on this computer (on Linux, a Secret Service "
            "such as GNOME Keyring or KWallet must be running).",
        )
    if isinstance(error, keyring.errors.InitError):
        return translate(
            "Credentials", "The system keychain could not be opened. It may be locked."
        )
    text = translate("Credentials", "The system keychain reported a problem ({error}).")
    return text.format(error=type(error).__name__)


# Windows error codes the Credential Manager gives when it cannot serve this session.
NO_LOGON_SESSION = 1312  # a scheduled task without the user's logon, SSH, the service stopped


def _windows_errors() -> tuple[type[BaseException], ...]:
    """``pywintypes.error`` of whichever binding keyring's Windows backend loaded.

    That backend lets these through unwrapped (not a KeyringError). Only modules already
    loaded are looked at: on other systems, and before the backend ran, there are none.
    """
    import sys

    names = ("win32ctypes.pywin32.pywintypes", "pywintypes")
    modules = (sys.modules.get(name) for name in names)
    return tuple(
        error
        for error in (getattr(module, "error", None) for module in modules)
        if isinstance(error, type) and issubclass(error, BaseException)
    )


def _windows_reason(error: BaseException) -> str:
    code = getattr(error, "winerror", None)
    if code == NO_LOGON_SESSION:
        return translate(
            "Credentials",
            "Windows Credential Manager cannot be used in this session (Windows error 1312: "
            "no logon session). This happens in a scheduled task set to run whether the user "
            "is logged on or not, over SSH, or when the Credential Manager service is stopped.",
        )
    return translate(
        "Credentials", "Windows Credential Manager reported a problem (Windows error {code})."
    ).format(code=code if code is not None else type(error).__name__)


_Args = ParamSpec("_Args")
_Result = TypeVar("_Result")


def _call_keyring(
    action: str, function: Callable[_Args, _Result], *args: _Args.args, **kwargs: _Args.kwargs
) -> _Result:
    import keyring.errors

    try:
        return function(*args, **kwargs)
    except keyring.errors.PasswordDeleteError:
        raise
    except keyring.errors.KeyringError as error:
        # The backend's own text can echo arguments; log only the type.
        log.warning("Keychain %s failed: %s", action, type(error).__name__)
        raise KeychainUnavailable(_plain_reason(error)) from None
    except Exception as error:  # a backend's own error, let through unwrapped
        if isinstance(error, _windows_errors()):
            code = getattr(error, "winerror", "?")
            log.warning("Keychain %s failed: Windows error %s", action, code)
            raise KeychainUnavailable(_windows_reason(error)) from None
        log.warning("Keychain %s failed: %s", action, type(error).__name__)
        raise KeychainUnavailable(_plain_reason(error)) from None


def load_token(profile: str = DEFAULT_PROFILE) -> str | None:
    """The stored token for ``profile``, or None when none is stored.

    Raises InvalidToken when the stored text cannot be a token (a line break pasted
    into the keychain by another tool would otherwise break every request).
    """
    import keyring

    stored = _call_keyring("read", keyring.get_password, SERVICE_NAME, profile)
    if not stored:
        return None
    try:
        return usable_token(stored, KEYCHAIN_SOURCE)
    except InvalidToken as problem:
        raise InvalidToken(
            translate(
                "Credentials",
                "{problem} Set it again in the flxdesk window: Token → Set or replace token…",
            ).format(problem=problem)
        ) from None


def save_token(token: str, profile: str = DEFAULT_PROFILE) -> None:
    import keyring

    _call_keyring("write", keyring.set_password, SERVICE_NAME, profile, token)


def load_secret(service: str, user: str) -> str | None:
    """Another secret flxdesk keeps in the keychain (the floor's password), or None."""
    import keyring

    return _call_keyring("read", keyring.get_password, service, user) or None


def save_secret(service: str, user: str, secret: str) -> None:
    import keyring

    _call_keyring("write", keyring.set_password, service, user, secret)


def forget_token(profile: str = DEFAULT_PROFILE) -> None:
    """Remove the stored token; forgetting a token that is not there is not an error."""
    import keyring
    import keyring.errors

    try:
        _call_keyring("delete", keyring.delete_password, SERVICE_NAME, profile)
    except keyring.errors.PasswordDeleteError:
        log.info("No stored token to forget for profile %s", profile)


def check_token_format(token: str) -> str:
    """Return the token without surrounding blanks, or raise InvalidToken with the reason.

    The one check for every token: typed in the dialog, read from the keychain, or
    given in FLXDESK_TOKEN. A token is printable ASCII without blanks (it travels in
    an HTTP header, where a line break would end the header and a control character
    is refused).
    """
    token = token.strip()
    if not token:
        raise InvalidToken(
            translate("Credentials", "The token is empty. Paste the API token from Flxpoint.")
        )
    if any(ord(char) < 0x21 or ord(char) > 0x7E for char in token):
        raise InvalidToken(
            translate(
                "Credentials",
                "The token contains spaces, line breaks or unusual characters. "
                "Copy it again from Flxpoint.",
            )
        )
    if not MIN_TOKEN_LENGTH <= len(token) <= MAX_TOKEN_LENGTH:
        raise InvalidToken(
            translate(
                "Credentials",
                "The token is {len} characters long; an API token has {min_token_length} "
                "to {max_token_length}. Copy it again from Flxpoint, whole.",
            ).format(
                len=len(token), min_token_length=MIN_TOKEN_LENGTH, max_token_length=MAX_TOKEN_LENGTH
            )
        )
    return token


def usable_token(raw: str, source: str) -> str:
    """``check_token_format`` for a token from ``source``, registered for log masking.

    Even a refused token is registered: whatever happens next, it never reaches a log.
    """
    from flxdesk.host.logging_setup import register_secret

    register_secret(raw)
    try:
        token = check_token_format(raw)
    except InvalidToken as problem:
        raise InvalidToken(
            translate("Credentials", "{source} cannot be used. {problem}").format(
                source=source, problem=problem
            )
        ) from None
    register_secret(token)
    return token


def keychain_check() -> CheckResult:
    """``--self-test``: the backend in use; the ``fail`` backend means the token could
    never be stored. Reads a probe entry, never writes."""
    from flxdesk.host.install_check import CheckResult

    name = "Keychain backend"
    try:
        import keyring
        import keyring.backends.fail

        backend = keyring.get_keyring()
        label = f"{type(backend).__module__}.{type(backend).__name__}"
        if isinstance(backend, keyring.backends.fail.Keyring):
            return CheckResult(
                name,
                False,
                f"{label}: NO working keychain. Tokens could only be kept for one session "
                "(on Linux, start a Secret Service such as GNOME Keyring).",
            )
        backend.get_password("flxdesk-self-test", "probe")  # reads, never writes
        return CheckResult(name, True, label)
    except Exception as error:
        return CheckResult(name, False, f"{type(error).__name__}: {error}")
