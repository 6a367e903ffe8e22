#!/usr/bin/env bash
# Makes a self-signed certificate for 127.0.0.1 (PEM, for the InfluxDB the tests serve over TLS) and a PKCS12
# trust store holding it (for the managed WildFly, so that perfbridge's InfluxDB client trusts that server).
# Usage: make-test-certificate.sh DIR
set -euo pipefail
dir=$1
[ -f "$dir/truststore.p12" ] && exit 0
mkdir -p "$dir"
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=127.0.0.1" \
    -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
    -keyout "$dir/key.pem" -out "$dir/cert.pem" 2>/dev/null
keytool -importcert -noprompt -alias influxdb-it -file "$dir/cert.pem" \
    -keystore "$dir/truststore.p12" -storetype PKCS12 -storepass changeit >/dev/null
