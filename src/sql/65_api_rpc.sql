-- REST API functions (/rpc/...): what is no resource.  maak_klantcontact is
-- Open Klant's /maak-klantcontact; the lookups answer what PostgREST's
-- filters cannot express: partijen by identificator with same-row
-- semantics and any spelling, and by e-mail address or telephone number in
-- any spelling.  The lookups are STABLE SQL functions returning rows of the
-- views, so PostgREST serves them on GET, inlines them and applies its
-- filters, ordering and paging to their result.

-- Kind: as the caller (definer, owner klantinteracties_eigenaar), for schrijver.
CREATE OR REPLACE FUNCTION klantinteracties_api.maak_klantcontact(klantcontact json DEFAULT NULL, betrokkene json DEFAULT NULL,
													   onderwerpobject json DEFAULT NULL) RETURNS jsonb
	LANGUAGE plpgsql VOLATILE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	deel text;
	k klantinteracties_api.klantcontacten;
	b klantinteracties_api.betrokkenen;
	o klantinteracties_api.onderwerpobjecten;
	f_staat text; f_bericht text; f_detail text; f_hint text;
BEGIN
	deel := 'klantcontact';
	IF klantcontact IS NULL OR json_typeof(klantcontact) <> 'object' THEN
		RAISE EXCEPTION USING ERRCODE = 'not_null_violation', MESSAGE = 'klantcontact: this field is required',
			HINT = 'The body is {"klantcontact": {...}, "betrokkene": {...}, "onderwerpobject": {...}}.';
	END IF;
	INSERT INTO klantinteracties_api.klantcontacten
	SELECT * FROM json_populate_record(NULL::klantinteracties_api.klantcontacten, klantcontact)
	RETURNING * INTO k;
	-- The betrokkene's and the onderwerpobject's klantcontact is the new one.
	IF betrokkene IS NOT NULL AND json_typeof(betrokkene) <> 'null' THEN
		deel := 'betrokkene';
		INSERT INTO klantinteracties_api.betrokkenen
		SELECT * FROM jsonb_populate_record(NULL::klantinteracties_api.betrokkenen,
			klantinteracties.api_object(betrokkene::jsonb) || jsonb_build_object('hadKlantcontact', jsonb_build_object('uuid', k.uuid)))
		RETURNING * INTO b;
	END IF;
	IF onderwerpobject IS NOT NULL AND json_typeof(onderwerpobject) <> 'null' THEN
		deel := 'onderwerpobject';
		INSERT INTO klantinteracties_api.onderwerpobjecten
		SELECT * FROM jsonb_populate_record(NULL::klantinteracties_api.onderwerpobjecten,
			klantinteracties.api_object(onderwerpobject::jsonb) || jsonb_build_object('klantcontact', jsonb_build_object('uuid', k.uuid)))
		RETURNING * INTO o;
	END IF;
	-- The klantcontact as it is now, with its betrokkene and onderwerpobject;
	-- 201 Created, as Open Klant answers (PostgREST takes the status of an
	-- /rpc call from the setting response.status).
	SELECT * INTO k FROM klantinteracties_api.klantcontacten WHERE uuid = k.uuid;
	PERFORM set_config('response.status', '201', true);
	RETURN jsonb_build_object('klantcontact', to_jsonb(k),
		'betrokkene', CASE WHEN b.uuid IS NOT NULL THEN to_jsonb(b) END,
		'onderwerpobject', CASE WHEN o.uuid IS NOT NULL THEN to_jsonb(o) END);
EXCEPTION WHEN OTHERS THEN
	-- The views' triggers named the field; the part goes in front of it.
	GET STACKED DIAGNOSTICS f_staat = RETURNED_SQLSTATE, f_bericht = MESSAGE_TEXT,
		f_detail = PG_EXCEPTION_DETAIL, f_hint = PG_EXCEPTION_HINT;
	RAISE EXCEPTION USING ERRCODE = f_staat,
		MESSAGE = CASE WHEN f_bericht LIKE deel || ':%' THEN f_bericht ELSE deel || '.' || f_bericht END,
		DETAIL = coalesce(f_detail, ''), HINT = coalesce(f_hint, '');
END
$$;
ALTER FUNCTION klantinteracties_api.maak_klantcontact(json, json, json) OWNER TO klantinteracties_eigenaar;
REVOKE ALL ON FUNCTION klantinteracties_api.maak_klantcontact(json, json, json) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION klantinteracties_api.maak_klantcontact(json, json, json) TO klantinteracties_schrijver;
COMMENT ON FUNCTION klantinteracties_api.maak_klantcontact(json, json, json) IS 'Maak een klantcontact, met betrokkene en onderwerpobject (maak-klantcontact)
Creates a klantcontact and, when given, a betrokkene and an onderwerpobject of it, in one transaction, as Open Klant''s POST /maak-klantcontact: the body {"klantcontact": {...}, "betrokkene": {...}, "onderwerpobject": {...}} takes the JSON of /klantcontacten, /betrokkenen and /onderwerpobjecten (hadKlantcontact and klantcontact are the new klantcontact). Returns {"klantcontact", "betrokkene", "onderwerpobject"} as stored; a refusal names the part and field (betrokkene.wasPartij: ...) and nothing is stored.';

-- Open Klant's DELETE /onderwerpobjecten/{uuid}?cascade=true: the
-- onderwerpobject goes, and with cascade its klantcontact and
-- wasKlantcontact too unless another onderwerpobject still names them
-- (those are kept and listed in "behouden"); a klantcontact goes with its
-- betrokkenen, bijlagen, interne taken and actorklantcontacten (the delete
-- rules of docs/datamodel.md) and with the digitale adressen its
-- betrokkenen provided that belong to no partij.  Without cascade: 204,
-- as DELETE /onderwerpobjecten; with it: 200 {"behouden": [url, ...]}.
-- Row-level security applies as to a DELETE: what the caller may not
-- delete stays (a klantcontact that stays is listed as kept).
CREATE OR REPLACE FUNCTION klantinteracties_api.verwijder_onderwerpobject(uuid uuid, cascade boolean DEFAULT false)
	RETURNS jsonb
	LANGUAGE plpgsql VOLATILE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	o klantinteracties.onderwerpobject%ROWTYPE;
	kc uuid;
	behouden text[] := '{}';
BEGIN
	SELECT * INTO o FROM klantinteracties.onderwerpobject ow WHERE ow.uuid = verwijder_onderwerpobject.uuid;
	IF NOT FOUND THEN
		RAISE EXCEPTION USING ERRCODE = 'PT404', MESSAGE = 'no onderwerpobject has uuid ' || coalesce(verwijder_onderwerpobject.uuid::text, 'null');
	END IF;
	DELETE FROM klantinteracties.onderwerpobject ow WHERE ow.uuid = o.uuid;
	IF NOT FOUND THEN
		RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
			MESSAGE = 'onderwerpobject ' || o.uuid::text || ' may not be deleted by this caller';
	END IF;
	IF cascade THEN
		FOREACH kc IN ARRAY ARRAY[o.klantcontact, o.was_klantcontact] LOOP
			CONTINUE WHEN kc IS NULL OR klantinteracties.api_url('klantcontacten', kc) = ANY (behouden);
			IF NOT EXISTS (SELECT FROM klantinteracties.onderwerpobject ow WHERE ow.klantcontact = kc OR ow.was_klantcontact = kc) THEN
				DELETE FROM klantinteracties.digitaal_adres d
				 USING klantinteracties.betrokkene b
				 WHERE d.verstrekt_door_betrokkene = b.uuid AND b.had_klantcontact = kc AND d.verstrekt_door_partij IS NULL;
				DELETE FROM klantinteracties.klantcontact k WHERE k.uuid = kc;
				CONTINUE WHEN FOUND;
			END IF;
			behouden := behouden || klantinteracties.api_url('klantcontacten', kc);
		END LOOP;
	END IF;
	PERFORM set_config('response.status', CASE WHEN cascade THEN '200' ELSE '204' END, true);
	RETURN CASE WHEN cascade THEN jsonb_build_object('behouden', to_jsonb(behouden)) END;
END
$$;
ALTER FUNCTION klantinteracties_api.verwijder_onderwerpobject(uuid, boolean) OWNER TO klantinteracties_eigenaar;
REVOKE ALL ON FUNCTION klantinteracties_api.verwijder_onderwerpobject(uuid, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION klantinteracties_api.verwijder_onderwerpobject(uuid, boolean) TO klantinteracties_schrijver;
COMMENT ON FUNCTION klantinteracties_api.verwijder_onderwerpobject(uuid, boolean) IS 'Verwijder een onderwerpobject, met cascade ook zijn klantcontacten
As the caller: Open Klant''s DELETE /onderwerpobjecten/{uuid}?cascade=true. Deletes the onderwerpobject; with cascade also its klantcontact and wasKlantcontact (with their betrokkenen, bijlagen, interne taken, actorklantcontacten and the digitale adressen of those betrokkenen that belong to no partij), except a klantcontact another onderwerpobject still names: those are kept and returned as {"behouden": [url, ...]} (200). Without cascade: 204. Unknown uuid: 404.';

-- The canonical key of an objectId for a soort (register and objecttype
-- follow from the soort); fails (22P02) on a value invalid for it.
-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION api_identificator_sleutel(soort text, object_id text) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	SECURITY INVOKER
	AS $$
SELECT klantinteracties.identificator_sleutel(
	CASE WHEN soort OPERATOR(pg_catalog.=) 'bsn' THEN 'brp' ELSE 'hr' END::klantinteracties.code_register,
	CASE WHEN soort OPERATOR(pg_catalog.=) 'bsn' THEN 'natuurlijk_persoon' WHEN soort OPERATOR(pg_catalog.=) 'vestigingsnummer'
		THEN 'vestiging' ELSE 'niet_natuurlijk_persoon' END::klantinteracties.code_objecttype,
	soort::klantinteracties.code_soort_object_id, object_id)
$$;
COMMENT ON FUNCTION api_identificator_sleutel(text, text) IS 'Canonical key of an identificator value of a soort (bsn, rsin, kvk_nummer, vestigingsnummer), register and objecttype following from the soort; 22P02 for a value invalid for its type or an unknown soort.';

-- Kind: as the caller (definer, owner klantinteracties_eigenaar), for lezer.
CREATE OR REPLACE FUNCTION klantinteracties_api.partijen_met_identificator("codeSoortObjectId" text, "objectId" text,
		"subIdentificatorVanObjectId" text DEFAULT NULL)
	RETURNS SETOF klantinteracties_api.partijen
	LANGUAGE sql STABLE PARALLEL SAFE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
SELECT v.* FROM klantinteracties_api.partijen v
 WHERE v.uuid IN (
	SELECT pi.identificeerde_partij
	  FROM klantinteracties.partij_identificator pi
	 WHERE pi.code_soort_object_id = "codeSoortObjectId"::klantinteracties.code_soort_object_id
	   AND pi.object_id_sleutel = klantinteracties.api_identificator_sleutel("codeSoortObjectId", "objectId")
	   AND ("subIdentificatorVanObjectId" IS NULL
			OR pi.sub_identificator_van IN (
				SELECT k.uuid FROM klantinteracties.partij_identificator k
				 WHERE k.code_soort_object_id = 'kvk_nummer'
				   AND k.object_id_sleutel = klantinteracties.api_identificator_sleutel('kvk_nummer', "subIdentificatorVanObjectId"))))
$$;
ALTER FUNCTION klantinteracties_api.partijen_met_identificator(text, text, text) OWNER TO klantinteracties_eigenaar;
REVOKE ALL ON FUNCTION klantinteracties_api.partijen_met_identificator(text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION klantinteracties_api.partijen_met_identificator(text, text, text) TO klantinteracties_lezer;
COMMENT ON FUNCTION klantinteracties_api.partijen_met_identificator(text, text, text) IS 'Partijen met een identificator
The partijen that have an identificator of this soort (bsn, rsin, kvk_nummer, vestigingsnummer) with this value, in any spelling (111222333 = 1112.22.333), optionally under the kvk_nummer subIdentificatorVanObjectId (a vestiging by vestigingsnummer and KvK-nummer). Soort and value are matched in the same identificator, unlike Open Klant''s partijIdentificator__* filters. An invalid value is refused (22P02, HTTP 400).';

-- Kind: as the caller (definer, owner klantinteracties_eigenaar), for lezer.
CREATE OR REPLACE FUNCTION klantinteracties_api.partijen_met_digitaal_adres(adres text, "soortDigitaalAdres" text DEFAULT NULL)
	RETURNS SETOF klantinteracties_api.partijen
	LANGUAGE sql STABLE PARALLEL SAFE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
SELECT v.* FROM klantinteracties_api.partijen v
 WHERE v.uuid IN (
	SELECT d.verstrekt_door_partij
	  FROM klantinteracties.digitaal_adres d
	  JOIN (SELECT s.soort, klantinteracties.digitaal_adres_sleutel(s.soort, partijen_met_digitaal_adres.adres) AS sleutel
			  FROM unnest(enum_range(NULL::klantinteracties.soort_digitaal_adres)) AS s(soort)
			 WHERE ("soortDigitaalAdres" IS NULL
					AND CASE s.soort WHEN 'email' THEN klantinteracties.is_emailadres(partijen_met_digitaal_adres.adres)
						WHEN 'telefoonnummer' THEN klantinteracties.is_telefoonnummer(partijen_met_digitaal_adres.adres) ELSE true END)
				OR s.soort = "soortDigitaalAdres"::klantinteracties.soort_digitaal_adres) AS z
		ON d.adres_sleutel = z.sleutel AND d.soort_digitaal_adres = z.soort)
$$;
ALTER FUNCTION klantinteracties_api.partijen_met_digitaal_adres(text, text) OWNER TO klantinteracties_eigenaar;
REVOKE ALL ON FUNCTION klantinteracties_api.partijen_met_digitaal_adres(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION klantinteracties_api.partijen_met_digitaal_adres(text, text) TO klantinteracties_lezer;
COMMENT ON FUNCTION klantinteracties_api.partijen_met_digitaal_adres(text, text) IS 'Partijen met een digitaal adres
The partijen that provided this e-mail address or telephone number, compared in canonical form: e-mail ignoring case (Jan@X.nl = jan@x.nl), telephone numbers in any spelling (06-12345678 = +31612345678). Without soortDigitaalAdres every soort the value is valid for is searched; with it, a value invalid for that soort is refused (22P02, HTTP 400).';

-- By a piece of text: the search functions of 50_zoeken.sql, which keep
-- the trigram indexes under row-level security (a filter adres=ilike.*x*
-- on the views cannot use them: ILIKE is not LEAKPROOF).
-- Kind: as the caller (definer, owner klantinteracties_eigenaar), for lezer.
CREATE OR REPLACE FUNCTION klantinteracties_api.partijen_met_naamdeel(naam text)
	RETURNS SETOF klantinteracties_api.partijen
	LANGUAGE sql STABLE PARALLEL SAFE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
SELECT v.* FROM klantinteracties_api.partijen v
 WHERE v.uuid IN (SELECT z.partij FROM klantinteracties.zoek_partijen_met_naamdeel(partijen_met_naamdeel.naam) z)
$$;
ALTER FUNCTION klantinteracties_api.partijen_met_naamdeel(text) OWNER TO klantinteracties_eigenaar;
REVOKE ALL ON FUNCTION klantinteracties_api.partijen_met_naamdeel(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION klantinteracties_api.partijen_met_naamdeel(text) TO klantinteracties_lezer;
COMMENT ON FUNCTION klantinteracties_api.partijen_met_naamdeel(text) IS 'Partijen met een deel van de naam
The partijen whose name (a persoon''s or contactpersoon''s volledige naam, an organisatie''s naam) contains this piece, case-insensitively, at least 3 characters (shorter: 22023, HTTP 400). Only what the caller may see.';

-- Kind: as the caller (definer, owner klantinteracties_eigenaar), for lezer.
CREATE OR REPLACE FUNCTION klantinteracties_api.digitaleadressen_met_adresdeel(adres text, "soortDigitaalAdres" text DEFAULT NULL)
	RETURNS SETOF klantinteracties_api.digitaleadressen
	LANGUAGE sql STABLE PARALLEL SAFE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
SELECT v.* FROM klantinteracties_api.digitaleadressen v
 WHERE v.uuid IN (SELECT z.digitaal_adres
					FROM klantinteracties.zoek_partijen_met_adresdeel(digitaleadressen_met_adresdeel.adres,
						"soortDigitaalAdres"::klantinteracties.soort_digitaal_adres) z)
$$;
ALTER FUNCTION klantinteracties_api.digitaleadressen_met_adresdeel(text, text) OWNER TO klantinteracties_eigenaar;
REVOKE ALL ON FUNCTION klantinteracties_api.digitaleadressen_met_adresdeel(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION klantinteracties_api.digitaleadressen_met_adresdeel(text, text) TO klantinteracties_lezer;
COMMENT ON FUNCTION klantinteracties_api.digitaleadressen_met_adresdeel(text, text) IS 'Digitale adressen met een deel van het adres
The digitale adressen that partijen gave containing this piece, case-insensitively (part of an e-mail address or of a number as stored), at least 3 characters (shorter: 22023, HTTP 400), optionally of one soortDigitaalAdres. Only what the caller may see.';

-- Kind: as the caller (definer, owner klantinteracties_eigenaar), for lezer.
CREATE OR REPLACE FUNCTION klantinteracties_api.digitaleadressen_met_identificator("codeSoortObjectId" text, "objectId" text)
	RETURNS SETOF klantinteracties_api.digitaleadressen
	LANGUAGE sql STABLE PARALLEL SAFE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
SELECT v.* FROM klantinteracties_api.digitaleadressen v
 WHERE v.uuid IN (
	SELECT d.uuid
	  FROM klantinteracties.partij_identificator pi
	  JOIN klantinteracties.digitaal_adres d ON d.verstrekt_door_partij = pi.identificeerde_partij
	 WHERE pi.code_soort_object_id = "codeSoortObjectId"::klantinteracties.code_soort_object_id
	   AND pi.object_id_sleutel = klantinteracties.api_identificator_sleutel("codeSoortObjectId", "objectId"))
$$;
ALTER FUNCTION klantinteracties_api.digitaleadressen_met_identificator(text, text) OWNER TO klantinteracties_eigenaar;
REVOKE ALL ON FUNCTION klantinteracties_api.digitaleadressen_met_identificator(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION klantinteracties_api.digitaleadressen_met_identificator(text, text) TO klantinteracties_lezer;
COMMENT ON FUNCTION klantinteracties_api.digitaleadressen_met_identificator(text, text) IS 'Digitale adressen van een partij met een identificator
The digitale adressen provided by the partij with this identificator (for example the e-mail addresses of a BSN), the value in any spelling; Open Klant''s /digitaleadressen?verstrektDoorPartij__partijIdentificator__codeSoortObjectId=...&...objectId=..., with same-row semantics.';
