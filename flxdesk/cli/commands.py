"""The command line, on the same queue engine as the window (for IT and scheduled tasks).

    flxdesk bulk FILE [--status S] [--note N] [--results OUT.csv]
    flxdesk resume [--to-current]
    flxdesk update ID --status S [--note N] [--again]
    flxdesk report --since today|shift|DATE [--until DATE] [--csv F] [--pdf F] [--floor]
    flxdesk floor init|login                                  (flxdesk.cli.floor)
    flxdesk token set|check|forget                            (flxdesk.cli.token)

Progress goes to stderr, one result line per update to stdout. Exit codes: 0 when
every update succeeded, 1 when any failed or was left queued, 2 for usage, file or
setup errors (no token, data folder in use, unreadable history).

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
import contextlib
import logging
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from flxdesk.cli import floor as floor_command
from flxdesk.cli import report as report_command
from flxdesk.cli import token as token_command
from flxdesk.cli.console import tolerate_unencodable_output
from flxdesk.orders.statuses import ORDER_STATUSES, canonical_status
from flxdesk.sending.events import (
    EngineEvent,
    EngineState,
    FloorChanged,
    RowFinished,
    StateChanged,
)

log = logging.getLogger(__name__)

COMMANDS = ("bulk", "resume", "update", "report", "floor", "token")
TOKEN_ENV = "FLXDESK_TOKEN"
OFFLINE_GIVE_UP_SECONDS = 300.0  # offline, or Flxpoint not answering: left queued
STORAGE_GIVE_UP_SECONDS = 60.0  # the history locked (or the disk full) this long: exit 2
PROGRESS_EVERY_SECONDS = 2.0

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class SetupError(RuntimeError):
    """Cannot start sending; exit code 2 with this message."""


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "status", "") and args.status not in ORDER_STATUSES:
        spelled = canonical_status(args.status)
        if spelled is None:
            parser.error(f"unknown status {args.status!r}; use one of: {', '.join(ORDER_STATUSES)}")
        args.status = spelled
    return args


def build_parser() -> argparse.ArgumentParser:
    """Every command, option and help text (docs/reference/command-line.md is made from it)."""
    parser = argparse.ArgumentParser(
        prog="flxdesk", description="Send Flxpoint order status updates without a window."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    status_help = "status for rows without one: " + ", ".join(ORDER_STATUSES)

    bulk = commands.add_parser("bulk", help="send the updates listed in a CSV/TSV file")
    bulk.add_argument("file", type=Path, help="CSV/TSV: order ID, then optional status, note")
    bulk.add_argument("--status", default="", help=status_help)
    bulk.add_argument("--note", default="", help="note for rows without one")
    bulk.add_argument("--results", type=Path, help="write every row's result to this CSV")

    resume = commands.add_parser("resume", help="send what an interrupted run left queued")
    resume.add_argument(
        "--to-current",
        action="store_true",
        help="also send updates queued for another API address or under another token, "
        "to the current address with the current token",
    )

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
    report_command.add_parser(commands)
    floor_command.add_parser(commands)
    token_command.add_parser(commands)
    return parser


def find_token(profile: str) -> str:
    """FLXDESK_TOKEN when set (automation), otherwise the keychain's token."""
    from flxdesk.host import credentials

    token = os.environ.get(TOKEN_ENV, "").strip()
    if token:
        return credentials.usable_token(token, TOKEN_ENV)
    try:
        token = credentials.load_token(profile)
    except credentials.KeychainUnavailable as error:
        raise SetupError(
            f"{error} Set {TOKEN_ENV} instead, or run flxdesk in a desktop session."
        ) from None
    if not token:
        raise SetupError(
            f"No API token. Start the flxdesk window once and set it (Token menu), "
            f"or set {TOKEN_ENV}."
        )
    return token


class Reporter:
    """Prints a line per finished update, and progress now and then."""

    def __init__(self, store) -> None:
        self._store = store
        self.finished: list[int] = []
        self._last_progress = 0.0
        self.rate = lambda: 2.0  # requests per second, for the time left
        self.token_problem = ""
        self._last_state: EngineState | None = None
        self._floor_lines = floor_command.FloorLines()

    def __call__(self, event: EngineEvent) -> None:
        match event:
            case FloorChanged():
                self._floor_lines(event)
            case RowFinished(update_id, ok, message):  # also one an earlier run left queued
                row = self._store.get(update_id)
                self.finished.append(update_id)
                outcome = "sent" if ok else "failed"
                print(f"{outcome}\t{row.order_id}\t{row.status}\t{message}", flush=True)
            case StateChanged(state, waiting, _held, token_problem, since, problem):
                if token_problem:
                    self.token_problem = token_problem
                held = state in (EngineState.OFFLINE, EngineState.NOT_ANSWERING)
                urgent = held or state is EngineState.NEEDS_TOKEN
                self._progress(waiting, force=urgent and state is not self._last_state, held=held)
                if state is not self._last_state:
                    if state is EngineState.OFFLINE:
                        print("flxdesk: offline; updates wait and are retried.", file=sys.stderr)
                    elif state is EngineState.NOT_ANSWERING:
                        began = time.strftime("%H:%M", time.localtime(since or time.time()))
                        print(
                            f"flxdesk: Flxpoint is not answering since {began}; updates wait "
                            "and are retried (none fails because of it).",
                            file=sys.stderr,
                        )
                    elif state is EngineState.STORAGE_PROBLEM:
                        print(f"flxdesk: {problem} Sending waits.", file=sys.stderr)
                self._last_state = state

    def _progress(self, waiting: int, force: bool = False, held: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._last_progress < PROGRESS_EVERY_SECONDS:
            return
        self._last_progress = now
        if held and waiting:
            left = "waiting for Flxpoint"
        else:
            eta = waiting / max(self.rate(), 0.1) if waiting else 0
            left = f"about {eta:.0f} s left"
        print(
            f"flxdesk: {len(self.finished)} done, {waiting} waiting, {left}",
            file=sys.stderr,
            flush=True,
        )


def _anything_queued(history_db: Path) -> bool:
    from flxdesk.history.store import HistoryStore, State

    store = HistoryStore(history_db)
    try:
        counts = store.count_by_state()
    finally:
        store.close()
    return bool(counts[State.QUEUED] or counts[State.SENDING])


def _handle_held(store, current, to_current: bool) -> int:
    """Say what is held and why; with ``to_current`` send it here. Returns how many wait."""
    from flxdesk.orders.destination import describe_url

    here = describe_url(current.api_url)
    held = 0
    for group in store.held_groups(current):
        if to_current:
            store.redirect_held(group, current)
            print(
                f"flxdesk: --to-current: {group.describe(current)} Sending them to {here}.",
                file=sys.stderr,
            )
            continue
        held += group.count
        print(f"flxdesk: {group.describe(current)}", file=sys.stderr)
    if held:
        print(
            f"flxdesk: {held} held update(s) are not sent. 'flxdesk resume --to-current' sends "
            f"them to {here} with the current token; the flxdesk window can also discard them.",
            file=sys.stderr,
        )
    return held


def check_results_path(path: Path) -> None:
    """Refuse, before anything is sent, a --results file that cannot be written."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise SetupError(
            f"The results file {path} cannot be written: the folder {folder} does not exist. "
            "Create it, or give --results a file in an existing folder."
        )
    if path.is_dir():
        raise SetupError(
            f"The results file {path} cannot be written: it is a folder. Give --results a "
            "file name."
        )
    existed = path.exists()
    try:
        with path.open("a", encoding="utf-8"):
            pass
    except OSError as error:
        raise SetupError(
            f"The results file {path} cannot be written ({error.strerror or error}): choose "
            "a folder you may write to for --results."
        ) from error
    if not existed:
        path.unlink(missing_ok=True)


def _stop_on_interrupt(engine) -> Callable[[], None]:
    """Ctrl-C, a scheduler's SIGTERM and, on Windows, Ctrl-Break (SIGBREAK, which would
    otherwise end the process on the spot) stop the engine: requests on the wire end, their
    rows stay queued. Returns the function that puts the previous handlers back."""
    import signal
    import threading

    def handle(number: int, frame: object) -> None:
        print("flxdesk: interrupted; what is not sent stays queued.", file=sys.stderr)
        # In a thread: the handler may interrupt code holding a lock stop() needs.
        threading.Thread(target=engine.stop, name="flxdesk-interrupt", daemon=True).start()
        signal.signal(number, previous[number])  # a second Ctrl-C ends at once

    previous = {}
    for name in ("SIGINT", "SIGTERM", "SIGBREAK"):  # each where the platform has it
        number = getattr(signal, name, None)
        if number is not None:
            with contextlib.suppress(ValueError):  # not the main thread: no handler
                previous[number] = signal.signal(number, handle)

    def restore() -> None:
        for number, handler in previous.items():
            signal.signal(number, handler)

    return restore


def run(args: argparse.Namespace) -> int:
    from flxdesk.host.paths import app_paths
    from flxdesk.host.settings import load_settings

    paths = app_paths().ensure()
    settings = load_settings(paths.settings_file)
    # The floor connects in the background while the rest is read and checked.
    floor = floor_command.start_floor(settings, paths)
    try:
        return _run_with_floor(args, paths, settings, floor)
    finally:
        floor_command.finish_floor(floor)


def _run_with_floor(args: argparse.Namespace, paths, settings, floor) -> int:
    from flxdesk.flxpoint.endpoint import resolve_api_url
    from flxdesk.history.faults import fault_from
    from flxdesk.host.crash_record import CrashRecord
    from flxdesk.host.instance_lock import InstanceLock

    imported_rows: list = []
    invalid = []
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
    elif args.command == "update":
        from flxdesk.orders.notes import check_note
        from flxdesk.orders.order_ids import clean_order_id

        args.order_id = clean_order_id(args.order_id)
        args.note = check_note(args.note)

    try:
        anything_queued = args.command != "resume" or _anything_queued(paths.history_db)
    except sqlite3.Error as error:
        raise fault_from(error, paths.history_db) from error
    if not anything_queued:
        print("flxdesk: nothing is queued.", file=sys.stderr)
        return EXIT_OK  # the floor still gets what an earlier command left (finish_floor)
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
        return _send_all(args, paths, settings, api_url, token, imported_rows, invalid, floor)
    except sqlite3.Error as error:  # locked for long, a full disk, ...: in words
        raise fault_from(error, paths.history_db) from error
    finally:
        crash_record.disarm()
        lock.release()


def _held_by_the_floor(floor, args, settings) -> str:
    """Why ``update`` must not send (another station just did the same), or ""."""
    if floor is None or args.again:
        return ""
    window = settings.station.duplicate_window_minutes * 60
    if window <= 0:
        return ""
    floor.wait_settled(floor_command.FIRST_ATTEMPT_SECONDS)
    duplicate = floor.previous_elsewhere(args.order_id, args.status, window)
    return duplicate.describe(args.status) if duplicate is not None else ""


def _send_all(
    args,
    paths,
    settings,
    api_url: str,
    token: str,
    imported_rows: list,
    invalid: list,
    floor=None,
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
        held = _handle_held(store, current, getattr(args, "to_current", False))
        batch_id = None
        if args.command == "bulk":
            # Rows that cannot be sent stay in the history, as failed with their reason.
            batch_id = queue_import(
                store, imported_rows, f"bulk {args.file}", destination=current
            ).batch_id
        elif args.command == "update":
            held_why = _held_by_the_floor(floor, args, settings)
            if held_why:
                print(
                    f"held\t{args.order_id}\t{args.status}\tnot sent: {held_why} "
                    "(--again sends it)",
                    flush=True,
                )
                return EXIT_FAILED
            queue_one(store, args.order_id, args.status, args.note, destination=current)
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
        restore_signals = _stop_on_interrupt(engine)
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
        failed = [row for row in finished if row.state is State.FAILED]
        results_problem = None
        if args.command == "bulk" and args.results:
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
            return EXIT_USAGE
        return EXIT_OK if not (failed or invalid or left) else EXIT_FAILED
    finally:
        if store is not None:
            store.close()


def main(argv: Sequence[str], pdf_writer: report_command.PdfWriter | None = None) -> int:
    from flxdesk.bulk.reading import ImportFileError
    from flxdesk.flxpoint.endpoint import InvalidApiUrl
    from flxdesk.history.faults import StorageFault
    from flxdesk.history.schema import HistoryFileError
    from flxdesk.host.instance_lock import AlreadyRunning
    from flxdesk.host.paths import DataFolderUnusable
    from flxdesk.orders.order_ids import InvalidOrderId

    tolerate_unencodable_output()
    args = parse_args(argv)
    if args.command == "report" and args.floor:
        return _floor_errors_in_words(floor_command.run_floor_report, args, pdf_writer)
    if args.command == "report":
        return report_command.run_report(args, pdf_writer)
    if args.command == "floor":
        return _floor_errors_in_words(floor_command.run_floor, args)
    if args.command == "token":
        return token_command.run_token(args)
    try:
        return run(args)
    except (
        SetupError,
        ImportFileError,
        InvalidApiUrl,
        AlreadyRunning,
        InvalidOrderId,
        HistoryFileError,
        StorageFault,
        DataFolderUnusable,
        ValueError,
    ) as problem:
        print(f"flxdesk: {problem}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("flxdesk: interrupted.", file=sys.stderr)
        return EXIT_FAILED


def _floor_errors_in_words(command: Callable[..., int], *args: object) -> int:
    """The floor's commands: settings, data folder and station-name problems in words."""
    from flxdesk.host.paths import DataFolderUnusable

    try:
        return command(*args)
    except (DataFolderUnusable, ValueError) as problem:
        print(f"flxdesk: {problem}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("flxdesk: interrupted.", file=sys.stderr)
        return EXIT_FAILED
