-- REST API, partij side: /partijen, /partij-identificatoren,
-- /vertegenwoordigingen, /categorieen, /categorie-relaties.  Each view has
-- the JSON keys of its OpenAPI component schema as columns; its INSTEAD OF
-- trigger takes the request bodies of the API (nested groups, {"uuid"}
-- references) and writes the registry tables.

-- JSON of the parts that appear inside other resources ----------------------

CREATE OR REPLACE FUNCTION api_partij_identificator(pi partij_identificator) RETURNS jsonb
	LANGUAGE sql STABLE PARALLEL SAFE
	AS $$
SELECT pg_catalog.jsonb_build_object(
	'uuid', pi.uuid,
	'url', klantinteracties.api_url('partij-identificatoren', pi.uuid),
	'identificeerdePartij', klantinteracties.api_ref('partijen', pi.identificeerde_partij),
	'anderePartijIdentificator', pi.andere_partij_identificator,
	'partijIdentificator', pg_catalog.jsonb_build_object(
		'codeObjecttype', pi.code_objecttype,
		'codeSoortObjectId', pi.code_soort_object_id,
		'objectId', coalesce(pi.object_id_sleutel, pi.object_id),
		'codeRegister', pi.code_register),
	'subIdentificatorVan', klantinteracties.api_ref('partij-identificatoren', pi.sub_identificator_van))
$$;
COMMENT ON FUNCTION api_partij_identificator(partij_identificator) IS 'A partij-identificator as the API returns it (PartijIdentificator), objectId in its canonical form; the rows of /partij-identificatoren and the elements of partijIdentificatoren.';

-- partijIdentificatie by soortPartij; a partij without its detail row (only
-- possible outside the API) shows the empty details of its soort.
CREATE OR REPLACE FUNCTION api_partij_identificatie(p partij) RETURNS jsonb
	LANGUAGE sql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	AS $$
SELECT CASE p.soort_partij
	WHEN 'persoon' THEN coalesce(
		(SELECT pg_catalog.jsonb_build_object(
			'contactnaam', klantinteracties.api_contactnaam(d.contactnaam_voorletters, d.contactnaam_voornaam,
				d.contactnaam_voorvoegsel_achternaam, d.contactnaam_achternaam),
			'volledigeNaam', d.volledige_naam)
		   FROM klantinteracties.persoon d WHERE d.partij = p.uuid),
		pg_catalog.jsonb_build_object('contactnaam', klantinteracties.api_contactnaam('', '', '', ''), 'volledigeNaam', ''))
	WHEN 'organisatie' THEN coalesce(
		(SELECT pg_catalog.jsonb_build_object('naam', d.naam) FROM klantinteracties.organisatie d WHERE d.partij = p.uuid),
		'{"naam": ""}')
	WHEN 'contactpersoon' THEN coalesce(
		(SELECT pg_catalog.jsonb_build_object(
			'uuid', d.uuid,
			'werkteVoorPartij', klantinteracties.api_ref('partijen', d.werkte_voor_partij),
			'contactnaam', klantinteracties.api_contactnaam(d.contactnaam_voorletters, d.contactnaam_voornaam,
				d.contactnaam_voorvoegsel_achternaam, d.contactnaam_achternaam),
			'volledigeNaam', d.volledige_naam)
		   FROM klantinteracties.contactpersoon d WHERE d.partij = p.uuid),
		pg_catalog.jsonb_build_object('werkteVoorPartij', NULL,
			'contactnaam', klantinteracties.api_contactnaam('', '', '', ''), 'volledigeNaam', ''))
END
$$;
COMMENT ON FUNCTION api_partij_identificatie(partij) IS 'partijIdentificatie of a partij as the API returns it, by soortPartij: persoon {contactnaam, volledigeNaam}, organisatie {naam}, contactpersoon {uuid, werkteVoorPartij, contactnaam, volledigeNaam}.';

-- Views ----------------------------------------------------------------------
-- A secret partij (indicatie_geheimhouding) shows a caller without the
-- geheim scope only its uuid, url and the flag: row-level security hides
-- what hangs under it, the CASEs its own columns (docs/security.md).

CREATE VIEW klantinteracties_api.partijen AS
SELECT p.uuid,
	klantinteracties.api_url('partijen', p.uuid) AS url,
	CASE WHEN p.indicatie_geheimhouding AND NOT (SELECT klantinteracties.heeft_scope('geheim')) THEN NULL ELSE p.nummer::text END AS nummer,
	CASE WHEN p.indicatie_geheimhouding AND NOT (SELECT klantinteracties.heeft_scope('geheim')) THEN ''
		ELSE klantinteracties.maskeer_bsn(p.interne_notitie::text, (SELECT klantinteracties.heeft_scope('bsn'))) END AS "interneNotitie",
	coalesce((SELECT pg_catalog.jsonb_agg(klantinteracties.api_ref('betrokkenen', b.uuid) ORDER BY b.geregistreerd_op, b.uuid)
				FROM klantinteracties.betrokkene b WHERE b.was_partij = p.uuid), '[]') AS betrokkenen,
	coalesce((SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
					'uuid', cr.uuid, 'url', klantinteracties.api_url('categorie-relaties', cr.uuid),
					'categorieNaam', c.naam, 'beginDatum', cr.begin_datum, 'eindDatum', cr.eind_datum)
					ORDER BY cr.geregistreerd_op, cr.uuid)
				FROM klantinteracties.categorie_relatie cr
				LEFT JOIN klantinteracties.categorie c ON c.uuid = cr.categorie
			   WHERE cr.partij = p.uuid), '[]') AS "categorieRelaties",
	coalesce((SELECT pg_catalog.jsonb_agg(klantinteracties.api_ref('digitaleadressen', d.uuid) ORDER BY d.geregistreerd_op, d.uuid)
				FROM klantinteracties.digitaal_adres d WHERE d.verstrekt_door_partij = p.uuid), '[]') AS "digitaleAdressen",
	(SELECT klantinteracties.api_ref('digitaleadressen', d.uuid)
	   FROM klantinteracties.digitaal_adres d WHERE d.verstrekt_door_partij = p.uuid AND d.is_voorkeursadres) AS "voorkeursDigitaalAdres",
	coalesce((SELECT pg_catalog.jsonb_agg(klantinteracties.api_ref('partijen', v.vertegenwoordigde_partij) ORDER BY v.geregistreerd_op, v.uuid)
				FROM klantinteracties.vertegenwoordiging v WHERE v.vertegenwoordigende_partij = p.uuid), '[]') AS vertegenwoordigden,
	coalesce((SELECT pg_catalog.jsonb_agg(klantinteracties.api_ref('rekeningnummers', r.uuid) ORDER BY r.geregistreerd_op, r.uuid)
				FROM klantinteracties.rekeningnummer r WHERE r.partij = p.uuid), '[]') AS rekeningnummers,
	(SELECT klantinteracties.api_ref('rekeningnummers', r.uuid)
	   FROM klantinteracties.rekeningnummer r WHERE r.partij = p.uuid AND r.is_voorkeursrekeningnummer) AS "voorkeursRekeningnummer",
	CASE WHEN p.indicatie_geheimhouding AND NOT (SELECT klantinteracties.heeft_scope('geheim')) THEN '[]' ELSE
	coalesce((SELECT pg_catalog.jsonb_agg(klantinteracties.api_partij_identificator(pi) ORDER BY pi.geregistreerd_op, pi.uuid)
				FROM klantinteracties.partij_identificator pi WHERE pi.identificeerde_partij = p.uuid), '[]') END AS "partijIdentificatoren",
	CASE WHEN p.indicatie_geheimhouding AND NOT (SELECT klantinteracties.heeft_scope('geheim')) THEN NULL ELSE p.soort_partij::text END AS "soortPartij",
	p.indicatie_geheimhouding AS "indicatieGeheimhouding",
	CASE WHEN p.indicatie_geheimhouding AND NOT (SELECT klantinteracties.heeft_scope('geheim')) THEN '' ELSE p.voorkeurstaal::text END AS voorkeurstaal,
	CASE WHEN p.indicatie_geheimhouding AND NOT (SELECT klantinteracties.heeft_scope('geheim')) THEN NULL ELSE p.indicatie_actief END AS "indicatieActief",
	CASE WHEN p.indicatie_geheimhouding AND NOT (SELECT klantinteracties.heeft_scope('geheim')) THEN klantinteracties.api_adres(NULL, '', NULL, '', NULL, '', '', '', '', NULL) ELSE
	klantinteracties.api_adres(p.bezoekadres_nummeraanduiding_id, p.bezoekadres_straatnaam, p.bezoekadres_huisnummer,
		p.bezoekadres_huisnummertoevoeging, p.bezoekadres_postcode, p.bezoekadres_stad, p.bezoekadres_adresregel1,
		p.bezoekadres_adresregel2, p.bezoekadres_adresregel3, p.bezoekadres_land) END AS bezoekadres,
	CASE WHEN p.indicatie_geheimhouding AND NOT (SELECT klantinteracties.heeft_scope('geheim')) THEN klantinteracties.api_adres(NULL, '', NULL, '', NULL, '', '', '', '', NULL) ELSE
	klantinteracties.api_adres(p.correspondentieadres_nummeraanduiding_id, p.correspondentieadres_straatnaam,
		p.correspondentieadres_huisnummer, p.correspondentieadres_huisnummertoevoeging, p.correspondentieadres_postcode,
		p.correspondentieadres_stad, p.correspondentieadres_adresregel1, p.correspondentieadres_adresregel2,
		p.correspondentieadres_adresregel3, p.correspondentieadres_land) END AS correspondentieadres,
	CASE WHEN p.indicatie_geheimhouding AND NOT (SELECT klantinteracties.heeft_scope('geheim')) THEN NULL ELSE klantinteracties.api_partij_identificatie(p) END AS "partijIdentificatie"
  FROM klantinteracties.partij p;

CREATE VIEW klantinteracties_api."partij-identificatoren" AS
SELECT pi.uuid,
	klantinteracties.api_url('partij-identificatoren', pi.uuid) AS url,
	klantinteracties.api_ref('partijen', pi.identificeerde_partij) AS "identificeerdePartij",
	pi.andere_partij_identificator::text AS "anderePartijIdentificator",
	klantinteracties.api_partij_identificator(pi) -> 'partijIdentificator' AS "partijIdentificator",
	klantinteracties.api_ref('partij-identificatoren', pi.sub_identificator_van) AS "subIdentificatorVan"
  FROM klantinteracties.partij_identificator pi;

CREATE VIEW klantinteracties_api.vertegenwoordigingen AS
SELECT v.uuid,
	klantinteracties.api_url('vertegenwoordigingen', v.uuid) AS url,
	klantinteracties.api_ref('partijen', v.vertegenwoordigende_partij) AS "vertegenwoordigendePartij",
	klantinteracties.api_ref('partijen', v.vertegenwoordigde_partij) AS "vertegenwoordigdePartij"
  FROM klantinteracties.vertegenwoordiging v;

CREATE VIEW klantinteracties_api.categorieen AS
SELECT c.uuid,
	klantinteracties.api_url('categorieen', c.uuid) AS url,
	c.naam::text AS naam
  FROM klantinteracties.categorie c;

CREATE VIEW klantinteracties_api."categorie-relaties" AS
SELECT cr.uuid,
	klantinteracties.api_url('categorie-relaties', cr.uuid) AS url,
	klantinteracties.api_ref('partijen', cr.partij) AS partij,
	(SELECT klantinteracties.api_ref('categorieen', c.uuid) || pg_catalog.jsonb_build_object('naam', c.naam)
	   FROM klantinteracties.categorie c WHERE c.uuid = cr.categorie) AS categorie,
	cr.begin_datum AS "beginDatum",
	cr.eind_datum AS "eindDatum"
  FROM klantinteracties.categorie_relatie cr;

-- Writes ---------------------------------------------------------------------
-- Each trigger function handles INSERT (POST), UPDATE (PATCH) and DELETE of
-- its view.  PostgREST's UPDATE sets only the columns in the request body,
-- so NEW holds the stored value (as the view shows it) for every other
-- column: a PATCH is partial, and a body value equal to the stored one
-- changes nothing.  A gegevensgroep is written whole.  The rows come back
-- through the view (RETURNING, Prefer: return=representation).

-- One partij-identificator from a request body, inserted (oud NULL) or
-- written over row oud.  Used by /partij-identificatoren and for the
-- partijIdentificatoren of a partij, whose fields it names with prefix.
CREATE OR REPLACE FUNCTION api_partij_identificator_schrijven(body jsonb, oud uuid, prefix text) RETURNS uuid
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	veld text;
	r klantinteracties.partij_identificator%ROWTYPE;
	g jsonb;
	f_staat text; f_bericht text; f_detail text; f_hint text; f_beperking text;
BEGIN
	veld := 'uuid';
	r.uuid := coalesce(oud, nullif(klantinteracties.api_tekst(body -> 'uuid'), '')::uuid, gen_random_uuid());
	veld := 'identificeerdePartij';
	r.identificeerde_partij := klantinteracties.api_verwijzing(body -> veld, 'partij');
	veld := 'anderePartijIdentificator';
	r.andere_partij_identificator := coalesce(klantinteracties.api_tekst(body -> veld), '');
	veld := 'partijIdentificator';
	g := klantinteracties.api_verplicht(klantinteracties.api_object(body -> veld));
	veld := 'partijIdentificator.codeObjecttype';
	r.code_objecttype := klantinteracties.api_verplicht(klantinteracties.api_tekst(g -> 'codeObjecttype'));
	veld := 'partijIdentificator.codeSoortObjectId';
	r.code_soort_object_id := klantinteracties.api_verplicht(klantinteracties.api_tekst(g -> 'codeSoortObjectId'));
	veld := 'partijIdentificator.codeRegister';
	r.code_register := klantinteracties.api_verplicht(klantinteracties.api_tekst(g -> 'codeRegister'));
	veld := 'partijIdentificator.objectId';
	r.object_id := klantinteracties.api_verplicht(klantinteracties.api_tekst(g -> 'objectId'));
	-- Parsed here, by the type its soort names, so that a wrong value is
	-- named; a combination the table refuses is refused there.
	PERFORM klantinteracties.identificator_sleutel(r.code_register, r.code_objecttype, r.code_soort_object_id, r.object_id);
	veld := 'subIdentificatorVan';
	r.sub_identificator_van := klantinteracties.api_verwijzing(body -> veld, 'partij_identificator');
	veld := NULL;
	IF oud IS NULL THEN
		INSERT INTO klantinteracties.partij_identificator (uuid, identificeerde_partij, andere_partij_identificator,
			code_objecttype, code_soort_object_id, object_id, code_register, sub_identificator_van)
		VALUES (r.uuid, r.identificeerde_partij, r.andere_partij_identificator,
			r.code_objecttype, r.code_soort_object_id, r.object_id, r.code_register, r.sub_identificator_van);
	ELSE
		UPDATE klantinteracties.partij_identificator
		   SET identificeerde_partij = r.identificeerde_partij, andere_partij_identificator = r.andere_partij_identificator,
			   code_objecttype = r.code_objecttype, code_soort_object_id = r.code_soort_object_id,
			   object_id = r.object_id, code_register = r.code_register, sub_identificator_van = r.sub_identificator_van
		 WHERE uuid = oud;
	END IF;
	RETURN r.uuid;
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS f_staat = RETURNED_SQLSTATE, f_bericht = MESSAGE_TEXT,
		f_detail = PG_EXCEPTION_DETAIL, f_hint = PG_EXCEPTION_HINT, f_beperking = CONSTRAINT_NAME;
	PERFORM klantinteracties.api_fout(prefix, veld, f_staat, f_bericht, f_detail, f_hint, f_beperking);
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION api_partij_identificator_schrijven(jsonb, uuid, text) IS 'Writes one partij-identificator from a request body (PartijIdentificator JSON): inserts it (oud NULL; a uuid in the body is kept) or writes over row oud; refusals name the field, after prefix.';

CREATE OR REPLACE FUNCTION api_partij_identificatoren_schrijven() RETURNS trigger
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	id uuid;
BEGIN
	IF TG_OP = 'DELETE' THEN
		RETURN CASE WHEN klantinteracties.api_verwijderen('klantinteracties.partij_identificator', OLD.uuid) THEN OLD END;
	END IF;
	id := klantinteracties.api_partij_identificator_schrijven(to_jsonb(NEW),
		CASE TG_OP WHEN 'UPDATE' THEN OLD.uuid END, NULL);
	SELECT * INTO NEW FROM klantinteracties_api."partij-identificatoren" WHERE uuid = id;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION api_partij_identificatoren_schrijven() IS 'INSTEAD OF trigger of klantinteracties_api."partij-identificatoren": POST, PATCH and DELETE of /partij-identificatoren.';

CREATE TRIGGER schrijven INSTEAD OF INSERT OR UPDATE OR DELETE ON klantinteracties_api."partij-identificatoren"
	FOR EACH ROW EXECUTE FUNCTION api_partij_identificatoren_schrijven();

-- Links the partij's digitale adressen or rekeningnummers to exactly the
-- listed ones (Open Klant: listed objects move to this partij, left-out ones
-- are unlinked, not deleted).  Moved and unlinked rows lose their
-- standaard and voorkeur flags, which belonged to their old partij.
CREATE OR REPLACE FUNCTION api_koppelen(tabel text, partij uuid, ids uuid[]) RETURNS void
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
	AS $$
BEGIN
	IF tabel = 'digitaal_adres' THEN
		UPDATE klantinteracties.digitaal_adres
		   SET verstrekt_door_partij = NULL, is_standaard_adres = false, is_voorkeursadres = false
		 WHERE verstrekt_door_partij = partij AND uuid <> ALL (ids);
		UPDATE klantinteracties.digitaal_adres
		   SET verstrekt_door_partij = partij, is_standaard_adres = false, is_voorkeursadres = false
		 WHERE uuid = ANY (ids) AND verstrekt_door_partij IS DISTINCT FROM partij;
	ELSE
		UPDATE klantinteracties.rekeningnummer SET partij = NULL, is_voorkeursrekeningnummer = false
		 WHERE rekeningnummer.partij = api_koppelen.partij AND uuid <> ALL (ids);
		UPDATE klantinteracties.rekeningnummer SET partij = api_koppelen.partij, is_voorkeursrekeningnummer = false
		 WHERE uuid = ANY (ids) AND rekeningnummer.partij IS DISTINCT FROM api_koppelen.partij;
	END IF;
END
$$;
COMMENT ON FUNCTION api_koppelen(text, uuid, uuid[]) IS 'Makes the given digitale adressen (tabel digitaal_adres) or rekeningnummers (rekeningnummer) exactly those of the partij: listed rows move to it, others are unlinked; moved and unlinked rows lose their flags.';

-- Makes id the partij's voorkeur (NULL: none).  It must be one of the
-- partij's own, as Open Klant requires ("Het voorkeurs adres moet een
-- gelinkte digitaal adres zijn").
CREATE OR REPLACE FUNCTION api_voorkeur_zetten(tabel text, partij uuid, id uuid) RETURNS void
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
	AS $$
BEGIN
	IF tabel = 'digitaal_adres' THEN
		UPDATE klantinteracties.digitaal_adres SET is_voorkeursadres = false
		 WHERE verstrekt_door_partij = partij AND is_voorkeursadres AND uuid IS DISTINCT FROM id;
		UPDATE klantinteracties.digitaal_adres SET is_voorkeursadres = true
		 WHERE uuid = id AND verstrekt_door_partij = partij AND NOT is_voorkeursadres;
		PERFORM FROM klantinteracties.digitaal_adres WHERE uuid = id AND verstrekt_door_partij = partij;
	ELSE
		UPDATE klantinteracties.rekeningnummer SET is_voorkeursrekeningnummer = false
		 WHERE rekeningnummer.partij = api_voorkeur_zetten.partij AND is_voorkeursrekeningnummer AND uuid IS DISTINCT FROM id;
		UPDATE klantinteracties.rekeningnummer SET is_voorkeursrekeningnummer = true
		 WHERE uuid = id AND rekeningnummer.partij = api_voorkeur_zetten.partij AND NOT is_voorkeursrekeningnummer;
		PERFORM FROM klantinteracties.rekeningnummer WHERE uuid = id AND rekeningnummer.partij = api_voorkeur_zetten.partij;
	END IF;
	IF id IS NOT NULL AND NOT FOUND THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = CASE tabel WHEN 'digitaal_adres' THEN 'the voorkeursadres must be one of the partij''s digitaleAdressen'
				ELSE 'the voorkeursrekeningnummer must be one of the partij''s rekeningnummers' END,
			DETAIL = id::text || ' belongs to another partij or to none.';
	END IF;
END
$$;
COMMENT ON FUNCTION api_voorkeur_zetten(text, uuid, uuid) IS 'Makes the given digitaal adres or rekeningnummer the partij''s voorkeur (NULL: none); refuses (22023, HTTP 400) one that is not the partij''s own.';

-- partijIdentificatie: the detail row of the partij's soort, written whole;
-- a soort change has removed the old detail row before.
CREATE OR REPLACE FUNCTION api_partij_identificatie_schrijven(partij uuid, soort soort_partij, body jsonb) RETURNS void
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	veld text;
	g jsonb;
	c klantinteracties.api_contactnaam;
	naam varchar(200);
	cp_uuid uuid;
	werkte_voor uuid;
	f_staat text; f_bericht text; f_detail text; f_hint text; f_beperking text;
BEGIN
	veld := 'partijIdentificatie';
	g := klantinteracties.api_object(body);
	veld := NULL;
	IF soort IN ('persoon', 'contactpersoon') THEN
		c := klantinteracties.api_contactnaam_lezen(g -> 'contactnaam', 'partijIdentificatie.contactnaam');
	END IF;
	IF soort = 'persoon' THEN
		INSERT INTO klantinteracties.persoon AS d (partij, contactnaam_voorletters, contactnaam_voornaam,
			contactnaam_voorvoegsel_achternaam, contactnaam_achternaam)
		VALUES (partij, c.voorletters, c.voornaam, c.voorvoegsel_achternaam, c.achternaam)
		ON CONFLICT ON CONSTRAINT persoon_pkey DO UPDATE
		   SET contactnaam_voorletters = excluded.contactnaam_voorletters, contactnaam_voornaam = excluded.contactnaam_voornaam,
			   contactnaam_voorvoegsel_achternaam = excluded.contactnaam_voorvoegsel_achternaam,
			   contactnaam_achternaam = excluded.contactnaam_achternaam;
	ELSIF soort = 'organisatie' THEN
		veld := 'partijIdentificatie.naam';
		naam := coalesce(klantinteracties.api_tekst(g -> 'naam'), '');
		veld := NULL;
		INSERT INTO klantinteracties.organisatie AS d (partij, naam) VALUES (partij, naam)
		ON CONFLICT ON CONSTRAINT organisatie_pkey DO UPDATE SET naam = excluded.naam;
	ELSE
		veld := 'partijIdentificatie.uuid';
		cp_uuid := coalesce(nullif(klantinteracties.api_tekst(g -> 'uuid'), '')::uuid,
			(SELECT d.uuid FROM klantinteracties.contactpersoon d WHERE d.partij = api_partij_identificatie_schrijven.partij),
			gen_random_uuid());
		veld := 'partijIdentificatie.werkteVoorPartij';
		werkte_voor := klantinteracties.api_verwijzing(g -> 'werkteVoorPartij', 'partij');
		veld := NULL;
		INSERT INTO klantinteracties.contactpersoon AS d (partij, uuid, werkte_voor_partij, contactnaam_voorletters,
			contactnaam_voornaam, contactnaam_voorvoegsel_achternaam, contactnaam_achternaam)
		VALUES (partij, cp_uuid, werkte_voor, c.voorletters, c.voornaam, c.voorvoegsel_achternaam, c.achternaam)
		ON CONFLICT ON CONSTRAINT contactpersoon_pkey DO UPDATE
		   SET uuid = excluded.uuid, werkte_voor_partij = excluded.werkte_voor_partij,
			   contactnaam_voorletters = excluded.contactnaam_voorletters, contactnaam_voornaam = excluded.contactnaam_voornaam,
			   contactnaam_voorvoegsel_achternaam = excluded.contactnaam_voorvoegsel_achternaam,
			   contactnaam_achternaam = excluded.contactnaam_achternaam;
	END IF;
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS f_staat = RETURNED_SQLSTATE, f_bericht = MESSAGE_TEXT,
		f_detail = PG_EXCEPTION_DETAIL, f_hint = PG_EXCEPTION_HINT, f_beperking = CONSTRAINT_NAME;
	PERFORM klantinteracties.api_fout(NULL, veld, f_staat, f_bericht, f_detail, f_hint, f_beperking);
END
$$;
COMMENT ON FUNCTION api_partij_identificatie_schrijven(uuid, soort_partij, jsonb) IS 'Writes partijIdentificatie of a request body as the persoon, organisatie or contactpersoon row of the partij (insert or overwrite); refusals name the field.';

CREATE OR REPLACE FUNCTION api_partijen_schrijven() RETURNS trigger
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	veld text;
	r klantinteracties.partij%ROWTYPE;
	b klantinteracties.api_adres;
	c klantinteracties.api_adres;
	nieuw boolean := TG_OP = 'INSERT';
	soort_anders boolean;
	lijst jsonb;
	item jsonb;
	item_id uuid;
	i integer;
	f_staat text; f_bericht text; f_detail text; f_hint text; f_beperking text;
BEGIN
	IF TG_OP = 'DELETE' THEN
		RETURN CASE WHEN klantinteracties.api_verwijderen('klantinteracties.partij', OLD.uuid) THEN OLD END;
	END IF;
	BEGIN
		veld := 'uuid';
		r.uuid := CASE WHEN nieuw THEN coalesce(NEW.uuid, gen_random_uuid()) ELSE OLD.uuid END;
		veld := 'nummer';
		r.nummer := nullif(NEW.nummer, '');
		veld := 'interneNotitie';
		r.interne_notitie := coalesce(NEW."interneNotitie", '');
		veld := 'soortPartij';
		r.soort_partij := klantinteracties.api_verplicht(NEW."soortPartij");
		veld := 'voorkeurstaal';
		r.voorkeurstaal := coalesce(NEW.voorkeurstaal, '');
		veld := 'indicatieActief';
		r.indicatie_actief := klantinteracties.api_verplicht(NEW."indicatieActief");
		veld := NULL;
		b := klantinteracties.api_adres_lezen(NEW.bezoekadres, 'bezoekadres');
		c := klantinteracties.api_adres_lezen(NEW.correspondentieadres, 'correspondentieadres');
		soort_anders := NOT nieuw AND r.soort_partij::text <> OLD."soortPartij";
		IF soort_anders THEN
			-- The detail rows reference (partij, soort): the old one goes first.
			DELETE FROM klantinteracties.persoon WHERE partij = r.uuid;
			DELETE FROM klantinteracties.organisatie WHERE partij = r.uuid;
			DELETE FROM klantinteracties.contactpersoon WHERE partij = r.uuid;
		END IF;
		IF nieuw THEN
			INSERT INTO klantinteracties.partij (uuid, nummer, interne_notitie, soort_partij, indicatie_geheimhouding,
				voorkeurstaal, indicatie_actief,
				bezoekadres_nummeraanduiding_id, bezoekadres_straatnaam, bezoekadres_huisnummer,
				bezoekadres_huisnummertoevoeging, bezoekadres_postcode, bezoekadres_stad, bezoekadres_adresregel1,
				bezoekadres_adresregel2, bezoekadres_adresregel3, bezoekadres_land,
				correspondentieadres_nummeraanduiding_id, correspondentieadres_straatnaam, correspondentieadres_huisnummer,
				correspondentieadres_huisnummertoevoeging, correspondentieadres_postcode, correspondentieadres_stad,
				correspondentieadres_adresregel1, correspondentieadres_adresregel2, correspondentieadres_adresregel3,
				correspondentieadres_land)
			SELECT r.uuid, r.nummer, r.interne_notitie, r.soort_partij, NEW."indicatieGeheimhouding",
				r.voorkeurstaal, r.indicatie_actief, (b).*, (c).*;
		ELSE
			UPDATE klantinteracties.partij
			   SET (nummer, interne_notitie, soort_partij, indicatie_geheimhouding, voorkeurstaal, indicatie_actief,
				bezoekadres_nummeraanduiding_id, bezoekadres_straatnaam, bezoekadres_huisnummer,
				bezoekadres_huisnummertoevoeging, bezoekadres_postcode, bezoekadres_stad, bezoekadres_adresregel1,
				bezoekadres_adresregel2, bezoekadres_adresregel3, bezoekadres_land,
				correspondentieadres_nummeraanduiding_id, correspondentieadres_straatnaam, correspondentieadres_huisnummer,
				correspondentieadres_huisnummertoevoeging, correspondentieadres_postcode, correspondentieadres_stad,
				correspondentieadres_adresregel1, correspondentieadres_adresregel2, correspondentieadres_adresregel3,
				correspondentieadres_land)
			  = (SELECT r.nummer, r.interne_notitie, r.soort_partij, NEW."indicatieGeheimhouding",
				r.voorkeurstaal, r.indicatie_actief, (b).*, (c).*)
			 WHERE uuid = r.uuid;
			IF NOT FOUND THEN
				RETURN NULL;   -- row-level security kept the row
			END IF;
		END IF;

		-- A partij made through the API always has the details of its soort.
		IF nieuw OR soort_anders OR NEW."partijIdentificatie" IS DISTINCT FROM OLD."partijIdentificatie" THEN
			PERFORM klantinteracties.api_partij_identificatie_schrijven(r.uuid, r.soort_partij, NEW."partijIdentificatie");
		END IF;

		-- partijIdentificatoren: listed ones with a uuid are written over,
		-- others created; on PATCH the partij's other ones are deleted.
		IF (nieuw AND NEW."partijIdentificatoren" IS NOT NULL)
		   OR NEW."partijIdentificatoren" IS DISTINCT FROM OLD."partijIdentificatoren" THEN
			veld := 'partijIdentificatoren';
			lijst := klantinteracties.api_lijst(NEW."partijIdentificatoren");
			IF NOT nieuw THEN
				DELETE FROM klantinteracties.partij_identificator
				 WHERE identificeerde_partij = r.uuid
				   AND uuid::text NOT IN (SELECT e ->> 'uuid' FROM jsonb_array_elements(lijst) e WHERE e ->> 'uuid' IS NOT NULL);
			END IF;
			FOR i IN 0 .. jsonb_array_length(lijst) - 1 LOOP
				veld := 'partijIdentificatoren.' || i;
				item := klantinteracties.api_object(lijst -> i);
				item_id := nullif(klantinteracties.api_tekst(item -> 'uuid'), '')::uuid;
				veld := NULL;
				PERFORM klantinteracties.api_partij_identificator_schrijven(
					item || jsonb_build_object('identificeerdePartij', jsonb_build_object('uuid', r.uuid)),
					(SELECT pi.uuid FROM klantinteracties.partij_identificator pi WHERE pi.uuid = item_id),
					'partijIdentificatoren.' || i || '.');
			END LOOP;
		END IF;

		IF (nieuw AND NEW."digitaleAdressen" IS NOT NULL) OR NEW."digitaleAdressen" IS DISTINCT FROM OLD."digitaleAdressen" THEN
			veld := 'digitaleAdressen';
			PERFORM klantinteracties.api_koppelen('digitaal_adres', r.uuid,
				klantinteracties.api_verwijzingen(NEW."digitaleAdressen", 'digitaal_adres'));
		END IF;
		IF (nieuw AND NEW."voorkeursDigitaalAdres" IS NOT NULL)
		   OR NEW."voorkeursDigitaalAdres" IS DISTINCT FROM OLD."voorkeursDigitaalAdres" THEN
			veld := 'voorkeursDigitaalAdres';
			PERFORM klantinteracties.api_voorkeur_zetten('digitaal_adres', r.uuid,
				klantinteracties.api_verwijzing(NEW."voorkeursDigitaalAdres", 'digitaal_adres'));
		END IF;
		IF (nieuw AND NEW.rekeningnummers IS NOT NULL) OR NEW.rekeningnummers IS DISTINCT FROM OLD.rekeningnummers THEN
			veld := 'rekeningnummers';
			PERFORM klantinteracties.api_koppelen('rekeningnummer', r.uuid,
				klantinteracties.api_verwijzingen(NEW.rekeningnummers, 'rekeningnummer'));
		END IF;
		IF (nieuw AND NEW."voorkeursRekeningnummer" IS NOT NULL)
		   OR NEW."voorkeursRekeningnummer" IS DISTINCT FROM OLD."voorkeursRekeningnummer" THEN
			veld := 'voorkeursRekeningnummer';
			PERFORM klantinteracties.api_voorkeur_zetten('rekeningnummer', r.uuid,
				klantinteracties.api_verwijzing(NEW."voorkeursRekeningnummer", 'rekeningnummer'));
		END IF;
	EXCEPTION WHEN OTHERS THEN
		GET STACKED DIAGNOSTICS f_staat = RETURNED_SQLSTATE, f_bericht = MESSAGE_TEXT,
			f_detail = PG_EXCEPTION_DETAIL, f_hint = PG_EXCEPTION_HINT, f_beperking = CONSTRAINT_NAME;
		PERFORM klantinteracties.api_fout(NULL, veld, f_staat, f_bericht, f_detail, f_hint, f_beperking);
	END;
	SELECT * INTO NEW FROM klantinteracties_api.partijen WHERE uuid = r.uuid;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION api_partijen_schrijven() IS 'INSTEAD OF trigger of klantinteracties_api.partijen: POST, PATCH and DELETE of /partijen with Open Klant''s write semantics (partijIdentificatie by soortPartij, nested partijIdentificatoren, linking digitaleAdressen and rekeningnummers, voorkeur references).';

CREATE TRIGGER schrijven INSTEAD OF INSERT OR UPDATE OR DELETE ON klantinteracties_api.partijen
	FOR EACH ROW EXECUTE FUNCTION api_partijen_schrijven();

CREATE OR REPLACE FUNCTION api_vertegenwoordigingen_schrijven() RETURNS trigger
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	veld text;
	id uuid;
	vertegenwoordigende uuid;
	vertegenwoordigde uuid;
	f_staat text; f_bericht text; f_detail text; f_hint text; f_beperking text;
BEGIN
	IF TG_OP = 'DELETE' THEN
		RETURN CASE WHEN klantinteracties.api_verwijderen('klantinteracties.vertegenwoordiging', OLD.uuid) THEN OLD END;
	END IF;
	BEGIN
		id := CASE TG_OP WHEN 'INSERT' THEN coalesce(NEW.uuid, gen_random_uuid()) ELSE OLD.uuid END;
		veld := 'vertegenwoordigendePartij';
		vertegenwoordigende := klantinteracties.api_verplicht(klantinteracties.api_verwijzing(NEW."vertegenwoordigendePartij", 'partij'));
		veld := 'vertegenwoordigdePartij';
		vertegenwoordigde := klantinteracties.api_verplicht(klantinteracties.api_verwijzing(NEW."vertegenwoordigdePartij", 'partij'));
		veld := NULL;
		IF TG_OP = 'INSERT' THEN
			INSERT INTO klantinteracties.vertegenwoordiging (uuid, vertegenwoordigende_partij, vertegenwoordigde_partij)
			VALUES (id, vertegenwoordigende, vertegenwoordigde);
		ELSE
			UPDATE klantinteracties.vertegenwoordiging
			   SET vertegenwoordigende_partij = vertegenwoordigende, vertegenwoordigde_partij = vertegenwoordigde
			 WHERE uuid = id;
		END IF;
	EXCEPTION WHEN OTHERS THEN
		GET STACKED DIAGNOSTICS f_staat = RETURNED_SQLSTATE, f_bericht = MESSAGE_TEXT,
			f_detail = PG_EXCEPTION_DETAIL, f_hint = PG_EXCEPTION_HINT, f_beperking = CONSTRAINT_NAME;
		PERFORM klantinteracties.api_fout(NULL, veld, f_staat, f_bericht, f_detail, f_hint, f_beperking);
	END;
	SELECT * INTO NEW FROM klantinteracties_api.vertegenwoordigingen WHERE uuid = id;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION api_vertegenwoordigingen_schrijven() IS 'INSTEAD OF trigger of klantinteracties_api.vertegenwoordigingen: POST, PATCH and DELETE of /vertegenwoordigingen.';

CREATE TRIGGER schrijven INSTEAD OF INSERT OR UPDATE OR DELETE ON klantinteracties_api.vertegenwoordigingen
	FOR EACH ROW EXECUTE FUNCTION api_vertegenwoordigingen_schrijven();

CREATE OR REPLACE FUNCTION api_categorieen_schrijven() RETURNS trigger
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	veld text;
	id uuid;
	v_naam varchar(80);
	f_staat text; f_bericht text; f_detail text; f_hint text; f_beperking text;
BEGIN
	IF TG_OP = 'DELETE' THEN
		RETURN CASE WHEN klantinteracties.api_verwijderen('klantinteracties.categorie', OLD.uuid) THEN OLD END;
	END IF;
	BEGIN
		id := CASE TG_OP WHEN 'INSERT' THEN coalesce(NEW.uuid, gen_random_uuid()) ELSE OLD.uuid END;
		veld := 'naam';
		v_naam := coalesce(NEW.naam, '');
		veld := NULL;
		IF TG_OP = 'INSERT' THEN
			INSERT INTO klantinteracties.categorie (uuid, naam) VALUES (id, v_naam);
		ELSE
			UPDATE klantinteracties.categorie SET naam = v_naam WHERE uuid = id;
		END IF;
	EXCEPTION WHEN OTHERS THEN
		GET STACKED DIAGNOSTICS f_staat = RETURNED_SQLSTATE, f_bericht = MESSAGE_TEXT,
			f_detail = PG_EXCEPTION_DETAIL, f_hint = PG_EXCEPTION_HINT, f_beperking = CONSTRAINT_NAME;
		PERFORM klantinteracties.api_fout(NULL, veld, f_staat, f_bericht, f_detail, f_hint, f_beperking);
	END;
	SELECT * INTO NEW FROM klantinteracties_api.categorieen WHERE uuid = id;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION api_categorieen_schrijven() IS 'INSTEAD OF trigger of klantinteracties_api.categorieen: POST, PATCH and DELETE of /categorieen.';

CREATE TRIGGER schrijven INSTEAD OF INSERT OR UPDATE OR DELETE ON klantinteracties_api.categorieen
	FOR EACH ROW EXECUTE FUNCTION api_categorieen_schrijven();

CREATE OR REPLACE FUNCTION api_categorie_relaties_schrijven() RETURNS trigger
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	veld text;
	r klantinteracties.categorie_relatie%ROWTYPE;
	f_staat text; f_bericht text; f_detail text; f_hint text; f_beperking text;
BEGIN
	IF TG_OP = 'DELETE' THEN
		RETURN CASE WHEN klantinteracties.api_verwijderen('klantinteracties.categorie_relatie', OLD.uuid) THEN OLD END;
	END IF;
	BEGIN
		r.uuid := CASE TG_OP WHEN 'INSERT' THEN coalesce(NEW.uuid, gen_random_uuid()) ELSE OLD.uuid END;
		veld := 'partij';
		r.partij := klantinteracties.api_verwijzing(NEW.partij, 'partij');
		veld := 'categorie';
		r.categorie := klantinteracties.api_verwijzing(NEW.categorie, 'categorie');
		veld := NULL;
		IF TG_OP = 'INSERT' THEN
			-- Open Klant fills in today when beginDatum is absent.
			INSERT INTO klantinteracties.categorie_relatie (uuid, partij, categorie, begin_datum, eind_datum)
			VALUES (r.uuid, r.partij, r.categorie, coalesce(NEW."beginDatum", CURRENT_DATE), NEW."eindDatum");
		ELSE
			UPDATE klantinteracties.categorie_relatie
			   SET partij = r.partij, categorie = r.categorie, begin_datum = NEW."beginDatum", eind_datum = NEW."eindDatum"
			 WHERE uuid = r.uuid;
			IF NOT FOUND THEN
				RETURN NULL;   -- row-level security kept the row
			END IF;
		END IF;
	EXCEPTION WHEN OTHERS THEN
		GET STACKED DIAGNOSTICS f_staat = RETURNED_SQLSTATE, f_bericht = MESSAGE_TEXT,
			f_detail = PG_EXCEPTION_DETAIL, f_hint = PG_EXCEPTION_HINT, f_beperking = CONSTRAINT_NAME;
		PERFORM klantinteracties.api_fout(NULL, veld, f_staat, f_bericht, f_detail, f_hint, f_beperking);
	END;
	SELECT * INTO NEW FROM klantinteracties_api."categorie-relaties" WHERE uuid = r.uuid;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION api_categorie_relaties_schrijven() IS 'INSTEAD OF trigger of klantinteracties_api."categorie-relaties": POST, PATCH and DELETE of /categorie-relaties (beginDatum defaults to today on POST).';

CREATE TRIGGER schrijven INSTEAD OF INSERT OR UPDATE OR DELETE ON klantinteracties_api."categorie-relaties"
	FOR EACH ROW EXECUTE FUNCTION api_categorie_relaties_schrijven();
