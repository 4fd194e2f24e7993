#!/usr/bin/env bash
# Benchmark 6: scaling.  How the cost of the klantbeeld and search benchmarks
# grows from a tenth of SIZE to SIZE.  Benchmarks 3 and 4 measure both sizes
# in the same repetitions (interleaved); this one compares them and draws
# the growth, so it needs their results from the same run.
. "$(dirname "$0")/lib.sh"

name=06_scaling
small=$((BENCH_SIZE / 10))

have=$(bq -c "SELECT count(DISTINCT bench) FROM bench.result WHERE bench IN ('03_klantbeeld', '04_search')")
if [ "$have" != 2 ]; then
	echo "bench: 06_scaling compares the measurements of 03_klantbeeld and 04_search at two sizes;" \
		"run it with them: make bench BENCH=\"03 04 06\"" >&2
	exit 1
fi

# Per benchmark and variant: the time of one operation at each size, and
# the per-run ratio large ÷ small (both sizes are measured in every run).
bq -c "SET client_min_messages = warning" -c "DROP TABLE IF EXISTS bench.scaling" -c "
	CREATE TABLE bench.scaling AS
	WITH r AS (
		SELECT CASE bench WHEN '03_klantbeeld' THEN 'klantbeeld' ELSE split_part(item, ':', 1) END AS what,
			   variant, rep,
			   CASE bench WHEN '03_klantbeeld' THEN item ELSE split_part(item, ':', 2) END::integer AS size,
			   ms / CASE bench WHEN '04_search' THEN n ELSE 1 END AS ms
		  FROM bench.result WHERE bench IN ('03_klantbeeld', '04_search'))
	SELECT l.what, l.variant, count(*) AS runs,
		   percentile_cont(0.5) WITHIN GROUP (ORDER BY s.ms) AS small_ms,
		   percentile_cont(0.5) WITHIN GROUP (ORDER BY l.ms) AS large_ms,
		   percentile_cont(0.5) WITHIN GROUP (ORDER BY l.ms / s.ms) AS growth,
		   min(l.ms / s.ms) AS growth_lo, max(l.ms / s.ms) AS growth_hi
	  FROM r l JOIN r s ON s.what = l.what AND s.variant = l.variant AND s.rep = l.rep
	 WHERE l.size = $BENCH_SIZE AND s.size = $small
	 GROUP BY l.what, l.variant"
bq -c "INSERT INTO bench.status VALUES ('$name', 'scaling', 'ok', NULL)"

bq <<SQL
\copy (SELECT * FROM bench.scaling ORDER BY what, variant) TO '$BENCH_OUT/$name.csv' CSV HEADER
SQL

order="array_position(ARRAY['klantbeeld', 'email', 'telefoon', 'naam'], what),
	   array_position(ARRAY['ours', 'ours-uuid', 'logged', 'ours+index', 'openklant', 'openklant+index', 'openklant-normalised',
							'floor'], variant)"
label="CASE what WHEN 'klantbeeld' THEN 'klantbeeld' WHEN 'email' THEN 'e-mail' WHEN 'telefoon' THEN 'telephone'
		ELSE 'name' END || ': ' || CASE variant WHEN 'ours' THEN 'ours' WHEN 'ours+index' THEN 'ours + name index'
		WHEN 'ours-uuid' THEN 'ours, by uuid' WHEN 'logged' THEN 'ours, logged REST call'
		WHEN 'openklant' THEN 'Open Klant' WHEN 'openklant+index' THEN 'Open Klant + index'
		WHEN 'floor' THEN 'floor (pgbench -S)' ELSE 'Open Klant, digits' END"
bq -F ' ' -c "
	SELECT format('\"%s\"', $label), round(growth::numeric, 3), round(growth_lo::numeric, 3), round(growth_hi::numeric, 3)
	  FROM bench.scaling ORDER BY $order" >"$BENCH_OUT/$name.dat"
PLOT_REF="1 10" PLOT_YMIN=0.3 bench_plot_bars "$BENCH_OUT/$name.dat" "$BENCH_PLOTS/$name.png" \
	"Growth of the time per operation from $(thousands "$small") to $(thousands "$BENCH_SIZE") partijen (dashed: constant, linear)" \
	"time at $(thousands "$BENCH_SIZE") / time at $(thousands "$small") (log scale)" "median and min-max of $BENCH_REPS runs"

{
	cat <<MD
## 6. Scaling

The klantbeeld (benchmark 3) and the searches (benchmark 4) at $(thousands "$small") and
$(thousands "$BENCH_SIZE") partijen, two data sets loaded the same way (the larger ten times
the smaller), both measured in every repetition of those benchmarks. Per variant: the time
of one operation at each size (a klantbeeld transaction as 1 / throughput of the 8 clients;
one search in one session) and how many times it grows when the registry grows tenfold,
median (minimum–maximum) of the per-run ratios. 1 means the cost does not depend on the
size of the registry (an index lookup), 10 that it grows with it (a scan of every row).

![Scaling](benchmarks/$name.png)

| operation | variant | ms at $(thousands "$small") | ms at $(thousands "$BENCH_SIZE") | growth ($(thousands "$small") → $(thousands "$BENCH_SIZE")) |
|---|---|---|---|---|
MD
	bq -c "
		SELECT format('| %s | %s | %s | %s | %s |', split_part($label, ': ', 1), split_part($label, ': ', 2),
			   round(small_ms::numeric, 3), round(large_ms::numeric, 3), bench.fmt(growth, growth_lo, growth_hi))
		  FROM bench.scaling ORDER BY $order"
} >"$BENCH_OUT/$name.md"
