-- The audit trail (every write recorded with who and what changed, out of
-- reach of the writers), the access log of logged lookups, and the change
-- events of the outbox (content, merging, no personal data).  All in one
-- transaction that is rolled back.
\i sql/include/helpers.psql
BEGIN;
SELECT coalesce(max(id), 0) AS begin FROM wijzigingslog \gset
\i sql/include/beveiliging.psql
SELECT :begin AS start \gset

-- The fixture's writes, by the superuser that loaded it: one row per
-- written row; an insert holds the new row, an update the changed columns.
SELECT tabel, bewerking, count(*) AS rijen, count(*) FILTER (WHERE partijen <> '{}') AS met_partij,
	   count(*) FILTER (WHERE bsn) AS bsn, count(*) FILTER (WHERE vertrouwelijk) AS vertrouwelijk,
	   string_agg(DISTINCT rol, ', ') AS rol
  FROM wijzigingslog WHERE id > :start GROUP BY tabel, bewerking ORDER BY tabel, bewerking;
SELECT oud, nieuw FROM wijzigingslog WHERE id > :start AND bewerking = 'UPDATE';

-- A request of the KCC application (through PostgREST: sub, app and the
-- request id of its JWT and headers) and of a citizen; then a bulk update.
SELECT max(id) AS start FROM wijzigingslog \gset
SELECT set_config('request.headers', '{"x-request-id": "req-42"}', true) IS NOT NULL AS headers;
SELECT pg_temp.als('ki_test_kcc', '{"sub": "mdeboer", "app": "kcc-portaal"}',
	$$UPDATE klantinteracties.partij SET interne_notitie = 'Belt liever ''s ochtends' WHERE uuid = '00000000-0000-0000-0099-0000000000a1'$$) AS kcc,
	   pg_temp.als('klantinteracties_burger', pg_temp.burger('123456782'),
	$$UPDATE klantinteracties.digitaal_adres SET adres = 'bert@thuis.nl' WHERE uuid = '00000000-0000-0000-0099-0000000000b3'$$) AS burger,
	   pg_temp.als('ki_test_kcc', '{"sub": "mdeboer", "app": "kcc-portaal"}',
	$$DELETE FROM klantinteracties.interne_taak_actor$$) AS kcc_delete;
SELECT set_config('request.headers', '', true) = '' AS headers_weg;
SET LOCAL application_name = 'beheerscript';
UPDATE klantcontact SET taal = 'eng' WHERE uuid::text LIKE '00000000-0000-0000-0099-%' AND kanaal = 'telefoon';
RESET application_name;
SELECT tabel, bewerking, sleutel, partijen, oud - '{geregistreerd_op,gewijzigd_op}'::text[] AS oud, nieuw,
	   gebruiker, rol, subject, applicatie, verzoek
  FROM wijzigingslog WHERE id > :start ORDER BY id;

-- Who may read the log: beheer, and then rows about a BSN only with bsn,
-- rows about a secret partij or a vertrouwelijk klantcontact only with
-- geheim.  Nobody changes it: the writers have no privilege; even the
-- superuser meets the guard trigger.
CREATE ROLE ki_test_auditor IN ROLE klantinteracties_beheer, klantinteracties_bsn, klantinteracties_geheim;
SELECT pg_temp.als(rol, NULL, 'SELECT count(*) FROM klantinteracties.wijzigingslog WHERE id > ' || :start) AS sinds_start,
	   pg_temp.als(rol, NULL, $$SELECT count(*) FROM klantinteracties.wijzigingslog WHERE tabel = 'partij_identificator'
		AND sleutel LIKE '00000000-0000-0000-0099-%'$$) AS identificatoren,
	   pg_temp.als(rol, NULL, $$SELECT count(*) FROM klantinteracties.wijzigingslog WHERE '00000000-0000-0000-0099-0000000000c1' = ANY (partijen)$$) AS geheime_partij,
	   pg_temp.als(rol, NULL, 'SELECT count(*) FROM klantinteracties.wijzigingslog WHERE vertrouwelijk AND id > ' || :begin) AS vertrouwelijk,
	   rol
  FROM unnest(ARRAY['ki_test_kcc', 'ki_test_beheer', 'ki_test_auditor', 'klantinteracties_burger']) AS rol;
SELECT pg_temp.als(rol, NULL, stmt) AS uitkomst, rol, wat
  FROM unnest(ARRAY['ki_test_kcc', 'ki_test_auditor']) AS rol,
	   (VALUES ('update', 'UPDATE klantinteracties.wijzigingslog SET oud = NULL'),
			   ('delete', 'DELETE FROM klantinteracties.wijzigingslog'),
			   ('insert', $$INSERT INTO klantinteracties.wijzigingslog (tabel, bewerking, sleutel, gebruiker, rol) VALUES ('partij', 'DELETE', 'x', 'x', 'x')$$),
			   ('truncate', 'TRUNCATE klantinteracties.wijzigingslog')) AS s(wat, stmt)
 ORDER BY rol, wat;
SELECT pg_temp.probeer('UPDATE wijzigingslog SET oud = NULL') AS superuser_update,
	   pg_temp.probeer('DELETE FROM wijzigingslog') AS superuser_delete,
	   pg_temp.probeer('TRUNCATE wijzigingslog') AS superuser_truncate;

-- The access log: a lookup needs a purpose; one row per partij shown, or
-- one without partij when none was; who from wie(), as the audit trail.
-- Only the logged lookups write it: a caller cannot log a lookup that did
-- not happen (issue 12, finding 9).
SELECT pg_temp.als('ki_test_lezer', '{"sub": "mdeboer", "app": "kcc-portaal"}',
	$$SELECT klantinteracties_api.klantbeeld_opvragen('  ', '00000000-0000-0000-0099-0000000000a1')::text$$) AS zonder_doel,
	   pg_temp.als('ki_test_lezer', '{"sub": "mdeboer", "app": "kcc-portaal"}',
	$$SELECT klantinteracties_api.klantbeeld_opvragen('terugbelverzoek', '00000000-0000-0000-0099-0000000000a1') IS NOT NULL$$) AS gevonden,
	   pg_temp.als('ki_test_lezer', '{"sub": "mdeboer", "app": "kcc-portaal"}',
	$$SELECT count(*) FROM klantinteracties_api.zoek_partij_op_bsn('296648875', 'identificatie aan de balie')$$) AS niets,
	   pg_temp.als('ki_test_lezer', NULL,
	$$SELECT klantinteracties.inzage_vastleggen('klantbeeld', '{00000000-0000-0000-0099-0000000000a1}', 'x')$$) AS vervalst,
	   pg_temp.als('ki_test_los', NULL,
	$$SELECT klantinteracties.inzage_vastleggen('klantbeeld', '{}', 'x')$$) AS los;
SELECT handeling, partij, doelbinding, rol, subject, applicatie FROM inzagelog ORDER BY id DESC LIMIT 2;
SELECT pg_temp.als('ki_test_lezer', NULL, 'SELECT count(*) FROM klantinteracties.inzagelog') AS lezer,
	   pg_temp.als('ki_test_beheer', NULL, 'SELECT count(*) > 0 FROM klantinteracties.inzagelog') AS beheer;

-- Change events: one per resource and transaction (the fixture is one
-- transaction: each partij is one create, whatever details followed),
-- CloudEvents 1.0, on Open Klant's channels.
SELECT kanaal, resource_uuid, actie, cloudevent ->> 'type' AS type, cloudevent -> 'data' -> 'kenmerken' AS kenmerken,
	   cloudevent ->> 'specversion' AS v, cloudevent ->> 'subject' = resource_uuid::text AS subject_ok,
	   cloudevent ->> 'source' = 'urn:klantinteracties:' || current_database() AS source_ok,
	   (cloudevent ->> 'id')::uuid IS NOT NULL AS id_ok, (cloudevent ->> 'time')::timestamptz = now() AS time_ok
  FROM gebeurtenis WHERE transactie = pg_current_xact_id() ORDER BY kanaal, resource_uuid;
-- The keys of an event, and of its data.
SELECT DISTINCT (SELECT string_agg(k, ' ' ORDER BY k) FROM jsonb_object_keys(cloudevent) k) AS sleutels,
	   (SELECT string_agg(k, ' ' ORDER BY k) FROM jsonb_object_keys(cloudevent -> 'data') k) AS data
  FROM gebeurtenis WHERE transactie = pg_current_xact_id();
-- Deleting a partij: its event becomes a destroy.  With the API's base
-- URL set for the database, the source is the API and the data has the
-- resource's URL (a session's own SET counts for nothing: test
-- beveiliging_aanval).
DELETE FROM partij WHERE uuid = '00000000-0000-0000-0099-0000000000e1';
SELECT format('ALTER DATABASE %I SET klantinteracties.api_base_url = %L', current_database(),
	'https://klantinteracties.example.nl/api/v1/') \gexec
INSERT INTO partij (uuid, soort_partij, indicatie_actief) VALUES ('00000000-0000-0000-0099-0000000000e9', 'persoon', true);
SELECT resource_uuid, actie, cloudevent ->> 'type' AS type, cloudevent ->> 'source' AS source,
	   cloudevent -> 'data' ->> 'resourceUrl' AS url
  FROM gebeurtenis WHERE resource_uuid IN ('00000000-0000-0000-0099-0000000000e1', '00000000-0000-0000-0099-0000000000e9')
   AND transactie = pg_current_xact_id()
 ORDER BY resource_uuid;
SELECT format('ALTER DATABASE %I RESET klantinteracties.api_base_url', current_database()) \gexec
-- No event holds a BSN, a name, an address, an e-mail address, a phone
-- number, an interne notitie or what was said in a klantcontact (its
-- random id and its time left out of the search).
SELECT count(*) AS gebeurtenissen,
	   count(*) FILTER (WHERE (cloudevent - '{id,time}'::text[])::text
		~* '111222333|123456782|999999990|12345678|Aalders|Bakker|Citroen|Anna|Bert|Cees|example\.com|thuis\.nl|1234567|Amstel|Schuilhoek|1015 CJ|9999 ZZ|vijven|Geheim|ochtends|kosten|schulden|Paspoort|Schuldhulp|Terugbellen|mila') AS met_persoonsgegevens
  FROM gebeurtenis WHERE transactie = pg_current_xact_id();
-- Events are for the outbox worker (beheer) only.
SELECT pg_temp.als('ki_test_kcc', NULL, 'SELECT count(*) FROM klantinteracties.gebeurtenis') AS kcc,
	   pg_temp.als('ki_test_beheer', NULL, $$WITH u AS (UPDATE klantinteracties.gebeurtenis SET verzonden_op = now()
		WHERE transactie = pg_current_xact_id() RETURNING 1) SELECT count(*) > 0 FROM u$$) AS worker_markeert,
	   pg_temp.als('ki_test_beheer', NULL, 'UPDATE klantinteracties.gebeurtenis SET cloudevent = ''{}''') AS worker_wijzigt;

ROLLBACK;
