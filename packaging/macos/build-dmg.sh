#!/usr/bin/env bash
# macOS: builds "Desktop Search.app" with the same PyInstaller spec, then a DMG.
# Run on a Mac from the repository root:  packaging/macos/build-dmg.sh
# Written, not built: the project's machines run Linux (see packaging/README.md).
# Signing and notarisation (codesign, xcrun notarytool) need a developer identity and are
# left to the release machine: set CODESIGN_IDENTITY to sign.
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/setup-env packaging
VERSION="$(.venv/bin/python -c 'import desktop_search; print(desktop_search.__version__)')"
WORK=build/packaging
.venv/bin/pyinstaller --noconfirm --clean --workpath "$WORK/work" --distpath "$WORK/dist" \
    packaging/desktop-search.spec
APP="$WORK/dist/Desktop Search.app"
if [ -n "${CODESIGN_IDENTITY:-}" ]; then
    codesign --deep --force --options runtime --sign "$CODESIGN_IDENTITY" "$APP"
fi
mkdir -p dist "$WORK/dmg"
rm -rf "$WORK/dmg/"* && cp -R "$APP" "$WORK/dmg/" && ln -s /Applications "$WORK/dmg/Applications"
hdiutil create -volname "Desktop Search" -srcfolder "$WORK/dmg" -ov -format UDZO \
    "dist/desktop-search-$VERSION-macos.dmg"
echo "built dist/desktop-search-$VERSION-macos.dmg"
