-- Duplicates.  Identified partijen cannot be registered twice (the
-- identificator is unique), but partijen without an identificator can
-- (VNG Klantinteracties, "klant identificeren": they cannot be matched by identifier).  Staff get
-- mogelijke_dubbelen (likely duplicates, scored, with the reasons) and
-- voeg_partijen_samen (merge one partij into another, in one transaction,
-- refusing conflicts so that nothing is lost).

-- Candidates at the same postcode (mogelijke_dubbelen).  The
-- correspondentieadres is mostly empty, and the lookup is an equality
-- (= ANY of the two postcodes, which implies IS NOT NULL): partial.
-- @ONCE
CREATE INDEX partij_bezoekadres_postcode_idx ON partij (bezoekadres_postcode);
CREATE INDEX partij_correspondentieadres_postcode_idx ON partij (correspondentieadres_postcode)
	WHERE correspondentieadres_postcode IS NOT NULL;

-- Where merged partijen went.  A session that adds a klantcontact for a
-- partij while another session merges that partij away must neither fail
-- nor leave the contact behind: the trigger below sends its betrokkene to
-- the partij that was kept, which it can only know from this table once the
-- merging transaction has committed.  It is also the merge history: an old
-- uuid in an application finds its successor here.
CREATE TABLE samengevoegde_partij (
	opgeheven_partij uuid NOT NULL,
	behouden_partij uuid NOT NULL,
	geregistreerd_op timestamptz NOT NULL DEFAULT now(),
	gewijzigd_op timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT samengevoegde_partij_pkey PRIMARY KEY (opgeheven_partij),
	CONSTRAINT samengevoegde_partij_behouden_partij_fkey FOREIGN KEY (behouden_partij)
		REFERENCES partij (uuid) ON DELETE CASCADE
);
CREATE INDEX samengevoegde_partij_behouden_partij_idx ON samengevoegde_partij (behouden_partij);
-- @END
-- @UPDATE 0.1.0
DROP INDEX partij_correspondentieadres_postcode_idx;
CREATE INDEX partij_correspondentieadres_postcode_idx ON partij (correspondentieadres_postcode)
	WHERE correspondentieadres_postcode IS NOT NULL;
-- @END
COMMENT ON TABLE samengevoegde_partij IS 'Samengevoegde partijen (voeg_partijen_samen): welke partij opging in welke. Een betrokkene die naar een opgeheven partij verwijst, gaat naar de behouden partij; ook de geschiedenis van samenvoegingen.';
COMMENT ON COLUMN samengevoegde_partij.opgeheven_partij IS 'De uuid van de partij die werd opgeheven (bestaat niet meer).';
COMMENT ON COLUMN samengevoegde_partij.behouden_partij IS 'De partij waarin zij opging; na een latere samenvoeging van die partij de uiteindelijke opvolger.';
COMMENT ON COLUMN samengevoegde_partij.geregistreerd_op IS 'Tijdstip van de samenvoeging (door de database bijgehouden).';
COMMENT ON COLUMN samengevoegde_partij.gewijzigd_op IS 'Tijdstip van de laatste wijziging van de rij (door de database bijgehouden).';
-- Every table with registration timestamps, this the last of them, gets
-- the registratie_bijwerken trigger (40_registratie.sql).  Here, where they
-- all exist, so that an install and an update (which finds every table
-- there from its start) create the same triggers.
DO $$
DECLARE
	tabel regclass;
BEGIN
	FOR tabel IN
		SELECT a.attrelid::regclass FROM pg_catalog.pg_attribute a
		  JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
		 WHERE c.relnamespace = 'klantinteracties'::regnamespace AND c.relkind = 'r'
		   AND a.attname = 'geregistreerd_op'
	LOOP
		EXECUTE format('CREATE TRIGGER registratie_bijwerken BEFORE UPDATE ON %s '
					   'FOR EACH ROW EXECUTE FUNCTION klantinteracties.registratie_bijwerken()', tabel);
	END LOOP;
END
$$;
SELECT pg_catalog.pg_extension_config_dump('samengevoegde_partij', '');

-- The lock is the point: if a merge holds the partij (FOR UPDATE), this
-- waits until it commits, then finds the row gone and, with a new snapshot
-- (READ COMMITTED), the merge's entry in samengevoegde_partij.  Without it
-- the foreign-key check would wait the same way and then fail (23503).
-- Kind: internal (definer, owned by the installing superuser: sees every row).
CREATE OR REPLACE FUNCTION betrokkene_samengevoegde_partij() RETURNS trigger
	LANGUAGE plpgsql VOLATILE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	opvolger uuid;
BEGIN
	PERFORM FROM klantinteracties.partij p WHERE p.uuid = NEW.was_partij FOR KEY SHARE;
	IF NOT FOUND THEN
		SELECT s.behouden_partij INTO opvolger
		  FROM klantinteracties.samengevoegde_partij s WHERE s.opgeheven_partij = NEW.was_partij;
		IF FOUND THEN
			NEW.was_partij := opvolger;
		END IF;
	END IF;
	RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION betrokkene_samengevoegde_partij() FROM PUBLIC;
COMMENT ON FUNCTION betrokkene_samengevoegde_partij() IS 'Trigger function (BEFORE INSERT OR UPDATE OF was_partij on betrokkene): a betrokkene of a partij that was merged away (samengevoegde_partij) goes to the partij that was kept, also when the merge commits while the betrokkene is being written.';

CREATE TRIGGER betrokkene_samengevoegde_partij BEFORE INSERT OR UPDATE OF was_partij ON betrokkene
	FOR EACH ROW WHEN (NEW.was_partij IS NOT NULL)
	EXECUTE FUNCTION betrokkene_samengevoegde_partij();

-- The filled fields of an adres group of a row given as JSON (to_jsonb of a
-- partij): {} when the address is empty.  Two addresses are the same when
-- these objects are equal.
-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION adresgroep(rij jsonb, groep text) RETURNS jsonb
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
SELECT coalesce(jsonb_object_agg(substr(e.key, length(groep) + 2), e.value), '{}')
  FROM jsonb_each(rij) AS e
 WHERE starts_with(e.key, groep || '_') AND e.value NOT IN ('null', '""')
$$;
COMMENT ON FUNCTION adresgroep(jsonb, text) IS 'The filled fields of an adres group (bezoekadres, correspondentieadres) of a row given as JSON, without the prefix; {} when the address is empty.';

-- pg_trgm's similarity(text, text), called in the schema pg_trgm is
-- installed in, which only the install knows: the function is written
-- here with that schema, quoted, as its one name (CREATE EXTENSION refused
-- a writable one, 00_prelude.sql).  Definer of the installer, so that the
-- owner of mogelijke_dubbelen needs no privilege on that schema.
-- Kind: internal (definer, owned by the installing superuser; pure: only its arguments).
DO $$
BEGIN
	EXECUTE pg_catalog.format($f$CREATE OR REPLACE FUNCTION klantinteracties.trigram_gelijkenis(a pg_catalog.text, b pg_catalog.text)
	RETURNS pg_catalog.float4
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS 'SELECT %I.similarity(a, b)'$f$,
		(SELECT n.nspname FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
		  WHERE e.extname = 'pg_trgm'));
END
$$;
REVOKE ALL ON FUNCTION trigram_gelijkenis(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION trigram_gelijkenis(text, text) TO klantinteracties_eigenaar;
COMMENT ON FUNCTION trigram_gelijkenis(text, text) IS 'pg_trgm''s similarity(a, b), in the schema pg_trgm is installed in; for mogelijke_dubbelen.';

-- Signals and their weights (the score is their sum, at most 1): the same
-- e-mail address 0.5, the same telephone number 0.4 (both compared in
-- canonical form), a similar name (pg_trgm similarity of at least 0.4)
-- at one of the partij's postcodes 0.5 x similarity.  Only partijen of the
-- same soort; never two partijen with different identificators of one
-- soort (two BSNs are two people).
-- Kind: as the caller (definer, owner klantinteracties_eigenaar), for lezer.
CREATE OR REPLACE FUNCTION mogelijke_dubbelen(partij uuid)
	RETURNS TABLE (kandidaat uuid, naam text, score numeric, redenen text[])
	LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
#variable_conflict use_column
BEGIN
	RETURN QUERY
	WITH doel AS (
		SELECT p.uuid, p.soort_partij, n.naam, p.bezoekadres_postcode, p.correspondentieadres_postcode
		  FROM klantinteracties.partij p JOIN klantinteracties.partij_naam n ON n.partij = p.uuid
		 WHERE p.uuid = mogelijke_dubbelen.partij),
	signalen AS (
		SELECT d2.verstrekt_door_partij AS kandidaat,
			   CASE d1.soort_digitaal_adres WHEN 'email' THEN 0.5 ELSE 0.4 END AS gewicht,
			   format('zelfde %s %s', CASE d1.soort_digitaal_adres WHEN 'email' THEN 'e-mailadres'
					  ELSE 'telefoonnummer' END, d1.adres_sleutel) AS reden
		  FROM klantinteracties.digitaal_adres d1
		  JOIN klantinteracties.digitaal_adres d2
			ON d2.adres_sleutel = d1.adres_sleutel AND d2.soort_digitaal_adres = d1.soort_digitaal_adres
		 WHERE d1.verstrekt_door_partij = mogelijke_dubbelen.partij
		   AND d1.soort_digitaal_adres IN ('email', 'telefoonnummer')
		   AND d2.verstrekt_door_partij <> mogelijke_dubbelen.partij
		UNION ALL
		SELECT p2.uuid, 0.5 * klantinteracties.trigram_gelijkenis(n2.naam, doel.naam)::numeric,
			   format('gelijkende naam (%s) en zelfde postcode',
					  round(klantinteracties.trigram_gelijkenis(n2.naam, doel.naam)::numeric, 2))
		  FROM doel
		  JOIN klantinteracties.partij p2
			ON p2.uuid <> doel.uuid
		   AND (p2.bezoekadres_postcode OPERATOR(klantinteracties.=) ANY (ARRAY[doel.bezoekadres_postcode, doel.correspondentieadres_postcode])
				OR p2.correspondentieadres_postcode OPERATOR(klantinteracties.=) ANY (ARRAY[doel.bezoekadres_postcode, doel.correspondentieadres_postcode]))
		  JOIN klantinteracties.partij_naam n2 ON n2.partij = p2.uuid
		 WHERE klantinteracties.trigram_gelijkenis(n2.naam, doel.naam) >= 0.4)
	SELECT s.kandidaat, n.naam, round(least(1.0, sum(s.gewicht)), 2), array_agg(s.reden ORDER BY s.gewicht DESC, s.reden)
	  FROM signalen s
	  JOIN klantinteracties.partij_naam n ON n.partij = s.kandidaat
	  JOIN doel ON n.soort_partij = doel.soort_partij
	 WHERE NOT EXISTS (SELECT FROM klantinteracties.partij_identificator a
						 JOIN klantinteracties.partij_identificator c USING (code_soort_object_id)
						WHERE a.identificeerde_partij = mogelijke_dubbelen.partij
						  AND c.identificeerde_partij = s.kandidaat)
	 GROUP BY s.kandidaat, n.naam
	 ORDER BY 3 DESC, 2, 1;
END
$$;
ALTER FUNCTION mogelijke_dubbelen(uuid) OWNER TO klantinteracties_eigenaar;
REVOKE ALL ON FUNCTION mogelijke_dubbelen(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mogelijke_dubbelen(uuid) TO klantinteracties_lezer;
COMMENT ON FUNCTION mogelijke_dubbelen(uuid) IS 'Likely duplicates of a partij, highest score first: partijen of the same soort with the same e-mail address (0.5) or telephone number (0.4), or a similar name (pg_trgm similarity >= 0.4) at the same postcode (0.5 x similarity); score is the sum, at most 1, with the reasons. Partijen with another identificator of the same soort are not listed.';

-- Merging: everything of `opheffen` moves to `behouden`, then `opheffen`
-- is deleted.  The rule for every value: it moves, or fills an empty place,
-- or equals what is there; when two different values compete for one
-- place, the merge is refused (SQLSTATE 23K01, class 23 integrity
-- violation, K for klantinteracties) listing every conflict, and nothing is
-- changed.  docs/klantbeeld.md lists the rules per kind of data.
-- Kind: as the caller (definer, owner klantinteracties_eigenaar), for schrijver.
CREATE OR REPLACE FUNCTION voeg_partijen_samen(behouden uuid, opheffen uuid) RETURNS jsonb
	LANGUAGE plpgsql VOLATILE STRICT
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	b klantinteracties.partij;
	o klantinteracties.partij;
	id uuid;
	groep text;
	conflicten text[] := '{}';
	notitie text;
	n_betrokkenen bigint;
	n_identificatoren bigint;
	n_samengevoegde_adressen bigint;
	n_adressen bigint;
	n_rekeningnummers bigint;
	n_vertegenwoordigingen bigint;
	n_vertegenwoordigingen2 bigint;
	n_categorie_relaties bigint;
	n_contactpersonen bigint;
BEGIN
	-- A merge moves every row of both partijen, also those the caller cannot
	-- see (a BSN identificator without bsn, the rows under a secret partij
	-- without geheim): it would dissolve them unseen, or merge two people
	-- with different BSNs.  So it needs both scopes; refused alike whatever
	-- the partijen hold, the refusal tells nothing about them.
	IF NOT (klantinteracties.heeft_scope('bsn') AND klantinteracties.heeft_scope('geheim')) THEN
		RAISE EXCEPTION 'merging partijen needs the scopes bsn and geheim'
			USING ERRCODE = 'insufficient_privilege',
				  DETAIL = 'A merge moves every row of both partijen, including BSN identificators and the rows of secret partijen, which the caller must be able to see.',
				  HINT = 'Ask someone with the bsn and geheim scopes (klantinteracties_bsn, klantinteracties_geheim) to merge.';
	END IF;
	IF behouden = opheffen THEN
		RAISE EXCEPTION 'cannot merge partij % with itself', behouden USING ERRCODE = 'invalid_parameter_value';
	END IF;

	-- Both rows, locked in uuid order so that two merges of overlapping
	-- partijen cannot deadlock.  FOR UPDATE: opheffen is deleted; behouden
	-- may get opheffen's nummer (a key column).
	FOREACH id IN ARRAY ARRAY[least(behouden, opheffen), greatest(behouden, opheffen)] LOOP
		IF id = behouden THEN
			SELECT * INTO b FROM klantinteracties.partij p WHERE p.uuid = id FOR UPDATE;
		ELSE
			SELECT * INTO o FROM klantinteracties.partij p WHERE p.uuid = id FOR UPDATE;
		END IF;
		IF NOT FOUND THEN
			RAISE EXCEPTION 'partij % does not exist', id USING ERRCODE = 'no_data_found';
		END IF;
	END LOOP;

	-- Conflicts, all collected before anything changes.
	IF b.soort_partij <> o.soort_partij THEN
		conflicten := conflicten || format('Partij %s has soort %s, partij %s soort %s.',
										   behouden, b.soort_partij, opheffen, o.soort_partij);
	END IF;
	IF b.nummer IS NOT NULL AND o.nummer IS NOT NULL THEN
		conflicten := conflicten || format('Both have a nummer: %s and %s.', b.nummer, o.nummer);
	END IF;
	IF b.voorkeurstaal <> '' AND o.voorkeurstaal <> '' AND b.voorkeurstaal <> o.voorkeurstaal THEN
		conflicten := conflicten || format('Both have a voorkeurstaal: %s and %s.', b.voorkeurstaal, o.voorkeurstaal);
	END IF;
	notitie := CASE WHEN b.interne_notitie = '' THEN o.interne_notitie
					WHEN o.interne_notitie IN ('', b.interne_notitie) THEN b.interne_notitie
					ELSE b.interne_notitie || E'\n' || o.interne_notitie END;
	IF char_length(notitie) > 1000 THEN
		conflicten := conflicten || format('Their interne notities together have %s characters; at most 1000 fit.',
										   char_length(notitie));
	END IF;
	FOREACH groep IN ARRAY ARRAY['bezoekadres', 'correspondentieadres'] LOOP
		IF klantinteracties.adresgroep(to_jsonb(b), groep) NOT IN ('{}', klantinteracties.adresgroep(to_jsonb(o), groep))
		   AND klantinteracties.adresgroep(to_jsonb(o), groep) <> '{}' THEN
			conflicten := conflicten || format('Both have a %s, and they differ: %s and %s.', groep,
				klantinteracties.adresgroep(to_jsonb(b), groep), klantinteracties.adresgroep(to_jsonb(o), groep));
		END IF;
	END LOOP;
	conflicten := conflicten || ARRAY(
		SELECT format('Both have a %s identificator: %s and %s.', ib.code_soort_object_id,
					  ib.object_id_sleutel, io.object_id_sleutel)
		  FROM klantinteracties.partij_identificator ib
		  JOIN klantinteracties.partij_identificator io USING (code_soort_object_id)
		 WHERE ib.identificeerde_partij = behouden AND io.identificeerde_partij = opheffen
		 ORDER BY 1);
	conflicten := conflicten || ARRAY(
		SELECT format('Both have a different %s: "%s" and "%s".', v.veld, v.waarde_b, v.waarde_o)
		  FROM klantinteracties.persoon pb, klantinteracties.persoon po,
			   LATERAL (VALUES ('voorletters', pb.contactnaam_voorletters, po.contactnaam_voorletters),
							   ('voornaam', pb.contactnaam_voornaam, po.contactnaam_voornaam),
							   ('voorvoegsel_achternaam', pb.contactnaam_voorvoegsel_achternaam,
								po.contactnaam_voorvoegsel_achternaam),
							   ('achternaam', pb.contactnaam_achternaam, po.contactnaam_achternaam))
				   AS v(veld, waarde_b, waarde_o)
		 WHERE pb.partij = behouden AND po.partij = opheffen
		   AND v.waarde_b <> '' AND v.waarde_o <> '' AND v.waarde_b <> v.waarde_o
		UNION ALL
		SELECT format('Both have a different %s: "%s" and "%s".', v.veld, v.waarde_b, v.waarde_o)
		  FROM klantinteracties.contactpersoon cb, klantinteracties.contactpersoon co,
			   LATERAL (VALUES ('voorletters', cb.contactnaam_voorletters, co.contactnaam_voorletters),
							   ('voornaam', cb.contactnaam_voornaam, co.contactnaam_voornaam),
							   ('voorvoegsel_achternaam', cb.contactnaam_voorvoegsel_achternaam,
								co.contactnaam_voorvoegsel_achternaam),
							   ('achternaam', cb.contactnaam_achternaam, co.contactnaam_achternaam),
							   ('werkte_voor_partij', coalesce(cb.werkte_voor_partij::text, ''),
								coalesce(co.werkte_voor_partij::text, '')))
				   AS v(veld, waarde_b, waarde_o)
		 WHERE cb.partij = behouden AND co.partij = opheffen
		   AND v.waarde_b <> '' AND v.waarde_o <> '' AND v.waarde_b <> v.waarde_o
		UNION ALL
		SELECT format('Both have a different naam: "%s" and "%s".', ob.naam, oo.naam)
		  FROM klantinteracties.organisatie ob, klantinteracties.organisatie oo
		 WHERE ob.partij = behouden AND oo.partij = opheffen
		   AND ob.naam <> '' AND oo.naam <> '' AND ob.naam <> oo.naam);
	-- The same digitaal adres on both merges into behouden's row, unless
	-- their omschrijving or referentie differ; a referentie must stay
	-- unique per soort on behouden.
	conflicten := conflicten || ARRAY(
		SELECT format('Both have %s %s, with a different %s: "%s" and "%s".', db.soort_digitaal_adres, db.adres,
					  v.veld, v.waarde_b, v.waarde_o)
		  FROM klantinteracties.digitaal_adres db
		  JOIN klantinteracties.digitaal_adres dop
			ON dop.soort_digitaal_adres = db.soort_digitaal_adres AND dop.adres_sleutel = db.adres_sleutel,
			   LATERAL (VALUES ('omschrijving', db.omschrijving, dop.omschrijving),
							   ('referentie', db.referentie, dop.referentie)) AS v(veld, waarde_b, waarde_o)
		 WHERE db.verstrekt_door_partij = behouden AND dop.verstrekt_door_partij = opheffen
		   AND v.waarde_b <> '' AND v.waarde_o <> '' AND v.waarde_b <> v.waarde_o
		UNION ALL
		SELECT format('Both have referentie "%s" for a %s adres: %s and %s.', dop.referentie,
					  dop.soort_digitaal_adres, db.adres, dop.adres)
		  FROM klantinteracties.digitaal_adres db
		  JOIN klantinteracties.digitaal_adres dop
			ON dop.soort_digitaal_adres = db.soort_digitaal_adres AND dop.referentie = db.referentie
		 WHERE db.verstrekt_door_partij = behouden AND dop.verstrekt_door_partij = opheffen
		   AND dop.referentie <> '' AND dop.adres_sleutel <> db.adres_sleutel);
	-- The same IBAN on both merges into one, unless their BICs differ.
	conflicten := conflicten || ARRAY(
		SELECT format('IBAN %s has different BICs: %s.', r.iban, string_agg(DISTINCT r.bic::text, ', '))
		  FROM klantinteracties.rekeningnummer r
		 WHERE r.partij IN (behouden, opheffen)
		   AND r.iban OPERATOR(klantinteracties.=) ANY (SELECT rb.iban FROM klantinteracties.rekeningnummer rb WHERE rb.partij = behouden
						  INTERSECT
						  SELECT ro.iban FROM klantinteracties.rekeningnummer ro WHERE ro.partij = opheffen)
		 GROUP BY r.iban
		HAVING count(DISTINCT r.bic) > 1);
	IF cardinality(conflicten) > 0 THEN
		RAISE EXCEPTION 'cannot merge partij % into partij %: % conflict(s)', opheffen, behouden, cardinality(conflicten)
			USING ERRCODE = '23K01', DETAIL = array_to_string(conflicten, E'\n'),
				  HINT = 'Correct or remove one of the two values of each conflict, then merge again. Nothing was changed.';
	END IF;

	-- Contact history and identificators move as they are (a vestigingsnummer
	-- under opheffen's KvK-nummer keeps its parent: the row moves).
	UPDATE klantinteracties.betrokkene SET was_partij = behouden WHERE was_partij = opheffen;
	GET DIAGNOSTICS n_betrokkenen = ROW_COUNT;
	UPDATE klantinteracties.partij_identificator SET identificeerde_partij = behouden
	 WHERE identificeerde_partij = opheffen;
	GET DIAGNOSTICS n_identificatoren = ROW_COUNT;

	-- Digitale adressen.  Behouden keeps its voorkeurs- and standaard
	-- adressen; opheffen's flags carry over only where behouden has none.
	-- The same address on both: behouden's row takes over what it lacks,
	-- then opheffen's row goes (or, if a betrokkene gave it too, stays with
	-- the betrokkene, as when a partij is deleted).
	UPDATE klantinteracties.digitaal_adres db SET
		omschrijving = CASE WHEN db.omschrijving = '' THEN dop.omschrijving ELSE db.omschrijving END,
		referentie = CASE WHEN db.referentie = '' THEN dop.referentie ELSE db.referentie END,
		verificatie_datum = greatest(db.verificatie_datum, dop.verificatie_datum),
		is_standaard_adres = db.is_standaard_adres OR (dop.is_standaard_adres AND NOT EXISTS (
			SELECT FROM klantinteracties.digitaal_adres x WHERE x.verstrekt_door_partij = behouden
			   AND x.soort_digitaal_adres = db.soort_digitaal_adres AND x.is_standaard_adres)),
		is_voorkeursadres = db.is_voorkeursadres OR (dop.is_voorkeursadres AND NOT EXISTS (
			SELECT FROM klantinteracties.digitaal_adres x WHERE x.verstrekt_door_partij = behouden
			   AND x.is_voorkeursadres))
	  FROM klantinteracties.digitaal_adres dop
	 WHERE db.verstrekt_door_partij = behouden AND dop.verstrekt_door_partij = opheffen
	   AND dop.soort_digitaal_adres = db.soort_digitaal_adres AND dop.adres_sleutel = db.adres_sleutel;
	GET DIAGNOSTICS n_samengevoegde_adressen = ROW_COUNT;
	UPDATE klantinteracties.digitaal_adres dop
	   SET verstrekt_door_partij = NULL, is_standaard_adres = false, is_voorkeursadres = false
	 WHERE dop.verstrekt_door_partij = opheffen AND dop.verstrekt_door_betrokkene IS NOT NULL
	   AND EXISTS (SELECT FROM klantinteracties.digitaal_adres db WHERE db.verstrekt_door_partij = behouden
					  AND db.soort_digitaal_adres = dop.soort_digitaal_adres AND db.adres_sleutel = dop.adres_sleutel);
	DELETE FROM klantinteracties.digitaal_adres dop
	 WHERE dop.verstrekt_door_partij = opheffen
	   AND EXISTS (SELECT FROM klantinteracties.digitaal_adres db WHERE db.verstrekt_door_partij = behouden
					  AND db.soort_digitaal_adres = dop.soort_digitaal_adres AND db.adres_sleutel = dop.adres_sleutel);
	UPDATE klantinteracties.digitaal_adres d SET
		verstrekt_door_partij = behouden,
		is_standaard_adres = d.is_standaard_adres AND NOT EXISTS (
			SELECT FROM klantinteracties.digitaal_adres x WHERE x.verstrekt_door_partij = behouden
			   AND x.soort_digitaal_adres = d.soort_digitaal_adres AND x.is_standaard_adres),
		is_voorkeursadres = d.is_voorkeursadres AND NOT EXISTS (
			SELECT FROM klantinteracties.digitaal_adres x WHERE x.verstrekt_door_partij = behouden
			   AND x.is_voorkeursadres)
	 WHERE d.verstrekt_door_partij = opheffen;
	GET DIAGNOSTICS n_adressen = ROW_COUNT;

	-- Rekeningnummers likewise (the same IBAN merges, the BIC fills in).
	UPDATE klantinteracties.rekeningnummer rb SET
		bic = coalesce(rb.bic, ro.bic),
		is_voorkeursrekeningnummer = rb.is_voorkeursrekeningnummer OR (ro.is_voorkeursrekeningnummer AND NOT EXISTS (
			SELECT FROM klantinteracties.rekeningnummer x WHERE x.partij = behouden AND x.is_voorkeursrekeningnummer))
	  FROM klantinteracties.rekeningnummer ro
	 WHERE rb.partij = behouden AND ro.partij = opheffen AND ro.iban OPERATOR(klantinteracties.=) rb.iban;
	DELETE FROM klantinteracties.rekeningnummer ro
	 WHERE ro.partij = opheffen
	   AND EXISTS (SELECT FROM klantinteracties.rekeningnummer rb WHERE rb.partij = behouden AND rb.iban OPERATOR(klantinteracties.=) ro.iban);
	UPDATE klantinteracties.rekeningnummer r SET
		partij = behouden,
		is_voorkeursrekeningnummer = r.is_voorkeursrekeningnummer AND NOT EXISTS (
			SELECT FROM klantinteracties.rekeningnummer x WHERE x.partij = behouden AND x.is_voorkeursrekeningnummer)
	 WHERE r.partij = opheffen;
	GET DIAGNOSTICS n_rekeningnummers = ROW_COUNT;

	-- Vertegenwoordigingen in both directions; one that behouden already has,
	-- or one between the two partijen (which are now one), goes.
	DELETE FROM klantinteracties.vertegenwoordiging v
	 WHERE (v.vertegenwoordigende_partij = opheffen
			AND (v.vertegenwoordigde_partij = behouden
				 OR EXISTS (SELECT FROM klantinteracties.vertegenwoordiging x
							 WHERE x.vertegenwoordigende_partij = behouden
							   AND x.vertegenwoordigde_partij = v.vertegenwoordigde_partij)))
		OR (v.vertegenwoordigde_partij = opheffen
			AND (v.vertegenwoordigende_partij = behouden
				 OR EXISTS (SELECT FROM klantinteracties.vertegenwoordiging x
							 WHERE x.vertegenwoordigde_partij = behouden
							   AND x.vertegenwoordigende_partij = v.vertegenwoordigende_partij)));
	UPDATE klantinteracties.vertegenwoordiging SET vertegenwoordigende_partij = behouden
	 WHERE vertegenwoordigende_partij = opheffen;
	GET DIAGNOSTICS n_vertegenwoordigingen = ROW_COUNT;
	UPDATE klantinteracties.vertegenwoordiging SET vertegenwoordigde_partij = behouden
	 WHERE vertegenwoordigde_partij = opheffen;
	GET DIAGNOSTICS n_vertegenwoordigingen2 = ROW_COUNT;

	UPDATE klantinteracties.categorie_relatie SET partij = behouden WHERE partij = opheffen;
	GET DIAGNOSTICS n_categorie_relaties = ROW_COUNT;
	UPDATE klantinteracties.contactpersoon SET werkte_voor_partij = behouden WHERE werkte_voor_partij = opheffen;
	GET DIAGNOSTICS n_contactpersonen = ROW_COUNT;

	-- Details (same soort, checked above): fill behouden's empty fields, or
	-- move opheffen's row when behouden has none.
	UPDATE klantinteracties.persoon pb SET
		contactnaam_voorletters = CASE WHEN pb.contactnaam_voorletters = '' THEN po.contactnaam_voorletters
			ELSE pb.contactnaam_voorletters END,
		contactnaam_voornaam = CASE WHEN pb.contactnaam_voornaam = '' THEN po.contactnaam_voornaam
			ELSE pb.contactnaam_voornaam END,
		contactnaam_voorvoegsel_achternaam = CASE WHEN pb.contactnaam_voorvoegsel_achternaam = ''
			THEN po.contactnaam_voorvoegsel_achternaam ELSE pb.contactnaam_voorvoegsel_achternaam END,
		contactnaam_achternaam = CASE WHEN pb.contactnaam_achternaam = '' THEN po.contactnaam_achternaam
			ELSE pb.contactnaam_achternaam END
	  FROM klantinteracties.persoon po
	 WHERE pb.partij = behouden AND po.partij = opheffen;
	UPDATE klantinteracties.persoon SET partij = behouden
	 WHERE partij = opheffen AND NOT EXISTS (SELECT FROM klantinteracties.persoon x WHERE x.partij = behouden);
	UPDATE klantinteracties.organisatie ob SET naam = oo.naam
	  FROM klantinteracties.organisatie oo
	 WHERE ob.partij = behouden AND oo.partij = opheffen AND ob.naam = '';
	UPDATE klantinteracties.organisatie SET partij = behouden
	 WHERE partij = opheffen AND NOT EXISTS (SELECT FROM klantinteracties.organisatie x WHERE x.partij = behouden);
	UPDATE klantinteracties.contactpersoon cb SET
		werkte_voor_partij = coalesce(cb.werkte_voor_partij, co.werkte_voor_partij),
		contactnaam_voorletters = CASE WHEN cb.contactnaam_voorletters = '' THEN co.contactnaam_voorletters
			ELSE cb.contactnaam_voorletters END,
		contactnaam_voornaam = CASE WHEN cb.contactnaam_voornaam = '' THEN co.contactnaam_voornaam
			ELSE cb.contactnaam_voornaam END,
		contactnaam_voorvoegsel_achternaam = CASE WHEN cb.contactnaam_voorvoegsel_achternaam = ''
			THEN co.contactnaam_voorvoegsel_achternaam ELSE cb.contactnaam_voorvoegsel_achternaam END,
		contactnaam_achternaam = CASE WHEN cb.contactnaam_achternaam = '' THEN co.contactnaam_achternaam
			ELSE cb.contactnaam_achternaam END
	  FROM klantinteracties.contactpersoon co
	 WHERE cb.partij = behouden AND co.partij = opheffen;
	UPDATE klantinteracties.contactpersoon SET partij = behouden
	 WHERE partij = opheffen AND NOT EXISTS (SELECT FROM klantinteracties.contactpersoon x WHERE x.partij = behouden);

	-- The partij's own fields: empty ones filled, the notities joined,
	-- geheimhouding kept if either asked for it.  indicatie_actief stays
	-- behouden's.
	UPDATE klantinteracties.partij p SET
		voorkeurstaal = CASE WHEN p.voorkeurstaal = '' THEN o.voorkeurstaal ELSE p.voorkeurstaal END,
		interne_notitie = notitie,
		indicatie_geheimhouding = CASE WHEN b.indicatie_geheimhouding OR o.indicatie_geheimhouding THEN true
			ELSE coalesce(b.indicatie_geheimhouding, o.indicatie_geheimhouding) END
	 WHERE p.uuid = behouden;
	IF klantinteracties.adresgroep(to_jsonb(b), 'bezoekadres') = '{}' THEN
		UPDATE klantinteracties.partij p SET
			(bezoekadres_nummeraanduiding_id, bezoekadres_straatnaam, bezoekadres_huisnummer,
			 bezoekadres_huisnummertoevoeging, bezoekadres_postcode, bezoekadres_stad, bezoekadres_adresregel1,
			 bezoekadres_adresregel2, bezoekadres_adresregel3, bezoekadres_land) =
			(o.bezoekadres_nummeraanduiding_id, o.bezoekadres_straatnaam, o.bezoekadres_huisnummer,
			 o.bezoekadres_huisnummertoevoeging, o.bezoekadres_postcode, o.bezoekadres_stad,
			 o.bezoekadres_adresregel1, o.bezoekadres_adresregel2, o.bezoekadres_adresregel3, o.bezoekadres_land)
		 WHERE p.uuid = behouden;
	END IF;
	IF klantinteracties.adresgroep(to_jsonb(b), 'correspondentieadres') = '{}' THEN
		UPDATE klantinteracties.partij p SET
			(correspondentieadres_nummeraanduiding_id, correspondentieadres_straatnaam,
			 correspondentieadres_huisnummer, correspondentieadres_huisnummertoevoeging,
			 correspondentieadres_postcode, correspondentieadres_stad, correspondentieadres_adresregel1,
			 correspondentieadres_adresregel2, correspondentieadres_adresregel3, correspondentieadres_land) =
			(o.correspondentieadres_nummeraanduiding_id, o.correspondentieadres_straatnaam,
			 o.correspondentieadres_huisnummer, o.correspondentieadres_huisnummertoevoeging,
			 o.correspondentieadres_postcode, o.correspondentieadres_stad, o.correspondentieadres_adresregel1,
			 o.correspondentieadres_adresregel2, o.correspondentieadres_adresregel3, o.correspondentieadres_land)
		 WHERE p.uuid = behouden;
	END IF;

	-- Record where opheffen went (and where the partijen merged into it
	-- earlier went), then delete it: only its own detail row, if any, is
	-- left to cascade.  Its nummer is free for behouden after that.
	UPDATE klantinteracties.samengevoegde_partij SET behouden_partij = behouden WHERE behouden_partij = opheffen;
	INSERT INTO klantinteracties.samengevoegde_partij (opgeheven_partij, behouden_partij) VALUES (opheffen, behouden);
	DELETE FROM klantinteracties.partij p WHERE p.uuid = opheffen;
	IF b.nummer IS NULL AND o.nummer IS NOT NULL THEN
		UPDATE klantinteracties.partij p SET nummer = o.nummer WHERE p.uuid = behouden;
	END IF;

	RETURN jsonb_build_object(
		'behouden', behouden,
		'opgeheven', opheffen,
		'verplaatst', jsonb_build_object(
			'betrokkenen', n_betrokkenen,
			'partijIdentificatoren', n_identificatoren,
			'digitaleAdressen', n_adressen,
			'samengevoegdeDigitaleAdressen', n_samengevoegde_adressen,
			'rekeningnummers', n_rekeningnummers,
			'vertegenwoordigingen', n_vertegenwoordigingen + n_vertegenwoordigingen2,
			'categorieRelaties', n_categorie_relaties,
			'contactpersonen', n_contactpersonen));
END
$$;
ALTER FUNCTION voeg_partijen_samen(uuid, uuid) OWNER TO klantinteracties_eigenaar;
REVOKE ALL ON FUNCTION voeg_partijen_samen(uuid, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION voeg_partijen_samen(uuid, uuid) TO klantinteracties_schrijver;
COMMENT ON FUNCTION voeg_partijen_samen(uuid, uuid) IS 'Merges partij opheffen into partij behouden in one transaction and deletes opheffen: betrokkenen (its klantcontacten), identificators, digitale adressen, rekeningnummers, vertegenwoordigingen, categorie-relaties and contactpersonen move; empty fields of behouden are filled. Two different values for one place (two BSNs, two addresses, two names, ...) refuse the merge with SQLSTATE 23K01, every conflict listed, nothing changed. Returns what moved.';
