#!/usr/bin/env bash
# Benchmark 4: search for a partij by e-mail substring, by telephone number
# in any spelling and by a piece of the name: our indexes against Open
# Klant's icontains (UPPER(col) LIKE UPPER('%x%')), at SIZE and, for
# benchmark 6, at a tenth of it (bench/04_search.sql).
. "$(dirname "$0")/lib.sh"

name=04_search
small=$((BENCH_SIZE / 10))
sdb=$(bench_small_db)
k=${BENCH_SEARCH_TERMS:-10}
searches=("email ours" "email openklant" "telefoon ours" "telefoon openklant" "telefoon openklant-normalised"
	"naam ours" "naam openklant")

bench_dataset "$PGDATABASE" "$BENCH_SIZE"
bench_dataset "$sdb" "$small"

bq -c "SET client_min_messages = warning" -c "DELETE FROM bench.result WHERE bench = '$name'" \
	-c "CREATE TABLE IF NOT EXISTS bench.zoek_gevonden (size integer, kind text, variant text, rijen bigint)" \
	-c "DELETE FROM bench.zoek_gevonden"
for db in "$PGDATABASE" "$sdb"; do
	size=$BENCH_SIZE
	[ "$db" = "$sdb" ] && size=$small
	bq -d "$db" -f bench/$name.sql -c "SELECT bench.zoek_termen($k)" -c "SELECT bench.app_rol()" >/dev/null
	bench_prewarm "$db"
	# Untimed first pass: what each variant finds.
	for s in "${searches[@]}"; do
		set -- $s
		bq -c "INSERT INTO bench.zoek_gevonden VALUES ($size, '$1', '$2', $(bq -d "$db" -c "SELECT bench.zoek('$1', '$2')"))"
	done
done

# Each repetition: one session per data set, in alternating order, timing
# every search variant once in rotating order; k terms per timing.
for rep in $(seq 1 "$BENCH_REPS"); do
	dbs="$PGDATABASE $sdb"
	[ $((rep % 2)) = 0 ] && dbs="$sdb $PGDATABASE"
	for db in $dbs; do
		size=$BENCH_SIZE
		[ "$db" = "$sdb" ] && size=$small
		{
			echo "SET max_parallel_workers_per_gather = 0;"
			echo "SET jit = off;"
			# A new session loads its caches on first use: one untimed search
			# of every variant first.
			for s in "${searches[@]}"; do
				set -- $s
				echo "SELECT bench.zoek('$1', '$2', 1) \\g /dev/null"
			done
			for j in $(seq 0 $((${#searches[@]} - 1))); do
				set -- ${searches[$(((j + rep) % ${#searches[@]}))]}
				echo "INSERT INTO bench.result SELECT '$name', '$1:$size', '$2', $rep, bench.time_ms(\$\$SELECT bench.zoek('$1', '$2')\$\$), $k;"
			done
		} | bq -d "$db"
	done
	echo "   run $rep done"
done
bq -d "$sdb" -c "COPY (SELECT * FROM bench.result WHERE bench = '$name') TO STDOUT" | bq -c "COPY bench.result FROM STDIN"
bq -d "$sdb" -c "DELETE FROM bench.result WHERE bench = '$name'"

# The plans, for the first term of each kind, at SIZE.
plans=$(
	for s in "${searches[@]}"; do
		set -- $s
		echo "-- $1, $2: $(bq -c "SELECT term FROM bench.zoek_term WHERE kind = '$1' AND j = 1")"
		sql=$(bq -c "SELECT bench.zoek_sql('$1', '$2', term) FROM bench.zoek_term WHERE kind = '$1' AND j = 1")
		bq -c "SET max_parallel_workers_per_gather = 0" -c "SET jit = off" \
			-c "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) $sql"
		echo
	done
)

bq -c "INSERT INTO bench.status VALUES ('$name', 'search', 'ok', NULL)"

bq <<SQL
\copy (SELECT * FROM bench.result WHERE bench = '$name' ORDER BY item, rep, variant) TO '$BENCH_OUT/$name.csv' CSV HEADER
\copy (SELECT * FROM bench.zoek_gevonden ORDER BY size DESC, kind, variant) TO '$BENCH_OUT/${name}_found.csv' CSV HEADER
SQL

# Plot: milliseconds per search at SIZE, per kind and variant.
bq -F ' ' -c "
	SELECT format('\"%s\"', split_part(item, ':', 1)),
		   concat_ws(' ', VARIADIC ARRAY(
			   SELECT coalesce(round(x::numeric / $k, 3)::text, '?')
				 FROM unnest(ARRAY[
					 max(med) FILTER (WHERE variant = 'ours'), max(lo) FILTER (WHERE variant = 'ours'), max(hi) FILTER (WHERE variant = 'ours'),
					 max(med) FILTER (WHERE variant = 'openklant'), max(lo) FILTER (WHERE variant = 'openklant'), max(hi) FILTER (WHERE variant = 'openklant'),
					 max(med) FILTER (WHERE variant = 'openklant-normalised'), max(lo) FILTER (WHERE variant = 'openklant-normalised'),
					 max(hi) FILTER (WHERE variant = 'openklant-normalised')]) x))
	  FROM bench.summary('$name', 'ours')
	 WHERE split_part(item, ':', 2) = '$BENCH_SIZE'
	 GROUP BY item
	 ORDER BY array_position(ARRAY['email', 'telefoon', 'naam'], split_part(item, ':', 1))" >"$BENCH_OUT/$name.dat"
PLOT_REF= PLOT_YMIN=0.01 bench_plot_bars "$BENCH_OUT/$name.dat" "$BENCH_PLOTS/$name.png" \
	"Search at $(thousands "$BENCH_SIZE") partijen: milliseconds per search, median and min-max of $BENCH_REPS runs" \
	"ms per search (log scale)" "ours" "Open Klant icontains" \
	"Open Klant, digits compared"

{
	cat <<MD
## 4. Search

Three searches a desk makes, $k different terms each, taken from the data (a fixed
pseudo-random choice, [bench/04_search.sql](../bench/04_search.sql)); every search returns
the partij and what matched, with the term as a literal in the statement (as Django sends
it, so that the planner sees the pattern). One session per data set times each variant over
all $k terms (\`bench.time_ms\`, rows counted in the server), after one untimed search of
every variant that fills the session's caches, the variants in rotating order; $BENCH_REPS
runs, after an untimed pass that also counts what each variant finds;
one core per query (\`max_parallel_workers_per_gather = 0\`), no JIT, tables and indexes
read beforehand (\`pg_prewarm\`). Our side is searched as an application would: the login role
\`bench_kcc\` (scopes read and bsn, not geheim) calls the extension's search functions, which
read under the row-level security policies; Open Klant's side, which has none, is searched as
the superuser. The plans below are those of the superuser's statements: for ours, of the call.

| search | term (example) | ours | Open Klant |
|---|---|---|---|
| e-mail substring | last 8 characters of a local part, \`$(bq -c "SELECT term FROM bench.zoek_term WHERE kind = 'email' AND j = 1")\` | \`zoek_partijen_met_adresdeel(x, 'email')\`: candidates by the trigram index of digitaal_adres.adres, read under the policies, with the partij's name | \`UPPER(adres) LIKE UPPER('%x%')\` (\`adres__icontains\`), no index can serve it |
| telephone number in any spelling | the number of a partij spelled otherwise than stored, \`$(bq -c "SELECT term FROM bench.zoek_term WHERE kind = 'telefoon' AND j = 1")\` | \`zoek_partijen(x::telefoonnummer)\`: the canonical E.164 key, btree index, with the partij's name | icontains of the number without separators (Open Klant stores none), which finds only the numbers stored with the same prefix (06... or +316...); and, as *digits compared*, what a DBA writes to find every spelling: \`right(regexp_replace(adres, '[^0-9]', '', 'g'), 9) = <last 9 digits>\` |
| piece of a name | a persoon's name without its first and last letters, \`$(bq -c "SELECT term FROM bench.zoek_term WHERE kind = 'naam' AND j = 1")\` | \`zoek_partijen_met_naamdeel(x)\`: candidates by the trigram indexes on the names of personen, contactpersonen and organisaties | \`UPPER(<voornaam voorvoegsel achternaam>) LIKE UPPER('%x%')\`, the name joined as Open Klant's volledigeNaam; Open Klant's API has no name filter (its filtersets in klantinteracties/api/filterset/), so this is what a DBA would write over its schema |

![Search](benchmarks/$name.png)

| partijen | search | variant | ms per search | variant ÷ ours (time) | rows found ($k terms) |
|---|---|---|---|---|---|
MD
	bq -c "
		SELECT format('| %s | %s | %s | %s | %s | %s |', to_char(split_part(s.item, ':', 2)::integer, 'FM9G999G999'),
			   CASE split_part(s.item, ':', 1) WHEN 'email' THEN 'e-mail substring' WHEN 'telefoon' THEN 'telephone number'
					ELSE 'piece of a name' END,
			   CASE s.variant WHEN 'ours' THEN 'ours'
					WHEN 'openklant' THEN 'Open Klant icontains' ELSE 'Open Klant, digits compared' END,
			   bench.fmt(s.med / $k, s.lo / $k, s.hi / $k, 3),
			   CASE WHEN s.variant = 'ours' THEN '' ELSE bench.fmt(s.ratio_med, s.ratio_lo, s.ratio_hi) END,
			   g.rijen || CASE WHEN g.rijen <> o.rijen THEN format(' (%s%% of ours)', round(100.0 * g.rijen / nullif(o.rijen, 0)))
							   ELSE '' END)
		  FROM bench.summary('$name', 'ours') s
		  JOIN bench.zoek_gevonden g ON g.size = split_part(s.item, ':', 2)::integer
		   AND g.kind = split_part(s.item, ':', 1) AND g.variant = s.variant
		  JOIN bench.zoek_gevonden o ON o.size = g.size AND o.kind = g.kind AND o.variant = 'ours'
		 ORDER BY g.size DESC, array_position(ARRAY['email', 'telefoon', 'naam'], g.kind),
				  array_position(ARRAY['ours', 'openklant', 'openklant-normalised'], s.variant)"
	cat <<MD

"variant ÷ ours" is the variant's time divided by ours, per run: how many times faster our
search is.
The issue sets no target for search; it asks for the ratios and the plans.

### Plans

For the first term of each search at $(thousands "$BENCH_SIZE") partijen (\`EXPLAIN (ANALYZE, COSTS OFF,
TIMING OFF, SUMMARY OFF)\`):

\`\`\`
$plans
\`\`\`
MD
} >"$BENCH_OUT/$name.md"
