"""Where the checkout's files are, for tests that read them (or import a script)."""

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"


def build_script(name: str) -> ModuleType:
    """Import a module from build_scripts/ (not a package)."""
    return _script("build_scripts", name)


def bench_script(name: str) -> ModuleType:
    """Import a module from bench/ (not a package): its builders, its children's drivers."""
    return _script("bench", name)


def _script(folder: str, name: str) -> ModuleType:
    path = ROOT / folder / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"{folder}_{name}", path)
    assert spec is not None and spec.loader is not None, path
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
