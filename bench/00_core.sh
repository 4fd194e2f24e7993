#!/usr/bin/env bash
# Benchmark 0: the pure C core alone (bench/core_bench.c, no PostgreSQL):
# nanoseconds per ki_<type>_parse call against strtoll on the same strings.
. "$(dirname "$0")/lib.sh"

name=00_core
n=$((10 * BENCH_SIZE < 1000000 ? 10 * BENCH_SIZE : 1000000))

make -s bench/out/core_bench >/dev/null
bench/out/core_bench -n "$n" -r "$BENCH_REPS" -c >"$BENCH_OUT/$name.csv" 2>"$BENCH_OUT/$name.err"
bq <<SQL
CREATE TEMP TABLE core (type text, variant text, run int, ns float8, n bigint);
\copy core FROM '$BENCH_OUT/$name.csv' CSV HEADER
INSERT INTO bench.result SELECT '$name', type, variant, run, ns, n FROM core;
SQL

order="array_position(ARRAY['bsn','rsin','kvk_nummer','vestigingsnummer','postcode','telefoonnummer','emailadres','iban','bic','bag_id','landcode'], o.item)"
bq -F ' ' -c "
	SELECT o.item, concat_ws(' ', round(o.med::numeric, 2), round(o.lo::numeric, 2), round(o.hi::numeric, 2),
							 round(s.med::numeric, 2), round(s.lo::numeric, 2), round(s.hi::numeric, 2),
							 round(c.med::numeric, 2), round(c.lo::numeric, 2), round(c.hi::numeric, 2))
	  FROM bench.summary('$name', 'strtoll') o
	  JOIN bench.summary('$name', 'strtoll') s ON s.item = o.item AND s.variant = 'strtoll'
	  JOIN bench.summary('$name', 'strtoll') c ON c.item = o.item AND c.variant = 'copy'
	 WHERE o.variant = 'ours'
	 ORDER BY $order" >"$BENCH_OUT/$name.dat"
PLOT_REF= PLOT_YMIN=1 bench_plot_bars "$BENCH_OUT/$name.dat" "$BENCH_PLOTS/$name.png" \
	"The C core alone: nanoseconds per call, median and min-max of $BENCH_REPS runs" \
	"ns per call (log scale)" "ours (ki_<type>_parse)" "strtoll" "copy (strlen + memcpy)"

{
	cat <<MD
## 0. The C core alone

[bench/core_bench.c](../bench/core_bench.c) (\`make bench-core\`) links the pure C core
(\`src/*_core.c\`, no PostgreSQL) with PostgreSQL's own compiler flags and times
\`ki_<type>_parse\` per call over $(thousands "$n") generated valid strings (the same kinds of
strings as benchmark 1), against \`strtoll\` on the same strings (reading digits, no rules)
and a copy of each string (\`strlen\` + \`memcpy\`, roughly what text input costs). Every call
goes through a function pointer, as in PostgreSQL's function manager. Nanoseconds per call:
median (minimum–maximum) of $BENCH_REPS runs, the variants interleaved; the ratio is taken per run.

![The C core per call](benchmarks/$name.png)

| type | ours ns/call | strtoll ns/call | copy ns/call | ours ÷ strtoll |
|---|---|---|---|---|
MD
	bq -c "
		SELECT format('| %s | %s | %s | %s | %s |', o.item,
			   bench.fmt(o.med, o.lo, o.hi, 1), bench.fmt(s.med, s.lo, s.hi, 1),
			   bench.fmt(c.med, c.lo, c.hi, 1), bench.fmt(o.ratio_med, o.ratio_lo, o.ratio_hi))
		  FROM bench.summary('$name', 'strtoll') o
		  JOIN bench.summary('$name', 'strtoll') s ON s.item = o.item AND s.variant = 'strtoll'
		  JOIN bench.summary('$name', 'strtoll') c ON c.item = o.item AND c.variant = 'copy'
		 WHERE o.variant = 'ours'
		 ORDER BY $order"
	if [ -s "$BENCH_OUT/$name.err" ]; then
		printf '\nThe core rejected generated values (those types are left out):\n\n```\n%s\n```\n' "$(cat "$BENCH_OUT/$name.err")"
	fi
} >"$BENCH_OUT/$name.md"
