"""The layer rule and the layout, checked on every module's source (imports inside
functions included).

Core modules (everything in ``flxdesk/`` outside ``flxdesk/gui/``) never import Qt or
the GUI layer: the command line, the engine and the store run and test without Qt. The
entry point ``flxdesk/app.py`` stands above both layers and may import either. Every
folder is a subpackage whose ``__init__.py`` is only a docstring saying what belongs
there (no re-exports: importing a package must cost nothing at start-up), holding at most
12 modules of its own; and the tests mirror it.
"""

from __future__ import annotations

import ast
from pathlib import Path

from support.paths import ROOT

PACKAGE = ROOT / "flxdesk"
TESTS = ROOT / "tests"
ENTRY_POINTS = {"app.py", "__main__.py"}  # dispatch to the command line or to the window
FORBIDDEN_IN_CORE = ("flxdesk.gui", "PySide6", "shiboken6")
ALLOWED_QT_IN_CORE: dict[str, set[str]] = {}  # module -> Qt modules it may import: none
MAX_MODULES_PER_FOLDER = 12
MAX_COMMAND_LINE_LINES = 300  # a module of flxdesk/cli/: one command group's job, read whole


def imported_modules(source: Path) -> set[str]:
    tree = ast.parse(source.read_text(encoding="utf-8"), filename=str(source))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level:
            raise AssertionError(f"{source}: relative import; write flxdesk.… in full")
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            names.add(str(node.args[0].value))
    return names


def is_core(path: Path) -> bool:
    return "gui" not in path.relative_to(PACKAGE).parts


def core_modules() -> list[Path]:
    return sorted(
        path
        for path in PACKAGE.rglob("*.py")
        if is_core(path) and path.relative_to(PACKAGE).as_posix() not in ENTRY_POINTS
    )


def subpackages() -> list[Path]:
    return sorted(path.parent for path in PACKAGE.rglob("__init__.py"))


def test_core_modules_import_neither_qt_nor_the_gui_layer() -> None:
    offences = []
    for module in core_modules():
        allowed = ALLOWED_QT_IN_CORE.get(module.name, set())
        for name in imported_modules(module):
            if name.startswith(FORBIDDEN_IN_CORE) and name not in allowed:
                offences.append(f"{module.relative_to(PACKAGE.parent)} imports {name}")
    assert offences == []


def test_the_rule_sees_imports_hidden_in_functions(tmp_path: Path) -> None:
    sneaky = tmp_path / "sneaky.py"
    sneaky.write_text("def later():\n    from PySide6.QtWidgets import QLabel\n", "utf-8")
    assert "PySide6.QtWidgets" in imported_modules(sneaky)


def test_the_rule_covers_every_core_subpackage() -> None:
    covered = {module.parent for module in core_modules()}
    core_packages = {package for package in subpackages() if is_core(package)}
    assert core_packages <= covered
    assert len(core_packages) >= 9  # orders, flxpoint, sending, history, bulk, ...
    assert all(package.parent == PACKAGE for package in core_packages - {PACKAGE})


def test_every_folder_is_a_package_that_says_what_belongs_there() -> None:
    folders = {path.parent for path in PACKAGE.rglob("*.py")}
    assert folders == set(subpackages())
    for package in subpackages():
        tree = ast.parse((package / "__init__.py").read_text(encoding="utf-8"))
        docstring = ast.get_docstring(tree) or ""
        assert len(docstring.split()) >= 8, f"{package}: say what belongs here"
        code = [node for node in tree.body if not isinstance(node, ast.Expr)]
        if package == PACKAGE:  # the top package also carries the version
            code = [node for node in code if not ast.unparse(node).startswith("__version__ =")]
        assert code == [], f"{package}/__init__.py: a docstring only, no imports"


def test_no_folder_holds_more_than_twelve_modules_of_its_own() -> None:
    crowded = {
        package.relative_to(ROOT).as_posix(): count
        for package in subpackages()
        if (count := len([p for p in package.glob("*.py") if p.name != "__init__.py"]))
        > MAX_MODULES_PER_FOLDER
    }
    assert crowded == {}


def test_no_command_line_module_is_over_three_hundred_lines() -> None:
    """The command line is a registry of small groups (flxdesk.cli.commands): a group
    that outgrows a module is split by job, not left to grow."""
    long = {
        path.name: lines
        for path in sorted((PACKAGE / "cli").glob("*.py"))
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_COMMAND_LINE_LINES
    }
    assert long == {}
    assert len(list((PACKAGE / "cli").glob("*.py"))) >= 8  # the rule sees the real folder


def test_the_gui_mirrors_the_core_where_it_shows_it() -> None:
    core = {package.name for package in subpackages() if package.parent == PACKAGE}
    gui = {package.name for package in subpackages() if package.parent == PACKAGE / "gui"}
    assert {"history", "bulk", "sending", "station", "reports"} <= core & gui


def test_tests_mirror_the_layout() -> None:
    """tests/core/<pkg>/ and tests/gui/<pkg>/ exist only for packages that exist."""
    for layer, root in (("core", PACKAGE), ("gui", PACKAGE / "gui")):
        for folder in (TESTS / layer).iterdir():
            if folder.is_dir() and folder.name != "__pycache__":
                assert (root / folder.name / "__init__.py").is_file(), folder
    names = [path.name for path in TESTS.rglob("test_*.py")]
    assert len(names) == len(set(names)), "test file names must stay unique"


def test_contributing_maps_every_subpackage_and_module() -> None:
    """CONTRIBUTING.md is the map: a new module or folder goes on it."""
    import re

    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    tree = text[text.index("## The layout") : text.index("## How data flows")]
    words = set(re.findall(r"[a-z0-9_]+", tree))
    unmapped = [
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if (path.stem if path.name != "__init__.py" else path.parent.name) not in words
    ]
    assert unmapped == []


# They build the window and connect its parts' signals.
COMPOSERS = {"gui/window/main_window.py", "gui/window/wiring.py", "gui/start/startup.py"}


def test_no_window_part_imports_the_main_window() -> None:
    """Each part gets what it uses (or a Protocol naming it), never the whole window, not
    even for type checking: so it can be built and tested alone."""
    reaching = [
        str(path.relative_to(PACKAGE))
        for path in sorted((PACKAGE / "gui").rglob("*.py"))
        if str(path.relative_to(PACKAGE)) not in COMPOSERS
        and "flxdesk.gui.window.main_window" in imported_modules(path)
    ]
    assert reaching == []


# What each package may import of flxdesk (besides itself): host is the ground floor, and
# every feature sits above what it uses, with no pair naming each other. The floor sits
# above sending (it paces through sending.pacing and reports sending.events); the engine
# knows the floor only as the Protocol sending.pacing.StationFloor.
ALLOWED_IMPORTS: dict[str, set[str]] = {
    "host": set(),
    "orders": {"host"},
    "operators": {"host", "orders"},
    "station": {"host", "orders", "operators"},
    "config": {"host", "station", "operators"},
    "bulk": {"host", "orders"},
    "history": {"host", "orders"},
    "flxpoint": {"host", "orders"},
    "reports": {"host", "orders", "history"},
    "floor": {"host", "orders", "operators", "history", "reports", "sending"},
    "sending": {"host", "orders", "station", "bulk", "history", "flxpoint"},
    "cli": {
        "host",
        "orders",
        "operators",
        "station",
        "config",
        "bulk",
        "history",
        "flxpoint",
        "reports",
        "floor",
        "sending",
    },
    "self_test": {"host", "config", "history", "flxpoint", "floor"},
    "gui": {
        "host",
        "orders",
        "operators",
        "station",
        "config",
        "bulk",
        "history",
        "flxpoint",
        "reports",
        "floor",
        "sending",
    },
    "app": {"host", "cli", "gui", "operators", "reports", "station", "self_test"},
    "__main__": {"app"},
    "__init__": set(),  # flxdesk/__init__.py: the version only
}


def test_no_two_packages_may_import_each_other() -> None:
    """The table has no circle of two: each package is above or below another, not both."""
    pairs = {
        tuple(sorted((package, other)))
        for package, allowed in ALLOWED_IMPORTS.items()
        for other in allowed
        if package in ALLOWED_IMPORTS.get(other, set())
    }
    assert pairs == set()


def _package_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return parts[0][:-3] if len(parts) == 1 else parts[0]


def test_every_package_imports_only_what_its_row_allows() -> None:
    beyond = []
    for path in sorted(PACKAGE.rglob("*.py")):
        package = _package_of(path)
        allowed = ALLOWED_IMPORTS[package] | {package}
        for name in imported_modules(path):
            target = name.split(".")[1] if name.startswith("flxdesk.") else ""
            if target and target != "__version__" and target not in allowed:
                beyond.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert beyond == []
    assert set(ALLOWED_IMPORTS) == {_package_of(path) for path in PACKAGE.rglob("*.py")}
