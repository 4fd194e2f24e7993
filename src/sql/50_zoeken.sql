-- Finding a klant: by identificator (zoek_partij, one partij or NULL) and by
-- e-mail address or telephone number (zoek_partijen, every partij holding
-- it).  The functions take our types, not text, so a mistyped number fails
-- with the reason instead of finding nothing, and every spelling of a number
-- finds the same partij (the lookups compare canonical forms).
-- docs/klantbeeld.md describes the identification pattern.

-- The typed identificator columns are what the klantbeeld view exposes and
-- filters on (WHERE bsn = ...); partial indexes, as each column is filled
-- only for its own soort.
CREATE INDEX partij_identificator_bsn_idx ON partij_identificator (bsn) WHERE bsn IS NOT NULL;
CREATE INDEX partij_identificator_rsin_idx ON partij_identificator (rsin) WHERE rsin IS NOT NULL;
CREATE INDEX partij_identificator_kvk_nummer_idx ON partij_identificator (kvk_nummer) WHERE kvk_nummer IS NOT NULL;
CREATE INDEX partij_identificator_vestigingsnummer_idx ON partij_identificator (vestigingsnummer) WHERE vestigingsnummer IS NOT NULL;

-- The name a partij is shown by, in one place.  Not volledige_naam(): the
-- name shown falls back to the voorletters without a voornaam, and is NULL
-- rather than empty.  The joins are unique, so the planner drops those a
-- query does not use.
CREATE VIEW partij_naam AS
SELECT p.uuid AS partij,
	p.soort_partij,
	CASE p.soort_partij
		WHEN 'persoon' THEN nullif(concat_ws(' ',
			nullif(coalesce(nullif(ps.contactnaam_voornaam, ''), ps.contactnaam_voorletters), ''),
			nullif(ps.contactnaam_voorvoegsel_achternaam, ''),
			nullif(ps.contactnaam_achternaam, '')), '')
		WHEN 'organisatie' THEN nullif(o.naam, '')
		WHEN 'contactpersoon' THEN nullif(concat_ws(' ',
			nullif(coalesce(nullif(cp.contactnaam_voornaam, ''), cp.contactnaam_voorletters), ''),
			nullif(cp.contactnaam_voorvoegsel_achternaam, ''),
			nullif(cp.contactnaam_achternaam, '')), '')
	END::text AS naam
FROM partij p
LEFT JOIN persoon ps ON ps.partij = p.uuid
LEFT JOIN organisatie o ON o.partij = p.uuid
LEFT JOIN contactpersoon cp ON cp.partij = p.uuid;
COMMENT ON VIEW partij_naam IS 'De naam waaronder een partij getoond wordt: voor een persoon of contactpersoon voornaam (of anders voorletters), voorvoegsel en achternaam; voor een organisatie de naam; NULL als er geen naam is.';
COMMENT ON COLUMN partij_naam.partij IS 'De partij.';
COMMENT ON COLUMN partij_naam.soort_partij IS 'Soort partij: persoon, organisatie of contactpersoon.';
COMMENT ON COLUMN partij_naam.naam IS 'Weergavenaam van de partij; NULL als er geen naam is vastgelegd.';

-- zoek_partij: the identificators without a parent are unique, so at most
-- one row; the lookup is the unique index's own key.
CREATE FUNCTION zoek_partij(bsn) RETURNS uuid
	LANGUAGE sql STABLE STRICT PARALLEL SAFE
	SET search_path = pg_catalog, klantinteracties, pg_temp
	AS $$
SELECT i.identificeerde_partij FROM partij_identificator i
 WHERE i.code_soort_object_id = 'bsn' AND i.object_id_sleutel = $1::text AND i.sub_identificator_van IS NULL
$$;
COMMENT ON FUNCTION zoek_partij(bsn) IS 'The partij identified by this BSN (identificator without parent), or NULL when no partij has it.';

CREATE FUNCTION zoek_partij(rsin) RETURNS uuid
	LANGUAGE sql STABLE STRICT PARALLEL SAFE
	SET search_path = pg_catalog, klantinteracties, pg_temp
	AS $$
SELECT i.identificeerde_partij FROM partij_identificator i
 WHERE i.code_soort_object_id = 'rsin' AND i.object_id_sleutel = $1::text AND i.sub_identificator_van IS NULL
$$;
COMMENT ON FUNCTION zoek_partij(rsin) IS 'The partij identified by this RSIN (identificator without parent), or NULL when no partij has it.';

CREATE FUNCTION zoek_partij(kvk_nummer) RETURNS uuid
	LANGUAGE sql STABLE STRICT PARALLEL SAFE
	SET search_path = pg_catalog, klantinteracties, pg_temp
	AS $$
SELECT i.identificeerde_partij FROM partij_identificator i
 WHERE i.code_soort_object_id = 'kvk_nummer' AND i.object_id_sleutel = $1::text AND i.sub_identificator_van IS NULL
$$;
COMMENT ON FUNCTION zoek_partij(kvk_nummer) IS 'The partij identified by this KvK-nummer (the organisation itself, not one of its vestigingen), or NULL when no partij has it.';

-- A vestigingsnummer is unique only under its KvK-nummer (Open Klant #529):
-- the pair is the identity.
CREATE FUNCTION zoek_partij(vestigingsnummer, kvk_nummer) RETURNS uuid
	LANGUAGE sql STABLE STRICT PARALLEL SAFE
	SET search_path = pg_catalog, klantinteracties, pg_temp
	AS $$
SELECT v.identificeerde_partij
  FROM partij_identificator k
  JOIN partij_identificator v ON v.sub_identificator_van = k.uuid
 WHERE k.code_soort_object_id = 'kvk_nummer' AND k.object_id_sleutel = $2::text AND k.sub_identificator_van IS NULL
   AND v.code_soort_object_id = 'vestigingsnummer' AND v.object_id_sleutel = $1::text
$$;
COMMENT ON FUNCTION zoek_partij(vestigingsnummer, kvk_nummer) IS 'The partij (vestiging) identified by this vestigingsnummer under this KvK-nummer, or NULL when there is none.';

-- zoek_partijen: a digital address may belong to several partijen (a shared
-- household address, a duplicate), so these return every partij that gave
-- it, matched on the canonical key (digitaal_adres_sleutel, indexed).
CREATE FUNCTION zoek_partijen(emailadres)
	RETURNS TABLE (partij uuid, soort_partij soort_partij, naam text, indicatie_actief boolean,
				   digitaal_adres uuid, adres text)
	LANGUAGE sql STABLE STRICT PARALLEL SAFE ROWS 2
	SET search_path = pg_catalog, klantinteracties, pg_temp
	AS $$
SELECT d.verstrekt_door_partij, n.soort_partij, n.naam, p.indicatie_actief, d.uuid, d.adres::text
  FROM digitaal_adres d
  JOIN partij p ON p.uuid = d.verstrekt_door_partij
  JOIN partij_naam n ON n.partij = p.uuid
 WHERE d.adres_sleutel = digitaal_adres_sleutel('email', $1::text) AND d.soort_digitaal_adres = 'email'
 ORDER BY n.naam, d.verstrekt_door_partij
$$;
COMMENT ON FUNCTION zoek_partijen(emailadres) IS 'Every partij that gave this e-mail address, compared case-insensitively (emailadres_genormaliseerd): partij, soort, naam, indicatie actief, and the digitaal adres as stored.';

CREATE FUNCTION zoek_partijen(telefoonnummer)
	RETURNS TABLE (partij uuid, soort_partij soort_partij, naam text, indicatie_actief boolean,
				   digitaal_adres uuid, adres text)
	LANGUAGE sql STABLE STRICT PARALLEL SAFE ROWS 2
	SET search_path = pg_catalog, klantinteracties, pg_temp
	AS $$
SELECT d.verstrekt_door_partij, n.soort_partij, n.naam, p.indicatie_actief, d.uuid, d.adres::text
  FROM digitaal_adres d
  JOIN partij p ON p.uuid = d.verstrekt_door_partij
  JOIN partij_naam n ON n.partij = p.uuid
 WHERE d.adres_sleutel = digitaal_adres_sleutel('telefoonnummer', $1::text) AND d.soort_digitaal_adres = 'telefoonnummer'
 ORDER BY n.naam, d.verstrekt_door_partij
$$;
COMMENT ON FUNCTION zoek_partijen(telefoonnummer) IS 'Every partij that gave this telephone number, in whatever spelling it was stored (compared in E.164): partij, soort, naam, indicatie actief, and the digitaal adres as stored.';

-- For people at a prompt: the text says itself whether it is a telephone
-- number or an e-mail address (an unknown literal resolves to this
-- overload).  Text that is neither fails, rather than finding nothing.
CREATE FUNCTION zoek_partijen(text)
	RETURNS TABLE (partij uuid, soort_partij soort_partij, naam text, indicatie_actief boolean,
				   digitaal_adres uuid, adres text)
	LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE ROWS 2
	SET search_path = pg_catalog, klantinteracties, pg_temp
	AS $$
BEGIN
	IF klantinteracties.is_telefoonnummer($1) THEN
		RETURN QUERY SELECT * FROM klantinteracties.zoek_partijen($1::klantinteracties.telefoonnummer);
	ELSIF klantinteracties.is_emailadres($1) THEN
		RETURN QUERY SELECT * FROM klantinteracties.zoek_partijen($1::klantinteracties.emailadres);
	ELSE
		RAISE EXCEPTION 'invalid input syntax for a telephone number or e-mail address: "%"', $1
			USING ERRCODE = 'invalid_text_representation',
				  DETAIL = 'The value is neither a valid telefoonnummer nor a valid emailadres.',
				  HINT = 'Cast it to the type you mean to see why: zoek_partijen(''...''::telefoonnummer).';
	END IF;
END
$$;
COMMENT ON FUNCTION zoek_partijen(text) IS 'zoek_partijen for text: a valid telephone number is looked up as telefoonnummer, otherwise a valid e-mail address as emailadres; other text fails (22P02).';
