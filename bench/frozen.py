"""Frozen-app benchmark: size and start-up of the PyInstaller build of flxdesk, each as a
ratio to a bare PySide6 QMainWindow frozen the same way.

What it builds (into build/bench-frozen/, reused on later runs unless --rebuild)
    flxdesk  build_scripts/flxdesk.spec, exactly as a release, plus one runtime hook
             (bench/first_paint_hook.py, passed through FLXDESK_BENCH_RUNTIME_HOOK).
    bare     a QApplication with an empty QMainWindow, frozen with a generated spec that
             uses the same options: one folder, windowed, no UPX, stripped on Linux, the
             same Qt trimming (build_scripts/qt_trim.py), and the same runtime hook.

What it measures
    Size: bytes of all files in each one-folder build (symlinks counted as links), and of
    each folder packed as .tar.gz (gzip level 6, as tar -z), in MB of 1,000,000 bytes.
    Start-up: for each run, time.perf_counter() just before Popen of the frozen executable
    until the parent reads the hook's line at the first Paint event of the main window;
    the child then ends at once. One warm-up of each, then --runs runs of each, flxdesk
    and bare interleaved; the medians are compared. The flxdesk child gets a private
    FLXDESK_HOME (shared by its runs, so the measured runs see an existing history, as on
    every start after the first), PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring (no
    keychain is touched; the window paints before the worker reads the keychain), no
    FLXDESK_API_URL, and QT_QPA_PLATFORM=offscreen unless already set.

How to run (with the interpreter that has PyInstaller and flxdesk's dependencies)
    python bench/frozen.py               # build if needed, 11 runs of each
    python bench/frozen.py --rebuild --runs 21 --verbose

Output, e.g.
    frozen size: flxdesk 133 MB, bare 110 MB, ratio 1.21 (target <= 1.10)
    archive (.tar.gz): flxdesk 52 MB, bare 44 MB compressed
    frozen startup: flxdesk 310 ms, bare 260 ms, ratio 1.19 (target <= 1.30)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

# Run as a script, bench/ is on sys.path: the timing and its marker are startup.py's.
from startup import ChildFailed, time_to_first_paint

REPO_ROOT = Path(__file__).resolve().parent.parent
BUILD_DIR = REPO_ROOT / "build" / "bench-frozen"
HOOK = REPO_ROOT / "bench" / "first_paint_hook.py"
SPEC = REPO_ROOT / "build_scripts" / "flxdesk.spec"
SIZE_TARGET = 1.10
STARTUP_TARGET = 1.30
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""

BARE_MAIN = """\
import sys

from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.show()
sys.exit(app.exec())
"""

# The same options as build_scripts/flxdesk.spec, minus what only flxdesk needs.
BARE_SPEC = """\
import sys

sys.path.insert(0, {build_scripts!r})
import qt_trim

a = Analysis(
    [{script!r}],
    excludes=[*qt_trim.unused_qt_modules(), "tkinter", "_tkinter"],
    runtime_hooks=[{hook!r}],
    optimize=0,
)
print(qt_trim.trim(a))
pyz = PYZ(a.pure)
exe = EXE(pyz, a.scripts, [], exclude_binaries=True, name="bare", console=False,
          upx=False, strip=False, argv_emulation=False)
coll = COLLECT(exe, a.binaries, a.datas, strip=sys.platform.startswith("linux"), upx=False,
               name="bare")
"""


def pyinstaller(spec: Path, name: str, env: dict[str, str]) -> Path:
    """Build ``spec`` into BUILD_DIR/dist/<name>; return the executable's path."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(BUILD_DIR / "dist"),
            "--workpath",
            str(BUILD_DIR / "work"),
            str(spec),
        ],
        check=True,
        cwd=REPO_ROOT,
        env=env,
    )
    return executable(name)


def executable(name: str) -> Path:
    return BUILD_DIR / "dist" / name / f"{name}{EXE_SUFFIX}"


def build_flxdesk() -> Path:
    env = {**os.environ, "FLXDESK_BENCH_RUNTIME_HOOK": str(HOOK)}
    return pyinstaller(SPEC, "flxdesk", env)


def build_bare() -> Path:
    BUILD_DIR.mkdir(parents=True, exist_ok=True)
    script = BUILD_DIR / "bare_main.py"
    script.write_text(BARE_MAIN, encoding="utf-8")
    spec = BUILD_DIR / "bare.spec"
    spec.write_text(
        BARE_SPEC.format(
            build_scripts=str(REPO_ROOT / "build_scripts"), script=str(script), hook=str(HOOK)
        ),
        encoding="utf-8",
    )
    return pyinstaller(spec, "bare", dict(os.environ))


def folder_bytes(folder: Path) -> int:
    return sum(
        entry.lstat().st_size
        for entry in folder.rglob("*")
        if entry.is_symlink() or entry.is_file()
    )


def tar_gz_bytes(folder: Path) -> int:
    with tempfile.TemporaryDirectory() as scratch:
        archive = Path(scratch) / "folder.tar.gz"
        with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
            tar.add(folder, arcname=folder.name)
        return archive.stat().st_size


def child_env(flxdesk_home: str) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["FLXDESK_HOME"] = flxdesk_home
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    env.pop("FLXDESK_API_URL", None)
    env.pop("FLXDESK_BENCH_RUNTIME_HOOK", None)
    return env


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Size and start-up of frozen flxdesk as ratios to a frozen bare QMainWindow."
    )
    parser.add_argument("--rebuild", action="store_true", help="rebuild both frozen apps")
    parser.add_argument("--runs", type=int, default=11, help="runs of each (default 11)")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per child")
    parser.add_argument("--verbose", action="store_true", help="also print every run")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    apps = {"flxdesk": executable("flxdesk"), "bare": executable("bare")}
    if args.rebuild or not all(path.exists() for path in apps.values()):
        print(f"building both frozen apps into {BUILD_DIR} ...", flush=True)
        apps = {"flxdesk": build_flxdesk(), "bare": build_bare()}
    else:
        built = time.strftime("%Y-%m-%d %H:%M", time.localtime(apps["flxdesk"].stat().st_mtime))
        print(f"reusing the builds in {BUILD_DIR} from {built} (--rebuild to rebuild)")

    size = {name: folder_bytes(path.parent) / 1e6 for name, path in apps.items()}
    packed = {name: tar_gz_bytes(path.parent) / 1e6 for name, path in apps.items()}
    print(
        f"frozen size: flxdesk {size['flxdesk']:.0f} MB, bare {size['bare']:.0f} MB, "
        f"ratio {size['flxdesk'] / size['bare']:.2f} (target <= {SIZE_TARGET:.2f})"
    )
    print(
        f"archive (.tar.gz): flxdesk {packed['flxdesk']:.0f} MB, bare {packed['bare']:.0f} MB "
        f"compressed, ratio {packed['flxdesk'] / packed['bare']:.2f}",
        flush=True,
    )

    times: dict[str, list[float]] = {"flxdesk": [], "bare": []}
    try:
        with tempfile.TemporaryDirectory(prefix="flxdesk-bench-home-") as home:
            env = child_env(home)
            for program in apps.values():  # warm-up, not counted
                time_to_first_paint(program.name, [str(program)], env, args.timeout)
            for run in range(1, args.runs + 1):
                for name, program in apps.items():
                    times[name].append(
                        time_to_first_paint(program.name, [str(program)], env, args.timeout)
                    )
                if args.verbose:
                    print(
                        f"run {run}: flxdesk {times['flxdesk'][-1] * 1000:.0f} ms, "
                        f"bare {times['bare'][-1] * 1000:.0f} ms"
                    )
    except ChildFailed as error:
        print(f"frozen benchmark failed: {error}", file=sys.stderr)
        return 1
    app_ms, bare_ms = (statistics.median(times[name]) * 1000 for name in ("flxdesk", "bare"))
    print(
        f"frozen startup: flxdesk {app_ms:.0f} ms, bare {bare_ms:.0f} ms, "
        f"ratio {app_ms / bare_ms:.2f} (target <= {STARTUP_TARGET:.2f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
