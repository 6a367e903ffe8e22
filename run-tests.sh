#!/usr/bin/env bash
# Runs every test: the plain JUnit tests, then the end-to-end tests on a managed WildFly (from Maven Central)
# against the real carbon and InfluxDB from Debian's packages, which it installs when they are missing.
# The tests start those servers themselves on 127.0.0.1 (ports 18086, 12003, 12004) and stop them by PID.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
command -v influxd >/dev/null || missing+=(influxdb)
command -v carbon-cache >/dev/null || missing+=(graphite-carbon)
command -v whisper-fetch >/dev/null || missing+=(python3-whisper)
command -v openssl >/dev/null || missing+=(openssl)
if [ ${#missing[@]} -gt 0 ]; then
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
fi

exec mvn -B verify "$@"
