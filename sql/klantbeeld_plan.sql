-- Sample data and query plans.  genereer_voorbeelddata: deterministic for
-- a seed, valid, in the intended proportions.  On that data: the klantbeeld
-- view filtered on bsn starts from the identificator index; the columns of
-- the view (the document above all) are computed only for the rows
-- returned; the document of a partij with 1,000 klantcontacten is one plan
-- in which nothing runs per klantcontact except index lookups (no subplan,
-- aggregate or sequential scan repeated per contact).  The assertions read
-- EXPLAIN (ANALYZE, FORMAT JSON) and print counts and booleans, so they do
-- not depend on the plan's details.
SET search_path = klantinteracties, public;
SET TimeZone = 'Europe/Amsterdam';
SET DateStyle = ISO;

-- The nodes of the plan of a query, run with EXPLAIN ANALYZE: each node's
-- JSON, and whether it lies inside a subplan or initplan.
CREATE FUNCTION pg_temp.knopen(opdracht text) RETURNS TABLE (knoop jsonb, in_subplan boolean) LANGUAGE plpgsql AS $$
DECLARE
	plan json;
BEGIN
	EXECUTE 'EXPLAIN (ANALYZE, FORMAT JSON, COSTS OFF, TIMING OFF, SUMMARY OFF) ' || opdracht INTO plan;
	RETURN QUERY
	WITH RECURSIVE k(knoop, in_subplan) AS (
		SELECT plan::jsonb -> 0 -> 'Plan', false
		UNION ALL
		SELECT c.kind, k.in_subplan OR c.kind ->> 'Parent Relationship' IN ('SubPlan', 'InitPlan')
		  FROM k, jsonb_array_elements(k.knoop -> 'Plans') AS c(kind))
	SELECT * FROM k;
END $$;

-- The content of every registry table (the extension's), without the registration
-- timestamps (the time of loading): one md5 per table.
CREATE FUNCTION pg_temp.inhoud() RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	t text;
	h text;
	alles text := '';
BEGIN
	FOR t IN SELECT c.relname FROM pg_class c
			   JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e'
			  WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'klantinteracties')
				AND c.relkind = 'r'
				-- the security record logs the run itself (ids, times), the
				-- stored klantbeeld's queue names the transaction
				AND c.relname NOT IN ('wijzigingslog', 'vergeetlog', 'inzagelog', 'gebeurtenis', 'vernietigingslog',
									  'klantbeeld_wachtrij')
				AND NOT c.relispartition ORDER BY 1 LOOP
		EXECUTE format('SELECT md5(coalesce(string_agg(r::text, %L ORDER BY r::text), %L))
						  FROM (SELECT to_jsonb(rij) - %L - %L AS r FROM klantinteracties.%I rij) x',
					   E'\n', '', 'geregistreerd_op', 'gewijzigd_op', t) INTO h;
		alles := alles || t || ':' || h || E'\n';
	END LOOP;
	RETURN md5(alles);
END $$;

-- Deterministic: the same seed gives the same rows, another seed others.
BEGIN;
SELECT * FROM genereer_voorbeelddata(2000);
SELECT pg_temp.inhoud() AS eerste \gset
ROLLBACK;
BEGIN;
SELECT count(*) FROM genereer_voorbeelddata(200, 0.43);
SELECT pg_temp.inhoud() <> :'eerste' AS ander_zaad_andere_rijen;
ROLLBACK;
BEGIN;
SELECT count(*) FROM genereer_voorbeelddata(2000);
SELECT pg_temp.inhoud() = :'eerste' AS zelfde_zaad_zelfde_rijen;

-- A second call with the same seed fails on its first row, leaving
-- nothing half-loaded.
DO $$
BEGIN
	PERFORM klantinteracties.genereer_voorbeelddata(10);
EXCEPTION WHEN unique_violation THEN
	RAISE NOTICE 'second call: % (%)', SQLERRM, SQLSTATE;
END $$;
SELECT count(*) AS partijen FROM partij;

-- Proportions: partijen per soort and identification; digitale adressen;
-- klantcontacten per kanaal; interne taken per status.
SELECT soort_partij, count(*) AS partijen, count(bsn) AS met_bsn, count(rsin) AS met_rsin,
	   count(kvk_nummer) AS met_kvk, count(vestigingsnummer) AS vestigingen,
	   count(*) FILTER (WHERE NOT indicatie_actief) AS niet_actief
  FROM klantbeeld GROUP BY 1 ORDER BY 1;
SELECT soort_digitaal_adres, count(*) FILTER (WHERE verstrekt_door_partij IS NOT NULL) AS van_partijen,
	   count(*) FILTER (WHERE verstrekt_door_betrokkene IS NOT NULL) AS van_betrokkenen,
	   count(*) FILTER (WHERE is_voorkeursadres) AS voorkeur
  FROM digitaal_adres GROUP BY 1 ORDER BY 1;
SELECT kanaal, count(*) AS klantcontacten FROM klantcontact GROUP BY 1 ORDER BY 2 DESC;
SELECT count(*) FILTER (WHERE was_partij IS NULL) AS anoniem, count(*) FILTER (WHERE rol = 'vertegenwoordiger') AS vertegenwoordigers
  FROM betrokkene;
SELECT status, count(*) FROM interne_taak GROUP BY 1 ORDER BY 1;
-- Every vestigingsnummer hangs under a KvK-nummer, every contactpersoon
-- works for an organisatie.
SELECT count(*) FILTER (WHERE sub_identificator_van IS NULL) AS zonder_ouder FROM partij_identificator
 WHERE code_soort_object_id = 'vestigingsnummer';
SELECT count(*) FILTER (WHERE werkte_voor_partij IS NULL) AS zonder_organisatie FROM contactpersoon;
-- The duplicates it plants are found.
SELECT count(*) AS gevonden_dubbelen
  FROM klantbeeld k, mogelijke_dubbelen(k.uuid) d
 WHERE k.soort_partij = 'persoon' AND k.bsn IS NULL AND d.score >= 0.5;
-- What the data look like.
SELECT naam, bsn, bezoekadres, standaard_emailadres, standaard_telefoonnummer, aantal_klantcontacten
  FROM klantbeeld WHERE soort_partij = 'persoon' ORDER BY uuid LIMIT 5;
SELECT naam, kvk_nummer, rsin, vestigingsnummer, correspondentieadres
  FROM klantbeeld WHERE soort_partij = 'organisatie' ORDER BY uuid LIMIT 5;

-- A lookup by BSN: the view's bsn column is masked by the caller's bsn
-- scope (issue 12, finding 1), so a filter on it is no index condition;
-- WHERE uuid = zoek_partij(bsn) (what klantbeeld(bsn) runs) finds the
-- partij through partij_identificator_bsn_idx, under the caller's policies,
-- then the main plan reads no table sequentially and every subplan (the
-- columns and the document) runs once, for the one row returned.  (The view's own
-- computed columns are nine subplans; the policies add none since they
-- compare the rows' flags instead of testing sets.)
SELECT bsn AS een_bsn FROM klantbeeld WHERE bsn IS NOT NULL ORDER BY uuid LIMIT 1 \gset
CREATE TEMP TABLE k AS SELECT * FROM pg_temp.knopen(format('SELECT * FROM klantinteracties.klantbeeld WHERE uuid = klantinteracties.zoek_partij(%L::klantinteracties.bsn)', :'een_bsn'));
SELECT count(*) FILTER (WHERE knoop ? 'Index Name') AS index_scans,
	   count(*) FILTER (WHERE knoop ->> 'Node Type' = 'Seq Scan') AS seq_scans,
	   (SELECT knoop ->> 'Actual Rows' FROM k WHERE knoop ? 'Parent Relationship' IS FALSE) AS rijen
  FROM k WHERE NOT in_subplan;
SELECT count(*) > 5 AS subplannen, max((knoop ->> 'Actual Loops')::int) AS max_keer
  FROM k WHERE knoop ->> 'Parent Relationship' = 'SubPlan';
DROP TABLE k;
-- A BSN nobody has: no subplan runs at all.
SELECT max((knoop ->> 'Actual Loops')::int) AS max_keer
  FROM pg_temp.knopen($$SELECT * FROM klantinteracties.klantbeeld WHERE uuid = klantinteracties.zoek_partij('111222345'::klantinteracties.bsn)$$)
 WHERE knoop ->> 'Parent Relationship' = 'SubPlan';
-- A filter on a column without index scans every partij, and the columns
-- are computed only for the rows that pass it (the document is no subplan:
-- klantbeeld(uuid) reads the stored one).
CREATE TEMP TABLE k AS SELECT * FROM pg_temp.knopen($$SELECT uuid, document FROM klantinteracties.klantbeeld WHERE voorkeurstaal = 'tur'$$);
SELECT (SELECT (knoop ->> 'Actual Rows')::int + (knoop ->> 'Rows Removed by Filter')::int FROM k
		 WHERE knoop ->> 'Relation Name' = 'partij' AND NOT in_subplan) AS gelezen,
	   (SELECT count(*) FROM partij WHERE voorkeurstaal = 'tur') AS teruggegeven,
	   (SELECT max((knoop ->> 'Actual Loops')::int) FROM k WHERE knoop ->> 'Parent Relationship' = 'SubPlan') AS max_keer;
DROP TABLE k;
-- Columns a query does not select are not computed: no subplan reads a
-- table (what is left are the row-level security policies' tests of the
-- caller's scopes, each evaluated once).
SELECT count(*) FILTER (WHERE in_subplan AND knoop ? 'Relation Name') AS tabellen_in_subplannen,
	   max((knoop ->> 'Actual Loops')::int) FILTER (WHERE in_subplan) AS max_keer
  FROM pg_temp.knopen($$SELECT uuid, bsn, soort_partij FROM klantinteracties.klantbeeld WHERE voorkeurstaal = 'tur'$$);

-- The lookups by identificator as a reader (read and bsn), under the
-- row-level security policies: each reads its one index entry (the typed
-- column's index, whose = is leakproof, so the policies leave it the index
-- condition), not the whole (soort, key) index as when the soort was its
-- condition (an enum =, not leakproof, only a filter under the policies:
-- every identificator read).  Counted in index blocks read by the call,
-- after a first call of each (which plans and reads the index metapages).
CREATE ROLE kb_plan_kcc NOLOGIN;
GRANT klantinteracties_lezer, klantinteracties_bsn TO kb_plan_kcc;
SELECT i.kvk_nummer AS een_kvk FROM partij_identificator i WHERE i.kvk_nummer IS NOT NULL ORDER BY i.uuid LIMIT 1 \gset
SELECT i.bsn AS ander_bsn FROM partij_identificator i WHERE i.bsn IS NOT NULL ORDER BY i.uuid DESC LIMIT 1 \gset
CREATE FUNCTION pg_temp.indexblokken() RETURNS bigint LANGUAGE sql AS $$
SELECT sum(pg_stat_get_xact_blocks_fetched(x.indexrelid))::bigint FROM pg_index x
 WHERE x.indrelid = 'klantinteracties.partij_identificator'::regclass $$;
SET ROLE kb_plan_kcc;
SELECT zoek_partij(:'een_bsn'::bsn) IS NOT NULL AS bsn_gevonden, zoek_partij(:'een_kvk'::kvk_nummer) IS NOT NULL AS kvk_gevonden;
RESET ROLE;
SELECT pg_temp.indexblokken() AS voor \gset
SET ROLE kb_plan_kcc;
SELECT zoek_partij(:'ander_bsn'::bsn) IS NOT NULL AS bsn_gevonden;
RESET ROLE;
SELECT pg_temp.indexblokken() AS na_bsn \gset
SET ROLE kb_plan_kcc;
SELECT zoek_partij(:'een_kvk'::kvk_nummer) IS NOT NULL AS kvk_gevonden;
RESET ROLE;
SELECT :na_bsn - :voor <= 3 AS bsn_een_indexpad, pg_temp.indexblokken() - :na_bsn <= 3 AS kvk_een_indexpad,
	   pg_relation_size('partij_identificator_uniek_zonder_sub_identificator_van') / 8192 > 6 AS index_groter;

-- A partij with 1,000 klantcontacten, each with an onderwerpobject, a
-- bijlage, an actor, a betrokkene's own telephone number and an interne
-- taak with its actor.
SELECT registreer_partij('111222345'::bsn, voornaam => 'Veel', achternaam => 'Contact') AS veel \gset
CREATE TEMP TABLE veel_kc AS
SELECT md5('veel' || i)::uuid AS kc, md5('veel-b' || i)::uuid AS b, i FROM generate_series(1, 1000) i;
INSERT INTO klantcontact (uuid, kanaal, onderwerp, taal, vertrouwelijk, plaatsgevonden_op)
SELECT kc, 'telefoon', 'Vraag ' || i, 'nld', false, timestamptz '2024-01-01 09:00' + i * interval '1 hour' FROM veel_kc;
INSERT INTO betrokkene (uuid, was_partij, had_klantcontact, rol, initiator) SELECT b, :'veel', kc, 'klant', true FROM veel_kc;
INSERT INTO digitaal_adres (verstrekt_door_betrokkene, soort_digitaal_adres, adres)
SELECT b, 'telefoonnummer', '06-' || (20000000 + i) FROM veel_kc;
INSERT INTO onderwerpobject (klantcontact, onderwerpobjectidentificator_object_id, onderwerpobjectidentificator_code_objecttype)
SELECT kc, 'ZAAK-' || i, 'zaak' FROM veel_kc;
INSERT INTO bijlage (was_bijlage_van_klantcontact, bijlageidentificator_object_id) SELECT kc, 'document ' || i FROM veel_kc;
INSERT INTO actor_klantcontact (actor, klantcontact)
SELECT (SELECT uuid FROM actor WHERE soort_actor = 'medewerker' ORDER BY uuid LIMIT 1), kc FROM veel_kc;
INSERT INTO interne_taak (uuid, gevraagde_handeling, aanleidinggevend_klantcontact, toegewezen_op)
SELECT md5('veel-t' || i)::uuid, 'Terugbellen', kc, timestamptz '2024-01-01 09:05' + i * interval '1 hour' FROM veel_kc;
INSERT INTO interne_taak_actor (interne_taak, actor)
SELECT md5('veel-t' || i)::uuid, (SELECT uuid FROM actor WHERE soort_actor = 'organisatorische_eenheid' ORDER BY uuid LIMIT 1)
  FROM veel_kc;
ANALYZE;

SELECT jsonb_array_length(d -> 'klantcontacten') AS klantcontacten,
	   d #>> '{klantcontacten,0,onderwerp}' AS nieuwste, d #>> '{klantcontacten,999,onderwerp}' AS oudste,
	   jsonb_array_length(d #> '{klantcontacten,0,interneTaken,0,toegewezenAanActoren}') AS actoren_van_taak
  FROM klantbeeld(:'veel'::uuid) AS d;
-- The plan of a lookup by BSN (docs/klantbeeld.md).
EXPLAIN (COSTS OFF) SELECT uuid, soort_partij, bsn FROM klantbeeld WHERE uuid = zoek_partij('111222345'::bsn);
-- The document is computed by klantbeeld_documenten, for the stored
-- klantbeeld at COMMIT (as the superuser, set-based for every partij a
-- transaction touched) and as the reference.  Its query, with this partij
-- and every scope filled in for its parameters, as the refresh runs it.
SELECT regexp_replace(regexp_replace(regexp_replace(
		   substring(prosrc FROM 'RETURN QUERY(.*);\s*END'),
		   '\mpartijen\M', format('ARRAY[%L]::uuid[]', :'veel'), 'g'),
		   '\mmet_geheim\M', 'true', 'g'), '\mmet_bsn\M', 'true', 'g') AS body
  FROM pg_proc WHERE oid = 'klantinteracties.klantbeeld_documenten(uuid[], boolean, boolean)'::regprocedure \gset
SET search_path = pg_catalog, pg_temp;
CREATE TEMP TABLE k AS SELECT * FROM pg_temp.knopen(:'body');
SET search_path = klantinteracties, public;
-- The same document as the stored one after COMMIT.
SELECT (SELECT d.document FROM klantbeeld_documenten(ARRAY[:'veel'::uuid], true, true) AS d)
		   = klantbeeld(:'veel'::uuid) AS zelfde_document;
-- Every list is aggregated once for all klantcontacten (grouped joins over
-- the set), not per klantcontact: no aggregate, sort or sequential scan
-- runs more than once.
SELECT count(*) FILTER (WHERE knoop ->> 'Node Type' = 'Aggregate') > 10 AS aggregaten,
	   count(*) FILTER (WHERE knoop ->> 'Node Type' IN ('Aggregate', 'Sort') AND (knoop ->> 'Actual Loops')::int > 1) AS herhaald,
	   count(*) FILTER (WHERE knoop ->> 'Node Type' = 'Seq Scan' AND (knoop ->> 'Actual Loops')::int > 1) AS herhaalde_seq_scans
  FROM k;
-- What does run repeatedly are index lookups and the joins over them, at
-- most once per klantcontact (or per row of a list), each returning a row
-- or two (read or filtered out): the work grows linearly with the
-- klantcontacten (a set of secret partijen scanned per klantcontact would
-- make loops x rows quadratic).
SELECT string_agg(DISTINCT knoop ->> 'Node Type', ', ') FILTER (WHERE knoop ->> 'Node Type' NOT IN ('Index Scan',
			'Index Only Scan', 'Bitmap Heap Scan', 'Bitmap Index Scan', 'Nested Loop', 'Memoize', 'Materialize', 'Result'))
		   AS anders_herhaald,
	   coalesce(max((knoop ->> 'Actual Loops')::int), 0) <= 1000 AS hoogstens_per_klantcontact,
	   coalesce(max((knoop ->> 'Actual Loops')::int
		   * ((knoop ->> 'Actual Rows')::numeric + coalesce((knoop ->> 'Rows Removed by Filter')::numeric, 0))), 0) <= 2000 AS lineair
  FROM k WHERE (knoop ->> 'Actual Loops')::int > 1;
DROP TABLE k;
-- The same for a reader without geheim (the refresh's variant for such
-- readers, and the reference for them): whether a row hangs under a
-- secret partij is read from that partij's row, never tested against a set
-- of secret partijen per klantcontact.
SELECT regexp_replace(regexp_replace(regexp_replace(
		   substring(prosrc FROM 'RETURN QUERY(.*);\s*END'),
		   '\mpartijen\M', format('ARRAY[%L]::uuid[]', :'veel'), 'g'),
		   '\mmet_geheim\M', 'false', 'g'), '\mmet_bsn\M', 'true', 'g') AS body
  FROM pg_proc WHERE oid = 'klantinteracties.klantbeeld_documenten(uuid[], boolean, boolean)'::regprocedure \gset
SET search_path = pg_catalog, pg_temp;
CREATE TEMP TABLE k AS SELECT * FROM pg_temp.knopen(:'body');
SET search_path = klantinteracties, public;
SELECT count(*) FILTER (WHERE knoop ->> 'Node Type' IN ('Aggregate', 'Sort') AND (knoop ->> 'Actual Loops')::int > 1) AS herhaald,
	   count(*) FILTER (WHERE knoop ->> 'Node Type' = 'Seq Scan' AND (knoop ->> 'Actual Loops')::int > 1) AS herhaalde_seq_scans,
	   string_agg(DISTINCT knoop ->> 'Node Type', ', ') FILTER (WHERE (knoop ->> 'Actual Loops')::int > 1
			AND knoop ->> 'Node Type' NOT IN ('Index Scan', 'Index Only Scan', 'Bitmap Heap Scan', 'Bitmap Index Scan',
											   'Nested Loop', 'Memoize', 'Materialize', 'Result')) AS anders_herhaald,
	   coalesce(max((knoop ->> 'Actual Loops')::int), 0) <= 1000 AS hoogstens_per_klantcontact,
	   coalesce(max((knoop ->> 'Actual Loops')::int
		   * ((knoop ->> 'Actual Rows')::numeric + coalesce((knoop ->> 'Rows Removed by Filter')::numeric, 0)))
		   FILTER (WHERE (knoop ->> 'Actual Loops')::int > 1), 0) <= 2000 AS lineair
  FROM k;
DROP TABLE k;

ROLLBACK;
