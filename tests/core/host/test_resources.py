"""The shipped files flxdesk finds at run time: the user guide in the window's language."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from flxdesk.host.resources import user_guide_path
from support.paths import ROOT


def test_the_checkout_has_a_guide_for_english_and_for_spanish() -> None:
    assert user_guide_path() == ROOT / "docs" / "user-guide.md"
    assert user_guide_path("en") == ROOT / "docs" / "user-guide.md"
    assert user_guide_path("es") == ROOT / "docs" / "user-guide.es.md"


def test_a_language_without_its_guide_gets_the_english_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = tmp_path / "docs"  # a frozen build's folder, holding only the English guide
    docs.mkdir()
    (docs / "user-guide.md").write_text("# guide\n", encoding="utf-8")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert user_guide_path("es") == docs / "user-guide.md"
    (docs / "user-guide.es.md").write_text("# guía\n", encoding="utf-8")
    assert user_guide_path("es") == docs / "user-guide.es.md"
    assert user_guide_path("en") == docs / "user-guide.md"


def test_no_guide_installed_is_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert user_guide_path("es") is None
    assert user_guide_path("en") is None
