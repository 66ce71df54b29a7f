"""Translations are complete and current: CI fails on any text left untranslated.

pyside6-lupdate reads the sources into a temporary .ts; every text it finds must be
translated (not ``unfinished``) in each resources/i18n/flxdesk_<lang>.ts, with plural
forms where the text counts ("%n"). The committed .qm must be what pyside6-lrelease
makes of the .ts now. And every text marked in the code must be one lupdate can read.
"""

from __future__ import annotations

import ast
import subprocess
from pathlib import Path

import pytest

from flxdesk.host import i18n
from flxdesk.orders.statuses import _LABELS, ORDER_STATUSES
from support.paths import ROOT, build_script

translations = build_script("translations")
TS_FILES = sorted((ROOT / "resources" / "i18n").glob("flxdesk_*.ts"))


@pytest.fixture(scope="module")
def extracted() -> list:
    return translations.extract()


def test_every_language_has_its_ts_and_qm() -> None:
    languages = {translations.language_of(ts) for ts in TS_FILES}
    assert languages == set(i18n.LANGUAGES) - {i18n.SOURCE_LANGUAGE}
    for ts in TS_FILES:
        assert ts.with_suffix(".qm").is_file(), f"{ts.name}: no .qm"


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda path: path.name)
def test_no_text_is_untranslated(ts: Path, extracted: list) -> None:
    assert len(extracted) > 400  # lupdate read the sources
    assert translations.problems(ts, extracted) == []


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda path: path.name)
def test_no_unfinished_or_empty_entry_in_the_file(ts: Path) -> None:
    text = ts.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text
    assert [m.source for m in translations.read_ts(ts) if not all(m.forms)] == []


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda path: path.name)
def test_the_committed_qm_is_current(ts: Path, tmp_path: Path) -> None:
    fresh = tmp_path / ts.with_suffix(".qm").name
    translations.compile_qm(ts, fresh)
    assert fresh.read_bytes() == ts.with_suffix(".qm").read_bytes(), (
        "run python build_scripts/translations.py"
    )


def _marked_texts() -> list[tuple[str, int, str | None, object]]:
    """(file, line, context, text node) of every translate/QT_TRANSLATE_NOOP/self.tr call."""
    found = []
    for path in sorted((ROOT / "flxdesk").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        owner: dict[int, str] = {}
        for cls in (node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)):
            for inner in ast.walk(cls):
                owner.setdefault(id(inner), cls.name)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name in ("translate", "QT_TRANSLATE_NOOP") and len(node.args) >= 2:
                context = node.args[0]
                context_name = context.value if isinstance(context, ast.Constant) else None
                found.append((path.name, node.lineno, context_name, node.args[1]))
            elif name == "tr" and isinstance(node.func, ast.Attribute) and node.args:
                found.append((path.name, node.lineno, owner.get(id(node)), node.args[0]))
    return found


def test_marked_texts_are_plain_literals_that_lupdate_reads(extracted: list) -> None:
    """An f-string would be looked up by its filled-in text and never found; a call
    lupdate cannot read (a count that is not a plain name) leaves its text out."""
    have = {(m.context, m.source) for m in extracted}
    problems = []
    for file, line, context, text in _marked_texts():
        if isinstance(text, ast.JoinedStr):
            problems.append(f"{file}:{line}: an f-string is translated")
        elif (
            isinstance(text, ast.Constant)
            and context is not None
            and (context, text.value) not in have
        ):
            problems.append(f"{file}:{line}: [{context}] {text.value!r} not extracted")
    assert problems == []


def test_status_labels_are_marked_for_every_api_status() -> None:
    assert _LABELS == ORDER_STATUSES


def test_lupdate_runs_from_the_venv() -> None:
    lupdate = translations._tool("lupdate")
    assert subprocess.run([lupdate, "-version"], capture_output=True).returncode == 0


def test_the_frozen_build_keeps_qts_own_translations_of_our_languages() -> None:
    qt_trim = build_script("qt_trim")
    ours = {f"qtbase_{code}.qm" for code in i18n.LANGUAGES if code != i18n.SOURCE_LANGUAGE}
    assert set(qt_trim.KEEP_TRANSLATIONS) == ours
    for name in ours:
        assert not qt_trim._is_translation(f"PySide6/Qt/translations/{name}")
    assert qt_trim._is_translation("PySide6/Qt/translations/qtbase_de.qm")
    assert qt_trim._is_translation("PySide6\\Qt\\translations\\qt_help_es.qm")
    spec = (ROOT / "build_scripts" / "flxdesk.spec").read_text(encoding="utf-8")
    assert '(os.path.join(RESOURCES, "i18n", "*.qm"), os.path.join("resources", "i18n"))' in spec
