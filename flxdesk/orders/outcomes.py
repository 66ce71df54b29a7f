"""How an update ended: one table that gives each outcome its finality and its words.

``Outcome`` is what the history's ``outcome`` column stores. ``OUTCOMES`` says, for each:

- ``finality``: final, or what the update waits for (the sending engine acts on it);
- ``worker``: what the person at the screen reads (the result line, the failure panel,
  the history's message), as a template that flxdesk.flxpoint.results fills in;
- ``supervisor``: the reason the shift summary gives for the updates that ended so.

A new kind of outcome is a member here and a row in the table (a test checks that
every outcome has all three); flxdesk.flxpoint.results then maps its cause to it.
Standard library only, so the store and the window can name outcomes without loading
results.py's json/html on the first-paint path.
"""

from __future__ import annotations

from enum import Enum, StrEnum
from typing import NamedTuple

from flxdesk.host.i18n import QT_TRANSLATE_NOOP, translate


class Outcome(StrEnum):
    SUCCESS = "success"
    BAD_REQUEST = "bad_request"
    UNAUTHORIZED = "unauthorized"
    FORBIDDEN = "forbidden"
    NOT_FOUND = "not_found"
    RATE_LIMITED = "rate_limited"
    SERVER_ERROR = "server_error"
    TIMEOUT = "timeout"
    OFFLINE = "offline"  # no connection could be made: the request never left
    CONNECTION_FAILED = "connection_failed"  # the connection broke, or a proxy/TLS problem
    # The server's certificate is not trusted: sending again cannot succeed until IT acts.
    CERTIFICATE_UNTRUSTED = "certificate_untrusted"
    UNEXPECTED = "unexpected"
    # Never sent, recorded so that nothing asked for vanishes:
    INVALID = "invalid"  # an imported or pasted row with a problem (empty ID, bad status)
    DISCARDED = "discarded"  # held for another destination; the person chose to drop it

    @property
    def finality(self) -> Finality:
        return OUTCOMES[self].finality


class Finality(Enum):
    """What becomes of an update that ended so: finished, or what it waits for."""

    SENT = "sent"  # Flxpoint took it
    FAILED = "failed"  # Flxpoint's answer, which sending again cannot change
    NEVER_SENT = "never_sent"  # recorded without being sent (a row with a problem, dropped)
    WAITS_FOR_CONNECTION = "waits_for_connection"  # offline: not a try used up
    WAITS_FOR_TOKEN = "waits_for_token"  # the token was refused: sent once a new one is set
    WAITS_FOR_PACE = "waits_for_pace"  # Flxpoint asked to slow down (429): not a try used up
    WAITS_FOR_FLXPOINT = "waits_for_flxpoint"  # not answering (5xx, timeout): a try used up

    @property
    def final(self) -> bool:
        return self in (Finality.SENT, Finality.FAILED, Finality.NEVER_SENT)


class Meaning(NamedTuple):
    finality: Finality
    worker: str  # a template of the "Results" context (see THEIR_OWN_WORDS)
    supervisor: str  # of the "ShiftReport" context


# The worker's words of an outcome whose cause always says it in words of its own: the
# check that refused an imported row (flxdesk.bulk.reading), the person's reason for
# dropping held updates (flxdesk.orders.destination). Nothing to translate.
THEIR_OWN_WORDS = "{reason}"

OUTCOMES: dict[Outcome, Meaning] = {
    Outcome.SUCCESS: Meaning(
        Finality.SENT,
        QT_TRANSLATE_NOOP("Results", "Order {order_id} set to {status}."),
        QT_TRANSLATE_NOOP("ShiftReport", "Sent"),
    ),
    Outcome.BAD_REQUEST: Meaning(
        Finality.FAILED,
        QT_TRANSLATE_NOOP(
            "Results", "Flxpoint refused the update of order {order_id} (400).{value}"
        ),
        QT_TRANSLATE_NOOP("ShiftReport", "Refused by Flxpoint (bad request)"),
    ),
    Outcome.UNAUTHORIZED: Meaning(
        Finality.WAITS_FOR_TOKEN,
        QT_TRANSLATE_NOOP(
            "Results",
            "Flxpoint did not accept the API token (401). Check that it was copied whole and "
            "is still active. Account, Source and Channel tokens are different tokens: use "
            "one made for this Flxpoint account.",
        ),
        QT_TRANSLATE_NOOP("ShiftReport", "API token refused"),
    ),
    Outcome.FORBIDDEN: Meaning(
        Finality.FAILED,
        QT_TRANSLATE_NOOP(
            "Results",
            "This API token may not change order {order_id} (403). Ask your Flxpoint "
            "administrator for a token with access to it.",
        ),
        QT_TRANSLATE_NOOP("ShiftReport", "Not allowed for this API token"),
    ),
    Outcome.NOT_FOUND: Meaning(
        Finality.FAILED,
        QT_TRANSLATE_NOOP(
            "Results", "Order {order_id} was not found in Flxpoint (404). Check the ID."
        ),
        QT_TRANSLATE_NOOP("ShiftReport", "Order not found in Flxpoint"),
    ),
    Outcome.RATE_LIMITED: Meaning(
        Finality.WAITS_FOR_PACE,
        QT_TRANSLATE_NOOP(
            "Results",
            "Flxpoint is limiting how fast this token may send (429). Too many updates were "
            "sent at once, possibly from another station using the same token.",
        ),
        QT_TRANSLATE_NOOP("ShiftReport", "Too many requests: Flxpoint slowed sending down"),
    ),
    Outcome.SERVER_ERROR: Meaning(
        Finality.WAITS_FOR_FLXPOINT,
        QT_TRANSLATE_NOOP(
            "Results",
            "Flxpoint had a problem on its side ({status_code}); order {order_id} "
            "was not updated. Try again in a few minutes.{said}",
        ),
        QT_TRANSLATE_NOOP("ShiftReport", "Flxpoint server error"),
    ),
    Outcome.TIMEOUT: Meaning(
        Finality.WAITS_FOR_FLXPOINT,
        QT_TRANSLATE_NOOP(
            "Results",
            "Flxpoint did not answer in time for order {order_id}. The update may or "
            "may not have been applied: check the order before sending it again.",
        ),
        QT_TRANSLATE_NOOP("ShiftReport", "No answer in time"),
    ),
    Outcome.OFFLINE: Meaning(
        Finality.WAITS_FOR_CONNECTION,
        QT_TRANSLATE_NOOP(
            "Results",
            "Could not connect to Flxpoint to update order {order_id}: this computer "
            "seems to be offline. The update waits and is sent when the connection "
            "is back.",
        ),
        QT_TRANSLATE_NOOP("ShiftReport", "No network"),
    ),
    Outcome.CONNECTION_FAILED: Meaning(
        Finality.WAITS_FOR_FLXPOINT,
        QT_TRANSLATE_NOOP(
            "Results", "Could not reach Flxpoint to update order {order_id}. {reason}"
        ),
        QT_TRANSLATE_NOOP("ShiftReport", "Connection failed"),
    ),
    Outcome.CERTIFICATE_UNTRUSTED: Meaning(
        Finality.FAILED,
        QT_TRANSLATE_NOOP(
            "Results",
            "Order {order_id} was not sent: the secure connection could not be "
            "verified, because this computer does not trust the server's "
            "certificate. Sending again cannot help until this is fixed. If your "
            "company inspects web traffic, IT must install its root certificate in "
            "the system.",
        ),
        QT_TRANSLATE_NOOP(
            "ShiftReport", "Server's certificate not trusted by this computer (for IT)"
        ),
    ),
    Outcome.UNEXPECTED: Meaning(
        Finality.FAILED,
        QT_TRANSLATE_NOOP(
            "Results",
            "Flxpoint gave an unexpected answer (HTTP {status_code}) for order {order_id}.{said}",
        ),
        QT_TRANSLATE_NOOP("ShiftReport", "Unexpected answer or error"),
    ),
    Outcome.INVALID: Meaning(
        Finality.NEVER_SENT,
        THEIR_OWN_WORDS,
        QT_TRANSLATE_NOOP(
            "ShiftReport", "Could not be sent (no ID, unknown status, duplicate row)"
        ),
    ),
    Outcome.DISCARDED: Meaning(
        Finality.NEVER_SENT,
        THEIR_OWN_WORDS,
        QT_TRANSLATE_NOOP(
            "ShiftReport", "Discarded by the person: it was held for another destination"
        ),
    ),
}


def worker_words(outcome: Outcome, **values: object) -> str:
    """What the person at the screen reads, in the window's language, ``values`` filled in."""
    return translate("Results", OUTCOMES[outcome].worker).format(**values)


def supervisor_words(outcome: str, *, english: bool = False) -> str:
    """The shift summary's reason for ``outcome`` (a stored value, perhaps an unknown one)."""
    try:
        words = OUTCOMES[Outcome(outcome)].supervisor
    except ValueError:  # empty, or a value this version does not know
        words = outcome or QT_TRANSLATE_NOOP("ShiftReport", "Unknown")
    return words if english else translate("ShiftReport", words)
