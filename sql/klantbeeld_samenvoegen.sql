-- Duplicates: mogelijke_dubbelen (signals, score, reasons, exclusions) and
-- voeg_partijen_samen (what moves, what merges, what is refused, that
-- nothing is lost, the merge history and a betrokkene written for a partij
-- that was merged away).  Concurrent merging: specs/samenvoegen.spec.
-- Rolled back at the end.
SET search_path = klantinteracties, public;
SET TimeZone = 'Europe/Amsterdam';
SET DateStyle = ISO;

-- Runs one statement; says 'ok' or the SQLSTATE, message, detail and hint
-- of its error.
CREATE FUNCTION pg_temp.probeer(opdracht text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	detail text;
	hint text;
BEGIN
	EXECUTE opdracht;
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL, hint = PG_EXCEPTION_HINT;
	RETURN SQLSTATE || ': ' || SQLERRM || coalesce(E'\nDETAIL: ' || nullif(detail, ''), '')
		|| coalesce(E'\nHINT: ' || nullif(hint, ''), '');
END $$;

-- Row counts of every registry table (the extension's, not the security
-- record, which logs the merge itself: beveiliging_audit, nor the stored
-- klantbeeld's queue of the running transaction).
CREATE FUNCTION pg_temp.tellingen() RETURNS TABLE (tabel text, rijen bigint) LANGUAGE plpgsql AS $$
DECLARE
	t text;
BEGIN
	FOR t IN SELECT c.relname FROM pg_class c
			   JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e'
			  WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'klantinteracties')
				AND c.relkind = 'r'
				AND c.relname NOT IN ('wijzigingslog', 'vergeetlog', 'inzagelog', 'gebeurtenis', 'vernietigingslog',
									  'klantbeeld_wachtrij')
				AND NOT c.relispartition ORDER BY 1 LOOP
		tabel := t;
		EXECUTE format('SELECT count(*) FROM klantinteracties.%I', t) INTO rijen;
		RETURN NEXT;
	END LOOP;
END $$;

BEGIN;

-- Jan de Vries (a01, BSN) and a duplicate without BSN (a02) with the same
-- e-mail address in another spelling, at the same address; another Jan de
-- Vries with his own BSN (a03); a company with Jan's mobile number (a05).
INSERT INTO partij (uuid, nummer, soort_partij, indicatie_actief, voorkeurstaal, interne_notitie, indicatie_geheimhouding,
	bezoekadres_straatnaam, bezoekadres_huisnummer, bezoekadres_postcode, bezoekadres_stad,
	correspondentieadres_adresregel1, correspondentieadres_postcode, correspondentieadres_stad) VALUES
	('00000000-0000-0000-0000-000000000a01', NULL, 'persoon', true, 'nld', 'Slechthorend.', NULL,
	 'Dorpsstraat', 1, '1234 AB', 'Ergenshuizen', '', NULL, ''),
	('00000000-0000-0000-0000-000000000a02', '2002', 'persoon', true, '', 'Heeft een hond.', true,
	 'Dorpsstraat', 1, '1234 AB', 'Ergenshuizen', 'Postbus 5', '1234 AA', 'Ergenshuizen'),
	('00000000-0000-0000-0000-000000000a03', NULL, 'persoon', true, '', '', NULL,
	 'Dorpsstraat', 9, '1234 AB', 'Ergenshuizen', '', NULL, ''),
	('00000000-0000-0000-0000-000000000a04', NULL, 'persoon', true, '', '', NULL, '', NULL, NULL, '', '', NULL, ''),
	('00000000-0000-0000-0000-000000000a05', NULL, 'organisatie', true, '', '', NULL,
	 'Dorpsstraat', 2, '1234 AB', 'Ergenshuizen', '', NULL, '');
INSERT INTO persoon (partij, contactnaam_voorletters, contactnaam_voornaam, contactnaam_voorvoegsel_achternaam, contactnaam_achternaam) VALUES
	('00000000-0000-0000-0000-000000000a01', 'J.', 'Jan', 'de', 'Vries'),
	('00000000-0000-0000-0000-000000000a02', 'J.', '', 'de', 'Vries'),
	('00000000-0000-0000-0000-000000000a03', 'J.', 'Jan', 'de', 'Vries'),
	('00000000-0000-0000-0000-000000000a04', 'P.', 'Piet', '', 'Pietersen');
INSERT INTO organisatie (partij, naam) VALUES ('00000000-0000-0000-0000-000000000a05', 'De Vries Installaties B.V.');
INSERT INTO partij_identificator (identificeerde_partij, code_register, code_objecttype, code_soort_object_id, object_id) VALUES
	('00000000-0000-0000-0000-000000000a01', 'brp', 'natuurlijk_persoon', 'bsn', '111222333'),
	('00000000-0000-0000-0000-000000000a03', 'brp', 'natuurlijk_persoon', 'bsn', '123456782');
INSERT INTO klantcontact (uuid, kanaal, onderwerp, taal, vertrouwelijk, plaatsgevonden_op) VALUES
	('00000000-0000-0000-0000-000000000c01', 'telefoon', 'Paspoort', 'nld', false, '2024-01-10 10:00'),
	('00000000-0000-0000-0000-000000000c02', 'balie', 'Rijbewijs', 'nld', false, '2024-02-10 10:00'),
	('00000000-0000-0000-0000-000000000c03', 'e-mail', 'Parkeervergunning', 'nld', false, '2024-03-10 10:00');
INSERT INTO betrokkene (uuid, was_partij, had_klantcontact, rol, initiator) VALUES
	('00000000-0000-0000-0000-000000000b01', '00000000-0000-0000-0000-000000000a01', '00000000-0000-0000-0000-000000000c01', 'klant', true),
	('00000000-0000-0000-0000-000000000b02', '00000000-0000-0000-0000-000000000a01', '00000000-0000-0000-0000-000000000c02', 'klant', true),
	('00000000-0000-0000-0000-000000000b03', '00000000-0000-0000-0000-000000000a02', '00000000-0000-0000-0000-000000000c03', 'klant', true);
-- a02's e-mail address was given at its klantcontact and kept for the
-- partij too (it is both the betrokkene's and the partij's).
INSERT INTO digitaal_adres (verstrekt_door_partij, verstrekt_door_betrokkene, soort_digitaal_adres, adres, is_standaard_adres,
	is_voorkeursadres, omschrijving, verificatie_datum) VALUES
	('00000000-0000-0000-0000-000000000a01', NULL, 'email', 'jan@example.com', true, true, 'privé', '2023-05-01'),
	('00000000-0000-0000-0000-000000000a01', NULL, 'telefoonnummer', '06-12345678', true, false, '', NULL),
	('00000000-0000-0000-0000-000000000a02', '00000000-0000-0000-0000-000000000b03', 'email', 'JAN@Example.com', true, false, '', '2024-03-10'),
	('00000000-0000-0000-0000-000000000a02', NULL, 'telefoonnummer', '020-7654321', true, true, 'vast', NULL),
	('00000000-0000-0000-0000-000000000a05', NULL, 'telefoonnummer', '+31612345678', true, false, '', NULL);
INSERT INTO rekeningnummer (partij, iban, is_voorkeursrekeningnummer)
VALUES ('00000000-0000-0000-0000-000000000a02', 'NL91ABNA0417164300', true);
INSERT INTO vertegenwoordiging (vertegenwoordigende_partij, vertegenwoordigde_partij)
VALUES ('00000000-0000-0000-0000-000000000a02', '00000000-0000-0000-0000-000000000a04');
INSERT INTO categorie (uuid, naam) VALUES ('00000000-0000-0000-0000-000000000e01', 'Mantelzorger');
INSERT INTO categorie_relatie (partij, categorie, begin_datum)
VALUES ('00000000-0000-0000-0000-000000000a02', '00000000-0000-0000-0000-000000000e01', '2023-01-01');
ANALYZE;

-- Likely duplicates of Jan: the partij without BSN, by e-mail address and
-- by name at the same postcode.  Not the other Jan de Vries (another BSN:
-- another person), not the company with his number (another soort).
SELECT kandidaat, naam, score, redenen FROM mogelijke_dubbelen('00000000-0000-0000-0000-000000000a01');
-- Seen from the duplicate, both Jans are candidates.
SELECT kandidaat, naam, score, redenen FROM mogelijke_dubbelen('00000000-0000-0000-0000-000000000a02');
-- Nobody resembles Piet.
SELECT count(*) AS geen FROM mogelijke_dubbelen('00000000-0000-0000-0000-000000000a04');

-- Refused, with every conflict listed and nothing changed (23K01): two
-- BSNs; a persoon and an organisatie; a partij with itself (22023); a
-- partij that does not exist (P0002).
SELECT pg_temp.probeer($$SELECT voeg_partijen_samen('00000000-0000-0000-0000-000000000a01', '00000000-0000-0000-0000-000000000a03')$$);
SELECT pg_temp.probeer($$SELECT voeg_partijen_samen('00000000-0000-0000-0000-000000000a01', '00000000-0000-0000-0000-000000000a05')$$);
SELECT pg_temp.probeer($$SELECT voeg_partijen_samen('00000000-0000-0000-0000-000000000a01', '00000000-0000-0000-0000-000000000a01')$$);
SELECT pg_temp.probeer($$SELECT voeg_partijen_samen('00000000-0000-0000-0000-000000000a01', '00000000-0000-0000-0000-00000000ffff')$$);
-- Every kind of competing value at once.
INSERT INTO partij (uuid, nummer, soort_partij, indicatie_actief, voorkeurstaal, interne_notitie,
	bezoekadres_straatnaam, bezoekadres_huisnummer, bezoekadres_postcode, bezoekadres_stad)
VALUES ('00000000-0000-0000-0000-000000000a06', '6006', 'persoon', true, 'eng', repeat('x', 990),
		'Kerkstraat', 5, '1234 AB', 'Ergenshuizen');
INSERT INTO persoon (partij, contactnaam_voornaam, contactnaam_voorvoegsel_achternaam, contactnaam_achternaam)
VALUES ('00000000-0000-0000-0000-000000000a06', 'Johan', 'de', 'Vries');
INSERT INTO digitaal_adres (verstrekt_door_partij, soort_digitaal_adres, adres, omschrijving, referentie) VALUES
	('00000000-0000-0000-0000-000000000a06', 'email', 'jan@example.com', 'werk', ''),
	('00000000-0000-0000-0000-000000000a06', 'telefoonnummer', '06-29998888', '', 'portaalvoorkeur');
UPDATE digitaal_adres SET referentie = 'portaalvoorkeur'
 WHERE verstrekt_door_partij = '00000000-0000-0000-0000-000000000a01' AND soort_digitaal_adres = 'telefoonnummer';
INSERT INTO rekeningnummer (partij, iban, bic) VALUES
	('00000000-0000-0000-0000-000000000a01', 'NL02ABNA0123456789', 'ABNANL2A'),
	('00000000-0000-0000-0000-000000000a06', 'NL02ABNA0123456789', 'INGBNL2A');
SELECT pg_temp.probeer($$SELECT voeg_partijen_samen('00000000-0000-0000-0000-000000000a02', '00000000-0000-0000-0000-000000000a06')$$);
SELECT pg_temp.probeer($$SELECT voeg_partijen_samen('00000000-0000-0000-0000-000000000a01', '00000000-0000-0000-0000-000000000a06')$$);
DELETE FROM partij WHERE uuid = '00000000-0000-0000-0000-000000000a06';
DELETE FROM rekeningnummer WHERE iban = 'NL02ABNA0123456789';
UPDATE digitaal_adres SET referentie = '' WHERE referentie = 'portaalvoorkeur';

-- The merge of the duplicate into Jan.
CREATE TEMP TABLE voor AS SELECT * FROM pg_temp.tellingen();
SELECT jsonb_pretty(voeg_partijen_samen('00000000-0000-0000-0000-000000000a01', '00000000-0000-0000-0000-000000000a02'));
-- Nothing lost: one partij and its persoon row less; the shared e-mail
-- address is one row for Jan now, and the duplicate's row stays with the
-- betrokkene that gave it; one merge recorded.
SELECT v.tabel, v.rijen AS voor, n.rijen AS na
  FROM voor v JOIN pg_temp.tellingen() n USING (tabel)
 WHERE v.rijen <> n.rijen OR v.tabel IN ('betrokkene', 'klantcontact', 'digitaal_adres') ORDER BY 1;
SELECT count(*) AS opgeheven FROM partij WHERE uuid = '00000000-0000-0000-0000-000000000a02';
-- What Jan has now: the duplicate's nummer, correspondentieadres and
-- geheimhouding, both notes, his own voorkeurstaal and names.
SELECT p.nummer, p.voorkeurstaal, p.interne_notitie, p.indicatie_geheimhouding, k.bezoekadres, k.correspondentieadres, k.naam
  FROM partij p JOIN klantbeeld k USING (uuid) WHERE uuid = '00000000-0000-0000-0000-000000000a01';
-- His addresses: the e-mail address once, with his omschrijving and
-- voorkeur and the later verification date; the other number moved, not
-- standaard (he has one) and not voorkeur (he has one).
SELECT soort_digitaal_adres, adres, omschrijving, is_standaard_adres, is_voorkeursadres, verificatie_datum
  FROM digitaal_adres WHERE verstrekt_door_partij = '00000000-0000-0000-0000-000000000a01' ORDER BY 1, 2;
SELECT adres, verstrekt_door_partij, verstrekt_door_betrokkene FROM digitaal_adres WHERE adres = 'JAN@Example.com';
-- Klantcontacten, bank account, representation, category: all his now.
SELECT onderwerp, rollen FROM contacthistorie('00000000-0000-0000-0000-000000000a01');
SELECT iban, is_voorkeursrekeningnummer FROM rekeningnummer WHERE partij = '00000000-0000-0000-0000-000000000a01';
SELECT n.naam AS vertegenwoordigt FROM vertegenwoordiging v JOIN partij_naam n ON n.partij = v.vertegenwoordigde_partij
 WHERE v.vertegenwoordigende_partij = '00000000-0000-0000-0000-000000000a01';
SELECT c.naam, r.begin_datum FROM categorie_relatie r JOIN categorie c ON c.uuid = r.categorie
 WHERE r.partij = '00000000-0000-0000-0000-000000000a01';
SELECT opgeheven_partij, behouden_partij FROM samengevoegde_partij;
-- No longer a duplicate.
SELECT count(*) AS geen FROM mogelijke_dubbelen('00000000-0000-0000-0000-000000000a01')
 WHERE kandidaat = '00000000-0000-0000-0000-000000000a02';

-- A betrokkene written later for the old uuid goes to Jan.
INSERT INTO betrokkene (uuid, was_partij, had_klantcontact, rol, initiator)
VALUES ('00000000-0000-0000-0000-000000000b04', '00000000-0000-0000-0000-000000000a02', '00000000-0000-0000-0000-000000000c03', 'klant', false);
SELECT was_partij FROM betrokkene WHERE uuid = '00000000-0000-0000-0000-000000000b04';
-- An unknown partij is still refused by the foreign key.
SELECT pg_temp.probeer($$INSERT INTO betrokkene (was_partij, had_klantcontact, rol, initiator)
	VALUES ('00000000-0000-0000-0000-00000000ffff', '00000000-0000-0000-0000-000000000c03', 'klant', false)$$);

-- Merging a partij that absorbed another: the history points to the last
-- partij standing, so a betrokkene for the first uuid lands there too.
INSERT INTO partij (uuid, soort_partij, indicatie_actief) VALUES
	('00000000-0000-0000-0000-000000000a07', 'persoon', true),
	('00000000-0000-0000-0000-000000000a08', 'persoon', true);
SELECT voeg_partijen_samen('00000000-0000-0000-0000-000000000a07', '00000000-0000-0000-0000-000000000a01') -> 'verplaatst';
SELECT opgeheven_partij, behouden_partij FROM samengevoegde_partij ORDER BY 1;
UPDATE betrokkene SET was_partij = '00000000-0000-0000-0000-000000000a02' WHERE uuid = '00000000-0000-0000-0000-000000000b04';
SELECT was_partij FROM betrokkene WHERE uuid = '00000000-0000-0000-0000-000000000b04';
SELECT naam, bsn, aantal_klantcontacten FROM klantbeeld WHERE uuid = '00000000-0000-0000-0000-000000000a07';
-- A representation between the two partijen goes: they are one partij
-- now, which cannot represent itself.
INSERT INTO vertegenwoordiging (vertegenwoordigende_partij, vertegenwoordigde_partij)
VALUES ('00000000-0000-0000-0000-000000000a07', '00000000-0000-0000-0000-000000000a08');
SELECT voeg_partijen_samen('00000000-0000-0000-0000-000000000a07', '00000000-0000-0000-0000-000000000a08') -> 'verplaatst' -> 'vertegenwoordigingen' AS verplaatst;
SELECT n.naam AS vertegenwoordigt FROM vertegenwoordiging v JOIN partij_naam n ON n.partij = v.vertegenwoordigde_partij
 WHERE v.vertegenwoordigende_partij = '00000000-0000-0000-0000-000000000a07';

ROLLBACK;
