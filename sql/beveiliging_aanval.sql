-- The attack suite (issue 12): each known attack, performed as the ordinary
-- login that would try it (never as the superuser), and what it gets now:
-- the refusal with its SQLSTATE, or the evidence that nothing leaked.  Each
-- section names its finding (issue 12's numbering); docs/security.md says,
-- finding by finding, what closed it and that this test keeps it closed.
-- The generic sweeps are separate tests: beveiliging_schaduw (every
-- function and view against planted names) and beveiliging_catalogus (the
-- declared privileges).  Errors print without CONTEXT (function line
-- numbers are not what is asserted); each refusal is followed by its
-- SQLSTATE.
\set aanval_db ki_aanval
\set SHOW_CONTEXT never
\i sql/include/aanval.psql

-- Finding 1: EXPLAIN ANALYZE as an oracle, the issue's attack as a reader
-- without bsn runs it: a binary search over the BSN space on Anna's row of
-- the klantbeeld, with every scan but the bitmap scan off, deciding each
-- step by whether the plan of "bsn BETWEEN lo AND mid" prints like the plan
-- of a range that holds no BSN (the bounds replaced by <1> and <2>, as they
-- differ anyway).  With the masks every plan prints alike, so the search
-- learns nothing: no probe differs and it does not end at her BSN (on the
-- build before the masks 14 of its 26 probes differed, and it ended at
-- 111222333).  Test beveiliging_orakel does the same comparison for every
-- column of every view.
\c :aanval_db ki_aanval_lezer
CREATE FUNCTION pg_temp.plan(lo text, hi text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	r text;
	uit text := '';
BEGIN
	FOR r IN EXECUTE format('EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT 1 FROM klantinteracties.klantbeeld
		WHERE uuid = %L AND bsn BETWEEN %L::klantinteracties.bsn AND %L::klantinteracties.bsn',
		'00000000-0000-0000-0099-0000000000a1', lo, hi) LOOP
		uit := uit || replace(replace(r, lo, '<1>'), hi, '<2>') || E'\n';
	END LOOP;
	RETURN uit;
END $$;
-- The next valid BSN (elfproef) from a number on.
CREATE FUNCTION pg_temp.geldig(n bigint) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	LOOP
		BEGIN
			RETURN lpad(n::text, 9, '0')::klantinteracties.bsn::text;
		EXCEPTION WHEN invalid_text_representation THEN
			n := n + 1;
		END;
	END LOOP;
END $$;
-- The search: lo and hi valid BSNs with hers between them, halved until
-- they meet, each half tested by one plan.
CREATE FUNCTION pg_temp.zoek(OUT proeven integer, OUT verschillend integer, OUT uitkomst text) LANGUAGE plpgsql AS $$
DECLARE
	lo bigint := pg_temp.geldig(0)::bigint;
	hi bigint := 999999990;
	m bigint;
	leeg text;
	leeg_punt text;
BEGIN
	SET LOCAL enable_seqscan = off;
	SET LOCAL enable_indexscan = off;
	SET LOCAL enable_indexonlyscan = off;
	leeg := pg_temp.plan('600000011', '700000008');   -- no BSN in between
	leeg_punt := pg_temp.plan('600000011', '600000011');   -- the one-value range
	proeven := 0;
	verschillend := 0;
	WHILE lo < hi LOOP
		m := pg_temp.geldig((lo + hi) / 2)::bigint;
		IF m >= hi THEN
			m := lo;
		END IF;
		proeven := proeven + 1;
		IF pg_temp.plan(pg_temp.geldig(lo), pg_temp.geldig(m)) <> (CASE WHEN m = lo THEN leeg_punt ELSE leeg END) THEN
			verschillend := verschillend + 1;
			hi := m;
		ELSE
			lo := pg_temp.geldig(m + 1)::bigint;
		END IF;
	END LOOP;
	uitkomst := pg_temp.geldig(lo);
END $$;
SET search_path = klantinteracties, pg_catalog;
SELECT proeven, verschillend, uitkomst = '111222333' AS haar_bsn FROM pg_temp.zoek();
RESET search_path;

-- Finding 2: a type shadowed in pg_temp.  A reader's domain pg_temp.text
-- whose check tells what it sees, its search_path starting with pg_temp,
-- and the views whose per-row helpers cast to text (api_actor: the actors
-- of the klantcontacten, whose actoridentificator holds a BSN; api_adres
-- and api_url: the partijen's addresses and urls): nothing reaches the
-- domain (no NOTICE), and the BSN stays masked.
\c :aanval_db ki_aanval_lezer
CREATE FUNCTION pg_temp.leak(x pg_catalog.text) RETURNS bool LANGUAGE plpgsql AS $$BEGIN RAISE NOTICE 'leak: %', x; RETURN true; END$$;
CREATE DOMAIN pg_temp.text AS pg_catalog.text CHECK (pg_temp.leak(VALUE));
SET search_path = pg_temp, pg_catalog;
SELECT count("hadBetrokkenActoren") AS bevinding_2 FROM klantinteracties_api.klantcontacten;
SELECT "hadBetrokkenActoren" -> 0 -> 'actoridentificator' ->> 'objectId' AS objectid
  FROM klantinteracties_api.klantcontacten WHERE uuid = '00000000-0000-0000-0099-000000000011';
SELECT count(bezoekadres) AS adressen, count(url) AS urls FROM klantinteracties_api.partijen;
RESET search_path;

-- Finding 3: a writable schema in a definer's search_path.  The DBA makes
-- schema public writable for everyone after the install (as it was before
-- PostgreSQL 15, and stays after many upgrades); a reader creates there
-- >= (real, numeric), which matches "similarity(...) >= 0.4" exactly, and
-- asks for the likely duplicates of Anna (Anne Aalders at her address is
-- one, so the comparison runs), with public first in its own path too:
-- nothing runs as the owner (no NOTICE; in 0.1.0 it ran as
-- klantinteracties_eigenaar and re-pointed zoek_partij's search_path), and
-- zoek_partij keeps its search_path and grants.
\c :aanval_db :beheerder
GRANT CREATE ON SCHEMA public TO PUBLIC;
INSERT INTO klantinteracties.partij (uuid, soort_partij, indicatie_actief, bezoekadres_straatnaam, bezoekadres_huisnummer,
	bezoekadres_postcode, bezoekadres_stad)
VALUES ('00000000-0000-0000-0099-0000000000a9', 'persoon', true, 'Amstel', 1, '1015 CJ', 'Amsterdam');
INSERT INTO klantinteracties.persoon (partij, contactnaam_voornaam, contactnaam_achternaam)
VALUES ('00000000-0000-0000-0099-0000000000a9', 'Anne', 'Aalders');
\c :aanval_db ki_aanval_lezer
CREATE FUNCTION public.ge(real, numeric) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
	RAISE NOTICE 'running as %', current_user;
	EXECUTE 'ALTER FUNCTION klantinteracties.zoek_partij(klantinteracties.bsn) SET search_path = public, pg_catalog';
	RETURN true;
END $$;
CREATE OPERATOR public.>= (LEFTARG = real, RIGHTARG = numeric, FUNCTION = public.ge);
SET search_path = public, pg_catalog;
SELECT count(*) AS bevinding_3 FROM klantinteracties.mogelijke_dubbelen('00000000-0000-0000-0099-0000000000a1');
RESET search_path;
SELECT p.proconfig AS zoek_partij_instellingen, p.proacl AS zoek_partij_rechten
  FROM pg_catalog.pg_proc p WHERE p.oid = 'klantinteracties.zoek_partij(klantinteracties.bsn)'::pg_catalog.regprocedure;
\c :aanval_db :beheerder
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
DROP OPERATOR public.>= (real, numeric);
DROP FUNCTION public.ge(real, numeric);

-- Finding 4: erasure without a trace.  A beheer login turns row-level
-- security off for its transaction (which the audit and outbox triggers
-- honour for pg_restore) and erases Bert: refused before anything
-- happens, and Bert is still there.  It may not disable the triggers.
\c :aanval_db ki_aanval_beheer
BEGIN;
SET LOCAL row_security = off;
SELECT klantinteracties.vergeet_partij('00000000-0000-0000-0099-0000000000b1', 'Verzoek art. 17');
\echo sqlstate :SQLSTATE
ROLLBACK;
ALTER TABLE klantinteracties.partij DISABLE TRIGGER USER;
\echo sqlstate :SQLSTATE
\c :aanval_db ki_aanval_kcc
SELECT count(*) AS bert FROM klantinteracties_api.partijen WHERE uuid = '00000000-0000-0000-0099-0000000000b1';

-- Finding 7: stored denial of service.  A writer without bsn stores
-- metadata with 20,000 BSN-like numbers (as keys, or in one value):
-- refused by the bounds (23514), so no read has to mask them.  (The mask
-- itself is linear in the text: test bsn_maskeren.)
\c :aanval_db ki_aanval_schrijver
INSERT INTO klantinteracties_api.klantcontacten (kanaal, onderwerp, inhoud, taal, vertrouwelijk, "plaatsgevondenOp", metadata)
SELECT 'telefoon', 'Metadata', 'x', 'nld', false, '2024-03-01T10:00:00Z',
	   jsonb_object_agg(lpad((111222333 + i)::text, 9, '0'), '') FROM generate_series(1, 20000) AS i;
\echo sqlstate :SQLSTATE
INSERT INTO klantinteracties_api.klantcontacten (kanaal, onderwerp, inhoud, taal, vertrouwelijk, "plaatsgevondenOp", metadata)
VALUES ('telefoon', 'Metadata', 'x', 'nld', false, '2024-03-01T10:00:00Z',
		jsonb_build_object('bsns', (SELECT string_agg(lpad((111222333 + i)::text, 9, '0'), ' ') FROM generate_series(1, 20000) AS i)));
\echo sqlstate :SQLSTATE

-- Finding 8: a reader writes a 10 MB purpose through the logged lookup
-- (inzage_vastleggen itself it may not call: finding 9): refused before
-- anything is read or logged.
\c :aanval_db ki_aanval_lezer
SELECT count(*) FROM klantinteracties_api.klantbeeld_opvragen(doelbinding => repeat('A', 10000000),
	partij => '00000000-0000-0000-0099-0000000000a1');
\echo sqlstate :SQLSTATE
SELECT count(*) FROM klantinteracties_api.zoek_partij_op_bsn(bsn => '111222333', doelbinding => repeat('A', 1001));
\echo sqlstate :SQLSTATE

-- Finding 9: forged access-log entries.  Only the logged lookups
-- (klantbeeld_opvragen, zoek_partij_op_bsn) write the access log, through
-- inzage_vastleggen, which only klantinteracties_eigenaar (their owner) may
-- execute.  Every role tries the issue's call, and the log's table itself.
\c :aanval_db ki_aanval_lezer
SELECT klantinteracties.inzage_vastleggen('klantbeeld_opvragen', ARRAY['00000000-0000-0000-0099-0000000000a1']::uuid[],
	'Fraudeonderzoek');
\echo sqlstate :SQLSTATE
INSERT INTO klantinteracties.inzagelog (handeling, partij, doelbinding) VALUES ('klantbeeld_opvragen',
	'00000000-0000-0000-0099-0000000000a1', 'Fraudeonderzoek');
\echo sqlstate :SQLSTATE
\c :aanval_db ki_aanval_kcc
SELECT klantinteracties.inzage_vastleggen('zoek_partij_op_bsn', ARRAY['00000000-0000-0000-0099-0000000000a1']::uuid[],
	'Fraudeonderzoek');
\echo sqlstate :SQLSTATE
\c :aanval_db ki_aanval_beheer
SELECT klantinteracties.inzage_vastleggen('klantbeeld_opvragen', ARRAY['00000000-0000-0000-0099-0000000000a1']::uuid[],
	'Fraudeonderzoek');
\echo sqlstate :SQLSTATE
UPDATE klantinteracties.inzagelog SET doelbinding = 'Fraudeonderzoek';
\echo sqlstate :SQLSTATE
\c :aanval_db ki_aanval_kwaad
SELECT klantinteracties.inzage_vastleggen('klantbeeld_opvragen', ARRAY['00000000-0000-0000-0099-0000000000a1']::uuid[],
	'Fraudeonderzoek');
\echo sqlstate :SQLSTATE
-- A real lookup by the reader is logged, for the partij it showed.
\c :aanval_db ki_aanval_lezer
SELECT count(*) AS getoond FROM klantinteracties_api.klantbeeld_opvragen(doelbinding => 'Terugbelverzoek',
	partij => '00000000-0000-0000-0099-0000000000a1');
-- Anna, through PostgREST's authenticator as the citizen, sees that lookup
-- and nothing forged.
\c :aanval_db ki_aanval_authenticator
SET ROLE klantinteracties_burger;
SELECT set_config('request.jwt.claims', '{"role": "klantinteracties_burger", "bsn": "111222333"}', false) IS NOT NULL AS claims;
SELECT handeling, doelbinding FROM klantinteracties_api.mijn_inzage ORDER BY 1, 2;
\c :aanval_db ki_aanval_beheer
SELECT handeling, partij, doelbinding FROM klantinteracties.inzagelog ORDER BY 1, 2, 3;

-- Finding 10: masks of free text.  Which text is masked for whom
-- (docs/security.md, section 5): the omschrijving of Bert's digitaal
-- adres ("BSN partner 824568503") without bsn, as in the klantbeeld; the
-- texts of the interne taak of the vertrouwelijk klantcontact without
-- geheim; a BSN in an interne taak's toelichting without bsn.
\c :aanval_db ki_aanval_lezer
SELECT omschrijving FROM klantinteracties_api.digitaleadressen WHERE uuid = '00000000-0000-0000-0099-0000000000b3';
SELECT uuid, "gevraagdeHandeling", toelichting FROM klantinteracties_api.internetaken ORDER BY uuid;
\c :aanval_db ki_aanval_geheim
SELECT uuid, "gevraagdeHandeling", toelichting FROM klantinteracties_api.internetaken ORDER BY uuid;
\c :aanval_db ki_aanval_bsn
SELECT omschrijving FROM klantinteracties_api.digitaleadressen WHERE uuid = '00000000-0000-0000-0099-0000000000b3';

-- Finding 11: a spoofed NOTIFY.  PostgreSQL has no privilege on NOTIFY:
-- any login can signal the channel, with any payload.  The outbox worker
-- (docs/security.md, section 9) takes the signal only as a wake-up and
-- reads what to send from the outbox table, which only the registry's
-- triggers write: the forged payloads name nothing it would send.
\c :aanval_db ki_aanval_kwaad
NOTIFY klantinteracties_gebeurtenis, '424242';
\echo sqlstate :SQLSTATE
SELECT pg_notify('klantinteracties_gebeurtenis', '1; vervalst') IS NULL AS gesignaleerd;
SELECT count(*) FROM klantinteracties.gebeurtenis;
\echo sqlstate :SQLSTATE
\c :aanval_db ki_aanval_schrijver
INSERT INTO klantinteracties.gebeurtenis (kanaal, resource_uuid, actie, cloudevent)
VALUES ('partijen', '00000000-0000-0000-0099-0000000000a1', 'destroy', '{}');
\echo sqlstate :SQLSTATE
\c :aanval_db ki_aanval_beheer
-- The worker itself may mark events sent and delete them, not write them.
INSERT INTO klantinteracties.gebeurtenis (kanaal, resource_uuid, actie, cloudevent)
VALUES ('partijen', '00000000-0000-0000-0099-0000000000a1', 'destroy', '{}');
\echo sqlstate :SQLSTATE
UPDATE klantinteracties.gebeurtenis SET cloudevent = '{}';
\echo sqlstate :SQLSTATE
-- The worker's query: what the triggers wrote (the fixture's changes), no
-- event 424242 or 1 beyond them.
SELECT count(*) AS te_verzenden, min(id) AS eerste, max(id) AS laatste,
	   count(*) FILTER (WHERE cloudevent -> 'data' ->> 'actie' = 'destroy') AS destroy
  FROM klantinteracties.gebeurtenis WHERE verzonden_op IS NULL;
-- The worker sends them and marks them sent; a spoofed signal naming one of
-- them afterwards makes it send nothing again (no replay).
UPDATE klantinteracties.gebeurtenis SET verzonden_op = now() WHERE verzonden_op IS NULL;
\c :aanval_db ki_aanval_kwaad
NOTIFY klantinteracties_gebeurtenis, '1';
\c :aanval_db ki_aanval_beheer
SELECT count(*) AS te_verzenden FROM klantinteracties.gebeurtenis WHERE verzonden_op IS NULL;
SELECT max(id) AS laatste_gebeurtenis FROM klantinteracties.gebeurtenis \gset

-- Finding 11, the events' source: the CloudEvents source and resourceUrl
-- were built from the setting klantinteracties.api_base_url, which any
-- login may SET in its session or pass in its connection options; a writer
-- then sent every subscriber, who fetches resourceUrl with its own
-- credentials, to a host of its choosing.  Only the database's setting
-- (ALTER DATABASE ... SET, by the database's owner) counts now.
\c :aanval_db ki_aanval_schrijver
SET klantinteracties.api_base_url = 'https://aanvaller.example/oogst';
UPDATE klantinteracties_api.partijen SET voorkeurstaal = 'eng' WHERE uuid = '00000000-0000-0000-0099-0000000000a1';
\c 'dbname=ki_aanval user=ki_aanval_schrijver options=-cklantinteracties.api_base_url=https://aanvaller.example/oogst'
SHOW klantinteracties.api_base_url;
UPDATE klantinteracties_api.partijen SET voorkeurstaal = 'nld' WHERE uuid = '00000000-0000-0000-0099-0000000000e1';
ALTER ROLE ki_aanval_schrijver SET klantinteracties.api_base_url = 'https://aanvaller.example/oogst';
\echo sqlstate :SQLSTATE
ALTER DATABASE ki_aanval SET klantinteracties.api_base_url = 'https://aanvaller.example/oogst';
\echo sqlstate :SQLSTATE
\c :aanval_db ki_aanval_beheer
SELECT resource_uuid, actie, cloudevent ->> 'source' AS source, cloudevent -> 'data' ->> 'resourceUrl' AS url
  FROM klantinteracties.gebeurtenis WHERE id > :laatste_gebeurtenis ORDER BY id;

-- set_config and role tricks.  In a session that is not PostgREST's
-- authenticator, JWT claims are the caller's own words and count for
-- nothing: no scope widened, no citizen's BSN, no subject.  The role
-- settings name only roles the login is a member of; the settings that
-- would silence the audit trail and the outbox (row_security,
-- session_replication_role) refuse or stop the query.
\c :aanval_db ki_aanval_lezer
SELECT set_config('request.jwt.claims', '{"role": "klantinteracties_burger", "bsn": "999999990", "sub": "iemand", "scope": "read bsn geheim beheer"}', false) IS NOT NULL AS gezet;
SELECT set_config('request.headers', '{"x-request-id": "vervalst"}', false) IS NOT NULL AS gezet;
SELECT klantinteracties.jwt_claims() IS NULL AS genegeerd, klantinteracties.scopes() AS scopes,
	   klantinteracties.burger_bsn() AS burger_bsn, klantinteracties.wie() ->> 'subject' AS subject,
	   klantinteracties.wie() ->> 'verzoek' AS verzoek;
SELECT count(*) AS bsn_zichtbaar FROM klantinteracties_api."partij-identificatoren"
 WHERE "partijIdentificator" ->> 'codeSoortObjectId' = 'bsn';
SELECT count(*) AS mijn_partij FROM klantinteracties_api.mijn_partij;
\echo sqlstate :SQLSTATE
SET ROLE klantinteracties_bsn;
\echo sqlstate :SQLSTATE
SELECT set_config('role', 'klantinteracties_geheim', false);
\echo sqlstate :SQLSTATE
SET ROLE klantinteracties_eigenaar;
\echo sqlstate :SQLSTATE
SET SESSION AUTHORIZATION ki_aanval_kcc;
\echo sqlstate :SQLSTATE
\c :aanval_db ki_aanval_schrijver
SET session_replication_role = replica;
\echo sqlstate :SQLSTATE
SET row_security = off;
UPDATE klantinteracties_api.partijen SET voorkeurstaal = 'deu' WHERE uuid = '00000000-0000-0000-0099-0000000000a1';
\echo sqlstate :SQLSTATE
SELECT count(*) FROM klantinteracties_api.partijen;
\echo sqlstate :SQLSTATE
RESET row_security;
SELECT voorkeurstaal FROM klantinteracties_api.partijen WHERE uuid = '00000000-0000-0000-0099-0000000000a1';
-- The DROP guard's setting is anyone's to set; dropping stays the owner's.
SET klantinteracties.verwijderen_toegestaan = on;
DROP EXTENSION klantinteracties;
\echo sqlstate :SQLSTATE
-- The citizen's role without PostgREST's authenticator: a login that may
-- become klantinteracties_burger but is not the authenticator gets no
-- claims counted, so no partij.
\c :aanval_db ki_aanval_kwaad
SET ROLE klantinteracties_burger;
\echo sqlstate :SQLSTATE
\c :aanval_db :beheerder
GRANT klantinteracties_burger TO ki_aanval_kwaad;
\c :aanval_db ki_aanval_kwaad
SET ROLE klantinteracties_burger;
SELECT set_config('request.jwt.claims', '{"role": "klantinteracties_burger", "bsn": "111222333"}', false) IS NOT NULL AS gezet;
SELECT klantinteracties.burger_partij() AS zonder_authenticator;
SELECT count(*) AS mijn_partij FROM klantinteracties_api.mijn_partij;
SELECT count(*) AS mijn_inzage FROM klantinteracties_api.mijn_inzage;

-- Side channels: what a refused write says about rows the caller cannot
-- see.  A writer without geheim names, in a new digitaal adres, the
-- betrokkene of the secret partij (hidden from it) and a uuid that does not
-- exist: the same answer.  (A row's existence by a uuid the caller already
-- knows is not protected: docs/security.md.)
\c :aanval_db ki_aanval_schrijver
INSERT INTO klantinteracties_api.digitaleadressen ("verstrektDoorBetrokkene", "soortDigitaalAdres", adres, omschrijving)
VALUES ('{"uuid": "00000000-0000-0000-0099-000000000023"}', 'email', 'x@example.org', '');
\echo sqlstate :SQLSTATE
INSERT INTO klantinteracties_api.digitaleadressen ("verstrektDoorBetrokkene", "soortDigitaalAdres", adres, omschrijving)
VALUES ('{"uuid": "00000000-0000-0000-0099-0000000000ff"}', 'email', 'x@example.org', '');
\echo sqlstate :SQLSTATE
-- Side channels, the lookups by uuid: for the secret partij (hidden from a
-- reader without geheim but for its uuid and flag), for the klantcontact
-- whose only betrokkene is that partij, and for a uuid that does not
-- exist, a reader gets the same empty answers; the klantbeeld of the
-- secret partij says only that it is secret.
\c :aanval_db ki_aanval_lezer
SELECT 'contacthistorie' AS functie,
	   (SELECT count(*) FROM klantinteracties.contacthistorie('00000000-0000-0000-0099-0000000000c1')) AS verborgen,
	   (SELECT count(*) FROM klantinteracties.contacthistorie('00000000-0000-0000-0099-0000000000ff')) AS afwezig
UNION ALL
SELECT 'mogelijke_dubbelen',
	   (SELECT count(*) FROM klantinteracties.mogelijke_dubbelen('00000000-0000-0000-0099-0000000000c1')),
	   (SELECT count(*) FROM klantinteracties.mogelijke_dubbelen('00000000-0000-0000-0099-0000000000ff'))
UNION ALL
SELECT 'contactgegevens_voor_opvolging',
	   (SELECT count(*) FROM klantinteracties.contactgegevens_voor_opvolging('00000000-0000-0000-0099-000000000013')),
	   (SELECT count(*) FROM klantinteracties.contactgegevens_voor_opvolging('00000000-0000-0000-0099-0000000000ff'));
SELECT klantinteracties.klantbeeld('00000000-0000-0000-0099-0000000000c1'::uuid) AS geheime_partij,
	   klantinteracties.klantbeeld('00000000-0000-0000-0099-0000000000ff'::uuid) AS afwezig;

-- Lookups by a secret value answer alike for a BSN the caller may not
-- see (Bert's, the secret Cees's) and one that is not registered.
SELECT klantinteracties.zoek_partij('123456782'::klantinteracties.bsn) AS bert,
	   klantinteracties.zoek_partij('999999990'::klantinteracties.bsn) AS cees,
	   klantinteracties.zoek_partij('111222333'::klantinteracties.bsn) AS anna,
	   klantinteracties.zoek_partij('100000009'::klantinteracties.bsn) AS onbekend;
SELECT count(*) AS bert FROM klantinteracties_api.partijen_met_identificator('bsn', '123456782', NULL);
SELECT count(*) AS onbekend FROM klantinteracties_api.partijen_met_identificator('bsn', '100000009', NULL);

-- Oversized input to the lookups a reader may call (as a reader with bsn,
-- so that every value is parsed): refused with 22P02 and the value quoted
-- in part, or an empty answer; never a crash or XX000.
\c :aanval_db ki_aanval_bsn
SELECT count(*) FROM klantinteracties_api.partijen_met_identificator('bsn', repeat('1', 1000000), NULL);
\echo sqlstate :SQLSTATE
SELECT count(*) FROM klantinteracties_api.digitaleadressen_met_identificator('bsn', repeat('1', 1000000));
\echo sqlstate :SQLSTATE
SELECT count(*) FROM klantinteracties_api.partijen_met_digitaal_adres(repeat('a', 1000000), 'email');
\echo sqlstate :SQLSTATE
SELECT count(*) FROM klantinteracties.zoek_partij(repeat('1', 1000000)::klantinteracties.bsn);
\echo sqlstate :SQLSTATE
SELECT count(*) FROM klantinteracties.zoek_partijen(repeat('x', 1000000));
\echo sqlstate :SQLSTATE
-- The searches by a piece of a name or address refuse a piece longer
-- than any name or address (their trigram search grew with it: a 10 MB
-- piece took some 10 s); 500 characters still search.
SELECT count(*) FROM klantinteracties_api.partijen_met_naamdeel(repeat('ab', 5000000));
\echo sqlstate :SQLSTATE
SELECT count(*) FROM klantinteracties_api.digitaleadressen_met_adresdeel(repeat('a', 10000000), 'email');
\echo sqlstate :SQLSTATE
SELECT count(*) FROM klantinteracties.zoek_partijen_met_naamdeel(repeat('a', 501));
\echo sqlstate :SQLSTATE
SELECT count(*) AS gevonden FROM klantinteracties.zoek_partijen_met_naamdeel(repeat('a', 500));

-- Planner statistics: the column statistics of the registry (most common
-- values, histograms: real BSNs and names) are not readable by the
-- logins, through any of PostgreSQL's views or catalogs.  What every
-- login can read is how many rows each table has (pg_class.reltuples,
-- the statistics views), hidden rows included: not protected
-- (docs/security.md), shown here for the identificators (a reader sees 1
-- of 4) and the betrokkenen (2 of 3).
\c :aanval_db ki_aanval_lezer
SELECT (SELECT count(*) FROM pg_stats WHERE schemaname = 'klantinteracties') AS pg_stats,
	   (SELECT count(*) FROM pg_stats_ext WHERE schemaname = 'klantinteracties') AS pg_stats_ext,
	   (SELECT count(*) FROM pg_stats_ext_exprs WHERE schemaname = 'klantinteracties') AS pg_stats_ext_exprs;
SELECT count(*) FROM pg_statistic;
\echo sqlstate :SQLSTATE
SELECT count(*) FROM pg_statistic_ext_data;
\echo sqlstate :SQLSTATE
SELECT c.relname, c.reltuples AS rijen_volgens_pg_class,
	   CASE c.relname WHEN 'partij_identificator' THEN (SELECT count(*) FROM klantinteracties_api."partij-identificatoren")
					  WHEN 'betrokkene' THEN (SELECT count(*) FROM klantinteracties_api.betrokkenen) END AS zichtbaar
  FROM pg_class c WHERE c.relnamespace = 'klantinteracties'::regnamespace AND c.relname IN ('partij_identificator', 'betrokkene')
 ORDER BY 1;

-- Finding 5: gaps in the audit trail's read policy.  A beheer login
-- without bsn and geheim reads the audit trail: no row it can read holds
-- a BSN anywhere (Anna's in the interne taak's toelichting, the actor's
-- BSN objectId, the onderwerpobject's, the omschrijving "BSN partner
-- 824568503"), belongs to the vertrouwelijk klantcontact or what hangs
-- under it, or to the secret partij Cees (his name, address, e-mail,
-- IBAN), also after a writer with every scope deleted Cees outright (his
-- whole history stays hidden; klantcontact 13, "Cees verhuisde", is not
-- vertrouwelijk, and every reader sees its text).
\c :aanval_db ki_aanval_kcc
DELETE FROM klantinteracties_api.partijen WHERE uuid = '00000000-0000-0000-0099-0000000000c1';
-- Texts that start like a timestamp or a uuid (which the flags leave out
-- when a value is one, whole) are searched like any other.
INSERT INTO klantinteracties_api.internetaken ("gevraagdeHandeling", "aanleidinggevendKlantcontact", toelichting, "toegewezenAanActoren")
VALUES ('Terugbellen', '{"uuid": "00000000-0000-0000-0099-000000000011"}', '2024-03-01: Anna (BSN 111222333) belde',
		'[{"uuid": "00000000-0000-0000-0099-000000000041"}]');
UPDATE klantinteracties_api.partijen SET "interneNotitie" = '00000000-0000-0000-0099-0000000000b1 BSN partner 824568503'
 WHERE uuid = '00000000-0000-0000-0099-0000000000a1';
\c :aanval_db ki_aanval_beheer
SELECT count(*) AS leesbaar,
	   count(*) FILTER (WHERE concat(oud::text, nieuw::text) ~ '111222333|123456782|999999990|824568503') AS met_bsn,
	   count(*) FILTER (WHERE concat(oud::text, nieuw::text) ~* 'schuld') AS vertrouwelijke_inhoud,
	   count(*) FILTER (WHERE concat(oud::text, nieuw::text) ~ 'Citroen|Schuilhoek|9999 ZZ|geheim[.]nl|Geheim adres|NL91ABNA'
						   OR '00000000-0000-0000-0099-0000000000c1' = ANY (partijen)) AS geheime_partij
  FROM klantinteracties.wijzigingslog;
-- What it reads is what it may: the rows of Anna's partij and her
-- klantcontact, without their BSNs.
SELECT tabel, count(*) AS rijen FROM klantinteracties.wijzigingslog GROUP BY tabel ORDER BY tabel;

-- Writes under a vertrouwelijk klantcontact (found by this suite): a
-- writer without geheim adds a bijlage or an onderwerpobject to Bert's
-- vertrouwelijk klantcontact, or moves Anna's bijlage under it: refused
-- by the write policies (42501), nothing written.
\c :aanval_db ki_aanval_schrijver
INSERT INTO klantinteracties_api.bijlagen ("wasBijlageVanKlantcontact", bijlageidentificator)
VALUES ('{"uuid": "00000000-0000-0000-0099-000000000012"}',
		'{"objectId": "notitie", "codeObjecttype": "document", "codeRegister": "", "codeSoortObjectId": ""}');
\echo sqlstate :SQLSTATE
INSERT INTO klantinteracties_api.onderwerpobjecten (klantcontact, onderwerpobjectidentificator)
VALUES ('{"uuid": "00000000-0000-0000-0099-000000000012"}',
		'{"objectId": "zaak-1", "codeObjecttype": "zaak", "codeRegister": "zrc", "codeSoortObjectId": "uuid"}');
\echo sqlstate :SQLSTATE
UPDATE klantinteracties_api.bijlagen SET "wasBijlageVanKlantcontact" = '{"uuid": "00000000-0000-0000-0099-000000000012"}'
 WHERE uuid = '00000000-0000-0000-0099-000000000032';
\echo sqlstate :SQLSTATE
\c :aanval_db ki_aanval_kcc
SELECT count(*) AS bijlagen_van_bert, count(*) FILTER (WHERE uuid = '00000000-0000-0000-0099-000000000032') AS die_van_anna
  FROM klantinteracties_api.bijlagen WHERE "wasBijlageVanKlantcontact" ->> 'uuid' = '00000000-0000-0000-0099-000000000012';
SELECT count(*) AS onderwerpobjecten_van_bert FROM klantinteracties_api.onderwerpobjecten
 WHERE klantcontact ->> 'uuid' = '00000000-0000-0000-0099-000000000012';

-- A merge by a writer that cannot see every row it would move (found by
-- this suite): two partijen of the same name, with different BSNs; a
-- writer without bsn merges them: refused (42501) whatever they hold, and
-- both BSN identificators stay.
\c :aanval_db :beheerder
INSERT INTO klantinteracties.partij (uuid, soort_partij, indicatie_actief) VALUES
	('00000000-0000-0000-0099-0000000000d1', 'persoon', true), ('00000000-0000-0000-0099-0000000000d2', 'persoon', true);
INSERT INTO klantinteracties.persoon (partij, contactnaam_voornaam, contactnaam_achternaam) VALUES
	('00000000-0000-0000-0099-0000000000d1', 'Dirk', 'Dekker'), ('00000000-0000-0000-0099-0000000000d2', 'Dirk', 'Dekker');
INSERT INTO klantinteracties.partij_identificator (identificeerde_partij, code_register, code_objecttype, code_soort_object_id, object_id) VALUES
	('00000000-0000-0000-0099-0000000000d1', 'brp', 'natuurlijk_persoon', 'bsn', '600000011'),
	('00000000-0000-0000-0099-0000000000d2', 'brp', 'natuurlijk_persoon', 'bsn', '700000008');
\c :aanval_db ki_aanval_schrijver
SELECT klantinteracties.voeg_partijen_samen('00000000-0000-0000-0099-0000000000d1', '00000000-0000-0000-0099-0000000000d2');
\echo sqlstate :SQLSTATE
\c :aanval_db ki_aanval_kcc
SELECT count(*) AS bsns_van_dirk FROM klantinteracties_api."partij-identificatoren"
 WHERE "identificeerdePartij" ->> 'uuid' IN ('00000000-0000-0000-0099-0000000000d1', '00000000-0000-0000-0099-0000000000d2');

-- Finding 6: erasure leaves no traces (last, as it erases Bert).  A
-- beheer login erases Bert (with row-level security on, as it must);
-- before, his BSN, e-mail address and name, in spellings the types
-- accept, are found in many columns; afterwards nowhere: searched as the
-- superuser in every text and JSON column of every table of the extension
-- (the audit trail, the access log and the outbox included).  Test
-- beveiliging_vergeten does this on a larger fixture with every spelling.
-- (public.treffers is the superuser's search, in this test's database.)
\c :aanval_db :beheerder
CREATE FUNCTION public.treffers(patroon text) RETURNS TABLE (tabel name, kolom name, rijen bigint)
LANGUAGE plpgsql AS $$
DECLARE
	k record;
BEGIN
	FOR k IN SELECT c.relname, a.attname FROM pg_class c
			   JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
			  WHERE c.relnamespace = 'klantinteracties'::regnamespace AND c.relkind = 'r'
				AND a.atttypid NOT IN ('uuid'::regtype, 'boolean'::regtype, 'timestamptz'::regtype, 'date'::regtype,
									   'bigint'::regtype, 'integer'::regtype, 'xid8'::regtype)
			  ORDER BY 1, 2 LOOP
		tabel := k.relname;
		kolom := k.attname;
		EXECUTE format('SELECT count(*) FROM klantinteracties.%I WHERE %I::text ~* %L', k.relname, k.attname, patroon) INTO rijen;
		IF rijen > 0 THEN
			RETURN NEXT;
		END IF;
	END LOOP;
END $$;
SELECT count(*) AS kolommen_met_bert, sum(rijen) AS rijen
  FROM public.treffers('123456782|123 456 782|1234[.]56[.]782|bert@example[.]com|Bert Bakker|Bakker, Bert');
\c :aanval_db ki_aanval_beheer
SELECT count(*) > 0 AS vergeten FROM klantinteracties.vergeet_partij('00000000-0000-0000-0099-0000000000b1', 'Verzoek art. 17');
\c :aanval_db :beheerder
SELECT * FROM public.treffers('123456782|123 456 782|1234[.]56[.]782|bert@example[.]com|Bert Bakker|Bakker, Bert');

\i sql/include/aanval_einde.psql
