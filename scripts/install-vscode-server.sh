#!/usr/bin/env bash
# Installs the VS Code server (code-server from npm) that the integration tests run in,
# into a per-machine cache outside the project, once. Prints the install folder.
# The server's bundled @vscode/ripgrep would download ripgrep; we hand it Debian's rg instead.
set -euo pipefail

version=4.100.3
cache="${COMPETITOR_SCOPE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/competitor-scope}"
dest="$cache/code-server-$version"
entry="$dest/node_modules/code-server/out/node/entry.js"

if [ -f "$entry" ] && [ -f "$dest/.complete" ]; then
  echo "$dest/node_modules/code-server"
  exit 0
fi

command -v rg >/dev/null || { echo "ripgrep (Debian package 'ripgrep') is required" >&2; exit 1; }

tmp="$cache/tmp"
rm -rf "$dest" "$tmp"
mkdir -p "$dest" "$tmp/vscode-ripgrep-cache-1.15.11"
tar czf "$tmp/vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg

echo '{"private":true}' > "$dest/package.json"
(
  cd "$dest"
  TMPDIR="$tmp" npm_config_yes=true npm_config_unsafe_perm=true \
    npm install --no-audit --no-fund --loglevel=error "code-server@$version" >&2
)
test -f "$entry"
touch "$dest/.complete"
rm -rf "$tmp"
echo "$dest/node_modules/code-server"
