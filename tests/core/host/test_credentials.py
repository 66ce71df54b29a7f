"""The token lives in the keychain only; a missing keychain is reported in plain words."""

import sys

import keyring
import pytest

from flxdesk.host import credentials
from support.keychain import MemoryKeyring


def test_save_load_forget(memory_keyring: MemoryKeyring) -> None:
    assert credentials.load_token() is None
    credentials.save_token("abc-token-1")
    assert memory_keyring.passwords == {("flxdesk", "default"): "abc-token-1"}
    assert credentials.load_token() == "abc-token-1"
    credentials.forget_token()
    assert credentials.load_token() is None
    credentials.forget_token()  # forgetting twice is fine


@pytest.mark.usefixtures("broken_keyring")
def test_missing_keychain_is_explained() -> None:
    with pytest.raises(credentials.KeychainUnavailable, match="No system keychain"):
        credentials.save_token("abc")
    with pytest.raises(credentials.KeychainUnavailable):
        credentials.load_token()


def test_token_format() -> None:
    assert credentials.check_token_format("  abc12345 \n") == "abc12345"
    with pytest.raises(credentials.InvalidToken, match="empty"):
        credentials.check_token_format("  ")
    for broken in ("abc12345\ndef", "abc12345\r\ndef", "abc 12345", "abc\x0712345", "abcé12345"):
        with pytest.raises(credentials.InvalidToken, match="line breaks") as refused:
            credentials.check_token_format(broken)
        assert "abc" not in str(refused.value)
    for length in (7, 1025):
        with pytest.raises(credentials.InvalidToken, match=f"{length} characters long"):
            credentials.check_token_format("a" * length)


def test_a_keychain_token_gets_the_same_check(memory_keyring: MemoryKeyring) -> None:
    memory_keyring.set_password("flxdesk", "default", "Zq8-secret\r\nX-Other: 1")
    with pytest.raises(credentials.InvalidToken) as refused:
        credentials.load_token()
    message = str(refused.value)
    assert message.startswith("The API token saved in the keychain cannot be used.")
    assert "line breaks" in message and "Token → Set or replace token" in message
    assert "Zq8" not in message
    memory_keyring.set_password("flxdesk", "default", "Zq8-secret-token\r\n")
    assert credentials.load_token() == "Zq8-secret-token"  # a trailing line break is trimmed


@pytest.mark.usefixtures("no_logon_session_keyring")
@pytest.mark.parametrize(
    "action",
    [
        credentials.load_token,
        lambda: credentials.save_token("abc-token-1"),
        credentials.forget_token,
    ],
    ids=["load", "save", "forget"],
)
def test_windows_credential_manager_without_a_logon_session_is_explained(action) -> None:
    """keyring's Windows backend lets pywintypes.error through (1312 in a scheduled task)."""
    with pytest.raises(credentials.KeychainUnavailable) as refused:
        action()
    reason = str(refused.value)
    assert "Windows Credential Manager cannot be used in this session" in reason
    assert "Windows error 1312" in reason and "scheduled task" in reason
    assert "abc-token-1" not in reason


def test_another_windows_error_names_its_code(memory_keyring, monkeypatch) -> None:
    from support.windows import pywintypes

    class AccessDenied(MemoryKeyring):
        def get_password(self, service: str, username: str) -> str | None:
            raise pywintypes.error(5, "CredRead", "Access is denied.")

    monkeypatch.setitem(sys.modules, "pywintypes", pywintypes)
    keyring.set_keyring(AccessDenied())
    with pytest.raises(credentials.KeychainUnavailable, match=r"problem \(Windows error 5\)"):
        credentials.load_token()


def test_any_other_error_a_backend_lets_through_is_explained(memory_keyring) -> None:
    class Broken(MemoryKeyring):
        def get_password(self, service: str, username: str) -> str | None:
            raise OSError("the vault file is damaged")

    keyring.set_keyring(Broken())
    with pytest.raises(credentials.KeychainUnavailable, match=r"a problem \(OSError\)"):
        credentials.load_token()
