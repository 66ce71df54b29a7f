"""The name a token's budget goes by on the floor: the same on every station, never the token.

Stations that share a token must find the same row on the floor without the token
reaching it. The key is an HMAC-SHA256 keyed by the floor's random secret (made by
``flxdesk floor init``) of the token stretched with scrypt (salted with the same
secret). The secret alone, or the key alone, says nothing about the token; with both,
guessing a token costs a scrypt per guess (16 MiB, tens of milliseconds), so even a
short token is not quick to find from the floor's contents. A station computes it once
per token and keeps it in memory only.
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
