-- The klantbeeld (VNG Klantinteracties, "klantbeeld"): everything registered about one
-- partij in one place.  The view klantbeeld has one row per partij with the
-- facts a desk needs at a glance and a document (jsonb) with the whole
-- picture; klantbeeld(bsn | kvk_nummer | uuid) return that document.
--
-- Design, for the planner:
--  * Only the identificators are joins (LEFT JOIN on the one identificator of
--    each soort; the unique key (partij, soort) makes each join return at
--    most one row).  A filter such as WHERE kvk_nummer = '69599084' turns
--    the LEFT JOIN into an inner join and reaches
--    partij_identificator_kvk_nummer_idx, so the scan starts from the
--    identificator and reads one partij.  The bsn column is masked by the
--    caller's bsn scope (issue 12, finding 1: no condition on a secret value
--    may run before the policies), so a lookup by BSN goes through
--    zoek_partij(bsn) (its index, under the caller's policies): klantbeeld(bsn).
--  * Every other column, the document included, is a scalar subquery in the
--    select list: it is evaluated only for rows that pass the WHERE clause,
--    and not at all when a query does not select it (the view is flattened
--    into the query, unused select-list entries disappear).
--  * The document reads each table once per partij: the klantcontacten of
--    the partij are collected once (CTE kc) and every list under them
--    (betrokkenen, onderwerpobjecten, bijlagen, actoren, interne taken and
--    their actoren) is one grouped join against that set, not a subquery
--    per klantcontact.  sql/klantbeeld_plan.sql checks the plan of a partij
--    with 1,000 klantcontacten for this.

-- An adres group (bezoekadres_* or correspondentieadres_*) as the API's
-- JSON object; NULL when nothing of it is filled.  IMMUTABLE although
-- jsonb_build_object is only STABLE: that marking covers arguments whose
-- output depends on settings (timestamps), and these are text, integers and
-- our types with fixed output.
-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION adres_json(nummeraanduiding_id bag_id, straatnaam text, huisnummer integer,
						   huisnummertoevoeging text, postcode postcode, stad text, adresregel1 text,
						   adresregel2 text, adresregel3 text, land landcode) RETURNS jsonb
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
SELECT CASE WHEN num_nonnulls($1, $3, $5, $10) > 0 OR concat($2, $4, $6, $7, $8, $9) <> '' THEN
	jsonb_build_object('nummeraanduidingId', $1::text, 'straatnaam', $2, 'huisnummer', $3,
		'huisnummertoevoeging', $4, 'postcode', $5::text, 'stad', $6, 'adresregel1', $7,
		'adresregel2', $8, 'adresregel3', $9, 'land', $10::text)
END
$$;
COMMENT ON FUNCTION adres_json(bag_id, text, integer, text, postcode, text, text, text, text, landcode) IS 'An adres group (bezoekadres or correspondentieadres) as a JSON object with the API''s keys (nummeraanduidingId, straatnaam, huisnummer, ...); NULL when the address is empty.';

-- The same group as one line for people: "Amstel 1-2, 1015 CJ Amsterdam",
-- free address lines as they are, the country when it is not NL; a bare BAG
-- reference as "nummeraanduiding <id>".  A toevoeging is written as usual:
-- one letter attached (12A), digits after a hyphen (12-2), words after a
-- space (12 hs).
-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION adres_tekst(nummeraanduiding_id bag_id, straatnaam text, huisnummer integer,
							huisnummertoevoeging text, postcode postcode, stad text, adresregel1 text,
							adresregel2 text, adresregel3 text, land landcode) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
SELECT coalesce(nullif(concat_ws(', ',
		nullif(concat_ws(' ', nullif($2, ''), $3::text || CASE WHEN $4 ~ '^[A-Za-z]$' THEN $4
			WHEN $4 ~ '^[0-9]' THEN '-' || $4 WHEN $4 <> '' THEN ' ' || $4 ELSE '' END), ''),
		nullif($7, ''), nullif($8, ''), nullif($9, ''),
		nullif(concat_ws(' ', $5::text, nullif($6, '')), ''),
		CASE WHEN $10::text <> 'NL' THEN $10::text END), ''),
	'nummeraanduiding ' || $1::text)
$$;
COMMENT ON FUNCTION adres_tekst(bag_id, text, integer, text, postcode, text, text, text, text, landcode) IS 'An adres group as one line of text ("Amstel 1-2, 1015 CJ Amsterdam"; free address lines as given; the country when not NL; "nummeraanduiding <id>" when only the BAG reference is known); NULL when the address is empty.';

-- The document, written once for one partij or many (set-based), for the
-- stored klantbeeld (56_klantbeeld_opslag.sql) and for the reference
-- computed from the tables (klantbeeld_berekend):
--  * run by the internal refresh (as the installing superuser: no
--    row-level security) with met_geheim and met_bsn true, it is the full
--    document; with met_geheim false it is what a reader without the geheim
--    scope sees;
--  * run inside klantbeeld_berekend (a definer function of
--    klantinteracties_eigenaar) with the caller's scopes, the policies of
--    71_beveiliging_rls.sql apply as well: that is the reference the
--    property test (test/klantbeeld_opslag.sh) compares the stored
--    documents with.
-- So that both give the same, the body reads only tables (no view, which
-- would run as its owner under the writing caller's policies inside the
-- refresh), and hides for met_geheim = false exactly the rows the read
-- policies hide from a caller without the geheim scope: what hangs under a
-- secret partij (its details, so its name; vertegenwoordigingen,
-- contactpersonen and betrokkenen of it and the addresses such a
-- betrokkene gave), and the onderwerpobjecten and bijlagen of a
-- vertrouwelijk klantcontact.  klantbeeld_gemaskeerd then applies the
-- masks of the content.  The bsn scope changes only which identificators
-- exist (the BSN ones) and the masks of text; klantbeeld_zonder_bsn does
-- both to a stored document at read time.
-- Typed values appear in their canonical form, as the API shows them:
-- e-mail addresses and telephone numbers (E.164) as their types print
-- them, identificators as their canonical key, IBAN and BIC compact in
-- upper case.  Times are written in UTC (the function's TimeZone), so
-- that a document does not depend on the session that computed it.
-- geheim_relevant: whether the document shows anything about a secret
-- partij or a vertrouwelijk klantcontact, so whether a reader without the
-- geheim scope may see less; the refresh computes and stores that variant
-- only then.
-- Internal: EXECUTE only for the owner of the readers and the refresh.
-- Kind: body of the as-the-caller reference and of the internal refresh (invoker: the policies of whoever runs it apply), executable by eigenaar only.
CREATE OR REPLACE FUNCTION klantbeeld_documenten(partijen uuid[], met_geheim boolean, met_bsn boolean)
	RETURNS TABLE (partij uuid, document jsonb, geheim_relevant boolean)
	LANGUAGE plpgsql STABLE PARALLEL SAFE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	SET "TimeZone" = 'UTC'
	-- The planner's estimate of this many joins of grouped lists is far too
	-- high, and JIT-compiling the query cost seconds at every refresh.
	SET jit = off
	AS $$
#variable_conflict use_column
BEGIN
	RETURN QUERY
	WITH
	-- Whether a row is hidden from a reader without geheim is read from the
	-- row's own flag (geheim, vertrouwelijk: docs/security.md, section 2),
	-- the column the read policies test, never from a set of the secret
	-- partijen tested per row (a scan of the set per klantcontact).
	-- The rows of the partijen are found by "key = ANY (array)", which the
	-- generic plan (the one PL/pgSQL keeps, and klantbeeld_berekend's)
	-- answers with index scans at any table size; a semi-join against a
	-- CTE ("key IN (SELECT ...)") got hash joins over whole tables there.
	p AS MATERIALIZED (
		SELECT x.* FROM klantinteracties.partij x WHERE x.uuid = ANY (partijen)),
	-- The rows that name another partij, each read once.
	cp AS MATERIALIZED (
		SELECT c.partij, c.werkte_voor_partij, c.geheim FROM klantinteracties.contactpersoon c
		 WHERE c.werkte_voor_partij = ANY (partijen) AND (met_geheim OR NOT c.geheim)),
	vt AS MATERIALIZED (
		SELECT v.vertegenwoordigende_partij AS van, v.vertegenwoordigde_partij AS naar, v.geheim
		  FROM klantinteracties.vertegenwoordiging v
		 WHERE (v.vertegenwoordigende_partij = ANY (partijen) OR v.vertegenwoordigde_partij = ANY (partijen))
		   AND (met_geheim OR NOT v.geheim)),
	ves AS MATERIALIZED (
		SELECT k.identificeerde_partij AS partij, v.identificeerde_partij AS vestiging, v.object_id_sleutel
		  FROM klantinteracties.partij_identificator k
		  JOIN klantinteracties.partij_identificator v ON v.sub_identificator_van = k.uuid
		 WHERE k.identificeerde_partij = ANY (partijen) AND k.code_soort_object_id = 'kvk_nummer'
		   AND (v.code_soort_object_id <> 'bsn' OR met_bsn)),
	-- The klantcontacten of the partijen, and their betrokkenen.
	kc AS MATERIALIZED (
		SELECT b.was_partij AS partij, b.had_klantcontact AS klantcontact, bool_or(b.geheim) AS geheim
		  FROM klantinteracties.betrokkene b
		 WHERE b.was_partij = ANY (partijen) AND (met_geheim OR NOT b.geheim)
		 GROUP BY b.was_partij, b.had_klantcontact),
	k AS MATERIALIZED (
		SELECT x.* FROM klantinteracties.klantcontact x WHERE x.uuid IN (SELECT kc.klantcontact FROM kc)),
	bt AS MATERIALIZED (
		SELECT b.* FROM klantinteracties.betrokkene b
		 WHERE b.had_klantcontact IN (SELECT k.uuid FROM k) AND (met_geheim OR NOT b.geheim)),
	-- (partij, another partij its document names).
	refs AS MATERIALIZED (
		SELECT c.partij, c.werkte_voor_partij AS ref FROM klantinteracties.contactpersoon c
		 WHERE c.partij = ANY (partijen) AND c.werkte_voor_partij IS NOT NULL
		UNION ALL SELECT ves.partij, ves.vestiging FROM ves
		UNION ALL SELECT vt.van, vt.naar FROM vt
		UNION ALL SELECT vt.naar, vt.van FROM vt
		UNION ALL SELECT cp.werkte_voor_partij, cp.partij FROM cp
		UNION ALL SELECT kc.partij, bt.was_partij FROM kc JOIN bt ON bt.had_klantcontact = kc.klantcontact
				   WHERE bt.was_partij IS NOT NULL),
	-- The names of every partij the documents mention.
	nm AS MATERIALIZED (
		SELECT x.uuid, x.soort_partij,
			x.indicatie_geheimhouding IS TRUE OR coalesce(ps.geheim OR o.geheim OR c.geheim, false) AS is_geheim,
			CASE x.soort_partij
				WHEN 'persoon' THEN nullif(concat_ws(' ',
					nullif(coalesce(nullif(ps.contactnaam_voornaam, ''), ps.contactnaam_voorletters), ''),
					nullif(ps.contactnaam_voorvoegsel_achternaam, ''),
					nullif(ps.contactnaam_achternaam, '')), '')
				WHEN 'organisatie' THEN nullif(o.naam, '')
				WHEN 'contactpersoon' THEN nullif(concat_ws(' ',
					nullif(coalesce(nullif(c.contactnaam_voornaam, ''), c.contactnaam_voorletters), ''),
					nullif(c.contactnaam_voorvoegsel_achternaam, ''),
					nullif(c.contactnaam_achternaam, '')), '')
			END::text AS naam
		  FROM klantinteracties.partij x
		  LEFT JOIN klantinteracties.persoon ps ON ps.partij = x.uuid AND (met_geheim OR NOT ps.geheim)
		  LEFT JOIN klantinteracties.organisatie o ON o.partij = x.uuid AND (met_geheim OR NOT o.geheim)
		  LEFT JOIN klantinteracties.contactpersoon c ON c.partij = x.uuid AND (met_geheim OR NOT c.geheim)
		 WHERE x.uuid = ANY (ARRAY(SELECT p.uuid FROM p UNION SELECT refs.ref FROM refs))),
	-- The partijen whose document shows a secret partij.
	gr AS (
		SELECT DISTINCT refs.partij FROM refs JOIN nm ON nm.uuid = refs.ref WHERE nm.is_geheim),
	-- The partijIdentificatie of each partij (the detail row of its soort).
	pid AS (
		SELECT ps.partij, jsonb_build_object('contactnaam', jsonb_build_object(
				'voorletters', ps.contactnaam_voorletters, 'voornaam', ps.contactnaam_voornaam,
				'voorvoegselAchternaam', ps.contactnaam_voorvoegsel_achternaam,
				'achternaam', ps.contactnaam_achternaam),
			'volledigeNaam', ps.volledige_naam) AS identificatie
		  FROM klantinteracties.persoon ps
		 WHERE ps.partij = ANY (partijen) AND (met_geheim OR NOT ps.geheim)
		UNION ALL
		SELECT o.partij, jsonb_build_object('naam', o.naam)
		  FROM klantinteracties.organisatie o
		 WHERE o.partij = ANY (partijen) AND (met_geheim OR NOT o.geheim)
		UNION ALL
		SELECT c.partij, jsonb_build_object('uuid', c.uuid,
				'werkteVoorPartij', CASE WHEN c.werkte_voor_partij IS NOT NULL THEN
					jsonb_build_object('uuid', c.werkte_voor_partij, 'naam', w.naam) END,
				'contactnaam', jsonb_build_object(
					'voorletters', c.contactnaam_voorletters, 'voornaam', c.contactnaam_voornaam,
					'voorvoegselAchternaam', c.contactnaam_voorvoegsel_achternaam,
					'achternaam', c.contactnaam_achternaam),
				'volledigeNaam', c.volledige_naam)
		  FROM klantinteracties.contactpersoon c
		  LEFT JOIN nm w ON w.uuid = c.werkte_voor_partij
		 WHERE c.partij = ANY (partijen) AND (met_geheim OR NOT c.geheim))
	SELECT p.uuid,
		klantinteracties.klantbeeld_gemaskeerd(jsonb_build_object(
		'partij', jsonb_build_object(
			'uuid', p.uuid,
			'nummer', p.nummer,
			'soortPartij', p.soort_partij,
			'naam', pn.naam,
			'indicatieActief', p.indicatie_actief,
			'indicatieGeheimhouding', p.indicatie_geheimhouding,
			'voorkeurstaal', p.voorkeurstaal,
			'interneNotitie', p.interne_notitie,
			'bezoekadres', klantinteracties.adres_json(p.bezoekadres_nummeraanduiding_id, p.bezoekadres_straatnaam,
				p.bezoekadres_huisnummer, p.bezoekadres_huisnummertoevoeging, p.bezoekadres_postcode,
				p.bezoekadres_stad, p.bezoekadres_adresregel1, p.bezoekadres_adresregel2,
				p.bezoekadres_adresregel3, p.bezoekadres_land),
			'correspondentieadres', klantinteracties.adres_json(p.correspondentieadres_nummeraanduiding_id,
				p.correspondentieadres_straatnaam, p.correspondentieadres_huisnummer,
				p.correspondentieadres_huisnummertoevoeging, p.correspondentieadres_postcode,
				p.correspondentieadres_stad, p.correspondentieadres_adresregel1,
				p.correspondentieadres_adresregel2, p.correspondentieadres_adresregel3,
				p.correspondentieadres_land),
			'partijIdentificatie', pid.identificatie),
		'partijIdentificatoren', coalesce(pi.lijst, '[]'),
		'vestigingen', coalesce(vs.lijst, '[]'),
		'digitaleAdressen', coalesce(da.lijst, '[]'),
		'rekeningnummers', coalesce(rn.lijst, '[]'),
		'vertegenwoordigt', coalesce(vg.lijst, '[]'),
		'vertegenwoordigdDoor', coalesce(vd.lijst, '[]'),
		'contactpersonen', coalesce(cl.lijst, '[]'),
		'categorieRelaties', coalesce(cr.lijst, '[]'),
		'klantcontacten', coalesce(kl.lijst, '[]')
		), met_geheim, met_bsn),
		-- Whether a reader without geheim may see less (see above).
		p.indicatie_geheimhouding IS TRUE OR coalesce(kl.vertrouwelijk, false) OR coalesce(da.geheim, false)
			OR coalesce(rn.geheim, false) OR coalesce(cr.geheim, false) OR coalesce(vg.geheim, false)
			OR coalesce(vd.geheim, false) OR coalesce(cl.geheim, false) OR gr.partij IS NOT NULL
	  FROM p
	  LEFT JOIN nm pn ON pn.uuid = p.uuid
	  LEFT JOIN pid ON pid.partij = p.uuid
	  LEFT JOIN gr ON gr.partij = p.uuid
	  LEFT JOIN (
		SELECT i.identificeerde_partij, jsonb_agg(jsonb_build_object(
				'uuid', i.uuid,
				'codeRegister', i.code_register,
				'codeObjecttype', i.code_objecttype,
				'codeSoortObjectId', i.code_soort_object_id,
				'objectId', i.object_id_sleutel,
				'subIdentificatorVan', CASE WHEN ouder.uuid IS NOT NULL THEN jsonb_build_object(
					'uuid', ouder.uuid, 'codeSoortObjectId', ouder.code_soort_object_id,
					'objectId', ouder.object_id_sleutel, 'identificeerdePartij', ouder.identificeerde_partij) END)
				ORDER BY i.code_soort_object_id) AS lijst
		  FROM klantinteracties.partij_identificator i
		  LEFT JOIN klantinteracties.partij_identificator ouder
			ON ouder.uuid = i.sub_identificator_van AND (ouder.code_soort_object_id <> 'bsn' OR met_bsn)
		 WHERE i.identificeerde_partij = ANY (partijen) AND (i.code_soort_object_id <> 'bsn' OR met_bsn)
		 GROUP BY i.identificeerde_partij) pi ON pi.identificeerde_partij = p.uuid
	  -- The vestigingen whose vestigingsnummer hangs under this partij's
	  -- KvK-nummer.
	  LEFT JOIN (
		SELECT ves.partij, jsonb_agg(jsonb_build_object(
				'partij', ves.vestiging, 'vestigingsnummer', ves.object_id_sleutel, 'naam', nm.naam)
				ORDER BY ves.object_id_sleutel) AS lijst
		  FROM ves LEFT JOIN nm ON nm.uuid = ves.vestiging
		 GROUP BY ves.partij) vs ON vs.partij = p.uuid
	  LEFT JOIN (
		SELECT d.verstrekt_door_partij, jsonb_agg(jsonb_build_object(
				'uuid', d.uuid, 'soortDigitaalAdres', d.soort_digitaal_adres,
				'adres', coalesce(d.adres_email::text, d.adres_telefoonnummer::text, d.adres::text),
				'omschrijving', d.omschrijving, 'isStandaardAdres', d.is_standaard_adres,
				'isVoorkeursadres', d.is_voorkeursadres, 'referentie', d.referentie,
				'verificatieDatum', d.verificatie_datum)
				ORDER BY d.soort_digitaal_adres, d.is_standaard_adres DESC, d.adres_sleutel) AS lijst,
			bool_or(d.geheim) AS geheim
		  FROM klantinteracties.digitaal_adres d
		 WHERE d.verstrekt_door_partij = ANY (partijen) AND (met_geheim OR NOT d.geheim)
		 GROUP BY d.verstrekt_door_partij) da ON da.verstrekt_door_partij = p.uuid
	  LEFT JOIN (
		SELECT r.partij, jsonb_agg(jsonb_build_object(
				'uuid', r.uuid, 'iban', r.iban::text, 'bic', r.bic::text,
				'isVoorkeursrekeningnummer', r.is_voorkeursrekeningnummer)
				ORDER BY r.is_voorkeursrekeningnummer DESC, r.iban, r.uuid) AS lijst,
			bool_or(r.geheim) AS geheim
		  FROM klantinteracties.rekeningnummer r
		 WHERE r.partij = ANY (partijen) AND (met_geheim OR NOT r.geheim)
		 GROUP BY r.partij) rn ON rn.partij = p.uuid
	  LEFT JOIN (
		SELECT vt.van, jsonb_agg(jsonb_build_object('uuid', vt.naar, 'soortPartij', nm.soort_partij, 'naam', nm.naam)
				ORDER BY nm.naam, vt.naar) AS lijst, bool_or(vt.geheim) AS geheim
		  FROM vt JOIN nm ON nm.uuid = vt.naar
		 GROUP BY vt.van) vg ON vg.van = p.uuid
	  LEFT JOIN (
		SELECT vt.naar, jsonb_agg(jsonb_build_object('uuid', vt.van, 'soortPartij', nm.soort_partij, 'naam', nm.naam)
				ORDER BY nm.naam, vt.van) AS lijst, bool_or(vt.geheim) AS geheim
		  FROM vt JOIN nm ON nm.uuid = vt.van
		 GROUP BY vt.naar) vd ON vd.naar = p.uuid
	  LEFT JOIN (
		SELECT cp.werkte_voor_partij, jsonb_agg(jsonb_build_object('uuid', cp.partij, 'naam', nm.naam)
				ORDER BY nm.naam, cp.partij) AS lijst, bool_or(cp.geheim) AS geheim
		  FROM cp JOIN nm ON nm.uuid = cp.partij
		 GROUP BY cp.werkte_voor_partij) cl ON cl.werkte_voor_partij = p.uuid
	  LEFT JOIN (
		SELECT r.partij, jsonb_agg(jsonb_build_object(
				'uuid', r.uuid, 'categorie', c.naam, 'beginDatum', r.begin_datum, 'eindDatum', r.eind_datum)
				ORDER BY r.begin_datum, c.naam, r.uuid) AS lijst,
			bool_or(r.geheim) AS geheim
		  FROM klantinteracties.categorie_relatie r
		  LEFT JOIN klantinteracties.categorie c ON c.uuid = r.categorie
		 WHERE r.partij = ANY (partijen) AND (met_geheim OR NOT r.geheim)
		 GROUP BY r.partij) cr ON cr.partij = p.uuid
	  LEFT JOIN (
		SELECT kc.partij, bool_or(k.vertrouwelijk OR kc.geheim OR coalesce(kb.geheim, false) OR coalesce(ow.vertrouwelijk, false)
								  OR coalesce(bl.vertrouwelijk, false)) AS vertrouwelijk, jsonb_agg(jsonb_build_object(
				'uuid', k.uuid, 'nummer', k.nummer, 'referentienummer', k.referentienummer,
				'kanaal', k.kanaal, 'onderwerp', k.onderwerp, 'inhoud', k.inhoud, 'reactie', k.reactie,
				'indicatieContactGelukt', k.indicatie_contact_gelukt,
				'verdereActieOndernomen', k.verdere_actie_ondernomen,
				'hoofdOnderwerpType', k.hoofd_onderwerp_type, 'taal', k.taal,
				'vertrouwelijk', k.vertrouwelijk, 'plaatsgevondenOp', k.plaatsgevonden_op,
				'metadata', k.metadata,
				'betrokkenen', coalesce(kb.lijst, '[]'), 'onderwerpobjecten', coalesce(ow.lijst, '[]'),
				'bijlagen', coalesce(bl.lijst, '[]'), 'actoren', coalesce(ac.lijst, '[]'),
				'interneTaken', coalesce(it.lijst, '[]'))
				ORDER BY k.plaatsgevonden_op DESC, k.uuid DESC) AS lijst
		  FROM kc
		  JOIN k ON k.uuid = kc.klantcontact
		  LEFT JOIN (
			SELECT b.had_klantcontact, jsonb_agg(jsonb_build_object(
					'uuid', b.uuid, 'wasPartij', b.was_partij,
					'naam', coalesce(nullif(b.volledige_naam, ''), nullif(b.organisatienaam, ''), nm.naam),
					'rol', b.rol, 'initiator', b.initiator,
					'digitaleAdressen', coalesce(bd.lijst, '[]'))
					ORDER BY b.rol DESC, b.initiator DESC, b.uuid) AS lijst,
				bool_or(b.geheim OR coalesce(bd.geheim, false)) AS geheim
			  FROM bt b
			  LEFT JOIN nm ON nm.uuid = b.was_partij
			  LEFT JOIN (
				SELECT d.verstrekt_door_betrokkene, jsonb_agg(jsonb_build_object(
						'uuid', d.uuid, 'soortDigitaalAdres', d.soort_digitaal_adres,
						'adres', coalesce(d.adres_email::text, d.adres_telefoonnummer::text, d.adres::text))
						ORDER BY d.soort_digitaal_adres, d.adres_sleutel, d.uuid) AS lijst,
					bool_or(d.geheim) AS geheim
				  FROM klantinteracties.digitaal_adres d
				 WHERE d.verstrekt_door_betrokkene IN (SELECT bt.uuid FROM bt) AND (met_geheim OR NOT d.geheim)
				 GROUP BY d.verstrekt_door_betrokkene) bd ON bd.verstrekt_door_betrokkene = b.uuid
			 GROUP BY b.had_klantcontact) kb ON kb.had_klantcontact = k.uuid
		  LEFT JOIN (
			SELECT o.klantcontact, jsonb_agg(jsonb_build_object(
					'uuid', o.uuid,
					'onderwerpobjectidentificator', jsonb_build_object(
						'objectId', o.onderwerpobjectidentificator_object_id,
						'codeObjecttype', o.onderwerpobjectidentificator_code_objecttype,
						'codeRegister', o.onderwerpobjectidentificator_code_register,
						'codeSoortObjectId', o.onderwerpobjectidentificator_code_soort_object_id),
					'wasKlantcontact', o.was_klantcontact)
					ORDER BY o.geregistreerd_op, o.uuid) AS lijst,
				bool_or(o.vertrouwelijk) AS vertrouwelijk
			  FROM klantinteracties.onderwerpobject o
			 WHERE o.klantcontact IN (SELECT k.uuid FROM k) AND (met_geheim OR NOT o.vertrouwelijk)
			 GROUP BY o.klantcontact) ow ON ow.klantcontact = k.uuid
		  LEFT JOIN (
			SELECT bj.was_bijlage_van_klantcontact, jsonb_agg(jsonb_build_object(
					'uuid', bj.uuid,
					'bijlageidentificator', jsonb_build_object(
						'objectId', bj.bijlageidentificator_object_id,
						'codeObjecttype', bj.bijlageidentificator_code_objecttype,
						'codeRegister', bj.bijlageidentificator_code_register,
						'codeSoortObjectId', bj.bijlageidentificator_code_soort_object_id))
					ORDER BY bj.geregistreerd_op, bj.uuid) AS lijst,
				bool_or(bj.vertrouwelijk) AS vertrouwelijk
			  FROM klantinteracties.bijlage bj
			 WHERE bj.was_bijlage_van_klantcontact IN (SELECT k.uuid FROM k) AND (met_geheim OR NOT bj.vertrouwelijk)
			 GROUP BY bj.was_bijlage_van_klantcontact) bl ON bl.was_bijlage_van_klantcontact = k.uuid
		  LEFT JOIN (
			SELECT ak.klantcontact, jsonb_agg(jsonb_build_object(
					'uuid', a.uuid, 'naam', a.naam, 'soortActor', a.soort_actor)
					ORDER BY a.naam, a.uuid) AS lijst
			  FROM klantinteracties.actor_klantcontact ak
			  JOIN klantinteracties.actor a ON a.uuid = ak.actor
			 WHERE ak.klantcontact IN (SELECT k.uuid FROM k)
			 GROUP BY ak.klantcontact) ac ON ac.klantcontact = k.uuid
		  LEFT JOIN (
			SELECT t.aanleidinggevend_klantcontact, jsonb_agg(jsonb_build_object(
					'uuid', t.uuid, 'nummer', t.nummer, 'referentienummer', t.referentienummer,
					'gevraagdeHandeling', t.gevraagde_handeling, 'toelichting', t.toelichting,
					'status', t.status, 'toegewezenOp', t.toegewezen_op, 'afgehandeldOp', t.afgehandeld_op,
					'toegewezenAanActoren', coalesce(ta.lijst, '[]'))
					ORDER BY t.toegewezen_op, t.uuid) AS lijst
			  FROM klantinteracties.interne_taak t
			  LEFT JOIN (
				SELECT ita.interne_taak, jsonb_agg(jsonb_build_object(
						'uuid', a.uuid, 'naam', a.naam, 'soortActor', a.soort_actor)
						ORDER BY ita.geregistreerd_op, a.naam, a.uuid) AS lijst
				  FROM klantinteracties.interne_taak t2
				  JOIN klantinteracties.interne_taak_actor ita ON ita.interne_taak = t2.uuid
				  JOIN klantinteracties.actor a ON a.uuid = ita.actor
				 WHERE t2.aanleidinggevend_klantcontact IN (SELECT k.uuid FROM k)
				 GROUP BY ita.interne_taak) ta ON ta.interne_taak = t.uuid
			 WHERE t.aanleidinggevend_klantcontact IN (SELECT k.uuid FROM k)
			 GROUP BY t.aanleidinggevend_klantcontact) it ON it.aanleidinggevend_klantcontact = k.uuid
		 GROUP BY kc.partij) kl ON kl.partij = p.uuid;
END
$$;
REVOKE ALL ON FUNCTION klantbeeld_documenten(uuid[], boolean, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION klantbeeld_documenten(uuid[], boolean, boolean) TO klantinteracties_eigenaar;
COMMENT ON FUNCTION klantbeeld_documenten(uuid[], boolean, boolean) IS 'Internal: the klantbeeld documents of the given partijen, computed from the tables (set-based), as a reader with (met_geheim) or without the geheim scope and with (met_bsn) or without the bsn scope sees them, and whether the document shows anything about a secret partij or a vertrouwelijk klantcontact (geheim_relevant). Invoker: run by the refresh it sees every row, run inside klantbeeld_berekend the caller''s policies apply too.';

-- A document without what the bsn scope shows: the BSN identificators
-- (and a BSN as parent of another, which the policies hide as well) left
-- out, every BSN in the text masked (maskeer_bsn).  What the policies and
-- masks do for a caller without bsn, applied to a stored document.
-- Pure.
-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION klantbeeld_zonder_bsn(document jsonb) RETURNS jsonb
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	SECURITY INVOKER
	SET search_path = pg_catalog, pg_temp
	AS $$
SELECT klantinteracties.maskeer_bsn(CASE WHEN document ? 'partijIdentificatoren' THEN
	jsonb_set(document, '{partijIdentificatoren}', (
		SELECT coalesce(jsonb_agg(CASE WHEN x.e -> 'subIdentificatorVan' ->> 'codeSoortObjectId' = 'bsn'
				THEN jsonb_set(x.e, '{subIdentificatorVan}', 'null') ELSE x.e END ORDER BY x.n), '[]')
		  FROM jsonb_array_elements(document -> 'partijIdentificatoren') WITH ORDINALITY AS x(e, n)
		 WHERE x.e ->> 'codeSoortObjectId' IS DISTINCT FROM 'bsn'))
	ELSE document END, false)
$$;
COMMENT ON FUNCTION klantbeeld_zonder_bsn(jsonb) IS 'A klantbeeld document as a reader without the bsn scope sees it: BSN identificators left out, a BSN parent of an identificator (subIdentificatorVan) null, every BSN in the text masked (maskeer_bsn).';

-- The stored document (56_klantbeeld_opslag.sql) as the caller may see
-- it, from the columns of its row in klantbeeld_document: the variant for a
-- reader without geheim when the refresh stored one (the document shows a
-- secret partij or a vertrouwelijk klantcontact), and the BSN masks when
-- the caller lacks bsn and the document holds a BSN; in the common case
-- (nothing secret, the caller has bsn) the stored document as it is.  NULL
-- for a stale document (NULL), which the callers then compute instead.
-- The rule of the readers below, once: a single expression that the planner
-- inlines into their queries (no SET clause; every name qualified); a
-- scope is tested only when the row needs it.
-- Kind: pure (invoker, executable by PUBLIC).
CREATE OR REPLACE FUNCTION klantbeeld_voor_lezer(document jsonb, zonder_geheim jsonb, bsn_maskeren boolean) RETURNS jsonb
	LANGUAGE sql STABLE PARALLEL SAFE
	SECURITY INVOKER
	AS $$
SELECT CASE WHEN document IS NULL THEN NULL::pg_catalog.jsonb
			WHEN bsn_maskeren AND NOT klantinteracties.heeft_scope('bsn')
			THEN klantinteracties.klantbeeld_zonder_bsn(CASE WHEN zonder_geheim IS NULL OR klantinteracties.heeft_scope('geheim')
														 THEN document ELSE zonder_geheim END)
			WHEN zonder_geheim IS NULL OR klantinteracties.heeft_scope('geheim') THEN document
			ELSE zonder_geheim END
$$;
COMMENT ON FUNCTION klantbeeld_voor_lezer(jsonb, jsonb, boolean) IS 'A stored klantbeeld document (the columns document, zonder_geheim and bsn_maskeren of klantbeeld_document) as the acting role may see it: the variant without geheim unless it holds geheim, BSNs masked (klantbeeld_zonder_bsn) unless it holds bsn; NULL for a stale document.';

-- The klantbeeld by uuid: one primary-key lookup of the stored document,
-- masked for the caller (klantbeeld_voor_lezer).  Inside a transaction
-- that changed the partij, before its COMMIT, and for a stale document,
-- the reference instead.  Nothing without the read scope (the table's
-- policy).  As the caller.
-- Kind: as the caller (definer, owner klantinteracties_eigenaar), for lezer.
CREATE OR REPLACE FUNCTION klantbeeld(uuid) RETURNS jsonb
	LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	d jsonb;
BEGIN
	-- Changed by this transaction and not yet refreshed (that happens at
	-- COMMIT): computed from the tables instead, so that a transaction
	-- reads its own writes.  Two IFs: the queue is unlogged, which a
	-- standby cannot even plan a query of (0A000), and PL/pgSQL plans the
	-- inner statement only when it runs, that is only in a transaction
	-- that has written (never on a standby).
	IF pg_catalog.pg_current_xact_id_if_assigned() IS NOT NULL THEN
		IF EXISTS (SELECT FROM klantinteracties.klantbeeld_wachtrij w
				   WHERE w.transactie = pg_catalog.pg_current_xact_id_if_assigned() AND w.partij = $1) THEN
			RETURN klantinteracties.klantbeeld_berekend($1);
		END IF;
	END IF;
	SELECT klantinteracties.klantbeeld_voor_lezer(o.document, o.zonder_geheim, o.bsn_maskeren) INTO d
	  FROM klantinteracties.klantbeeld_document o WHERE o.partij = $1;
	-- Stale (after a large transaction, until klantbeeld_verversen) or not
	-- stored (or no partij): computed from the tables.
	RETURN coalesce(d, klantinteracties.klantbeeld_berekend($1));
END
$$;
ALTER FUNCTION klantbeeld(uuid) OWNER TO klantinteracties_eigenaar;
REVOKE ALL ON FUNCTION klantbeeld(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION klantbeeld(uuid) TO klantinteracties_lezer;
COMMENT ON FUNCTION klantbeeld(uuid) IS 'The klantbeeld document of the partij with this uuid as the caller may see it (the stored document, masked for its scopes), or NULL.';

-- By BSN: the scope is tested before the lookup.  Then one statement, under
-- the caller's policies: the identificator by the typed column's index (as
-- zoek_partij(bsn), 50_zoeken.sql) joined to the stored document by its
-- primary key, masked for the caller (klantbeeld_voor_lezer); the rare
-- cases (a stale document, a transaction that has written) go through
-- klantbeeld(uuid).  One call with one configuration switch, where calling
-- zoek_partij(bsn) and klantbeeld(uuid) cost three.
-- Kind: as the caller (definer, owner klantinteracties_eigenaar), for lezer.
CREATE OR REPLACE FUNCTION klantbeeld(bsn) RETURNS jsonb
	LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	p uuid;
	d jsonb;
BEGIN
	IF NOT klantinteracties.heeft_scope('bsn') THEN
		RETURN NULL;
	END IF;
	SELECT i.identificeerde_partij, klantinteracties.klantbeeld_voor_lezer(o.document, o.zonder_geheim, o.bsn_maskeren)
	  INTO p, d
	  FROM klantinteracties.partij_identificator i
	  LEFT JOIN klantinteracties.klantbeeld_document o ON o.partij = i.identificeerde_partij
	 WHERE i.bsn OPERATOR(klantinteracties.=) $1 AND i.sub_identificator_van IS NULL;
	IF d IS NULL OR pg_catalog.pg_current_xact_id_if_assigned() IS NOT NULL THEN
		RETURN klantinteracties.klantbeeld(p);
	END IF;
	RETURN d;
END
$$;
ALTER FUNCTION klantbeeld(bsn) OWNER TO klantinteracties_eigenaar;
REVOKE ALL ON FUNCTION klantbeeld(bsn) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION klantbeeld(bsn) TO klantinteracties_lezer;
COMMENT ON FUNCTION klantbeeld(bsn) IS 'The klantbeeld document (see klantbeeld(uuid)) of the persoon with this BSN, or NULL (also without the bsn scope).';

-- Kind: as the caller (definer, owner klantinteracties_eigenaar), for lezer.
CREATE OR REPLACE FUNCTION klantbeeld(kvk_nummer) RETURNS jsonb
	LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
BEGIN
	RETURN klantinteracties.klantbeeld(klantinteracties.zoek_partij($1));
END
$$;
ALTER FUNCTION klantbeeld(kvk_nummer) OWNER TO klantinteracties_eigenaar;
REVOKE ALL ON FUNCTION klantbeeld(kvk_nummer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION klantbeeld(kvk_nummer) TO klantinteracties_lezer;
COMMENT ON FUNCTION klantbeeld(kvk_nummer) IS 'The klantbeeld document (see klantbeeld(uuid)) of the organisatie with this KvK-nummer (its vestigingen are listed in it), or NULL.';

-- The reference: the document computed from the tables under the caller's
-- policies (and with its scopes), as today's klantbeeld was; the stored
-- one must equal it (test/klantbeeld_opslag.sh).  As the caller.
-- Kind: as the caller (definer, owner klantinteracties_eigenaar), for lezer.
CREATE OR REPLACE FUNCTION klantbeeld_berekend(uuid) RETURNS jsonb
	LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	-- One partij: one generic plan of the body per session (planning it
	-- under row-level security costs more than running it).
	SET plan_cache_mode = force_generic_plan
	AS $$
BEGIN
	RETURN (SELECT d.document FROM klantinteracties.klantbeeld_documenten(ARRAY[$1],
				klantinteracties.heeft_scope('geheim'), klantinteracties.heeft_scope('bsn')) AS d);
END
$$;
ALTER FUNCTION klantbeeld_berekend(uuid) OWNER TO klantinteracties_eigenaar;
REVOKE ALL ON FUNCTION klantbeeld_berekend(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION klantbeeld_berekend(uuid) TO klantinteracties_lezer, klantinteracties_eigenaar;
COMMENT ON FUNCTION klantbeeld_berekend(uuid) IS 'The klantbeeld document of the partij computed from the tables under the caller''s row-level security policies and masks (the reference the stored klantbeeld is tested against; slower than klantbeeld(uuid)), or NULL.';

-- Row-level security and the masks of docs/security.md: a secret partij
-- shows a caller without the geheim scope only its uuid, flag, soort,
-- voorkeurstaal and (with the bsn scope) identificators, which stay plain
-- columns so that a lookup or filter on them uses their index and computes
-- nothing it does not select (the CASEs and klantbeeld_gemaskeerd; what
-- hangs under it is not visible at all).
CREATE VIEW klantbeeld AS
SELECT p.uuid,
	CASE WHEN p.indicatie_geheimhouding AND NOT (SELECT klantinteracties.heeft_scope('geheim')) THEN NULL ELSE p.soort_partij END AS soort_partij,
	(SELECT n.naam FROM klantinteracties.partij_naam n WHERE n.partij = p.uuid) AS naam,
	CASE WHEN p.indicatie_geheimhouding AND NOT (SELECT klantinteracties.heeft_scope('geheim')) THEN NULL ELSE p.nummer END AS nummer,
	CASE WHEN (SELECT klantinteracties.heeft_scope('bsn')) THEN i_bsn.bsn END AS bsn,
	i_rsin.rsin,
	i_kvk.kvk_nummer,
	i_ves.vestigingsnummer,
	CASE WHEN p.indicatie_geheimhouding AND NOT (SELECT klantinteracties.heeft_scope('geheim')) THEN NULL ELSE p.indicatie_actief END AS indicatie_actief,
	p.indicatie_geheimhouding,
	CASE WHEN p.indicatie_geheimhouding AND NOT (SELECT klantinteracties.heeft_scope('geheim')) THEN NULL ELSE p.voorkeurstaal END AS voorkeurstaal,
	CASE WHEN p.indicatie_geheimhouding AND NOT (SELECT klantinteracties.heeft_scope('geheim')) THEN NULL ELSE klantinteracties.adres_tekst(p.bezoekadres_nummeraanduiding_id, p.bezoekadres_straatnaam,
		p.bezoekadres_huisnummer, p.bezoekadres_huisnummertoevoeging, p.bezoekadres_postcode,
		p.bezoekadres_stad, p.bezoekadres_adresregel1, p.bezoekadres_adresregel2, p.bezoekadres_adresregel3,
		p.bezoekadres_land) END AS bezoekadres,
	CASE WHEN p.indicatie_geheimhouding AND NOT (SELECT klantinteracties.heeft_scope('geheim')) THEN NULL ELSE klantinteracties.adres_tekst(p.correspondentieadres_nummeraanduiding_id, p.correspondentieadres_straatnaam,
		p.correspondentieadres_huisnummer, p.correspondentieadres_huisnummertoevoeging,
		p.correspondentieadres_postcode, p.correspondentieadres_stad, p.correspondentieadres_adresregel1,
		p.correspondentieadres_adresregel2, p.correspondentieadres_adresregel3,
		p.correspondentieadres_land) END AS correspondentieadres,
	(SELECT coalesce(d.adres_email::text, d.adres_telefoonnummer::text, d.adres) FROM klantinteracties.digitaal_adres d
	  WHERE d.verstrekt_door_partij = p.uuid AND d.is_voorkeursadres) AS voorkeurs_digitaal_adres,
	(SELECT d.adres_email FROM klantinteracties.digitaal_adres d
	  WHERE d.verstrekt_door_partij = p.uuid AND d.soort_digitaal_adres = 'email' AND d.is_standaard_adres)
		AS standaard_emailadres,
	(SELECT d.adres_telefoonnummer FROM klantinteracties.digitaal_adres d
	  WHERE d.verstrekt_door_partij = p.uuid AND d.soort_digitaal_adres = 'telefoonnummer' AND d.is_standaard_adres)
		AS standaard_telefoonnummer,
	(SELECT d.adres::text FROM klantinteracties.digitaal_adres d
	  WHERE d.verstrekt_door_partij = p.uuid AND d.soort_digitaal_adres = 'overig' AND d.is_standaard_adres)
		AS standaard_overig_adres,
	(SELECT count(DISTINCT b.had_klantcontact) FROM klantinteracties.betrokkene b
	  WHERE b.was_partij = p.uuid) AS aantal_klantcontacten,
	(SELECT max(k.plaatsgevonden_op) FROM klantinteracties.betrokkene b
	   JOIN klantinteracties.klantcontact k ON k.uuid = b.had_klantcontact
	  WHERE b.was_partij = p.uuid) AS laatste_klantcontact_op,
	(SELECT count(*) FROM klantinteracties.interne_taak t
	  WHERE t.status = 'te_verwerken'
		AND t.aanleidinggevend_klantcontact IN (SELECT b.had_klantcontact FROM klantinteracties.betrokkene b
												 WHERE b.was_partij = p.uuid)) AS open_interne_taken,
	klantinteracties.klantbeeld(p.uuid) AS document
FROM klantinteracties.partij p
LEFT JOIN klantinteracties.partij_identificator i_bsn
	ON i_bsn.identificeerde_partij = p.uuid AND i_bsn.code_soort_object_id = 'bsn'
LEFT JOIN klantinteracties.partij_identificator i_rsin
	ON i_rsin.identificeerde_partij = p.uuid AND i_rsin.code_soort_object_id = 'rsin'
LEFT JOIN klantinteracties.partij_identificator i_kvk
	ON i_kvk.identificeerde_partij = p.uuid AND i_kvk.code_soort_object_id = 'kvk_nummer'
LEFT JOIN klantinteracties.partij_identificator i_ves
	ON i_ves.identificeerde_partij = p.uuid AND i_ves.code_soort_object_id = 'vestigingsnummer';
ALTER VIEW klantbeeld OWNER TO klantinteracties_eigenaar;
GRANT SELECT ON klantbeeld TO klantinteracties_lezer;

COMMENT ON VIEW klantbeeld IS 'Klantbeeld: one row per partij with its soort, naam, identificators (typed), indicaties, addresses, voorkeurs- and standaard digitale adressen, klantcontacten and open interne taken, and the whole picture as a JSON document. Filter on uuid, bsn, rsin, kvk_nummer or vestigingsnummer to use an index; columns not selected are not computed.';
COMMENT ON COLUMN klantbeeld.uuid IS 'De partij.';
COMMENT ON COLUMN klantbeeld.soort_partij IS 'Soort partij: persoon, organisatie of contactpersoon; NULL voor een partij met geheimhouding zonder de scope geheim.';
COMMENT ON COLUMN klantbeeld.naam IS 'Weergavenaam van de partij (zie partij_naam).';
COMMENT ON COLUMN klantbeeld.nummer IS 'Nummer van de partij (verouderd in de API).';
COMMENT ON COLUMN klantbeeld.bsn IS 'BSN-identificator van de partij (persoon), of NULL; NULL zonder de scope bsn (gemaskeerd, dus geen indexvoorwaarde: zoek op BSN met klantbeeld(bsn) of uuid = zoek_partij(bsn)).';
COMMENT ON COLUMN klantbeeld.rsin IS 'RSIN-identificator van de partij (organisatie), of NULL.';
COMMENT ON COLUMN klantbeeld.kvk_nummer IS 'Eigen KvK-nummer-identificator van de partij (organisatie), of NULL; bij een vestiging staat het KvK-nummer als subIdentificatorVan in het document.';
COMMENT ON COLUMN klantbeeld.vestigingsnummer IS 'Vestigingsnummer-identificator van de partij (vestiging), of NULL.';
COMMENT ON COLUMN klantbeeld.indicatie_actief IS 'Of de contactgegevens van de partij nog gebruikt mogen worden.';
COMMENT ON COLUMN klantbeeld.indicatie_geheimhouding IS 'Of de partij om geheimhouding van haar gegevens vroeg; NULL = niet aangegeven.';
COMMENT ON COLUMN klantbeeld.voorkeurstaal IS 'Voorkeurstaal van de partij (ISO 639-2/B), leeg als onbekend; NULL voor een partij met geheimhouding zonder de scope geheim.';
COMMENT ON COLUMN klantbeeld.bezoekadres IS 'Bezoekadres als één regel tekst (adres_tekst), of NULL.';
COMMENT ON COLUMN klantbeeld.correspondentieadres IS 'Correspondentieadres als één regel tekst (adres_tekst), of NULL.';
COMMENT ON COLUMN klantbeeld.voorkeurs_digitaal_adres IS 'Het digitaal adres waarlangs de partij bij voorkeur contact heeft (voorkeursDigitaalAdres), een e-mailadres of telefoonnummer in zijn canonieke vorm, of NULL.';
COMMENT ON COLUMN klantbeeld.standaard_emailadres IS 'Het standaard e-mailadres van de partij, of NULL.';
COMMENT ON COLUMN klantbeeld.standaard_telefoonnummer IS 'Het standaard telefoonnummer van de partij, of NULL.';
COMMENT ON COLUMN klantbeeld.standaard_overig_adres IS 'Het standaard overig digitaal adres van de partij, of NULL.';
COMMENT ON COLUMN klantbeeld.aantal_klantcontacten IS 'Aantal klantcontacten waarbij de partij betrokkene was.';
COMMENT ON COLUMN klantbeeld.laatste_klantcontact_op IS 'Tijdstip van het laatste klantcontact van de partij, of NULL.';
COMMENT ON COLUMN klantbeeld.open_interne_taken IS 'Aantal interne taken met status te_verwerken naar aanleiding van klantcontacten van de partij.';
COMMENT ON COLUMN klantbeeld.document IS 'Het hele klantbeeld als JSON: partij (met partijIdentificatie en adressen), partijIdentificatoren, vestigingen, digitaleAdressen, rekeningnummers, vertegenwoordigt, vertegenwoordigdDoor, contactpersonen, categorieRelaties en klantcontacten (nieuwste eerst, met betrokkenen, onderwerpobjecten, bijlagen, actoren en interneTaken).';

