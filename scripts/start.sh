#!/usr/bin/env bash
# Tries the extension on the example workspace: installs what is missing, builds, then opens example/ in
# desktop VS Code with the extension loaded from this folder, or, without `code` on the PATH, in the
# VS Code server (installed once into a cache) and prints the address to open in a browser.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -d node_modules ] || npm ci --no-audit --no-fund
npm run build

if command -v code >/dev/null; then
  exec code --extensionDevelopmentPath="$PWD" example
fi
# The VS Code server's install builds a native module (libkrb5-dev) and wants ripgrep.
bash scripts/install-debian-packages.sh libkrb5-dev ripgrep
exec node out/test/harness/serve.js
