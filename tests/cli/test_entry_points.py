"""``python -m flxdesk`` and the ``flxdesk`` command start the same program."""

import subprocess
import sys

from flxdesk import __version__
from support.process import first_error_line_of_window


def test_python_dash_m_reports_its_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "flxdesk", "--version"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"flxdesk {__version__}"


def test_bad_api_url_is_refused_with_a_clear_message(monkeypatch) -> None:
    """The message goes to stderr and to a dialog (which waits for a click, so kill it)."""
    monkeypatch.setenv("FLXDESK_API_URL", "http://api.flxpoint.com")
    first_line = first_error_line_of_window()
    assert first_line.startswith("flxdesk: The API address 'http://api.flxpoint.com'")
    assert "Only https is allowed" in first_line


def test_installed_command_is_declared() -> None:
    from importlib.metadata import entry_points

    (script,) = [ep for ep in entry_points(group="console_scripts") if ep.name == "flxdesk"]
    assert script.value == "flxdesk.app:main"
