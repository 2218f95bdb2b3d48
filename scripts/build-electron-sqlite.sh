#!/usr/bin/env bash
# Builds a second copy of better-sqlite3 for Electron's ABI into .electron-native/, so the
# node_modules copy stays built for Node (tests, the browser host) and both hosts run.
# `npm run dist` ships it as a resource (electron-builder.yml); it is rebuilt only when
# Electron's or better-sqlite3's version changed.
set -euo pipefail
cd "$(dirname "$0")/.."
electron=$(node -p "require('electron/package.json').version")
sqlite=$(node -p "require('better-sqlite3/package.json').version")
stamp="electron $electron better-sqlite3 $sqlite $(node -p process.arch)"
if [ -f .electron-native/better_sqlite3.node ] && [ "$(cat .electron-native/built-for 2>/dev/null)" = "$stamp" ]; then
  echo "setup: better-sqlite3 for Electron $electron is already in .electron-native/."
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r node_modules/better-sqlite3 "$work/"
(cd "$work/better-sqlite3" && npx --no-install node-gyp rebuild --release \
  --target="$electron" --runtime=electron --dist-url=https://electronjs.org/headers)
mkdir -p .electron-native
cp "$work/better-sqlite3/build/Release/better_sqlite3.node" .electron-native/
echo "$stamp" > .electron-native/built-for
echo "setup: better-sqlite3 built for Electron $electron in .electron-native/."
