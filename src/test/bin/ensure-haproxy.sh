#!/usr/bin/env bash
# Installs Debian's haproxy when it is missing (the cluster test and src/test/bin/parley-cluster.sh
# put it in front of the instances, on loopback). Never downloads it from anywhere else.
set -euo pipefail
if command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ]; then exit 0; fi
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq haproxy >/dev/null
