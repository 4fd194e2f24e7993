-- Digitale adressen and rekeningnummers: adres validated by its soort and
-- kept as given (trimmed), the canonical form in generated columns,
-- duplicates per partij found in any spelling, no 0800/090x number as a
-- klant's own, standaard- and voorkeursadres, referentie, and the lookups.
-- Every rule: a row accepted and a row refused, with SQLSTATE and the
-- message naming the rule.  Rolled back at the end.
\i sql/include/helpers.psql

-- One address (soort, adres, partij number or NULL).
CREATE FUNCTION pg_temp.adres(soort text, adres text, partij int DEFAULT NULL) RETURNS text
LANGUAGE sql AS $$
SELECT pg_temp.probeer(format(
	'INSERT INTO klantinteracties.digitaal_adres (verstrekt_door_partij, soort_digitaal_adres, adres) VALUES (%L, %L, %L)',
	('00000000-0000-0000-0000-' || lpad(partij::text, 12, '0'))::uuid, soort, adres))
$$;

BEGIN;
INSERT INTO partij (uuid, soort_partij, indicatie_actief)
SELECT ('00000000-0000-0000-0000-' || lpad(n::text, 12, '0'))::uuid, 'persoon', true FROM generate_series(1, 3) n;

-- soortDigitaalAdres is an enumeration (Open Klant's own fixture has "Email").
SELECT pg_temp.adres('Email', 'lucas@boom.nl');
-- E-mail: validated as emailadres; kept as given, trimmed.
SELECT v, pg_temp.adres('email', v) FROM (VALUES ('foobar@example.com'), ('  Lucas@Boom.NL  '), ('invalid'), ('')) t(v);
-- Telephone (the vectors of Open Klant's API tests): validated as telefoonnummer.
SELECT v, pg_temp.adres('telefoonnummer', v) FROM (VALUES
	('0612345678'), ('0201234567'), ('+31612345678'), ('+441134960000'), ('+12065550100'), ('0031612345678'),
	('00311234567'), ('0881234567'), ('0721434543'), ('06-12345678'), (' 0612345678 '),
	('0800123456'), ('0900123456'), ('1400'), ('14012'), ('14079'), ('0695azerty'), ('azerty0545'),
	('@4566544++8'), ('onetwothreefour'), ('020 753 0523'), ('+311234'), ('316123456789'), ('invalid')) t(v);
-- Acceptance: a klant's number is never a free (0800) or paid (090x)
-- service number, in any spelling.
SELECT v, pg_temp.adres('telefoonnummer', v) FROM (VALUES ('0800 1234'), ('0800-1234567'), ('+31 800 1234'), ('0031 900 1234567'), ('0906 1234')) t(v);
-- Overig: free text, but not empty; at most 80 characters.
SELECT v, pg_temp.adres('overig', v) FROM (VALUES ('@gemeente op Mastodon'), ('   '), (repeat('x', 80)), (repeat('x', 81))) t(v);
SELECT soort_digitaal_adres, '"' || adres || '"' AS adres, adres_sleutel, adres_email, adres_telefoonnummer
  FROM digitaal_adres ORDER BY soort_digitaal_adres, adres_sleutel, adres;
DELETE FROM digitaal_adres;

-- No address twice per partij and soort, in whatever spelling (Open Klant
-- #649; acceptance: two spellings of one phone number fail as duplicates).
SELECT pg_temp.adres('telefoonnummer', '0612345678', 1);
SELECT pg_temp.adres('telefoonnummer', '+31612345678', 1);
SELECT pg_temp.adres('telefoonnummer', '06-12345678', 1);
SELECT pg_temp.adres('telefoonnummer', '0031 6 12345678', 1);
SELECT pg_temp.adres('email', 'foo@example.com', 1);
SELECT pg_temp.adres('email', 'FOO@Example.COM', 1);
-- The same address for another partij, without partij, or under another
-- soort is not a duplicate.
SELECT pg_temp.adres('telefoonnummer', '+31612345678', 2);
SELECT pg_temp.adres('telefoonnummer', '+31612345678');
SELECT pg_temp.adres('telefoonnummer', '+31612345678');
SELECT pg_temp.adres('overig', '0612345678', 1);

-- Omschrijving at most 40 characters; referentie a slug of at most 50,
-- unique per partij and soort when filled.
SELECT pg_temp.probeer($$UPDATE digitaal_adres SET omschrijving = repeat('x', 40), referentie = 'portaalvoorkeur'
	WHERE verstrekt_door_partij = '00000000-0000-0000-0000-000000000001' AND soort_digitaal_adres = 'email'$$);
SELECT pg_temp.probeer($$UPDATE digitaal_adres SET omschrijving = repeat('x', 41) WHERE soort_digitaal_adres = 'email'$$);
SELECT pg_temp.probeer($$UPDATE digitaal_adres SET referentie = 'met spatie' WHERE soort_digitaal_adres = 'email'$$);
SELECT pg_temp.probeer($$UPDATE digitaal_adres SET referentie = repeat('x', 51) WHERE soort_digitaal_adres = 'email'$$);
SELECT pg_temp.probeer($$INSERT INTO digitaal_adres (verstrekt_door_partij, soort_digitaal_adres, adres, referentie)
	VALUES ('00000000-0000-0000-0000-000000000001', 'email', 'bar@example.com', 'portaalvoorkeur')$$);
SELECT pg_temp.probeer($$INSERT INTO digitaal_adres (verstrekt_door_partij, soort_digitaal_adres, adres, referentie)
	VALUES ('00000000-0000-0000-0000-000000000001', 'overig', 'bar@example.com', 'portaalvoorkeur')$$);
SELECT pg_temp.probeer($$INSERT INTO digitaal_adres (soort_digitaal_adres, adres, referentie) VALUES ('email', 'bar@example.com', 'portaalvoorkeur'),
	('email', 'baz@example.com', 'portaalvoorkeur')$$);

-- isStandaardAdres needs a partij, and demotes the previous standaard of
-- the same partij and soort (not of other soorten or partijen).
SELECT pg_temp.probeer($$INSERT INTO digitaal_adres (soort_digitaal_adres, adres, is_standaard_adres) VALUES ('email', 'x@example.com', true)$$);
SELECT pg_temp.probeer($$UPDATE digitaal_adres SET is_standaard_adres = true WHERE adres = '0612345678' AND verstrekt_door_partij = '00000000-0000-0000-0000-000000000001'$$);
SELECT pg_temp.probeer($$UPDATE digitaal_adres SET is_standaard_adres = true WHERE adres = '+31612345678' AND verstrekt_door_partij = '00000000-0000-0000-0000-000000000002'$$);
SELECT pg_temp.probeer($$UPDATE digitaal_adres SET is_standaard_adres = true WHERE adres = 'foo@example.com'$$);
SELECT pg_temp.probeer($$INSERT INTO digitaal_adres (verstrekt_door_partij, soort_digitaal_adres, adres, is_standaard_adres)
	VALUES ('00000000-0000-0000-0000-000000000001', 'telefoonnummer', '0201234567', true)$$);
-- The voorkeursadres (the partij's voorkeursDigitaalAdres): needs a partij,
-- one per partij, setting another replaces it.
SELECT pg_temp.probeer($$INSERT INTO digitaal_adres (soort_digitaal_adres, adres, is_voorkeursadres) VALUES ('email', 'y@example.com', true)$$);
SELECT pg_temp.probeer($$UPDATE digitaal_adres SET is_voorkeursadres = true WHERE adres = 'foo@example.com'$$);
SELECT pg_temp.probeer($$UPDATE digitaal_adres SET is_voorkeursadres = true WHERE adres = '0201234567'$$);
SELECT verstrekt_door_partij, soort_digitaal_adres, adres, is_standaard_adres, is_voorkeursadres
  FROM digitaal_adres WHERE verstrekt_door_partij IS NOT NULL ORDER BY 1, 2, 3;
-- The unique indexes stay as the last line of defence.
SELECT pg_temp.probeer($$ALTER TABLE digitaal_adres DISABLE TRIGGER digitaal_adres_bijwerken;
	UPDATE digitaal_adres SET is_standaard_adres = true WHERE verstrekt_door_partij = '00000000-0000-0000-0000-000000000001' AND soort_digitaal_adres = 'telefoonnummer'$$);
SELECT pg_temp.probeer($$ALTER TABLE digitaal_adres DISABLE TRIGGER digitaal_adres_bijwerken;
	UPDATE digitaal_adres SET is_voorkeursadres = true WHERE verstrekt_door_partij = '00000000-0000-0000-0000-000000000001'$$);

-- Lookup by canonical value (any spelling), and icontains through pg_trgm.
SET enable_seqscan = off;
EXPLAIN (COSTS OFF)
SELECT verstrekt_door_partij FROM digitaal_adres
 WHERE adres_sleutel = digitaal_adres_sleutel('telefoonnummer', '06 123 456 78') AND soort_digitaal_adres = 'telefoonnummer';
SELECT verstrekt_door_partij FROM digitaal_adres
 WHERE adres_sleutel = digitaal_adres_sleutel('telefoonnummer', '06 123 456 78') AND soort_digitaal_adres = 'telefoonnummer'
 ORDER BY 1;
EXPLAIN (COSTS OFF) SELECT uuid FROM digitaal_adres WHERE adres ILIKE '%EXAMPLE%';
SELECT adres FROM digitaal_adres WHERE adres ILIKE '%EXAMPLE%' ORDER BY adres;
EXPLAIN (COSTS OFF) SELECT uuid FROM digitaal_adres WHERE omschrijving ILIKE '%xxx%';
RESET enable_seqscan;

-- Rekeningnummer: typed IBAN and BIC; one voorkeursrekeningnummer per
-- partij, which needs a partij; setting another replaces it.
SELECT pg_temp.probeer($$INSERT INTO rekeningnummer (uuid, partij, iban, bic, is_voorkeursrekeningnummer)
	VALUES ('00000000-0000-0000-0000-0000000000e1', '00000000-0000-0000-0000-000000000001', 'NL91ABNA0417164300', 'ABNANL2A', true)$$);
SELECT pg_temp.probeer($$INSERT INTO rekeningnummer (uuid, partij, iban, is_voorkeursrekeningnummer)
	VALUES ('00000000-0000-0000-0000-0000000000e2', '00000000-0000-0000-0000-000000000001', 'NL44 RABO 0123 4567 89', true)$$);
SELECT pg_temp.probeer($$INSERT INTO rekeningnummer (iban, is_voorkeursrekeningnummer) VALUES ('NL91ABNA0417164300', true)$$);
SELECT pg_temp.probeer($$INSERT INTO rekeningnummer (iban) VALUES ('NL91ABNA0417164301')$$);
SELECT pg_temp.probeer($$INSERT INTO rekeningnummer (iban, bic) VALUES ('NL91ABNA0417164300', 'aaaa aaaa')$$);
SELECT pg_temp.probeer($$INSERT INTO rekeningnummer (bic) VALUES ('ABNANL2A')$$);
SELECT uuid, iban, bic, is_voorkeursrekeningnummer FROM rekeningnummer ORDER BY uuid;

-- Deleting a betrokkene keeps the addresses it provided (Open Klant's
-- SET NULL); deleting a partij is covered in partijen.sql.
INSERT INTO klantcontact (uuid, kanaal, onderwerp, taal, vertrouwelijk)
VALUES ('00000000-0000-0000-0000-0000000000a1', 'telefoon', 'Terugbelverzoek', 'nld', false);
INSERT INTO betrokkene (uuid, had_klantcontact, rol, initiator)
VALUES ('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000a1', 'klant', true);
INSERT INTO digitaal_adres (uuid, verstrekt_door_betrokkene, soort_digitaal_adres, adres)
VALUES ('00000000-0000-0000-0000-0000000000d1', '00000000-0000-0000-0000-0000000000b1', 'telefoonnummer', '0612345678');
DELETE FROM betrokkene;
SELECT uuid, verstrekt_door_partij, verstrekt_door_betrokkene, adres FROM digitaal_adres WHERE uuid = '00000000-0000-0000-0000-0000000000d1';

ROLLBACK;
SELECT count(*) AS adressen_na_afloop FROM digitaal_adres;
