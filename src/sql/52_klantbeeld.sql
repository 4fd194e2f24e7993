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
	klantinteracties.klantbeeld_gemaskeerd(jsonb_build_object(
		'partij', jsonb_build_object(
			'uuid', p.uuid,
			'nummer', p.nummer,
			'soortPartij', p.soort_partij,
			'naam', (SELECT n.naam FROM klantinteracties.partij_naam n WHERE n.partij = p.uuid),
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
			'partijIdentificatie', CASE p.soort_partij
				WHEN 'persoon' THEN (
					SELECT jsonb_build_object('contactnaam', jsonb_build_object(
							'voorletters', ps.contactnaam_voorletters, 'voornaam', ps.contactnaam_voornaam,
							'voorvoegselAchternaam', ps.contactnaam_voorvoegsel_achternaam,
							'achternaam', ps.contactnaam_achternaam),
						'volledigeNaam', ps.volledige_naam)
					  FROM klantinteracties.persoon ps WHERE ps.partij = p.uuid)
				WHEN 'organisatie' THEN (
					SELECT jsonb_build_object('naam', o.naam)
					  FROM klantinteracties.organisatie o WHERE o.partij = p.uuid)
				WHEN 'contactpersoon' THEN (
					SELECT jsonb_build_object('uuid', cp.uuid,
						'werkteVoorPartij', CASE WHEN cp.werkte_voor_partij IS NOT NULL THEN
							jsonb_build_object('uuid', cp.werkte_voor_partij, 'naam', w.naam) END,
						'contactnaam', jsonb_build_object(
							'voorletters', cp.contactnaam_voorletters, 'voornaam', cp.contactnaam_voornaam,
							'voorvoegselAchternaam', cp.contactnaam_voorvoegsel_achternaam,
							'achternaam', cp.contactnaam_achternaam),
						'volledigeNaam', cp.volledige_naam)
					  FROM klantinteracties.contactpersoon cp
					  LEFT JOIN klantinteracties.partij_naam w ON w.partij = cp.werkte_voor_partij
					 WHERE cp.partij = p.uuid)
			END),
		'partijIdentificatoren', (
			SELECT coalesce(jsonb_agg(jsonb_build_object(
					'uuid', i.uuid,
					'codeRegister', i.code_register,
					'codeObjecttype', i.code_objecttype,
					'codeSoortObjectId', i.code_soort_object_id,
					'objectId', i.object_id_sleutel,
					'subIdentificatorVan', CASE WHEN ouder.uuid IS NOT NULL THEN jsonb_build_object(
						'uuid', ouder.uuid, 'codeSoortObjectId', ouder.code_soort_object_id,
						'objectId', ouder.object_id_sleutel, 'identificeerdePartij', ouder.identificeerde_partij) END)
					ORDER BY i.code_soort_object_id), '[]')
			  FROM klantinteracties.partij_identificator i
			  LEFT JOIN klantinteracties.partij_identificator ouder ON ouder.uuid = i.sub_identificator_van
			 WHERE i.identificeerde_partij = p.uuid),
		-- The vestigingen whose vestigingsnummer hangs under this partij's
		-- KvK-nummer.
		'vestigingen', (
			SELECT coalesce(jsonb_agg(jsonb_build_object(
					'partij', v.identificeerde_partij, 'vestigingsnummer', v.object_id_sleutel, 'naam', vn.naam)
					ORDER BY v.object_id_sleutel), '[]')
			  FROM klantinteracties.partij_identificator k
			  JOIN klantinteracties.partij_identificator v ON v.sub_identificator_van = k.uuid
			  LEFT JOIN klantinteracties.partij_naam vn ON vn.partij = v.identificeerde_partij
			 WHERE k.identificeerde_partij = p.uuid AND k.code_soort_object_id = 'kvk_nummer'),
		'digitaleAdressen', (
			SELECT coalesce(jsonb_agg(jsonb_build_object(
					'uuid', d.uuid, 'soortDigitaalAdres', d.soort_digitaal_adres, 'adres', d.adres,
					'omschrijving', d.omschrijving, 'isStandaardAdres', d.is_standaard_adres,
					'isVoorkeursadres', d.is_voorkeursadres, 'referentie', d.referentie,
					'verificatieDatum', d.verificatie_datum)
					ORDER BY d.soort_digitaal_adres, d.is_standaard_adres DESC, d.adres_sleutel), '[]')
			  FROM klantinteracties.digitaal_adres d WHERE d.verstrekt_door_partij = p.uuid),
		'rekeningnummers', (
			SELECT coalesce(jsonb_agg(jsonb_build_object(
					'uuid', r.uuid, 'iban', r.iban::text, 'bic', r.bic::text,
					'isVoorkeursrekeningnummer', r.is_voorkeursrekeningnummer)
					ORDER BY r.is_voorkeursrekeningnummer DESC, r.iban), '[]')
			  FROM klantinteracties.rekeningnummer r WHERE r.partij = p.uuid),
		'vertegenwoordigt', (
			SELECT coalesce(jsonb_agg(jsonb_build_object(
					'uuid', v.vertegenwoordigde_partij, 'soortPartij', vn.soort_partij, 'naam', vn.naam)
					ORDER BY vn.naam, v.vertegenwoordigde_partij), '[]')
			  FROM klantinteracties.vertegenwoordiging v
			  JOIN klantinteracties.partij_naam vn ON vn.partij = v.vertegenwoordigde_partij
			 WHERE v.vertegenwoordigende_partij = p.uuid),
		'vertegenwoordigdDoor', (
			SELECT coalesce(jsonb_agg(jsonb_build_object(
					'uuid', v.vertegenwoordigende_partij, 'soortPartij', vn.soort_partij, 'naam', vn.naam)
					ORDER BY vn.naam, v.vertegenwoordigende_partij), '[]')
			  FROM klantinteracties.vertegenwoordiging v
			  JOIN klantinteracties.partij_naam vn ON vn.partij = v.vertegenwoordigende_partij
			 WHERE v.vertegenwoordigde_partij = p.uuid),
		'contactpersonen', (
			SELECT coalesce(jsonb_agg(jsonb_build_object('uuid', cp.partij, 'naam', cpn.naam)
					ORDER BY cpn.naam, cp.partij), '[]')
			  FROM klantinteracties.contactpersoon cp
			  JOIN klantinteracties.partij_naam cpn ON cpn.partij = cp.partij
			 WHERE cp.werkte_voor_partij = p.uuid),
		'categorieRelaties', (
			SELECT coalesce(jsonb_agg(jsonb_build_object(
					'uuid', cr.uuid, 'categorie', c.naam, 'beginDatum', cr.begin_datum, 'eindDatum', cr.eind_datum)
					ORDER BY cr.begin_datum, c.naam), '[]')
			  FROM klantinteracties.categorie_relatie cr
			  LEFT JOIN klantinteracties.categorie c ON c.uuid = cr.categorie
			 WHERE cr.partij = p.uuid),
		'klantcontacten', (
			WITH kc AS MATERIALIZED (
				SELECT DISTINCT b.had_klantcontact AS uuid FROM klantinteracties.betrokkene b
				 WHERE b.was_partij = p.uuid)
			SELECT coalesce(jsonb_agg(jsonb_build_object(
					'uuid', k.uuid, 'nummer', k.nummer, 'referentienummer', k.referentienummer,
					'kanaal', k.kanaal, 'onderwerp', k.onderwerp, 'inhoud', k.inhoud, 'reactie', k.reactie,
					'indicatieContactGelukt', k.indicatie_contact_gelukt,
					'verdereActieOndernomen', k.verdere_actie_ondernomen,
					'hoofdOnderwerpType', k.hoofd_onderwerp_type, 'taal', k.taal,
					'vertrouwelijk', k.vertrouwelijk, 'plaatsgevondenOp', k.plaatsgevonden_op,
					'metadata', k.metadata,
					'betrokkenen', coalesce(bt.lijst, '[]'), 'onderwerpobjecten', coalesce(ow.lijst, '[]'),
					'bijlagen', coalesce(bl.lijst, '[]'), 'actoren', coalesce(ac.lijst, '[]'),
					'interneTaken', coalesce(it.lijst, '[]'))
					ORDER BY k.plaatsgevonden_op DESC, k.uuid DESC), '[]')
			  FROM kc
			  JOIN klantinteracties.klantcontact k ON k.uuid = kc.uuid
			  LEFT JOIN (
				SELECT b.had_klantcontact, jsonb_agg(jsonb_build_object(
						'uuid', b.uuid, 'wasPartij', b.was_partij,
						'naam', coalesce(nullif(b.volledige_naam, ''), nullif(b.organisatienaam, ''), bn.naam),
						'rol', b.rol, 'initiator', b.initiator,
						'digitaleAdressen', coalesce(bd.lijst, '[]'))
						ORDER BY b.rol DESC, b.initiator DESC, b.uuid) AS lijst
				  FROM kc
				  JOIN klantinteracties.betrokkene b ON b.had_klantcontact = kc.uuid
				  LEFT JOIN klantinteracties.partij_naam bn ON bn.partij = b.was_partij
				  LEFT JOIN (
					SELECT d.verstrekt_door_betrokkene, jsonb_agg(jsonb_build_object(
							'uuid', d.uuid, 'soortDigitaalAdres', d.soort_digitaal_adres, 'adres', d.adres)
							ORDER BY d.soort_digitaal_adres, d.adres_sleutel) AS lijst
					  FROM kc
					  JOIN klantinteracties.betrokkene b2 ON b2.had_klantcontact = kc.uuid
					  JOIN klantinteracties.digitaal_adres d ON d.verstrekt_door_betrokkene = b2.uuid
					 GROUP BY d.verstrekt_door_betrokkene) bd ON bd.verstrekt_door_betrokkene = b.uuid
				 GROUP BY b.had_klantcontact) bt ON bt.had_klantcontact = k.uuid
			  LEFT JOIN (
				SELECT o.klantcontact, jsonb_agg(jsonb_build_object(
						'uuid', o.uuid,
						'onderwerpobjectidentificator', jsonb_build_object(
							'objectId', o.onderwerpobjectidentificator_object_id,
							'codeObjecttype', o.onderwerpobjectidentificator_code_objecttype,
							'codeRegister', o.onderwerpobjectidentificator_code_register,
							'codeSoortObjectId', o.onderwerpobjectidentificator_code_soort_object_id),
						'wasKlantcontact', o.was_klantcontact)
						ORDER BY o.geregistreerd_op, o.uuid) AS lijst
				  FROM kc JOIN klantinteracties.onderwerpobject o ON o.klantcontact = kc.uuid
				 GROUP BY o.klantcontact) ow ON ow.klantcontact = k.uuid
			  LEFT JOIN (
				SELECT bj.was_bijlage_van_klantcontact, jsonb_agg(jsonb_build_object(
						'uuid', bj.uuid,
						'bijlageidentificator', jsonb_build_object(
							'objectId', bj.bijlageidentificator_object_id,
							'codeObjecttype', bj.bijlageidentificator_code_objecttype,
							'codeRegister', bj.bijlageidentificator_code_register,
							'codeSoortObjectId', bj.bijlageidentificator_code_soort_object_id))
						ORDER BY bj.geregistreerd_op, bj.uuid) AS lijst
				  FROM kc JOIN klantinteracties.bijlage bj ON bj.was_bijlage_van_klantcontact = kc.uuid
				 GROUP BY bj.was_bijlage_van_klantcontact) bl ON bl.was_bijlage_van_klantcontact = k.uuid
			  LEFT JOIN (
				SELECT ak.klantcontact, jsonb_agg(jsonb_build_object(
						'uuid', a.uuid, 'naam', a.naam, 'soortActor', a.soort_actor)
						ORDER BY a.naam, a.uuid) AS lijst
				  FROM kc
				  JOIN klantinteracties.actor_klantcontact ak ON ak.klantcontact = kc.uuid
				  JOIN klantinteracties.actor a ON a.uuid = ak.actor
				 GROUP BY ak.klantcontact) ac ON ac.klantcontact = k.uuid
			  LEFT JOIN (
				SELECT t.aanleidinggevend_klantcontact, jsonb_agg(jsonb_build_object(
						'uuid', t.uuid, 'nummer', t.nummer, 'referentienummer', t.referentienummer,
						'gevraagdeHandeling', t.gevraagde_handeling, 'toelichting', t.toelichting,
						'status', t.status, 'toegewezenOp', t.toegewezen_op, 'afgehandeldOp', t.afgehandeld_op,
						'toegewezenAanActoren', coalesce(ta.lijst, '[]'))
						ORDER BY t.toegewezen_op, t.uuid) AS lijst
				  FROM kc
				  JOIN klantinteracties.interne_taak t ON t.aanleidinggevend_klantcontact = kc.uuid
				  LEFT JOIN (
					SELECT ita.interne_taak, jsonb_agg(jsonb_build_object(
							'uuid', a.uuid, 'naam', a.naam, 'soortActor', a.soort_actor)
							ORDER BY ita.geregistreerd_op, a.naam, a.uuid) AS lijst
					  FROM kc
					  JOIN klantinteracties.interne_taak t2 ON t2.aanleidinggevend_klantcontact = kc.uuid
					  JOIN klantinteracties.interne_taak_actor ita ON ita.interne_taak = t2.uuid
					  JOIN klantinteracties.actor a ON a.uuid = ita.actor
					 GROUP BY ita.interne_taak) ta ON ta.interne_taak = t.uuid
				 GROUP BY t.aanleidinggevend_klantcontact) it ON it.aanleidinggevend_klantcontact = k.uuid)
	), (SELECT klantinteracties.heeft_scope('geheim')), (SELECT klantinteracties.heeft_scope('bsn'))) AS document
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

-- PL/pgSQL so that the plan of the (large) query is prepared once per
-- session and reused, as an SQL function would plan it on every call.
-- The lookups keep one generic plan per session: the key is a parameter
-- of an index condition, so a custom plan per value buys nothing, while
-- planning the view under row-level security costs far more than running
-- it (for a reader without geheim: 120 ms against 4 ms per call).
-- Kind: as the caller (definer, owner klantinteracties_eigenaar), for lezer.
CREATE OR REPLACE FUNCTION klantbeeld(bsn) RETURNS jsonb
	LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	SET plan_cache_mode = force_generic_plan
	AS $$
BEGIN
	-- By the identificator (its index, under the caller's policies: nothing without
	-- the bsn scope), not by the view's masked bsn column.
	RETURN (SELECT k.document FROM klantinteracties.klantbeeld k WHERE k.uuid = klantinteracties.zoek_partij($1));
END
$$;
ALTER FUNCTION klantbeeld(bsn) OWNER TO klantinteracties_eigenaar;
REVOKE ALL ON FUNCTION klantbeeld(bsn) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION klantbeeld(bsn) TO klantinteracties_lezer;
COMMENT ON FUNCTION klantbeeld(bsn) IS 'The klantbeeld document (see view klantbeeld, column document) of the persoon with this BSN, or NULL.';

-- Kind: as the caller (definer, owner klantinteracties_eigenaar), for lezer.
CREATE OR REPLACE FUNCTION klantbeeld(kvk_nummer) RETURNS jsonb
	LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	SET plan_cache_mode = force_generic_plan
	AS $$
BEGIN
	RETURN (SELECT k.document FROM klantinteracties.klantbeeld k WHERE k.kvk_nummer OPERATOR(klantinteracties.=) $1);
END
$$;
ALTER FUNCTION klantbeeld(kvk_nummer) OWNER TO klantinteracties_eigenaar;
REVOKE ALL ON FUNCTION klantbeeld(kvk_nummer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION klantbeeld(kvk_nummer) TO klantinteracties_lezer;
COMMENT ON FUNCTION klantbeeld(kvk_nummer) IS 'The klantbeeld document of the organisatie with this KvK-nummer (its vestigingen are listed in it), or NULL.';

-- Kind: as the caller (definer, owner klantinteracties_eigenaar), for lezer.
CREATE OR REPLACE FUNCTION klantbeeld(uuid) RETURNS jsonb
	LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	SET plan_cache_mode = force_generic_plan
	AS $$
BEGIN
	RETURN (SELECT k.document FROM klantinteracties.klantbeeld k WHERE k.uuid = $1);
END
$$;
ALTER FUNCTION klantbeeld(uuid) OWNER TO klantinteracties_eigenaar;
REVOKE ALL ON FUNCTION klantbeeld(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION klantbeeld(uuid) TO klantinteracties_lezer;
COMMENT ON FUNCTION klantbeeld(uuid) IS 'The klantbeeld document of the partij with this uuid, or NULL.';
