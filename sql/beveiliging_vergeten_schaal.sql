-- Issue 12 finding 8: erasure in time linear in the data it touches.  In
-- 0.1.0 vergeet_partij ran one regular expression per value over every
-- log row: 1.1 s with 100 digitale adressen, 8.2 s with 400, over ten
-- minutes with 3,000.  Now each text is searched once, whatever the number
-- of values (a set of keys, probed per candidate).  Shown here by counts,
-- not by time (times belong in bench/): for a partij with
-- 100 and one with 3,000 digitale adressen, the calls of the search
-- functions are at most one per text of the tables searched plus one per
-- text of the rows redacted.
\i sql/include/helpers.psql

CREATE FUNCTION pg_temp.maak(u uuid, n int) RETURNS void LANGUAGE sql AS $$
INSERT INTO klantinteracties.partij (uuid, soort_partij, indicatie_actief, interne_notitie)
VALUES (u, 'persoon', true, 'Veel adressen');
INSERT INTO klantinteracties.persoon (partij, contactnaam_voornaam, contactnaam_achternaam) VALUES (u, 'Xena', 'Veelmail');
INSERT INTO klantinteracties.digitaal_adres (verstrekt_door_partij, soort_digitaal_adres, adres, omschrijving)
SELECT u, CASE WHEN g % 2 = 0 THEN 'email' ELSE 'telefoonnummer' END::klantinteracties.soort_digitaal_adres,
	   CASE WHEN g % 2 = 0 THEN 'xena' || g || '@example.com' ELSE '06-' || (20000000 + g) END, 'adres ' || g
  FROM generate_series(1, n) AS g;
-- What others wrote about her: a note naming one of her addresses.
UPDATE klantinteracties.partij SET interne_notitie = 'Zus van Xena Veelmail, mail xena' || (n / 2 * 2) || '@example.com'
 WHERE uuid = '00000000-0000-0000-0077-00000000000a';
$$;
INSERT INTO partij (uuid, soort_partij, indicatie_actief) VALUES ('00000000-0000-0000-0077-00000000000a', 'persoon', true);
SELECT pg_temp.maak('00000000-0000-0000-0077-000000000100', 100);
SELECT pg_temp.maak('00000000-0000-0000-0077-000000003000', 3000);

-- The texts searched: every value of every free-text column (vrije_teksten()).
CREATE FUNCTION pg_temp.teksten() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
	t record;
	n bigint;
	totaal bigint := 0;
BEGIN
	FOR t IN SELECT f.tabel, count(*) AS kolommen FROM vrije_teksten() AS f GROUP BY f.tabel LOOP
		EXECUTE format('SELECT count(*) * %s FROM klantinteracties.%I', t.kolommen, t.tabel) INTO n;
		totaal := totaal + n;
	END LOOP;
	RETURN totaal;
END $$;
SET track_functions = 'all';
CREATE TEMP TABLE meting (adressen int, sleutels int, verwijderd int, teksten bigint, geredigeerd bigint, aanroepen bigint);
CREATE FUNCTION pg_temp.meet(u uuid, adressen int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	r jsonb;
	teksten bigint;
BEGIN
	r := klantinteracties.vergeet_partij(u, 'schaal');
	teksten := pg_temp.teksten();
	INSERT INTO meting
	SELECT adressen, (r #>> '{gezocht,waarden}')::int, (r #>> '{verwijderd,digitaal_adres}')::int, teksten,
		   (SELECT sum(e.value::bigint) FROM jsonb_each_text(r -> 'elders_geredigeerd') AS e),
		   (SELECT sum(pg_stat_get_xact_function_calls(p.oid)) FROM pg_proc p
			 WHERE p.pronamespace = 'klantinteracties'::regnamespace AND p.proname IN ('vergeet_bevat', 'vergeet_tekst', 'vergeet_json'));
END $$;
BEGIN;
SELECT pg_temp.meet('00000000-0000-0000-0077-000000000100', 100);
COMMIT;
BEGIN;
SELECT pg_temp.meet('00000000-0000-0000-0077-000000003000', 3000);
COMMIT;
RESET track_functions;
-- 100 or 3,000 keys more, yet about one call per text: the texts searched
-- (after the erasure) plus, for the rows redacted, one per text of the row
-- (vrije_teksten() has at most 7 columns per table) and one per audit row
-- of what she took part in.
SELECT adressen, sleutels, verwijderd,
	   aanroepen <= teksten + 7 * geredigeerd + 100 AS een_doorgang_per_tekst,
	   aanroepen < 2 * teksten AS minder_dan_twee_per_tekst
  FROM meting ORDER BY adressen;
-- What others wrote about her went too.
SELECT interne_notitie FROM partij WHERE uuid = '00000000-0000-0000-0077-00000000000a';

DELETE FROM partij WHERE uuid = '00000000-0000-0000-0077-00000000000a';
-- 6,200 rows of digitaal_adres came and went: leave the table's statistics
-- as the tests after this one plan with (an autovacuum analyze during the
-- test would otherwise leave them counting thousands of rows).  ANALYZE,
-- not VACUUM, which a standby refuses (test/replica.sh runs this file on one).
ANALYZE partij, persoon, digitaal_adres;
