"""Typed outcomes of one status update, with words a warehouse worker understands.

Each result carries two texts: ``message`` for the person at the screen, and
``detail`` (HTTP code and a short excerpt of what the server said) for the history.
"""

import html
import json
import re
from dataclasses import dataclass

from flxdesk.host.i18n import translate
from flxdesk.orders.outcomes import Outcome
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

    def result(outcome: Outcome, message: str) -> UpdateResult:
        return UpdateResult(outcome, message, status_code, detail, retry_after)

    if 200 <= status_code < 300:
        return result(
            Outcome.SUCCESS,
            translate("Results", "Order {order_id} set to {status}.").format(
                order_id=order_id, status=status_label(status)
            ),
        )
    if status_code == 400:
        return result(
            Outcome.BAD_REQUEST,
            translate(
                "Results", "Flxpoint refused the update of order {order_id} (400).{value}"
            ).format(order_id=order_id, value=said or translate("Results", " No reason given.")),
        )
    if status_code == 401:
        return result(
            Outcome.UNAUTHORIZED,
            translate(
                "Results",
                "Flxpoint did not accept the API token (401). Check that it was copied whole and "
                "is still active. Account, Source and Channel tokens are different tokens: use "
                "one made for this Flxpoint account.",
            ),
        )
    if status_code == 403:
        return result(
            Outcome.FORBIDDEN,
            translate(
                "Results",
                "This API token may not change order {order_id} (403). Ask your Flxpoint "
                "administrator for a token with access to it.",
            ).format(order_id=order_id),
        )
    if status_code == 404:
        return result(
            Outcome.NOT_FOUND,
            translate(
                "Results", "Order {order_id} was not found in Flxpoint (404). Check the ID."
            ).format(order_id=order_id),
        )
    if status_code == 414:
        return result(
            Outcome.BAD_REQUEST,
            translate(
                "Results",
                "The note is too long for Flxpoint (414); order {order_id} was not "
                "updated. Shorten the note and send the update again.",
            ).format(order_id=order_id),
        )
    if status_code == 429:
        return result(
            Outcome.RATE_LIMITED,
            translate(
                "Results",
                "Flxpoint is limiting how fast this token may send (429). Too many updates were "
                "sent at once, possibly from another station using the same token.",
            ),
        )
    if status_code >= 500:
        return result(
            Outcome.SERVER_ERROR,
            translate(
                "Results",
                "Flxpoint had a problem on its side ({status_code}); order {order_id} "
                "was not updated. Try again in a few minutes.{said}",
            ).format(status_code=status_code, order_id=order_id, said=said),
        )
    return result(
        Outcome.UNEXPECTED,
        translate(
            "Results",
            "Flxpoint gave an unexpected answer (HTTP {status_code}) for order {order_id}.{said}",
        ).format(status_code=status_code, order_id=order_id, said=said),
    )


def timeout_result(order_id: str, detail: str) -> UpdateResult:
    return UpdateResult(
        Outcome.TIMEOUT,
        translate(
            "Results",
            "Flxpoint did not answer in time for order {order_id}. The update may or "
            "may not have been applied: check the order before sending it again.",
        ).format(order_id=order_id),
        None,
        detail,
    )


def offline_result(order_id: str, detail: str) -> UpdateResult:
    return UpdateResult(
        Outcome.OFFLINE,
        translate(
            "Results",
            "Could not connect to Flxpoint to update order {order_id}: this computer "
            "seems to be offline. The update waits and is sent when the connection "
            "is back.",
        ).format(order_id=order_id),
        None,
        detail,
    )


def name_lookup_result(order_id: str, host: str, detail: str) -> UpdateResult:
    """The server's name could not be looked up (DNS): the request never left."""
    return UpdateResult(
        Outcome.OFFLINE,
        translate(
            "Results",
            "Could not look up the address {host} to update order {order_id} (DNS). "
            "The network's name service is not answering, this computer is offline, "
            "or the API address in the settings is mistyped. The update waits and is "
            "sent when the name can be found.",
        ).format(host=host, order_id=order_id),
        None,
        detail,
    )


def certificate_result(order_id: str, detail: str) -> UpdateResult:
    return UpdateResult(
        Outcome.CERTIFICATE_UNTRUSTED,
        translate(
            "Results",
            "Order {order_id} was not sent: the secure connection could not be "
            "verified, because this computer does not trust the server's "
            "certificate. Sending again cannot help until this is fixed. If your "
            "company inspects web traffic, IT must install its root certificate in "
            "the system.",
        ).format(order_id=order_id),
        None,
        detail,
    )


def connection_result(order_id: str, detail: str, reason: str = "") -> UpdateResult:
    reason = reason or translate("Results", "Check the network connection.")
    return UpdateResult(
        Outcome.CONNECTION_FAILED,
        translate(
            "Results", "Could not reach Flxpoint to update order {order_id}. {reason}"
        ).format(order_id=order_id, reason=reason),
        None,
        detail,
    )
