#!/usr/bin/env bash
# Installs the Debian packages whose command is missing, without starting their services.
# Arguments: command:package pairs, e.g. influxd:influxdb carbon-cache:graphite-carbon
set -euo pipefail

missing=()
for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null || missing+=("${pair#*:}")
done
[ ${#missing[@]} -gt 0 ] || exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo
# The packages' own services must not start: they would listen on the default ports on every interface.
policy=/usr/sbin/policy-rc.d
added_policy=""
if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null
    $sudo chmod +x "$policy"
    added_policy=yes
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
[ -z "$added_policy" ] || $sudo rm -f "$policy"
