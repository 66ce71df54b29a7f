"""The name a token's budget goes by on the floor: the same on every station, never the token.

Stations that share a token must find the same row on the floor without the token
reaching it. The key is an HMAC-SHA256, keyed by the floor's random secret (made by
``flxdesk floor init``, in ``flxdesk.meta``), of the token stretched with scrypt salted
with the same secret (16 MiB, tens of milliseconds a guess). A station computes it once
per token and keeps it in memory only.

What this protects, and what it does not. Every station login reads the secret (each
needs it to compute the same key: stations agree by reading it), and so does anyone
with a backup of the floor. The secret is therefore a per-floor salt, not a secret from
a station or a backup: it makes a key useless on another floor and rules out tables
computed in advance. The token's only protection on the floor is scrypt's cost: whoever
holds a key (the floor's owner, a backup; station logins cannot read the budgets table)
and the secret can test guesses at one scrypt each. A Flxpoint token is long and random,
so guessing it is hopeless; a short or guessable token would not be safe.
"""

from __future__ import annotations

import hashlib
import hmac

SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
KEY_PREFIX = "t1:"  # the derivation's version, should it ever change


def token_key(token: str, floor_secret: str) -> str:
    """The floor's key for ``token`` (hex, with its derivation's version)."""
    secret = floor_secret.encode("ascii")
    stretched = hashlib.scrypt(
        token.encode("utf-8"), salt=secret, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32
    )
    return KEY_PREFIX + hmac.new(secret, stretched, hashlib.sha256).hexdigest()
