-- klantinteracties demo: what the extension does, step by step.
\pset null '(null)'
SET search_path = klantinteracties, public;

-- Identification numbers are validated and stored in canonical form.
SELECT '1112.22.333'::bsn AS bsn, '00009921'::bsn AS bsn_8_cijfers,
	'5174 39 943'::rsin AS rsin, '6959 9084'::kvk_nummer AS kvk_nummer,
	'000038509504'::vestigingsnummer AS vestigingsnummer;

-- A mistyped BSN fails loudly, with the reason.
SELECT '123456789'::bsn;
SELECT '1234567'::kvk_nummer;

-- The predicates never raise: handy to screen imported data.
SELECT v AS invoer, is_bsn(v) AS is_bsn, is_rsin(v) AS is_rsin,
	is_kvk_nummer(v) AS is_kvk_nummer
FROM (VALUES ('111222333'), ('123456789'), ('69599084'), ('NL002564440B01')) AS t(v);

-- ======================================================================
-- The klantbeeld (docs/klantbeeld.md) on sample data.
-- ======================================================================
SET TimeZone = 'Europe/Amsterdam';
SET DateStyle = ISO;
-- JSON documents print best unaligned, without the row frame: :json_aan
-- and :json_uit switch that on and off around them.
\set json_aan '\\set QUIET on \\pset format unaligned \\pset tuples_only on \\set QUIET off'
\set json_uit '\\set QUIET on \\pset format aligned \\pset tuples_only off \\set QUIET off'

-- Sample data: personen, organisaties with vestigingen, contactpersonen,
-- their klantcontacten over six kanalen, interne taken (the same rows for
-- the same seed).
\timing on
SELECT * FROM genereer_voorbeelddata(:demo_partijen);
\timing off

-- Identification: look the klant up by BSN; absent: register; present:
-- supplement and read.  Every spelling of the number is the same partij.
SELECT zoek_partij('111222333'::bsn) AS nog_niet_bekend;
SELECT registreer_partij('111222333'::bsn, voornaam => 'Karel', voorvoegsel_achternaam => 'van',
	achternaam => 'Deurne', telefoonnummer => '06-12345678') AS karel \gset
SELECT registreer_partij('1112.22.333'::bsn, emailadres => 'Karel@Example.com') = :'karel' AS dezelfde_partij;
SELECT naam, bsn, standaard_emailadres, standaard_telefoonnummer FROM klantbeeld WHERE bsn = '111222333';

-- The klantbeeld view: one row per partij; a filter on bsn, rsin,
-- kvk_nummer or vestigingsnummer uses an index.
SELECT naam, soort_partij, bsn, bezoekadres, aantal_klantcontacten, laatste_klantcontact_op, open_interne_taken
  FROM klantbeeld WHERE soort_partij = 'persoon' AND aantal_klantcontacten > 0
 ORDER BY open_interne_taken DESC, aantal_klantcontacten DESC, uuid LIMIT 5;

-- A persoon with a few klantcontacten, one of them with an open interne
-- taak: the contact history, newest first, and only the telephone calls.
SELECT bsn AS persoon_bsn FROM klantbeeld
 WHERE soort_partij = 'persoon' AND bsn IS NOT NULL AND open_interne_taken > 0 AND aantal_klantcontacten BETWEEN 2 AND 3
 ORDER BY uuid LIMIT 1 \gset
SELECT plaatsgevonden_op, kanaal, onderwerp, rollen, open_interne_taken
  FROM contacthistorie(zoek_partij(:'persoon_bsn'::bsn));
SELECT plaatsgevonden_op, onderwerp FROM contacthistorie(zoek_partij(:'persoon_bsn'::bsn), kanaal => 'telefoon');

-- The work list of the Werk en Inkomen department: open taken, oldest first.
SELECT gevraagde_handeling, toegewezen_op, kanaal, onderwerp
  FROM open_taken((SELECT uuid FROM actor WHERE naam = 'Werk en Inkomen')) LIMIT 5;

-- Who has this telephone number?  Typed in another spelling than stored.
SELECT telefoonnummer_nationaal(adres_telefoonnummer) AS nummer FROM digitaal_adres
 WHERE verstrekt_door_partij IS NOT NULL AND adres LIKE '+31 6 %' ORDER BY uuid LIMIT 1 \gset
SELECT :'nummer' AS gezocht;
SELECT naam, soort_partij, adres AS zoals_opgeslagen FROM zoek_partijen(:'nummer');

-- Following up a klantcontact with a callback number: what the klant gave
-- for this contact first, then the partij's own details.
SELECT b.had_klantcontact AS terugbellen FROM betrokkene b
  JOIN digitaal_adres d ON d.verstrekt_door_betrokkene = b.uuid AND d.omschrijving = 'terugbelnummer'
 WHERE b.was_partij IS NOT NULL ORDER BY b.uuid LIMIT 1 \gset
SELECT naam, rang, soort, adres, bron, kenmerk FROM contactgegevens_voor_opvolging(:'terugbellen');

-- Likely duplicates: partijen without BSN can be registered twice.  A
-- duplicate found by its e-mail address and its name at the same postcode,
-- merged into the original: its klantcontacten and addresses move along.
SELECT k.uuid AS dubbel FROM klantbeeld k
 WHERE k.soort_partij = 'persoon' AND k.bsn IS NULL
   AND EXISTS (SELECT FROM mogelijke_dubbelen(k.uuid) d WHERE d.score = 1)
 ORDER BY k.uuid LIMIT 1 \gset
SELECT naam, bsn, bezoekadres, standaard_emailadres, aantal_klantcontacten FROM klantbeeld WHERE uuid = :'dubbel';
SELECT kandidaat, naam, score, redenen FROM mogelijke_dubbelen(:'dubbel');
SELECT kandidaat AS origineel FROM mogelijke_dubbelen(:'dubbel') ORDER BY score DESC, kandidaat LIMIT 1 \gset
SELECT voeg_partijen_samen(:'origineel', :'dubbel') -> 'verplaatst' AS verplaatst;
SELECT naam, bsn, bezoekadres, standaard_emailadres, aantal_klantcontacten FROM klantbeeld WHERE uuid = :'origineel';

-- The klantbeeld of that persoon: everything in one document.
:json_aan
SELECT jsonb_pretty(klantbeeld(:'persoon_bsn'::bsn));
:json_uit

-- The klantbeeld of an organisation with a vestiging and a contactpersoon
-- (its klantcontacten left out to keep it short).
SELECT k.kvk_nummer AS organisatie_kvk FROM klantbeeld k
 WHERE k.kvk_nummer IS NOT NULL AND k.aantal_klantcontacten > 0
   AND jsonb_array_length(k.document -> 'vestigingen') > 0 AND jsonb_array_length(k.document -> 'contactpersonen') > 0
 ORDER BY k.uuid LIMIT 1 \gset
:json_aan
SELECT jsonb_pretty(klantbeeld(:'organisatie_kvk'::kvk_nummer) - 'klantcontacten');
:json_uit
