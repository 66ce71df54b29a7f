"""What every command shares: the exit codes, a set-up problem, and finding the token.

Exit codes: 0 when everything asked for was done, 1 when some of it failed or was
refused (an update failed or left queued, a floor login refused), 2 when nothing could
be done: a usage, file or set-up problem, said in one sentence on stderr.
"""

from __future__ import annotations

import os
from enum import IntEnum

TOKEN_ENV = "FLXDESK_TOKEN"


class Exit(IntEnum):
    OK = 0
    FAILED = 1  # some of it failed, was refused or was left queued
    USAGE = 2  # nothing done: usage, file or set-up problem


class SetupError(RuntimeError):
    """Cannot start sending; exit code 2 with this message."""


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
