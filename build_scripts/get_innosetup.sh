#!/usr/bin/env bash
# Inno Setup's compiler for Linux machines, where Wine runs it (the Windows installer test,
# tests/packaging/test_windows_installer.py; .ci/run calls this):
#
#   build_scripts/get_innosetup.sh        -> build/innosetup/ISCC.exe
#
# From the npm package `innosetup`, which carries Inno Setup's own files, checked against
# the hash below (change both together). Needs npm; does nothing when already there.
set -euo pipefail
cd "$(dirname "$0")/.."
version=6.4.1
sha256=fc36b763a729c8964416552d733f4864ac4a4934d0a6569e20c2feb4c29b9684
target=build/innosetup

if [ -f "$target/ISCC.exe" ] && [ "$(cat "$target/VERSION" 2>/dev/null)" = "$version" ]; then
    exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "innosetup@$version" >/dev/null)
echo "$sha256  $work/innosetup-$version.tgz" | sha256sum --check --quiet
tar -xzf "$work/innosetup-$version.tgz" -C "$work"
rm -rf "$target"
mkdir -p "$target"
cp -R "$work/package/bin/." "$target/"
echo "$version" > "$target/VERSION"
echo "Inno Setup $version in $target"
