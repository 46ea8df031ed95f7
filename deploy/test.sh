#!/usr/bin/env bash
# Runs every test, as CI does (.ci/run calls exactly this).
#
# The workbench's pages are built with the machine's Node.js (deploy/find-node.sh says what is needed).
# The browser tests drive a real headless Chromium: Debian's chromium and chromium-driver packages, and a CJK
# font so screenshots show the Chinese. They are installed here when missing (as root, or through sudo), so a
# fresh machine needs nothing but this script; no browser or driver is downloaded at test time. Debian's
# prometheus package, likewise, for promtool.
set -euo pipefail
cd "$(dirname "$0")/.."

. deploy/find-node.sh

packages=()
[[ -x /usr/bin/chromium ]] || packages+=(chromium)
[[ -x /usr/bin/chromedriver ]] || packages+=(chromium-driver)
fc-list 2>/dev/null | grep -qi "wenquanyi\|noto sans cjk" || packages+=(fonts-wqy-microhei)
# promtool checks and unit-tests the alert rules (deploy/prometheus); the package's server is not started.
command -v promtool > /dev/null || packages+=(prometheus)
if ((${#packages[@]})); then
    echo "Installing ${packages[*]} for the browser and alert-rule tests" >&2
    sudo=()
    if [[ $(id -u) -ne 0 ]]; then
        command -v sudo > /dev/null || { echo "Installing ${packages[*]} needs root or sudo." >&2; exit 1; }
        sudo=(sudo -n)
    fi
    # An unreachable extra source must not stop the install when Debian's own lists are fine.
    "${sudo[@]}" apt-get update -qq || echo "apt-get update reported problems; installing anyway" >&2
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}"
fi

exec ./mvnw -B verify "$@"
