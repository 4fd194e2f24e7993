-- The klantbeeld and the working lists over REST: /rpc/klantbeeld,
-- /rpc/contacthistorie and /rpc/open_taken wrap the functions of
-- 52_klantbeeld.sql and 53_opvolging.sql.  Identifiers arrive as text (a
-- query string), are cast to their types, so a mistyped BSN is a 400 that
-- says why, and an unknown partij is a 404 (SQLSTATE PT404, which PostgREST
-- answers with that status), as Open Klant answers
-- for a resource that does not exist.  STABLE: PostgREST serves them on GET.

-- Kind: invoker wrapper of klantbeeld(), executable by nobody until a DBA grants it (see maak_api_rollen).
CREATE OR REPLACE FUNCTION klantinteracties_api.klantbeeld(partij uuid DEFAULT NULL, bsn text DEFAULT NULL,
												"kvkNummer" text DEFAULT NULL) RETURNS jsonb
	LANGUAGE plpgsql STABLE PARALLEL SAFE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	beeld jsonb;
BEGIN
	IF num_nonnulls(partij, bsn, "kvkNummer") <> 1 THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = 'klantbeeld: give exactly one of partij, bsn and kvkNummer',
			HINT = 'For example /rpc/klantbeeld?bsn=999993653.';
	END IF;
	beeld := CASE
		WHEN partij IS NOT NULL THEN klantinteracties.klantbeeld(partij)
		WHEN bsn IS NOT NULL THEN klantinteracties.klantbeeld(bsn::klantinteracties.bsn)
		ELSE klantinteracties.klantbeeld("kvkNummer"::klantinteracties.kvk_nummer) END;
	IF beeld IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'PT404', MESSAGE = 'klantbeeld: no partij found';
	END IF;
	RETURN beeld;
END
$$;
REVOKE ALL ON FUNCTION klantinteracties_api.klantbeeld(uuid, text, text) FROM PUBLIC;
COMMENT ON FUNCTION klantinteracties_api.klantbeeld(uuid, text, text) IS 'Klantbeeld van een partij
The whole picture of one partij as one JSON document (docs/klantbeeld.md): the partij, identificatoren, digitale adressen, rekeningnummers, vertegenwoordigingen, contactpersonen and klantcontacten (newest first) with onderwerpobjecten, bijlagen, actoren and interne taken. Give exactly one of partij (uuid), bsn or kvkNummer; a malformed number is refused (400), an unknown partij is 404.';

-- Kind: invoker wrapper of a function that runs as the caller, for lezer.
CREATE OR REPLACE FUNCTION klantinteracties_api.contacthistorie(partij uuid, van timestamptz DEFAULT NULL,
													 tot timestamptz DEFAULT NULL, kanaal text DEFAULT NULL)
	RETURNS TABLE (klantcontact jsonb, "plaatsgevondenOp" timestamptz, kanaal text, onderwerp text,
				   rollen text[], initiator boolean, "indicatieContactGelukt" boolean, vertrouwelijk boolean,
				   "openInterneTaken" bigint)
	LANGUAGE sql STABLE PARALLEL SAFE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
SELECT klantinteracties.api_ref('klantcontacten', h.klantcontact), h.plaatsgevonden_op, h.kanaal, h.onderwerp,
	   h.rollen::text[], h.initiator, h.indicatie_contact_gelukt, h.vertrouwelijk, h.open_interne_taken
  FROM klantinteracties.contacthistorie($1, $2, $3, $4) h
$$;
REVOKE ALL ON FUNCTION klantinteracties_api.contacthistorie(uuid, timestamptz, timestamptz, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION klantinteracties_api.contacthistorie(uuid, timestamptz, timestamptz, text) TO klantinteracties_lezer;
COMMENT ON FUNCTION klantinteracties_api.contacthistorie(uuid, timestamptz, timestamptz, text) IS 'Contacthistorie van een partij
The klantcontacten of a partij, newest first, optionally within [van, tot) and on one kanaal: the klantcontact as {uuid, url}, when, kanaal, onderwerp, the partij''s rollen, whether it took the initiative, indicaties and the number of open interne taken.';

-- Kind: invoker wrapper of a function that runs as the caller, for lezer.
CREATE OR REPLACE FUNCTION klantinteracties_api.open_taken(actor uuid DEFAULT NULL)
	RETURNS TABLE (actor jsonb, "actorNaam" text, "interneTaak" jsonb, "gevraagdeHandeling" text,
				   toelichting text, "toegewezenOp" timestamptz, klantcontact jsonb, kanaal text,
				   onderwerp text, "plaatsgevondenOp" timestamptz)
	LANGUAGE sql STABLE PARALLEL SAFE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
SELECT klantinteracties.api_ref('actoren', t.actor), t.actor_naam,
	   klantinteracties.api_ref('internetaken', t.interne_taak), t.gevraagde_handeling, t.toelichting,
	   t.toegewezen_op, klantinteracties.api_ref('klantcontacten', t.klantcontact), t.kanaal, t.onderwerp,
	   t.plaatsgevonden_op
  FROM klantinteracties.open_taken($1) t
$$;
REVOKE ALL ON FUNCTION klantinteracties_api.open_taken(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION klantinteracties_api.open_taken(uuid) TO klantinteracties_lezer;
COMMENT ON FUNCTION klantinteracties_api.open_taken(uuid) IS 'Open interne taken
Interne taken with status te_verwerken of one actor (all actors without it), oldest assignment first, with the klantcontact they came from; references as {uuid, url}.';
