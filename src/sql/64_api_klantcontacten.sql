-- REST API: /klantcontacten, /betrokkenen, /onderwerpobjecten, /bijlagen.

-- A vertrouwelijk klantcontact shows a caller without the geheim scope no
-- onderwerp, inhoud, reactie or metadata (kenmerken); a caller without the
-- bsn scope sees no BSN in them (docs/security.md).
CREATE VIEW klantinteracties_api.klantcontacten AS
SELECT k.uuid,
	klantinteracties.api_url('klantcontacten', k.uuid) AS url,
	coalesce((SELECT pg_catalog.jsonb_agg(klantinteracties.api_ref('onderwerpobjecten', o.uuid) ORDER BY o.geregistreerd_op, o.uuid)
				FROM klantinteracties.onderwerpobject o WHERE o.klantcontact = k.uuid), '[]') AS "gingOverOnderwerpobjecten",
	coalesce((SELECT pg_catalog.jsonb_agg(klantinteracties.api_actor(a) ORDER BY ak.geregistreerd_op, ak.uuid)
				FROM klantinteracties.actor_klantcontact ak JOIN klantinteracties.actor a ON a.uuid = ak.actor
			   WHERE ak.klantcontact = k.uuid), '[]') AS "hadBetrokkenActoren",
	coalesce((SELECT pg_catalog.jsonb_agg(klantinteracties.api_ref('bijlagen', bl.uuid) ORDER BY bl.geregistreerd_op, bl.uuid)
				FROM klantinteracties.bijlage bl WHERE bl.was_bijlage_van_klantcontact = k.uuid), '[]') AS "omvatteBijlagen",
	coalesce((SELECT pg_catalog.jsonb_agg(klantinteracties.api_ref('betrokkenen', b.uuid) ORDER BY b.geregistreerd_op, b.uuid)
				FROM klantinteracties.betrokkene b WHERE b.had_klantcontact = k.uuid), '[]') AS "hadBetrokkenen",
	coalesce((SELECT pg_catalog.jsonb_agg(klantinteracties.api_ref('internetaken', t.uuid) ORDER BY t.geregistreerd_op, t.uuid)
				FROM klantinteracties.interne_taak t WHERE t.aanleidinggevend_klantcontact = k.uuid), '[]') AS "leiddeTotInterneTaken",
	k.nummer::text AS nummer,
	k.referentienummer::text AS referentienummer,
	k.kanaal::text AS kanaal,
	CASE WHEN k.vertrouwelijk AND NOT (SELECT klantinteracties.heeft_scope('geheim')) THEN '' ELSE klantinteracties.maskeer_bsn(k.onderwerp::text, (SELECT klantinteracties.heeft_scope('bsn'))) END AS onderwerp,
	CASE WHEN k.vertrouwelijk AND NOT (SELECT klantinteracties.heeft_scope('geheim')) THEN '' ELSE klantinteracties.maskeer_bsn(k.inhoud::text, (SELECT klantinteracties.heeft_scope('bsn'))) END AS inhoud,
	CASE WHEN k.vertrouwelijk AND NOT (SELECT klantinteracties.heeft_scope('geheim')) THEN '' ELSE klantinteracties.maskeer_bsn(k.reactie::text, (SELECT klantinteracties.heeft_scope('bsn'))) END AS reactie,
	k.indicatie_contact_gelukt AS "indicatieContactGelukt",
	k.hoofd_onderwerp_type::text AS "hoofdOnderwerpType",
	k.verdere_actie_ondernomen AS "verdereActieOndernomen",
	k.taal::text AS taal,
	k.vertrouwelijk,
	k.plaatsgevonden_op AS "plaatsgevondenOp",
	CASE WHEN k.vertrouwelijk AND NOT (SELECT klantinteracties.heeft_scope('geheim')) THEN '{}' ELSE klantinteracties.maskeer_bsn(k.metadata, (SELECT klantinteracties.heeft_scope('bsn'))) END AS metadata
  FROM klantinteracties.klantcontact k;

CREATE VIEW klantinteracties_api.betrokkenen AS
SELECT b.uuid,
	klantinteracties.api_url('betrokkenen', b.uuid) AS url,
	klantinteracties.api_ref('partijen', b.was_partij) AS "wasPartij",
	klantinteracties.api_ref('klantcontacten', b.had_klantcontact) AS "hadKlantcontact",
	coalesce((SELECT pg_catalog.jsonb_agg(klantinteracties.api_ref('digitaleadressen', d.uuid) ORDER BY d.geregistreerd_op, d.uuid)
				FROM klantinteracties.digitaal_adres d WHERE d.verstrekt_door_betrokkene = b.uuid), '[]') AS "digitaleAdressen",
	klantinteracties.api_adres(b.bezoekadres_nummeraanduiding_id, b.bezoekadres_straatnaam, b.bezoekadres_huisnummer,
		b.bezoekadres_huisnummertoevoeging, b.bezoekadres_postcode, b.bezoekadres_stad, b.bezoekadres_adresregel1,
		b.bezoekadres_adresregel2, b.bezoekadres_adresregel3, b.bezoekadres_land) AS bezoekadres,
	klantinteracties.api_adres(b.correspondentieadres_nummeraanduiding_id, b.correspondentieadres_straatnaam,
		b.correspondentieadres_huisnummer, b.correspondentieadres_huisnummertoevoeging, b.correspondentieadres_postcode,
		b.correspondentieadres_stad, b.correspondentieadres_adresregel1, b.correspondentieadres_adresregel2,
		b.correspondentieadres_adresregel3, b.correspondentieadres_land) AS correspondentieadres,
	klantinteracties.api_contactnaam(b.contactnaam_voorletters, b.contactnaam_voornaam,
		b.contactnaam_voorvoegsel_achternaam, b.contactnaam_achternaam) AS contactnaam,
	b.volledige_naam AS "volledigeNaam",
	b.rol::text AS rol,
	b.organisatienaam::text AS organisatienaam,
	b.initiator
  FROM klantinteracties.betrokkene b;

CREATE VIEW klantinteracties_api.onderwerpobjecten AS
SELECT o.uuid,
	klantinteracties.api_url('onderwerpobjecten', o.uuid) AS url,
	klantinteracties.api_ref('klantcontacten', o.klantcontact) AS klantcontact,
	klantinteracties.api_ref('klantcontacten', o.was_klantcontact) AS "wasKlantcontact",
	klantinteracties.api_objectidentificator(klantinteracties.maskeer_bsn(o.onderwerpobjectidentificator_object_id::text,
			(SELECT klantinteracties.heeft_scope('bsn')), o.onderwerpobjectidentificator_code_soort_object_id),
		o.onderwerpobjectidentificator_code_objecttype, o.onderwerpobjectidentificator_code_register,
		o.onderwerpobjectidentificator_code_soort_object_id) AS onderwerpobjectidentificator
  FROM klantinteracties.onderwerpobject o;

CREATE VIEW klantinteracties_api.bijlagen AS
SELECT bl.uuid,
	klantinteracties.api_url('bijlagen', bl.uuid) AS url,
	klantinteracties.api_ref('klantcontacten', bl.was_bijlage_van_klantcontact) AS "wasBijlageVanKlantcontact",
	klantinteracties.api_objectidentificator(klantinteracties.maskeer_bsn(bl.bijlageidentificator_object_id::text,
			(SELECT klantinteracties.heeft_scope('bsn')), bl.bijlageidentificator_code_soort_object_id), bl.bijlageidentificator_code_objecttype,
		bl.bijlageidentificator_code_register, bl.bijlageidentificator_code_soort_object_id) AS bijlageidentificator
  FROM klantinteracties.bijlage bl;

-- Writes ---------------------------------------------------------------------

CREATE OR REPLACE FUNCTION api_klantcontacten_schrijven() RETURNS trigger
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	veld text;
	r klantinteracties.klantcontact%ROWTYPE;
	f_staat text; f_bericht text; f_detail text; f_hint text; f_beperking text;
BEGIN
	IF TG_OP = 'DELETE' THEN
		RETURN CASE WHEN klantinteracties.api_verwijderen('klantinteracties.klantcontact', OLD.uuid) THEN OLD END;
	END IF;
	BEGIN
		r.uuid := CASE TG_OP WHEN 'INSERT' THEN coalesce(NEW.uuid, gen_random_uuid()) ELSE OLD.uuid END;
		veld := 'nummer';
		r.nummer := nullif(NEW.nummer, '');
		veld := 'referentienummer';
		r.referentienummer := nullif(NEW.referentienummer, '');
		veld := 'kanaal';
		r.kanaal := klantinteracties.api_verplicht(NEW.kanaal);
		veld := 'onderwerp';
		r.onderwerp := klantinteracties.api_verplicht(NEW.onderwerp);
		veld := 'inhoud';
		r.inhoud := coalesce(NEW.inhoud, '');
		veld := 'reactie';
		r.reactie := coalesce(NEW.reactie, '');
		veld := 'hoofdOnderwerpType';
		r.hoofd_onderwerp_type := coalesce(NEW."hoofdOnderwerpType", '');
		veld := 'taal';
		r.taal := klantinteracties.api_verplicht(NEW.taal);
		veld := 'vertrouwelijk';
		r.vertrouwelijk := klantinteracties.api_verplicht(NEW.vertrouwelijk);
		veld := NULL;
		IF TG_OP = 'INSERT' THEN
			INSERT INTO klantinteracties.klantcontact (uuid, nummer, referentienummer, kanaal, onderwerp, inhoud, reactie,
				indicatie_contact_gelukt, hoofd_onderwerp_type, verdere_actie_ondernomen, taal, vertrouwelijk,
				plaatsgevonden_op, metadata)
			VALUES (r.uuid, r.nummer, r.referentienummer, r.kanaal, r.onderwerp, r.inhoud, r.reactie,
				NEW."indicatieContactGelukt", r.hoofd_onderwerp_type, coalesce(NEW."verdereActieOndernomen", false),
				r.taal, r.vertrouwelijk, coalesce(NEW."plaatsgevondenOp", now()), coalesce(NEW.metadata, '{}'));
		ELSE
			UPDATE klantinteracties.klantcontact
			   SET nummer = r.nummer, referentienummer = r.referentienummer, kanaal = r.kanaal, onderwerp = r.onderwerp,
				   inhoud = r.inhoud, reactie = r.reactie, indicatie_contact_gelukt = NEW."indicatieContactGelukt",
				   hoofd_onderwerp_type = r.hoofd_onderwerp_type,
				   verdere_actie_ondernomen = coalesce(NEW."verdereActieOndernomen", false),
				   taal = r.taal, vertrouwelijk = r.vertrouwelijk,
				   plaatsgevonden_op = coalesce(NEW."plaatsgevondenOp", klantcontact.plaatsgevonden_op),
				   metadata = coalesce(NEW.metadata, '{}')
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
	SELECT * INTO NEW FROM klantinteracties_api.klantcontacten WHERE uuid = r.uuid;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION api_klantcontacten_schrijven() IS 'INSTEAD OF trigger of klantinteracties_api.klantcontacten: POST, PATCH and DELETE of /klantcontacten (the lists of related resources are read-only).';

CREATE TRIGGER schrijven INSTEAD OF INSERT OR UPDATE OR DELETE ON klantinteracties_api.klantcontacten
	FOR EACH ROW EXECUTE FUNCTION api_klantcontacten_schrijven();

CREATE OR REPLACE FUNCTION api_betrokkenen_schrijven() RETURNS trigger
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	veld text;
	r klantinteracties.betrokkene%ROWTYPE;
	b klantinteracties.api_adres;
	c klantinteracties.api_adres;
	n klantinteracties.api_contactnaam;
	f_staat text; f_bericht text; f_detail text; f_hint text; f_beperking text;
BEGIN
	IF TG_OP = 'DELETE' THEN
		RETURN CASE WHEN klantinteracties.api_verwijderen('klantinteracties.betrokkene', OLD.uuid) THEN OLD END;
	END IF;
	BEGIN
		r.uuid := CASE TG_OP WHEN 'INSERT' THEN coalesce(NEW.uuid, gen_random_uuid()) ELSE OLD.uuid END;
		veld := 'wasPartij';
		r.was_partij := klantinteracties.api_verwijzing(NEW."wasPartij", 'partij');
		veld := 'hadKlantcontact';
		r.had_klantcontact := klantinteracties.api_verplicht(klantinteracties.api_verwijzing(NEW."hadKlantcontact", 'klantcontact'));
		veld := 'rol';
		r.rol := klantinteracties.api_verplicht(NEW.rol);
		veld := 'organisatienaam';
		r.organisatienaam := coalesce(NEW.organisatienaam, '');
		veld := 'initiator';
		r.initiator := klantinteracties.api_verplicht(NEW.initiator);
		veld := NULL;
		b := klantinteracties.api_adres_lezen(NEW.bezoekadres, 'bezoekadres');
		c := klantinteracties.api_adres_lezen(NEW.correspondentieadres, 'correspondentieadres');
		n := klantinteracties.api_contactnaam_lezen(NEW.contactnaam, 'contactnaam');
		IF TG_OP = 'INSERT' THEN
			INSERT INTO klantinteracties.betrokkene (uuid, was_partij, had_klantcontact, rol, organisatienaam, initiator,
				bezoekadres_nummeraanduiding_id, bezoekadres_straatnaam, bezoekadres_huisnummer,
				bezoekadres_huisnummertoevoeging, bezoekadres_postcode, bezoekadres_stad, bezoekadres_adresregel1,
				bezoekadres_adresregel2, bezoekadres_adresregel3, bezoekadres_land,
				correspondentieadres_nummeraanduiding_id, correspondentieadres_straatnaam, correspondentieadres_huisnummer,
				correspondentieadres_huisnummertoevoeging, correspondentieadres_postcode, correspondentieadres_stad,
				correspondentieadres_adresregel1, correspondentieadres_adresregel2, correspondentieadres_adresregel3,
				correspondentieadres_land, contactnaam_voorletters, contactnaam_voornaam,
				contactnaam_voorvoegsel_achternaam, contactnaam_achternaam)
			SELECT r.uuid, r.was_partij, r.had_klantcontact, r.rol, r.organisatienaam, r.initiator, (b).*, (c).*, (n).*;
		ELSE
			UPDATE klantinteracties.betrokkene
			   SET (was_partij, had_klantcontact, rol, organisatienaam, initiator,
				bezoekadres_nummeraanduiding_id, bezoekadres_straatnaam, bezoekadres_huisnummer,
				bezoekadres_huisnummertoevoeging, bezoekadres_postcode, bezoekadres_stad, bezoekadres_adresregel1,
				bezoekadres_adresregel2, bezoekadres_adresregel3, bezoekadres_land,
				correspondentieadres_nummeraanduiding_id, correspondentieadres_straatnaam, correspondentieadres_huisnummer,
				correspondentieadres_huisnummertoevoeging, correspondentieadres_postcode, correspondentieadres_stad,
				correspondentieadres_adresregel1, correspondentieadres_adresregel2, correspondentieadres_adresregel3,
				correspondentieadres_land, contactnaam_voorletters, contactnaam_voornaam,
				contactnaam_voorvoegsel_achternaam, contactnaam_achternaam)
			  = (SELECT r.was_partij, r.had_klantcontact, r.rol, r.organisatienaam, r.initiator, (b).*, (c).*, (n).*)
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
	SELECT * INTO NEW FROM klantinteracties_api.betrokkenen WHERE uuid = r.uuid;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION api_betrokkenen_schrijven() IS 'INSTEAD OF trigger of klantinteracties_api.betrokkenen: POST, PATCH and DELETE of /betrokkenen; adres and contactnaam groups are written whole.';

CREATE TRIGGER schrijven INSTEAD OF INSERT OR UPDATE OR DELETE ON klantinteracties_api.betrokkenen
	FOR EACH ROW EXECUTE FUNCTION api_betrokkenen_schrijven();

CREATE OR REPLACE FUNCTION api_onderwerpobjecten_schrijven() RETURNS trigger
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	veld text;
	r klantinteracties.onderwerpobject%ROWTYPE;
	o klantinteracties.api_objectidentificator;
	f_staat text; f_bericht text; f_detail text; f_hint text; f_beperking text;
BEGIN
	IF TG_OP = 'DELETE' THEN
		RETURN CASE WHEN klantinteracties.api_verwijderen('klantinteracties.onderwerpobject', OLD.uuid) THEN OLD END;
	END IF;
	BEGIN
		r.uuid := CASE TG_OP WHEN 'INSERT' THEN coalesce(NEW.uuid, gen_random_uuid()) ELSE OLD.uuid END;
		veld := 'klantcontact';
		r.klantcontact := klantinteracties.api_verwijzing(NEW.klantcontact, 'klantcontact');
		veld := 'wasKlantcontact';
		r.was_klantcontact := klantinteracties.api_verwijzing(NEW."wasKlantcontact", 'klantcontact');
		veld := NULL;
		o := klantinteracties.api_objectidentificator_lezen(NEW.onderwerpobjectidentificator, 'onderwerpobjectidentificator');
		IF TG_OP = 'INSERT' THEN
			INSERT INTO klantinteracties.onderwerpobject (uuid, klantcontact, was_klantcontact,
				onderwerpobjectidentificator_object_id, onderwerpobjectidentificator_code_objecttype,
				onderwerpobjectidentificator_code_register, onderwerpobjectidentificator_code_soort_object_id)
			SELECT r.uuid, r.klantcontact, r.was_klantcontact, (o).*;
		ELSE
			UPDATE klantinteracties.onderwerpobject
			   SET (klantcontact, was_klantcontact, onderwerpobjectidentificator_object_id,
					onderwerpobjectidentificator_code_objecttype, onderwerpobjectidentificator_code_register,
					onderwerpobjectidentificator_code_soort_object_id)
				 = (SELECT r.klantcontact, r.was_klantcontact, (o).*)
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
	SELECT * INTO NEW FROM klantinteracties_api.onderwerpobjecten WHERE uuid = r.uuid;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION api_onderwerpobjecten_schrijven() IS 'INSTEAD OF trigger of klantinteracties_api.onderwerpobjecten: POST, PATCH and DELETE of /onderwerpobjecten.';

CREATE TRIGGER schrijven INSTEAD OF INSERT OR UPDATE OR DELETE ON klantinteracties_api.onderwerpobjecten
	FOR EACH ROW EXECUTE FUNCTION api_onderwerpobjecten_schrijven();

CREATE OR REPLACE FUNCTION api_bijlagen_schrijven() RETURNS trigger
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	veld text;
	r klantinteracties.bijlage%ROWTYPE;
	o klantinteracties.api_objectidentificator;
	f_staat text; f_bericht text; f_detail text; f_hint text; f_beperking text;
BEGIN
	IF TG_OP = 'DELETE' THEN
		RETURN CASE WHEN klantinteracties.api_verwijderen('klantinteracties.bijlage', OLD.uuid) THEN OLD END;
	END IF;
	BEGIN
		r.uuid := CASE TG_OP WHEN 'INSERT' THEN coalesce(NEW.uuid, gen_random_uuid()) ELSE OLD.uuid END;
		veld := 'wasBijlageVanKlantcontact';
		r.was_bijlage_van_klantcontact := klantinteracties.api_verwijzing(NEW."wasBijlageVanKlantcontact", 'klantcontact');
		veld := NULL;
		o := klantinteracties.api_objectidentificator_lezen(NEW.bijlageidentificator, 'bijlageidentificator');
		IF TG_OP = 'INSERT' THEN
			INSERT INTO klantinteracties.bijlage (uuid, was_bijlage_van_klantcontact, bijlageidentificator_object_id,
				bijlageidentificator_code_objecttype, bijlageidentificator_code_register, bijlageidentificator_code_soort_object_id)
			SELECT r.uuid, r.was_bijlage_van_klantcontact, (o).*;
		ELSE
			UPDATE klantinteracties.bijlage
			   SET (was_bijlage_van_klantcontact, bijlageidentificator_object_id, bijlageidentificator_code_objecttype,
					bijlageidentificator_code_register, bijlageidentificator_code_soort_object_id)
				 = (SELECT r.was_bijlage_van_klantcontact, (o).*)
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
	SELECT * INTO NEW FROM klantinteracties_api.bijlagen WHERE uuid = r.uuid;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION api_bijlagen_schrijven() IS 'INSTEAD OF trigger of klantinteracties_api.bijlagen: POST, PATCH and DELETE of /bijlagen.';

CREATE TRIGGER schrijven INSTEAD OF INSERT OR UPDATE OR DELETE ON klantinteracties_api.bijlagen
	FOR EACH ROW EXECUTE FUNCTION api_bijlagen_schrijven();
