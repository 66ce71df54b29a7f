"""``flxdesk operator add|remove|list|hash-pin`` and ``flxdesk badges --pdf``, run for real
in subprocesses against a real PostgreSQL floor: the owner's commands, a station's login
refused, a PIN read without echo and kept only as its hash, the badge cards decoded by
zbarimg as the printers print them, and the cards made from the station's copy of the
floor's operators while the floor is away."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from flxdesk.config.settings import machine_settings_file
from flxdesk.floor.connection import parse_address
from flxdesk.floor.operators import RosterCopy, add_operator, read_floor_roster
from flxdesk.operators.badges import badge_code
from flxdesk.operators.pins import is_pin_hash, pin_matches
from flxdesk.operators.roster import Operator, Roster
from support.floor import floor_with_stations, station_env
from support.headless import without_display
from support.network import closed_port
from support.postgres import PostgresServer
from support.process import run_flxdesk as flxdesk

PIN_ENV = "FLXDESK_OPERATOR_PIN"
needs_poppler_and_zbar = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("pdftoppm", "pdftotext", "zbarimg")),
    reason="needs poppler-utils and zbar-tools (installed by .ci/run)",
)


def roster_of(url: str) -> Roster:
    with psycopg.connect(url, autocommit=True) as db:
        roster, problems = read_floor_roster(db)
    assert problems == []
    return roster


# --- the owner's roster ------------------------------------------------------------------


def test_the_owner_adds_lists_changes_and_removes_operators(
    postgres: PostgresServer, tmp_path: Path
) -> None:
    owner, _ = floor_with_stations(postgres)
    env = station_env(tmp_path / "it", owner, "IT")
    added = flxdesk("operator", "add", "0042", "Maria López", env=env)
    assert added.returncode == 0, added.stderr
    assert "added Maria López with badge 0042 to" in added.stdout
    boss = flxdesk("operator", "add", "0077", "Sam Lee", "--supervisor", env=env)
    assert boss.returncode == 0, boss.stderr
    assert "(supervisor)" in boss.stdout
    changed = flxdesk("operator", "add", "0042", "Maria López Ruiz", env=env)
    assert changed.returncode == 0 and "badge 0042 is now Maria López Ruiz" in changed.stdout
    assert roster_of(owner).operators == (
        Operator("0042", "Maria López Ruiz"),
        Operator("0077", "Sam Lee", supervisor=True),
    )
    listed = flxdesk("operator", "list", env=env)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.splitlines() == [
        "0042\tMaria López Ruiz\t\t",
        "0077\tSam Lee\tsupervisor\t",
    ]
    assert "2 operator(s) on" in listed.stderr
    removed = flxdesk("operator", "remove", "0042", env=env)
    assert removed.returncode == 0 and "took badge 0042 (Maria López Ruiz) off" in removed.stdout
    missing = flxdesk("operator", "remove", "0042", env=env)
    assert missing.returncode == 1
    assert "no operator has badge 0042" in missing.stderr
    assert roster_of(owner).operators == (Operator("0077", "Sam Lee", supervisor=True),)


def test_a_pin_is_read_from_the_environment_and_kept_only_as_its_hash(
    postgres: PostgresServer, tmp_path: Path
) -> None:
    owner, _ = floor_with_stations(postgres)
    env = station_env(tmp_path / "it", owner, "IT") | {PIN_ENV: "246813"}
    added = flxdesk("operator", "add", "0099", "Lee Chen", "--pin", env=env)
    assert added.returncode == 0, added.stderr
    assert "asks for a PIN" in added.stdout
    assert "246813" not in added.stdout + added.stderr
    (stored,) = roster_of(owner).operators
    assert is_pin_hash(stored.pin_hash) and "246813" not in stored.pin_hash
    assert pin_matches("246813", stored.pin_hash) and not pin_matches("246814", stored.pin_hash)
    listed = flxdesk("operator", "list", env=env)
    assert listed.stdout.splitlines() == ["0099\tLee Chen\t\tPIN"]
    assert stored.pin_hash not in listed.stdout + listed.stderr


@pytest.mark.parametrize(
    ("pin", "words"),
    [
        ("", "No PIN given: type it at a terminal, or set FLXDESK_OPERATOR_PIN"),
        ("12", "4"),  # too short: the rule names its digits
        ("12ab", "digits"),
    ],
)
def test_a_missing_or_bad_pin_changes_nothing(
    postgres: PostgresServer, tmp_path: Path, pin: str, words: str
) -> None:
    owner, _ = floor_with_stations(postgres)
    env = station_env(tmp_path / "it", owner, "IT") | {PIN_ENV: pin}
    refused = flxdesk("operator", "add", "0099", "Lee Chen", "--pin", env=env)
    assert refused.returncode == 2
    assert words in refused.stderr and "Nothing was changed." in refused.stderr
    if len(pin) >= 4:  # a PIN is never repeated back (a short one may be in the rule's words)
        assert pin not in refused.stderr
    assert roster_of(owner) == Roster()


def test_hash_pin_prints_a_hash_for_the_settings_file_without_a_floor(tmp_path: Path) -> None:
    env = station_env(tmp_path / "it", "", "IT") | {PIN_ENV: "1357"}
    env.pop("FLXDESK_FLOOR_URL")
    made = flxdesk("operator", "hash-pin", env=env)
    assert made.returncode == 0, made.stderr
    (line,) = made.stdout.splitlines()
    assert is_pin_hash(line) and pin_matches("1357", line) and "1357" not in line
    other = flxdesk("operator", "hash-pin", env=env)
    assert other.stdout.strip() != line  # a new salt every time
    none = flxdesk("operator", "hash-pin", env=env | {PIN_ENV: ""})
    assert none.returncode == 2 and "No hash was made." in none.stderr and none.stdout == ""


def test_a_stations_login_may_not_change_or_list_the_operators(
    postgres: PostgresServer, tmp_path: Path
) -> None:
    owner, urls = floor_with_stations(postgres, "pack_cli_roster")
    with psycopg.connect(owner, autocommit=True) as db:
        add_operator(db, "0042", "Maria López", False, "")
    before = roster_of(owner)
    env = station_env(tmp_path / "s", urls["pack_cli_roster"], "PACK-1")
    env["PGPASSWORD"] = "pack_cli_roster" * 2
    for command in (
        ("operator", "add", "0100", "Kim", "--supervisor"),
        ("operator", "remove", "0042"),
        ("operator", "list"),
    ):
        refused = flxdesk(*command, env=env)
        assert refused.returncode == 2, command
        assert "only the floor's owner may change or list its operators" in refused.stderr
        assert "pack_cli_roster may not" in refused.stderr
    assert roster_of(owner) == before


@pytest.mark.parametrize(
    ("badge", "name", "words"),
    [
        ("00 42", "Maria", 'The badge "00 42" has spaces'),
        ("0042", "   ", "The name is empty"),
        ("x" * 33, "Maria", "is longer than 32 characters"),
    ],
)
def test_an_entry_the_roster_cannot_hold_is_named_and_changes_nothing(
    postgres: PostgresServer, tmp_path: Path, badge: str, name: str, words: str
) -> None:
    owner, _ = floor_with_stations(postgres)
    refused = flxdesk("operator", "add", badge, name, env=station_env(tmp_path / "it", owner, "IT"))
    assert refused.returncode == 2
    assert words in refused.stderr and refused.stderr.rstrip().endswith("Nothing was changed.")
    assert roster_of(owner) == Roster()


def test_without_a_floor_the_owners_commands_say_so(tmp_path: Path) -> None:
    env = station_env(tmp_path / "it", "", "IT")
    env.pop("FLXDESK_FLOOR_URL")
    refused = flxdesk("operator", "list", env=env)
    assert refused.returncode == 2
    assert "floor" in refused.stderr and "Traceback" not in refused.stderr


# --- badge cards -------------------------------------------------------------------------

SETTINGS_ROSTER = [
    {"badge": "0042", "name": "Maria López"},
    {"badge": "0077", "name": "Sam Lee", "supervisor": True},
    {"badge": "A-1234567890", "name": "Dana Okafor-Whitfield"},
]
PRINTED_AT = {"a4": 150, "letter": 150, "4x6": 203}


def write_badges(target: Path, env: dict[str, str], *options: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "flxdesk", "badges", "--pdf", str(target), *options],
        env=without_display(**env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def machine_roster(operators: list[dict]) -> None:
    machine = machine_settings_file()
    machine.parent.mkdir(parents=True, exist_ok=True)
    machine.write_text(
        json.dumps({"operators": operators, "operator_sign_in": "required"}), encoding="utf-8"
    )


def decoded_pages(pdf: Path, dpi: int) -> list[list[str]]:
    """Each page of ``pdf`` printed at ``dpi`` in grey, and the codes zbarimg reads on it."""
    folder = pdf.with_suffix("")
    folder.mkdir()
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-gray", str(pdf), str(folder / "page")],
        check=True,
        timeout=60,
    )
    pages = sorted(folder.glob("page*.pgm"))
    return [
        subprocess.run(
            ["zbarimg", "--raw", "-q", str(page)], capture_output=True, text=True, timeout=60
        ).stdout.splitlines()
        for page in pages
    ]


def all_codes(pdf: Path) -> list[str]:
    """Every code of ``pdf`` printed at an office printer's 150 dpi."""
    return [code for page in decoded_pages(pdf, 150) for code in page]


@needs_poppler_and_zbar
@pytest.mark.parametrize("paper", ["a4", "letter", "4x6"])
def test_every_badge_card_decodes_to_its_code_and_names_its_operator(
    tmp_path: Path, paper: str
) -> None:
    machine_roster(SETTINGS_ROSTER)
    env = {"FLXDESK_HOME": str(tmp_path / "home")}
    target = tmp_path / f"badges-{paper}.pdf"
    done = write_badges(target, env, "--paper", paper)
    assert done.returncode == 0, done.stderr
    assert "wrote 3 badge card(s)" in done.stderr and "the settings' operators" in done.stderr
    pages = decoded_pages(target, PRINTED_AT[paper])
    codes = sorted(code for page in pages for code in page)
    assert codes == sorted(badge_code(entry["badge"]) for entry in SETTINGS_ROSTER)
    if paper == "4x6":
        assert [len(page) for page in pages] == [1, 1, 1]  # one card per label
    text = subprocess.run(
        ["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    for entry in SETTINGS_ROSTER:
        assert entry["name"] in text and badge_code(entry["badge"]) in text


def test_badges_with_no_operators_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "badges.pdf"
    done = write_badges(target, {"FLXDESK_HOME": str(tmp_path / "home")})
    assert done.returncode == 2
    assert "no operators are set up" in done.stderr and "Nothing was written." in done.stderr
    assert not target.exists()


@needs_poppler_and_zbar
def test_badges_come_from_the_floor_and_from_the_stations_copy_while_it_is_away(
    postgres: PostgresServer, tmp_path: Path
) -> None:
    machine_roster(SETTINGS_ROSTER[:1])  # the floor's list wins over an unlocked one
    owner, _ = floor_with_stations(postgres)
    with psycopg.connect(owner, autocommit=True) as db:
        add_operator(db, "0500", "Floor Person", False, "")
        add_operator(db, "0501", "Floor Boss", True, "")
    home = tmp_path / "it"
    from_floor = tmp_path / "floor.pdf"
    done = write_badges(from_floor, station_env(home, owner, "IT"))
    assert done.returncode == 0, done.stderr
    assert "wrote 2 badge card(s)" in done.stderr and "the floor's operators" in done.stderr
    assert sorted(all_codes(from_floor)) == ["FLXOP 0500", "FLXOP 0501"]

    away = f"postgresql://postgres@127.0.0.1:{closed_port()}/flxdesk?sslmode=disable"
    copy = Roster((Operator("0600", "Copied Person"),))
    RosterCopy(home / "floor-roster.json").save(copy, parse_address(away, "test").url)
    from_copy = tmp_path / "copy.pdf"
    done = write_badges(from_copy, station_env(home, away, "IT"))
    assert done.returncode == 0, done.stderr
    assert "the floor cannot be used" in done.stderr and "last copy" in done.stderr
    assert all_codes(from_copy) == ["FLXOP 0600"]
