"""The type hints are checked: ``python -m mypy flxdesk`` (settings in pyproject.toml,
``[tool.mypy]``) finds no error."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from support.paths import ROOT


def test_mypy_finds_no_errors(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "flxdesk", "--cache-dir", str(tmp_path / "cache")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr  # 1: errors; 2: mypy itself failed
