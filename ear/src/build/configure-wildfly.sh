#!/usr/bin/env bash
# Applies the CLI scripts to a freshly unpacked WildFly once, offline (embedded server), adds the application
# users listed in USERS (lines "name password role[,role]"; "-" for none) with WildFly's add-user.sh, then
# deploys the EAR into it when one is given ("-" for none: Arquillian deploys it).
# Usage: configure-wildfly.sh WILDFLY_HOME EAR|- USERS|- CLI_SCRIPT...
set -euo pipefail
home=$1; ear=$2; users=$3; shift 3
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
    if [ "$users" != "-" ]; then
        while read -r name password roles; do
            [ -z "$name" ] || [ "${name:0:1}" = "#" ] && continue
            "$home/bin/add-user.sh" -a -s -u "$name" -p "$password" -g "$roles"
        done < "$users"
    fi
    touch "$marker"
fi
if [ "$users" != "-" ]; then
    while read -r name password roles; do
        [ -z "$name" ] || [ "${name:0:1}" = "#" ] && continue
        echo "perfbridge: application user '$name' (roles $roles), password '$password' - for development only"
    done < "$users"
fi
if [ "$ear" != "-" ]; then
    cp "$ear" "$home/standalone/deployments/"
fi
