#!/usr/bin/env bash
# Tries the extension: installs what is missing, builds, then opens FOLDER (default: a fresh copy of example/ in
# a temporary folder, so that trying the fixes never changes this repository's files) in desktop VS Code with the
# extension loaded from this folder, or, without `code` on the PATH, in the VS Code server (installed once into a
# cache), printing the addresses to open in a browser.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: bash scripts/start.sh [FOLDER] [--host HOST] [--port PORT] [--print]

  FOLDER       the workspace to open (default: a fresh copy of example/ in a temporary folder)
  --host HOST  the address the VS Code server listens on (default 127.0.0.1, this machine only;
               0.0.0.0 for every network interface, then with a password); or COMPETITOR_SCOPE_HOST
  --port PORT  its port (default: a free one); or COMPETITOR_SCOPE_PORT
  --print      print the folder and the command that would open it, without installing or starting anything
  -h, --help   show this help

Desktop VS Code (`code` on the PATH) is used unless --host or --port asks for the server.
EOF
}

folder=''
host="${COMPETITOR_SCOPE_HOST:-}"
port="${COMPETITOR_SCOPE_PORT:-}"
print=false
while [ $# -gt 0 ]; do
  case "$1" in
    --host) [ $# -ge 2 ] || { usage >&2; exit 2; }; host="$2"; shift 2 ;;
    --port) [ $# -ge 2 ] || { usage >&2; exit 2; }; port="$2"; shift 2 ;;
    --print) print=true; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "start.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
    *) [ -z "$folder" ] || { echo "start.sh: one folder, not two" >&2; exit 2; }; folder="$1"; shift ;;
  esac
done
if [ -n "$port" ] && ! [[ "$port" =~ ^[0-9]+$ && "$port" -ge 1 && "$port" -le 65535 ]]; then
  echo "start.sh: --port must be a port number (1-65535), not \"$port\"" >&2
  exit 2
fi

repo="$(cd "$(dirname "$0")/.." && pwd)"
if [ -n "$folder" ]; then
  [ -d "$folder" ] || { echo "start.sh: no folder $folder" >&2; exit 2; }
  folder="$(cd "$folder" && pwd)"
else
  copy="$(mktemp -d "${TMPDIR:-/tmp}/competitor-scope-example.XXXXXX")"
  cp -R "$repo/example" "$copy/example"
  folder="$copy/example"
  echo "Opening a copy of example/ in $folder: what you change there leaves the repository as it is."
fi

if command -v code >/dev/null && [ -z "$host$port" ]; then
  command=(code --extensionDevelopmentPath="$repo" "$folder")
else
  command=(node "$repo/out/test/harness/serve.js" --folder "$folder")
  [ -z "$host" ] || command+=(--host "$host")
  [ -z "$port" ] || command+=(--port "$port")
fi
if $print; then
  printf '%q' "${command[0]}"
  printf ' %q' "${command[@]:1}"
  echo
  exit 0
fi

cd "$repo"
[ -d node_modules ] || npm ci --no-audit --no-fund
npm run build
# The VS Code server's install builds a native module (libkrb5-dev) and wants ripgrep.
[ "${command[0]}" = code ] || bash scripts/install-debian-packages.sh libkrb5-dev ripgrep
exec "${command[@]}"
