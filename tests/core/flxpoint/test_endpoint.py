import pytest

from flxdesk.flxpoint.endpoint import (
    DEFAULT_API_URL,
    InvalidApiUrl,
    resolve_api_url,
    validate_api_url,
)


def test_default_is_flxpoint() -> None:
    assert resolve_api_url() == DEFAULT_API_URL


def test_environment_overrides_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve_api_url("https://setting.example/") == "https://setting.example"
    monkeypatch.setenv("FLXDESK_API_URL", "http://127.0.0.1:8123")
    assert resolve_api_url("https://setting.example") == "http://127.0.0.1:8123"


@pytest.mark.parametrize("url", ["http://127.0.0.1:1", "http://localhost", "http://[::1]:80"])
def test_plain_http_allowed_only_for_loopback(url: str) -> None:
    assert validate_api_url(url) == url


@pytest.mark.parametrize(
    "url",
    ["http://api.flxpoint.com", "http://10.0.0.5", "ftp://x", "api.flxpoint.com", "https://a/?x=1"],
)
def test_refused_urls_say_why(url: str) -> None:
    with pytest.raises(InvalidApiUrl) as problem:
        validate_api_url(url)
    assert url in str(problem.value)
