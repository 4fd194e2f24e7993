-- The klantbeeld on a small fixed data set built from the registration
-- examples of the standard (VNG Klantinteracties, "Registratievoorbeelden"): a counter conversation with
-- a callback, a conversation about two subjects, an e-mail with
-- attachments, an organisation acting for a person; and a partij that is no
-- longer active.  The view, klantbeeld(bsn | kvk_nummer | uuid),
-- contacthistorie, open_taken and contactgegevens_voor_opvolging.  The
-- examples of docs/klantbeeld.md are taken from here.  Rolled back at the
-- end.
SET search_path = klantinteracties, public;
SET TimeZone = 'Europe/Amsterdam';
SET DateStyle = ISO;

BEGIN;

-- Actoren.
INSERT INTO actor (uuid, naam, soort_actor) VALUES
	('00000000-0000-0000-0000-000000000201', 'Mila de Boer', 'medewerker'),
	('00000000-0000-0000-0000-000000000202', 'Ahmed Yılmaz', 'medewerker'),
	('00000000-0000-0000-0000-000000000203', 'Klantcontactcentrum', 'organisatorische_eenheid'),
	('00000000-0000-0000-0000-000000000204', 'Werk en Inkomen', 'organisatorische_eenheid'),
	('00000000-0000-0000-0000-000000000205', 'Mailbox info@', 'geautomatiseerde_actor'),
	('00000000-0000-0000-0000-000000000206', 'Formulierenserver', 'geautomatiseerde_actor');
INSERT INTO medewerker (actor, functie, emailadres, telefoonnummer) VALUES
	('00000000-0000-0000-0000-000000000201', 'Baliemedewerker', 'm.deboer@gemeente.example.com', '088-5550201'),
	('00000000-0000-0000-0000-000000000202', 'Consulent schuldhulp', 'a.yilmaz@gemeente.example.com', '088-5550202');

-- Partijen.  Karel van Deurne (BSN, addresses, a voorkeursadres, a bank
-- account); Stichting Hulp aan Huis (RSIN and KvK-nummer, a vestiging) and
-- its contactpersoon Jan Jansen; Fatima el Amrani, represented by the
-- stichting; Gerrit Smit, no longer active.
INSERT INTO partij (uuid, nummer, soort_partij, indicatie_actief, voorkeurstaal, interne_notitie,
	bezoekadres_nummeraanduiding_id, bezoekadres_straatnaam, bezoekadres_huisnummer, bezoekadres_postcode,
	bezoekadres_stad, correspondentieadres_adresregel1, correspondentieadres_postcode, correspondentieadres_stad,
	indicatie_geheimhouding) VALUES
	('00000000-0000-0000-0000-000000000101', '1001', 'persoon', true, 'nld', 'Belt liever na 17 uur.',
	 '0363200000123456', 'Amstel', 1, '1015 CJ', 'Amsterdam', '', NULL, '', NULL),
	('00000000-0000-0000-0000-000000000102', NULL, 'organisatie', true, '', '',
	 NULL, 'Kerkstraat', 12, '1017 GB', 'Amsterdam', 'Postbus 100', '1000 AA', 'Amsterdam', NULL),
	('00000000-0000-0000-0000-000000000103', NULL, 'contactpersoon', true, '', '',
	 NULL, '', NULL, NULL, '', '', NULL, '', NULL),
	('00000000-0000-0000-0000-000000000104', NULL, 'persoon', true, 'ara', '',
	 NULL, 'Javaplein', 7, '1094 HW', 'Amsterdam', '', NULL, '', true),
	('00000000-0000-0000-0000-000000000105', NULL, 'persoon', false, '', 'Verhuisd naar het buitenland.',
	 NULL, 'Dorpsstraat', 3, '1234 AB', 'Ergenshuizen', '', NULL, '', NULL),
	('00000000-0000-0000-0000-000000000106', NULL, 'organisatie', true, '', '',
	 NULL, 'Buikslotermeerplein', 2, '1025 XL', 'Amsterdam', '', NULL, '', NULL);
INSERT INTO persoon (partij, contactnaam_voorletters, contactnaam_voornaam, contactnaam_voorvoegsel_achternaam, contactnaam_achternaam) VALUES
	('00000000-0000-0000-0000-000000000101', 'K.', 'Karel', 'van', 'Deurne'),
	('00000000-0000-0000-0000-000000000104', 'F.', 'Fatima', 'el', 'Amrani'),
	('00000000-0000-0000-0000-000000000105', 'G.', '', '', 'Smit');
INSERT INTO organisatie (partij, naam) VALUES
	('00000000-0000-0000-0000-000000000102', 'Stichting Hulp aan Huis'),
	('00000000-0000-0000-0000-000000000106', 'Stichting Hulp aan Huis, vestiging Noord');
INSERT INTO contactpersoon (partij, uuid, werkte_voor_partij, contactnaam_voorletters, contactnaam_voornaam, contactnaam_achternaam)
VALUES ('00000000-0000-0000-0000-000000000103', '00000000-0000-0000-0000-000000000193',
		'00000000-0000-0000-0000-000000000102', 'J.', 'Jan', 'Jansen');
INSERT INTO partij_identificator (uuid, identificeerde_partij, code_register, code_objecttype, code_soort_object_id,
	object_id, sub_identificator_van) VALUES
	('00000000-0000-0000-0000-000000000901', '00000000-0000-0000-0000-000000000101', 'brp', 'natuurlijk_persoon', 'bsn', '111222333', NULL),
	('00000000-0000-0000-0000-000000000902', '00000000-0000-0000-0000-000000000102', 'hr', 'niet_natuurlijk_persoon', 'kvk_nummer', '69599084', NULL),
	('00000000-0000-0000-0000-000000000903', '00000000-0000-0000-0000-000000000102', 'hr', 'niet_natuurlijk_persoon', 'rsin', '296648875', NULL),
	('00000000-0000-0000-0000-000000000904', '00000000-0000-0000-0000-000000000104', 'brp', 'natuurlijk_persoon', 'bsn', '123456782', NULL),
	('00000000-0000-0000-0000-000000000905', '00000000-0000-0000-0000-000000000105', 'brp', 'natuurlijk_persoon', 'bsn', '999999990', NULL),
	('00000000-0000-0000-0000-000000000906', '00000000-0000-0000-0000-000000000106', 'hr', 'vestiging', 'vestigingsnummer', '000038509504',
	 '00000000-0000-0000-0000-000000000902');
INSERT INTO digitaal_adres (uuid, verstrekt_door_partij, soort_digitaal_adres, adres, is_standaard_adres,
	is_voorkeursadres, omschrijving, verificatie_datum) VALUES
	('00000000-0000-0000-0000-000000000501', '00000000-0000-0000-0000-000000000101', 'email', 'karel@example.com', true, true, 'privé', '2024-01-15'),
	('00000000-0000-0000-0000-000000000502', '00000000-0000-0000-0000-000000000101', 'telefoonnummer', '06-12345678', true, false, 'mobiel', NULL),
	('00000000-0000-0000-0000-000000000506', '00000000-0000-0000-0000-000000000102', 'email', 'info@hulpaanhuis.example.com', true, false, '', NULL),
	('00000000-0000-0000-0000-000000000507', '00000000-0000-0000-0000-000000000103', 'email', 'jan@hulpaanhuis.example.com', true, false, '', NULL),
	('00000000-0000-0000-0000-000000000508', '00000000-0000-0000-0000-000000000105', 'telefoonnummer', '020-1234567', true, true, '', NULL),
	('00000000-0000-0000-0000-000000000509', '00000000-0000-0000-0000-000000000104', 'telefoonnummer', '06-55554444', true, false, '', NULL);
INSERT INTO rekeningnummer (uuid, partij, iban, bic, is_voorkeursrekeningnummer)
VALUES ('00000000-0000-0000-0000-000000001001', '00000000-0000-0000-0000-000000000101', 'NL91 ABNA 0417 1643 00', 'ABNANL2A', true);
INSERT INTO vertegenwoordiging (uuid, vertegenwoordigende_partij, vertegenwoordigde_partij)
VALUES ('00000000-0000-0000-0000-000000001101', '00000000-0000-0000-0000-000000000102', '00000000-0000-0000-0000-000000000104');

-- 4.2 example 2, counter conversation -> callback: Karel at the counter;
-- betrokkene klant; a one-off number for the callback on the betrokkene;
-- interne taak "terugbellen" for a colleague.  Karel's own number stays.
-- The next morning the colleague calls back: a new klantcontact whose
-- onderwerpobject is the first one (case C2716).
INSERT INTO klantcontact (uuid, kanaal, onderwerp, inhoud, indicatie_contact_gelukt, taal, vertrouwelijk, plaatsgevonden_op) VALUES
	('00000000-0000-0000-0000-000000000301', 'balie', 'Kwijtschelding gemeentelijke belastingen',
	 'Vraagt of hij kwijtschelding kan krijgen; een collega belt hem terug.', true, 'nld', false, '2024-03-04 10:00'),
	('00000000-0000-0000-0000-000000000306', 'telefoon', 'Terugbelverzoek kwijtschelding',
	 'Uitgelegd hoe hij kwijtschelding aanvraagt.', true, 'nld', false, '2024-03-05 09:30');
INSERT INTO actor_klantcontact (actor, klantcontact) VALUES
	('00000000-0000-0000-0000-000000000201', '00000000-0000-0000-0000-000000000301'),
	('00000000-0000-0000-0000-000000000202', '00000000-0000-0000-0000-000000000306');
INSERT INTO betrokkene (uuid, was_partij, had_klantcontact, rol, initiator) VALUES
	('00000000-0000-0000-0000-000000000401', '00000000-0000-0000-0000-000000000101', '00000000-0000-0000-0000-000000000301', 'klant', true),
	('00000000-0000-0000-0000-000000000407', '00000000-0000-0000-0000-000000000101', '00000000-0000-0000-0000-000000000306', 'klant', false);
INSERT INTO digitaal_adres (uuid, verstrekt_door_betrokkene, soort_digitaal_adres, adres, omschrijving)
VALUES ('00000000-0000-0000-0000-000000000503', '00000000-0000-0000-0000-000000000401', 'telefoonnummer', '06-87654321', 'terugbelnummer');
INSERT INTO interne_taak (uuid, gevraagde_handeling, aanleidinggevend_klantcontact, toelichting, status, toegewezen_op, afgehandeld_op)
VALUES ('00000000-0000-0000-0000-000000000601', 'Terugbellen', '00000000-0000-0000-0000-000000000301', 'Na 17 uur.',
		'verwerkt', '2024-03-04 10:15', '2024-03-05 09:40');
INSERT INTO interne_taak_actor (interne_taak, actor)
VALUES ('00000000-0000-0000-0000-000000000601', '00000000-0000-0000-0000-000000000202');
INSERT INTO onderwerpobject (uuid, klantcontact, was_klantcontact)
VALUES ('00000000-0000-0000-0000-000000000703', '00000000-0000-0000-0000-000000000306', '00000000-0000-0000-0000-000000000301');

-- 4.2 example 3, two subjects in one counter conversation: two
-- klantcontacten.  The fallen tree became a zaak (onderwerpobject); the
-- debt question an interne taak for Werk en Inkomen and a consultant, with
-- a callback number on that klantcontact's betrokkene.
INSERT INTO klantcontact (uuid, kanaal, onderwerp, inhoud, indicatie_contact_gelukt, taal, vertrouwelijk, plaatsgevonden_op) VALUES
	('00000000-0000-0000-0000-000000000302', 'balie', 'Omgevallen boom blokkeert de Dorpsstraat',
	 'Melding gedaan; zaak aangemaakt.', true, 'nld', false, '2024-03-11 14:00'),
	('00000000-0000-0000-0000-000000000303', 'balie', 'Schuldhulpverlening',
	 'Vraagt om hulp bij schulden.', true, 'nld', true, '2024-03-11 14:05');
INSERT INTO actor_klantcontact (actor, klantcontact) VALUES
	('00000000-0000-0000-0000-000000000201', '00000000-0000-0000-0000-000000000302'),
	('00000000-0000-0000-0000-000000000201', '00000000-0000-0000-0000-000000000303');
INSERT INTO betrokkene (uuid, was_partij, had_klantcontact, rol, initiator) VALUES
	('00000000-0000-0000-0000-000000000402', '00000000-0000-0000-0000-000000000101', '00000000-0000-0000-0000-000000000302', 'klant', true),
	('00000000-0000-0000-0000-000000000403', '00000000-0000-0000-0000-000000000101', '00000000-0000-0000-0000-000000000303', 'klant', true);
INSERT INTO onderwerpobject (uuid, klantcontact, onderwerpobjectidentificator_object_id, onderwerpobjectidentificator_code_objecttype,
	onderwerpobjectidentificator_code_register, onderwerpobjectidentificator_code_soort_object_id)
VALUES ('00000000-0000-0000-0000-000000000701', '00000000-0000-0000-0000-000000000302', 'ZAAK-2024-0000123', 'zaak', 'open-zaak', 'identificatie');
INSERT INTO digitaal_adres (uuid, verstrekt_door_betrokkene, soort_digitaal_adres, adres, omschrijving)
VALUES ('00000000-0000-0000-0000-000000000504', '00000000-0000-0000-0000-000000000403', 'telefoonnummer', '06-11223344', 'terugbelnummer');
INSERT INTO interne_taak (uuid, gevraagde_handeling, aanleidinggevend_klantcontact, status, toegewezen_op)
VALUES ('00000000-0000-0000-0000-000000000602', 'Terugbellen over schuldhulp', '00000000-0000-0000-0000-000000000303',
		'te_verwerken', '2024-03-11 14:20');
INSERT INTO interne_taak_actor (interne_taak, actor) VALUES
	('00000000-0000-0000-0000-000000000602', '00000000-0000-0000-0000-000000000204'),
	('00000000-0000-0000-0000-000000000602', '00000000-0000-0000-0000-000000000202');

-- 4.2 example 4, e-mail with attachments, no partij: the mail reader
-- registers the klantcontact with the stored e-mail and two attachments as
-- bijlagen, a betrokkene with the sender's name and address, and a taak
-- for the KCC.
INSERT INTO klantcontact (uuid, kanaal, onderwerp, inhoud, indicatie_contact_gelukt, taal, vertrouwelijk, plaatsgevonden_op)
VALUES ('00000000-0000-0000-0000-000000000304', 'e-mail', 'Aankondiging straatfeest Kerkstraat', '', true, 'nld', false, '2024-03-15 08:12');
INSERT INTO actor_klantcontact (actor, klantcontact)
VALUES ('00000000-0000-0000-0000-000000000205', '00000000-0000-0000-0000-000000000304');
INSERT INTO betrokkene (uuid, was_partij, had_klantcontact, rol, initiator, contactnaam_voornaam, contactnaam_achternaam)
VALUES ('00000000-0000-0000-0000-000000000404', NULL, '00000000-0000-0000-0000-000000000304', 'klant', true, 'Sanne', 'Visser');
INSERT INTO digitaal_adres (uuid, verstrekt_door_betrokkene, soort_digitaal_adres, adres)
VALUES ('00000000-0000-0000-0000-000000000505', '00000000-0000-0000-0000-000000000404', 'email', 'sanne.visser@example.net');
INSERT INTO bijlage (uuid, was_bijlage_van_klantcontact, bijlageidentificator_object_id, bijlageidentificator_code_objecttype,
	bijlageidentificator_code_register, bijlageidentificator_code_soort_object_id) VALUES
	('00000000-0000-0000-0000-000000000801', '00000000-0000-0000-0000-000000000304', 'https://drc.example.com/enkelvoudiginformatieobjecten/e-mail', 'informatieobject', 'drc', 'url'),
	('00000000-0000-0000-0000-000000000802', '00000000-0000-0000-0000-000000000304', 'https://drc.example.com/enkelvoudiginformatieobjecten/flyer', 'informatieobject', 'drc', 'url'),
	('00000000-0000-0000-0000-000000000803', '00000000-0000-0000-0000-000000000304', 'https://drc.example.com/enkelvoudiginformatieobjecten/route', 'informatieobject', 'drc', 'url');
INSERT INTO interne_taak (uuid, gevraagde_handeling, aanleidinggevend_klantcontact, status, toegewezen_op)
VALUES ('00000000-0000-0000-0000-000000000603', 'Lezen en bepalen benodigde actie', '00000000-0000-0000-0000-000000000304',
		'te_verwerken', '2024-03-15 08:13');
INSERT INTO interne_taak_actor (interne_taak, actor)
VALUES ('00000000-0000-0000-0000-000000000603', '00000000-0000-0000-0000-000000000203');

-- 4.2 example 5, an organisation applies for a product on behalf of a
-- person: betrokkenen are the persoon (klant) and the contactpersoon
-- (vertegenwoordiger), not the organisation itself; the e-form data are a
-- bijlage, the zaak made from it an onderwerpobject.
INSERT INTO klantcontact (uuid, kanaal, onderwerp, inhoud, indicatie_contact_gelukt, taal, vertrouwelijk, plaatsgevonden_op)
VALUES ('00000000-0000-0000-0000-000000000305', 'webformulier', 'Aanvraag Wmo-voorziening (traplift)', '', true, 'nld', true, '2024-03-20 16:30');
INSERT INTO actor_klantcontact (actor, klantcontact)
VALUES ('00000000-0000-0000-0000-000000000206', '00000000-0000-0000-0000-000000000305');
INSERT INTO betrokkene (uuid, was_partij, had_klantcontact, rol, initiator) VALUES
	('00000000-0000-0000-0000-000000000405', '00000000-0000-0000-0000-000000000104', '00000000-0000-0000-0000-000000000305', 'klant', false),
	('00000000-0000-0000-0000-000000000406', '00000000-0000-0000-0000-000000000103', '00000000-0000-0000-0000-000000000305', 'vertegenwoordiger', true);
INSERT INTO bijlage (uuid, was_bijlage_van_klantcontact, bijlageidentificator_object_id, bijlageidentificator_code_objecttype,
	bijlageidentificator_code_register, bijlageidentificator_code_soort_object_id)
VALUES ('00000000-0000-0000-0000-000000000804', '00000000-0000-0000-0000-000000000305', 'https://objecten.example.com/objects/wmo-aanvraag-1', 'formulierinzending', 'objecten', 'url');
INSERT INTO onderwerpobject (uuid, klantcontact, onderwerpobjectidentificator_object_id, onderwerpobjectidentificator_code_objecttype,
	onderwerpobjectidentificator_code_register, onderwerpobjectidentificator_code_soort_object_id)
VALUES ('00000000-0000-0000-0000-000000000702', '00000000-0000-0000-0000-000000000305', 'ZAAK-2024-0000456', 'zaak', 'open-zaak', 'identificatie');

-- Gerrit Smit, no longer active, called about his afvalpas.
INSERT INTO klantcontact (uuid, kanaal, onderwerp, inhoud, indicatie_contact_gelukt, taal, vertrouwelijk, plaatsgevonden_op)
VALUES ('00000000-0000-0000-0000-000000000307', 'telefoon', 'Afvalpas kwijt', 'Nieuwe pas aangevraagd.', true, 'nld', false, '2024-02-01 11:00');
INSERT INTO actor_klantcontact (actor, klantcontact)
VALUES ('00000000-0000-0000-0000-000000000202', '00000000-0000-0000-0000-000000000307');
INSERT INTO betrokkene (uuid, was_partij, had_klantcontact, rol, initiator)
VALUES ('00000000-0000-0000-0000-000000000408', '00000000-0000-0000-0000-000000000105', '00000000-0000-0000-0000-000000000307', 'klant', true);
INSERT INTO interne_taak (uuid, gevraagde_handeling, aanleidinggevend_klantcontact, status, toegewezen_op)
VALUES ('00000000-0000-0000-0000-000000000604', 'Nieuwe afvalpas opsturen', '00000000-0000-0000-0000-000000000307',
		'te_verwerken', '2024-02-01 11:05');
INSERT INTO interne_taak_actor (interne_taak, actor)
VALUES ('00000000-0000-0000-0000-000000000604', '00000000-0000-0000-0000-000000000202');

-- The view: one row per partij.
SELECT naam, soort_partij, nummer, bsn, rsin, kvk_nummer, vestigingsnummer, indicatie_actief, indicatie_geheimhouding,
	   voorkeurstaal
  FROM klantbeeld ORDER BY naam;
SELECT naam, bezoekadres, correspondentieadres, voorkeurs_digitaal_adres, standaard_emailadres, standaard_telefoonnummer,
	   standaard_overig_adres
  FROM klantbeeld ORDER BY naam;
SELECT naam, aantal_klantcontacten, laatste_klantcontact_op, open_interne_taken
  FROM klantbeeld ORDER BY naam;
-- Filtering on the typed identificator columns.
SELECT naam, bsn, aantal_klantcontacten FROM klantbeeld WHERE bsn = '111222333';
SELECT naam, kvk_nummer FROM klantbeeld WHERE kvk_nummer = '69599084';
SELECT naam, vestigingsnummer FROM klantbeeld WHERE vestigingsnummer = '000038509504';

-- The document of a persoon: Karel, four klantcontacten newest first (the
-- callback points to the counter conversation it answers).
SELECT jsonb_pretty(klantbeeld('111222333'::bsn));
-- The document of an organisatie: its vestiging, contactpersoon, the
-- persoon it represents; it was not itself a betrokkene of anything.
SELECT jsonb_pretty(klantbeeld('69599084'::kvk_nummer));
-- By uuid: the represented persoon; the contact shows both betrokkenen.
SELECT jsonb_pretty(klantbeeld('00000000-0000-0000-0000-000000000104'::uuid) - 'partij' - 'partijIdentificatoren');
-- Nobody has this BSN, and no partij this uuid.
SELECT klantbeeld('111222345'::bsn) IS NULL AS geen_bsn, klantbeeld('00000000-0000-0000-0000-00000000ffff'::uuid) IS NULL AS geen_uuid;

-- Contact history: newest first; by period [van, tot) and by kanaal.
SELECT * FROM contacthistorie('00000000-0000-0000-0000-000000000101');
SELECT plaatsgevonden_op, kanaal, onderwerp
  FROM contacthistorie('00000000-0000-0000-0000-000000000101', van => '2024-03-05', tot => '2024-03-11 14:05');
SELECT plaatsgevonden_op, kanaal, onderwerp
  FROM contacthistorie(zoek_partij('111222333'::bsn), kanaal => 'telefoon');
-- A vertegenwoordiger sees the contact it took part in, with its rol.
SELECT onderwerp, rollen, initiator FROM contacthistorie('00000000-0000-0000-0000-000000000103');

-- Open interne taken per actor, oldest first; a taak with two actors is on
-- both lists.
SELECT actor_naam, gevraagde_handeling, toegewezen_op, kanaal, onderwerp FROM open_taken();
SELECT gevraagde_handeling, toegewezen_op, onderwerp FROM open_taken('00000000-0000-0000-0000-000000000202');

-- Contact details for following up (VNG Klantinteracties, contactgegevens).  The callback of
-- example 2: the one-off number given at the counter first, then Karel's
-- voorkeursadres, then his other defaults, except his own telephone number,
-- which the one-off number overrides.
SELECT naam, rang, soort, adres, bron, kenmerk
  FROM contactgegevens_voor_opvolging('00000000-0000-0000-0000-000000000301');
-- The e-mail without partij: only what the sender gave.
SELECT naam, rang, soort, adres, bron FROM contactgegevens_voor_opvolging('00000000-0000-0000-0000-000000000304');
-- The organisation acting for a person: per betrokkene, klant first.
SELECT naam, rol, rang, soort, adres, bron, kenmerk
  FROM contactgegevens_voor_opvolging('00000000-0000-0000-0000-000000000305');
-- Gerrit Smit is not active: none of his details.
SELECT count(*) AS niets FROM contactgegevens_voor_opvolging('00000000-0000-0000-0000-000000000307');
-- ... but what he gives at a contact himself is used.
INSERT INTO digitaal_adres (verstrekt_door_betrokkene, soort_digitaal_adres, adres)
VALUES ('00000000-0000-0000-0000-000000000408', 'email', 'gerrit@example.org');
SELECT naam, rang, soort, adres, bron FROM contactgegevens_voor_opvolging('00000000-0000-0000-0000-000000000307');
-- When he is active again, his own telephone number follows.
UPDATE partij SET indicatie_actief = true WHERE uuid = '00000000-0000-0000-0000-000000000105';
SELECT naam, rang, soort, adres, bron, kenmerk FROM contactgegevens_voor_opvolging('00000000-0000-0000-0000-000000000307');

-- A partij with nothing but its row: the document has every key, with
-- empty lists.
INSERT INTO partij (uuid, soort_partij, indicatie_actief) VALUES ('00000000-0000-0000-0000-000000000199', 'persoon', true);
SELECT jsonb_pretty(document) FROM klantbeeld WHERE uuid = '00000000-0000-0000-0000-000000000199';

ROLLBACK;
