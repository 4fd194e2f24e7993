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
--     (identifiers, names, addresses, numbers), which are redacted;
--   * everywhere else (the free text of the registry, vrije_teksten(), the
--     audit trail, the outbox, the access log, the record of erasures) her
--     identifiers, full names, DigiD pseudonyms and request ids are
--     redacted, in every spelling the types accept;
--   * the audit trail: the history of the partij's own rows (and of the
--     partijen merged into it) keeps who did what when, without the
--     values; the history of its klantcontacten, interne taken and
--     betrokkenen is redacted as they are;
--   * the outbox: earlier events about the partij are deleted (they hold
--     only references); the erasure's own destroy event stays, marked
--     "vergeten", so that subscribers can erase their copies;
--   * the access log keeps who looked when, with the purpose redacted.
--
-- Its own changes are audited without values (vergeten_bezig()), and
-- vergeetlog records the erasure with a report of what was removed.  It
-- refuses to run where its changes would go unrecorded
-- (vastlegging_controleren()).  docs/security.md says what it cannot reach
-- (WAL, backups, free text spelled otherwise).
--
-- Finding is one pass per text (src/vergeet_core.c): the person's values
-- become a set of canonical keys once (vergeet_sleutelset), and each
-- candidate in a text (a number, an IBAN, an e-mail address, a run of
-- words) is parsed by its type's parser and looked up in the set.  The
-- helpers are pure and take the set as bytea (any bytea is safe: every
-- access to it is bounds-checked); they serve retention too.

-- 0.1.0 built one regular expression per value, quadratic in the number
-- of values and rows.
-- @UPDATE 0.1.0
DROP FUNCTION vergeet_json(jsonb, text[], text[]);
DROP FUNCTION vergeet_tekst(text, text[]);
DROP FUNCTION vergeet_patroon(text);
-- @END

-- Kind: pure (invoker, executable by PUBLIC), as the five below.
CREATE OR REPLACE FUNCTION vergeet_sleutelset(soorten text[], waarden text[]) RETURNS bytea
	AS 'MODULE_PATHNAME', 'ki_vergeet_sleutelset'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SECURITY INVOKER;
COMMENT ON FUNCTION vergeet_sleutelset(text[], text[]) IS 'The set of canonical keys of a person''s values, for vergeet_tekst and vergeet_json: each waarde parsed by the type its soort names (bsn, rsin, kvk_nummer, vestigingsnummer, telefoonnummer, email, iban); any other soort, and a value its parser refuses, is a run of words (lower-cased). Internal to erasure.';

CREATE OR REPLACE FUNCTION vergeet_sleutels(sleutelset bytea) RETURNS text[]
	AS 'MODULE_PATHNAME', 'ki_vergeet_sleutels'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SECURITY INVOKER;
COMMENT ON FUNCTION vergeet_sleutels(bytea) IS 'The keys of a set made by vergeet_sleutelset, sorted, as text (kind letter, colon, canonical value); for tests and review.';

CREATE OR REPLACE FUNCTION vergeet_tekst(tekst text, sleutelset bytea) RETURNS text
	AS 'MODULE_PATHNAME', 'ki_vergeet_tekst'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SECURITY INVOKER;
COMMENT ON FUNCTION vergeet_tekst(text, bytea) IS 'The text with every value of the set found in it (in any spelling its type accepts; names by their words, case-insensitively) replaced by [vergeten], or by as many asterisks as it had characters when fewer than ten; one pass. The text itself when nothing is found.';

CREATE OR REPLACE FUNCTION vergeet_bevat(tekst text, sleutelset bytea) RETURNS boolean
	AS 'MODULE_PATHNAME', 'ki_vergeet_bevat'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SECURITY INVOKER;
COMMENT ON FUNCTION vergeet_bevat(text, bytea) IS 'True when vergeet_tekst would change the text.';

CREATE OR REPLACE FUNCTION vergeet_json(rij jsonb, sleutelset bytea, leeg text[]) RETURNS jsonb
	AS 'MODULE_PATHNAME', 'ki_vergeet_json'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SECURITY INVOKER;
COMMENT ON FUNCTION vergeet_json(jsonb, bytea, text[]) IS 'A JSON value with vergeet_tekst applied to every key and string (a number holding a value becomes the string of its redacted text), and the top-level keys named in leeg set to "" unless null or empty. The value itself when nothing changes.';

CREATE OR REPLACE FUNCTION vergeet_bevat(rij jsonb, sleutelset bytea) RETURNS boolean
	AS 'MODULE_PATHNAME', 'ki_vergeet_bevat_json'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SECURITY INVOKER;
COMMENT ON FUNCTION vergeet_bevat(jsonb, bytea) IS 'True when a key or scalar of the JSON value holds a value of the set (vergeet_json with an empty leeg would change it).';

-- For the tests: bytes examined and keys compared, linear in the text.
-- Kind: pure.
CREATE OR REPLACE FUNCTION vergeet_werk(tekst text, sleutelset bytea) RETURNS bigint
	AS 'MODULE_PATHNAME', 'ki_vergeet_werk'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SECURITY INVOKER;
COMMENT ON FUNCTION vergeet_werk(text, bytea) IS 'The work of vergeet_tekst on the text: bytes examined plus keys compared; the tests show it grows linearly with the text and with the logarithm of the set.';

-- The free text of the registry and its records: the columns where people
-- or clients write what they like, searched for a person's values on
-- erasure.  Test beveiliging_vergeten lists every other text or JSON
-- column of the extension's tables (codes, keys, URLs, validated values,
-- the person's own registered values), so that a new column shows up there.
-- Kind: pure.
CREATE OR REPLACE FUNCTION vrije_teksten() RETURNS TABLE (tabel name, kolom name)
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
VALUES ('partij'::name, 'interne_notitie'::name),
	('partij', 'bezoekadres_adresregel1'), ('partij', 'bezoekadres_adresregel2'), ('partij', 'bezoekadres_adresregel3'),
	('partij', 'correspondentieadres_adresregel1'), ('partij', 'correspondentieadres_adresregel2'),
	('partij', 'correspondentieadres_adresregel3'),
	('partij_identificator', 'andere_partij_identificator'),
	('digitaal_adres', 'omschrijving'),
	('klantcontact', 'onderwerp'), ('klantcontact', 'inhoud'), ('klantcontact', 'reactie'), ('klantcontact', 'metadata'),
	('betrokkene', 'bezoekadres_adresregel1'), ('betrokkene', 'bezoekadres_adresregel2'),
	('betrokkene', 'bezoekadres_adresregel3'), ('betrokkene', 'correspondentieadres_adresregel1'),
	('betrokkene', 'correspondentieadres_adresregel2'), ('betrokkene', 'correspondentieadres_adresregel3'),
	('onderwerpobject', 'onderwerpobjectidentificator_object_id'),
	('bijlage', 'bijlageidentificator_object_id'),
	('actor', 'actoridentificator_object_id'),
	('geautomatiseerde_actor', 'omschrijving'), ('organisatorische_eenheid', 'omschrijving'),
	('interne_taak', 'gevraagde_handeling'), ('interne_taak', 'toelichting'),
	('wijzigingslog', 'oud'), ('wijzigingslog', 'nieuw'), ('wijzigingslog', 'subject'),
	('wijzigingslog', 'applicatie'), ('wijzigingslog', 'verzoek'),
	('inzagelog', 'doelbinding'), ('inzagelog', 'subject'), ('inzagelog', 'applicatie'), ('inzagelog', 'verzoek'),
	('vergeetlog', 'reden'), ('vergeetlog', 'subject'), ('vergeetlog', 'applicatie'), ('vergeetlog', 'verzoek'),
	('gebeurtenis', 'cloudevent')
$$;
COMMENT ON FUNCTION vrije_teksten() IS 'The free-text columns of the extension''s tables (text, varchar or jsonb that people or clients fill as they like), which vergeet_partij searches for a person''s identifiers, full names, pseudonyms and request ids.';

-- Erasure refuses to run where its changes would go unrecorded: while
-- row_security is off (the audit and outbox triggers then record nothing,
-- for pg_restore's sake), under session_replication_role = replica (no
-- ordinary trigger fires), or with an audit or outbox trigger disabled.
-- Retention uses it too.  Kind: pure (invoker: it reads the caller's
-- settings and the catalog only).
CREATE OR REPLACE FUNCTION vastlegging_controleren(handeling text) RETURNS void
	LANGUAGE plpgsql STABLE PARALLEL SAFE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	uit text;
BEGIN
	IF pg_catalog.current_setting('row_security') <> 'on' THEN
		RAISE EXCEPTION '% refuses to run while row_security is off', handeling
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  DETAIL = 'The audit trail and the change events record nothing while row_security is off, so its changes would leave no trace and no subscriber would hear of them.',
				  HINT = 'Run it with row_security on (the default): RESET row_security.';
	END IF;
	IF pg_catalog.current_setting('session_replication_role') NOT IN ('origin', 'local') THEN
		RAISE EXCEPTION '% refuses to run under session_replication_role = %', handeling,
				pg_catalog.current_setting('session_replication_role')
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  DETAIL = 'Under session_replication_role = replica no ordinary trigger fires: the audit trail and the change events would record nothing.',
				  HINT = 'Run it with session_replication_role = origin (the default).';
	END IF;
	SELECT pg_catalog.string_agg(pg_catalog.format('%s on %s', t.tgname, t.tgrelid::regclass), ', ' ORDER BY t.tgrelid::regclass::text, t.tgname)
	  INTO uit
	  FROM pg_catalog.pg_trigger t
	 WHERE t.tgfoid IN ('klantinteracties.wijziging_vastleggen'::pg_catalog.regproc,
						'klantinteracties.gebeurtenis_schrijven'::pg_catalog.regproc)
	   AND t.tgenabled NOT IN ('O', 'A');
	IF uit IS NOT NULL THEN
		RAISE EXCEPTION '% refuses to run while audit or outbox triggers are disabled', handeling
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  DETAIL = pg_catalog.format('Disabled: %s.', uit),
				  HINT = 'Enable them again (ALTER TABLE ... ENABLE TRIGGER ...).';
	END IF;
END
$$;
COMMENT ON FUNCTION vastlegging_controleren(text) IS 'Refuses (55000, naming the handeling) to go on while the audit trail or the change events would not record: row_security off, session_replication_role other than origin or local, or an audit (wijziging_vastleggen) or outbox (gebeurtenis_schrijven) trigger disabled. For vergeet_partij and retention.';

-- The keys of a person: kenmerken, what identifies her wherever it stands
-- (identificators, addresses, phone numbers, IBANs, her number, her full
-- names, her DigiD pseudonyms and request ids); waarden, also what names
-- her in the contacts she took part in (a first or last name alone, her
-- address lines).  Single words and numbers shorter than five characters
-- are left out of kenmerken, shorter than three out of waarden.
-- Kind: internal (definer, owned by the installing superuser: it reads
-- every row, whatever the caller may see; EXECUTE granted to nobody).
CREATE OR REPLACE FUNCTION vergeet_waarden(partij uuid, betrokkenen uuid[], pseudoniemen text[])
	RETURNS TABLE (soort text, waarde text, overal boolean)
	LANGUAGE sql STABLE PARALLEL SAFE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
WITH w(soort, waarde, overal) AS (
	SELECT i.code_soort_object_id::text, i.object_id::text, true FROM klantinteracties.partij_identificator i
	 WHERE i.identificeerde_partij = vergeet_waarden.partij
	UNION ALL
	SELECT CASE d.soort_digitaal_adres WHEN 'overig' THEN 'tekst' ELSE d.soort_digitaal_adres::text END, d.adres::text, true
	  FROM klantinteracties.digitaal_adres d
	 WHERE d.verstrekt_door_partij = vergeet_waarden.partij OR d.verstrekt_door_betrokkene = ANY (betrokkenen)
	UNION ALL
	SELECT 'iban', r.iban::text, true FROM klantinteracties.rekeningnummer r WHERE r.partij = vergeet_waarden.partij
	UNION ALL
	SELECT 'tekst', x.nummer::text, true FROM klantinteracties.partij x WHERE x.uuid = vergeet_waarden.partij
	UNION ALL
	SELECT 'tekst', u.p, true FROM pg_catalog.unnest(pseudoniemen) AS u(p)
	UNION ALL
	-- Names: full forms everywhere, parts in her own contacts.
	SELECT 'naam', v.naam, v.overal
	  FROM (SELECT x.contactnaam_voorletters::text AS vl, x.contactnaam_voornaam::text AS vn,
				   x.contactnaam_voorvoegsel_achternaam::text AS vv, x.contactnaam_achternaam::text AS an
			  FROM klantinteracties.persoon x WHERE x.partij = vergeet_waarden.partij
			UNION ALL
			SELECT x.contactnaam_voorletters, x.contactnaam_voornaam, x.contactnaam_voorvoegsel_achternaam,
				   x.contactnaam_achternaam
			  FROM klantinteracties.contactpersoon x WHERE x.partij = vergeet_waarden.partij
			UNION ALL
			SELECT x.contactnaam_voorletters, x.contactnaam_voornaam, x.contactnaam_voorvoegsel_achternaam,
				   x.contactnaam_achternaam
			  FROM klantinteracties.betrokkene x WHERE x.uuid = ANY (betrokkenen)) AS n,
		   LATERAL (VALUES (pg_catalog.concat_ws(' ', n.vn, nullif(n.vv, ''), n.an), true),
						   (pg_catalog.concat_ws(' ', n.vn, n.an), true),
						   (pg_catalog.concat_ws(' ', nullif(n.vl, ''), nullif(n.vv, ''), n.an), true),
						   (pg_catalog.concat_ws(' ', nullif(n.vv, ''), n.an, n.vn), true),
						   (pg_catalog.concat_ws(' ', n.an, n.vn), true),
						   (pg_catalog.concat_ws(' ', nullif(n.vv, ''), n.an, nullif(n.vl, '')), true),
						   (n.vn, false), (n.an, false),
						   (pg_catalog.concat_ws(' ', nullif(n.vv, ''), n.an), false)) AS v(naam, overal)
	UNION ALL
	SELECT 'naam', x.naam::text, true FROM klantinteracties.organisatie x WHERE x.partij = vergeet_waarden.partij
	UNION ALL
	-- Her addresses, in her own contacts.
	SELECT 'tekst', u.v, false
	  FROM (SELECT x.bezoekadres_straatnaam, x.bezoekadres_huisnummer, x.bezoekadres_huisnummertoevoeging,
				   x.bezoekadres_postcode, x.bezoekadres_adresregel1, x.bezoekadres_adresregel2, x.bezoekadres_adresregel3,
				   x.correspondentieadres_straatnaam, x.correspondentieadres_huisnummer,
				   x.correspondentieadres_huisnummertoevoeging, x.correspondentieadres_postcode,
				   x.correspondentieadres_adresregel1, x.correspondentieadres_adresregel2, x.correspondentieadres_adresregel3
			  FROM klantinteracties.partij x WHERE x.uuid = vergeet_waarden.partij
			UNION ALL
			SELECT x.bezoekadres_straatnaam, x.bezoekadres_huisnummer, x.bezoekadres_huisnummertoevoeging,
				   x.bezoekadres_postcode, x.bezoekadres_adresregel1, x.bezoekadres_adresregel2, x.bezoekadres_adresregel3,
				   x.correspondentieadres_straatnaam, x.correspondentieadres_huisnummer,
				   x.correspondentieadres_huisnummertoevoeging, x.correspondentieadres_postcode,
				   x.correspondentieadres_adresregel1, x.correspondentieadres_adresregel2, x.correspondentieadres_adresregel3
			  FROM klantinteracties.betrokkene x WHERE x.uuid = ANY (betrokkenen)) AS a,
		   LATERAL (VALUES (pg_catalog.concat_ws(' ', a.bezoekadres_straatnaam, a.bezoekadres_huisnummer,
									nullif(a.bezoekadres_huisnummertoevoeging, ''))),
						   (a.bezoekadres_postcode::text), (a.bezoekadres_adresregel1), (a.bezoekadres_adresregel2),
						   (a.bezoekadres_adresregel3),
						   (pg_catalog.concat_ws(' ', a.correspondentieadres_straatnaam, a.correspondentieadres_huisnummer,
									nullif(a.correspondentieadres_huisnummertoevoeging, ''))),
						   (a.correspondentieadres_postcode::text), (a.correspondentieadres_adresregel1),
						   (a.correspondentieadres_adresregel2), (a.correspondentieadres_adresregel3)) AS u(v))
SELECT DISTINCT w.soort, pg_catalog.btrim(w.waarde), w.overal
  FROM w
 WHERE pg_catalog.char_length(pg_catalog.btrim(w.waarde)) >= CASE WHEN w.overal THEN 5 ELSE 3 END
   -- A name everywhere is two words at least: a first name alone is not hers.
   AND (NOT w.overal OR w.soort <> 'naam' OR pg_catalog.btrim(w.waarde) ~ '[^[:space:]][[:space:]]+[^[:space:]]')
$$;
REVOKE ALL ON FUNCTION vergeet_waarden(uuid, uuid[], text[]) FROM PUBLIC;
COMMENT ON FUNCTION vergeet_waarden(uuid, uuid[], text[]) IS 'A partij''s values for erasure, with the soort that parses them (vergeet_sleutelset): overal the identificators, digitale adressen (also those her betrokkenen gave), IBANs, her nummer, the given pseudoniemen and her full names in several orders (at least five characters; a name at least two words); else (only in what she took part in) first and last names alone and her address lines (at least three characters). Internal to vergeet_partij.';

-- Kind: internal (definer, owned by the installing superuser: it must
-- reach every row, whatever the caller sees), executable by beheer; it
-- tests the caller's beheer scope itself.
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
	-- Her DigiD pseudonyms and the ids of her requests: subject and verzoek
	-- of the changes her citizen sessions made to her rows.
	pseudoniemen text[];
	-- The sets of keys (vergeet_sleutelset): kenmerken, what identifies her
	-- wherever it stands; waarden, also what names her in what she took
	-- part in.
	kenmerken bytea;
	waarden bytea;
	n_kenmerken integer;
	n_waarden integer;
	vt record;
	n bigint;
	elders jsonb := '{}';
	n_audit_geschoond bigint;
	n_audit_geredigeerd bigint;
	n_gebeurtenissen bigint;
	n_inzage bigint;
	verslag jsonb;
BEGIN
	IF NOT klantinteracties.heeft_scope('beheer') THEN
		RAISE EXCEPTION 'vergeet_partij requires the beheer scope' USING ERRCODE = 'insufficient_privilege';
	END IF;
	IF pg_catalog.char_length(reden) > 1000 THEN
		RAISE EXCEPTION 'reden of vergeet_partij is too long' USING ERRCODE = 'invalid_parameter_value',
			DETAIL = pg_catalog.format('The reden has %s characters; at most 1000 are allowed.', pg_catalog.char_length(reden));
	END IF;
	-- Never unrecorded: no audit rows or destroy event would be written.
	PERFORM klantinteracties.vastlegging_controleren('vergeet_partij');
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
	SELECT coalesce(pg_catalog.array_agg(DISTINCT u.v), '{}') INTO pseudoniemen
	  FROM klantinteracties.wijzigingslog l
	  JOIN pg_catalog.pg_roles r ON r.rolname = l.rol
	 CROSS JOIN LATERAL (VALUES (l.subject), (l.verzoek)) AS u(v)
	 WHERE l.partijen && ids AND u.v IS NOT NULL
	   AND pg_catalog.pg_has_role(r.oid, 'klantinteracties_burger', 'MEMBER');

	SELECT klantinteracties.vergeet_sleutelset(pg_catalog.array_agg(k.soort) FILTER (WHERE k.overal),
											   pg_catalog.array_agg(k.waarde) FILTER (WHERE k.overal)),
		   klantinteracties.vergeet_sleutelset(pg_catalog.array_agg(k.soort), pg_catalog.array_agg(k.waarde))
	  INTO kenmerken, waarden
	  FROM klantinteracties.vergeet_waarden(p, betrokkenen, pseudoniemen) AS k;
	kenmerken := coalesce(kenmerken, klantinteracties.vergeet_sleutelset('{}', '{}'));
	waarden := coalesce(waarden, kenmerken);
	n_kenmerken := pg_catalog.cardinality(klantinteracties.vergeet_sleutels(kenmerken));
	n_waarden := pg_catalog.cardinality(klantinteracties.vergeet_sleutels(waarden));

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
		   metadata = klantinteracties.vergeet_json(k.metadata, waarden, '{}')
	 WHERE k.uuid = ANY (klantcontacten);
	UPDATE klantinteracties.interne_taak t
	   SET gevraagde_handeling = klantinteracties.vergeet_tekst(t.gevraagde_handeling, waarden),
		   toelichting = klantinteracties.vergeet_tekst(t.toelichting, waarden)
	 WHERE t.uuid = ANY (taken);

	-- The partij and what only exists for it (ON DELETE CASCADE).
	DELETE FROM klantinteracties.partij x WHERE x.uuid = p;

	-- The audit trail of her rows: who and when stay, the values go.
	UPDATE klantinteracties.wijzigingslog l SET oud = NULL, nieuw = NULL, vergeten = true
	 WHERE l.partijen && ids AND l.transactie <> tx;
	GET DIAGNOSTICS n_audit_geschoond = ROW_COUNT;
	-- The history of what she took part in, redacted as the rows are.
	UPDATE klantinteracties.wijzigingslog l
	   SET oud = klantinteracties.vergeet_json(l.oud, waarden, '{inhoud,reactie}'),
		   nieuw = klantinteracties.vergeet_json(l.nieuw, waarden, '{inhoud,reactie}'), vergeten = true
	 WHERE l.transactie <> tx AND NOT l.partijen && ids
	   AND ((l.tabel = 'klantcontact' AND l.sleutel = ANY (klantcontacten::text[]))
			OR (l.tabel = 'interne_taak' AND l.sleutel = ANY (taken::text[]))
			OR (l.tabel = 'betrokkene' AND l.sleutel = ANY (betrokkenen::text[]))
			OR (l.tabel = 'digitaal_adres' AND l.partijen = '{}'
				AND coalesce(l.oud, l.nieuw) ->> 'verstrekt_door_betrokkene' = ANY (betrokkenen::text[])));
	GET DIAGNOSTICS n_audit_geredigeerd = ROW_COUNT;
	-- The access log of lookups of her: the purpose by everything that
	-- names her.
	UPDATE klantinteracties.inzagelog i SET doelbinding = klantinteracties.vergeet_tekst(i.doelbinding, waarden)
	 WHERE i.partij = ANY (ids) AND klantinteracties.vergeet_bevat(i.doelbinding, waarden);
	GET DIAGNOSTICS n_inzage = ROW_COUNT;

	-- The outbox: earlier events about her go; her destroy event says
	-- vergeten.  Without one the erasure went unrecorded: refuse.
	DELETE FROM klantinteracties.gebeurtenis g WHERE g.resource_uuid = ANY (ids) AND g.transactie <> tx;
	GET DIAGNOSTICS n_gebeurtenissen = ROW_COUNT;
	UPDATE klantinteracties.gebeurtenis g
	   SET cloudevent = pg_catalog.jsonb_set(g.cloudevent, '{data,kenmerken}', '{"vergeten": true}')
	 WHERE g.resource_uuid = p AND g.transactie = tx AND g.actie = 'destroy';
	GET DIAGNOSTICS n = ROW_COUNT;
	IF n <> 1 OR NOT EXISTS (SELECT FROM klantinteracties.wijzigingslog l
							  WHERE l.transactie = tx AND l.tabel = 'partij' AND l.sleutel = p::text AND l.bewerking = 'DELETE') THEN
		RAISE EXCEPTION 'vergeet_partij would leave no trace' USING ERRCODE = 'object_not_in_prerequisite_state',
			DETAIL = 'The audit trail or the outbox did not record the deletion of the partij.',
			HINT = 'Check the audit and outbox triggers of the partij table.';
	END IF;

	-- Everywhere else: every free text of the registry and its records,
	-- one pass per text (vrije_teksten()).  Varchar columns keep their
	-- type: a redaction is never longer than what it replaces.
	FOR vt IN SELECT f.tabel, pg_catalog.array_agg(f.kolom ORDER BY f.kolom) AS kolommen,
					pg_catalog.array_agg(pg_catalog.format_type(a.atttypid, a.atttypmod) ORDER BY f.kolom) AS typen,
					pg_catalog.array_agg(a.atttypid = 'jsonb'::regtype ORDER BY f.kolom) AS json
			   FROM klantinteracties.vrije_teksten() AS f
			   JOIN pg_catalog.pg_attribute a
				 ON a.attrelid = pg_catalog.format('klantinteracties.%I', f.tabel)::regclass AND a.attname = f.kolom
			  GROUP BY f.tabel ORDER BY f.tabel
	LOOP
		EXECUTE pg_catalog.format('UPDATE klantinteracties.%I SET %s WHERE %s', vt.tabel,
			(SELECT pg_catalog.string_agg(CASE WHEN vt.json[i]
						THEN pg_catalog.format('%1$I = klantinteracties.vergeet_json(%1$I, $1, ''{}'')', vt.kolommen[i])
						ELSE pg_catalog.format('%1$I = klantinteracties.vergeet_tekst(%1$I, $1)::%2$s', vt.kolommen[i], vt.typen[i]) END, ', ')
			   FROM pg_catalog.generate_subscripts(vt.kolommen, 1) AS i),
			(SELECT pg_catalog.string_agg(pg_catalog.format('klantinteracties.vergeet_bevat(%I, $1)', k), ' OR ')
			   FROM pg_catalog.unnest(vt.kolommen) AS k))
		USING kenmerken;
		GET DIAGNOSTICS n = ROW_COUNT;
		IF n > 0 THEN
			elders := elders || pg_catalog.jsonb_build_object(vt.tabel, n);
		END IF;
	END LOOP;

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
					 AND (l.tabel <> 'klantcontact' OR l.sleutel = ANY (klantcontacten::text[]))
					 AND (l.tabel <> 'interne_taak' OR l.sleutel = ANY (taken::text[]))
				   GROUP BY l.tabel) AS t), '{}'),
		'elders_geredigeerd', elders,
		'wijzigingslog', pg_catalog.jsonb_build_object('zonder_waarden', n_audit_geschoond, 'geredigeerd', n_audit_geredigeerd),
		'gebeurtenissen_verwijderd', n_gebeurtenissen,
		'inzagelog_geredigeerd', n_inzage,
		'gezocht', pg_catalog.jsonb_build_object('kenmerken', n_kenmerken, 'waarden', n_waarden))
	  INTO verslag;
	UPDATE klantinteracties.vergeetlog v SET voltooid_op = pg_catalog.clock_timestamp(), rapport = verslag
	 WHERE v.id = log_id;
	RETURN verslag;
END
$$;
REVOKE ALL ON FUNCTION vergeet_partij(uuid, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION vergeet_partij(uuid, text) TO klantinteracties_beheer;
COMMENT ON FUNCTION vergeet_partij(uuid, text) IS 'Erasure (AVG art. 17, needs the beheer scope): deletes the partij and what only exists for it, anonymises its betrokkenen and the klantcontacten and interne taken it took part in, removes its values from the audit trail, the outbox and the access log, and its identifiers, full names, DigiD pseudonyms and request ids from every free text of the registry and its records (vrije_teksten(), any spelling its types accept), records the erasure in vergeetlog, and returns a report (JSON). Fails with 42501 without the beheer scope, 22023 for a reden over 1000 characters, 55000 where its changes would go unrecorded (row_security off, session_replication_role = replica, an audit or outbox trigger disabled), P0002 for an unknown partij.';
