"""The token lives in the keychain only; a missing keychain is reported in plain words."""

import pytest

from flxdesk import credentials
from support.keychain import MemoryKeyring


def test_save_load_forget(memory_keyring: MemoryKeyring) -> None:
    assert credentials.load_token() is None
    credentials.save_token("abc")
    assert memory_keyring.passwords == {("flxdesk", "default"): "abc"}
    assert credentials.load_token() == "abc"
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
    assert credentials.check_token_format("  abc123 \n") == "abc123"
    with pytest.raises(ValueError, match="empty"):
        credentials.check_token_format("  ")
    with pytest.raises(ValueError, match="line breaks"):
        credentials.check_token_format("abc\ndef")
