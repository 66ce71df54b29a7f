"""Which kind of token this is, asked of Flxpoint: ``GET /account`` (``flxdesk token check``).

Flxpoint answers ``/account`` with 200 only for an Account token; a Source or Channel
token gets 403 there although Update Order Status accepts it; a token it does not know
gets 401. Anything else (no answer, a server error) says nothing about the token.
"""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple

from flxdesk.host.i18n import translate


class TokenVerdict(Enum):
    ACCOUNT = "account"  # 200: an Account token
    SOURCE_OR_CHANNEL = "source_or_channel"  # 403: valid for Update Order Status
    REFUSED = "refused"  # 401: wrong, revoked, or for another account
    UNKNOWN = "unknown"  # no answer, or an answer that says nothing about the token

    @property
    def usable(self) -> bool:
        return self in (TokenVerdict.ACCOUNT, TokenVerdict.SOURCE_OR_CHANNEL)


class AccountCheck(NamedTuple):
    verdict: TokenVerdict
    words: str  # what the person is told, never the token


def account_check_for(status_code: int, server_text: str) -> AccountCheck:
    if status_code == 200:
        words = translate("AccountCheck", "Flxpoint accepts it: an Account token.")
        return AccountCheck(TokenVerdict.ACCOUNT, words)
    if status_code == 403:
        words = translate(
            "AccountCheck",
            "Flxpoint knows it: a Source or Channel token. Update Order Status accepts it.",
        )
        return AccountCheck(TokenVerdict.SOURCE_OR_CHANNEL, words)
    if status_code == 401:
        words = translate(
            "AccountCheck",
            "Flxpoint refused the token (401): it is wrong, revoked, or made for another "
            "account. Copy it again from Flxpoint (Integrations → API) and set it again.",
        )
        return AccountCheck(TokenVerdict.REFUSED, words)
    words = translate(
        "AccountCheck",
        "Flxpoint answered {code}{text}: this says nothing about the token. Try again later.",
    ).format(code=status_code, text=f" ({server_text})" if server_text else "")
    return AccountCheck(TokenVerdict.UNKNOWN, words)


def no_answer(detail: str) -> AccountCheck:
    words = translate(
        "AccountCheck",
        "Flxpoint could not be reached ({detail}): the token was not checked. Check the "
        "network, then try again.",
    ).format(detail=detail)
    return AccountCheck(TokenVerdict.UNKNOWN, words)
