"""``flxdesk token set|check|forget``: the API token for scripts, without the window.

    flxdesk token set       the token from standard input, or a hidden prompt at a terminal
    flxdesk token check     asks Flxpoint which kind of token it is (GET /account)
    flxdesk token forget    removes it from the keychain

The token is never an argument (other users of the computer can read a process's
arguments) and is never printed. ``set`` checks its format before it is stored.
``check`` uses ``FLXDESK_TOKEN`` when set, as every command does, else the keychain's.
Exit codes: 0 done (for ``check``: a token Flxpoint accepts, Account or Source/Channel);
1 ``check`` found it refused (401) or could not ask (offline, another answer); 2 no
token, a token that cannot be one, or a keychain that does not work.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from flxdesk.cli.common import Exit, Parser, SetupError, find_token
from flxdesk.host.i18n import translate

if TYPE_CHECKING:
    from flxdesk.config.settings import Settings


def add_parser(commands: argparse._SubParsersAction[Parser]) -> None:
    token = commands.add_parser("token", help="set, check or forget the API token (keychain)")
    actions = token.add_subparsers(dest="token_action", required=True)
    actions.add_parser(
        "set", help="store the token: read from standard input, or asked for without echo"
    )
    actions.add_parser("check", help="ask Flxpoint whether it accepts the token, and its kind")
    actions.add_parser("forget", help="remove the stored token from the keychain")


def run_token(args: argparse.Namespace) -> int:
    from flxdesk.config.settings import load_settings
    from flxdesk.host import credentials
    from flxdesk.host.paths import app_paths

    try:
        settings = load_settings(app_paths().ensure().settings_file)
        if args.token_action == "set":
            return _set(settings.profile)
        if args.token_action == "forget":
            credentials.forget_token(settings.profile)
            _say(translate("TokenCommand", "The token is no longer in the keychain."))
            return Exit.OK
        return _check(settings)
    except (credentials.KeychainUnavailable, credentials.InvalidToken, ValueError) as problem:
        print(f"flxdesk: {problem}", file=sys.stderr)
        return Exit.USAGE


def _set(profile: str) -> int:
    from flxdesk.host import credentials

    raw = _read_token()
    token = credentials.usable_token(raw, translate("TokenCommand", "The token given"))
    credentials.save_token(token, profile)
    _say(
        translate(
            "TokenCommand",
            "The token is saved in the keychain. 'flxdesk token check' asks Flxpoint about it.",
        )
    )
    return Exit.OK


def _read_token() -> str:
    """Standard input when it is not a terminal (a script's pipe); else a hidden prompt."""
    if sys.stdin is not None and not sys.stdin.isatty():
        return sys.stdin.readline()
    import getpass

    return getpass.getpass(translate("TokenCommand", "API token (not shown): "))


def _check(settings: Settings) -> int:
    from flxdesk.flxpoint.client import FlxpointClient
    from flxdesk.flxpoint.endpoint import resolve_api_url

    try:
        token = find_token(settings.profile)
    except SetupError as problem:
        print(f"flxdesk: {problem}", file=sys.stderr)
        return Exit.USAGE
    api_url = resolve_api_url(settings.api_url, settings.is_locked("api_url"))
    client = FlxpointClient(api_url, token)
    try:
        checked = client.check_account()
    finally:
        client.close()
    _say(checked.words)
    return Exit.OK if checked.verdict.usable else Exit.FAILED


def _say(text: str) -> None:
    print(text, flush=True)
