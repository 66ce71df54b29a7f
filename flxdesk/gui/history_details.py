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

from flxdesk.outcomes import Outcome
from flxdesk.store import State, UpdateRow

if TYPE_CHECKING:
    from flxdesk.history_query import UpdateDetails

NOTHING_SELECTED = "Select an update in the history to see its details here."
RESULT_WORDS = {
    State.SENT: "sent",
    State.FAILED: "failed",
    State.QUEUED: "waiting to be sent",
    State.SENDING: "being sent",
    State.CANCELLED: "cancelled",
}


def moment(timestamp: float | None) -> str:
    if timestamp is None:
        return "-"
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(timestamp))


def result_words(row: UpdateRow) -> str:
    if row.outcome == Outcome.INVALID:
        return "could not be sent"
    words = RESULT_WORDS[row.state]
    return f"{words} (HTTP {row.http_code})" if row.http_code else words


def details_text(details: UpdateDetails) -> str:
    """The lines of the details pane for one update."""
    row = details.update
    order = row.order_id or "(no order ID)"
    lines = [
        f"Order {order} → {row.status}",
        f"Result: {result_words(row)}",
        f"HTTP code: {row.http_code or '-'}",
        f"Server's message: {row.message or '-'}",
        f"Detail: {row.detail or '-'}",
        f"Note: {row.note or '-'}",
        f"Queued: {moment(row.created_at)}",
        f"Last try started: {moment(row.started_at)}",
        f"Finished: {moment(row.finished_at)}",
        f"Attempts: {row.attempts}",
        f"Batch: {row.batch_id if row.batch_id is not None else '- (scanned or typed)'}",
        "Resent: "
        + (
            "yes: it was being sent when flxdesk stopped, so Flxpoint may have got it twice"
            if row.resent
            else "no"
        ),
        f"Sent to: {row.api_url or '-'}",
        f"Update number: {row.id}",
    ]
    if len(details.chain) > 1:
        lines.append("Retry chain, oldest first:")
        for link in details.chain:
            mark = "  ← this one" if link.id == row.id else ""
            what = "retry of " + str(link.retry_of) if link.retry_of else "first request"
            lines.append(
                f"  {link.id}  {moment(link.created_at)}  {result_words(link)}  ({what}){mark}"
            )
    else:
        lines.append("Retry chain: none (never retried)")
    return "\n".join(lines)


class HistoryDetails(QPlainTextEdit):
    """Read-only text; ``finish_setup`` (after the first paint) lets the keyboard in."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("historyDetails")
        self.setReadOnly(True)
        self.setTabChangesFocus(True)
        self.setAccessibleName("Details of the selected update")
        self.setAccessibleDescription(
            "HTTP code, the server's message, detail, times, attempts, batch, whether it "
            "was resent, and its retries"
        )
        self.setPlaceholderText(NOTHING_SELECTED)

    def finish_setup(self) -> None:
        """Needs the ``Qt`` namespace (~11 ms to build on first use): after the first paint."""
        from PySide6.QtCore import Qt

        flags = Qt.TextInteractionFlag
        self.setTextInteractionFlags(flags.TextSelectableByKeyboard | flags.TextSelectableByMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def show_details(self, details: UpdateDetails | None) -> None:
        self.setPlainText("" if details is None else details_text(details))
