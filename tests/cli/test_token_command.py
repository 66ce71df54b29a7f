"""``flxdesk token set|check|forget``: the token for scripts, never on the command line or
printed; checked by asking Flxpoint (here a loopback server) which kind it is."""

from __future__ import annotations

import argparse
import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from flxdesk.flxpoint.demo_api import DEMO_TOKEN, DemoApi
from support.env_keyring import TOKEN_VARIABLE
from support.keychain import SECRET_SERVICE_TOOLS, run_with_secret_service
from support.paths import ROOT

TOKEN = "tok-3f9a-CHECK-me-0001"


def run_token(*args: str, env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "flxdesk", "token", *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture
def keychain_env(flxdesk_home: Path) -> dict[str, str]:
    """A subprocess whose keychain holds TOKEN (read-only test backend)."""
    env = dict(os.environ, FLXDESK_HOME=str(flxdesk_home))
    env.pop("FLXDESK_TOKEN", None)
    env |= {
        "PYTHON_KEYRING_BACKEND": "support.env_keyring.EnvKeyring",
        "PYTHONPATH": str(ROOT / "tests"),
        TOKEN_VARIABLE: TOKEN,
    }
    return env


ANSWERS = {
    200: (0, "an Account token"),
    403: (0, "a Source or Channel token. Update Order Status accepts it"),
    401: (1, "Flxpoint refused the token (401)"),
    503: (1, "Flxpoint answered 503 (down for maintenance): this says nothing"),
}


@pytest.mark.parametrize("code", ANSWERS)
def test_check_asks_flxpoint_and_says_which_kind(
    httpserver: HTTPServer, keychain_env: dict[str, str], code: int
) -> None:
    body = {"message": "down for maintenance"} if code == 503 else {}
    httpserver.expect_request(
        "/account", method="GET", headers={"X-API-TOKEN": TOKEN}
    ).respond_with_json(body, status=code)
    keychain_env["FLXDESK_API_URL"] = httpserver.url_for("").rstrip("/")
    done = run_token("check", env=keychain_env)
    exit_code, words = ANSWERS[code]
    assert done.returncode == exit_code, done.stderr
    assert words in done.stdout
    assert TOKEN not in done.stdout + done.stderr
    httpserver.check_assertions()


def test_check_offline_says_the_token_was_not_checked(keychain_env: dict[str, str]) -> None:
    import socket

    with socket.socket() as closed:  # a port nothing listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    keychain_env["FLXDESK_API_URL"] = f"http://127.0.0.1:{port}"
    done = run_token("check", env=keychain_env)
    assert done.returncode == 1
    assert "Flxpoint could not be reached" in done.stdout
    assert "the token was not checked" in done.stdout


def test_check_uses_flxdesk_token_and_the_demo_api_knows_its_own(
    keychain_env: dict[str, str], demo_api: DemoApi
) -> None:
    keychain_env |= {"FLXDESK_API_URL": demo_api.url, "FLXDESK_TOKEN": DEMO_TOKEN}
    done = run_token("check", env=keychain_env)
    assert (done.returncode, done.stdout.strip()) == (0, "Flxpoint accepts it: an Account token.")


def test_check_without_a_token_says_how_to_set_one(flxdesk_home: Path) -> None:
    env = dict(os.environ, FLXDESK_HOME=str(flxdesk_home), FLXDESK_API_URL="http://127.0.0.1:9")
    env.pop("FLXDESK_TOKEN", None)
    done = run_token("check", env=env)
    assert done.returncode == 2
    assert "flxdesk: " in done.stderr and "keychain" in done.stderr.lower()


def test_set_refuses_a_token_that_cannot_be_one(keychain_env: dict[str, str]) -> None:
    done = run_token("set", env=keychain_env, stdin="two words\n")
    assert done.returncode == 2
    assert "spaces, line breaks or unusual characters" in done.stderr
    assert "two words" not in done.stdout + done.stderr


def every_command(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    """(command words, parser) for every subcommand at every depth, leaves and groups."""
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from every_command(child, (*path, name))


def the_command_line_parser(monkeypatch: pytest.MonkeyPatch) -> argparse.ArgumentParser:
    """The parser ``flxdesk <command>`` builds, caught as it starts parsing."""
    from flxdesk.cli import commands

    caught: list[argparse.ArgumentParser] = []

    def catch(parser: argparse.ArgumentParser, *args: object, **kwargs: object) -> None:
        caught.append(parser)
        raise SystemExit(0)

    monkeypatch.setattr(argparse.ArgumentParser, "parse_args", catch)
    with pytest.raises(SystemExit):
        commands.parse_args(["token", "set"])
    monkeypatch.undo()
    return caught[0]


def test_the_token_is_never_an_argument(monkeypatch: pytest.MonkeyPatch) -> None:
    """No option or argument of any command is there to take a token or a password."""
    found = dict(every_command(the_command_line_parser(monkeypatch)))
    # the walk reaches every command, the token's and the floor's actions included
    assert {("bulk",), ("resume",), ("update",), ("report",)} <= found.keys()
    assert {("token", "set"), ("token", "check"), ("token", "forget")} <= found.keys()
    assert {("floor", "init"), ("floor", "login")} <= found.keys()
    taking_a_value = []
    for path, parser in found.items():
        for action in parser._actions:
            if action.nargs == 0 or isinstance(action, argparse._SubParsersAction):
                continue  # a flag (--demo, --help) carries no text
            names = " ".join([action.dest, *action.option_strings]).lower()
            taking_a_value.append(names)
            for secret in ("token", "password", "secret", "key"):
                assert secret not in names, f"flxdesk {' '.join(path)}: {names}"
    assert len(taking_a_value) >= 10  # --status, --note, --results, ID, FILE, ...
    for path in [("token", "set"), ("token", "check"), ("token", "forget"), ("floor", "login")]:
        with pytest.raises(SystemExit) as refused:
            found[path].parse_args([TOKEN])
        assert refused.value.code == 2  # nowhere to put it


def test_token_set_refuses_a_token_given_as_an_argument() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "flxdesk", "token", "set", TOKEN],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2  # argparse refuses it: there is nowhere to put it
    assert "unrecognized arguments" in done.stderr
    assert TOKEN not in done.stderr  # nor is it repeated on the terminal
    assert f"a value of {len(TOKEN)} characters, not shown" in done.stderr


@pytest.mark.parametrize(
    "argv",
    [
        ["TOKEN"],  # where the command goes: "invalid choice"
        ["update", "1001", "--status", "Closed", "TOKEN"],
        ["update", "1001", "--status", "TOKEN"],
        ["report", "--since", "TOKEN"],
        ["floor", "TOKEN"],
    ],
)
def test_no_usage_error_repeats_a_pasted_token(argv: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "flxdesk", *(TOKEN if a == "TOKEN" else a for a in argv)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2, done.stderr
    assert TOKEN not in done.stderr and TOKEN[:12] not in done.stderr
    assert "not shown: it may be a token" in done.stderr


def test_a_usage_error_still_names_an_ordinary_mistake() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "flxdesk", "update", "1001", "--status", "Closed", "--sttus", "x"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and "--sttus" in done.stderr


def test_at_a_terminal_set_asks_without_echo(flxdesk_home: Path) -> None:
    """A hidden prompt: what is typed never appears on the terminal."""
    env = dict(os.environ, FLXDESK_HOME=str(flxdesk_home))
    pid, terminal = pty.fork()
    if pid == 0:  # the child, on the pseudo-terminal
        os.execvpe(sys.executable, [sys.executable, "-m", "flxdesk", "token", "set"], env)
    seen = b""
    while b"API token (not shown): " not in seen:
        seen += os.read(terminal, 1024)
    os.write(terminal, TOKEN.encode() + b"\n")
    try:
        while chunk := os.read(terminal, 1024):
            seen += chunk
    except OSError:  # the child ended: the terminal is gone
        pass
    _, status = os.waitpid(pid, 0)
    os.close(terminal)
    assert TOKEN.encode() not in seen
    # The test keychain is the fail backend: the token was read, then could not be kept.
    assert os.waitstatus_to_exitcode(status) == 2
    assert b"keychain" in seen.lower()


@pytest.mark.skipif(
    not all(shutil.which(tool) for tool in SECRET_SERVICE_TOOLS),
    reason="needs gnome-keyring and dbus (installed by .ci/run)",
)
def test_set_check_forget_with_a_real_keychain(tmp_path: Path, flxdesk_home: Path) -> None:
    with DemoApi() as api:
        env = {"FLXDESK_HOME": str(flxdesk_home), "FLXDESK_API_URL": api.url}
        script = (
            f'printf "%s\\n" "{DEMO_TOKEN}" | "$0" -m flxdesk token set; echo "set=$?"; '
            '"$0" -m flxdesk token check; echo "check=$?"; '
            '"$0" -m flxdesk token forget; echo "forget=$?"; '
            '"$0" -m flxdesk token check; echo "after=$?"'
        )
        done = run_with_secret_service(tmp_path, "sh", "-c", script, sys.executable, extra_env=env)
    out = done.stdout
    assert "set=0" in out and "The token is saved in the keychain." in out, done.stderr
    assert "check=0" in out and "an Account token" in out
    assert "forget=0" in out and "no longer in the keychain" in out
    assert "after=2" in out
    assert DEMO_TOKEN not in out + done.stderr
