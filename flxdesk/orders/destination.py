"""Where a queued update is meant to go: the API base URL and the token it was queued under.

Each queued row records its destination, and the queue engine sends a row only to
the destination it was queued for. The token itself is never stored: a salted hash
of it (the fingerprint) tells "same token" from "another token" and nothing more.
The salt is random per history file, so fingerprints from two files cannot be
compared, and a fingerprint cannot be checked against a list of known tokens
without that file.

A row whose fingerprint is empty was queued while no token was known yet (the
keychain was still being read, or none was set): it goes with the first token the
person gives, as it always did. A row whose URL is empty was queued before flxdesk
recorded destinations (history files from before schema version 2), perhaps in the
demo: it is held like any other until the person chooses.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

from flxdesk.host.i18n import translate

DEMO_DESTINATION = "demo"  # the embedded demo API, whatever port it listens on this time
UNRECORDED = ""
FINGERPRINT_HEX_CHARS = 32


class Destination(NamedTuple):
    api_url: str  # the API base URL, or DEMO_DESTINATION
    token_fp: str = ""  # token_fingerprint() of the token, "" when none was known


def token_fingerprint(token: str, salt: str) -> str:
    """A salted hash of ``token`` (HMAC-SHA256 keyed with the file's salt), shortened."""
    import hashlib  # here, not at the top: loading OpenSSL would slow the first paint
    import hmac

    digest = hmac.new(bytes.fromhex(salt), token.encode("utf-8"), hashlib.sha256)
    return digest.hexdigest()[:FINGERPRINT_HEX_CHARS]


def describe_url(api_url: str) -> str:
    """The destination's URL in words for the person."""
    if api_url == DEMO_DESTINATION:
        return translate("Destination", "the built-in demo API")
    if api_url == UNRECORDED:
        return translate("Destination", "an unrecorded destination")
    return api_url


class HeldReason(StrEnum):
    OTHER_URL = "other_url"  # queued for another API address
    OTHER_TOKEN = "other_token"  # same address, queued under another token
    UNRECORDED = "unrecorded"  # queued by a flxdesk that did not record destinations


class HeldGroup(NamedTuple):
    """Queued rows that share one destination other than the current one."""

    api_url: str
    token_fp: str
    updates: int  # how many (not "count": that would hide tuple.count)

    def reason(self, current: Destination) -> HeldReason:
        if self.api_url == UNRECORDED:
            return HeldReason.UNRECORDED
        if self.api_url != current.api_url:
            return HeldReason.OTHER_URL
        return HeldReason.OTHER_TOKEN  # held with the same URL: queued under another token

    def describe(self, current: Destination) -> str:
        """Why these rows wait, in one or two plain sentences."""
        if self.updates == 1:  # English "was/were": two texts, each with its translation
            updates = translate("Destination", "1 update was")
        else:
            count = self.updates
            updates = translate("Destination", "%n updates were", None, count)
        now = describe_url(current.api_url)
        reason = self.reason(current)
        if reason is HeldReason.UNRECORDED:
            return translate(
                "Destination",
                "{updates} queued before flxdesk recorded where each update goes (by an "
                "older version, perhaps in the demo); they are held. flxdesk now sends "
                "to {now}.",
            ).format(updates=updates, now=now)
        if reason is HeldReason.OTHER_TOKEN:
            return translate(
                "Destination", "{updates} queued under a different API token; they are held."
            ).format(updates=updates)
        return translate(
            "Destination",
            "{updates} queued for {describe_url}; they are held. flxdesk now sends to {now}.",
        ).format(updates=updates, describe_url=describe_url(self.api_url), now=now)

    def discard_reason(self, current: Destination) -> str:
        """What the history says about each discarded row."""
        if self.reason(current) is HeldReason.OTHER_TOKEN:
            return translate(
                "Destination", "Discarded by the person: it was queued under a different API token."
            )
        return translate(
            "Destination",
            "Discarded by the person: it was queued for {describe_url}, not for {describe_url2}.",
        ).format(
            describe_url=describe_url(self.api_url), describe_url2=describe_url(current.api_url)
        )
