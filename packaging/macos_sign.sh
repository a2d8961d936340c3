#!/usr/bin/env bash
# Sign Footprint.app for the hardened runtime (which notarisation requires), inside out:
# every Mach-O file in the bundle first (Playwright's Node, Qt, the Python extensions), then
# the bundle. Apple: "Signing a Mac app without Xcode" / codesign(1).
#   packaging/macos_sign.sh dist/Footprint.app "Developer ID Application: Name (TEAMID)"
set -euo pipefail
app=$1 identity=$2
entitlements="$(dirname "$0")/entitlements.plist"
sign() {
    codesign --force --timestamp --options runtime --entitlements "$entitlements" \
        --sign "$identity" "$1"
}
while IFS= read -r -d '' file; do
    if file -b "$file" | grep -q "Mach-O"; then
        sign "$file"
    fi
done < <(find "$app/Contents" -type f \( -perm -u+x -o -name "*.so" -o -name "*.dylib" \) -print0)
sign "$app"
codesign --verify --deep --strict --verbose=2 "$app"
