-- The data of benchmarks 3-6 (loaded by bench_dataset in bench/lib.sh, once
-- per database and size): the sample data of genereer_voorbeelddata in our
-- schema, optionally more klantcontacten per partij, and the same rows
-- converted into Open Klant's tables (bench/baseline_openklant.sql).

SET client_min_messages = warning;

-- What a database holds, so that the next benchmark reuses it.
CREATE TABLE IF NOT EXISTS bench.dataset (
	partijen	integer NOT NULL,
	klantcontacten_per_partij numeric NOT NULL,
	seconds		float8 NOT NULL,
	rijen		jsonb NOT NULL,
	-- of which: refreshing the stored klantbeeld after the load
	verversen_seconds float8 NOT NULL
);

-- More klantcontacten, until the registry holds `per_partij` klantcontacten
-- per partij on average (the issue's full size: 5,000,000 for 1,000,000
-- partijen; genereer_voorbeelddata makes about 1.9).  Each persoon or
-- organisatie gets 0 .. 2m more (m the mean needed), each a klantcontact
-- with its betrokkene (the partij, klant, initiator) and one medewerker as
-- actor, on one of the six kanalen and 20 onderwerpen of the generator, in
-- the three years before 2025.  Deterministic, set-based, in blocks.
CREATE FUNCTION bench.klantcontacten_aanvullen(per_partij numeric) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
	n			bigint := (SELECT count(*) FROM klantinteracties.partij);
	extra		numeric := per_partij * n - (SELECT count(*) FROM klantinteracties.klantcontact);
	eligible	bigint := (SELECT count(*) FROM klantinteracties.partij WHERE soort_partij <> 'contactpersoon');
	spread		integer;
	medewerkers	uuid[] := ARRAY(SELECT actor FROM klantinteracties.medewerker ORDER BY actor);
	kanalen		text[] := ARRAY['telefoon', 'e-mail', 'balie', 'webformulier', 'brief', 'chat'];
	onderwerpen	text[] := ARRAY['Paspoort aanvragen', 'Rijbewijs verlengen', 'Verhuizing doorgeven',
		'Uittreksel BRP', 'Huwelijk of partnerschap', 'Bijstandsuitkering', 'Schuldhulpverlening',
		'Wmo-voorziening', 'Omgevingsvergunning', 'Kapvergunning', 'Parkeervergunning', 'WOZ-beschikking',
		'Gemeentelijke belastingen', 'Kwijtschelding', 'Melding openbare ruimte', 'Grofvuil ophalen', 'Afvalpas',
		'Subsidieaanvraag', 'Bezwaar', 'Klacht'];
	blok		constant integer := 50000;
	added		bigint := 0;
	r			bigint;
BEGIN
	IF extra <= 0 OR eligible = 0 THEN
		RETURN 0;
	END IF;
	spread := round(2 * extra / eligible);
	CREATE TEMP TABLE aanvulling ON COMMIT DROP AS
	SELECT p.uuid AS partij, row_number() OVER (ORDER BY p.uuid) AS nr,
		   bench.rnd(hashtext(p.uuid::text), 40) % (spread + 1) AS m
	  FROM klantinteracties.partij p
	 WHERE p.soort_partij <> 'contactpersoon';
	FOR lo IN 0 .. (SELECT max(nr) FROM aanvulling) BY blok LOOP
		WITH src AS MATERIALIZED (
			SELECT a.partij, j, md5('bench-klantcontact:' || a.partij || ':' || j)::uuid AS kc,
				   bench.rnd(a.nr * 32 + j, 41) AS r1, bench.rnd(a.nr * 32 + j, 42) AS r2
			  FROM aanvulling a, generate_series(1, a.m::integer) j
			 WHERE a.nr > lo AND a.nr <= lo + blok),
		ins_kc AS (
			INSERT INTO klantinteracties.klantcontact (uuid, kanaal, onderwerp, inhoud, indicatie_contact_gelukt,
				taal, vertrouwelijk, plaatsgevonden_op)
			SELECT kc, kanalen[1 + r1 % 6], onderwerpen[1 + r2 % 20],
				   'Vraag over ' || lower(onderwerpen[1 + r2 % 20]) || '.', true, 'nld', false,
				   timestamptz '2025-01-01 00:00:00+01' - make_interval(mins => (r1 % (1095 * 1440))::integer)
			  FROM src
			RETURNING 1),
		ins_b AS (
			INSERT INTO klantinteracties.betrokkene (uuid, was_partij, had_klantcontact, rol, initiator)
			SELECT md5('bench-betrokkene:' || partij || ':' || j)::uuid, partij, kc, 'klant', true
			  FROM src),
		ins_a AS (
			INSERT INTO klantinteracties.actor_klantcontact (uuid, actor, klantcontact)
			SELECT md5('bench-actor_klantcontact:' || partij || ':' || j)::uuid,
				   medewerkers[1 + r2 % cardinality(medewerkers)], kc
			  FROM src)
		SELECT count(*) INTO r FROM ins_kc;
		added := added + r;
	END LOOP;
	RETURN added;
END
$$;

-- Our rows in Open Klant's tables.  Ids are numbered in the physical order
-- of our tables (row_number over a scan), references are translated
-- through those numberings; the uuids are ours.  Values are written as Open
-- Klant stores them: enumerations and typed values as their text, empty
-- optional values as '', telephone numbers without separators (Open Klant
-- refuses spaces and dashes, so its clients strip them).  As pg_restore
-- does, the tables are filled without their keys and indexes, which are
-- built afterwards from their saved definitions (foreign keys last, each
-- validated by one query): the rows are consistent by construction, and
-- the sample data of a million partijen loads in minutes instead of an hour.
CREATE FUNCTION bench.openklant_vullen() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	tabel		name;
	def			record;
BEGIN
	SET LOCAL search_path = openklant, klantinteracties, pg_catalog;

	CREATE TEMP TABLE openklant_ddl ON COMMIT DROP AS
	SELECT 1 AS stap, c.oid AS oid, format('ALTER TABLE openklant.%I ADD CONSTRAINT %I %s', t.relname, c.conname,
										   pg_get_constraintdef(c.oid)) AS maken,
		   format('ALTER TABLE openklant.%I DROP CONSTRAINT %I', t.relname, c.conname) AS weg
	  FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
	 WHERE t.relnamespace = 'openklant'::regnamespace AND c.contype IN ('p', 'u')
	UNION ALL
	SELECT 1, i.indexrelid, pg_get_indexdef(i.indexrelid), format('DROP INDEX openklant.%I', x.relname)
	  FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid
	 WHERE x.relnamespace = 'openklant'::regnamespace
	   AND NOT EXISTS (SELECT FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u'))
	UNION ALL
	SELECT 2, c.oid, format('ALTER TABLE openklant.%I ADD CONSTRAINT %I %s', t.relname, c.conname,
							pg_get_constraintdef(c.oid)),
		   format('ALTER TABLE openklant.%I DROP CONSTRAINT %I', t.relname, c.conname)
	  FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
	 WHERE t.relnamespace = 'openklant'::regnamespace AND c.contype = 'f';
	FOR def IN SELECT * FROM openklant_ddl ORDER BY stap DESC, oid LOOP
		EXECUTE def.weg;
	END LOOP;

	CREATE TEMP TABLE m_partij ON COMMIT DROP AS
		SELECT uuid, row_number() OVER ()::integer AS id FROM partij;
	CREATE TEMP TABLE m_adres ON COMMIT DROP AS
		SELECT uuid, row_number() OVER ()::integer AS id FROM digitaal_adres;
	CREATE TEMP TABLE m_rekening ON COMMIT DROP AS
		SELECT uuid, row_number() OVER ()::integer AS id FROM rekeningnummer;
	CREATE TEMP TABLE m_identificator ON COMMIT DROP AS
		SELECT uuid, row_number() OVER ()::integer AS id FROM partij_identificator;
	CREATE TEMP TABLE m_klantcontact ON COMMIT DROP AS
		SELECT uuid, row_number() OVER ()::integer AS id FROM klantcontact;
	CREATE TEMP TABLE m_betrokkene ON COMMIT DROP AS
		SELECT uuid, row_number() OVER ()::integer AS id FROM betrokkene;
	CREATE TEMP TABLE m_actor ON COMMIT DROP AS
		SELECT uuid, row_number() OVER ()::integer AS id FROM actor;
	CREATE TEMP TABLE m_taak ON COMMIT DROP AS
		SELECT uuid, row_number() OVER ()::integer AS id FROM interne_taak;
	CREATE TEMP TABLE m_categorie ON COMMIT DROP AS
		SELECT uuid, row_number() OVER ()::integer AS id FROM categorie;
	ANALYZE m_partij, m_adres, m_rekening, m_identificator, m_klantcontact, m_betrokkene, m_actor, m_taak, m_categorie;

	INSERT INTO token_tokenauth (token, contact_person, email, organization, last_modified, created,
		application, administration)
	VALUES ('0123456789abcdef0123456789abcdef01234567', 'Benchmark', 'bench@example.com', 'Gemeente',
			now(), now(), 'bench', 'bench');

	INSERT INTO klantinteracties_partij
	SELECT m.id, p.uuid, va.id, vr.id, p.nummer, p.interne_notitie, p.soort_partij::text,
		   p.indicatie_geheimhouding, p.voorkeurstaal, p.indicatie_actief,
		   coalesce(p.bezoekadres_nummeraanduiding_id::text, ''), p.bezoekadres_straatnaam,
		   p.bezoekadres_huisnummer, p.bezoekadres_huisnummertoevoeging,
		   coalesce(p.bezoekadres_postcode::text, ''), p.bezoekadres_stad, p.bezoekadres_adresregel1,
		   p.bezoekadres_adresregel2, p.bezoekadres_adresregel3, coalesce(p.bezoekadres_land::text, ''),
		   coalesce(p.correspondentieadres_nummeraanduiding_id::text, ''), p.correspondentieadres_straatnaam,
		   p.correspondentieadres_huisnummer, p.correspondentieadres_huisnummertoevoeging,
		   coalesce(p.correspondentieadres_postcode::text, ''), p.correspondentieadres_stad,
		   p.correspondentieadres_adresregel1, p.correspondentieadres_adresregel2,
		   p.correspondentieadres_adresregel3, coalesce(p.correspondentieadres_land::text, '')
	  FROM partij p
	  JOIN m_partij m ON m.uuid = p.uuid
	  LEFT JOIN digitaal_adres d ON d.verstrekt_door_partij = p.uuid AND d.is_voorkeursadres
	  LEFT JOIN m_adres va ON va.uuid = d.uuid
	  LEFT JOIN rekeningnummer r ON r.partij = p.uuid AND r.is_voorkeursrekeningnummer
	  LEFT JOIN m_rekening vr ON vr.uuid = r.uuid
	 ORDER BY m.id;

	INSERT INTO klantinteracties_persoon (partij_id, contactnaam_voorletters, contactnaam_voornaam,
		contactnaam_voorvoegsel_achternaam, contactnaam_achternaam)
	SELECT m.id, ps.contactnaam_voorletters, ps.contactnaam_voornaam, ps.contactnaam_voorvoegsel_achternaam,
		   ps.contactnaam_achternaam
	  FROM persoon ps JOIN m_partij m ON m.uuid = ps.partij;
	INSERT INTO klantinteracties_organisatie (partij_id, naam)
	SELECT m.id, o.naam FROM organisatie o JOIN m_partij m ON m.uuid = o.partij;
	INSERT INTO klantinteracties_contactpersoon (uuid, partij_id, werkte_voor_partij_id, contactnaam_voorletters,
		contactnaam_voornaam, contactnaam_voorvoegsel_achternaam, contactnaam_achternaam)
	SELECT cp.uuid, m.id, w.id, cp.contactnaam_voorletters, cp.contactnaam_voornaam,
		   cp.contactnaam_voorvoegsel_achternaam, cp.contactnaam_achternaam
	  FROM contactpersoon cp JOIN m_partij m ON m.uuid = cp.partij LEFT JOIN m_partij w ON w.uuid = cp.werkte_voor_partij;
	INSERT INTO klantinteracties_vertegenwoordigden (uuid, vertegenwoordigende_partij_id, vertegenwoordigde_partij_id)
	SELECT v.uuid, a.id, b.id FROM vertegenwoordiging v
	  JOIN m_partij a ON a.uuid = v.vertegenwoordigende_partij JOIN m_partij b ON b.uuid = v.vertegenwoordigde_partij;
	INSERT INTO klantinteracties_categorie
	SELECT m.id, c.uuid, c.naam FROM categorie c JOIN m_categorie m ON m.uuid = c.uuid ORDER BY m.id;
	INSERT INTO klantinteracties_categorierelatie (uuid, partij_id, categorie_id, begin_datum, eind_datum)
	SELECT cr.uuid, p.id, c.id, cr.begin_datum, cr.eind_datum
	  FROM categorie_relatie cr LEFT JOIN m_partij p ON p.uuid = cr.partij LEFT JOIN m_categorie c ON c.uuid = cr.categorie;

	INSERT INTO klantinteracties_partijidentificator
	SELECT m.id, i.uuid, s.id, p.id, i.andere_partij_identificator, i.code_objecttype::text,
		   i.code_soort_object_id::text, i.object_id, i.code_register::text
	  FROM partij_identificator i
	  JOIN m_identificator m ON m.uuid = i.uuid
	  LEFT JOIN m_identificator s ON s.uuid = i.sub_identificator_van
	  LEFT JOIN m_partij p ON p.uuid = i.identificeerde_partij
	 ORDER BY m.id;

	INSERT INTO klantinteracties_rekeningnummer
	SELECT m.id, r.uuid, p.id, r.iban::text, coalesce(r.bic::text, '')
	  FROM rekeningnummer r JOIN m_rekening m ON m.uuid = r.uuid LEFT JOIN m_partij p ON p.uuid = r.partij
	 ORDER BY m.id;

	INSERT INTO klantinteracties_klantcontact
	SELECT m.id, k.uuid, k.nummer, k.referentienummer, k.kanaal, k.onderwerp, k.inhoud, k.reactie,
		   k.indicatie_contact_gelukt, k.hoofd_onderwerp_type, k.verdere_actie_ondernomen, k.taal,
		   k.vertrouwelijk, k.plaatsgevonden_op, k.metadata
	  FROM klantcontact k JOIN m_klantcontact m ON m.uuid = k.uuid
	 ORDER BY m.id;

	INSERT INTO klantinteracties_betrokkene
	SELECT m.id, b.uuid, p.id, k.id,
		   coalesce(b.bezoekadres_nummeraanduiding_id::text, ''), b.bezoekadres_straatnaam,
		   b.bezoekadres_huisnummer, b.bezoekadres_huisnummertoevoeging,
		   coalesce(b.bezoekadres_postcode::text, ''), b.bezoekadres_stad, b.bezoekadres_adresregel1,
		   b.bezoekadres_adresregel2, b.bezoekadres_adresregel3, coalesce(b.bezoekadres_land::text, ''),
		   coalesce(b.correspondentieadres_nummeraanduiding_id::text, ''), b.correspondentieadres_straatnaam,
		   b.correspondentieadres_huisnummer, b.correspondentieadres_huisnummertoevoeging,
		   coalesce(b.correspondentieadres_postcode::text, ''), b.correspondentieadres_stad,
		   b.correspondentieadres_adresregel1, b.correspondentieadres_adresregel2,
		   b.correspondentieadres_adresregel3, coalesce(b.correspondentieadres_land::text, ''),
		   b.contactnaam_voorletters, b.contactnaam_voornaam, b.contactnaam_voorvoegsel_achternaam,
		   b.contactnaam_achternaam, b.rol::text, b.organisatienaam, b.initiator
	  FROM betrokkene b
	  JOIN m_betrokkene m ON m.uuid = b.uuid
	  JOIN m_klantcontact k ON k.uuid = b.had_klantcontact
	  LEFT JOIN m_partij p ON p.uuid = b.was_partij
	 ORDER BY m.id;

	INSERT INTO klantinteracties_digitaaladres
	SELECT m.id, d.uuid, p.id, b.id, d.soort_digitaal_adres::text, d.is_standaard_adres,
		   CASE WHEN d.soort_digitaal_adres = 'telefoonnummer' THEN translate(d.adres, ' -', '') ELSE d.adres END,
		   d.omschrijving, d.referentie, d.verificatie_datum
	  FROM digitaal_adres d
	  JOIN m_adres m ON m.uuid = d.uuid
	  LEFT JOIN m_partij p ON p.uuid = d.verstrekt_door_partij
	  LEFT JOIN m_betrokkene b ON b.uuid = d.verstrekt_door_betrokkene
	 ORDER BY m.id;

	INSERT INTO klantinteracties_onderwerpobject (uuid, klantcontact_id, was_klantcontact_id,
		onderwerpobjectidentificator_object_id, onderwerpobjectidentificator_code_objecttype,
		onderwerpobjectidentificator_code_register, onderwerpobjectidentificator_code_soort_object_id)
	SELECT o.uuid, k.id, w.id, o.onderwerpobjectidentificator_object_id, o.onderwerpobjectidentificator_code_objecttype,
		   o.onderwerpobjectidentificator_code_register, o.onderwerpobjectidentificator_code_soort_object_id
	  FROM onderwerpobject o LEFT JOIN m_klantcontact k ON k.uuid = o.klantcontact
	  LEFT JOIN m_klantcontact w ON w.uuid = o.was_klantcontact;
	INSERT INTO klantinteracties_bijlage (uuid, klantcontact_id, bijlageidentificator_object_id,
		bijlageidentificator_code_objecttype, bijlageidentificator_code_register,
		bijlageidentificator_code_soort_object_id)
	SELECT bj.uuid, k.id, bj.bijlageidentificator_object_id, bj.bijlageidentificator_code_objecttype,
		   bj.bijlageidentificator_code_register, bj.bijlageidentificator_code_soort_object_id
	  FROM bijlage bj LEFT JOIN m_klantcontact k ON k.uuid = bj.was_bijlage_van_klantcontact;

	INSERT INTO klantinteracties_actor
	SELECT m.id, a.uuid, a.naam, a.soort_actor::text, a.indicatie_actief, a.actoridentificator_object_id,
		   a.actoridentificator_code_objecttype, a.actoridentificator_code_register,
		   a.actoridentificator_code_soort_object_id
	  FROM actor a JOIN m_actor m ON m.uuid = a.uuid ORDER BY m.id;
	INSERT INTO klantinteracties_medewerker (actor_id, functie, emailadres, telefoonnummer)
	SELECT m.id, x.functie, coalesce(x.emailadres::text, ''), x.telefoonnummer::text
	  FROM medewerker x JOIN m_actor m ON m.uuid = x.actor;
	INSERT INTO klantinteracties_organisatorischeeenheid (actor_id, omschrijving, emailadres, faxnummer, telefoonnummer)
	SELECT m.id, x.omschrijving, coalesce(x.emailadres::text, ''), x.faxnummer, coalesce(x.telefoonnummer::text, '')
	  FROM organisatorische_eenheid x JOIN m_actor m ON m.uuid = x.actor;
	INSERT INTO klantinteracties_geautomatiseerdeactor (actor_id, functie, omschrijving)
	SELECT m.id, x.functie, x.omschrijving FROM geautomatiseerde_actor x JOIN m_actor m ON m.uuid = x.actor;
	INSERT INTO klantinteracties_actorklantcontact (uuid, actor_id, klantcontact_id)
	SELECT ak.uuid, a.id, k.id FROM actor_klantcontact ak
	  JOIN m_actor a ON a.uuid = ak.actor JOIN m_klantcontact k ON k.uuid = ak.klantcontact;

	INSERT INTO klantinteracties_internetaak
	SELECT m.id, t.uuid, k.id, t.nummer, t.referentienummer, t.gevraagde_handeling, t.toelichting,
		   t.status::text, t.toegewezen_op, t.afgehandeld_op
	  FROM interne_taak t JOIN m_taak m ON m.uuid = t.uuid JOIN m_klantcontact k ON k.uuid = t.aanleidinggevend_klantcontact
	 ORDER BY m.id;
	INSERT INTO klantinteracties_internetakenactorenthoughmodel (actor_id, internetaak_id)
	SELECT a.id, t.id FROM interne_taak_actor ita
	  JOIN m_actor a ON a.uuid = ita.actor JOIN m_taak t ON t.uuid = ita.interne_taak;

	FOR def IN SELECT * FROM openklant_ddl ORDER BY stap, oid LOOP
		EXECUTE def.maken;
	END LOOP;

	-- The identity sequences continue after the explicit ids.
	FOR tabel IN SELECT c.relname FROM pg_class c WHERE c.relnamespace = 'openklant'::regnamespace AND c.relkind = 'r' LOOP
		EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, ''id''), coalesce(max(id), 0) + 1, false) FROM openklant.%I',
					   'openklant.' || tabel, tabel);
	END LOOP;
END
$$;
