#!/usr/bin/env bash
# Installs the named Debian packages that are not installed yet (none missing: no apt run at all).
# usage: install-debian-packages.sh PACKAGE...
set -euo pipefail

missing=()
for package in "$@"; do
  [ "$(dpkg-query -W -f='${db:Status-Abbrev}' "$package" 2>/dev/null)" = "ii " ] || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
# With recommends, as verified on these machines: chromium brings its fonts.
"${sudo[@]}" apt-get install -y -q "${missing[@]}"
