"""The details pane: everything the history knows about the selected update, as text.

Replaces the row tooltip, which neither the keyboard nor a screen reader reaches:
plain read-only text that Tab reaches, the arrow keys move through and a screen
reader reads line by line. The store keeps each update's last try (its HTTP code,
the server's message and detail, times) and how many tries there were; the retry
chain lists each time a person asked for the update again.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QPlainTextEdit

from flxdesk.history.store import State, UpdateRow
from flxdesk.host.i18n import QT_TRANSLATE_NOOP, translate
from flxdesk.orders.outcomes import Outcome
from flxdesk.orders.statuses import status_label

if TYPE_CHECKING:
    from flxdesk.history.query import UpdateDetails

NOTHING_SELECTED = QT_TRANSLATE_NOOP(
    "HistoryDetails", "Select an update in the history to see its details here."
)
RESULT_WORDS = {
    State.SENT: QT_TRANSLATE_NOOP("HistoryDetails", "sent"),
    State.FAILED: QT_TRANSLATE_NOOP("HistoryDetails", "failed"),
    State.QUEUED: QT_TRANSLATE_NOOP("HistoryDetails", "waiting to be sent"),
    State.SENDING: QT_TRANSLATE_NOOP("HistoryDetails", "being sent"),
    State.CANCELLED: QT_TRANSLATE_NOOP("HistoryDetails", "cancelled"),
}


def moment(timestamp: float | None) -> str:
    if timestamp is None:
        return "-"
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(timestamp))


def result_words(row: UpdateRow) -> str:
    if row.outcome == Outcome.INVALID:
        return translate("HistoryDetails", "could not be sent")
    words = translate("HistoryDetails", RESULT_WORDS[row.state])
    return f"{words} (HTTP {row.http_code})" if row.http_code else words


def details_text(details: UpdateDetails) -> str:
    """The lines of the details pane for one update."""
    row = details.update
    order = row.order_id or translate("HistoryDetails", "(no order ID)")
    status = status_label(row.status)
    batch = (
        row.batch_id
        if row.batch_id is not None
        else translate("HistoryDetails", "- (scanned or typed)")
    )
    resent = (
        translate(
            "HistoryDetails",
            "yes: it was being sent when flxdesk stopped, so Flxpoint may have got it twice",
        )
        if row.resent
        else translate("HistoryDetails", "no")
    )
    lines = [
        translate("HistoryDetails", "Order {order} → {status}").format(order=order, status=status),
        translate("HistoryDetails", "Result: {value}").format(value=result_words(row)),
        translate("HistoryDetails", "HTTP code: {value}").format(value=row.http_code or "-"),
        translate("HistoryDetails", "Server's message: {value}").format(value=row.message or "-"),
        translate("HistoryDetails", "Detail: {value}").format(value=row.detail or "-"),
        translate("HistoryDetails", "Note: {value}").format(value=row.note or "-"),
        translate("HistoryDetails", "Queued: {value}").format(value=moment(row.created_at)),
        translate("HistoryDetails", "Station: {value}").format(value=row.station or "-"),
        translate("HistoryDetails", "Operator: {value}").format(value=row.operator or "-"),
        translate("HistoryDetails", "Approved by: {value}").format(value=row.approved_by or "-"),
        translate("HistoryDetails", "Last try started: {value}").format(
            value=moment(row.started_at)
        ),
        translate("HistoryDetails", "Finished: {value}").format(value=moment(row.finished_at)),
        translate("HistoryDetails", "Attempts: {value}").format(value=row.attempts),
        translate("HistoryDetails", "Batch: {value}").format(value=batch),
        translate("HistoryDetails", "Resent: {value}").format(value=resent),
        translate("HistoryDetails", "Sent to: {value}").format(value=row.api_url or "-"),
        translate("HistoryDetails", "Update number: {value}").format(value=row.id),
    ]
    if len(details.chain) > 1:
        lines.append(translate("HistoryDetails", "Retry chain, oldest first:"))
        for link in details.chain:
            mark = translate("HistoryDetails", "  ← this one") if link.id == row.id else ""
            what = (
                translate("HistoryDetails", "retry of {update}").format(update=link.retry_of)
                if link.retry_of
                else translate("HistoryDetails", "first request")
            )
            lines.append(
                f"  {link.id}  {moment(link.created_at)}  {result_words(link)}  ({what}){mark}"
            )
    else:
        lines.append(translate("HistoryDetails", "Retry chain: none (never retried)"))
    return "\n".join(lines)


class HistoryDetails(QPlainTextEdit):
    """Read-only text; ``finish_setup`` (after the first paint) lets the keyboard in."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("historyDetails")
        self.setReadOnly(True)
        self.setTabChangesFocus(True)
        self.setAccessibleName(self.tr("Details of the selected update"))
        self.setAccessibleDescription(
            self.tr(
                "HTTP code, the server's message, detail, times, the station, who asked for it "
                "and who approved it, attempts, batch, whether it was resent, and its retries"
            )
        )
        self.setPlaceholderText(self.tr(NOTHING_SELECTED))

    def finish_setup(self) -> None:
        """Needs the ``Qt`` namespace (~11 ms to build on first use): after the first paint."""
        from PySide6.QtCore import Qt

        flags = Qt.TextInteractionFlag
        self.setTextInteractionFlags(flags.TextSelectableByKeyboard | flags.TextSelectableByMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def show_details(self, details: UpdateDetails | None) -> None:
        self.setPlainText("" if details is None else details_text(details))
