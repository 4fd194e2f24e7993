-- The stored klantbeeld against the reference (docs/klantbeeld.md,
-- "Stored"): random sequences of writes, each step one committed
-- transaction of several writes (some of them rolled back to a savepoint),
-- through the tables, registreer_partij, voeg_partijen_samen and
-- vergeet_partij; after each step, for every partij and for every scope
-- combination of a reader (read; +bsn; +geheim; +both), the stored
-- document as klantbeeld(uuid) masks it must equal the one computed from
-- the tables under the caller's policies (klantbeeld_berekend).  Every
-- third step's transaction is "large" (klantinteracties.klantbeeld_direct
-- 0): it marks the documents it touched stale instead of recomputing them,
-- and readers are served the computed document; every fourth step then
-- refreshes the stale ones (klantbeeld_verversen), after which every
-- stored document, and its variant without geheim, must equal the one
-- computed from the tables.  The steps are deterministic (setseed) but
-- for the uuids of new partijen; what they did is not printed, only the
-- differences (none), and whether the large transactions left documents
-- stale.
-- In a database of its own: the steps commit, and what they leave (rows,
-- the audit trail, sequences) must not reach the tests that follow.
\set regressiedb :DBNAME
CREATE DATABASE klantbeeld_opslag_test;
\c klantbeeld_opslag_test
SET client_min_messages = warning;
CREATE EXTENSION pg_trgm;
CREATE EXTENSION klantinteracties;
SET search_path = klantinteracties, public;

DO $$
DECLARE
	r text;
BEGIN
	FOREACH r IN ARRAY ARRAY['kb_test_lezer', 'kb_test_bsn', 'kb_test_geheim', 'kb_test_beide', 'kb_test_kcc'] LOOP
		IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) THEN
			EXECUTE format('CREATE ROLE %I NOLOGIN', r);
		END IF;
	END LOOP;
END $$;
GRANT klantinteracties_lezer TO kb_test_lezer, kb_test_bsn, kb_test_geheim, kb_test_beide;
GRANT klantinteracties_bsn TO kb_test_bsn, kb_test_beide;
GRANT klantinteracties_geheim TO kb_test_geheim, kb_test_beide;

-- A valid BSN from a number (elfproef), or NULL.
CREATE FUNCTION pg_temp.bsn_van(n bigint) RETURNS text LANGUAGE sql AS $$
SELECT CASE WHEN c < 10 THEN d || c::text END
  FROM (SELECT d, (SELECT sum(substr(d, i, 1)::int * (10 - i)) FROM generate_series(1, 8) i) % 11 AS c
		  FROM (SELECT lpad((n % 100000000)::text, 8, '1') AS d) x) y
$$;

-- The differences between stored and computed, per reader.
CREATE FUNCTION pg_temp.verschillen() RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	r text;
	n bigint;
	uit text := '';
BEGIN
	-- The full document as the superuser sees it (every scope).
	SELECT count(*) INTO n FROM klantinteracties.partij p
	 WHERE klantinteracties.klantbeeld(p.uuid) IS DISTINCT FROM klantinteracties.klantbeeld_berekend(p.uuid);
	-- A document of a partij that is gone (stale ones wait for the refresh).
	SELECT n + count(*) INTO n FROM klantinteracties.klantbeeld_document o
	 WHERE o.document IS NOT NULL AND NOT EXISTS (SELECT FROM klantinteracties.partij p WHERE p.uuid = o.partij);
	uit := 'superuser ' || n;
	FOREACH r IN ARRAY ARRAY['kb_test_lezer', 'kb_test_bsn', 'kb_test_geheim', 'kb_test_beide'] LOOP
		EXECUTE format('SET LOCAL ROLE %I', r);
		SELECT count(*) INTO n FROM klantinteracties.klantbeeld k
		 WHERE k.document IS DISTINCT FROM klantinteracties.klantbeeld_berekend(k.uuid);
		RESET ROLE;
		uit := uit || ', ' || r || ' ' || n;
	END LOOP;
	RETURN uit;
END $$;
CREATE TEMP TABLE verouderd_na_stap (stap integer, n bigint);

-- After the refresh of the stale documents: none is left, every partij
-- has its document, none is left of a partij that is gone, and each
-- stored document and variant without geheim equals the computed one.
CREATE FUNCTION pg_temp.opgeslagen() RETURNS text LANGUAGE sql AS $$
SELECT format('verouderd %s, zonder document %s, over %s, anders %s, zonder geheim anders %s',
	(SELECT count(*) FROM klantinteracties.klantbeeld_document o WHERE o.document IS NULL),
	(SELECT count(*) FROM klantinteracties.partij p
	  WHERE NOT EXISTS (SELECT FROM klantinteracties.klantbeeld_document o WHERE o.partij = p.uuid)),
	(SELECT count(*) FROM klantinteracties.klantbeeld_document o
	  WHERE NOT EXISTS (SELECT FROM klantinteracties.partij p WHERE p.uuid = o.partij)),
	(SELECT count(*) FROM klantinteracties.klantbeeld_documenten(ARRAY(SELECT uuid FROM klantinteracties.partij), true, true) d
	   JOIN klantinteracties.klantbeeld_document o ON o.partij = d.partij
	  WHERE o.document IS DISTINCT FROM d.document),
	(SELECT count(*) FROM klantinteracties.klantbeeld_documenten(ARRAY(SELECT uuid FROM klantinteracties.partij), false, true) d
	   JOIN klantinteracties.klantbeeld_document o ON o.partij = d.partij
	  WHERE coalesce(o.zonder_geheim, o.document) IS DISTINCT FROM d.document))
$$;

-- One step: ten writes, each in a savepoint that a failure (a rule of
-- the registry) rolls back, and every fifth rolled back on purpose.
CREATE FUNCTION pg_temp.stap(stap integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	i integer;
	soort integer;
	a uuid;
	b uuid;
	k uuid;
BEGIN
	PERFORM setseed(stap / 100.0);
	IF stap % 3 = 0 THEN
		PERFORM set_config('klantinteracties.klantbeeld_direct', '0', true);
	END IF;
	FOR i IN 1..10 LOOP
		soort := floor(random() * 20)::integer;
		SELECT uuid INTO a FROM klantinteracties.partij ORDER BY md5(uuid::text || random()) LIMIT 1;
		SELECT uuid INTO b FROM klantinteracties.partij ORDER BY md5(uuid::text || random()) LIMIT 1;
		SELECT uuid INTO k FROM klantinteracties.klantcontact ORDER BY md5(uuid::text || random()) LIMIT 1;
		BEGIN
			CASE soort
			WHEN 0 THEN
				UPDATE klantinteracties.persoon SET contactnaam_achternaam = 'Anders' || stap WHERE partij = a;
				UPDATE klantinteracties.organisatie SET naam = 'Nieuw ' || stap WHERE partij = a;
				UPDATE klantinteracties.contactpersoon SET contactnaam_voornaam = 'Vn' || stap WHERE partij = a;
			WHEN 1 THEN
				UPDATE klantinteracties.partij SET indicatie_geheimhouding = NOT coalesce(indicatie_geheimhouding, false)
				 WHERE uuid = a;
			WHEN 2 THEN
				UPDATE klantinteracties.klantcontact SET vertrouwelijk = NOT vertrouwelijk,
					inhoud = 'Over BSN 111222333 en 06-12345678' WHERE uuid = k;
			WHEN 3 THEN
				UPDATE klantinteracties.betrokkene SET had_klantcontact = k
				 WHERE uuid = (SELECT uuid FROM klantinteracties.betrokkene ORDER BY md5(uuid::text || random()) LIMIT 1);
			WHEN 4 THEN
				UPDATE klantinteracties.betrokkene SET was_partij = a
				 WHERE uuid = (SELECT uuid FROM klantinteracties.betrokkene ORDER BY md5(uuid::text || random()) LIMIT 1);
			WHEN 5 THEN
				WITH kc AS (
					INSERT INTO klantinteracties.klantcontact (kanaal, onderwerp, inhoud, taal, vertrouwelijk, plaatsgevonden_op)
					VALUES ('telefoon', 'Stap ' || stap, 'Inhoud', 'nld', random() < 0.3, timestamptz '2024-06-01 12:00+02' + stap * interval '1 day')
					RETURNING uuid),
				bt AS (
					INSERT INTO klantinteracties.betrokkene (was_partij, had_klantcontact, rol, initiator)
					SELECT x.p, kc.uuid, 'klant', x.p = a FROM kc, (VALUES (a), (b)) AS x(p) RETURNING uuid, had_klantcontact),
				ow AS (
					INSERT INTO klantinteracties.onderwerpobject (klantcontact, onderwerpobjectidentificator_object_id,
						onderwerpobjectidentificator_code_objecttype)
					SELECT kc.uuid, 'ZAAK-' || stap, 'zaak' FROM kc RETURNING uuid)
				INSERT INTO klantinteracties.digitaal_adres (verstrekt_door_betrokkene, soort_digitaal_adres, adres)
				SELECT bt.uuid, 'telefoonnummer', '06 ' || (30000000 + stap * 10 + i) FROM bt LIMIT 1;
			WHEN 6 THEN
				DELETE FROM klantinteracties.klantcontact WHERE uuid = k;
			WHEN 7 THEN
				INSERT INTO klantinteracties.digitaal_adres (verstrekt_door_partij, soort_digitaal_adres, adres)
				VALUES (a, 'email', 'stap' || stap || '.' || i || '@Example.COM');
			WHEN 8 THEN
				DELETE FROM klantinteracties.digitaal_adres
				 WHERE uuid = (SELECT uuid FROM klantinteracties.digitaal_adres ORDER BY md5(uuid::text || random()) LIMIT 1);
			WHEN 9 THEN
				INSERT INTO klantinteracties.vertegenwoordiging (vertegenwoordigende_partij, vertegenwoordigde_partij) VALUES (a, b);
			WHEN 10 THEN
				DELETE FROM klantinteracties.vertegenwoordiging
				 WHERE uuid = (SELECT uuid FROM klantinteracties.vertegenwoordiging ORDER BY md5(uuid::text || random()) LIMIT 1);
			WHEN 11 THEN
				UPDATE klantinteracties.actor SET naam = 'Actor ' || stap
				 WHERE uuid = (SELECT uuid FROM klantinteracties.actor ORDER BY md5(uuid::text || random()) LIMIT 1);
				UPDATE klantinteracties.categorie SET naam = 'Categorie ' || stap || '.' || i
				 WHERE uuid = (SELECT uuid FROM klantinteracties.categorie ORDER BY md5(uuid::text || random()) LIMIT 1);
			WHEN 12 THEN
				UPDATE klantinteracties.interne_taak SET status = 'verwerkt', afgehandeld_op = now()
				 WHERE uuid = (SELECT uuid FROM klantinteracties.interne_taak WHERE status = 'te_verwerken'
								ORDER BY md5(uuid::text || random()) LIMIT 1);
			WHEN 13 THEN
				DELETE FROM klantinteracties.partij WHERE uuid = a;
			WHEN 14 THEN
				PERFORM klantinteracties.registreer_partij(pg_temp.bsn_van(stap * 1000 + i)::klantinteracties.bsn,
					voornaam => 'Nieuw', achternaam => 'Persoon ' || stap,
					emailadres => ('nieuw' || stap || '@example.com')::klantinteracties.emailadres);
			WHEN 15 THEN
				-- A duplicate persoon (no name, no address; a klantcontact and
				-- an e-mail address) merged into another persoon.
				WITH np AS (
					INSERT INTO klantinteracties.partij (soort_partij, indicatie_actief) VALUES ('persoon', true) RETURNING uuid),
				ps AS (INSERT INTO klantinteracties.persoon (partij) SELECT np.uuid FROM np),
				bt AS (INSERT INTO klantinteracties.betrokkene (was_partij, had_klantcontact, rol, initiator)
					   SELECT np.uuid, k, 'klant', false FROM np),
				da AS (INSERT INTO klantinteracties.digitaal_adres (verstrekt_door_partij, soort_digitaal_adres, adres)
					   SELECT np.uuid, 'email', 'dubbel' || stap || '@example.com' FROM np)
				SELECT np.uuid INTO b FROM np;
				PERFORM klantinteracties.voeg_partijen_samen(
					(SELECT p.partij FROM klantinteracties.persoon p WHERE p.partij <> b
					  ORDER BY md5(p.partij::text || random()) LIMIT 1), b);
			WHEN 16 THEN
				PERFORM klantinteracties.vergeet_partij(a, 'test');
			WHEN 17 THEN
				UPDATE klantinteracties.contactpersoon SET werkte_voor_partij = b WHERE partij = a;
			WHEN 18 THEN
				INSERT INTO klantinteracties.rekeningnummer (partij, iban) VALUES (a, 'NL91ABNA0417164300');
			ELSE
				INSERT INTO klantinteracties.categorie_relatie (partij, categorie, begin_datum)
				SELECT a, c.uuid, date '2024-01-01' + stap FROM klantinteracties.categorie c ORDER BY c.uuid LIMIT 1;
			END CASE;
			IF i % 5 = 0 THEN
				RAISE EXCEPTION 'rolled back on purpose';
			END IF;
		EXCEPTION WHEN OTHERS THEN
			NULL;
		END;
	END LOOP;
END $$;

SELECT count(*) > 0 AS geladen FROM genereer_voorbeelddata(60, 0.7);
-- Some secret partijen and vertrouwelijke klantcontacten to mask.
UPDATE partij SET indicatie_geheimhouding = true
 WHERE uuid IN (SELECT uuid FROM partij ORDER BY md5(uuid::text) LIMIT 6);
UPDATE klantcontact SET vertrouwelijk = true, inhoud = inhoud || ' BSN 123456782'
 WHERE uuid IN (SELECT uuid FROM klantcontact ORDER BY md5(uuid::text) LIMIT 10);
SELECT pg_temp.verschillen() AS na_laden;

-- Each step its own transaction, then the comparison; every fourth step
-- the refresh of the stale documents (in batches of 7) and the comparison
-- of the stored ones.
SELECT format('DO $d$BEGIN PERFORM pg_temp.stap(%s); END$d$', s),
	   format('SELECT %s AS stap, pg_temp.verschillen() AS verschillen', s),
	   format('INSERT INTO verouderd_na_stap SELECT %s, count(*) FROM klantinteracties.klantbeeld_document WHERE document IS NULL', s),
	   CASE WHEN s % 4 = 0 THEN 'DO $d$DECLARE n bigint; BEGIN CALL klantinteracties.klantbeeld_verversen(n, 7); END$d$' END,
	   CASE WHEN s % 4 = 0 THEN format('SELECT %s AS stap, pg_temp.opgeslagen() AS na_verversen', s) END
  FROM generate_series(1, 12) AS s \gexec
-- Through the REST API (the PostgREST emulation, test/pgrst_emulatie.sql):
-- each step one transaction of eight requests, as PostgREST would send
-- them, on rows chosen at random: as a KCC application (read, write, bsn,
-- geheim) POST, PATCH and DELETE of partijen, digitale adressen,
-- rekeningnummers, vertegenwoordigingen, klantcontacten, betrokkenen and
-- onderwerpobjecten; as a citizen (a persoon with a BSN, by DigiD) the
-- own voorkeurstaal and digitale adressen.  After each step the same
-- comparison, for every reader.
\set ECHO none
\i test/pgrst_emulatie.sql
\set ECHO all
SET client_min_messages = warning;
SELECT klantinteracties.maak_api_rollen();
-- The KCC application's role (made above with the readers).
GRANT klantinteracties_schrijver, klantinteracties_bsn, klantinteracties_geheim TO kb_test_kcc;
GRANT kb_test_kcc TO authenticator;
RESET client_min_messages;
CREATE TEMP TABLE verzoeken (stap integer, soort integer, status integer);
GRANT INSERT ON verzoeken TO PUBLIC;
-- A row of a kind, at random (definer: the caller, the authenticator,
-- reads no table).
CREATE FUNCTION pg_temp.kies(soort text) RETURNS text LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
	r text;
BEGIN
	EXECUTE CASE soort
		WHEN 'partij' THEN 'SELECT uuid::text FROM klantinteracties.partij'
		WHEN 'bsn' THEN 'SELECT object_id_sleutel FROM klantinteracties.partij_identificator WHERE code_soort_object_id = ''bsn'' AND sub_identificator_van IS NULL'
		WHEN 'digitaal_adres' THEN 'SELECT uuid::text FROM klantinteracties.digitaal_adres'
		WHEN 'klantcontact' THEN 'SELECT uuid::text FROM klantinteracties.klantcontact'
		WHEN 'betrokkene' THEN 'SELECT uuid::text FROM klantinteracties.betrokkene'
	END || ' ORDER BY md5(1::text || random()) LIMIT 1' INTO r;
	RETURN r;
END $$;
CREATE FUNCTION pg_temp.api_stap(stap integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	i integer;
	wat integer;
	a text;
	b text;
	k text;
	burger jsonb;
	v record;
BEGIN
	PERFORM setseed(stap / 100.0);
	FOR i IN 1..8 LOOP
		wat := floor(random() * 12)::integer;
		a := pg_temp.kies('partij');
		b := pg_temp.kies('partij');
		k := pg_temp.kies('klantcontact');
		burger := jsonb_build_object('sub', 'digid-' || stap || '-' || i, 'bsn', pg_temp.kies('bsn'));
		SELECT h.* INTO v FROM
			(SELECT CASE wat WHEN 10 THEN 'klantinteracties_burger' WHEN 11 THEN 'klantinteracties_burger'
					ELSE 'kb_test_kcc' END AS rol,
					CASE WHEN wat >= 10 THEN burger ELSE '{}' END AS claims, x.*
			   FROM (SELECT * FROM (VALUES
				(0, 'POST', '/partijen', jsonb_build_object('soortPartij', 'persoon', 'indicatieActief', true,
					'partijIdentificatie', jsonb_build_object('contactnaam', jsonb_build_object('voornaam', 'Api', 'achternaam', 'Stap ' || stap)),
					'partijIdentificatoren', jsonb_build_array(jsonb_build_object('partijIdentificator', jsonb_build_object(
						'codeObjecttype', 'natuurlijk_persoon', 'codeSoortObjectId', 'bsn', 'codeRegister', 'brp',
						'objectId', pg_temp.bsn_van(stap * 1000 + 500 + i)))))),
				(1, 'PATCH', '/partijen?uuid=eq.' || a, jsonb_build_object('interneNotitie', 'Api ' || stap || '.' || i,
					'indicatieGeheimhouding', random() < 0.3)),
				(2, 'POST', '/digitaleadressen', jsonb_build_object('verstrektDoorPartij', jsonb_build_object('uuid', a),
					'soortDigitaalAdres', 'telefoonnummer', 'adres', '06 4' || (1000000 + stap * 100 + i))),
				(3, 'DELETE', '/digitaleadressen?uuid=eq.' || pg_temp.kies('digitaal_adres'), NULL),
				(4, 'POST', '/rekeningnummers', jsonb_build_object('partij', jsonb_build_object('uuid', a), 'iban', 'NL91 ABNA 0417 1643 00')),
				(5, 'POST', '/vertegenwoordigingen', jsonb_build_object('vertegenwoordigendePartij', jsonb_build_object('uuid', a),
					'vertegenwoordigdePartij', jsonb_build_object('uuid', b))),
				(6, 'PATCH', '/klantcontacten?uuid=eq.' || k, jsonb_build_object('vertrouwelijk', random() < 0.5,
					'inhoud', 'Via de API, stap ' || stap || ', BSN 111222333')),
				(7, 'POST', '/betrokkenen', jsonb_build_object('hadKlantcontact', jsonb_build_object('uuid', k),
					'wasPartij', jsonb_build_object('uuid', a), 'rol', 'klant', 'initiator', false)),
				(8, 'POST', '/onderwerpobjecten', jsonb_build_object('klantcontact', jsonb_build_object('uuid', k),
					'onderwerpobjectidentificator', jsonb_build_object('objectId', 'ZAAK-API-' || stap, 'codeObjecttype', 'zaak'))),
				(9, 'DELETE', '/partijen?uuid=eq.' || a, NULL),
				(10, 'PATCH', '/mijn_partij', jsonb_build_object('voorkeurstaal', CASE WHEN random() < 0.5 THEN 'eng' ELSE 'nld' END)),
				(11, 'POST', '/mijn_digitaleadressen', jsonb_build_object('soortDigitaalAdres', 'email',
					'adres', 'burger' || stap || '.' || i || '@example.com'))
			) AS y(soort, methode, pad, body) WHERE y.soort = wat) x) AS m,
			LATERAL pgrst.http(m.methode, m.pad, m.body::json, rol => m.rol, claims => m.claims) AS h;
		INSERT INTO verzoeken VALUES (stap, wat, v.status);
	END LOOP;
END $$;
GRANT EXECUTE ON FUNCTION pg_temp.kies(text) TO PUBLIC;
SELECT format('SET SESSION AUTHORIZATION authenticator'),
	   format('DO $d$BEGIN PERFORM pg_temp.api_stap(%s); END$d$', s),
	   'RESET SESSION AUTHORIZATION',
	   format('SELECT %s AS stap, pg_temp.verschillen() AS verschillen', s),
	   CASE WHEN s % 2 = 0 THEN format('SELECT %s AS stap, pg_temp.opgeslagen() AS na_verversen', s) END
  FROM generate_series(13, 20) AS s \gexec
-- The requests did change the registry: most of them succeeded, of every kind.
SELECT count(*) AS verzoeken, count(*) FILTER (WHERE status < 300) >= 32 AS meestal_gelukt,
	   count(DISTINCT soort) FILTER (WHERE status < 300) >= 10 AS soorten_gelukt
  FROM verzoeken;
-- The large transactions did leave documents stale (served computed).
SELECT bool_and(n > 0) FILTER (WHERE stap % 3 = 0) AS groot_verouderd FROM verouderd_na_stap;
-- A large transaction's stale documents, served computed, then refreshed.
BEGIN;
SET LOCAL klantinteracties.klantbeeld_direct = 0;
UPDATE partij SET interne_notitie = 'Bulk' WHERE uuid IN (SELECT uuid FROM partij ORDER BY uuid LIMIT 20);
COMMIT;
SELECT pg_temp.verschillen() AS na_bulk,
	   (SELECT count(*) FROM klantbeeld_document WHERE document IS NULL) >= 20 AS verouderd;
CALL klantbeeld_verversen() \gset
SELECT :ververst >= 20 AS ververst, pg_temp.opgeslagen() AS na_verversen, pg_temp.verschillen() AS verschillen;
-- klantbeeld_verversen: only under READ COMMITTED, outside a transaction
-- block, with a positive batch size.
BEGIN ISOLATION LEVEL REPEATABLE READ;
SELECT klantbeeld_verversen_stap(10);
ROLLBACK;
CALL klantbeeld_verversen(partijen_per_keer => 0);
BEGIN;
CALL klantbeeld_verversen();
ROLLBACK;
-- klantbeeld_herbouwen marks every document stale.
SELECT klantbeeld_herbouwen() = (SELECT count(*) FROM partij) AS alle_verouderd;
SELECT pg_temp.verschillen() AS na_herbouwen;
CALL klantbeeld_verversen() \gset
SELECT :ververst = (SELECT count(*) FROM partij) AS alle_ververst, pg_temp.opgeslagen() AS na_verversen;

\c :regressiedb
DROP DATABASE klantbeeld_opslag_test;
DROP ROLE kb_test_lezer, kb_test_bsn, kb_test_geheim, kb_test_beide, kb_test_kcc;
