"""A supervisor's badge approves a status; the note's signature; the operators' settings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flxdesk.config.settings import SettingsError, load_settings
from flxdesk.operators.approval import approve_by_badge, approve_by_pin, needs_supervisor
from flxdesk.operators.pins import hash_pin
from flxdesk.operators.roster import Operator, Roster
from flxdesk.operators.signature import room_for_note, sign, signature_problem

MARIA = Operator("0042", "Maria López")
SAM = Operator("0077", "Sam Lee", supervisor=True)
ANA = Operator("0099", "Ana Ruiz", supervisor=True, pin_hash=hash_pin("1357", salt=b"a" * 16))
ROSTER = Roster((MARIA, SAM, ANA))


def test_only_a_supervisors_badge_approves_and_a_pin_is_asked_when_set() -> None:
    assert needs_supervisor("Canceled", frozenset({"Canceled"}))
    assert not needs_supervisor("Closed", frozenset({"Canceled"}))
    assert approve_by_badge(ROSTER, "0077", "Canceled").supervisor == SAM
    assert (
        approve_by_badge(ROSTER, "0077", "Canceled").words == "Canceled armed, approved by Sam Lee."
    )
    refused = approve_by_badge(ROSTER, "0042", "Canceled")
    assert refused.supervisor is None
    assert refused.words == "Maria López is not a supervisor: Canceled needs a supervisor's badge."
    assert approve_by_badge(ROSTER, "1", "Canceled").supervisor is None
    asked = approve_by_badge(ROSTER, "0099", "Canceled")
    assert (asked.supervisor, asked.needs_pin) == (None, ANA)
    assert approve_by_pin(ANA, "0000", "Canceled").supervisor is None
    assert approve_by_pin(ANA, "1357", "Canceled").supervisor == ANA


def test_the_signature_goes_with_an_operator_and_leaves_room_for_the_note() -> None:
    template = "{note} ({operator}, {station})"
    assert sign("box dented", template, "Maria", "PACK-4") == "box dented (Maria, PACK-4)"
    assert sign("", template, "Maria", "PACK-4") == "(Maria, PACK-4)"
    assert sign("box dented", template, "", "PACK-4") == "box dented"  # nobody signed in
    assert sign("box dented", "", "Maria", "PACK-4") == "box dented"  # off
    assert room_for_note(template, "Maria", "PACK-4") == 500 - len(" (Maria, PACK-4)")


@pytest.mark.parametrize(
    ("template", "problem"),
    [
        ("{operator}", "must hold {note}"),
        ("{note} {who}", "not {who}"),
        ("{note", "unmatched"),
        (7, "must be text"),
        ("{note}" + "x" * 300, "too little room"),
    ],
)
def test_a_signature_that_cannot_work_is_refused(template: object, problem: str) -> None:
    assert problem in signature_problem(template)


def write(path: Path, document: dict) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_the_operators_settings_come_from_the_machine_file_and_lock(tmp_path: Path) -> None:
    machine = write(
        tmp_path / "machine.json",
        {
            "operators": [
                {"badge": "0042", "name": "Maria"},
                {"badge": "7", "name": "Sam", "supervisor": True},
            ],
            "operator_sign_in": "required",
            "operator_idle_minutes": 15,
            "supervisor_for": ["Canceled"],
            "locked": ["operators", "supervisor_for"],
        },
    )
    user = write(
        tmp_path / "user.json",
        {"operators": [], "supervisor_for": [], "operator_idle_minutes": 5},
    )
    operators = load_settings(user, machine).operators
    assert [o.name for o in operators.operators.operators] == ["Maria", "Sam"]
    assert operators.supervisor_for == frozenset({"Canceled"})  # locked: the user's ignored
    assert operators.operator_idle_minutes == 5.0  # not locked: the user's
    assert operators.operator_sign_in == "required"
    assert load_settings(tmp_path / "none.json", tmp_path / "none2.json").operators.mode == "off"


@pytest.mark.parametrize(
    ("document", "named"),
    [
        ({"operators": [{"badge": "1", "name": ""}]}, "operator 1: the name is empty"),
        ({"operator_sign_in": "sometimes"}, '"operator_sign_in" must be "off"'),
        ({"operator_idle_minutes": -1}, "from 0 to 1440"),
        ({"supervisor_for": ["Cancelled"]}, '"supervisor_for" must be a list of statuses'),
        ({"supervisor_for": ["Canceled"]}, "needs at least one operator"),
        ({"operator_sign_in": "required"}, '"operators" lists nobody'),
        ({"note_signature": "{who}"}, "not {who}"),
    ],
)
def test_a_machine_file_the_operators_cannot_use_stops_flxdesk_naming_it(
    tmp_path: Path, document: dict, named: str
) -> None:
    machine = write(tmp_path / "machine.json", document)
    with pytest.raises(SettingsError) as stopped:
        load_settings(tmp_path / "user.json", machine)
    assert named in str(stopped.value) and str(machine) in str(stopped.value)
    assert "set up by IT" in str(stopped.value)
