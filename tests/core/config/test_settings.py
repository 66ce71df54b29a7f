"""settings.json: read when there, defaults when absent, and never a silent fallback to
the production API when it is there but cannot be used.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from flxdesk.config.settings import Settings, SettingsError, load_settings, save_settings
from flxdesk.flxpoint.demo_api import DEMO_TOKEN, DemoApi
from flxdesk.gui.start.startup import build_app
from flxdesk.host.paths import AppPaths


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    save_settings(path, Settings(api_url="https://example.test", profile="dock"))
    assert load_settings(path) == Settings(api_url="https://example.test", profile="dock")


def test_a_missing_file_gives_the_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "settings.json") == Settings()


def test_unknown_keys_are_ignored_and_a_bom_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(b'\xef\xbb\xbf{"api_url": "https://x.test", "colour": "red"}')
    assert load_settings(path) == Settings(api_url="https://x.test")


BROKEN = {
    "invalid JSON": (b'{"api_url": "https://test.example",}', "is not valid JSON (Expecting"),
    "invalid UTF-8": (b'{"api_url": "https://t\xe9st.example"}', "is not UTF-8 text (byte 0xe9"),
    "not an object": (b'["https://test.example"]', "must hold one JSON object"),
    "not text": (b'{"api_url": 443}', '"api_url" must be text'),
    "empty": (b"", "is not valid JSON"),
}


@pytest.mark.parametrize("name", BROKEN)
def test_a_broken_file_stops_with_its_name_and_the_problem(tmp_path: Path, name: str) -> None:
    content, problem = BROKEN[name]
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    with pytest.raises(SettingsError) as stopped:
        load_settings(path)
    message = str(stopped.value)
    assert message.startswith(f"The settings file {path} cannot be used: ")
    assert problem in message


def test_an_unreadable_file_stops_with_its_name(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.mkdir()  # unreadable as a file, also for root
    with pytest.raises(SettingsError, match="it is a folder"):
        load_settings(path)
    if os.name == "posix" and os.geteuid() != 0:
        path.rmdir()
        path.write_text("{}", encoding="utf-8")
        path.chmod(0)
        with pytest.raises(SettingsError, match=r"cannot be read \(Permission denied\)"):
            load_settings(path)


# --- no request anywhere ---------------------------------------------------------------


@pytest.fixture
def trap_proxy(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[socket.socket, str]]:
    """A loopback proxy that only listens: a fallback to https://api.flxpoint.com would
    connect here instead of leaving this machine, and the test would see it.
    """
    with socket.create_server(("127.0.0.1", 0)) as listener:
        yield listener, f"http://127.0.0.1:{listener.getsockname()[1]}"


def nothing_connected(listener: socket.socket) -> bool:
    listener.setblocking(False)
    try:
        listener.accept()[0].close()
    except BlockingIOError:
        return True
    return False


def broken_settings(home: Path, api: DemoApi, name: str) -> Path:
    """settings.json meant for the loopback test API, broken as ``name`` says."""
    home.mkdir(parents=True, exist_ok=True)
    path = home / "settings.json"
    if name == "unreadable":
        path.mkdir()
    elif name == "invalid UTF-8":
        path.write_bytes(f'{{"api_url": "{api.url}", "profile": "d'.encode() + b'\xe9pot"}')
    else:
        path.write_text(f'{{"api_url": "{api.url}",}}', encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["invalid JSON", "invalid UTF-8", "unreadable"])
def test_the_command_line_sends_nothing_with_broken_settings(
    flxdesk_home: Path, demo_api: DemoApi, trap_proxy: tuple[socket.socket, str], name: str
) -> None:
    listener, proxy = trap_proxy
    path = broken_settings(flxdesk_home, demo_api, name)
    env = dict(os.environ, FLXDESK_HOME=str(flxdesk_home), FLXDESK_TOKEN=DEMO_TOKEN)
    env.update(HTTPS_PROXY=proxy, https_proxy=proxy, ALL_PROXY=proxy, NO_PROXY="", no_proxy="")
    env.pop("FLXDESK_API_URL", None)
    done = subprocess.run(
        [sys.executable, "-m", "flxdesk", "update", "1001", "--status", "Closed"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert f"flxdesk: The settings file {path} cannot be used" in done.stderr
    assert demo_api.requests == []
    assert nothing_connected(listener)


def test_the_window_does_not_start_with_broken_settings(
    paths: AppPaths, demo_api: DemoApi, trap_proxy: tuple[socket.socket, str]
) -> None:
    listener, _ = trap_proxy
    path = broken_settings(paths.data_dir, demo_api, "invalid JSON")
    assert path == paths.settings_file
    with pytest.raises(SettingsError, match="not valid JSON"):
        build_app(paths, demo=False)
    assert demo_api.requests == []
    assert nothing_connected(listener)
