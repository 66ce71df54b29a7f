"""``--operator`` and ``--approved-by`` on update, bulk and resume, run for real in
subprocesses against the loopback demo API, with operators in the computer's settings
file (as IT sets them): refusals send and queue nothing, and the history names who asked."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from flxdesk.config.settings import machine_settings_file
from flxdesk.flxpoint.demo_api import DEMO_TOKEN, DemoApi
from flxdesk.history.store import HistoryStore, UpdateRow
from flxdesk.operators.pins import hash_pin

ROSTER = [
    {"badge": "0042", "name": "Maria López"},
    {"badge": "0077", "name": "Sam Lee", "supervisor": True},
    {"badge": "0099", "name": "Lee Chen", "pin_hash": hash_pin("2468")},
    {"badge": "0088", "name": "Ana Ruiz", "supervisor": True, "pin_hash": hash_pin("1357")},
]
NOTHING_SENT = "nothing was sent."


def staffed(sign_in: str = "required", **settings: object) -> None:
    """This computer's settings, as IT writes them: the roster and ``settings``."""
    machine = machine_settings_file()
    machine.parent.mkdir(parents=True, exist_ok=True)
    document = {"operators": ROSTER, "operator_sign_in": sign_in, **settings}
    machine.write_text(json.dumps(document), encoding="utf-8")


def flxdesk(
    home: Path, demo_api: DemoApi, *args: str, **env: str
) -> subprocess.CompletedProcess[str]:
    """The command line with no terminal (a scheduled task): a PIN comes from the env."""
    environment = dict(os.environ, FLXDESK_HOME=str(home), FLXDESK_API_URL=demo_api.url)
    for name in ("FLXDESK_OPERATOR_PIN", "FLXDESK_SUPERVISOR_PIN"):
        environment.pop(name, None)
    environment.update(FLXDESK_TOKEN=DEMO_TOKEN, FLXDESK_STATION="DOCK 3", **env)
    return subprocess.run(
        [sys.executable, "-m", "flxdesk", *args],
        env=environment,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )


def history(home: Path) -> list[UpdateRow]:
    store = HistoryStore(home / "history.sqlite3")
    try:
        return store.newest(100)
    finally:
        store.close()


def refused(done: subprocess.CompletedProcess[str], home: Path, demo_api: DemoApi) -> str:
    """The one sentence of a refusal that sent and queued nothing."""
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    assert demo_api.requests == []
    assert history(home) == []
    (line,) = done.stderr.splitlines()
    assert line.startswith("flxdesk: ") and line.endswith(NOTHING_SENT)
    return line


def write_csv(path: Path, rows: list[str]) -> Path:
    path.write_text("\n".join(["order_id,status,note", *rows]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "command",
    [["update", "1001", "--status", "Closed"], ["resume"], ["bulk", "BULK"]],
    ids=["update", "resume", "bulk"],
)
def test_a_required_sign_in_without_an_operator_sends_and_queues_nothing(
    tmp_path: Path, demo_api: DemoApi, flxdesk_home: Path, command: list[str]
) -> None:
    staffed("required")
    source = write_csv(tmp_path / "o.csv", ["1001,Closed,", "1002,Open,"])
    args = [str(source) if arg == "BULK" else arg for arg in command]
    line = refused(flxdesk(flxdesk_home, demo_api, *args), flxdesk_home, demo_api)
    assert line == (
        "flxdesk: sign-in is required at this station: give --operator BADGE; nothing was sent."
    )


@pytest.mark.parametrize("sign_in", ["required", "optional"])
def test_an_unknown_badge_is_refused_in_both_modes(
    demo_api: DemoApi, flxdesk_home: Path, sign_in: str
) -> None:
    staffed(sign_in)
    done = flxdesk(
        flxdesk_home, demo_api, "update", "1001", "--status", "Closed", "--operator", "4"
    )
    line = refused(done, flxdesk_home, demo_api)
    assert "no operator of this station has the badge given to --operator" in line


def test_a_good_badge_names_the_operator_on_the_row_sent(
    demo_api: DemoApi, flxdesk_home: Path
) -> None:
    staffed("required")
    done = flxdesk(
        flxdesk_home, demo_api, "update", "1001", "--status", "Closed", "--operator", "0042"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "sent\t1001\tClosed\tOrder 1001 set to Closed.\n"
    (row,) = history(flxdesk_home)
    assert (row.operator, row.approved_by, row.station) == ("Maria López", "", "DOCK 3")


def test_every_row_of_a_bulk_run_names_the_operator_the_badge_in_any_case(
    tmp_path: Path, demo_api: DemoApi, flxdesk_home: Path
) -> None:
    staffed("required", operators=[{"badge": "ab-7", "name": "Ana B"}])
    source = write_csv(tmp_path / "o.csv", ["1001,Closed,dock", "1002,Open,", ",Open,"])
    done = flxdesk(flxdesk_home, demo_api, "bulk", str(source), "--operator", "AB-7")
    assert done.returncode == 1, done.stderr  # the row without an ID is invalid
    rows = history(flxdesk_home)
    assert len(rows) == 3 and {row.operator for row in rows} == {"Ana B"}
    assert {row.note for row in rows if row.order_id == "1001"} == {"dock"}


def test_an_operators_pin_from_the_environment(demo_api: DemoApi, flxdesk_home: Path) -> None:
    staffed("required")
    args = ("update", "1001", "--status", "Closed", "--operator", "0099")
    missing = flxdesk(flxdesk_home, demo_api, *args)
    line = refused(missing, flxdesk_home, demo_api)
    assert line == (
        "flxdesk: Lee Chen has a PIN: type it at a terminal, or set FLXDESK_OPERATOR_PIN; "
        "nothing was sent."
    )
    wrong = flxdesk(flxdesk_home, demo_api, *args, FLXDESK_OPERATOR_PIN="1111")
    assert (
        refused(wrong, flxdesk_home, demo_api)
        == "flxdesk: wrong PIN for Lee Chen; nothing was sent."
    )
    assert "1111" not in wrong.stderr
    right = flxdesk(flxdesk_home, demo_api, *args, FLXDESK_OPERATOR_PIN="2468")
    assert right.returncode == 0, right.stderr
    assert "2468" not in right.stderr + right.stdout
    assert [row.operator for row in history(flxdesk_home)] == ["Lee Chen"]
    log = (flxdesk_home / "logs" / "flxdesk.log").read_text(encoding="utf-8")
    assert "Lee Chen" in log and "2468" not in log


def test_a_supervised_status_needs_a_supervisor(demo_api: DemoApi, flxdesk_home: Path) -> None:
    staffed("required", supervisor_for=["Canceled"])
    args = ("update", "1001", "--status", "Canceled")
    done = flxdesk(flxdesk_home, demo_api, *args, "--operator", "0042")
    assert refused(done, flxdesk_home, demo_api) == (
        "flxdesk: Canceled needs a supervisor's approval: give --approved-by with a "
        "supervisor's badge (or --operator of a supervisor); nothing was sent."
    )
    not_one = flxdesk(flxdesk_home, demo_api, *args, "--operator", "0042", "--approved-by", "0042")
    assert "Maria López is not a supervisor" in refused(not_one, flxdesk_home, demo_api)
    # A status that needs none goes without one; an approver given is checked, not recorded.
    args = ("update", "1002", "--status", "Closed", "--operator", "0042")
    closed = flxdesk(flxdesk_home, demo_api, *args, "--approved-by", "0077")
    assert closed.returncode == 0, closed.stderr
    assert [(r.operator, r.approved_by) for r in history(flxdesk_home)] == [("Maria López", "")]


def test_a_supervisor_as_the_operator_approves_their_own(
    demo_api: DemoApi, flxdesk_home: Path
) -> None:
    staffed("required", supervisor_for=["Canceled"])
    done = flxdesk(
        flxdesk_home, demo_api, "update", "1001", "--status", "Canceled", "--operator", "0077"
    )
    assert done.returncode == 0, done.stderr
    assert [(r.operator, r.approved_by) for r in history(flxdesk_home)] == [("Sam Lee", "Sam Lee")]


def test_approved_by_another_supervisor_with_a_pin(
    tmp_path: Path, demo_api: DemoApi, flxdesk_home: Path
) -> None:
    staffed("required", supervisor_for=["Canceled"])
    source = write_csv(tmp_path / "o.csv", ["1001,Canceled,", "1002,Closed,"])
    args = ("bulk", str(source), "--operator", "0042", "--approved-by", "0088")
    no_pin = flxdesk(flxdesk_home, demo_api, *args)
    assert "Ana Ruiz has a PIN" in refused(no_pin, flxdesk_home, demo_api)
    assert "FLXDESK_SUPERVISOR_PIN" in no_pin.stderr
    # The operator's PIN variable is not the supervisor's.
    wrong = flxdesk(flxdesk_home, demo_api, *args, FLXDESK_OPERATOR_PIN="1357")
    assert "Ana Ruiz has a PIN" in refused(wrong, flxdesk_home, demo_api)
    done = flxdesk(flxdesk_home, demo_api, *args, FLXDESK_SUPERVISOR_PIN="1357")
    assert done.returncode == 0, done.stderr
    rows = history(flxdesk_home)
    assert {(r.order_id, r.operator, r.approved_by) for r in rows} == {
        ("1001", "Maria López", "Ana Ruiz"),
        ("1002", "Maria López", "Ana Ruiz"),  # the approval covers the run, as the window's
    }


def test_an_unknown_approver_is_refused_even_when_no_status_needs_one(
    demo_api: DemoApi, flxdesk_home: Path
) -> None:
    staffed("optional", supervisor_for=["Canceled"])
    done = flxdesk(
        flxdesk_home, demo_api, "update", "1001", "--status", "Closed", "--approved-by", "9"
    )
    line = refused(done, flxdesk_home, demo_api)
    assert "the badge given to --approved-by" in line


def test_the_note_is_signed_as_the_window_signs_it(demo_api: DemoApi, flxdesk_home: Path) -> None:
    staffed("required", note_signature="{note} ({operator}, {station})")
    args = ("update", "1001", "--status", "Closed", "--operator", "0042")
    done = flxdesk(flxdesk_home, demo_api, *args, "--note", "dock 3 ")
    assert done.returncode == 0, done.stderr
    (seen,) = demo_api.requests
    assert seen.query["updateNote"] == ["dock 3 (Maria López, DOCK 3)"]
    assert [row.note for row in history(flxdesk_home)] == ["dock 3 (Maria López, DOCK 3)"]
    demo_api.requests.clear()
    long = flxdesk(flxdesk_home, demo_api, *args, "--note", "x" * 490)
    assert long.returncode == 2
    assert "the note with its signature (note_signature) is 512 characters long" in long.stderr
    assert "shorten the note by 12 characters; nothing" in long.stderr
    assert demo_api.requests == [] and len(history(flxdesk_home)) == 1


def test_optional_sign_in_takes_a_command_from_nobody(
    demo_api: DemoApi, flxdesk_home: Path
) -> None:
    staffed("optional", note_signature="{note} ({operator})")
    done = flxdesk(flxdesk_home, demo_api, "update", "1001", "--status", "Closed", "--note", "n")
    assert done.returncode == 0, done.stderr
    (row,) = history(flxdesk_home)
    assert (row.operator, row.approved_by, row.note) == ("", "", "n")  # unsigned: nobody


def test_off_refuses_an_operator_but_takes_a_supervisors_approval(
    demo_api: DemoApi, flxdesk_home: Path
) -> None:
    staffed("off", supervisor_for=["Canceled"])
    args = ("update", "1001", "--status", "Canceled")
    done = flxdesk(flxdesk_home, demo_api, *args, "--operator", "0042")
    assert refused(done, flxdesk_home, demo_api) == (
        "flxdesk: operators are not set up at this station (operator_sign_in is off): "
        "--operator cannot be used here; nothing was sent."
    )
    unapproved = flxdesk(flxdesk_home, demo_api, *args)
    assert "Canceled needs a supervisor's approval" in refused(unapproved, flxdesk_home, demo_api)
    approved = flxdesk(flxdesk_home, demo_api, *args, "--approved-by", "0077")
    assert approved.returncode == 0, approved.stderr
    assert [(r.operator, r.approved_by) for r in history(flxdesk_home)] == [("", "Sam Lee")]


def test_off_without_operators_set_up_at_all(demo_api: DemoApi, flxdesk_home: Path) -> None:
    done = flxdesk(
        flxdesk_home, demo_api, "update", "1001", "--status", "Closed", "--operator", "0042"
    )
    assert "operators are not set up at this station" in refused(done, flxdesk_home, demo_api)


def test_resume_keeps_who_asked_for_each_row(tmp_path: Path, flxdesk_home: Path) -> None:
    staffed("required", supervisor_for=["Canceled"])
    source = write_csv(tmp_path / "o.csv", ["1001,Canceled,", "1002,Closed,"])
    with DemoApi(token="another-token") as refusing:  # the token is refused: all left queued
        first = flxdesk(flxdesk_home, refusing, "bulk", str(source), "--operator", "0077")
        assert first.returncode == 1, first.stderr
    with DemoApi() as demo_api:
        nobody = flxdesk(flxdesk_home, demo_api, "resume", "--to-current")
        assert nobody.returncode == 2 and "give --operator BADGE" in nobody.stderr
        assert demo_api.requests == []
        done = flxdesk(flxdesk_home, demo_api, "resume", "--to-current", "--operator", "0042")
        assert done.returncode == 0, done.stderr
        assert len(demo_api.requests) == 2
    rows = history(flxdesk_home)
    assert {(r.order_id, r.state, r.operator, r.approved_by) for r in rows} == {
        ("1001", "sent", "Sam Lee", "Sam Lee"),
        ("1002", "sent", "Sam Lee", "Sam Lee"),
    }


@pytest.mark.parametrize(
    "extra",
    [["--pin", "2468"], ["--pin=2468"], ["--operator", "0099", "2468"], ["--operator-pin", "2468"]],
)
def test_a_usage_error_never_repeats_a_pin(
    demo_api: DemoApi, flxdesk_home: Path, extra: list[str]
) -> None:
    staffed("required")
    done = flxdesk(flxdesk_home, demo_api, "update", "1001", "--status", "Closed", *extra)
    assert done.returncode == 2
    assert "unrecognized arguments" in done.stderr
    assert "2468" not in done.stderr + done.stdout
    assert "(a value of 4 digits, not shown: it may be a PIN)" in done.stderr
    assert demo_api.requests == []


def test_a_pin_is_asked_without_echo_at_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    import getpass

    from flxdesk.cli import who_asks
    from flxdesk.cli.common import SetupError
    from flxdesk.operators.roster import read_roster

    roster = read_roster(ROSTER)
    prompts: list[str] = []
    answers = iter(["2468", "0000"])

    def typed(prompt: str) -> str:
        prompts.append(prompt)
        return next(answers)

    monkeypatch.setattr(sys, "stdin", _Terminal())
    monkeypatch.setattr(getpass, "getpass", typed)
    monkeypatch.setenv("FLXDESK_OPERATOR_PIN", "0000")  # a terminal asks instead
    assert who_asks.find_operator(roster, "0099").name == "Lee Chen"
    with pytest.raises(SetupError, match="wrong PIN for Lee Chen"):
        who_asks.find_operator(roster, "0099")
    assert prompts == ["PIN of Lee Chen (not shown): "] * 2
    assert who_asks.find_operator(roster, "0042").name == "Maria López"  # no PIN: not asked
    assert len(prompts) == 2


class _Terminal:
    def isatty(self) -> bool:
        return True


def test_on_a_floor_the_badges_are_the_floors_and_its_copy_serves_while_it_is_away(
    own_postgres, demo_api: DemoApi, flxdesk_home: Path
) -> None:
    """A badge only the floor holds names its operator; a badge of the settings' unlocked
    list that the floor does not hold is refused; with the floor stopped, the station's
    last copy of the floor's operators (kept beside the history) still knows the badge."""
    import psycopg

    from flxdesk.floor.operators import add_operator
    from support.floor import init_floor

    staffed("required")  # the settings' list: 0042 Maria, 0077 Sam, ...
    floor_url = init_floor(own_postgres.url(own_postgres.new_database()))
    with psycopg.connect(floor_url, autocommit=True) as db:
        add_operator(db, "0500", "Floor Person", False, "")

    def update(order_id: str, badge: str) -> subprocess.CompletedProcess[str]:
        return flxdesk(flxdesk_home, demo_api, "update", order_id, "--status", "Closed",
                       "--operator", badge, FLXDESK_FLOOR_URL=floor_url)  # fmt: skip

    done = update("1001", "0500")
    assert done.returncode == 0, done.stderr
    assert [row.operator for row in history(flxdesk_home)] == ["Floor Person"]
    not_on_floor = update("1002", "0042")
    assert not_on_floor.returncode == 2 and "no operator of this station" in not_on_floor.stderr
    assert (flxdesk_home / "floor-roster.json").exists()
    own_postgres.stop()
    away = update("1003", "0500")
    assert away.returncode == 0, away.stderr
    assert [row.operator for row in history(flxdesk_home)][:1] == ["Floor Person"]
    assert sorted(seen.order_id for seen in demo_api.requests) == ["1001", "1003"]
