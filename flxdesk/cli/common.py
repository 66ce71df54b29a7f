"""What every command shares: the exit codes, a set-up problem, and finding the token.

Exit codes: 0 when everything asked for was done, 1 when some of it failed or was
refused (an update failed or left queued, a floor login refused), 2 when nothing could
be done: a usage, file or set-up problem, said in one sentence on stderr.
"""

from __future__ import annotations

import argparse
import os
import re
from enum import IntEnum
from typing import NoReturn

TOKEN_ENV = "FLXDESK_TOKEN"
# What a pasted token looks like in a usage error: a long run of letters and digits.
_TOKEN_LIKE = re.compile(r"(?<![\w/\\.-])(?=[\w+=-]*\d)(?=[\w+=-]*[A-Za-z])[\w+=-]{16,}")
# ... and what looks like a PIN (flxdesk.operators.pins): 4 to 12 digits on their own.
_PIN_LIKE = re.compile(r"(?<![\w/\\.:-])[0-9]{4,12}(?![\w/\\.:-])")


class Exit(IntEnum):
    OK = 0
    FAILED = 1  # some of it failed, was refused or was left queued
    USAGE = 2  # nothing done: usage, file or set-up problem


class SetupError(RuntimeError):
    """Cannot start sending; exit code 2 with this message."""


class Parser(argparse.ArgumentParser):
    """argparse, but a usage error never repeats what looks like a token or a PIN.

    argparse echoes what it could not place ("unrecognized arguments: ...", "invalid
    choice: ..."): a token pasted as an argument (or an operator's PIN, ``--pin 2468``)
    would reach the terminal, the scroll-back and any log that keeps stderr. Subparsers
    are made of the same class. An order ID of 4 to 12 digits is hidden too: the person
    has it on the command line they typed.
    """

    def error(self, message: str) -> NoReturn:
        super().error(hide_pin_like(hide_token_like(message)))


def hide_token_like(text: str) -> str:
    """``text`` with every long letters-and-digits value replaced by a note of its length."""
    return _TOKEN_LIKE.sub(
        lambda found: f"(a value of {len(found[0])} characters, not shown: it may be a token)",
        text,
    )


def hide_pin_like(text: str) -> str:
    """``text`` with every run of 4 to 12 digits on its own replaced by a note of its length."""
    return _PIN_LIKE.sub(
        lambda found: f"(a value of {len(found[0])} digits, not shown: it may be a PIN)", text
    )


def find_token(profile: str) -> str:
    """FLXDESK_TOKEN when set (automation), otherwise the keychain's token."""
    from flxdesk.host import credentials

    token = os.environ.get(TOKEN_ENV, "").strip()
    if token:
        return credentials.usable_token(token, TOKEN_ENV)
    try:
        stored = credentials.load_token(profile)
    except credentials.KeychainUnavailable as error:
        raise SetupError(
            f"{error} Set {TOKEN_ENV} instead, or run flxdesk in a desktop session."
        ) from None
    if not stored:
        raise SetupError(
            f"No API token. Start the flxdesk window once and set it (Token menu), "
            f"or set {TOKEN_ENV}."
        )
    return stored
