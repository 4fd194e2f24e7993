#!/usr/bin/env bash
# Benchmark 7: erasure (issue 12 finding 8).  vergeet_partij of a partij
# with 100, 400 and 3,000 digitale adressen, against a plain DELETE of an
# equal partij (the baseline: what removing the rows costs without the
# audit cleaning and the search for her values), in a registry of SIZE/10
# sample partijen with their audit trail.  0.1.0 ran one regular
# expression per value over every log row: 1.1 s, 8.2 s and over ten
# minutes.  The growth from 100 to 3,000 addresses tells linear (about 30,
# or less where the fixed part dominates) from quadratic (about 900).
. "$(dirname "$0")/lib.sh"

name=07_vergeten
db=klantinteracties_bench_vergeten
partijen=$((BENCH_SIZE / 10))
sizes="100 400 3000"

bq -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
bq -d "$db" -c "SET client_min_messages = warning" -c "CREATE EXTENSION klantinteracties CASCADE" \
	-c "CREATE SCHEMA bench" \
	-c "SELECT klantinteracties.genereer_voorbeelddata($partijen)" >/dev/null
# A partij with n digitale adressen (half e-mail, half phone), a
# klantcontact she took part in, and a note about her in another partij.
bq -d "$db" <<'SQL'
CREATE FUNCTION bench.partij(u uuid, n int) RETURNS void LANGUAGE sql AS $$
INSERT INTO klantinteracties.partij (uuid, soort_partij, indicatie_actief, interne_notitie)
VALUES (u, 'persoon', true, 'bench');
INSERT INTO klantinteracties.persoon (partij, contactnaam_voornaam, contactnaam_achternaam)
VALUES (u, 'Xena', 'Veelmail' || substr(u::text, 25));
INSERT INTO klantinteracties.digitaal_adres (verstrekt_door_partij, soort_digitaal_adres, adres)
SELECT u, CASE WHEN g % 2 = 0 THEN 'email' ELSE 'telefoonnummer' END::klantinteracties.soort_digitaal_adres,
	   CASE WHEN g % 2 = 0 THEN 'x' || substr(u::text, 25) || '-' || g || '@example.com' ELSE '06-' || (20000000 + g) END
  FROM generate_series(1, n) AS g;
INSERT INTO klantinteracties.klantcontact (uuid, kanaal, onderwerp, inhoud, taal, vertrouwelijk)
VALUES (u, 'telefoon', 'bench', 'Xena Veelmail' || substr(u::text, 25) || ' belde', 'nld', false);
INSERT INTO klantinteracties.betrokkene (was_partij, had_klantcontact, rol, initiator) VALUES (u, u, 'klant', true);
$$;
CREATE FUNCTION bench.ms(q text) RETURNS float8 LANGUAGE plpgsql AS $f$
DECLARE
	t0 timestamptz := clock_timestamp();
BEGIN
	EXECUTE q;
	RETURN 1000 * extract(epoch FROM clock_timestamp() - t0);
END
$f$;
SQL

bq -c "DELETE FROM bench.result WHERE bench = '$name'"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for rep in $(seq 1 "$BENCH_REPS"); do
	for n in $sizes; do
		for variant in vergeet_partij delete; do
			u=$(printf '00000000-0000-0000-%04d-%012d' "$rep" "$n")
			[ "$variant" = delete ] && u=$(printf '00000000-0000-0001-%04d-%012d' "$rep" "$n")
			bq -d "$db" -c "SELECT bench.partij('$u', $n)" >/dev/null
			if [ "$variant" = vergeet_partij ]; then
				q="SELECT klantinteracties.vergeet_partij('$u', 'bench')"
			else
				q="DELETE FROM klantinteracties.partij WHERE uuid = '$u'"
			fi
			ms=$(bq -d "$db" -c "SELECT bench.ms(\$q\$$q\$q\$)")
			bq -c "INSERT INTO bench.result VALUES ('$name', '$n', '$variant', $rep, $ms, $n)"
		done
	done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
bq -c "INSERT INTO bench.status VALUES ('$name', 'vergeten', 'ok', NULL)"

bq <<SQL
\copy (SELECT * FROM bench.result WHERE bench = '$name' ORDER BY item::int, variant, rep) TO '$BENCH_OUT/$name.csv' CSV HEADER
SQL

{
	cat <<MD
## 7. Erasure

\`vergeet_partij\` of a partij with 100, 400 and 3,000 digitale adressen (half e-mail, half
phone), one klantcontact with her name and a betrokkene, in a registry of
$(thousands "$partijen") sample partijen with their audit trail, against a plain \`DELETE\` of an
equal partij (the baseline: the rows removed, without cleaning the audit trail, the outbox and
the access log and without searching every free text for her values). Each size and variant
$BENCH_REPS times, interleaved. The growth is the time at 3,000 addresses over the time at 100
of the same variant, per run: 30 is linear in the addresses, about 900 would be quadratic
(0.1.0: 1.1 s, 8.2 s and over ten minutes for these sizes, per issue 12). Load average
during this benchmark: $load_before at its start, $load_after at its end ($(nproc) cores).

| digitale adressen | vergeet_partij ms | DELETE ms | vergeet_partij / DELETE |
|---|---|---|---|
MD
	bq -c "
		SELECT format('| %s | %s | %s | %s |', v.item, round(v.med::numeric, 1), round(d.med::numeric, 1),
			   bench.fmt(v.ratio_med, v.ratio_lo, v.ratio_hi))
		  FROM bench.summary('$name', 'delete') v JOIN bench.summary('$name', 'delete') d
			ON d.item = v.item AND d.variant = 'delete'
		 WHERE v.variant = 'vergeet_partij' ORDER BY v.item::int"
	cat <<MD

| variant | growth from 100 to 3,000 addresses |
|---|---|
MD
	bq -c "
		SELECT format('| %s | %s |', x.variant, bench.fmt(percentile_cont(0.5) WITHIN GROUP (ORDER BY x.ms / y.ms),
															min(x.ms / y.ms), max(x.ms / y.ms)))
		  FROM bench.result x JOIN bench.result y
			ON y.bench = x.bench AND y.variant = x.variant AND y.rep = x.rep AND y.item = '100'
		 WHERE x.bench = '$name' AND x.item = '3000'
		 GROUP BY x.variant ORDER BY x.variant DESC"
} >"$BENCH_OUT/$name.md"
bq -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $db"
