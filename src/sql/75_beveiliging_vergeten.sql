-- Security, part 6: erasure (AVG art. 17).  vergeet_partij removes a
-- partij's personal data from every place it lives, and keeps the
-- klantcontacten, anonymised, so that statistics and the municipality's
-- own records survive:
--
--   * the partij and what only exists for it (details, identificators,
--     digitale adressen, rekeningnummers, vertegenwoordigingen,
--     categorie-relaties) are deleted;
--   * its betrokkenen stay, without partij, name and addresses; the digitale
--     adressen they gave are deleted;
--   * the klantcontacten it took part in lose inhoud and reactie (what the
--     klant said, what was answered); onderwerp, metadata and the texts of
--     their interne taken keep their words except the partij's values
--     (identifiers, names, addresses, numbers), which become "[vergeten]";
--   * the audit trail: the history of the partij's own rows (and of the
--     partijen merged into it) keeps who did what when, without the
--     values; the history of its klantcontacten,
--     interne taken and betrokkenen is redacted as they are; anywhere else
--     the partij's identifiers (BSN, e-mail, phone, IBAN, ...) are redacted;
--   * the outbox: earlier events about the partij are deleted (they hold
--     only references); the erasure's own destroy event stays, marked
--     "vergeten", so that subscribers can erase their copies;
--   * the access log keeps who looked when, with the purpose redacted.
--
-- Its own changes are audited without values (vergeten_bezig()), and
-- vergeetlog records the erasure with a report of what was removed.
-- docs/security.md says what it cannot reach (WAL, backups, free text
-- spelled otherwise).

-- The regular expression that finds a value in text: the value itself; a
-- number (BSN, phone number) also in other spellings, with single spaces,
-- dots or hyphens between its digits.
-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION vergeet_patroon(waarde text) RETURNS text
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
SELECT CASE WHEN waarde ~ '^[0-9]+$'
	THEN '(?<![0-9])' || pg_catalog.array_to_string(pg_catalog.regexp_split_to_array(waarde, ''), '[ .-]?') || '(?![0-9])'
	ELSE pg_catalog.regexp_replace(waarde, E'([.*+?^${}()|\\[\\]\\\\])', E'\\\\\\1', 'g') END
$$;
COMMENT ON FUNCTION vergeet_patroon(text) IS 'The regular expression that finds a value in text: the value with its special characters escaped; for digits only, also with single spaces, dots or hyphens between the digits.';

-- Replaces each of the values (case-insensitive, longest first) in a text.
-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION vergeet_tekst(tekst text, waarden text[]) RETURNS text
	LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	waarde text;
BEGIN
	IF tekst IS NULL THEN
		RETURN NULL;
	END IF;
	FOR waarde IN SELECT w FROM (SELECT DISTINCT w FROM pg_catalog.unnest(waarden) AS w WHERE pg_catalog.length(w) > 0) AS d
				   ORDER BY pg_catalog.length(w) DESC, w
	LOOP
		tekst := pg_catalog.regexp_replace(tekst, klantinteracties.vergeet_patroon(waarde), '[vergeten]', 'gi');
	END LOOP;
	RETURN tekst;
END
$$;
COMMENT ON FUNCTION vergeet_tekst(text, text[]) IS 'The text with every occurrence of each value (vergeet_patroon: numbers in any grouping) replaced by [vergeten], case-insensitively, longest value first.';

-- The same inside JSON (the audit trail's row images), and the given keys
-- emptied.
-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION vergeet_json(rij jsonb, waarden text[], leeg text[] DEFAULT '{}') RETURNS jsonb
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
SELECT CASE WHEN rij IS NOT NULL THEN
	coalesce((SELECT pg_catalog.jsonb_object_agg(e.key, CASE WHEN e.key = ANY (leeg) AND e.value <> 'null' THEN '""'::jsonb
															  ELSE e.value END)
				FROM pg_catalog.jsonb_each(klantinteracties.vergeet_tekst(rij::text, waarden)::jsonb) AS e), '{}') END
$$;
COMMENT ON FUNCTION vergeet_json(jsonb, text[], text[]) IS 'A JSON object with every occurrence of the values replaced by [vergeten] (vergeet_tekst on its text) and the keys in leeg set to "" (when not null).';

-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION vergeet_partij(partij uuid, reden text DEFAULT '') RETURNS jsonb
	LANGUAGE plpgsql VOLATILE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	p uuid := vergeet_partij.partij;
	-- The partij and those merged into it (voeg_partijen_samen): their
	-- history is hers.
	ids uuid[];
	w jsonb := klantinteracties.wie();
	tx xid8 := pg_catalog.pg_current_xact_id();
	log_id bigint;
	betrokkenen uuid[];
	klantcontacten uuid[];
	taken uuid[];
	-- Values that identify the partij wherever they occur (redacted in the
	-- whole audit trail), and all of its values, names and addresses
	-- included (redacted in what it took part in).
	kenmerken text[];
	waarden text[];
	-- One regular expression for all of kenmerken: one scan of the log.
	patroon text;
	n_audit_geschoond bigint;
	n_audit_geredigeerd bigint;
	n_audit_elders bigint;
	n_gebeurtenissen bigint;
	n_inzage bigint;
	verslag jsonb;
BEGIN
	IF NOT klantinteracties.heeft_scope('beheer') THEN
		RAISE EXCEPTION 'vergeet_partij requires the beheer scope' USING ERRCODE = 'insufficient_privilege';
	END IF;
	PERFORM FROM klantinteracties.partij x WHERE x.uuid = p FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'partij % does not exist', p USING ERRCODE = 'no_data_found';
	END IF;
	-- From here on the audit trigger records without values, and the
	-- audit trail may be cleaned (vergeten_bezig()).
	INSERT INTO klantinteracties.vergeetlog (partij, reden, gebruiker, rol, subject, applicatie, verzoek)
	VALUES (p, coalesce(reden, ''), w ->> 'gebruiker', w ->> 'rol', w ->> 'subject', w ->> 'applicatie', w ->> 'verzoek')
	RETURNING id INTO log_id;
	WITH RECURSIVE opgegaan(id) AS (
		SELECT p
		UNION
		SELECT s.opgeheven_partij FROM klantinteracties.samengevoegde_partij s JOIN opgegaan o ON s.behouden_partij = o.id)
	SELECT pg_catalog.array_agg(id) INTO ids FROM opgegaan;

	SELECT coalesce(pg_catalog.array_agg(b.uuid), '{}'), coalesce(pg_catalog.array_agg(DISTINCT b.had_klantcontact), '{}')
	  INTO betrokkenen, klantcontacten
	  FROM klantinteracties.betrokkene b WHERE b.was_partij = p;
	SELECT coalesce(pg_catalog.array_agg(t.uuid), '{}') INTO taken
	  FROM klantinteracties.interne_taak t WHERE t.aanleidinggevend_klantcontact = ANY (klantcontacten);

	SELECT coalesce(pg_catalog.array_agg(DISTINCT v), '{}') INTO kenmerken
	  FROM (SELECT i.object_id AS v FROM klantinteracties.partij_identificator i WHERE i.identificeerde_partij = p
			UNION ALL SELECT i.object_id_sleutel FROM klantinteracties.partij_identificator i WHERE i.identificeerde_partij = p
			UNION ALL SELECT u.v FROM klantinteracties.digitaal_adres d,
				LATERAL (VALUES (d.adres), (d.adres_sleutel),
						 (klantinteracties.telefoonnummer_nationaal(d.adres_telefoonnummer)),
						 (klantinteracties.telefoonnummer_internationaal(d.adres_telefoonnummer))) AS u(v)
			 WHERE d.verstrekt_door_partij = p OR d.verstrekt_door_betrokkene = ANY (betrokkenen)
			UNION ALL SELECT r.iban::text FROM klantinteracties.rekeningnummer r WHERE r.partij = p
			UNION ALL SELECT x.nummer FROM klantinteracties.partij x WHERE x.uuid = p) AS k
	 WHERE pg_catalog.length(v) >= 5;
	SELECT pg_catalog.string_agg(klantinteracties.vergeet_patroon(k), '|') INTO patroon FROM pg_catalog.unnest(kenmerken) AS k;
	SELECT kenmerken || coalesce(pg_catalog.array_agg(DISTINCT v), '{}') INTO waarden
	  FROM (SELECT u.v FROM klantinteracties.persoon x,
				LATERAL (VALUES (x.volledige_naam), (x.contactnaam_voornaam), (x.contactnaam_achternaam),
						 (pg_catalog.btrim(x.contactnaam_voorvoegsel_achternaam || ' ' || x.contactnaam_achternaam)),
						 (pg_catalog.btrim(x.contactnaam_voorletters || ' ' || x.contactnaam_voorvoegsel_achternaam || ' ' || x.contactnaam_achternaam))) AS u(v)
			 WHERE x.partij = p
			UNION ALL SELECT u.v FROM klantinteracties.contactpersoon x,
				LATERAL (VALUES (x.volledige_naam), (x.contactnaam_voornaam), (x.contactnaam_achternaam),
						 (pg_catalog.btrim(x.contactnaam_voorvoegsel_achternaam || ' ' || x.contactnaam_achternaam))) AS u(v)
			 WHERE x.partij = p
			UNION ALL SELECT u.v FROM klantinteracties.betrokkene x,
				LATERAL (VALUES (x.volledige_naam), (x.contactnaam_voornaam), (x.contactnaam_achternaam),
						 (pg_catalog.btrim(x.contactnaam_voorvoegsel_achternaam || ' ' || x.contactnaam_achternaam))) AS u(v)
			 WHERE x.uuid = ANY (betrokkenen)
			UNION ALL SELECT x.naam FROM klantinteracties.organisatie x WHERE x.partij = p
			UNION ALL SELECT u.v FROM klantinteracties.partij x,
				LATERAL (VALUES (x.bezoekadres_straatnaam || ' ' || x.bezoekadres_huisnummer),
						 (x.correspondentieadres_straatnaam || ' ' || x.correspondentieadres_huisnummer),
						 (x.bezoekadres_adresregel1), (x.bezoekadres_adresregel2), (x.bezoekadres_adresregel3),
						 (x.correspondentieadres_adresregel1), (x.correspondentieadres_adresregel2),
						 (x.correspondentieadres_adresregel3)) AS u(v)
			 WHERE x.uuid = p) AS n
	 WHERE pg_catalog.length(v) >= 3;

	-- What it took part in: anonymise, redact.
	DELETE FROM klantinteracties.digitaal_adres d WHERE d.verstrekt_door_betrokkene = ANY (betrokkenen);
	UPDATE klantinteracties.betrokkene b
	   SET was_partij = NULL,
		   contactnaam_voorletters = '', contactnaam_voornaam = '', contactnaam_voorvoegsel_achternaam = '',
		   contactnaam_achternaam = '',
		   bezoekadres_nummeraanduiding_id = NULL, bezoekadres_straatnaam = '', bezoekadres_huisnummer = NULL,
		   bezoekadres_huisnummertoevoeging = '', bezoekadres_postcode = NULL, bezoekadres_stad = '',
		   bezoekadres_adresregel1 = '', bezoekadres_adresregel2 = '', bezoekadres_adresregel3 = '',
		   bezoekadres_land = NULL,
		   correspondentieadres_nummeraanduiding_id = NULL, correspondentieadres_straatnaam = '',
		   correspondentieadres_huisnummer = NULL, correspondentieadres_huisnummertoevoeging = '',
		   correspondentieadres_postcode = NULL, correspondentieadres_stad = '', correspondentieadres_adresregel1 = '',
		   correspondentieadres_adresregel2 = '', correspondentieadres_adresregel3 = '', correspondentieadres_land = NULL
	 WHERE b.uuid = ANY (betrokkenen);
	UPDATE klantinteracties.klantcontact k
	   SET inhoud = '', reactie = '',
		   onderwerp = klantinteracties.vergeet_tekst(k.onderwerp, waarden),
		   metadata = klantinteracties.vergeet_json(k.metadata, waarden)
	 WHERE k.uuid = ANY (klantcontacten);
	UPDATE klantinteracties.interne_taak t
	   SET gevraagde_handeling = klantinteracties.vergeet_tekst(t.gevraagde_handeling, waarden),
		   toelichting = klantinteracties.vergeet_tekst(t.toelichting, waarden)
	 WHERE t.uuid = ANY (taken);

	-- The partij and what only exists for it (ON DELETE CASCADE).
	DELETE FROM klantinteracties.partij x WHERE x.uuid = p;

	-- The audit trail, except this erasure's own rows (without values).
	UPDATE klantinteracties.wijzigingslog l SET oud = NULL, nieuw = NULL, subject = klantinteracties.vergeet_tekst(l.subject, kenmerken), vergeten = true
	 WHERE l.partijen && ids AND l.transactie <> tx;
	GET DIAGNOSTICS n_audit_geschoond = ROW_COUNT;
	UPDATE klantinteracties.wijzigingslog l
	   SET oud = klantinteracties.vergeet_json(l.oud, waarden, '{inhoud,reactie}'),
		   nieuw = klantinteracties.vergeet_json(l.nieuw, waarden, '{inhoud,reactie}'),
		   subject = klantinteracties.vergeet_tekst(l.subject, kenmerken), vergeten = true
	 WHERE l.transactie <> tx AND NOT l.partijen && ids
	   AND ((l.tabel = 'klantcontact' AND l.sleutel = ANY (klantcontacten::text[]))
			OR (l.tabel = 'interne_taak' AND l.sleutel = ANY (taken::text[]))
			OR (l.tabel = 'betrokkene' AND l.sleutel = ANY (betrokkenen::text[]))
			OR (l.tabel = 'digitaal_adres' AND l.partijen = '{}'
				AND coalesce(l.oud, l.nieuw) ->> 'verstrekt_door_betrokkene' = ANY (betrokkenen::text[])));
	GET DIAGNOSTICS n_audit_geredigeerd = ROW_COUNT;
	UPDATE klantinteracties.wijzigingslog l
	   SET oud = klantinteracties.vergeet_json(l.oud, kenmerken),
		   nieuw = klantinteracties.vergeet_json(l.nieuw, kenmerken),
		   subject = klantinteracties.vergeet_tekst(l.subject, kenmerken)
	 WHERE l.transactie <> tx
	   AND concat_ws(' ', l.oud::text, l.nieuw::text, l.subject) ~* patroon;
	GET DIAGNOSTICS n_audit_elders = ROW_COUNT;

	-- The outbox: earlier events about it; its destroy event says vergeten.
	DELETE FROM klantinteracties.gebeurtenis g WHERE g.resource_uuid = ANY (ids) AND g.transactie <> tx;
	GET DIAGNOSTICS n_gebeurtenissen = ROW_COUNT;
	UPDATE klantinteracties.gebeurtenis g
	   SET cloudevent = pg_catalog.jsonb_set(g.cloudevent, '{data,kenmerken}', '{"vergeten": true}')
	 WHERE g.resource_uuid = p AND g.transactie = tx;

	-- The access log: who looked when stays; the purpose is redacted.
	UPDATE klantinteracties.inzagelog i
	   SET doelbinding = klantinteracties.vergeet_tekst(i.doelbinding, CASE WHEN i.partij = ANY (ids) THEN waarden ELSE kenmerken END),
		   subject = klantinteracties.vergeet_tekst(i.subject, kenmerken)
	 WHERE i.partij = ANY (ids) OR concat_ws(' ', i.doelbinding, i.subject) ~* patroon;
	GET DIAGNOSTICS n_inzage = ROW_COUNT;

	-- The report: what this transaction's audit rows say was deleted or
	-- changed, per table, and what was cleaned.
	SELECT pg_catalog.jsonb_build_object(
		'partij', p,
		'verwijderd', coalesce((SELECT pg_catalog.jsonb_object_agg(t.tabel, t.n ORDER BY t.tabel)
			FROM (SELECT l.tabel, count(*) AS n FROM klantinteracties.wijzigingslog l
				   WHERE l.transactie = tx AND l.bewerking = 'DELETE' GROUP BY l.tabel) AS t), '{}'),
		'geanonimiseerd', coalesce((SELECT pg_catalog.jsonb_object_agg(t.tabel, t.n ORDER BY t.tabel)
			FROM (SELECT l.tabel, count(DISTINCT l.sleutel) AS n FROM klantinteracties.wijzigingslog l
				   WHERE l.transactie = tx AND l.bewerking = 'UPDATE' AND l.tabel IN ('betrokkene', 'klantcontact', 'interne_taak')
				   GROUP BY l.tabel) AS t), '{}'),
		'wijzigingslog', pg_catalog.jsonb_build_object('zonder_waarden', n_audit_geschoond,
			'geredigeerd', n_audit_geredigeerd, 'elders_geredigeerd', n_audit_elders),
		'gebeurtenissen_verwijderd', n_gebeurtenissen,
		'inzagelog_geredigeerd', n_inzage)
	  INTO verslag;
	UPDATE klantinteracties.vergeetlog v SET voltooid_op = pg_catalog.clock_timestamp(), rapport = verslag
	 WHERE v.id = log_id;
	RETURN verslag;
END
$$;
REVOKE ALL ON FUNCTION vergeet_partij(uuid, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION vergeet_partij(uuid, text) TO klantinteracties_beheer;
COMMENT ON FUNCTION vergeet_partij(uuid, text) IS 'Erasure (AVG art. 17, needs the beheer scope): deletes the partij and what only exists for it, anonymises its betrokkenen and the klantcontacten and interne taken it took part in, removes or redacts its values in the audit trail, the outbox and the access log, records the erasure in vergeetlog, and returns a report (JSON) of what it removed. Fails with 42501 without the beheer scope, P0002 for an unknown partij.';
