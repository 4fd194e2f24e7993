# Throwaway PostgreSQL clusters for tests and the demo.  Sourced by
# scripts/test.sh and scripts/demo.sh.  PostgreSQL refuses to run as root, so
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

# cluster_start BINDIR DIR PORT: initdb DIR/data and start it with its socket
# in DIR/sock and its log in DIR/server.log.
cluster_start() {
	local bindir=$1 dir=$2 port=$3
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
		-o "-p $port -k $dir/sock -c listen_addresses= -c fsync=off -c max_connections=40" \
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
