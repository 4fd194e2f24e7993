#!/usr/bin/env bash
# Benchmark 2: bulk load.  COPY of N personen, each with a BSN identificator,
# a bezoekadres and two digitale adressen, into our schema (every type,
# constraint, index and trigger) and into Open Klant's (bench/02_load.sql).
. "$(dirname "$0")/lib.sh"

name=02_load
# The issue's 1,000,000 at the full size; a tenth of SIZE otherwise, so
# that the quick run stays short (the cost per row hardly depends on it).
if [ "$BENCH_SIZE" -ge 1000000 ]; then n=$BENCH_SIZE; else n=$((BENCH_SIZE / 10)); fi
db=${PGDATABASE}_load

# A database of its own, so that every run starts from empty tables.
bq -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
bq -d "$db" -c "SET client_min_messages = warning" -c "CREATE EXTENSION klantinteracties CASCADE" \
	-f bench/lib.sql -f bench/baseline_openklant.sql -f bench/$name.sql
echo "   generating $(thousands "$n") personen"
bq -d "$db" -c "SET client_min_messages = warning" -c "SELECT bench.load_bron($n)" -c "SELECT bench.load_export()" >/dev/null
datadir=$(bq -d "$db" -c "SHOW data_directory")

ours_cols=(
	"klantinteracties.partij (uuid, soort_partij, indicatie_actief, voorkeurstaal, bezoekadres_nummeraanduiding_id, bezoekadres_straatnaam, bezoekadres_huisnummer, bezoekadres_postcode, bezoekadres_stad)"
	"klantinteracties.persoon (partij, contactnaam_voorletters, contactnaam_voornaam, contactnaam_voorvoegsel_achternaam, contactnaam_achternaam)"
	"klantinteracties.partij_identificator (uuid, identificeerde_partij, code_objecttype, code_soort_object_id, object_id, code_register)"
	"klantinteracties.digitaal_adres (uuid, verstrekt_door_partij, soort_digitaal_adres, is_standaard_adres, adres)"
)
openklant_cols=(
	openklant.klantinteracties_partij
	openklant.klantinteracties_persoon
	openklant.klantinteracties_partijidentificator
	openklant.klantinteracties_digitaaladres
)
files=(partij persoon identificator adres)

# run VARIANT REP: one timed load into empty tables, in one transaction;
# each COPY is timed, and the commit, where Open Klant's deferred foreign
# keys are checked.  The clock is read by separate statements, so the
# total includes the commit.
run() {
	local variant=$1 rep=$2 i cols
	{
		echo "SET client_min_messages = warning;"
		if [ "$variant" = ours ]; then
			# The audit trail and the outbox grow with every load; emptied,
			# so that each run starts as empty as Open Klant's (their guard
			# trigger is a normal trigger: replica mode skips it).
			echo "SET session_replication_role = replica;"
			echo "TRUNCATE klantinteracties.partij, klantinteracties.wijzigingslog, klantinteracties.gebeurtenis,"
			echo "         klantinteracties.klantbeeld_document CASCADE;"
			echo "RESET session_replication_role;"
		else
			echo "TRUNCATE openklant.klantinteracties_partij CASCADE;"
		fi
		echo "CHECKPOINT;"
		echo "SELECT clock_timestamp() AS t0 \\gset"
		echo "BEGIN;"
		for i in 0 1 2 3; do
			if [ "$variant" = ours ]; then cols=${ours_cols[$i]}; else cols=${openklant_cols[$i]}; fi
			echo "SELECT clock_timestamp() AS s \\gset"
			echo "COPY $cols FROM '$datadir/bench_load_${variant}_${files[$i]}.csv' (FORMAT csv);"
			echo "INSERT INTO bench.result VALUES ('$name', '${files[$i]}', '$variant', $rep, 1000 * extract(epoch FROM clock_timestamp() - :'s'), $n);"
		done
		echo "SELECT clock_timestamp() AS s \\gset"
		echo "COMMIT;"
		echo "INSERT INTO bench.result VALUES ('$name', 'commit', '$variant', $rep, 1000 * extract(epoch FROM clock_timestamp() - :'s'), $n);"
		echo "INSERT INTO bench.result VALUES ('$name', 'total', '$variant', $rep, 1000 * extract(epoch FROM clock_timestamp() - :'t0'), $n);"
		if [ "$variant" = ours ]; then
			# More partijen than klantbeeld_direct in one transaction: their
			# stored klantbeeld documents were marked stale at COMMIT (in the
			# total); refreshing them is a step of its own, outside it.
			echo "SELECT clock_timestamp() AS s \\gset"
			echo "CALL klantinteracties.klantbeeld_verversen();"
			echo "INSERT INTO bench.result VALUES ('$name', 'klantbeeld', '$variant', $rep, 1000 * extract(epoch FROM clock_timestamp() - :'s'), $n);"
		fi
	} | bq -d "$db" >/dev/null
}

# Warm-up (untimed: rep 0 is deleted), which also checks that both sides
# loaded every row.
for v in ours openklant; do run $v 0; done
counts=$(bq -d "$db" -c "
	SELECT (SELECT count(*) FROM klantinteracties.partij) || ' ' || (SELECT count(*) FROM klantinteracties.persoon) || ' '
		   || (SELECT count(*) FROM klantinteracties.partij_identificator) || ' ' || (SELECT count(*) FROM klantinteracties.digitaal_adres)
		   || ' / ' || (SELECT count(*) FROM openklant.klantinteracties_partij) || ' ' || (SELECT count(*) FROM openklant.klantinteracties_persoon)
		   || ' ' || (SELECT count(*) FROM openklant.klantinteracties_partijidentificator) || ' '
		   || (SELECT count(*) FROM openklant.klantinteracties_digitaaladres)")
echo "   rows loaded (ours / Open Klant): $counts"
stale=$(bq -d "$db" -c "SELECT count(*) FILTER (WHERE document IS NULL) || ' of ' || count(*) FROM klantinteracties.klantbeeld_document")
echo "   stored klantbeeld documents stale after the refresh: $stale"
[ "$stale" = "0 of $n" ] || { echo "bench: the stored klantbeeld was not refreshed ($stale)" >&2; exit 1; }
[ "$counts" = "$n $n $n $((2 * n)) / $n $n $n $((2 * n))" ] || { echo "bench: the loads differ" >&2; exit 1; }
bq -d "$db" -c "DELETE FROM bench.result WHERE rep = 0"

for rep in $(seq 1 "$BENCH_REPS"); do
	if [ $((rep % 2)) = 1 ]; then order="ours openklant"; else order="openklant ours"; fi
	for v in $order; do run $v "$rep"; done
	bq -d "$db" -c "SELECT format('   run %s: ours %s ms, Open Klant %s ms', $rep,
		round(max(ms) FILTER (WHERE variant = 'ours')), round(max(ms) FILTER (WHERE variant = 'openklant')))
		FROM bench.result WHERE bench = '$name' AND item = 'total' AND rep = $rep"
done

# The results go to the benchmark database; the load database and its
# files are removed.
bq -d "$db" -c "COPY (SELECT * FROM bench.result WHERE bench = '$name') TO STDOUT" |
	bq -c "DELETE FROM bench.result WHERE bench = '$name'" -c "COPY bench.result FROM STDIN"
bq -d "$db" -c "COPY (SELECT) TO PROGRAM 'rm -f \"$datadir\"/bench_load_*.csv'"
bq -d postgres -c "DROP DATABASE $db"
bq -c "INSERT INTO bench.status VALUES ('$name', 'copy', 'ok', NULL)"

bq <<SQL
\copy (SELECT * FROM bench.result WHERE bench = '$name' ORDER BY item, rep, variant) TO '$BENCH_OUT/$name.csv' CSV HEADER
SQL

# Plot: seconds per table and the commit, per side (median of the runs).
bq -F ' ' -c "
	SELECT CASE o.item WHEN 'identificator' THEN 'identificatoren' WHEN 'adres' THEN 'digitale_adressen' ELSE o.item END,
		   concat_ws(' ', VARIADIC ARRAY(
			   SELECT round(x::numeric / 1000, 3)::text
				 FROM unnest(ARRAY[o.med, o.lo, o.hi, b.med, b.lo, b.hi]) x))
	  FROM bench.summary('$name', 'openklant') o
	  JOIN bench.summary('$name', 'openklant') b ON b.item = o.item AND b.variant = 'openklant'
	 WHERE o.variant = 'ours'
	 ORDER BY array_position(ARRAY['partij', 'persoon', 'identificator', 'adres', 'commit', 'total'], o.item)" \
	>"$BENCH_OUT/$name.dat"
PLOT_REF= PLOT_YMIN=0.001 bench_plot_bars "$BENCH_OUT/$name.dat" "$BENCH_PLOTS/$name.png" \
	"COPY of $(thousands "$n") personen with identificator and two digitale adressen: seconds, median and min-max of $BENCH_REPS runs" \
	"seconds (log scale)" "ours (types, constraints, indexes, triggers)" "Open Klant schema"

{
	cat <<MD
## 2. Bulk load

$(thousands "$n") personen (a tenth of SIZE, or SIZE itself from 1,000,000 on), each with
a BSN identificator, a bezoekadres (BAG nummeraanduiding, street, number, postcode, city)
and two digitale adressen (an e-mail address and a mobile number in one of five spellings,
both standaard adres), are generated once ([bench/02_load.sql](../bench/02_load.sql)) and
written as CSV files, one per table and side: the same rows with the keys each schema has
(our uuids; Open Klant's integer ids next to the same uuids) and the values as each stores
them (Open Klant refuses separators in telephone numbers, so its files have them
stripped). Each run loads one side into empty tables in one transaction: \`COPY\` of
partij, persoon, identificator and digitale adressen ($(thousands $((5 * n))) rows), then
\`COMMIT\`, where Open Klant's foreign keys (deferred, as Django declares them) are
checked. The tables are emptied (\`TRUNCATE\`) and a \`CHECKPOINT\` taken, untimed, before
every run; an untimed first run of each side checks that both load every row. Then
$BENCH_REPS runs of each side, alternating (AB, BA, ...).

- **Ours**: the extension's tables with every type (bsn, bag_id, postcode, emailadres,
  telefoonnummer parsed by their input functions), generated column (canonical
  identificator and address keys), CHECK, unique and foreign key (checked per row), index
  (including the trigram indexes on digitaal_adres.adres and omschrijving) and trigger
  (digitaal_adres_bijwerken, which trims every address and demotes an earlier standaard
  adres of the partij, one indexed \`UPDATE\` per row).
- **Open Klant**: [bench/baseline_openklant.sql](../bench/baseline_openklant.sql), the
  tables of Open Klant's migrations with only the constraints and indexes Django creates
  (listed in the file): integer keys, varchar columns, no validation in the database.

![Bulk load](benchmarks/$name.png)

| step | ours ms | Open Klant ms | ours ÷ Open Klant |
|---|---|---|---|
MD
	bq -c "
		SELECT format('| %s | %s | %s | %s |',
			   CASE o.item WHEN 'partij' THEN 'COPY partij' WHEN 'persoon' THEN 'COPY persoon'
					WHEN 'identificator' THEN 'COPY identificatoren' WHEN 'adres' THEN 'COPY digitale adressen'
					WHEN 'commit' THEN 'COMMIT' ELSE '**total**' END,
			   bench.fmt(o.med, o.lo, o.hi, 0), bench.fmt(b.med, b.lo, b.hi, 0),
			   bench.fmt(o.ratio_med, o.ratio_lo, o.ratio_hi))
		  FROM bench.summary('$name', 'openklant') o
		  JOIN bench.summary('$name', 'openklant') b ON b.item = o.item AND b.variant = 'openklant'
		 WHERE o.variant = 'ours'
		 ORDER BY array_position(ARRAY['partij', 'persoon', 'identificator', 'adres', 'commit', 'total'], o.item)"
	cat <<MD

Throughput (median run): rows are partij, persoon, identificator and two addresses, five
per persoon.

| | personen/s | rows/s |
|---|---|---|
MD
	bq -c "
		SELECT format('| %s | %s | %s |', CASE variant WHEN 'ours' THEN 'ours' ELSE 'Open Klant' END,
			   to_char(round(1000.0 * $n / med), 'FM999G999G999'), to_char(round(5000.0 * $n / med), 'FM999G999G999'))
		  FROM bench.summary('$name', 'openklant') WHERE item = 'total'
		 ORDER BY variant DESC"
	echo
	bq -c "
		SELECT format('The stored klantbeeld: the COMMIT above marks the %s documents stale (one set-based upsert; docs/klantbeeld.md); refreshing them afterwards (\`CALL klantbeeld_verversen()\`, batches of 500, each its own transaction; not in the total) took %s ms, %s ms per partij; load and refresh together ÷ Open Klant''s load = %s.',
			   to_char($n, 'FM9G999G999'), bench.fmt(k.med, k.lo, k.hi, 0), round((k.med / $n)::numeric, 2),
			   (SELECT bench.fmt(percentile_cont(0.5) WITHIN GROUP (ORDER BY q), min(q), max(q))
				  FROM (SELECT (t.ms + r.ms) / b.ms AS q FROM bench.result t
						  JOIN bench.result r ON r.bench = t.bench AND r.rep = t.rep AND r.item = 'klantbeeld'
						  JOIN bench.result b ON b.bench = t.bench AND b.rep = t.rep AND b.item = 'total' AND b.variant = 'openklant'
						 WHERE t.bench = '$name' AND t.item = 'total' AND t.variant = 'ours') z))
		  FROM bench.summary('$name', 'ours') k WHERE k.item = 'klantbeeld' AND k.variant = 'ours'"
	echo
	bq -c "
		SELECT format('- Target (issue 16): at most 2× the time of Open Klant''s schema, audit trail and outbox on: **%s**, ours ÷ Open Klant = %s over %s runs.',
			   CASE WHEN ratio_med <= 2 THEN 'met' ELSE 'missed' END, bench.fmt(ratio_med, ratio_lo, ratio_hi), runs)
		  FROM bench.summary('$name', 'openklant') WHERE item = 'total' AND variant = 'ours'
		UNION ALL
		SELECT format('- Target (the first benchmark round): at most 1.3× the time of Open Klant''s schema: **%s**, ours ÷ Open Klant = %s over %s runs.',
			   CASE WHEN ratio_med <= 1.3 THEN 'met' ELSE 'missed' END, bench.fmt(ratio_med, ratio_lo, ratio_hi), runs)
		  FROM bench.summary('$name', 'openklant') WHERE item = 'total' AND variant = 'ours'"
} >"$BENCH_OUT/$name.md"
