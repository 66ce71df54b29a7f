"""What of Qt a frozen flxdesk ships: only QtCore, QtGui and QtWidgets, the plugins a
widgets app needs to open a window, and Qt's translations of flxdesk's languages. Shared
by flxdesk.spec and bench/frozen.py's bare window, so both are trimmed by the same policy.

PyInstaller's Qt hooks collect every plugin type linked to QtGui (image formats, icon
engines, EGL/evdev integrations, the Qt virtual keyboard, ...) and every translation.
Those plugins link further Qt libraries (QtSvg, QtOpenGL, QtNetwork, QtQuick, QtQml), so
after dropping the plugins we also drop every library under PySide6/ that nothing we keep
links to. That reachability check uses PyInstaller's own dependency reader, so it holds on
Windows, macOS and Linux alike without a per-platform list of file names.
"""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Iterable
from pathlib import Path

USED_QT_MODULES = frozenset({"QtCore", "QtGui", "QtWidgets"})

# Plugins kept, by plugin folder; "*" keeps the whole folder. Stems are file names without
# "lib" and extension, so one list serves .so, .dll and .dylib.
KEEP_PLUGINS: dict[str, frozenset[str]] = {
    # Linux X11 and Wayland, Windows, macOS; offscreen for headless self-tests and CI.
    "platforms": frozenset({"qxcb", "qwayland", "qwindows", "qcocoa", "qoffscreen"}),
    # Native look: qmodernwindowsstyle (Windows 11/Vista styles), qmacstyle.
    "styles": frozenset({"*"}),
    # Loaded by qxcb when a GL surface is asked for; small, and need nothing else.
    "xcbglintegrations": frozenset({"*"}),
    # Dark mode and file dialogs through the XDG portal (needs only QtDBus, already in
    # QtGui). qgtk3 is left out: it would pull the build machine's GTK stack into the app.
    "platformthemes": frozenset({"qxdgdesktopportal"}),
    # Typing into the note field: compose key and dead keys, IBus input methods.
    "platforminputcontexts": frozenset(
        {"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"}
    ),
    # What qwayland needs for an ordinary desktop window with client-side decorations.
    "wayland-shell-integration": frozenset({"xdg-shell"}),
    "wayland-decoration-client": frozenset({"bradient"}),
}

# Qt's own translations kept: its standard buttons and dialogs in the languages flxdesk
# speaks besides English (flxdesk.host.i18n.LANGUAGES; tests/packaging/test_translations.py).
KEEP_TRANSLATIONS = frozenset({"qtbase_es.qm"})

_SEP = re.compile(r"[\\/]")


def unused_qt_modules(keep: Iterable[str] = USED_QT_MODULES) -> list[str]:
    """``PySide6.QtXxx`` names of the installed binding modules the app does not use,
    for Analysis(excludes=...). QtGui's hook asks for QtDBus (libQt6Gui links the QtDBus
    library); the library stays, the Python binding is not needed."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return []
    folder = Path(next(iter(spec.submodule_search_locations)))
    names = {
        entry.name.split(".", 1)[0]
        for entry in folder.iterdir()
        if entry.name.startswith("Qt") and entry.suffix in {".so", ".pyd"}
    }
    return sorted(f"PySide6.{name}" for name in names - set(keep))


def _parts(dest: str) -> list[str]:
    return _SEP.split(dest)


def _plugin_verdict(dest: str) -> bool | None:
    """True to keep, False to drop, None when ``dest`` is not a Qt plugin."""
    parts = _parts(dest)
    if parts[0] != "PySide6" or "plugins" not in parts[:-1]:
        return None
    at = parts.index("plugins")
    folder = "/".join(parts[at + 1 : -1])
    stem = re.sub(r"^lib|\.(so|dll|dylib)$", "", parts[-1])
    kept = KEEP_PLUGINS.get(folder, frozenset())
    return "*" in kept or stem in kept


def _is_translation(dest: str) -> bool:
    """A Qt translation the app drops (all but KEEP_TRANSLATIONS)."""
    parts = _parts(dest)
    return (
        parts[0] == "PySide6"
        and "translations" in parts[:-1]
        and parts[-1] not in KEEP_TRANSLATIONS
    )


def _framework_dir(dest: str) -> str | None:
    """macOS: 'PySide6/Qt/lib/QtSvg.framework/Versions/A/QtSvg' -> '.../QtSvg.framework'."""
    parts = _parts(dest)
    for i, part in enumerate(parts):
        if part.endswith(".framework"):
            return "/".join(parts[: i + 1])
    return None


def _linked(src: str, search_paths: list[str]):
    """(name, resolved path or None) of each library that ``src`` links to."""
    from PyInstaller.depend import bindepend

    return bindepend.get_imports(src, search_paths)


class _Index:
    """Finds the TOC entry of a linked library: by resolved path, or else by bare name, so
    that a library counts as linked whenever there is any sign that something links it."""

    def __init__(self, binaries: list[tuple]) -> None:
        libs = [(dest, src) for dest, src, kind in binaries if kind == "BINARY"]
        self.src = dict(libs)
        self.by_path = {os.path.normcase(os.path.realpath(src)): dest for dest, src in libs}
        self.by_name = {_parts(dest)[-1].lower(): dest for dest, _ in libs}
        self.search_paths = sorted({os.path.dirname(src) for _, src in libs})

    def closure(self, sources: Iterable[str], within: set[str] | None = None) -> set[str]:
        """Dest names of the libraries reachable from ``sources`` (files), optionally only
        through libraries in ``within``."""
        reached: set[str] = set()
        queue = list(sources)
        while queue:
            for name, path in _linked(queue.pop(), self.search_paths):
                dest = self.by_path.get(os.path.normcase(os.path.realpath(path))) if path else None
                dest = dest or self.by_name.get(_parts(name)[-1].lower())
                if dest is None or dest in reached or (within is not None and dest not in within):
                    continue
                reached.add(dest)
                queue.append(self.src[dest])
        return reached


def _orphaned_libraries(binaries: list[tuple], dropped_plugins: list[tuple]) -> set[str]:
    """Dest names of libraries nothing kept links to, among those that may go: Qt's own
    libraries under PySide6/, and whatever the dropped plugins pulled in (e.g. the qgtk3
    theme drags the build machine's GTK, cairo and pango along). Libraries outside that
    set are left alone even when unlinked: PyInstaller may have collected them for ctypes."""
    index = _Index(binaries)
    candidates = index.closure(src for _, src, _ in dropped_plugins)
    candidates |= {
        dest for dest in index.src if _parts(dest)[0] == "PySide6" and _plugin_verdict(dest) is None
    }
    roots = [src for dest, src, kind in binaries if dest not in candidates and kind != "SYMLINK"]
    return candidates - index.closure(roots, within=candidates)


def trim(analysis) -> str:
    """Drop unused Qt plugins, translations and libraries from a PyInstaller Analysis,
    in place. Returns a one-line summary for the build log."""
    plugins = [entry for entry in analysis.binaries if _plugin_verdict(entry[0]) is False]
    dropped_plugins = {dest for dest, _, _ in plugins}
    binaries = [entry for entry in analysis.binaries if entry[0] not in dropped_plugins]
    dropped_libs = _orphaned_libraries(binaries, plugins)
    frameworks = {fw for fw in map(_framework_dir, dropped_libs) if fw}

    # Symlinks PyInstaller made to a dropped library (e.g. _internal/libQt6Svg.so.6 ->
    # PySide6/Qt/lib/libQt6Svg.so.6) would dangle. (Analysis files them under datas.)
    dropped_norm = {"/".join(_parts(lib)) for lib in dropped_libs}
    dangling = {
        dest
        for dest, target, kind in binaries + list(analysis.datas)
        if kind == "SYMLINK"
        and "/".join(_parts(os.path.normpath(os.path.join(os.path.dirname(dest), target))))
        in dropped_norm
    }

    def dropped(dest: str) -> bool:
        if dest in dropped_libs or dest in dangling or _is_translation(dest):
            return True
        norm = "/".join(_parts(dest))
        return any(norm.startswith(fw + "/") for fw in frameworks)

    removed = dropped_plugins | {d for d, _, _ in binaries + list(analysis.datas) if dropped(d)}
    size = sum(
        os.path.getsize(src)
        for dest, src, _ in list(analysis.binaries) + list(analysis.datas)
        if dest in removed and os.path.isfile(src)
    )
    analysis.binaries[:] = [e for e in binaries if not dropped(e[0])]
    analysis.datas[:] = [e for e in analysis.datas if not dropped(e[0])]
    translations = sum(1 for dest in removed if _is_translation(dest))
    return (
        f"qt_trim: dropped {len(dropped_plugins)} plugins, {len(dropped_libs)} libraries and "
        f"{translations} translations ({size / 1e6:.0f} MB)"
    )
