"""The documentation, one part per reader, kept true: the generated references are what
the code makes now, every link goes somewhere, and the README stays a front page."""

from __future__ import annotations

import ast
import fnmatch
import re
from pathlib import Path

import pytest

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
    for guide in (
        "docs/user-guide.md",
        "docs/user-guide.es.md",
        "docs/it-guide.md",
        "docs/performance.md",
    ):
        assert f"]({guide})" in readme, guide


# --- the user guide in each language the window speaks ------------------------------

GUIDE = ROOT / "docs" / "user-guide.md"
TRANSLATED_GUIDES = sorted((ROOT / "docs").glob("user-guide.*.md"))
FENCED = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
BOLD = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)
INLINE_CODE = re.compile(r"`([^`]+)`")
PICTURE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")
PLACEHOLDER = re.compile(r"(\{[^{}]*\}|%L?n)")


def _language(guide: Path) -> str:
    return guide.name.split(".")[1]  # user-guide.<language>.md


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _sections(markdown: str) -> list[tuple[str, str]]:
    """(heading marks, body) for the title and every heading, in order."""
    parts = re.split(r"^(#+) .*$", FENCED.sub("```", markdown), flags=re.MULTILINE)
    return list(zip(parts[1::2], parts[2::2], strict=True))


def _shape(markdown: str) -> list[tuple[str, int, int, int]]:
    """Per section: its level, pictures, table lines and code blocks."""
    return [
        (
            level,
            len(PICTURE.findall(body)),
            sum(line.startswith("|") for line in body.splitlines()),
            body.count("```"),
        )
        for level, body in _sections(markdown)
    ]


def _pictures(markdown: str) -> list[str]:
    return [Path(target).name for target in PICTURE.findall(markdown)]


def test_every_language_of_the_window_has_its_user_guide() -> None:
    from flxdesk.host import i18n

    languages = {_language(guide) for guide in TRANSLATED_GUIDES}
    assert languages == set(i18n.LANGUAGES) - {i18n.SOURCE_LANGUAGE}


@pytest.mark.parametrize("guide", TRANSLATED_GUIDES, ids=lambda path: path.name)
def test_each_translated_guide_has_the_english_ones_sections_pictures_and_tables(
    guide: Path,
) -> None:
    english = GUIDE.read_text(encoding="utf-8")
    translated = guide.read_text(encoding="utf-8")
    assert _shape(translated) == _shape(english)
    # Where the English guide shows the English window the translation shows its own
    # language's, and the other way round (the section on languages shows the other).
    mark = f"-{_language(guide)}"
    for english_picture, picture in zip(_pictures(english), _pictures(translated), strict=True):
        assert (mark in picture) != (mark in english_picture), (english_picture, picture)
    code = FENCED.findall(english), FENCED.findall(translated)
    uncommented = [[re.sub(r"\s+#.*", "", block) for block in blocks] for blocks in code]
    assert uncommented[0] == uncommented[1]  # the same commands; comments are translated


@pytest.mark.parametrize("guide", TRANSLATED_GUIDES, ids=lambda path: path.name)
def test_the_english_guide_and_each_translation_link_each_other_at_the_top(guide: Path) -> None:
    english_top = _sections(GUIDE.read_text(encoding="utf-8"))[0][1]
    translated_top = _sections(guide.read_text(encoding="utf-8"))[0][1]
    assert f"]({guide.name})" in english_top
    assert f"]({GUIDE.name})" in translated_top


@pytest.mark.parametrize("guide", TRANSLATED_GUIDES, ids=lambda path: path.name)
def test_code_in_a_translated_guide_is_what_the_english_guide_has(guide: Path) -> None:
    """`code` is what is never translated: commands, files, settings, barcodes."""
    english = {_one_line(c) for c in INLINE_CODE.findall(FENCED.sub("", GUIDE.read_text("utf-8")))}
    translated = INLINE_CODE.findall(FENCED.sub("", guide.read_text(encoding="utf-8")))
    assert [code for code in translated if _one_line(code) not in english] == []


def _bare(text: str) -> str:
    """What a window word is compared by: one line, no accelerator "&", no leading "…; "
    of a text that continues another, no trailing ":" of a label."""
    text = _one_line(text.replace("&&", "\0").replace("&", "").replace("\0", "&"))
    return text.lstrip("…;, ").rstrip(":")


def _window_words(language: str) -> tuple[list[re.Pattern[str]], dict[str, set[str]]]:
    """Every text the window shows in ``language`` as a pattern (a value filled in for
    each {name} and %n), and each menu's title with the entries under it."""
    from flxdesk.gui.window.menus import ENTRIES, MENUS

    messages = build_script("translations").read_ts(
        ROOT / "resources" / "i18n" / f"flxdesk_{language}.ts"
    )
    patterns = []
    for form in {_bare(form) for message in messages for form in message.forms}:
        pieces = PLACEHOLDER.split(form)
        if len(pieces) > 1 and sum(c.isalpha() for c in "".join(pieces[::2])) < 4:
            continue  # "{s} s", "({detail})": too little of the window's own to be a check
        pattern = "".join(
            (r"\d[\d.,]*" if piece.startswith("%") else ".+?") if n % 2 else re.escape(piece)
            for n, piece in enumerate(pieces)
        )
        patterns.append(re.compile(pattern))
    menu_words = {m.source: _bare(m.forms[0]) for m in messages if m.context == "WindowMenus"}
    menus = {
        menu_words[title]: {menu_words[e.text] for e in ENTRIES if e.menu == key}
        for key, title in MENUS
    }
    return patterns, menus


@pytest.mark.parametrize("guide", TRANSLATED_GUIDES, ids=lambda path: path.name)
def test_every_bold_word_of_a_translated_guide_is_the_windows_own(guide: Path) -> None:
    """Bold in a translated guide means "as the window shows it": each bold text is a
    translation in the window's .ts (a menu path piece by piece, each entry under the
    menu it names), with example values where the window fills some in."""
    patterns, menus = _window_words(_language(guide))

    def shown(text: str) -> bool:
        return any(pattern.fullmatch(text) for pattern in patterns)

    not_shown = []
    bold = [_bare(text) for text in BOLD.findall(FENCED.sub("", guide.read_text("utf-8")))]
    assert len(bold) > 50
    for text in bold:
        if shown(text):
            continue
        path = text.split(" → ")
        menu_ok = len(path) < 2 or path[0] not in menus or path[1] in menus[path[0]]
        if len(path) < 2 or not all(shown(piece) for piece in path) or not menu_ok:
            not_shown.append(text)
    assert not_shown == []


def _spec_sources() -> list[str]:
    """The files build_scripts/flxdesk.spec ships as data (glob patterns, from ROOT)."""
    spec = ast.parse((ROOT / "build_scripts" / "flxdesk.spec").read_text(encoding="utf-8"))
    folders = {"ROOT": "", "RESOURCES": "resources"}
    datas = next(
        node.value
        for node in ast.walk(spec)
        if isinstance(node, ast.keyword) and node.arg == "datas"
    )
    sources = []
    for entry in datas.elts:
        join = entry.elts[0]
        parts = [folders[a.id] if isinstance(a, ast.Name) else a.value for a in join.args]
        sources.append("/".join(part for part in parts if part))
    return sources


def test_the_frozen_build_ships_every_user_guide_and_its_pictures() -> None:
    shipped = _spec_sources()
    for guide in [GUIDE, *TRANSLATED_GUIDES]:
        needed = [
            guide,
            *(
                (guide.parent / target).resolve()
                for target in PICTURE.findall(guide.read_text(encoding="utf-8"))
            ),
        ]
        for path in needed:
            name = path.relative_to(ROOT).as_posix()
            assert any(fnmatch.fnmatch(name, source) for source in shipped), name
