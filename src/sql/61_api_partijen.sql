-- REST API, partij side: /partijen, /partij-identificatoren,
-- /vertegenwoordigingen, /categorieen, /categorie-relaties.  Each view has
-- the JSON keys of its OpenAPI component schema as columns; its INSTEAD OF
-- trigger takes the request bodies of the API (nested groups, {"uuid"}
-- references) and writes the registry tables.

-- JSON of the parts that appear inside other resources ----------------------

-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION api_partij_identificator(pi partij_identificator) RETURNS jsonb
	LANGUAGE sql STABLE PARALLEL SAFE
	SECURITY INVOKER
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
-- Kind: as the caller (definer, owner klantinteracties_eigenaar), for lezer.
CREATE OR REPLACE FUNCTION api_partij_identificatie(p partij) RETURNS jsonb
	LANGUAGE sql STABLE PARALLEL SAFE
	SECURITY DEFINER
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
ALTER FUNCTION api_partij_identificatie(partij) OWNER TO klantinteracties_eigenaar;
REVOKE ALL ON FUNCTION api_partij_identificatie(partij) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api_partij_identificatie(partij) TO klantinteracties_lezer;
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
ALTER VIEW klantinteracties_api.partijen OWNER TO klantinteracties_eigenaar;

CREATE VIEW klantinteracties_api."partij-identificatoren" AS
SELECT pi.uuid,
	klantinteracties.api_url('partij-identificatoren', pi.uuid) AS url,
	klantinteracties.api_ref('partijen', pi.identificeerde_partij) AS "identificeerdePartij",
	CASE WHEN pi.code_soort_object_id <> 'bsn' OR (SELECT klantinteracties.heeft_scope('bsn'))
		THEN pi.andere_partij_identificator::text END AS "anderePartijIdentificator",
	klantinteracties.api_partij_identificator(pi) -> 'partijIdentificator' AS "partijIdentificator",
	klantinteracties.api_ref('partij-identificatoren', pi.sub_identificator_van) AS "subIdentificatorVan"
  FROM klantinteracties.partij_identificator pi;
ALTER VIEW klantinteracties_api."partij-identificatoren" OWNER TO klantinteracties_eigenaar;

CREATE VIEW klantinteracties_api.vertegenwoordigingen AS
SELECT v.uuid,
	klantinteracties.api_url('vertegenwoordigingen', v.uuid) AS url,
	klantinteracties.api_ref('partijen', v.vertegenwoordigende_partij) AS "vertegenwoordigendePartij",
	klantinteracties.api_ref('partijen', v.vertegenwoordigde_partij) AS "vertegenwoordigdePartij"
  FROM klantinteracties.vertegenwoordiging v;
ALTER VIEW klantinteracties_api.vertegenwoordigingen OWNER TO klantinteracties_eigenaar;

CREATE VIEW klantinteracties_api.categorieen AS
SELECT c.uuid,
	klantinteracties.api_url('categorieen', c.uuid) AS url,
	c.naam::text AS naam
  FROM klantinteracties.categorie c;
ALTER VIEW klantinteracties_api.categorieen OWNER TO klantinteracties_eigenaar;

CREATE VIEW klantinteracties_api."categorie-relaties" AS
SELECT cr.uuid,
	klantinteracties.api_url('categorie-relaties', cr.uuid) AS url,
	klantinteracties.api_ref('partijen', cr.partij) AS partij,
	(SELECT klantinteracties.api_ref('categorieen', c.uuid) || pg_catalog.jsonb_build_object('naam', c.naam)
	   FROM klantinteracties.categorie c WHERE c.uuid = cr.categorie) AS categorie,
	CASE WHEN NOT cr.geheim OR (SELECT klantinteracties.heeft_scope('geheim')) THEN cr.begin_datum END AS "beginDatum",
	CASE WHEN NOT cr.geheim OR (SELECT klantinteracties.heeft_scope('geheim')) THEN cr.eind_datum END AS "eindDatum"
  FROM klantinteracties.categorie_relatie cr;
ALTER VIEW klantinteracties_api."categorie-relaties" OWNER TO klantinteracties_eigenaar;

-- Writes ---------------------------------------------------------------------
-- The INSTEAD OF triggers of these views are generated from
-- src/api/schrijven.api (65_api_schrijven.sql); they call the functions
-- below for what is specific to a partij.  PostgREST's UPDATE sets only the
-- columns in the request body, so NEW holds the stored value (as the view
-- shows it) for every other column: a PATCH is partial, and a body value
-- equal to the stored one changes nothing.  A gegevensgroep is written
-- whole.  The rows come back through the view (RETURNING, Prefer:
-- return=representation).

-- Links the partij's digitale adressen or rekeningnummers to exactly the
-- listed ones (Open Klant: listed objects move to this partij, left-out ones
-- are unlinked, not deleted).  Moved and unlinked rows lose their
-- standaard and voorkeur flags, which belonged to their old partij.
-- Kind: helper of the functions that run as the caller (invoker; only klantinteracties_eigenaar executes it).
CREATE OR REPLACE FUNCTION api_koppelen(tabel text, partij uuid, ids uuid[]) RETURNS void
	LANGUAGE plpgsql VOLATILE
	SECURITY INVOKER
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
REVOKE ALL ON FUNCTION api_koppelen(text, uuid, uuid[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api_koppelen(text, uuid, uuid[]) TO klantinteracties_eigenaar;
COMMENT ON FUNCTION api_koppelen(text, uuid, uuid[]) IS 'Makes the given digitale adressen (tabel digitaal_adres) or rekeningnummers (rekeningnummer) exactly those of the partij: listed rows move to it, others are unlinked; moved and unlinked rows lose their flags.';

-- Makes id the partij's voorkeur (NULL: none).  It must be one of the
-- partij's own, as Open Klant requires ("Het voorkeurs adres moet een
-- gelinkte digitaal adres zijn").
-- Kind: helper of the functions that run as the caller (invoker; only klantinteracties_eigenaar executes it).
CREATE OR REPLACE FUNCTION api_voorkeur_zetten(tabel text, partij uuid, id uuid) RETURNS void
	LANGUAGE plpgsql VOLATILE
	SECURITY INVOKER
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
REVOKE ALL ON FUNCTION api_voorkeur_zetten(text, uuid, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api_voorkeur_zetten(text, uuid, uuid) TO klantinteracties_eigenaar;
COMMENT ON FUNCTION api_voorkeur_zetten(text, uuid, uuid) IS 'Makes the given digitaal adres or rekeningnummer the partij''s voorkeur (NULL: none); refuses (22023, HTTP 400) one that is not the partij''s own.';

-- partijIdentificatie: the detail row of the partij's soort, written whole;
-- a soort change has removed the old detail row before.  The readers
-- (generated from src/api/schrijven.api) name the field of every refusal; a
-- violated constraint is named by the trigger (api_veld_van_beperking).
-- Kind: helper of the functions that run as the caller (invoker; only klantinteracties_eigenaar executes it).
CREATE OR REPLACE FUNCTION api_partij_identificatie_schrijven(partij uuid, soort soort_partij, body jsonb) RETURNS void
	LANGUAGE plpgsql VOLATILE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	p klantinteracties.persoon;
	o klantinteracties.organisatie;
	c klantinteracties.contactpersoon;
BEGIN
	IF soort = 'persoon' THEN
		p := klantinteracties.api_persoon_lezen(body, 'partijIdentificatie');
		INSERT INTO klantinteracties.persoon AS d (partij, contactnaam_voorletters, contactnaam_voornaam,
			contactnaam_voorvoegsel_achternaam, contactnaam_achternaam)
		VALUES (partij, p.contactnaam_voorletters, p.contactnaam_voornaam, p.contactnaam_voorvoegsel_achternaam,
			p.contactnaam_achternaam)
		ON CONFLICT ON CONSTRAINT persoon_pkey DO UPDATE
		   SET contactnaam_voorletters = excluded.contactnaam_voorletters, contactnaam_voornaam = excluded.contactnaam_voornaam,
			   contactnaam_voorvoegsel_achternaam = excluded.contactnaam_voorvoegsel_achternaam,
			   contactnaam_achternaam = excluded.contactnaam_achternaam;
	ELSIF soort = 'organisatie' THEN
		o := klantinteracties.api_organisatie_lezen(body, 'partijIdentificatie');
		INSERT INTO klantinteracties.organisatie AS d (partij, naam) VALUES (partij, o.naam)
		ON CONFLICT ON CONSTRAINT organisatie_pkey DO UPDATE SET naam = excluded.naam;
	ELSE
		c := klantinteracties.api_contactpersoon_lezen(body, 'partijIdentificatie');
		INSERT INTO klantinteracties.contactpersoon AS d (partij, uuid, werkte_voor_partij, contactnaam_voorletters,
			contactnaam_voornaam, contactnaam_voorvoegsel_achternaam, contactnaam_achternaam)
		VALUES (partij, coalesce(c.uuid, (SELECT e.uuid FROM klantinteracties.contactpersoon e
										   WHERE e.partij = api_partij_identificatie_schrijven.partij), gen_random_uuid()),
			c.werkte_voor_partij, c.contactnaam_voorletters, c.contactnaam_voornaam, c.contactnaam_voorvoegsel_achternaam,
			c.contactnaam_achternaam)
		ON CONFLICT ON CONSTRAINT contactpersoon_pkey DO UPDATE
		   SET uuid = excluded.uuid, werkte_voor_partij = excluded.werkte_voor_partij,
			   contactnaam_voorletters = excluded.contactnaam_voorletters, contactnaam_voornaam = excluded.contactnaam_voornaam,
			   contactnaam_voorvoegsel_achternaam = excluded.contactnaam_voorvoegsel_achternaam,
			   contactnaam_achternaam = excluded.contactnaam_achternaam;
	END IF;
END
$$;
REVOKE ALL ON FUNCTION api_partij_identificatie_schrijven(uuid, soort_partij, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api_partij_identificatie_schrijven(uuid, soort_partij, jsonb) TO klantinteracties_eigenaar;
COMMENT ON FUNCTION api_partij_identificatie_schrijven(uuid, soort_partij, jsonb) IS 'Writes partijIdentificatie of a request body as the persoon, organisatie or contactpersoon row of the partij (insert or overwrite); refusals name the field.';

-- A soortPartij change: the detail rows reference (partij, soort), so the
-- row of another soort goes before the partij's soort changes (PATCH).
CREATE OR REPLACE FUNCTION klantinteracties.api_partij_soort_wisselen(id uuid, soort klantinteracties.soort_partij) RETURNS void
	LANGUAGE plpgsql VOLATILE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
BEGIN
	IF soort <> 'persoon' THEN
		DELETE FROM klantinteracties.persoon WHERE partij = id;
	END IF;
	IF soort <> 'organisatie' THEN
		DELETE FROM klantinteracties.organisatie WHERE partij = id;
	END IF;
	IF soort <> 'contactpersoon' THEN
		DELETE FROM klantinteracties.contactpersoon WHERE partij = id;
	END IF;
END
$$;
ALTER FUNCTION klantinteracties.api_partij_soort_wisselen(uuid, klantinteracties.soort_partij) OWNER TO klantinteracties_eigenaar;
REVOKE ALL ON FUNCTION klantinteracties.api_partij_soort_wisselen(uuid, klantinteracties.soort_partij) FROM PUBLIC;
COMMENT ON FUNCTION klantinteracties.api_partij_soort_wisselen(uuid, klantinteracties.soort_partij) IS 'As the caller, for the write trigger of /partijen: deletes the partij''s persoon, organisatie or contactpersoon row that is not of the given soort, before the soort changes.';

-- partijIdentificatoren of a partij (POST /partijen, PATCH): the listed
-- ones with a uuid that exists are written over, others created; on PATCH
-- the partij's other ones are deleted.  As Open Klant refuses (400): a uuid
-- twice in the list, and on POST an item with identificeerdePartij.  Each is written through the view
-- /partij-identificatoren, whose trigger reads and names its fields; a
-- refusal is named inside the list ("partijIdentificatoren.0.partijIdentificator.objectId: ...").
CREATE OR REPLACE FUNCTION klantinteracties.api_geneste_partij_identificatoren(partij uuid, lijst jsonb, nieuw boolean)
	RETURNS void
	LANGUAGE plpgsql VOLATILE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	veld text := 'partijIdentificatoren';
	genest boolean := false;
	item jsonb;
	item_id uuid;
	rij klantinteracties_api."partij-identificatoren";
	f_staat text; f_bericht text; f_detail text; f_hint text; f_beperking text;
BEGIN
	lijst := klantinteracties.api_lijst(lijst);
	-- As Open Klant: an item's uuid at most once in the list; on POST no
	-- item names its partij (it is the new one).
	FOR i IN 0 .. jsonb_array_length(lijst) - 1 LOOP
		veld := 'partijIdentificatoren.' || i;
		item := klantinteracties.api_object(lijst -> i);
		IF nieuw AND jsonb_typeof(item -> 'identificeerdePartij') IS DISTINCT FROM 'null' AND item ? 'identificeerdePartij' THEN
			veld := veld || '.identificeerdePartij';
			RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
				MESSAGE = 'is set to the partij itself and cannot be given',
				HINT = 'Leave identificeerdePartij out of the partijIdentificatoren of a new partij.';
		END IF;
		IF item ->> 'uuid' IS NOT NULL AND EXISTS (SELECT FROM jsonb_array_elements(lijst) WITH ORDINALITY AS e(x, nr)
													WHERE e.nr <= i AND e.x ->> 'uuid' = item ->> 'uuid') THEN
			veld := veld || '.uuid';
			RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
				MESSAGE = 'uuid ' || (item ->> 'uuid') || ' occurs more than once in partijIdentificatoren';
		END IF;
	END LOOP;
	veld := 'partijIdentificatoren';
	IF NOT nieuw THEN
		DELETE FROM klantinteracties.partij_identificator pi
		 WHERE pi.identificeerde_partij = api_geneste_partij_identificatoren.partij
		   AND pi.uuid::text NOT IN (SELECT e ->> 'uuid' FROM jsonb_array_elements(lijst) e WHERE e ->> 'uuid' IS NOT NULL);
	END IF;
	FOR i IN 0 .. jsonb_array_length(lijst) - 1 LOOP
		veld := 'partijIdentificatoren.' || i;
		item := klantinteracties.api_object(lijst -> i);
		item_id := nullif(klantinteracties.api_tekst(item -> 'uuid'), '')::uuid;
		rij := jsonb_populate_record(NULL::klantinteracties_api."partij-identificatoren",
			item || jsonb_build_object('identificeerdePartij', jsonb_build_object('uuid', partij)));
		genest := true;
		IF EXISTS (SELECT FROM klantinteracties.partij_identificator pi WHERE pi.uuid = item_id) THEN
			UPDATE klantinteracties_api."partij-identificatoren" v
			   SET "identificeerdePartij" = rij."identificeerdePartij", "anderePartijIdentificator" = rij."anderePartijIdentificator",
				   "partijIdentificator" = rij."partijIdentificator", "subIdentificatorVan" = rij."subIdentificatorVan"
			 WHERE v.uuid = item_id;
		ELSE
			INSERT INTO klantinteracties_api."partij-identificatoren" (uuid, "identificeerdePartij", "anderePartijIdentificator",
				"partijIdentificator", "subIdentificatorVan")
			VALUES (rij.uuid, rij."identificeerdePartij", rij."anderePartijIdentificator", rij."partijIdentificator",
				rij."subIdentificatorVan");
		END IF;
		genest := false;
	END LOOP;
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS f_staat = RETURNED_SQLSTATE, f_bericht = MESSAGE_TEXT,
		f_detail = PG_EXCEPTION_DETAIL, f_hint = PG_EXCEPTION_HINT, f_beperking = CONSTRAINT_NAME;
	IF genest THEN
		-- The trigger of the view named the field ("partijIdentificator.objectId:
		-- ..."): it goes inside the list element; an error it could not name
		-- (a policy's refusal) goes on unchanged.
		IF f_bericht ~ '^[A-Za-z][A-Za-z0-9.]*: ' THEN
			f_bericht := veld || '.' || f_bericht;
		END IF;
		veld := NULL;
	END IF;
	PERFORM klantinteracties.api_fout(NULL, veld, f_staat, f_bericht, f_detail, f_hint, CASE WHEN NOT genest THEN f_beperking END);
END
$$;
ALTER FUNCTION klantinteracties.api_geneste_partij_identificatoren(uuid, jsonb, boolean) OWNER TO klantinteracties_eigenaar;
REVOKE ALL ON FUNCTION klantinteracties.api_geneste_partij_identificatoren(uuid, jsonb, boolean) FROM PUBLIC;
COMMENT ON FUNCTION klantinteracties.api_geneste_partij_identificatoren(uuid, jsonb, boolean) IS 'As the caller, for the write trigger of /partijen: writes the partijIdentificatoren of a request body for the partij (through the view /partij-identificatoren; on PATCH, nieuw false, the partij''s unlisted ones are deleted); refusals name the element and field.';

