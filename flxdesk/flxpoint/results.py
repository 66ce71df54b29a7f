"""Typed outcomes of one status update, with words a warehouse worker understands.

Each result carries two texts: ``message`` for the person at the screen (the outcome's
words, flxdesk.orders.outcomes, unless its cause has words of its own: a 414, a failed
name lookup), and ``detail`` (HTTP code and a short excerpt of what the server said)
for the history.
"""

import html
import json
import re
from dataclasses import dataclass

from flxdesk.host.i18n import translate
from flxdesk.orders.outcomes import Outcome, worker_words
from flxdesk.orders.statuses import status_label

EXCERPT_LENGTH = 200


@dataclass(frozen=True)
class UpdateResult:
    outcome: Outcome
    message: str
    http_code: int | None = None
    detail: str = ""
    retry_after: float | None = None

    @property
    def ok(self) -> bool:
        return self.outcome is Outcome.SUCCESS


def excerpt_of_body(body: str, content_type: str = "") -> str:
    """A short, single-line excerpt of a response body, readable even for HTML pages."""
    text = body.strip()
    if not text:
        return ""
    if "json" in content_type or text[:1] in "{[":
        try:
            parsed = json.loads(text)
        except ValueError:
            parsed = None
        if isinstance(parsed, dict):
            for key in ("message", "error", "detail", "errors", "title"):
                if parsed.get(key):
                    text = str(parsed[key])
                    break
    if "html" in content_type or text.lstrip().startswith("<"):
        title = re.search(r"<title[^>]*>(.*?)</title>", text, re.IGNORECASE | re.DOTALL)
        text = title.group(1) if title else re.sub(r"<[^>]+>", " ", text)
        text = html.unescape(text)
    text = " ".join(text.split())
    if len(text) > EXCERPT_LENGTH:
        text = text[: EXCERPT_LENGTH - 1] + "…"
    return text


# HTTP answers with an outcome of their own; other 4xx are unexpected, 5xx a server error.
OUTCOME_OF_STATUS = {
    400: Outcome.BAD_REQUEST,
    401: Outcome.UNAUTHORIZED,
    403: Outcome.FORBIDDEN,
    404: Outcome.NOT_FOUND,
    429: Outcome.RATE_LIMITED,
}


def result_for_response(
    status_code: int,
    server_text: str,
    order_id: str,
    status: str,
    retry_after: float | None = None,
) -> UpdateResult:
    """Map an HTTP answer to an UpdateResult. ``server_text`` is already an excerpt."""
    detail = f"HTTP {status_code}" + (f": {server_text}" if server_text else "")
    said = (
        translate("Results", " Flxpoint said: {server_text}").format(server_text=server_text)
        if server_text
        else ""
    )
    if 200 <= status_code < 300:
        outcome = Outcome.SUCCESS
    elif status_code >= 500:
        outcome = Outcome.SERVER_ERROR
    else:
        outcome = OUTCOME_OF_STATUS.get(status_code, Outcome.UNEXPECTED)
    if status_code == 414:  # the URL is too long: only a long note makes it so
        outcome = Outcome.BAD_REQUEST
        message = translate(
            "Results",
            "The note is too long for Flxpoint (414); order {order_id} was not "
            "updated. Shorten the note and send the update again.",
        ).format(order_id=order_id)
    else:
        message = worker_words(
            outcome,
            order_id=order_id,
            status=status_label(status),
            status_code=status_code,
            said=said,
            value=said or translate("Results", " No reason given."),
        )
    return UpdateResult(outcome, message, status_code, detail, retry_after)


def unanswered(outcome: Outcome, order_id: str, detail: str, **values: str) -> UpdateResult:
    """A request that got no HTTP answer: ``outcome`` with its words for ``order_id``."""
    return UpdateResult(outcome, worker_words(outcome, order_id=order_id, **values), None, detail)


def timeout_result(order_id: str, detail: str) -> UpdateResult:
    return unanswered(Outcome.TIMEOUT, order_id, detail)


def offline_result(order_id: str, detail: str) -> UpdateResult:
    return unanswered(Outcome.OFFLINE, order_id, detail)


def certificate_result(order_id: str, detail: str) -> UpdateResult:
    return unanswered(Outcome.CERTIFICATE_UNTRUSTED, order_id, detail)


def connection_result(order_id: str, detail: str, reason: str = "") -> UpdateResult:
    reason = reason or translate("Results", "Check the network connection.")
    return unanswered(Outcome.CONNECTION_FAILED, order_id, detail, reason=reason)


def name_lookup_result(order_id: str, host: str, detail: str) -> UpdateResult:
    """The server's name could not be looked up (DNS): offline, in words of its own."""
    message = translate(
        "Results",
        "Could not look up the address {host} to update order {order_id} (DNS). "
        "The network's name service is not answering, this computer is offline, "
        "or the API address in the settings is mistyped. The update waits and is "
        "sent when the name can be found.",
    ).format(host=host, order_id=order_id)
    return UpdateResult(Outcome.OFFLINE, message, None, detail)
