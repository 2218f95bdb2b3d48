#!/usr/bin/env bash
# npm run setup: everything a fresh Debian machine with Node 20 needs to run and test Countertop.
set -euo pipefail
cd "$(dirname "$0")/.."

# First, before anything is installed: package.json "engines" (Vite 8 and ESLint 10 need
# Node 20.19+, 22.13+ or 24+).
if ! command -v node >/dev/null; then
  echo "setup: Node is not installed. Install Node 20.19 or newer (e.g. from nodesource.com), then run npm run setup again."
  exit 1
fi
node scripts/check-node.mjs

# Chromium runs the browser host and the e2e; socat makes pty pairs for serial device tests; PostgreSQL is
# the back office's database (its tests start a private cluster); strace crashes
# and faults the ledger's commit in the exactly-once tests;
# udev lets serialport list ports; libusb/libudev are what node-hid loads; Noto CJK renders
# Chinese in screenshots and on the simulated receipt.
APT_PACKAGES=(chromium socat strace postgresql udev libusb-1.0-0 libudev1 fonts-noto-cjk python3 make g++)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "setup: installing OS packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else
    echo "setup: these OS packages are missing. Install them, then run npm run setup again:"
    echo "  sudo apt-get install -y ${missing[*]}"
    exit 1
  fi
else
  echo "setup: OS packages present."
fi

# The npm packages, native modules built for this Node. Electron's own binary comes from a
# download host outside the npm registry, so it is fetched separately below: where that host
# is unreachable the install still succeeds and `npm start` uses the browser host instead.
echo "setup: installing npm packages (better-sqlite3 compiles from source: about 2 minutes)."
ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund

echo "setup: fetching the Electron binary (timeout 90 s)."
if timeout 90 node node_modules/electron/install.js >/tmp/countertop-electron-install.log 2>&1 \
  && node -e "require('fs').accessSync(require('electron'))" 2>/dev/null; then
  echo "setup: Electron installed: npm start opens the Electron window."
  bash scripts/build-electron-sqlite.sh || echo "setup: could not build better-sqlite3 for Electron; see above."
else
  echo "setup: Electron's download is unreachable here (see /tmp/countertop-electron-install.log)."
  echo "setup: installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1: npm start uses the browser host in Chromium."
fi
echo "setup: done. Next: npm start (the app) or npm test (all checks)."
