-- The klantbeeld functions and views (identification, klantbeeld,
-- contact history, follow-up, duplicates) under the security model, per
-- scope combination: what they find, what they show, what they let a
-- caller learn about a BSN it may not see.  All in one transaction that is
-- rolled back.
\i sql/include/helpers.psql
BEGIN;
\i sql/include/beveiliging.psql
UPDATE klantcontact SET inhoud = 'Vraag over paspoort van partner, BSN 123456782'
 WHERE uuid = '00000000-0000-0000-0099-0000000000d1';
UPDATE interne_taak SET toelichting = toelichting || ' (BSN 111222333)'
 WHERE uuid = '00000000-0000-0000-0099-0000000000f2';

-- zoek_partij and klantbeeld by a BSN the caller may not see: the same
-- NULL for an existing, a secret and an unknown BSN; with the bsn scope
-- the partij, the secret one masked without geheim.
SELECT b.bsn, r.rol,
	   pg_temp.als(r.rol, NULL, format('SELECT klantinteracties.zoek_partij(%L::klantinteracties.bsn)', b.bsn)) AS zoek_partij,
	   pg_temp.als(r.rol, NULL, format($q$SELECT d #>> '{partij,uuid}' || ' ' || coalesce(d #>> '{partij,naam}', '-')
		FROM klantinteracties.klantbeeld(%L::klantinteracties.bsn) AS d$q$, b.bsn)) AS klantbeeld
  FROM unnest(ARRAY['111222333', '999999990', '296648875']) AS b(bsn),
	   unnest(ARRAY['ki_test_lezer', 'ki_test_bsn', 'ki_test_kcc']) AS r(rol)
 WHERE r.rol <> 'ki_test_kcc' OR b.bsn = '296648875'
 ORDER BY 1, 2;
-- Registering a BSN without the bsn scope: 42501 whether it exists or not.
SELECT b.bsn, pg_temp.als('ki_test_schrijver', NULL,
		format('SELECT klantinteracties.registreer_partij(%L::klantinteracties.bsn)', b.bsn), true) AS uitkomst
  FROM unnest(ARRAY['111222333', '999999990', '296648875']) AS b(bsn) ORDER BY 1;
-- With it: an existing BSN is found (also the secret one), a new one registered.
SELECT b.bsn, pg_temp.als('ki_test_kcc', NULL,
		format('SELECT klantinteracties.registreer_partij(%L::klantinteracties.bsn) IS NOT NULL', b.bsn), true) AS uitkomst
  FROM unnest(ARRAY['111222333', '999999990', '296648875']) AS b(bsn) ORDER BY 1;

-- The klantbeeld view, per scope: the secret partij only its uuid, flag,
-- soort and (with bsn) BSN; its document only {partij: {uuid, flag}};
-- Bert's vertrouwelijk contact without content; BSNs in text masked.
CREATE FUNCTION pg_temp.beeld(rol text, partij text) RETURNS text LANGUAGE sql AS $$
SELECT pg_temp.als(rol, NULL, format($q$SELECT concat_ws(' | ', soort_partij, naam, nummer, bsn, indicatie_geheimhouding,
		bezoekadres, voorkeurs_digitaal_adres, aantal_klantcontacten, open_interne_taken)
	FROM klantinteracties.klantbeeld WHERE uuid = %L$q$, partij)) $$;
SELECT p.partij, r.rol, pg_temp.beeld(r.rol, p.partij) AS klantbeeld
  FROM unnest(ARRAY['00000000-0000-0000-0099-0000000000a1', '00000000-0000-0000-0099-0000000000c1']) AS p(partij),
	   unnest(ARRAY['ki_test_lezer', 'ki_test_bsn', 'ki_test_geheim', 'ki_test_kcc']) AS r(rol)
 ORDER BY 1, 2;
SELECT r.rol, pg_temp.als(r.rol, NULL, $$SELECT (SELECT string_agg(k, ' ' ORDER BY k) FROM jsonb_object_keys(d) AS k)
		|| ' / ' || (SELECT string_agg(k, ' ' ORDER BY k) FROM jsonb_object_keys(d -> 'partij') AS k)
	FROM klantinteracties.klantbeeld('00000000-0000-0000-0099-0000000000c1'::uuid) AS d$$) AS document
  FROM unnest(ARRAY['ki_test_bsn', 'ki_test_geheim']) AS r(rol) ORDER BY 1;
SELECT r.rol, pg_temp.als(r.rol, NULL, $$SELECT string_agg(k ->> 'onderwerp' || ': ' || (k ->> 'inhoud'), ' / ' ORDER BY k ->> 'onderwerp')
	FROM jsonb_array_elements(klantinteracties.klantbeeld('00000000-0000-0000-0099-0000000000b1'::uuid) -> 'klantcontacten') AS k$$) AS bert,
	   pg_temp.als(r.rol, NULL, $$SELECT string_agg(k ->> 'onderwerp' || ': ' || (k ->> 'inhoud'), ' / ' ORDER BY k ->> 'onderwerp')
	FROM jsonb_array_elements(klantinteracties.klantbeeld('00000000-0000-0000-0099-0000000000a1'::uuid) -> 'klantcontacten') AS k$$) AS anna
  FROM unnest(ARRAY['ki_test_lezer', 'ki_test_geheim', 'ki_test_kcc']) AS r(rol) ORDER BY 1;
-- No BSN in any row of the klantbeeld view for a reader without the bsn scope.
SELECT pg_temp.als('ki_test_geheim', NULL, $$SELECT count(*) FROM klantinteracties.klantbeeld k
	WHERE k::text ~ '111222333|1112\.22\.333|123456782|999999990'$$) AS rijen_met_bsn,
	   pg_temp.als('ki_test_geheim', NULL, $$SELECT count(*) FROM klantinteracties.klantbeeld k
	WHERE k.uuid::text LIKE '00000000-0000-0000-0099-%'$$) AS rijen;

-- Contact history, follow-up, open taken, duplicates, address lookups as a
-- reader without geheim: nothing of the secret partij; as the citizen: none
-- of these (no privilege).
SELECT f.wat, r.rol, pg_temp.als(r.rol, NULL, f.stmt) AS uitkomst
  FROM (VALUES
	('contacthistorie van de geheime partij', $$SELECT count(*) FROM klantinteracties.contacthistorie('00000000-0000-0000-0099-0000000000c1')$$),
	('contacthistorie van Bert (vertrouwelijk)', $$SELECT string_agg(onderwerp, ', ' ORDER BY onderwerp) FROM klantinteracties.contacthistorie('00000000-0000-0000-0099-0000000000b1')$$),
	('contactgegevens voor opvolging', $$SELECT string_agg(adres, ', ' ORDER BY adres) FROM klantinteracties.contactgegevens_voor_opvolging('00000000-0000-0000-0099-0000000000d3')$$),
	('zoek_partijen op e-mail', $$SELECT count(*) FROM klantinteracties.zoek_partijen('cees@example.com'::klantinteracties.emailadres)$$),
	('zoek_partijen_met_adresdeel', $$SELECT string_agg(adres, ', ' ORDER BY adres) FROM klantinteracties.zoek_partijen_met_adresdeel('example.com')
		WHERE partij::text LIKE '00000000-0000-0000-0099-%'$$),
	('zoek_partijen_met_naamdeel van de geheime partij', $$SELECT count(*) FROM klantinteracties.zoek_partijen_met_naamdeel('Citroe')$$),
	('zoekdeel_kandidaten (alleen voor de eigenaar)', $$SELECT count(*) FROM klantinteracties.zoekdeel_kandidaten('naam', 'Citroe')$$),
	('open_taken', $$SELECT string_agg(toelichting, ', ') FROM klantinteracties.open_taken('00000000-0000-0000-0099-0000000000f1')$$),
	('mogelijke_dubbelen', $$SELECT count(*) FROM klantinteracties.mogelijke_dubbelen('00000000-0000-0000-0099-0000000000c1')$$)) AS f(wat, stmt),
	unnest(ARRAY['ki_test_lezer', 'ki_test_kcc', 'klantinteracties_burger']) AS r(rol)
 ORDER BY 1, 2;

ROLLBACK;
