-- Retention and the partitioned logs (78_bewaartermijnen.sql): records on
-- both sides of every boundary, exactly the old ones destroyed, old months
-- of the audit trail and the access log dropped as partitions, the
-- append-only guard on every partition, the destruction audited and
-- announced.  Runs late (zy_): the partitions it makes stay.
\i sql/include/helpers.psql
SET client_min_messages = warning;
DROP ROLE IF EXISTS ki_bt_beheer, ki_bt_lezer;
CREATE ROLE ki_bt_beheer LOGIN IN ROLE klantinteracties_beheer, klantinteracties_bsn, klantinteracties_geheim;
CREATE ROLE ki_bt_lezer LOGIN IN ROLE klantinteracties_lezer;
RESET client_min_messages;

-- Both log tables are partitioned by month, with a default partition.
SELECT c.relname, c.relkind, pg_get_partkeydef(c.oid) AS sleutel,
	   (SELECT string_agg(p.relname, ', ' ORDER BY p.relname) FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhrelid
		 WHERE i.inhparent = c.oid) AS partities
  FROM pg_class c WHERE c.oid IN ('wijzigingslog'::regclass, 'inzagelog'::regclass) ORDER BY 1;

-- Old and recent klantcontacten and interne taken (in transactions of their
-- own, as in life), and log rows of 2019 (the superuser may insert them; a
-- trigger writes them otherwise).
INSERT INTO klantcontact (uuid, kanaal, onderwerp, inhoud, taal, vertrouwelijk, plaatsgevonden_op) VALUES
	('00000000-0000-0000-00b7-000000000001', 'telefoon', 'oud contact', 'mevrouw Bewaar belde over haar pas', 'nld', false, '2018-03-01 10:00+00'),
	('00000000-0000-0000-00b7-000000000002', 'telefoon', 'oud, taak nog open', '', 'nld', false, '2018-03-01 11:00+00'),
	('00000000-0000-0000-00b7-000000000003', 'balie', 'recent contact', '', 'nld', false, now() - interval '1 year');
INSERT INTO betrokkene (uuid, had_klantcontact, rol, initiator, contactnaam_achternaam) VALUES
	('00000000-0000-0000-00b7-000000000011', '00000000-0000-0000-00b7-000000000001', 'klant', true, 'Bewaar'),
	('00000000-0000-0000-00b7-000000000013', '00000000-0000-0000-00b7-000000000003', 'klant', true, 'Recent');
INSERT INTO interne_taak (uuid, gevraagde_handeling, aanleidinggevend_klantcontact, status, afgehandeld_op) VALUES
	('00000000-0000-0000-00b7-000000000021', 'terugbellen', '00000000-0000-0000-00b7-000000000001', 'verwerkt', '2018-03-02 09:00+00'),
	('00000000-0000-0000-00b7-000000000022', 'nog open', '00000000-0000-0000-00b7-000000000002', 'te_verwerken', NULL),
	('00000000-0000-0000-00b7-000000000023', 'oude taak bij recent contact', '00000000-0000-0000-00b7-000000000003', 'verwerkt', '2019-01-01 09:00+00'),
	('00000000-0000-0000-00b7-000000000024', 'recente taak', '00000000-0000-0000-00b7-000000000003', 'verwerkt', now() - interval '1 month');
INSERT INTO wijzigingslog (tijdstip, tabel, bewerking, sleutel, gebruiker, rol, nieuw) VALUES
	('2019-01-15 12:00+00', 'partij', 'INSERT', 'bt-1', 'postgres', 'postgres', '{"oud": 1}'),
	('2019-02-15 12:00+00', 'partij', 'INSERT', 'bt-2', 'postgres', 'postgres', '{"oud": 2}');
INSERT INTO inzagelog (tijdstip, handeling, doelbinding, gebruiker, rol) VALUES
	('2019-01-20 12:00+00', 'klantbeeld_opvragen', 'bewaartermijntest', 'postgres', 'postgres');
-- Until maintenance runs, rows wait in the default partitions.
SELECT count(*) > 0 AS in_standaard FROM wijzigingslog_standaard WHERE tijdstip < '2019-03-01+00';

-- Maintenance: the months of the waiting rows and of now and one month
-- ahead are made, the rows moved; a second run makes nothing.
CREATE TEMP TABLE stappen AS SELECT stap FROM logpartities_onderhouden(1);
SELECT stap FROM stappen WHERE stap LIKE '%2019%' ORDER BY 1;
SELECT count(*) FILTER (WHERE stap LIKE '%made') AS gemaakt, count(*) FILTER (WHERE stap LIKE '%moved%') AS verplaatst FROM stappen;
SELECT count(*) AS tweede_keer FROM logpartities_onderhouden(1);
SELECT (SELECT count(*) FROM wijzigingslog_standaard) AS wijzigingslog_standaard,
	   (SELECT count(*) FROM inzagelog_standaard) AS inzagelog_standaard;
SELECT tableoid::regclass AS partitie, sleutel FROM wijzigingslog WHERE sleutel LIKE 'bt-%' ORDER BY 2;
SELECT to_regclass('klantinteracties.' || (logpartitie('wijzigingslog', now())).naam) IS NOT NULL AS deze_maand,
	   to_regclass('klantinteracties.' || (logpartitie('inzagelog', now() + interval '1 month')).naam) IS NOT NULL AS volgende_maand;
-- The partition of a moment is a UTC month whatever the TimeZone.
SET TimeZone = 'Pacific/Kiritimati';
SELECT * FROM logpartitie('wijzigingslog', '2019-01-31 23:30:00+00');
RESET TimeZone;
SELECT pg_temp.probeer('SELECT klantinteracties.logpartities_onderhouden(25)') AS maanden_25;

-- Append-only on every partition: the guard of the parent is cloned onto
-- each, and nobody else has a privilege on a partition.
SELECT t.opdracht, pg_temp.probeer(t.opdracht) FROM (VALUES
	('UPDATE klantinteracties.wijzigingslog_p2019_01 SET nieuw = ''{}'''),
	('DELETE FROM klantinteracties.wijzigingslog_p2019_02')) AS t(opdracht);
SET SESSION AUTHORIZATION ki_bt_beheer;
SELECT t.opdracht, pg_temp.probeer(t.opdracht) FROM (VALUES
	('DELETE FROM klantinteracties.wijzigingslog WHERE sleutel = ''bt-1'''),
	('DELETE FROM klantinteracties.wijzigingslog_p2019_01'),
	('UPDATE klantinteracties.inzagelog_p2019_01 SET doelbinding = ''x'''),
	('INSERT INTO klantinteracties.wijzigingslog_p2019_01 (tijdstip, tabel, bewerking, sleutel, gebruiker, rol) VALUES (''2019-01-02+00'', ''partij'', ''INSERT'', ''vals'', ''x'', ''x'')'),
	('TRUNCATE klantinteracties.wijzigingslog_p2019_02'),
	('ALTER TABLE klantinteracties.wijzigingslog DETACH PARTITION klantinteracties.wijzigingslog_p2019_02'),
	('DROP TABLE klantinteracties.wijzigingslog_p2019_02'),
	('SELECT klantinteracties.logpartities_onderhouden()'),
	-- The periods are the DBA's.
	('INSERT INTO klantinteracties.bewaartermijn VALUES (''wijzigingslog'', ''1 day'', '''')')) AS t(opdracht);
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION ki_bt_lezer;
SELECT pg_temp.probeer('SELECT klantinteracties.vernietig_verlopen()') AS lezer_vernietigt;
RESET SESSION AUTHORIZATION;

-- The periods: klantcontacten 5 years, interne taken 2 years after they
-- were handled, both logs 3 years (as a municipality might decide; the
-- Selectielijst 2020 assigns periods per process result).
INSERT INTO bewaartermijn (soort, termijn, bron) VALUES
	('klantcontact', '5 years', 'test'), ('interne_taak', '2 years', 'test'),
	('wijzigingslog', '3 years', 'test'), ('inzagelog', '3 years', 'test');
SELECT pg_temp.probeer($$INSERT INTO klantinteracties.bewaartermijn (soort, termijn) VALUES ('zaak', '1 year')$$) AS onbekende_soort,
	   pg_temp.probeer($$INSERT INTO klantinteracties.bewaartermijn (soort, termijn) VALUES ('inzagelog', '1 hour')$$) AS te_kort;

-- The run, as a beheer login; a peildatum in the future is refused.
SET SESSION AUTHORIZATION ki_bt_beheer;
SELECT pg_temp.probeer($$SELECT klantinteracties.vernietig_verlopen('2999-01-01 00:00+00')$$) AS toekomst;
CREATE TEMP TABLE verslag AS SELECT klantinteracties.vernietig_verlopen() AS r;
RESET SESSION AUTHORIZATION;
SELECT r -> 'klantcontact' -> 'vernietigd' AS klantcontacten, r -> 'interne_taak' -> 'vernietigd' AS interne_taken,
	   r -> 'wijzigingslog' -> 'partities_verwijderd' AS wijzigingslog_partities,
	   r -> 'inzagelog' -> 'partities_verwijderd' AS inzagelog_partities,
	   (r ->> 'wijzigingslog_zonder_waarden')::integer > 0 AS geschiedenis_geschoond
  FROM verslag;

-- Exactly the old ones are gone: the old klantcontact with its betrokkene
-- and closed taak, the old closed taak under a recent contact; the old
-- contact whose taak is open stays, and so does everything recent.
SELECT uuid, onderwerp FROM klantcontact WHERE uuid::text LIKE '00000000-0000-0000-00b7-%' ORDER BY 1;
SELECT uuid FROM betrokkene WHERE uuid::text LIKE '00000000-0000-0000-00b7-%' ORDER BY 1;
SELECT uuid, gevraagde_handeling FROM interne_taak WHERE uuid::text LIKE '00000000-0000-0000-00b7-%' ORDER BY 1;
-- The months of 2019 are gone as partitions; this month's stays.
SELECT to_regclass('klantinteracties.wijzigingslog_p2019_01') AS w2019_01, to_regclass('klantinteracties.wijzigingslog_p2019_02') AS w2019_02,
	   to_regclass('klantinteracties.inzagelog_p2019_01') AS i2019_01,
	   to_regclass('klantinteracties.' || (logpartitie('wijzigingslog', now())).naam) IS NOT NULL AS deze_maand;
SELECT count(*) AS oude_logrijen FROM wijzigingslog WHERE sleutel LIKE 'bt-%';

-- Audited without values, and the earlier history of what was destroyed
-- has lost its values too; announced as destroy events marked vernietigd.
SELECT l.tabel, l.bewerking, count(*), bool_and(l.oud IS NULL AND l.nieuw IS NULL AND l.vergeten) AS zonder_waarden
  FROM wijzigingslog l
 WHERE l.sleutel IN ('00000000-0000-0000-00b7-000000000001', '00000000-0000-0000-00b7-000000000011',
					 '00000000-0000-0000-00b7-000000000021', '00000000-0000-0000-00b7-000000000023')
 GROUP BY 1, 2 ORDER BY 1, 2;
SELECT count(*) AS met_inhoud FROM wijzigingslog WHERE nieuw::text LIKE '%mevrouw Bewaar%' OR oud::text LIKE '%mevrouw Bewaar%';
SELECT kanaal, resource_uuid, actie, cloudevent #> '{data,kenmerken,vernietigd}' AS vernietigd
  FROM gebeurtenis WHERE resource_uuid::text LIKE '00000000-0000-0000-00b7-%' AND actie = 'destroy' ORDER BY 2;
SELECT voltooid_op IS NOT NULL AS voltooid, gebruiker, rol, rapport = (SELECT r FROM verslag) AS rapport_bewaard
  FROM vernietigingslog ORDER BY id DESC LIMIT 1;
-- Nobody may remove the record of a run.
SELECT pg_temp.probeer('DELETE FROM klantinteracties.vernietigingslog') AS verwijderen,
	   pg_temp.probeer('TRUNCATE klantinteracties.vernietigingslog') AS legen;

-- A second run finds nothing more.
SELECT r -> 'klantcontact' -> 'vernietigd' AS klantcontacten, r -> 'interne_taak' -> 'vernietigd' AS interne_taken,
	   r -> 'wijzigingslog' -> 'partities_verwijderd' AS partities
  FROM (SELECT vernietig_verlopen() AS r) AS x;

-- Clean up (the periods would apply to the tests that follow).
DELETE FROM bewaartermijn;
DELETE FROM klantcontact WHERE uuid::text LIKE '00000000-0000-0000-00b7-%';
DROP TABLE verslag;
DROP ROLE ki_bt_beheer, ki_bt_lezer;
