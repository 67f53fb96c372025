#!/usr/bin/env bash
# Makes sure Debian's Chromium and its ChromeDriver are installed (/usr/bin/chromium, /usr/bin/chromedriver), for the
# browser tests (e2e-tests, io.newslens.e2e.ui). Called by the tests' setup; installs from Debian's packages with
# apt-get when missing. A test tool's own browser download does not work on these machines, so none is used.
# Prints the two paths on success. Safe to run concurrently (one install at a time).
set -euo pipefail

CHROMIUM=/usr/bin/chromium
DRIVER=/usr/bin/chromedriver

present() { [ -x "$CHROMIUM" ] && [ -x "$DRIVER" ]; }

if ! present; then
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "ensure-chromium: $CHROMIUM or $DRIVER is missing and apt-get is not available; install Chromium and ChromeDriver" >&2
        exit 1
    fi
    SUDO=""
    if [ "$(id -u)" != 0 ]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            SUDO="sudo -n"
        else
            echo "ensure-chromium: installing chromium needs root (apt-get install chromium chromium-driver)" >&2
            exit 1
        fi
    fi
    exec 9>/tmp/newslens-ensure-chromium.lock
    flock 9
    if ! present; then
        echo "ensure-chromium: installing chromium and chromium-driver from Debian's packages" >&2
        export DEBIAN_FRONTEND=noninteractive
        # the package lists of a fresh machine may be missing or stale
        if ! $SUDO apt-get install -y -q --no-install-recommends chromium chromium-driver fonts-dejavu-core >/tmp/newslens-ensure-chromium.log 2>&1; then
            $SUDO apt-get update -q >>/tmp/newslens-ensure-chromium.log 2>&1 || true
            $SUDO apt-get install -y -q --no-install-recommends chromium chromium-driver fonts-dejavu-core >>/tmp/newslens-ensure-chromium.log 2>&1 || {
                tail -n 20 /tmp/newslens-ensure-chromium.log >&2
                echo "ensure-chromium: apt-get install chromium chromium-driver failed (log: /tmp/newslens-ensure-chromium.log)" >&2
                exit 1
            }
        fi
    fi
fi

present || { echo "ensure-chromium: $CHROMIUM or $DRIVER still missing after the install" >&2; exit 1; }
echo "$CHROMIUM"
echo "$DRIVER"
