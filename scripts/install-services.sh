#!/bin/sh
# Installs Debian's PostgreSQL, Redis and HAProxy for the cluster, its tests and benchmarks
# (only what is missing; nothing is started here: the tests and `make cluster` start their own).
set -e
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
missing=""
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$missing postgresql"
command -v redis-server >/dev/null 2>&1 || missing="$missing redis-server"
command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || missing="$missing haproxy"
[ -z "$missing" ] && exit 0
echo "Installing Debian's$missing for the PostgreSQL tests and the cluster..."
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
# Debian's packages start their own services; Cercle starts its own on free ports instead.
for service in postgresql redis-server haproxy; do
    if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
        $SUDO systemctl disable --now "$service" >/dev/null 2>&1 || true
    else
        $SUDO service "$service" stop >/dev/null 2>&1 || true
    fi
done
