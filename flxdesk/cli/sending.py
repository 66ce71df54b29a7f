"""The sending commands, on the same queue engine as the window (for IT and scheduled tasks).

    flxdesk bulk FILE [--status S] [--note N] [--results OUT.csv] [--operator B] [--approved-by B]
    flxdesk resume [--to-current] [--operator B]
    flxdesk update ID --status S [--note N] [--again] [--operator B] [--approved-by B]

Progress goes to stderr, one result line per update to stdout. Exit codes: 0 when
every update succeeded, 1 when any failed or was left queued, 2 for usage, file or
setup errors (no token, data folder in use, unreadable history, an operator or a
supervisor's approval the settings refuse: flxdesk.cli.who_asks).

Updates queued for another destination (another API address, or under another
token) are held, never sent, and counted as left queued; ``resume --to-current``
sends them to the current destination instead, because the person said so.

With a floor (flxdesk.floor), the sending commands pace with the other stations and
publish this station's history to it, also what an earlier command left unpublished
(``resume`` included, even with nothing queued); ``update`` does not send an order
another station set to the same status within the duplicate guard's window (exit
code 1; ``--again`` sends it). A floor that does not answer never stops a command.
"""

from __future__ import annotations

import argparse
import logging
import sqlite3
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from flxdesk.cli import sending_floor, who_asks
from flxdesk.cli.common import Exit, Parser, SetupError, find_token
from flxdesk.cli.run_parts import (
    Reporter,
    check_results_path,
    handle_held,
    has_queued,
    stop_on_interrupt,
)
from flxdesk.orders.statuses import ORDER_STATUSES

if TYPE_CHECKING:
    from flxdesk.bulk.reading import ImportRow
    from flxdesk.config.settings import Settings
    from flxdesk.floor.session import FloorSession
    from flxdesk.history.store import AskedBy
    from flxdesk.host.paths import AppPaths

log = logging.getLogger(__name__)

COMMANDS = ("bulk", "resume", "update")
OFFLINE_GIVE_UP_SECONDS = 300.0  # offline, or Flxpoint not answering: left queued
STORAGE_GIVE_UP_SECONDS = 60.0  # the history locked (or the disk full) this long: exit 2


def add_parsers(commands: argparse._SubParsersAction[Parser]) -> None:
    """``update``, ``bulk`` and ``resume``, in the command line's parser."""
    status_help = "status for rows without one: " + ", ".join(ORDER_STATUSES)

    bulk = commands.add_parser("bulk", help="send the updates listed in a CSV/TSV file")
    bulk.add_argument("file", type=Path, help="CSV/TSV: order ID, then optional status, note")
    bulk.add_argument("--status", default="", help=status_help)
    bulk.add_argument("--note", default="", help="note for rows without one")
    bulk.add_argument("--results", type=Path, help="write every row's result to this CSV")
    who_asks.add_arguments(bulk, approval=True)

    resume = commands.add_parser("resume", help="send what an interrupted run left queued")
    resume.add_argument(
        "--to-current",
        action="store_true",
        help="also send updates queued for another API address or under another token, "
        "to the current address with the current token",
    )
    who_asks.add_arguments(resume, approval=False)

    update = commands.add_parser("update", help="send one update")
    update.add_argument("order_id", metavar="ID", help="the order ID")
    update.add_argument(
        "--status", required=True, help="the status to set: " + ", ".join(ORDER_STATUSES)
    )
    update.add_argument("--note", default="", help="a note Flxpoint keeps with the update")
    update.add_argument(
        "--again",
        action="store_true",
        help="send it even when another station of the floor just set the same status",
    )
    who_asks.add_arguments(update, approval=True)


def run(args: argparse.Namespace) -> int:
    from flxdesk.config.settings import load_settings
    from flxdesk.host.paths import app_paths

    paths = app_paths().ensure()
    settings = load_settings(paths.settings_file)
    # The floor connects in the background while the rest is read and checked.
    floor = sending_floor.start_floor(settings, paths)
    try:
        return _run_with_floor(args, paths, settings, floor)
    finally:
        sending_floor.finish_floor(floor)


def _run_with_floor(
    args: argparse.Namespace, paths: AppPaths, settings: Settings, floor: FloorSession | None
) -> int:
    from flxdesk.flxpoint.endpoint import resolve_api_url
    from flxdesk.history.faults import fault_from
    from flxdesk.host.crash_record import CrashRecord
    from flxdesk.host.instance_lock import InstanceLock

    imported_rows: Sequence[ImportRow] = ()
    invalid: list[ImportRow] = []
    statuses: Iterable[str] = ()  # what the run sets: resume sets nothing new
    if args.command == "bulk" and args.results:
        check_results_path(args.results)
    if args.command == "bulk":
        from flxdesk.bulk.reading import read_import_file

        imported = read_import_file(args.file, args.status, args.note)
        imported_rows, invalid = imported.rows, imported.invalid_rows
        for row in invalid:
            print(f"flxdesk: {args.file.name} line {row.line}: {row.problem}", file=sys.stderr)
        if not imported_rows:
            raise SetupError(f"{args.file} has no rows to send.")
        statuses = imported.ready_by_status()
    elif args.command == "update":
        from flxdesk.orders.notes import check_note
        from flxdesk.orders.order_ids import clean_order_id

        args.order_id = clean_order_id(args.order_id)
        args.note = check_note(args.note)
        statuses = [args.status]
    # Who asks, checked before anything is queued or sent (the sign-in rule, PINs, a
    # supervisor's approval); the rows resume sends keep who asked for them.
    roster = who_asks.station_roster(args, settings, floor)
    asked_by = who_asks.who_asks(args, settings, statuses, roster)
    if args.command == "update":
        args.note = who_asks.signed_note(args.note, settings, asked_by)

    try:
        anything_queued = args.command != "resume" or has_queued(paths.history_db)
    except sqlite3.Error as error:
        raise fault_from(error, paths.history_db) from error
    if not anything_queued:
        print("flxdesk: nothing is queued.", file=sys.stderr)
        return Exit.OK  # the floor still gets what an earlier command left (finish_floor)
    api_url = resolve_api_url(settings.api_url, settings.is_locked("api_url"))
    token = find_token(settings.profile)
    try:
        lock = InstanceLock(paths.data_dir, f"flxdesk {args.command} (command line)")
    except OSError as error:  # a read-only or full data folder
        raise fault_from(error, paths.history_db) from error
    crash_record = CrashRecord(paths.log_dir, "flxdesk-cli")
    previous_crash = crash_record.arm()
    if previous_crash is not None:
        print(f"flxdesk: {previous_crash.notice()}", file=sys.stderr)
    if floor is not None:
        floor.prepare(token)
    try:
        return _send_all(
            args, paths, settings, api_url, token, imported_rows, invalid, floor, asked_by
        )
    except sqlite3.Error as error:  # locked for long, a full disk, ...: in words
        raise fault_from(error, paths.history_db) from error
    finally:
        crash_record.disarm()
        lock.release()


def _held_by_the_floor(
    floor: FloorSession | None, args: argparse.Namespace, settings: Settings
) -> str:
    """Why ``update`` must not send (another station just did the same), or ""."""
    if floor is None or args.again:
        return ""
    window = settings.station.duplicate_window_minutes * 60
    if window <= 0:
        return ""
    floor.wait_settled(sending_floor.FIRST_ATTEMPT_SECONDS)
    duplicate = floor.previous_elsewhere(args.order_id, args.status, window)
    return duplicate.describe(args.status) if duplicate is not None else ""


def _send_all(
    args: argparse.Namespace,
    paths: AppPaths,
    settings: Settings,
    api_url: str,
    token: str,
    imported_rows: Sequence[ImportRow],
    invalid: list[ImportRow],
    floor: FloorSession | None,
    asked_by: AskedBy,
) -> int:
    from flxdesk.floor.outbox import BACKFILL_SECONDS
    from flxdesk.history.store import HistoryStore, State
    from flxdesk.host.station_name import station_name
    from flxdesk.orders.destination import Destination
    from flxdesk.sending.engine import QueueEngine
    from flxdesk.sending.queueing import queue_import, queue_one

    store = None
    try:
        store = HistoryStore(paths.history_db)
        store.set_station(
            station_name(settings.station_name, settings.is_locked("station_name"))
        )  # on every row queued now
        # With a floor, every change is noted for it in the same transaction (the outbox).
        store.set_floor_publishing(floor is not None, since=time.time() - BACKFILL_SECONDS)
        current = Destination(api_url, store.fingerprint(token))
        resent = store.requeue_interrupted()
        if resent:
            print(
                f"flxdesk: {resent} update(s) interrupted last time are sent again.",
                file=sys.stderr,
            )
        held = handle_held(store, current, getattr(args, "to_current", False))
        batch_id = None
        if args.command == "bulk":
            # Rows that cannot be sent stay in the history, as failed with their reason.
            batch_id = queue_import(
                store, imported_rows, f"bulk {args.file}", destination=current, asked_by=asked_by
            ).batch_id
        elif args.command == "update":
            held_why = _held_by_the_floor(floor, args, settings)
            if held_why:
                print(
                    f"held\t{args.order_id}\t{args.status}\tnot sent: {held_why} "
                    "(--again sends it)",
                    flush=True,
                )
                return Exit.FAILED
            queue_one(
                store, args.order_id, args.status, args.note, destination=current, asked_by=asked_by
            )
        reporter = Reporter(store)
        engine = QueueEngine(
            paths.history_db,
            api_url,
            token,
            on_event=reporter,
            token_salt=store.token_salt,
            floor=floor,
        )
        reporter.rate = lambda: engine.rate
        restore_signals = stop_on_interrupt(engine)
        try:
            engine.run(
                until_idle=True,
                offline_give_up=OFFLINE_GIVE_UP_SECONDS,
                storage_give_up=STORAGE_GIVE_UP_SECONDS,
            )
        except KeyboardInterrupt:
            print("flxdesk: interrupted.", file=sys.stderr)
        finally:
            restore_signals()
        counts = store.count_by_state()
        finished = [store.get(update_id) for update_id in reporter.finished]
        # A finished update's row is in the history (nothing deletes rows while this runs);
        # a row gone all the same is not counted as failed.
        failed = [row for row in finished if row is not None and row.state is State.FAILED]
        results_problem = None
        if batch_id is not None and args.results:  # a bulk run (its batch) asked for them
            from flxdesk.reports.export import export_rows

            try:
                export_rows(args.results, store.rows_of_batch(batch_id))
            except OSError as error:
                results_problem = (
                    f"The results file {args.results} could not be written "
                    f"({error.strerror or error}): the updates themselves are done and in "
                    "the history; 'flxdesk report' or the window's Export can write them."
                )
        left = counts[State.QUEUED] + counts[State.SENDING]
        if reporter.token_problem:
            print(f"flxdesk: stopped: {reporter.token_problem}", file=sys.stderr)
        if left > held:
            print(
                f"flxdesk: {left - held} update(s) left queued; run 'flxdesk resume' to send them.",
                file=sys.stderr,
            )
        sent = len(reporter.finished) - len(failed)
        print(
            f"flxdesk: {sent} sent, {len(failed)} failed, {len(invalid)} invalid, "
            f"{left} left queued" + (f" ({held} held for another destination)." if held else "."),
            file=sys.stderr,
        )
        if results_problem:
            print(f"flxdesk: {results_problem}", file=sys.stderr)
            return Exit.USAGE
        return Exit.OK if not (failed or invalid or left) else Exit.FAILED
    finally:
        if store is not None:
            store.close()
