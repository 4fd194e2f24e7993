#!/usr/bin/env bash
# Benchmark 1: type input and validation, per type, against int4/int8/text
# input, the same rules in PL/pgSQL and Open Klant's regex (bench/01_types.sql).
. "$(dirname "$0")/lib.sh"

name=01_types
n=$((5 * BENCH_SIZE))	# 5 values per partij: 5,000,000 at the full size
m=$((n < 20000 ? n : 20000))	# values for the agreement check

bq -f bench/$name.sql

for t in $(bq -c "SELECT name FROM bench.type_entry ORDER BY ord"); do
	echo "-- $t"
	# One session per type: generate, freeze, load into shared buffers, time.
	bq <<SQL
SET max_parallel_workers_per_gather = 0;
SET jit = off;
SELECT bench.types_prepare('$t', $n) AS ok \gset
\if :ok
VACUUM (FREEZE, ANALYZE) bench.t_$t;
SELECT pg_prewarm('bench.t_$t') \g /dev/null
SELECT bench.types_measure('$t', $BENCH_REPS) \g /dev/null
SELECT bench.types_agree('$t', $m) \g /dev/null
DROP TABLE bench.t_$t;
\endif
SQL
	bq -c "SELECT status || coalesce(': ' || note, '') FROM bench.status
		   WHERE bench = '$name' AND item = '$t'" | sed 's/^/   /'
done

bq <<SQL
\copy (SELECT * FROM bench.result WHERE bench = '$name' ORDER BY item, rep, variant) TO '$BENCH_OUT/$name.csv' CSV HEADER
\copy (SELECT name AS type, floor, variant, runs, med AS median_ms, lo AS min_ms, hi AS max_ms, q1 AS q1_ms, q3 AS q3_ms, ratio_med AS ratio_to_floor, ratio_lo AS ratio_min, ratio_hi AS ratio_max FROM bench.types_ratio ORDER BY ord, variant) TO '$BENCH_OUT/${name}_summary.csv' CSV HEADER
SQL

# The plot: every variant relative to the floor, per type.
bq -F ' ' -c "
	SELECT e.name,
		   concat_ws(' ', VARIADIC (SELECT array_agg(coalesce(round(x::numeric, 3)::text, '?'))
									  FROM unnest(ARRAY[o.ratio_med, o.ratio_lo, o.ratio_hi,
														c.ratio_med, c.ratio_lo, c.ratio_hi,
														p.ratio_med, p.ratio_lo, p.ratio_hi,
														r.ratio_med, r.ratio_lo, r.ratio_hi]) x))
	  FROM bench.type_entry e
	  JOIN bench.types_ratio o ON o.name = e.name AND o.variant = 'ours'
	  LEFT JOIN bench.types_ratio c ON c.name = e.name AND c.variant = 'check'
	  JOIN bench.types_ratio p ON p.name = e.name AND p.variant = 'plpgsql'
	  JOIN bench.types_ratio r ON r.name = e.name AND r.variant = 'regex'
	 ORDER BY e.ord" >"$BENCH_OUT/$name.dat"
if [ -s "$BENCH_OUT/$name.dat" ]; then
	bench_plot_bars "$BENCH_OUT/$name.dat" "$BENCH_PLOTS/$name.png" \
		"Type input: time relative to the floor (int4/int8/text), median and min-max of $BENCH_REPS runs" \
		"time / floor (log scale)" \
		"ours (s::type)" "ours as CHECK (is_type)" "PL/pgSQL CHECK" "regex CHECK (Open Klant)"
fi

# The section of docs/benchmarks.md.
{
	cat <<MD
## 1. Type input and validation

Per type, $(thousands "$n") realistic valid strings (5 per partij at SIZE=$BENCH_SIZE) in a
text table are converted in one query, \`SELECT count(<expression>) FROM t\`: \`count()\`
forces every value to be evaluated and returns a single row, so neither output functions
nor client transfer are timed. All variants read the same table in the same session, with
the table frozen and loaded into shared buffers beforehand, one core
(\`max_parallel_workers_per_gather = 0\`) and no JIT. An untimed first pass of every variant
warms the caches and checks that each one accepts every generated value. Then $BENCH_REPS runs,
each timing every variant once, interleaved and in rotating order (ABCD, BCDA, ...).
Each figure is the median, with the minimum and maximum in brackets, of the per-run ratio
between two variants measured in the same run.

| variant | expression | what it stands for |
|---|---|---|
| floor | \`s::int4\`, \`s::int8\` or \`s\` (text) | the same strings with no rules: PostgreSQL's integer input (through the same text-to-cstring step as ours), or for types that are not numbers the text itself, which parses nothing and so is a strict floor |
| scan | \`s\` | reading the table only (shown where the floor is an integer) |
| ours | \`s::klantinteracties.<type>\` | our input function |
| ours as CHECK | \`s::bench.c_<type>\`, a text domain \`CHECK (is_<type>(VALUE))\` | our C rules behind a text column |
| PL/pgSQL | \`s::bench.pl_<type>\`, a text domain \`CHECK (pl_is_<type>(VALUE))\` | the same rules written in PL/pgSQL (what a DBA writes) |
| regex | \`s::bench.re_<type>\`, a text domain \`CHECK (VALUE ~ '...')\` | Open Klant's pattern rule (what an application schema does); it checks less than our type |

The data generators, the PL/pgSQL functions and the regexes are in
[bench/01_types.sql](../bench/01_types.sql), one entry per type. The PL/pgSQL functions
implement our rules; where they simplify (calling codes, IBAN registry, IDNA) they do less
work than our type, which favours them.

### Time relative to the floor

![Type input relative to the floor](benchmarks/$name.png)

| type | floor | scan | ours | ours as CHECK | PL/pgSQL | regex |
|---|---|---|---|---|---|---|
MD
	bq -c "
		SELECT format('| %s | %s | %s | %s | %s | %s | %s |', e.name, e.floor,
			   CASE WHEN e.floor = 'text' THEN '= floor'
					ELSE bench.fmt(max(r.ratio_med) FILTER (WHERE r.variant = 'scan'),
								   max(r.ratio_lo) FILTER (WHERE r.variant = 'scan'),
								   max(r.ratio_hi) FILTER (WHERE r.variant = 'scan')) END,
			   bench.fmt(max(r.ratio_med) FILTER (WHERE r.variant = 'ours'),
						 max(r.ratio_lo) FILTER (WHERE r.variant = 'ours'),
						 max(r.ratio_hi) FILTER (WHERE r.variant = 'ours')),
			   bench.fmt(max(r.ratio_med) FILTER (WHERE r.variant = 'check'),
						 max(r.ratio_lo) FILTER (WHERE r.variant = 'check'),
						 max(r.ratio_hi) FILTER (WHERE r.variant = 'check')),
			   bench.fmt(max(r.ratio_med) FILTER (WHERE r.variant = 'plpgsql'),
						 max(r.ratio_lo) FILTER (WHERE r.variant = 'plpgsql'),
						 max(r.ratio_hi) FILTER (WHERE r.variant = 'plpgsql'), 1),
			   bench.fmt(max(r.ratio_med) FILTER (WHERE r.variant = 'regex'),
						 max(r.ratio_lo) FILTER (WHERE r.variant = 'regex'),
						 max(r.ratio_hi) FILTER (WHERE r.variant = 'regex')))
		  FROM bench.type_entry e
		  JOIN bench.types_ratio r ON r.name = e.name
		 GROUP BY e.ord, e.name, e.floor
		 ORDER BY e.ord"
	cat <<MD

### Targets

The issue's targets: bsn input within 1.3× of int4 input; at least 20× faster than the
PL/pgSQL rules; faster than the regex domain, for every type. They are judged on the
measured ratios. "Net" subtracts from both sides of a ratio the time of reading the table
(the scan, or for text the floor), which both pay, leaving the ratio of the conversion work
itself; for the integer floors it is shown for ours ÷ floor too.

| type | ours ÷ floor | net | PL/pgSQL ÷ ours (≥ 20) | net | regex ÷ ours (> 1) | net |
|---|---|---|---|---|---|---|
MD
	bq -c "
		SELECT format('| %s | %s%s | %s | %s %s | %s | %s %s | %s |', name,
			   bench.fmt(floor_med, floor_lo, floor_hi),
			   CASE WHEN name = 'bsn' THEN CASE WHEN floor_med <= 1.3 THEN ' met' ELSE ' **missed**' END ELSE '' END,
			   bench.fmt(floor_net_med, floor_net_lo, floor_net_hi),
			   bench.fmt(pl_med, pl_lo, pl_hi, 1), CASE WHEN pl_med >= 20 THEN 'met' ELSE '**missed**' END,
			   bench.fmt(pl_net_med, pl_net_lo, pl_net_hi, 1),
			   bench.fmt(re_med, re_lo, re_hi), CASE WHEN re_med > 1 THEN 'met' ELSE '**missed**' END,
			   bench.fmt(re_net_med, re_net_lo, re_net_hi))
		  FROM bench.types_target ORDER BY ord"
	echo
	bq -c "
		WITH t AS (SELECT * FROM bench.types_target)
		SELECT '- bsn within 1.3× of int4 input: '
			   || coalesce((SELECT CASE WHEN floor_med <= 1.3 THEN '**met**' ELSE '**missed**' END
								   || format(', ours ÷ int4 = %s over %s runs (net of the table scan: %s).',
											 bench.fmt(floor_med, floor_lo, floor_hi), $BENCH_REPS,
											 bench.fmt(floor_net_med, floor_net_lo, floor_net_hi))
							  FROM t WHERE name = 'bsn'), 'not measured.')
		UNION ALL
		SELECT '- At least 20× faster than PL/pgSQL: '
			   || CASE WHEN bool_and(pl_med >= 20) THEN '**met** for all ' || count(*) || ' types measured'
					   ELSE '**missed** for ' || count(*) FILTER (WHERE pl_med < 20) || ' of ' || count(*)
							|| ' types: ' || string_agg(format('%s %s×', name, round(pl_med::numeric, 1)), ', ' ORDER BY ord)
								  FILTER (WHERE pl_med < 20) END
			   || format(' (medians %s× to %s×; net of the scan %s× to %s×).',
						 round(min(pl_med)::numeric, 1), round(max(pl_med)::numeric, 1),
						 round(min(pl_net_med)::numeric, 1), round(max(pl_net_med)::numeric, 1))
		  FROM t
		UNION ALL
		SELECT '- Faster than the regex domain for every type: '
			   || CASE WHEN bool_and(re_med > 1) THEN '**met** for all ' || count(*) || ' types measured'
					   ELSE '**missed** for ' || count(*) FILTER (WHERE re_med <= 1) || ' of ' || count(*)
							|| ' types: ' || string_agg(format('%s %s×', name, round(re_med::numeric, 2)), ', ' ORDER BY ord)
								  FILTER (WHERE re_med <= 1) END
			   || format(' (medians %s× to %s×; net of the scan %s× to %s×).',
						 round(min(re_med)::numeric, 2), round(max(re_med)::numeric, 2),
						 round(min(re_net_med)::numeric, 1), round(max(re_net_med)::numeric, 1))
		  FROM t"
	skipped=$(bq -c "
		SELECT string_agg(format('%s (%s%s)', item, status, coalesce(': ' || note, '')), '; ' ORDER BY e.ord)
		  FROM bench.status s JOIN bench.type_entry e ON e.name = s.item
		 WHERE bench = '$name' AND status <> 'ok'")
	if [ -n "$skipped" ]; then
		printf '\nNot measured: %s.\n' "$skipped"
	fi
	cat <<MD

### Do the rules agree?

Are the variants checking the same thing? Over $(thousands "$m") generated values, three in four
mutated (one character replaced, deleted or inserted), each rule is compared with
\`is_<type>()\`, which accepts exactly what our input function accepts. The PL/pgSQL
functions should agree; Open Klant's regex checks less (no check digits, no number plan)
but also refuses spellings our types normalise (separators, lower case), so it differs
both ways.

| type | values | ours accepts | PL/pgSQL differs | e.g. | regex accepts, ours rejects | e.g. | regex rejects, ours accepts |
|---|---|---|---|---|---|---|---|
MD
	bq -c "
		SELECT format('| %s | %s | %s | %s | %s | %s | %s | %s |', a.name, a.m, a.ours_valid,
			   a.pl_differs, coalesce('\`' || a.pl_example || '\`', ''),
			   a.re_looser, coalesce('\`' || a.re_example || '\`', ''), a.re_stricter)
		  FROM bench.type_agreement a JOIN bench.type_entry e USING (name)
		 ORDER BY e.ord"
	cat <<MD

### Times

Median, minimum–maximum and interquartile range of the $BENCH_REPS runs, in milliseconds
for $(thousands "$n") values. For reading the ratios only: absolute times on a shared
machine drift from run to run.

| type | variant | runs | median ms | min–max ms | IQR ms |
|---|---|---|---|---|---|
MD
	bq -c "
		SELECT format('| %s | %s | %s | %s | %s–%s | %s–%s |', name,
			   CASE variant WHEN 'floor' THEN 'floor (' || floor || ')' ELSE variant END, runs,
			   round(med::numeric, 1), round(lo::numeric, 1), round(hi::numeric, 1),
			   round(q1::numeric, 1), round(q3::numeric, 1))
		  FROM bench.types_ratio
		 ORDER BY ord, array_position(ARRAY['floor', 'scan', 'ours', 'check', 'plpgsql', 'regex'], variant)"
} >"$BENCH_OUT/$name.md"
