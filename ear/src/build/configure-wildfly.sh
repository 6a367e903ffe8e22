#!/usr/bin/env bash
# Applies the CLI scripts to a freshly unpacked WildFly once, offline (embedded server),
# then deploys the EAR into it when one is given ("-" for none: Arquillian deploys it).
# Usage: configure-wildfly.sh WILDFLY_HOME EAR|- CLI_SCRIPT...
set -euo pipefail
home=$1; ear=$2; shift 2
# The distribution unpacks as wildfly-<version>/; a fixed name keeps the README command version-free.
if [ ! -d "$home" ]; then
    mv "$(dirname "$home")"/wildfly-*/ "$home"
fi
marker="$home/.perfbridge-configured"
if [ ! -f "$marker" ]; then
    script=$(mktemp --suffix=.cli)
    trap 'rm -f "$script"' EXIT
    {
        echo "embed-server --server-config=standalone-full.xml --std-out=discard"
        for cli in "$@"; do cat "$cli"; echo; done
        echo "stop-embedded-server"
    } > "$script"
    JAVA_OPTS="${JAVA_OPTS:-} -Djboss.server.log.dir=$home/standalone/log" "$home/bin/jboss-cli.sh" --file="$script"
    touch "$marker"
fi
if [ "$ear" != "-" ]; then
    cp "$ear" "$home/standalone/deployments/"
fi
