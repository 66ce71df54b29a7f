"""The documentation, one part per reader, kept true: the generated references are what
the code makes now, every link goes somewhere, and the README stays a front page."""

from __future__ import annotations

import re
from pathlib import Path

from support.paths import ROOT, build_script

DOCS = sorted([ROOT / "README.md", ROOT / "CONTRIBUTING.md", *(ROOT / "docs").rglob("*.md")])
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")


def _anchors(markdown: Path) -> set[str]:
    """GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens."""
    anchors = set()
    for line in markdown.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            title = line.lstrip("#").strip().lower()
            anchors.add(re.sub(r"[^\w\- ]", "", title).replace(" ", "-"))
    return anchors


def test_the_generated_references_are_current() -> None:
    references = build_script("references")
    for name, make in references.REFERENCES.items():
        committed = (ROOT / "docs" / "reference" / name).read_text(encoding="utf-8")
        assert committed == make(), f"run python build_scripts/references.py ({name})"


def test_the_references_name_every_setting_and_every_command() -> None:
    from flxdesk.cli.commands import build_parser
    from flxdesk.station.station_settings import StationSettings

    settings = (ROOT / "docs" / "reference" / "settings.md").read_text(encoding="utf-8")
    for name in StationSettings._fields:
        assert f"| `{name}` |" in settings, name
    commands = (ROOT / "docs" / "reference" / "command-line.md").read_text(encoding="utf-8")
    subparsers = next(a for a in build_parser()._actions if hasattr(a, "choices") and a.choices)
    for name in subparsers.choices:
        assert f"## `flxdesk {name}`" in commands, name


def test_every_link_in_the_documentation_goes_somewhere() -> None:
    broken = []
    for doc in DOCS:
        for target in LINK.findall(doc.read_text(encoding="utf-8")):
            if re.match(r"[a-z]+:", target):  # https:, mailto:: not checked offline
                continue
            path_part, _, anchor = target.partition("#")
            linked = (doc.parent / path_part).resolve() if path_part else doc
            if not linked.exists():
                broken.append(f"{doc.relative_to(ROOT)}: {target}")
            elif anchor and linked.suffix == ".md" and anchor not in _anchors(linked):
                broken.append(f"{doc.relative_to(ROOT)}: {target} (no such heading)")
    assert broken == []


def test_the_readme_is_a_front_page_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.encode("utf-8")) <= 8 * 1024
    assert "pip install -e . && flxdesk --demo" in readme
    assert 'pip install -e ".[test]" && pytest' in readme
    for guide in ("docs/user-guide.md", "docs/it-guide.md", "docs/performance.md"):
        assert f"]({guide})" in readme, guide
