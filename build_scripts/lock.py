"""Regenerates build_scripts/requirements-build.txt, one lock (with hashes) for all three OSes.

    pip install pip-tools && python build_scripts/lock.py [extra pip-compile options]

pip-compile resolves for the OS it runs on: a requirement whose environment marker is
false there (``pefile; sys_platform == "win32"`` on Linux) is left out of the lock. So
requirements-build.in names the packages that only Windows or macOS needs WITHOUT a
marker, pip-compile pins and hashes them like the rest (all are pure Python and resolve
anywhere), and this script then adds their markers back, so each OS installs only its own.
It does the same for what only SecretStorage (Linux) pulls in.

--allow-unsafe is needed: PyInstaller depends on setuptools, and without a hashed pin
``pip download`` and ``pip install --require-hashes`` in a fresh environment refuse it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "requirements-build.in"
LOCK = HERE / "requirements-build.txt"

# Package -> the marker it gets in the lock. The first four are named in the .in file;
# the last three come only through SecretStorage (Linux), and pip-compile, resolving on
# Linux, pins them without a marker.
PLATFORM_ONLY = {
    "pywin32-ctypes": 'sys_platform == "win32"',
    "pefile": 'sys_platform == "win32"',
    "tzdata": 'sys_platform == "win32"',
    "macholib": 'sys_platform == "darwin"',
    "cryptography": 'sys_platform == "linux"',
    "cffi": 'sys_platform == "linux"',
    "pycparser": 'sys_platform == "linux"',
}


def add_markers(text: str) -> str:
    for name, marker in PLATFORM_ONLY.items():
        pattern = re.compile(rf"^({re.escape(name)}==\S+) \\$", re.MULTILINE)
        text, count = pattern.subn(rf"\1 ; {marker} \\", text)
        if count != 1:
            raise SystemExit(f"lock.py: expected one pin of {name} in {LOCK.name}, found {count}")
    return text


def main(argv: list[str]) -> int:
    command = [
        sys.executable,
        "-m",
        "piptools",
        "compile",
        "--quiet",
        "--generate-hashes",
        "--allow-unsafe",
        "--strip-extras",
        "--no-emit-index-url",
        "--output-file",
        str(LOCK.relative_to(HERE.parent)),
        str(SOURCE.relative_to(HERE.parent)),
        *argv,
    ]
    # The lock's header then names this script, not the bare pip-compile command.
    env = {**os.environ, "CUSTOM_COMPILE_COMMAND": "python build_scripts/lock.py"}
    subprocess.run(command, check=True, cwd=HERE.parent, env=env)
    LOCK.write_text(add_markers(LOCK.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"wrote {LOCK}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
