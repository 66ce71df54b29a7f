"""A token that cannot be one (a line break, a space inside) is refused wherever it comes
from, and never reaches a log file, stdout or stderr: the real command line, in a
subprocess, against the demo API.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from flxdesk.flxpoint.demo_api import DEMO_TOKEN, DemoApi
from support.env_keyring import TOKEN_VARIABLE
from support.paths import ROOT

TESTS = ROOT / "tests"
SECRET_PIECES = ("Zq8-secret-part", "second-secret-part")
BROKEN_TOKEN = f"{SECRET_PIECES[0]}\r\n{SECRET_PIECES[1]}"


def run_cli(home: Path, api: DemoApi, *, keychain: str, env_token: str = "") -> tuple:
    env = dict(
        os.environ,
        FLXDESK_HOME=str(home),
        FLXDESK_API_URL=api.url,
        PYTHON_KEYRING_BACKEND="support.env_keyring.EnvKeyring",
        PYTHONPATH=os.pathsep.join(filter(None, [str(TESTS), os.environ.get("PYTHONPATH")])),
    )
    env[TOKEN_VARIABLE] = keychain
    env.pop("FLXDESK_TOKEN", None)
    if env_token:
        env["FLXDESK_TOKEN"] = env_token
    done = subprocess.run(
        [sys.executable, "-m", "flxdesk", "update", "1001", "--status", "Closed"],
        env=env,
        capture_output=True,
        timeout=120,
    )
    files = b"".join(path.read_bytes() for path in home.rglob("*") if path.is_file())
    return done, files


def assert_nowhere(token: str, *texts: bytes) -> None:
    for text in texts:
        lowered = text.lower()
        for piece in [token, *token.split()]:
            assert piece.lower().encode() not in lowered
        assert repr(token)[1:-1].lower().encode() not in lowered


def test_a_keychain_token_with_a_line_break_is_refused_and_never_written(
    flxdesk_home: Path, demo_api: DemoApi
) -> None:
    done, files = run_cli(flxdesk_home, demo_api, keychain=BROKEN_TOKEN)
    assert done.returncode == 2
    stderr = done.stderr.decode()
    assert "The API token saved in the keychain cannot be used." in stderr
    assert "line breaks" in stderr
    assert demo_api.requests == []  # nothing was sent with it
    assert (flxdesk_home / "logs" / "flxdesk.log").is_file()
    assert_nowhere(BROKEN_TOKEN, done.stdout, done.stderr, files)


def test_an_environment_token_with_a_line_break_is_refused_and_never_written(
    flxdesk_home: Path, demo_api: DemoApi
) -> None:
    done, files = run_cli(flxdesk_home, demo_api, keychain="", env_token=BROKEN_TOKEN)
    assert done.returncode == 2
    assert "FLXDESK_TOKEN cannot be used." in done.stderr.decode()
    assert demo_api.requests == []
    assert_nowhere(BROKEN_TOKEN, done.stdout, done.stderr, files)


@pytest.mark.parametrize("stored", [f"{DEMO_TOKEN}\r\n", f"  {DEMO_TOKEN}\n"])
def test_a_keychain_token_with_a_trailing_line_break_is_trimmed_and_works(
    flxdesk_home: Path, demo_api: DemoApi, stored: str
) -> None:
    done, files = run_cli(flxdesk_home, demo_api, keychain=stored)
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().startswith("sent\t1001\tClosed")
    (seen,) = demo_api.requests
    assert seen.headers["x-api-token"] == DEMO_TOKEN
    assert_nowhere(DEMO_TOKEN, done.stdout, done.stderr, files)
