#!/usr/bin/env bash
# Installs, with apt-get, whatever the build, the tests and the demo need
# and this machine lacks.  Safe to run again: it installs nothing when all
# is there.  Debian 12 (PostgreSQL 15); PG_MAJOR selects another server.
set -euo pipefail

PG_MAJOR=${PG_MAJOR:-15}
packages=(
	"postgresql-$PG_MAJOR"              # server, pg_ctl, initdb, pgbench
	"postgresql-server-dev-$PG_MAJOR"   # PGXS, headers, pg_regress, pg_isolation_regress
	"postgresql-contrib"                # pg_trgm
	build-essential                     # gcc, make
	libidn2-dev                         # IDNA for emailadres
	util-linux                          # runuser
	"postgresql-$PG_MAJOR-auto-failover" # pg_autoctl: the failover test (test/failover.sh)
	"postgresql-$PG_MAJOR-cron"         # pg_cron: scheduled retention (test/retentie_cron.sh)
)
# node and npm for the API conformance test (ajv); any node >= 18 will do,
# so Debian's is installed only when the machine has none.
command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "deps: missing packages: ${missing[*]}; run as root or install them." >&2
		exit 1
	fi
	echo "deps: installing ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get -o DPkg::Lock::Timeout=900 update -qq
	apt-get install -y -qq -o DPkg::Lock::Timeout=900 --no-install-recommends "${missing[@]}" >/dev/null
fi

# Debian's postgresql-common may start a system cluster on install; ours
# are private, so it is not needed, but it is left alone when present.
id postgres >/dev/null 2>&1 || { echo "deps: OS user postgres is missing" >&2; exit 1; }
