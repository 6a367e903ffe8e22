#!/usr/bin/env bash
# The end-to-end load benchmark (not a test): builds, starts the real carbon and InfluxDB and a WildFly with
# perfbridge, drives load over HTTP and prints check results accepted/s, points delivered/s, POST latency,
# the raw rate of the embedded store and WildFly's peak RSS. Runs Icinga 2 from Debian on the same load first,
# for the side-by-side ratio. Installs the Debian packages it needs when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
./install-missing-packages.sh influxd:influxdb carbon-cache:graphite-carbon whisper-fetch:python3-whisper openssl:openssl \
    icinga2:icinga2-bin
mvn -B -q install -DskipTests
# carbon counts the points it received every 10 s: that is how Icinga 2's Graphite points are counted
exec mvn -B -q -pl ear exec:java -Dexec.mainClass=org.perfbridge.it.bench.IngestBenchmark -Dexec.classpathScope=test \
    -Dit.crash.wildfly.home="$PWD/ear/target/crash/wildfly" -Dit.work.dir="$PWD/ear/target/bench-work" \
    -Dit.tls.dir="$PWD/ear/target/it-tls" -Dit.carbon.max_updates_per_second=500 -Dit.carbon.metric_interval=10 "$@"
