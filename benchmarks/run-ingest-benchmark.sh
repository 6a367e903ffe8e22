#!/usr/bin/env bash
# The end-to-end load benchmark (not a test): builds, starts the real carbon and InfluxDB and a WildFly with
# perfbridge, drives load over HTTP and prints check results accepted/s, points delivered/s, POST latency,
# the raw rate of the embedded store and WildFly's peak RSS. Needs the packages run-tests.sh installs.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q install -DskipTests
exec mvn -B -q -pl ear exec:java -Dexec.mainClass=org.perfbridge.it.bench.IngestBenchmark -Dexec.classpathScope=test \
    -Dit.crash.wildfly.home="$PWD/ear/target/crash/wildfly" -Dit.work.dir="$PWD/ear/target/bench-work" \
    -Dit.tls.dir="$PWD/ear/target/it-tls" -Dit.carbon.max_updates_per_second=500 "$@"
