#!/usr/bin/env bash
# Builds the Linux release: dist/flxdesk/ (one folder) and dist/flxdesk-<version>-linux-<arch>.tar.gz
#
#   build_scripts/build_linux.sh
#
# Run it in the build environment (requirements-build.txt installed; see the README). Set
# PYTHON to use another interpreter than the first python3 on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"

version="$("$PYTHON" build_scripts/buildinfo.py version)"
archive="dist/flxdesk-${version}-$("$PYTHON" build_scripts/buildinfo.py platform).tar.gz"

"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller build_scripts/flxdesk.spec

# A desktop entry and icon beside the executable, for people who install by hand
# (copy flxdesk.desktop to ~/.local/share/applications and fix its paths).
install -m 644 resources/icons/flxdesk-256.png dist/flxdesk/flxdesk.png
cat > dist/flxdesk/flxdesk.desktop <<EOF
[Desktop Entry]
Type=Application
Name=flxdesk
Comment=Set Flxpoint order statuses
Exec=/opt/flxdesk/flxdesk
Icon=/opt/flxdesk/flxdesk.png
Categories=Office;
Terminal=false
EOF

# Smoke test of the frozen binary (no display needed): it starts and knows its version.
reported="$(dist/flxdesk/flxdesk --version)"
if [ "$reported" != "flxdesk $version" ]; then
    echo "frozen app reported '$reported', expected 'flxdesk $version'" >&2
    exit 1
fi

# Owner and order fixed, so the archive does not depend on who built it.
tar --sort=name --owner=0 --group=0 --numeric-owner -C dist -czf "$archive" flxdesk
echo "built $archive ($(du -h "$archive" | cut -f1), folder $(du -sh dist/flxdesk | cut -f1))"
