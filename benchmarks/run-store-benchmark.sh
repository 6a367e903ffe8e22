#!/usr/bin/env bash
# The store at scale (not a test): builds, starts the real InfluxDB and a WildFly with perfbridge (the crash-test
# server copy, default heap, durable embedded store emptied first, InfluxDB sink on, Graphite sink off), fills the
# store with a million logs and prints Markdown table rows: fill rate and store size, read latency per query shape,
# POST latency while reading, heap after a full GC; with -Dbench.phases=...,soak a soak with a row per minute.
# Installs the Debian packages it needs when they are missing.
#   -Dbench.logs=1000000 -Dbench.reads=200 -Dbench.steady.seconds=60 -Dbench.steady.warmup_seconds=30 -Dbench.phases=fill,reads,steady,memory[,soak]
#   -Dbench.soak.rate=500 -Dbench.soak.logs=1500000 -Dbench.soak.max_logs=1000000 -Dbench.keep_data=false (true: keep the store and InfluxDB's files)
set -euo pipefail
cd "$(dirname "$0")/.."
./install-missing-packages.sh influxd:influxdb
mvn -B -q install -DskipTests
exec mvn -B -q -pl ear exec:java -Dexec.mainClass=org.perfbridge.it.bench.StoreScaleBenchmark -Dexec.classpathScope=test \
    -Dit.crash.wildfly.home="$PWD/ear/target/crash/wildfly" -Dit.work.dir="$PWD/ear/target/store-bench-work" "$@"
