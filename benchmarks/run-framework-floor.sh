#!/usr/bin/env bash
# What WildFly's own stack costs per request, before perfbridge stores anything: wrk POSTs a check result that
# validation refuses (400) with Basic authentication to the README's run server, 90 s to warm up, 30 s measured,
# and this prints WildFly's CPU (user + system from /proc) per request. Needs port 8080 free; installs wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
./install-missing-packages.sh wrk:wrk
mvn -B -q install -DskipTests
script=$(mktemp --suffix=.lua)
cat > "$script" <<LUA
wrk.method = "POST"
wrk.body = '{"host_name": "", "state": "OK"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Basic $(printf 'perfbridge:Perfbridge-dev-1' | base64)"
LUA
log=ear/target/framework-floor-server.log
ear/target/run/wildfly/bin/standalone.sh -c standalone-full.xml > "$log" 2>&1 &
launcher=$!
stop() {
    [ -n "${jvm:-}" ] && kill "$jvm" 2>/dev/null || true
    wait "$launcher" 2>/dev/null || true
    rm -rf ear/target/run/wildfly/standalone/data/perfbridge "$script"
}
trap stop EXIT
for _ in $(seq 1 120); do curl -s -o /dev/null http://127.0.0.1:8080/api/status && break; sleep 1; done
jvm=$(pgrep -P "$launcher" java)
url=http://127.0.0.1:8080/api/logcheckresult
wrk -t2 -c16 -d90s -s "$script" "$url" > /dev/null
cpu_ticks() { awk '{print $14 + $15}' "/proc/$jvm/stat"; }
before=$(cpu_ticks)
measured=$(wrk -t2 -c16 -d30s -s "$script" "$url")
after=$(cpu_ticks)
requests=$(echo "$measured" | grep -oE '^ +[0-9]+ requests' | awk '{print $1}')
echo "$measured"
python3 -c "
ticks = $after - $before; seconds = ticks / $(getconf CLK_TCK)
print('authenticated POSTs refused by validation: %d in 30 s, %.0f/s' % ($requests, $requests / 30))
print('WildFly: %.2f cores, %.3f ms of CPU per request' % (seconds / 30, seconds * 1000 / $requests))"
