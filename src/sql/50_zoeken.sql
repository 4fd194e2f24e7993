-- Finding a klant: by identificator (zoek_partij, one partij or NULL) and by
-- e-mail address or telephone number (zoek_partijen, every partij holding
-- it).  The functions take our types, not text, so a mistyped number fails
-- with the reason instead of finding nothing, and every spelling of a number
-- finds the same partij (the lookups compare canonical forms).
-- docs/klantbeeld.md describes the identification pattern.

-- The typed identificator columns are what the klantbeeld view exposes and
-- filters on (WHERE kvk_nummer = ...; a BSN through zoek_partij(bsn), as
-- the view masks its bsn column); partial indexes, as each column is filled
-- only for its own soort.
-- @ONCE
CREATE INDEX partij_identificator_bsn_idx ON partij_identificator (bsn) WHERE bsn IS NOT NULL;
CREATE INDEX partij_identificator_rsin_idx ON partij_identificator (rsin) WHERE rsin IS NOT NULL;
CREATE INDEX partij_identificator_kvk_nummer_idx ON partij_identificator (kvk_nummer) WHERE kvk_nummer IS NOT NULL;
CREATE INDEX partij_identificator_vestigingsnummer_idx ON partij_identificator (vestigingsnummer) WHERE vestigingsnummer IS NOT NULL;
-- @END

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
ALTER VIEW partij_naam OWNER TO klantinteracties_eigenaar;
GRANT SELECT ON partij_naam TO klantinteracties_lezer;
COMMENT ON VIEW partij_naam IS 'De naam waaronder een partij getoond wordt: voor een persoon of contactpersoon voornaam (of anders voorletters), voorvoegsel en achternaam; voor een organisatie de naam; NULL als er geen naam is.';
COMMENT ON COLUMN partij_naam.partij IS 'De partij.';
COMMENT ON COLUMN partij_naam.soort_partij IS 'Soort partij: persoon, organisatie of contactpersoon.';
COMMENT ON COLUMN partij_naam.naam IS 'Weergavenaam van de partij; NULL als er geen naam is vastgelegd.';

-- zoek_partij: the identificators without a parent are unique, so at most
-- one row.  The lookup compares the typed column (bsn, rsin, kvk_nummer,
-- vestigingsnummer) with its partial index: the types' = is LEAKPROOF, so
-- under the row-level security policies the planner still makes it the
-- index condition.  The soort (an enum, whose = is not leakproof) could
-- only be a filter there, which left the (soort, key) index scanned from
-- its start: every identificator read, 0.5 ms at 10,000 partijen and
-- growing with the registry (test klantbeeld_identificatie shows the plan).
-- The lookups are PL/pgSQL, so that each keeps one generic plan per
-- session: planning under row-level security costs more than the lookup
-- (an SQL function is planned anew on every call).
-- Kind: as the caller (definer, owner klantinteracties_eigenaar), for lezer.
CREATE OR REPLACE FUNCTION zoek_partij(bsn) RETURNS uuid
	LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	SET plan_cache_mode = force_generic_plan
	AS $$
BEGIN
	RETURN (
	SELECT i.identificeerde_partij FROM klantinteracties.partij_identificator i
	 WHERE i.bsn OPERATOR(klantinteracties.=) $1 AND i.sub_identificator_van IS NULL);
END
$$;
ALTER FUNCTION zoek_partij(bsn) OWNER TO klantinteracties_eigenaar;
REVOKE ALL ON FUNCTION zoek_partij(bsn) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION zoek_partij(bsn) TO klantinteracties_lezer;
COMMENT ON FUNCTION zoek_partij(bsn) IS 'The partij identified by this BSN (identificator without parent), or NULL when no partij has it.';

-- Kind: as the caller (definer, owner klantinteracties_eigenaar), for lezer.
CREATE OR REPLACE FUNCTION zoek_partij(rsin) RETURNS uuid
	LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	SET plan_cache_mode = force_generic_plan
	AS $$
BEGIN
	RETURN (
	SELECT i.identificeerde_partij FROM klantinteracties.partij_identificator i
	 WHERE i.rsin OPERATOR(klantinteracties.=) $1 AND i.sub_identificator_van IS NULL);
END
$$;
ALTER FUNCTION zoek_partij(rsin) OWNER TO klantinteracties_eigenaar;
REVOKE ALL ON FUNCTION zoek_partij(rsin) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION zoek_partij(rsin) TO klantinteracties_lezer;
COMMENT ON FUNCTION zoek_partij(rsin) IS 'The partij identified by this RSIN (identificator without parent), or NULL when no partij has it.';

-- Kind: as the caller (definer, owner klantinteracties_eigenaar), for lezer.
CREATE OR REPLACE FUNCTION zoek_partij(kvk_nummer) RETURNS uuid
	LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	SET plan_cache_mode = force_generic_plan
	AS $$
BEGIN
	RETURN (
	SELECT i.identificeerde_partij FROM klantinteracties.partij_identificator i
	 WHERE i.kvk_nummer OPERATOR(klantinteracties.=) $1 AND i.sub_identificator_van IS NULL);
END
$$;
ALTER FUNCTION zoek_partij(kvk_nummer) OWNER TO klantinteracties_eigenaar;
REVOKE ALL ON FUNCTION zoek_partij(kvk_nummer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION zoek_partij(kvk_nummer) TO klantinteracties_lezer;
COMMENT ON FUNCTION zoek_partij(kvk_nummer) IS 'The partij identified by this KvK-nummer (the organisation itself, not one of its vestigingen), or NULL when no partij has it.';

-- A vestigingsnummer is unique only under its KvK-nummer (Open Klant #529):
-- the pair is the identity.
-- Kind: as the caller (definer, owner klantinteracties_eigenaar), for lezer.
CREATE OR REPLACE FUNCTION zoek_partij(vestigingsnummer, kvk_nummer) RETURNS uuid
	LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	SET plan_cache_mode = force_generic_plan
	AS $$
BEGIN
	RETURN (
	SELECT v.identificeerde_partij
	  FROM klantinteracties.partij_identificator k
	  JOIN klantinteracties.partij_identificator v ON v.sub_identificator_van = k.uuid
	 WHERE k.kvk_nummer OPERATOR(klantinteracties.=) $2 AND k.sub_identificator_van IS NULL
	   AND v.vestigingsnummer OPERATOR(klantinteracties.=) $1);
END
$$;
ALTER FUNCTION zoek_partij(vestigingsnummer, kvk_nummer) OWNER TO klantinteracties_eigenaar;
REVOKE ALL ON FUNCTION zoek_partij(vestigingsnummer, kvk_nummer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION zoek_partij(vestigingsnummer, kvk_nummer) TO klantinteracties_lezer;
COMMENT ON FUNCTION zoek_partij(vestigingsnummer, kvk_nummer) IS 'The partij (vestiging) identified by this vestigingsnummer under this KvK-nummer, or NULL when there is none.';

-- zoek_partijen: a digital address may belong to several partijen (a shared
-- household address, a duplicate), so these return every partij that gave
-- it, matched on the canonical key (digitaal_adres_sleutel, indexed).  One
-- function lists the partijen of the addresses found, for these and for
-- the search by a piece of an address below.
-- @ONCE
CREATE TYPE partij_met_adres AS (partij uuid, soort_partij soort_partij, naam text, indicatie_actief boolean,
								  digitaal_adres uuid, adres text);
-- @END
COMMENT ON TYPE partij_met_adres IS 'A partij found by a digitaal adres it gave: partij, soort, naam, indicatie actief, and the digitaal adres (uuid, as stored). What the zoek_partijen functions return.';

-- Kind: helper of the functions that run as the caller (invoker; only klantinteracties_eigenaar executes it).
CREATE OR REPLACE FUNCTION partijen_van_digitale_adressen(adressen uuid[]) RETURNS SETOF partij_met_adres
	LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE ROWS 2
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	SET plan_cache_mode = force_generic_plan
	AS $$
BEGIN
	RETURN QUERY
	SELECT d.verstrekt_door_partij, n.soort_partij, n.naam, p.indicatie_actief, d.uuid, d.adres::text
	  FROM klantinteracties.digitaal_adres d
	  JOIN klantinteracties.partij p ON p.uuid = d.verstrekt_door_partij
	  JOIN klantinteracties.partij_naam n ON n.partij = p.uuid
	 WHERE d.uuid = ANY (adressen)
	 ORDER BY n.naam, d.verstrekt_door_partij, d.adres;
END
$$;
REVOKE ALL ON FUNCTION partijen_van_digitale_adressen(uuid[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION partijen_van_digitale_adressen(uuid[]) TO klantinteracties_eigenaar;
COMMENT ON FUNCTION partijen_van_digitale_adressen(uuid[]) IS 'The partijen that gave these digitale adressen (addresses a betrokkene gave for one contact only are left out), by name. Serves zoek_partijen and zoek_partijen_met_adresdeel.';

-- By the canonical key of a value of the soort (22P02 for a value that is
-- none, from digitaal_adres_sleutel).
-- Kind: as the caller (definer, owner klantinteracties_eigenaar), for lezer.
CREATE OR REPLACE FUNCTION zoek_partijen(soort soort_digitaal_adres, adres text) RETURNS SETOF partij_met_adres
	LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE ROWS 2
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	SET plan_cache_mode = force_generic_plan
	AS $$
BEGIN
	RETURN QUERY SELECT * FROM klantinteracties.partijen_van_digitale_adressen(ARRAY(
		SELECT d.uuid FROM klantinteracties.digitaal_adres d
		 WHERE d.adres_sleutel = klantinteracties.digitaal_adres_sleutel(zoek_partijen.soort, zoek_partijen.adres)
		   AND d.soort_digitaal_adres = zoek_partijen.soort));
END
$$;
ALTER FUNCTION zoek_partijen(soort_digitaal_adres, text) OWNER TO klantinteracties_eigenaar;
REVOKE ALL ON FUNCTION zoek_partijen(soort_digitaal_adres, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION zoek_partijen(soort_digitaal_adres, text) TO klantinteracties_lezer;
COMMENT ON FUNCTION zoek_partijen(soort_digitaal_adres, text) IS 'Every partij that gave a digitaal adres of this soort equal to this value in canonical form (e-mail case-insensitively, telephone numbers in E.164, other soorten trimmed).';

-- Kind: invoker wrapper of a function that runs as the caller, for lezer.
CREATE OR REPLACE FUNCTION zoek_partijen(emailadres) RETURNS SETOF partij_met_adres
	LANGUAGE sql STABLE STRICT PARALLEL SAFE ROWS 2
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$ SELECT * FROM klantinteracties.zoek_partijen('email', $1::text) $$;
REVOKE ALL ON FUNCTION zoek_partijen(emailadres) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION zoek_partijen(emailadres) TO klantinteracties_lezer;
COMMENT ON FUNCTION zoek_partijen(emailadres) IS 'Every partij that gave this e-mail address, compared case-insensitively (emailadres_genormaliseerd): partij, soort, naam, indicatie actief, and the digitaal adres as stored.';

-- Kind: invoker wrapper of a function that runs as the caller, for lezer.
CREATE OR REPLACE FUNCTION zoek_partijen(telefoonnummer) RETURNS SETOF partij_met_adres
	LANGUAGE sql STABLE STRICT PARALLEL SAFE ROWS 2
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$ SELECT * FROM klantinteracties.zoek_partijen('telefoonnummer', $1::text) $$;
REVOKE ALL ON FUNCTION zoek_partijen(telefoonnummer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION zoek_partijen(telefoonnummer) TO klantinteracties_lezer;
COMMENT ON FUNCTION zoek_partijen(telefoonnummer) IS 'Every partij that gave this telephone number, in whatever spelling it was stored (compared in E.164): partij, soort, naam, indicatie actief, and the digitaal adres as stored.';

-- For people at a prompt: the text says itself whether it is a telephone
-- number or an e-mail address (an unknown literal resolves to this
-- overload).  Text that is neither fails, rather than finding nothing.
-- Kind: invoker wrapper of a function that runs as the caller, for lezer.
CREATE OR REPLACE FUNCTION zoek_partijen(text) RETURNS SETOF partij_met_adres
	LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE ROWS 2
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	citaat text;
BEGIN
	IF klantinteracties.is_telefoonnummer($1) THEN
		RETURN QUERY SELECT * FROM klantinteracties.zoek_partijen($1::klantinteracties.telefoonnummer);
	ELSIF klantinteracties.is_emailadres($1) THEN
		RETURN QUERY SELECT * FROM klantinteracties.zoek_partijen($1::klantinteracties.emailadres);
	ELSE
		-- The value quoted as the types quote a rejected value (src/ki_fmgr.c):
		-- whole up to 128 bytes, else its first 128 bytes (whole characters)
		-- and how long it was.
		citaat := pg_catalog.left($1, 128);
		WHILE pg_catalog.octet_length(citaat) > 128 LOOP
			citaat := pg_catalog.left(citaat, -1);
		END LOOP;
		RAISE EXCEPTION 'invalid input syntax for a telephone number or e-mail address: "%"%', citaat,
			CASE WHEN citaat = $1 THEN ''
				 ELSE pg_catalog.format('... (first %s of %s bytes)', pg_catalog.octet_length(citaat), pg_catalog.octet_length($1)) END
			USING ERRCODE = 'invalid_text_representation',
				  DETAIL = 'The value is neither a valid telefoonnummer nor a valid emailadres.',
				  HINT = 'Cast it to the type you mean to see why: zoek_partijen(''...''::telefoonnummer).';
	END IF;
END
$$;
REVOKE ALL ON FUNCTION zoek_partijen(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION zoek_partijen(text) TO klantinteracties_lezer;
COMMENT ON FUNCTION zoek_partijen(text) IS 'zoek_partijen for text: a valid telephone number is looked up as telefoonnummer, otherwise a valid e-mail address as emailadres; other text fails (22P02).';

-- Searching by a piece of text: a piece of a digital address or of a name,
-- case-insensitively.  Under row-level security PostgreSQL applies a
-- caller's condition below a policy only if its operator is LEAKPROOF, and
-- ILIKE is not: a plain ILIKE on the views or tables reads every row
-- (bench/04_search.notes.md).  So the search is split.  zoekdeel_kandidaten
-- finds the candidates by the trigram indexes, outside the policies; only
-- klantinteracties_eigenaar may execute it (declared beside it),
-- since its answer would tell a caller that a row it may not see matches.
-- The functions below, which run as that owner under the caller's
-- policies, read the candidates by key and test the text again on the rows
-- the caller may see: a secret partij's name or address is not found by
-- someone who may not see it.

-- The LIKE pattern for "contains fragment": wildcards in it match
-- themselves.  At least 3 characters, the trigram indexes' unit; shorter
-- pieces would read every row.  At most 500: no name (at most 412
-- characters) or digital address (80) holds a longer piece, and the work
-- of the trigram search grows with the fragment (a 10 MB fragment took
-- some 10 s; issue 12, found by test beveiliging_aanval).
-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION zoekdeel_patroon(fragment text) RETURNS text
	LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	lengte integer := pg_catalog.char_length(pg_catalog.btrim(fragment));
BEGIN
	IF lengte < 3 THEN
		RAISE EXCEPTION 'search fragment "%" is too short', fragment
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = pg_catalog.format('The fragment has %s characters after trimming, at least 3 are needed.', lengte),
				  HINT = 'Give a longer piece of the name or address.';
	ELSIF lengte > 500 THEN
		RAISE EXCEPTION 'search fragment is too long'
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = pg_catalog.format('The fragment has %s characters after trimming, at most 500 are allowed.', lengte),
				  HINT = 'No name or address is longer: give a piece of it.';
	END IF;
	RETURN '%' || pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.btrim(fragment),
		E'\\', E'\\\\'), '%', E'\\%'), '_', E'\\_') || '%';
END
$$;
COMMENT ON FUNCTION zoekdeel_patroon(text) IS E'The LIKE pattern that finds a text containing the fragment (trimmed; %, _ and \\ in it match themselves); refuses a fragment shorter than 3 or longer than 500 characters (22023).';

-- Kind: internal (definer, owned by the installing superuser: sees every row), for eigenaar.
CREATE OR REPLACE FUNCTION zoekdeel_kandidaten(soort text, fragment text) RETURNS SETOF uuid
	LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE ROWS 50
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	patroon text := klantinteracties.zoekdeel_patroon(fragment);
BEGIN
	-- The pattern as a literal, so that the planner sees it and uses the
	-- trigram index (a generic plan would not know its length).
	IF soort = 'adres' THEN
		RETURN QUERY EXECUTE pg_catalog.format(
			'SELECT d.uuid FROM klantinteracties.digitaal_adres d WHERE d.adres ILIKE %L', patroon);
	ELSIF soort = 'naam' THEN
		RETURN QUERY EXECUTE pg_catalog.format(
			'SELECT p.partij FROM klantinteracties.persoon p WHERE p.volledige_naam ILIKE %1$L
			 UNION SELECT c.partij FROM klantinteracties.contactpersoon c WHERE c.volledige_naam ILIKE %1$L
			 UNION SELECT o.partij FROM klantinteracties.organisatie o WHERE o.naam ILIKE %1$L', patroon);
	ELSE
		RAISE EXCEPTION 'unknown search "%"', soort USING ERRCODE = 'invalid_parameter_value';
	END IF;
END
$$;
REVOKE ALL ON FUNCTION zoekdeel_kandidaten(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION zoekdeel_kandidaten(text, text) TO klantinteracties_eigenaar;
COMMENT ON FUNCTION zoekdeel_kandidaten(text, text) IS 'Internal, for the owner of the search functions only: the digitale adressen (soort adres) or partijen (soort naam) whose text contains the fragment, found by the trigram indexes without row-level security; the callers test again what the caller may see.';

-- Kind: as the caller (definer, owner klantinteracties_eigenaar), for lezer.
CREATE OR REPLACE FUNCTION zoek_partijen_met_adresdeel(fragment text, soort soort_digitaal_adres DEFAULT NULL)
	RETURNS SETOF partij_met_adres
	LANGUAGE plpgsql STABLE PARALLEL SAFE ROWS 20
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	SET plan_cache_mode = force_generic_plan
	AS $$
BEGIN
	RETURN QUERY SELECT * FROM klantinteracties.partijen_van_digitale_adressen(ARRAY(
		SELECT d.uuid FROM klantinteracties.digitaal_adres d
		 WHERE d.uuid IN (SELECT klantinteracties.zoekdeel_kandidaten('adres', $1))
		   AND d.adres ILIKE klantinteracties.zoekdeel_patroon($1)
		   AND ($2 IS NULL OR d.soort_digitaal_adres = $2)));
END
$$;
ALTER FUNCTION zoek_partijen_met_adresdeel(text, soort_digitaal_adres) OWNER TO klantinteracties_eigenaar;
REVOKE ALL ON FUNCTION zoek_partijen_met_adresdeel(text, soort_digitaal_adres) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION zoek_partijen_met_adresdeel(text, soort_digitaal_adres) TO klantinteracties_lezer;
COMMENT ON FUNCTION zoek_partijen_met_adresdeel(text, soort_digitaal_adres) IS 'Every partij that gave a digitaal adres containing the fragment (case-insensitive, at least 3 characters), optionally of one soort: partij, soort, naam, indicatie actief, and the digitaal adres as stored. Uses the trigram index also under row-level security, and finds only what the caller may see.';

-- Kind: as the caller (definer, owner klantinteracties_eigenaar), for lezer.
CREATE OR REPLACE FUNCTION zoek_partijen_met_naamdeel(fragment text)
	RETURNS TABLE (partij uuid, soort_partij soort_partij, naam text, indicatie_actief boolean)
	LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE ROWS 20
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	SET plan_cache_mode = force_generic_plan
	AS $$
BEGIN
	RETURN QUERY
	SELECT p.uuid, n.soort_partij, n.naam, p.indicatie_actief
	  FROM klantinteracties.partij p
	  JOIN klantinteracties.partij_naam n ON n.partij = p.uuid
	 WHERE p.uuid IN (SELECT klantinteracties.zoekdeel_kandidaten('naam', $1))
	   AND (EXISTS (SELECT FROM klantinteracties.persoon x WHERE x.partij = p.uuid AND x.volledige_naam ILIKE klantinteracties.zoekdeel_patroon($1))
			OR EXISTS (SELECT FROM klantinteracties.contactpersoon x WHERE x.partij = p.uuid AND x.volledige_naam ILIKE klantinteracties.zoekdeel_patroon($1))
			OR EXISTS (SELECT FROM klantinteracties.organisatie x WHERE x.partij = p.uuid AND x.naam ILIKE klantinteracties.zoekdeel_patroon($1)))
	 ORDER BY n.naam, p.uuid;
END
$$;
ALTER FUNCTION zoek_partijen_met_naamdeel(text) OWNER TO klantinteracties_eigenaar;
REVOKE ALL ON FUNCTION zoek_partijen_met_naamdeel(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION zoek_partijen_met_naamdeel(text) TO klantinteracties_lezer;
COMMENT ON FUNCTION zoek_partijen_met_naamdeel(text) IS 'Every partij whose name (a persoon''s or contactpersoon''s volledige naam, an organisatie''s naam) contains the fragment (case-insensitive, at least 3 characters): partij, soort, naam, indicatie actief. Uses the trigram indexes also under row-level security, and finds only what the caller may see.';
