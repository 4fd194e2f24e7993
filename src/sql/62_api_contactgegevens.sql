-- REST API: /digitaleadressen and /rekeningnummers.  The values come back
-- in their canonical form: e-mail as the emailadres type prints it (domain
-- lower case, A-labels), telephone numbers in E.164, IBAN compact in upper
-- case, BIC in upper case (docs/compatibility.md).

CREATE VIEW klantinteracties_api.digitaleadressen AS
SELECT d.uuid,
	klantinteracties.api_url('digitaleadressen', d.uuid) AS url,
	klantinteracties.api_ref('betrokkenen', d.verstrekt_door_betrokkene) AS "verstrektDoorBetrokkene",
	klantinteracties.api_ref('partijen', d.verstrekt_door_partij) AS "verstrektDoorPartij",
	coalesce(d.adres_email::text, d.adres_telefoonnummer::text, d.adres::text) AS adres,
	d.soort_digitaal_adres::text AS "soortDigitaalAdres",
	d.is_standaard_adres AS "isStandaardAdres",
	d.omschrijving::text AS omschrijving,
	d.referentie::text AS referentie,
	d.verificatie_datum AS "verificatieDatum"
  FROM klantinteracties.digitaal_adres d;

CREATE VIEW klantinteracties_api.rekeningnummers AS
SELECT r.uuid,
	klantinteracties.api_url('rekeningnummers', r.uuid) AS url,
	klantinteracties.api_ref('partijen', r.partij) AS partij,
	r.iban::text AS iban,
	coalesce(r.bic::text, '') AS bic
  FROM klantinteracties.rekeningnummer r;

CREATE OR REPLACE FUNCTION api_digitaleadressen_schrijven() RETURNS trigger
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	veld text;
	r klantinteracties.digitaal_adres%ROWTYPE;
	f_staat text; f_bericht text; f_detail text; f_hint text; f_beperking text;
BEGIN
	IF TG_OP = 'DELETE' THEN
		RETURN CASE WHEN klantinteracties.api_verwijderen('klantinteracties.digitaal_adres', OLD.uuid) THEN OLD END;
	END IF;
	BEGIN
		r.uuid := CASE TG_OP WHEN 'INSERT' THEN coalesce(NEW.uuid, gen_random_uuid()) ELSE OLD.uuid END;
		veld := 'verstrektDoorBetrokkene';
		r.verstrekt_door_betrokkene := klantinteracties.api_verwijzing(NEW."verstrektDoorBetrokkene", 'betrokkene');
		veld := 'verstrektDoorPartij';
		r.verstrekt_door_partij := klantinteracties.api_verwijzing(NEW."verstrektDoorPartij", 'partij');
		veld := 'soortDigitaalAdres';
		r.soort_digitaal_adres := klantinteracties.api_verplicht(NEW."soortDigitaalAdres");
		veld := 'adres';
		r.adres := klantinteracties.api_verplicht(NEW.adres);
		-- Parsed here by the type of its soort, so that a wrong address is named.
		PERFORM klantinteracties.digitaal_adres_sleutel(r.soort_digitaal_adres, btrim(r.adres, E' \t\r\n'));
		veld := 'isStandaardAdres';
		r.is_standaard_adres := coalesce(NEW."isStandaardAdres", false);
		veld := 'omschrijving';
		r.omschrijving := coalesce(NEW.omschrijving, '');
		veld := 'referentie';
		r.referentie := coalesce(NEW.referentie, '');
		veld := NULL;
		IF TG_OP = 'INSERT' THEN
			INSERT INTO klantinteracties.digitaal_adres (uuid, verstrekt_door_partij, verstrekt_door_betrokkene,
				soort_digitaal_adres, is_standaard_adres, adres, omschrijving, referentie, verificatie_datum)
			VALUES (r.uuid, r.verstrekt_door_partij, r.verstrekt_door_betrokkene, r.soort_digitaal_adres,
				r.is_standaard_adres, r.adres, r.omschrijving, r.referentie, NEW."verificatieDatum");
		ELSE
			-- A change of partij takes the address out of the old partij's
			-- voorkeur (a flag of its old partij).
			UPDATE klantinteracties.digitaal_adres d
			   SET verstrekt_door_partij = r.verstrekt_door_partij, verstrekt_door_betrokkene = r.verstrekt_door_betrokkene,
				   soort_digitaal_adres = r.soort_digitaal_adres, is_standaard_adres = r.is_standaard_adres,
				   adres = r.adres, omschrijving = r.omschrijving, referentie = r.referentie,
				   verificatie_datum = NEW."verificatieDatum",
				   is_voorkeursadres = d.is_voorkeursadres AND d.verstrekt_door_partij IS NOT DISTINCT FROM r.verstrekt_door_partij
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
	SELECT * INTO NEW FROM klantinteracties_api.digitaleadressen WHERE uuid = r.uuid;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION api_digitaleadressen_schrijven() IS 'INSTEAD OF trigger of klantinteracties_api.digitaleadressen: POST, PATCH and DELETE of /digitaleadressen; adres is validated by soortDigitaalAdres and a refusal names the field.';

CREATE TRIGGER schrijven INSTEAD OF INSERT OR UPDATE OR DELETE ON klantinteracties_api.digitaleadressen
	FOR EACH ROW EXECUTE FUNCTION api_digitaleadressen_schrijven();

CREATE OR REPLACE FUNCTION api_rekeningnummers_schrijven() RETURNS trigger
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	veld text;
	r klantinteracties.rekeningnummer%ROWTYPE;
	f_staat text; f_bericht text; f_detail text; f_hint text; f_beperking text;
BEGIN
	IF TG_OP = 'DELETE' THEN
		RETURN CASE WHEN klantinteracties.api_verwijderen('klantinteracties.rekeningnummer', OLD.uuid) THEN OLD END;
	END IF;
	BEGIN
		r.uuid := CASE TG_OP WHEN 'INSERT' THEN coalesce(NEW.uuid, gen_random_uuid()) ELSE OLD.uuid END;
		veld := 'partij';
		r.partij := klantinteracties.api_verwijzing(NEW.partij, 'partij');
		veld := 'iban';
		r.iban := klantinteracties.api_verplicht(NEW.iban);
		veld := 'bic';
		r.bic := nullif(NEW.bic, '');
		veld := NULL;
		IF TG_OP = 'INSERT' THEN
			INSERT INTO klantinteracties.rekeningnummer (uuid, partij, iban, bic) VALUES (r.uuid, r.partij, r.iban, r.bic);
		ELSE
			UPDATE klantinteracties.rekeningnummer k
			   SET partij = r.partij, iban = r.iban, bic = r.bic,
				   is_voorkeursrekeningnummer = k.is_voorkeursrekeningnummer AND k.partij IS NOT DISTINCT FROM r.partij
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
	SELECT * INTO NEW FROM klantinteracties_api.rekeningnummers WHERE uuid = r.uuid;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION api_rekeningnummers_schrijven() IS 'INSTEAD OF trigger of klantinteracties_api.rekeningnummers: POST, PATCH and DELETE of /rekeningnummers; iban and bic are parsed by their types and a refusal names the field.';

CREATE TRIGGER schrijven INSTEAD OF INSERT OR UPDATE OR DELETE ON klantinteracties_api.rekeningnummers
	FOR EACH ROW EXECUTE FUNCTION api_rekeningnummers_schrijven();
