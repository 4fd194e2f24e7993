# Sourced by every bench/NN_*.sh.  scripts/bench.sh runs each benchmark
# from the top of the tree with, in the environment:
#   PGHOST PGPORT PGUSER PGDATABASE  the throwaway cluster and its database,
#                                    with the extension and bench/lib.sql
#   BENCH_SIZE   partijen of the data model benchmarks (100000 quick,
#                1000000 full); each benchmark scales its own data from it
#   BENCH_REPS   timed runs per measurement (>= 5 for a report)
#   BENCH_OUT    bench/out: CSV files and the section NN_name.md
#   BENCH_PLOTS  docs/benchmarks: PNG plots, linked from docs/benchmarks.md
# A benchmark writes its section of docs/benchmarks.md to
# $BENCH_OUT/<its name>.md (markdown, starting with a "## " heading) and its
# results as CSV next to it; a failing benchmark exits non-zero.

set -euo pipefail

# psql for scripts: no psqlrc, stop on the first error, unaligned output.
bq() {
	psql -X -q -At -v ON_ERROR_STOP=1 "$@"
}

# thousands N: 5000000 -> 5,000,000
thousands() {
	echo "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'
}

# bench_plot_bars DAT PNG TITLE YLABEL LABEL...: a grouped bar chart on a
# log scale with min-max error bars.  DAT has one line per group: its name,
# then median, min and max for each LABEL ("?" where missing).  Dashed lines
# mark the values in PLOT_REF (default 1; set it empty for none); PLOT_YMIN
# sets the bottom of the axis (0.2).
bench_plot_bars() {
	local dat=$1 png=$2 title=$3 ylabel=$4
	shift 4
	local plot="" col=2 label ref="" v
	for v in ${PLOT_REF-1}; do
		ref+="set arrow from graph 0, first $v to graph 1, first $v nohead dashtype 2 lc rgb '#555555'"$'\n'
	done
	for label in "$@"; do
		[ -n "$plot" ] && plot+=", "
		if [ "$col" -eq 2 ]; then
			plot+="'$dat' using 2:3:4:xtic(1) title '$label'"
		else
			plot+="'' using $col:$((col + 1)):$((col + 2)) title '$label'"
		fi
		col=$((col + 3))
	done
	gnuplot <<GP
set terminal pngcairo size 1000,520 font 'sans,10' noenhanced
set output '$png'
set title '$title'
set datafile missing '?'
set style data histogram
set style histogram errorbars gap 1.5 lw 1
set style fill solid 0.85 border -1
set boxwidth 0.9
set logscale y
set yrange [${PLOT_YMIN:-0.2}:*]
set grid ytics
set ylabel '$ylabel'
set xtics nomirror rotate by -25
set key below horizontal
$ref
plot $plot
GP
}

# The data of benchmarks 3-6 -------------------------------------------------

# Klantcontacten per partij in the data sets: the issue's full size has
# 5,000,000 for 1,000,000 partijen; smaller runs keep genereer_voorbeelddata's
# own proportion (about 1.9), which loads several times faster.
# BENCH_KLANTCONTACTEN overrides (0: the generator's proportion).
bench_klantcontacten() {
	if [ -n "${BENCH_KLANTCONTACTEN:-}" ]; then
		echo "$BENCH_KLANTCONTACTEN"
	elif [ "$BENCH_SIZE" -ge 1000000 ]; then
		echo 5
	else
		echo 0
	fi
}

# The database of the small data set of benchmark 6 (a tenth of SIZE).
bench_small_db() {
	echo "${PGDATABASE}_small"
}

# bench_dataset DB N: make sure database DB holds the sample data of N
# partijen (genereer_voorbeelddata, seed 0.42) in our schema and the same
# rows in Open Klant's (bench/baseline_openklant.sql, filled by
# bench.openklant_vullen in bench/dataset.sql), with fresh indexes and
# statistics.  Loads once: the next benchmark finds it in bench.dataset.
bench_dataset() {
	local db=$1 n=$2 kc t0 t1 rows verversen
	kc=$(bench_klantcontacten)
	if [ "$(bq -d postgres -c "SELECT count(*) FROM pg_database WHERE datname = '$db'")" = 0 ]; then
		bq -d postgres -c "CREATE DATABASE $db"
		bq -d "$db" -c "SET client_min_messages = warning" -c "CREATE EXTENSION klantinteracties CASCADE" -f bench/lib.sql
	fi
	bq -d "$db" <<'SQL'
SELECT to_regclass('bench.dataset') IS NULL AS nieuw \gset
\if :nieuw
\i bench/baseline_openklant.sql
\i bench/dataset.sql
\endif
SQL
	rows=$(bq -d "$db" -c "SELECT partijen || ' ' || klantcontacten_per_partij FROM bench.dataset")
	if [ -n "$rows" ]; then
		[ "$rows" = "$n $kc" ] && return 0
		echo "bench: database $db holds another data set ($rows), not $n partijen with $kc klantcontacten per partij" >&2
		return 1
	fi
	echo "   loading $(thousands "$n") partijen into $db"
	t0=$(date +%s)
	bq -d "$db" -c "SELECT klantinteracties.genereer_voorbeelddata($n)" >/dev/null
	if [ "$kc" != 0 ]; then
		bq -d "$db" -c "SELECT bench.klantcontacten_aanvullen($kc)" >/dev/null
	fi
	# The generator loads in one transaction: more partijen than
	# klantbeeld_direct, so their stored klantbeeld documents are marked
	# stale at its COMMIT; refreshed here in batches, as a DBA would.
	t1=$(date +%s.%N)
	bq -d "$db" -c "CALL klantinteracties.klantbeeld_verversen()" >/dev/null
	verversen=$(awk -v a="$t1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
	echo "   stored klantbeeld refreshed in $verversen s (CALL klantbeeld_verversen())"
	bq -d "$db" >/dev/null <<'SQL'
SET client_min_messages = warning;
SELECT bench.openklant_vullen();
-- Sizes as loaded, before the indexes of our schema (built row by row by
-- the generator) are rebuilt like Open Klant's (built at the end).
CREATE TABLE bench.dataset_size AS
SELECT 'loaded'::text AS stage, n.nspname AS schema, c.relname AS tabel,
	   pg_table_size(c.oid) AS table_bytes, pg_indexes_size(c.oid) AS index_bytes
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname IN ('klantinteracties', 'openklant') AND c.relkind = 'r';
REINDEX SCHEMA klantinteracties;
VACUUM (FREEZE, ANALYZE);
SQL
	bq -d "$db" -c "
		INSERT INTO bench.dataset
		SELECT $n, $kc, $(date +%s) - $t0,
			   (SELECT jsonb_object_agg(c.relname, c.reltuples::bigint)
				  FROM pg_class c WHERE c.relnamespace = 'klantinteracties'::regnamespace AND c.relkind = 'r'),
			   $verversen"
	echo "   loaded in $(($(date +%s) - t0)) s"
}

# bench_prewarm DB: read the tables and indexes of both schemas (and the
# benchmark's own) into shared buffers, as far as they fit; not the audit
# trail, the access log or the outbox (and their indexes), which no read
# uses and which would push the registry out.
bench_prewarm() {
	bq -d "$1" -c "
		SELECT count(pg_prewarm(c.oid))
		  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		  LEFT JOIN pg_index i ON i.indexrelid = c.oid
		  LEFT JOIN pg_class t ON t.oid = i.indrelid
		 WHERE n.nspname IN ('klantinteracties', 'openklant', 'bench', 'public')
		   AND c.relkind IN ('r', 'i', 't', 'm')
		   AND coalesce(t.relname, c.relname) NOT IN ('wijzigingslog', 'vergeetlog', 'inzagelog', 'gebeurtenis')" >/dev/null
}

# bench_pgbench DB SECONDS ARG...: pgbench with the settings of every
# pgbench measurement (8 clients on 2 threads, prepared statements, no
# vacuum), run for SECONDS + 2; prints "tps transactions" over its
# per-second progress reports after the first.  The first second is left
# out: each new connection then prepares its statements and fills its plan
# caches (our klantbeeld() plans its query five times before it settles on
# a generic plan), which an application's pooled connections do once.
# Fails when a client aborts.
bench_pgbench() {
	local db=$1 secs=$2 out
	shift 2
	out=$("$("$PG_CONFIG" --bindir)/pgbench" -n -M prepared -c 8 -j 2 -T $((secs + 2)) -P 1 "$@" "$db" 2>&1) || {
		echo "$out" | tail -n 20 >&2
		return 1
	}
	echo "$out" | awk '/^progress: / { t = $2 + 0; if (t > 1.5) { sum += $4; k++ } }
		END { if (k == 0) exit 1; printf "%.3f %d\n", sum / k, sum }'
}
