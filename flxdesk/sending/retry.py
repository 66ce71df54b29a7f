"""Retrying failed updates: new queued rows that name the update they repeat.

A retry never changes the failed row; the history keeps what happened. Each retry
is a new row, queued for the destination the caller gives (the current one: a
person pressing Retry means "now, to where flxdesk sends now"), with ``retry_of``
set to the failed update's id, all in one new batch and one transaction. The queue
engine then sends them like any other update.

Only failed updates that can be sent are retried. Skipped, each with its reason:
an id not in the history, an update that is not failed (sent, cancelled, or still
waiting), a row that never could be sent (``invalid``: no ID, unknown status), one
already retried (retry the newer row instead), and a second update of the same
order to the same status in one retry. The caller's ``check`` (the duplicate guard,
``duplicate_guard_check``) may skip more.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterable
from typing import NamedTuple

from flxdesk.history.store import NOBODY, AskedBy, HistoryStore, State, UpdateRow
from flxdesk.host.i18n import QT_TRANSLATE_NOOP, translate
from flxdesk.orders.destination import Destination
from flxdesk.orders.statuses import status_label
from flxdesk.station.duplicate_guard import DuplicateGuard

# "" to go ahead, or why this update is not retried (in words for the person)
RetryCheck = Callable[[UpdateRow], str]

NOT_FAILED = {
    State.SENT: QT_TRANSLATE_NOOP("Retry", "it was sent"),
    State.CANCELLED: QT_TRANSLATE_NOOP("Retry", "it was cancelled"),
    State.QUEUED: QT_TRANSLATE_NOOP("Retry", "it is still waiting to be sent"),
    State.SENDING: QT_TRANSLATE_NOOP("Retry", "it is being sent"),
}


class Skipped(NamedTuple):
    update_id: int
    reason: str


class RetryReport(NamedTuple):
    queued: list[tuple[int, int]]  # (failed update's id, its retry's id)
    skipped: list[Skipped]
    batch_id: int | None  # the retries' batch; None when nothing was queued

    def summary(self) -> str:
        """One or two sentences for the status bar or the command line."""
        done = len(self.queued)
        text = translate("Retry", "%n update(s) queued again.", None, done)
        if self.skipped:
            first = self.skipped[0].reason
            more = len(self.skipped) - 1
            text += " " + translate("Retry", "{count} not retried: {first}").format(
                count=len(self.skipped), first=first
            )
            if more:
                text += translate("Retry", " (and {more} more).").format(more=more)
        return text


def retry_updates(
    store: HistoryStore,
    update_ids: Iterable[int],
    destination: Destination,
    *,
    check: RetryCheck | None = None,
    asked_by: AskedBy = NOBODY,
) -> RetryReport:
    """Queue a retry of each failed update in ``update_ids``, oldest first (one transaction).

    ``asked_by.operator``: who asked for the retry; the supervisor who approved the
    original's status stays its approver."""
    queued: list[tuple[int, int]] = []
    skipped: list[Skipped] = []
    batch_id = None
    db = store.connection
    with store.transaction():
        in_this_retry: set[tuple[str, str]] = set()
        for update_id in sorted(set(update_ids)):
            row = store.get(update_id)
            if row is None:
                message = translate("Retry", "There is no update {update_id} in the history.")
                skipped.append(Skipped(update_id, message.format(update_id=update_id)))
                continue
            reason = _why_not(db, update_id, row, in_this_retry)
            if not reason and check is not None:
                reason = check(row)
            if reason:
                skipped.append(Skipped(update_id, reason))
                continue
            if batch_id is None:
                batch_id = store.new_batch("retry")
            cursor = db.execute(
                "INSERT INTO updates (order_id, status, note, state, created_at, batch_id,"
                " api_url, token_fp, retry_of, operator, approved_by)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (
                    row.order_id,
                    row.status,
                    row.note,
                    State.QUEUED,
                    time.time(),
                    batch_id,
                    *destination,
                    update_id,
                    asked_by.operator,
                    row.approved_by,
                ),
            )
            in_this_retry.add((row.order_id, row.status))
            # sqlite3 sets lastrowid after every successful single-row INSERT
            assert cursor.lastrowid is not None
            queued.append((update_id, cursor.lastrowid))
    return RetryReport(queued, skipped, batch_id)


def _why_not(
    db: sqlite3.Connection, update_id: int, row: UpdateRow, in_this_retry: set[tuple[str, str]]
) -> str:
    order = (
        translate("Retry", "Order {order_id}").format(order_id=row.order_id)
        if row.order_id
        else translate("Retry", "A row without an order ID")
    )
    if row.state is not State.FAILED:
        return translate("Retry", "{order} was not retried: {value}.").format(
            order=order, value=translate("Retry", NOT_FAILED[row.state])
        )
    if row.outcome == "invalid":
        return translate(
            "Retry", "{order} could never be sent ({message}); fix it and queue it again."
        ).format(order=order, message=row.message)
    retry = db.execute(
        "SELECT id FROM updates WHERE retry_of = ? ORDER BY id DESC LIMIT 1", (update_id,)
    ).fetchone()
    if retry is not None:
        return translate(
            "Retry", "{order} was already retried (update {value}); retry that one instead."
        ).format(order=order, value=retry[0])
    if (row.order_id, row.status) in in_this_retry:
        return translate("Retry", "{order} is already being set to {status} by this retry.").format(
            order=order, status=status_label(row.status)
        )
    return ""


def failed_to_retry(
    store: HistoryStore, since: float | None = None, until: float | None = None
) -> list[int]:
    """Ids of the failed updates a "Retry all failed" would queue again (not invalid, not
    retried yet), created at or after ``since`` and before ``until`` when given."""
    rows = store.connection.execute(
        "SELECT id FROM updates INDEXED BY updates_by_state WHERE state = ?"
        " AND COALESCE(outcome, '') != 'invalid' AND created_at >= ? AND created_at < ?"
        " AND NOT EXISTS (SELECT 1 FROM updates r WHERE r.retry_of = updates.id) ORDER BY id",
        (
            State.FAILED,
            since if since is not None else float("-inf"),
            until if until is not None else float("inf"),
        ),
    )
    return [int(update_id) for (update_id,) in rows]


def duplicate_guard_check(guard: DuplicateGuard) -> RetryCheck:
    """The duplicate guard as a retry check: an order already set to the same status
    within the guard's window is not sent again."""

    def check(row: UpdateRow) -> str:
        verdict = guard.check(row.order_id, row.status)
        if verdict.send:
            return ""
        at = time.strftime("%H:%M", time.localtime(verdict.previous_at))
        return translate("Retry", "Order {order_id} was already set to {status} at {at}.").format(
            order_id=row.order_id, status=status_label(row.status), at=at
        )

    return check
