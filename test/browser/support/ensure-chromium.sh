#!/bin/sh
# Installs Debian's Chromium for the browser tests when it is missing (needs root, as in CI).
set -e
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
echo "Chromium missing at $CHROMIUM: installing the Debian package" >&2
apt-get update -qq && apt-get install -y -qq chromium
