#!/usr/bin/env bash
# Builds a second copy of better-sqlite3 for Electron's ABI into .electron-native/, so the
# node_modules copy stays built for Node (tests, the browser host) and both hosts run.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(node -p "require('electron/package.json').version")
work=$(mktemp -d)
cp -r node_modules/better-sqlite3 "$work/"
(cd "$work/better-sqlite3" && npx --no-install node-gyp rebuild --release \
  --target="$version" --runtime=electron --dist-url=https://electronjs.org/headers)
mkdir -p .electron-native
cp "$work/better-sqlite3/build/Release/better_sqlite3.node" .electron-native/
rm -rf "$work"
echo "setup: better-sqlite3 built for Electron $version in .electron-native/."
