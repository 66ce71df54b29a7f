"""How an update ended, as stored in the history's ``outcome`` column (standard library only).

Kept apart from ``results.py`` (which maps HTTP answers and needs json/html) so the
store and the window can name outcomes without loading those on the first-paint path.
"""

from enum import StrEnum


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
