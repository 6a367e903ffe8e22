#!/usr/bin/env bash
# Runs every test: the plain JUnit tests, then the end-to-end tests on a managed WildFly (from Maven Central)
# against the real carbon and InfluxDB from Debian's packages, which it installs when they are missing.
# The tests start those servers themselves on 127.0.0.1 (ports 18086, 12003, 12004) and stop them by PID.
set -euo pipefail
cd "$(dirname "$0")"

./install-missing-packages.sh influxd:influxdb carbon-cache:graphite-carbon whisper-fetch:python3-whisper openssl:openssl

digest=ear/target/it-failures.log
rm -f "$digest"
status=0
mvn -B verify "$@" || status=$?
# Printed last, where a CI log's tail shows it: what the servers logged while each failed end-to-end test ran.
if [[ $status -ne 0 && -s $digest ]]; then
    echo "=== what the servers logged during the failed end-to-end tests ($digest)"
    tail -n 40 "$digest"
fi
exit $status
