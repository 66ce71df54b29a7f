from pathlib import Path

from flxdesk.settings import Settings, load_settings, save_settings


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    save_settings(path, Settings(api_url="https://example.test", profile="dock"))
    assert load_settings(path) == Settings(api_url="https://example.test", profile="dock")


def test_missing_or_broken_file_gives_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    assert load_settings(path) == Settings()
    path.write_text("{not json", encoding="utf-8")
    assert load_settings(path) == Settings()
    path.write_text('["a list"]', encoding="utf-8")
    assert load_settings(path) == Settings()


def test_unknown_keys_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"api_url": "https://x.test", "colour": "red"}', encoding="utf-8")
    assert load_settings(path) == Settings(api_url="https://x.test")
