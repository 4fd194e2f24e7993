# Throwaway PostgreSQL clusters for tests, benchmarks and the demo.  Sourced
# by scripts/test.sh, scripts/bench.sh and scripts/demo.sh.  PostgreSQL refuses to run as root, so
# initdb and pg_ctl run as the postgres OS user; the cluster listens only on
# a private Unix socket directory (no TCP), so runs never collide.

PG_MAJOR=${PG_MAJOR:-15}
PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/$PG_MAJOR/bin/pg_config}

# as_postgres CMD...: run a server-side command as the postgres OS user.
as_postgres() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

# cluster_start BINDIR DIR PORT [OPTIONS]: initdb DIR/data and start it with
# its socket in DIR/sock and its log in DIR/server.log; OPTIONS are further
# server options ("-c shared_buffers=1GB").
cluster_start() {
	local bindir=$1 dir=$2 port=$3 options=${4:-}
	mkdir -p "$dir/data" "$dir/sock"
	chmod 755 "$dir"
	[ "$(id -u)" -eq 0 ] && chown postgres: "$dir/data" "$dir/sock"
	chmod 700 "$dir/data"
	: > "$dir/server.log"
	[ "$(id -u)" -eq 0 ] && chown postgres: "$dir/server.log"
	as_postgres "$bindir/initdb" -D "$dir/data" -U postgres -A trust \
		-E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
		|| { cat "$dir/initdb.log" >&2; return 1; }
	as_postgres "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
		-o "-p $port -k $dir/sock -c listen_addresses= -c fsync=off -c max_connections=40 $options" \
		start >/dev/null \
		|| { cat "$dir/server.log" >&2; return 1; }
}

# cluster_stop BINDIR DIR: stop the cluster in DIR if it runs.
cluster_stop() {
	local bindir=$1 dir=$2
	if [ -f "$dir/data/postmaster.pid" ]; then
		as_postgres "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
	fi
}

# The private installation: a copy of the PostgreSQL installation under a
# directory of our own, with the extension installed into it (DESTDIR).  It
# keeps runs from touching the system's extension directory and lets several
# trees run at once: PostgreSQL finds its share and lib directories relative
# to its binaries.

# stage_install STAGE: copy the PostgreSQL installation to STAGE and install
# the already built extension there; sets stage_bindir.
stage_install() {
	local stage=$1 bindir sharedir pkglibdir d
	bindir=$("$PG_CONFIG" --bindir)
	sharedir=$("$PG_CONFIG" --sharedir)
	pkglibdir=$("$PG_CONFIG" --pkglibdir)
	stage_bindir="$stage$bindir"
	for d in "$(dirname "$bindir")" "$sharedir" "$pkglibdir"; do
		mkdir -p "$stage$(dirname "$d")"
		[ -d "$stage$d" ] || cp -a "$d" "$stage$d"
	done
	make -s PG_CONFIG="$PG_CONFIG" install DESTDIR="$stage" >/dev/null
}

# stage_cluster_start DIR [OPTIONS]: start a throwaway cluster in DIR on the
# private installation (stage_install first) at a random port, or at
# KI_PORT when set (several people on one machine, each with a port range
# of their own), and point PGHOST, PGPORT and PGUSER at it.  Stop it with
# cluster_stop "$stage_bindir" DIR.
stage_cluster_start() {
	local dir=$1 options=${2:-} port
	port=${KI_PORT:-$((20000 + RANDOM % 10000))}
	cluster_start "$stage_bindir" "$dir" "$port" "$options" || return 1
	export PGHOST="$dir/sock" PGPORT="$port" PGUSER=postgres
}
