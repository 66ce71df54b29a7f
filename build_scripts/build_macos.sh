#!/usr/bin/env bash
# Builds the macOS release: dist/flxdesk.app and dist/flxdesk-<version>-macos-<arch>.dmg
#
#   build_scripts/build_macos.sh
#
# Run it in the build environment (requirements-build.txt installed; see the README). The
# app is built for the Mac's own architecture and signed ad hoc by PyInstaller; signing
# with a Developer ID and notarising are separate release steps that need Apple accounts.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"

version="$("$PYTHON" build_scripts/buildinfo.py version)"
dmg="dist/flxdesk-${version}-$("$PYTHON" build_scripts/buildinfo.py platform).dmg"

"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller build_scripts/flxdesk.spec

# Smoke test of the frozen binary: it starts and knows its version.
reported="$(dist/flxdesk.app/Contents/MacOS/flxdesk --version)"
if [ "$reported" != "flxdesk $version" ]; then
    echo "frozen app reported '$reported', expected 'flxdesk $version'" >&2
    exit 1
fi

# The disk image shows the app next to a link to /Applications, to drag it across.
staging="build/dmg"
rm -rf "$staging" "$dmg"
mkdir -p "$staging"
cp -R dist/flxdesk.app "$staging/"
ln -s /Applications "$staging/Applications"
hdiutil create -volname "flxdesk $version" -srcfolder "$staging" -fs HFS+ -format UDZO \
    -ov "$dmg"
echo "built $dmg ($(du -h "$dmg" | cut -f1))"
