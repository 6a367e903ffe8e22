#!/usr/bin/env bash
# Redeploys the EAR 20 times into the crash test's server, capped at 256 MB metaspace, each deployment storing a
# check result and delivering its points, then prints metaspace after full GCs against its level after the first
# deployment (RedeployLeakIT). Starts the real carbon and InfluxDB; installs them when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
./install-missing-packages.sh influxd:influxdb carbon-cache:graphite-carbon whisper-fetch:python3-whisper openssl:openssl
mvn -B -q install -DskipTests
exec mvn -B -pl ear verify -Dit.test=RedeployLeakIT -Dfailsafe.failIfNoSpecifiedTests=false "$@"
