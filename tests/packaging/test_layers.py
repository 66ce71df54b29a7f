"""The layer rule, checked on every module's source (imports inside functions included).

Core modules (everything in ``flxdesk/`` outside ``flxdesk/gui/``) never import Qt or
the GUI layer: the command line, the engine and the store run and test without Qt. The
entry point ``flxdesk/app.py`` stands above both layers and may import either.
"""

from __future__ import annotations

import ast
from pathlib import Path

from support.paths import ROOT

PACKAGE = ROOT / "flxdesk"
ENTRY_POINTS = {"app.py"}  # dispatch to the command line or to the window
FORBIDDEN_IN_CORE = ("flxdesk.gui", "PySide6", "shiboken6")
ALLOWED_QT_IN_CORE: dict[str, set[str]] = {}  # module -> Qt modules it may import: none


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


def core_modules() -> list[Path]:
    return sorted(
        path
        for path in PACKAGE.rglob("*.py")
        if "gui" not in path.relative_to(PACKAGE).parts and path.name not in ENTRY_POINTS
    )


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


def test_core_is_most_of_the_package_and_the_gui_layer_is_one_folder() -> None:
    assert len(core_modules()) > 20
    gui = {path.name for path in (PACKAGE / "gui").glob("*.py")}
    assert {"main_window.py", "startup.py", "engine_thread.py"} <= gui
