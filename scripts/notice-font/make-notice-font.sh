#!/usr/bin/env bash
# Regenerates platform/src/main/resources/admission/fonts/NotoSansSC-Regular.ttf (see SOURCES.md there).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
npm pack --silent @expo-google-fonts/noto-sans-sc@0.4.3 >/dev/null
tar xzf expo-google-fonts-noto-sans-sc-0.4.3.tgz package/400Regular/NotoSansSC_400Regular.ttf package/LICENSE_FONT
for a in org.apache.pdfbox:fontbox:3.0.5 org.apache.pdfbox:pdfbox-io:3.0.5 commons-logging:commons-logging:1.3.5; do
  mvn -q dependency:get -Dartifact="$a" >/dev/null
done
M="$HOME/.m2/repository"
CP="$M/org/apache/pdfbox/fontbox/3.0.5/fontbox-3.0.5.jar:$M/org/apache/pdfbox/pdfbox-io/3.0.5/pdfbox-io-3.0.5.jar:$M/commons-logging/commons-logging/1.3.5/commons-logging-1.3.5.jar"
OUT="$ROOT/platform/src/main/resources/admission/fonts"
java -cp "$CP" "$ROOT/scripts/notice-font/SubsetNoticeFont.java" package/400Regular/NotoSansSC_400Regular.ttf "$OUT/NotoSansSC-Regular.ttf"
cp package/LICENSE_FONT "$OUT/OFL.txt"
