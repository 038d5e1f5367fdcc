#!/bin/sh
# The browser tests (tests/test_browser.py) drive a system Chromium through Playwright; no test
# tool downloads a browser of its own. This installs Debian's chromium when it is missing.
# Elsewhere, install Chromium or Chrome yourself and point SOURCESCORE_CHROMIUM at it.
set -e
if [ -n "$SOURCESCORE_CHROMIUM" ] || command -v chromium >/dev/null 2>&1; then
    exit 0
fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "installing Debian's chromium for the browser tests" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
    echo "tests/install-browser.sh: no chromium; install it (apt-get install chromium as root)" \
         "or set SOURCESCORE_CHROMIUM to a Chromium or Chrome binary" >&2
    exit 1
fi
