-- Klantcontacten with betrokkenen, onderwerpobjecten and bijlagen: required
-- fields, lengths, unique integer-string numbers, the gelukt / verdere-actie
-- rule, the metadata shape, what deleting a klantcontact takes along, and
-- the lookups (newest first, by partij through betrokkene, icontains).
-- Every rule: a row accepted and a row refused, with SQLSTATE and the
-- message naming the rule.  Rolled back at the end.
\i sql/include/helpers.psql

BEGIN;

-- Required: kanaal, onderwerp, taal (not empty), vertrouwelijk.
SELECT pg_temp.probeer($$INSERT INTO klantcontact (uuid, kanaal, onderwerp, taal, vertrouwelijk)
	VALUES ('00000000-0000-0000-0000-0000000000a1', 'telefoon', 'Paspoort aanvragen', 'nld', false)$$);
SELECT plaatsgevonden_op = now() AS nu, inhoud, reactie, indicatie_contact_gelukt, verdere_actie_ondernomen, metadata
  FROM klantcontact;
SELECT pg_temp.probeer($$INSERT INTO klantcontact (onderwerp, taal, vertrouwelijk) VALUES ('x', 'nld', false)$$);
SELECT pg_temp.probeer($$INSERT INTO klantcontact (kanaal, onderwerp, taal, vertrouwelijk) VALUES (' ', 'x', 'nld', false)$$);
SELECT pg_temp.probeer($$INSERT INTO klantcontact (kanaal, onderwerp, taal, vertrouwelijk) VALUES ('telefoon', '', 'nld', false)$$);
SELECT pg_temp.probeer($$INSERT INTO klantcontact (kanaal, onderwerp, taal, vertrouwelijk) VALUES ('telefoon', 'x', '', false)$$);
SELECT pg_temp.probeer($$INSERT INTO klantcontact (kanaal, onderwerp, taal) VALUES ('telefoon', 'x', 'nld')$$);
-- Lengths as in the API.
SELECT pg_temp.probeer($$UPDATE klantcontact SET kanaal = repeat('k', 50), onderwerp = repeat('o', 200), inhoud = repeat('i', 1000),
	reactie = repeat('r', 4000), taal = 'ndl', hoofd_onderwerp_type = 'https://catalogi.example.nl/api/v1/zaaktypen/1'$$);
SELECT v, pg_temp.probeer(format('UPDATE klantcontact SET %s', v)) FROM (VALUES
	('kanaal = repeat(''k'', 51)'), ('onderwerp = repeat(''o'', 201)'), ('inhoud = repeat(''i'', 1001)'),
	('reactie = repeat(''r'', 4001)'), ('taal = ''nldx'''), ('hoofd_onderwerp_type = ''geen url''')) t(v);
-- nummer and referentienummer: integer strings, unique.
SELECT pg_temp.probeer($$UPDATE klantcontact SET nummer = '1', referentienummer = '0012'$$);
SELECT pg_temp.probeer($$INSERT INTO klantcontact (kanaal, onderwerp, taal, vertrouwelijk, nummer) VALUES ('post', 'x', 'nld', false, '1')$$);
SELECT pg_temp.probeer($$INSERT INTO klantcontact (kanaal, onderwerp, taal, vertrouwelijk, referentienummer) VALUES ('post', 'x', 'nld', false, '0012')$$);
SELECT pg_temp.probeer($$INSERT INTO klantcontact (kanaal, onderwerp, taal, vertrouwelijk, nummer) VALUES ('post', 'x', 'nld', false, 'een')$$);
SELECT pg_temp.probeer($$INSERT INTO klantcontact (kanaal, onderwerp, taal, vertrouwelijk, referentienummer) VALUES ('post', 'x', 'nld', false, '1.5')$$);

-- Not both indicatieContactGelukt and verdereActieOndernomen: every
-- combination.
SELECT g, v, pg_temp.probeer(format('UPDATE klantcontact SET indicatie_contact_gelukt = %s, verdere_actie_ondernomen = %s', g, v))
  FROM (VALUES ('NULL'), ('false'), ('true')) a(g), (VALUES ('false'), ('true')) b(v) ORDER BY 1, 2;

-- metadata: an object whose values are strings of at most 255 characters
-- (the vectors of Open Klant's API tests).
SELECT v, pg_temp.probeer(format('UPDATE klantcontact SET metadata = %L', v)) FROM (VALUES
	('{"Betreft": "Paspoortaanvraag", "Type": "Vraag", "Opmerking": "Dit is een geldige korte string"}'), ('{}'),
	('{"Betreft": "' || repeat('x', 255) || '"}'), ('[]'), ('"string"'), ('{"Betreft": 123, "Type": "Vraag"}'),
	('{"Betreft": null}'), ('{"Betreft": {"a": "b"}}'), ('{"Betreft": "' || repeat('x', 256) || '"}')) t(v);
SELECT pg_temp.probeer($$UPDATE klantcontact SET metadata = NULL$$);

-- Betrokkene: hadKlantcontact required, rol an enumeration, initiator
-- required, adres and contactnaam groups as on partij.
INSERT INTO partij (uuid, soort_partij, indicatie_actief) VALUES ('00000000-0000-0000-0000-000000000001', 'persoon', true);
SELECT pg_temp.probeer($$INSERT INTO betrokkene (uuid, was_partij, had_klantcontact, rol, initiator, contactnaam_voornaam, contactnaam_achternaam,
	correspondentieadres_postcode, correspondentieadres_huisnummer)
	VALUES ('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-0000000000a1',
	'klant', true, 'Karel', 'van Deurne', '1008DG', 12)$$);
SELECT pg_temp.probeer($$INSERT INTO betrokkene (uuid, had_klantcontact, rol, initiator, organisatienaam)
	VALUES ('00000000-0000-0000-0000-0000000000b2', '00000000-0000-0000-0000-0000000000a1', 'vertegenwoordiger', false, 'Adviesbureau')$$);
SELECT uuid, rol, initiator, volledige_naam, organisatienaam, correspondentieadres_postcode FROM betrokkene ORDER BY uuid;
SELECT pg_temp.probeer($$INSERT INTO betrokkene (rol, initiator) VALUES ('klant', true)$$);
SELECT pg_temp.probeer($$INSERT INTO betrokkene (had_klantcontact, rol, initiator) VALUES ('00000000-0000-0000-0000-0000000000ff', 'klant', true)$$);
SELECT pg_temp.probeer($$INSERT INTO betrokkene (had_klantcontact, rol, initiator) VALUES ('00000000-0000-0000-0000-0000000000a1', 'initiatiefnemer', true)$$);
SELECT pg_temp.probeer($$INSERT INTO betrokkene (had_klantcontact, rol) VALUES ('00000000-0000-0000-0000-0000000000a1', 'klant')$$);
SELECT pg_temp.probeer($$INSERT INTO betrokkene (had_klantcontact, rol, initiator, was_partij) VALUES ('00000000-0000-0000-0000-0000000000a1', 'klant', true, '00000000-0000-0000-0000-0000000000ff')$$);
SELECT pg_temp.probeer($$INSERT INTO betrokkene (had_klantcontact, rol, initiator, bezoekadres_huisnummer) VALUES ('00000000-0000-0000-0000-0000000000a1', 'klant', true, 0)$$);
SELECT pg_temp.probeer($$INSERT INTO betrokkene (had_klantcontact, rol, initiator, organisatienaam) VALUES ('00000000-0000-0000-0000-0000000000a1', 'klant', true, repeat('x', 201))$$);

-- Onderwerpobject and bijlage: free identificators (at most 200
-- characters), references to existing klantcontacten.
INSERT INTO klantcontact (uuid, kanaal, onderwerp, taal, vertrouwelijk, plaatsgevonden_op)
VALUES ('00000000-0000-0000-0000-0000000000a2', 'email', 'Antwoord', 'nld', false, now() + interval '1 hour');
SELECT pg_temp.probeer($$INSERT INTO onderwerpobject (uuid, klantcontact, was_klantcontact, onderwerpobjectidentificator_object_id,
	onderwerpobjectidentificator_code_objecttype, onderwerpobjectidentificator_code_register, onderwerpobjectidentificator_code_soort_object_id)
	VALUES ('00000000-0000-0000-0000-0000000000c1', '00000000-0000-0000-0000-0000000000a2', '00000000-0000-0000-0000-0000000000a1',
	'1b0e2e8a-0000-4000-8000-000000000001', 'zaak', 'open-zaak', 'uuid')$$);
SELECT pg_temp.probeer($$INSERT INTO onderwerpobject (klantcontact) VALUES ('00000000-0000-0000-0000-0000000000ff')$$);
SELECT pg_temp.probeer($$INSERT INTO onderwerpobject (onderwerpobjectidentificator_object_id) VALUES (repeat('x', 201))$$);
SELECT pg_temp.probeer($$INSERT INTO bijlage (uuid, was_bijlage_van_klantcontact, bijlageidentificator_object_id, bijlageidentificator_code_objecttype)
	VALUES ('00000000-0000-0000-0000-0000000000e1', '00000000-0000-0000-0000-0000000000a1', 'https://drc.example.nl/enkelvoudiginformatieobjecten/1', 'informatieobject')$$);
SELECT pg_temp.probeer($$INSERT INTO bijlage (was_bijlage_van_klantcontact) VALUES ('00000000-0000-0000-0000-0000000000ff')$$);
SELECT pg_temp.probeer($$INSERT INTO bijlage (bijlageidentificator_code_register) VALUES (repeat('x', 201))$$);

-- Lookups: newest first, klantcontacten of a partij through betrokkene,
-- icontains on onderwerp / inhoud / reactie.
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT uuid FROM klantcontact ORDER BY plaatsgevonden_op DESC, uuid DESC LIMIT 10;
SELECT uuid, left(onderwerp, 10) AS onderwerp FROM klantcontact ORDER BY plaatsgevonden_op DESC, uuid DESC LIMIT 10;
EXPLAIN (COSTS OFF)
SELECT k.uuid FROM betrokkene b JOIN klantcontact k ON k.uuid = b.had_klantcontact
 WHERE b.was_partij = '00000000-0000-0000-0000-000000000001';
EXPLAIN (COSTS OFF) SELECT uuid FROM klantcontact WHERE onderwerp ILIKE '%antwoord%';
EXPLAIN (COSTS OFF) SELECT uuid FROM klantcontact WHERE inhoud ILIKE '%iii%' OR reactie ILIKE '%rrr%';
EXPLAIN (COSTS OFF) SELECT uuid FROM betrokkene WHERE volledige_naam ILIKE '%deurne%';
RESET enable_seqscan;

-- Deleting a klantcontact takes its betrokkenen, onderwerpobjecten (as
-- klantcontact and as was_klantcontact), bijlagen, actor links and interne
-- taken; addresses a betrokkene provided stay (Open Klant's SET NULL).
INSERT INTO actor (uuid, naam, soort_actor) VALUES ('00000000-0000-0000-0000-0000000000f1', 'KCC', 'organisatorische_eenheid');
INSERT INTO actor_klantcontact (actor, klantcontact) VALUES ('00000000-0000-0000-0000-0000000000f1', '00000000-0000-0000-0000-0000000000a1');
INSERT INTO interne_taak (uuid, gevraagde_handeling, aanleidinggevend_klantcontact)
VALUES ('00000000-0000-0000-0000-0000000000f2', 'Terugbellen', '00000000-0000-0000-0000-0000000000a1');
INSERT INTO interne_taak_actor (interne_taak, actor) VALUES ('00000000-0000-0000-0000-0000000000f2', '00000000-0000-0000-0000-0000000000f1');
INSERT INTO digitaal_adres (verstrekt_door_betrokkene, soort_digitaal_adres, adres)
VALUES ('00000000-0000-0000-0000-0000000000b1', 'overig', 'karel op de app');
CREATE TEMP VIEW telling AS
SELECT (SELECT count(*) FROM klantcontact) AS klantcontact, (SELECT count(*) FROM betrokkene) AS betrokkene,
	   (SELECT count(*) FROM onderwerpobject) AS onderwerpobject, (SELECT count(*) FROM bijlage) AS bijlage,
	   (SELECT count(*) FROM actor_klantcontact) AS actor_klantcontact, (SELECT count(*) FROM interne_taak) AS interne_taak,
	   (SELECT count(*) FROM interne_taak_actor) AS interne_taak_actor, (SELECT count(*) FROM digitaal_adres) AS digitaal_adres,
	   (SELECT count(*) FROM actor) AS actor, (SELECT count(*) FROM partij) AS partij;
SELECT * FROM telling;
DELETE FROM klantcontact WHERE uuid = '00000000-0000-0000-0000-0000000000a1';
SELECT * FROM telling;
SELECT verstrekt_door_betrokkene, adres FROM digitaal_adres;

ROLLBACK;
SELECT count(*) AS klantcontacten_na_afloop FROM klantcontact;
