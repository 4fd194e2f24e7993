-- Actoren (with their medewerker / geautomatiseerde actor / organisatorische
-- eenheid details), actorklantcontacten, interne taken and their actors:
-- enumerations, required fields, typed e-mail and phone numbers, unique
-- pairs, the afgehandeldOp automation, and the open-taken lookup.  Every
-- rule: a row accepted and a row refused, with SQLSTATE and the message
-- naming the rule.  Rolled back at the end.
\i sql/include/helpers.psql

BEGIN;

-- Actor: naam required and not empty, soortActor an enumeration,
-- indicatieActief defaults to true.
SELECT pg_temp.probeer($$INSERT INTO actor (uuid, naam, soort_actor) VALUES
	('00000000-0000-0000-0000-0000000000f1', 'Mila de Boer', 'medewerker'),
	('00000000-0000-0000-0000-0000000000f2', 'Mailbot', 'geautomatiseerde_actor'),
	('00000000-0000-0000-0000-0000000000f3', 'Klantcontactcentrum', 'organisatorische_eenheid')$$);
SELECT uuid, naam, soort_actor, indicatie_actief, actoridentificator_object_id FROM actor ORDER BY uuid;
SELECT pg_temp.probeer($$INSERT INTO actor (naam, soort_actor) VALUES ('X', 'geautomatiseerde actor')$$);
SELECT pg_temp.probeer($$INSERT INTO actor (naam, soort_actor) VALUES (' ', 'medewerker')$$);
SELECT pg_temp.probeer($$INSERT INTO actor (soort_actor) VALUES ('medewerker')$$);
SELECT pg_temp.probeer($$INSERT INTO actor (naam, soort_actor) VALUES (repeat('x', 201), 'medewerker')$$);
SELECT pg_temp.probeer($$INSERT INTO actor (naam, soort_actor, actoridentificator_code_register) VALUES ('X', 'medewerker', repeat('x', 201))$$);

-- Details hang only under an actor of their soort.
SELECT pg_temp.probeer($$INSERT INTO medewerker (actor, functie, emailadres, telefoonnummer)
	VALUES ('00000000-0000-0000-0000-0000000000f1', 'Klantcontactmedewerker', 'Mila.de.Boer@Gemeente.NL', '020-1234567')$$);
SELECT pg_temp.probeer($$INSERT INTO geautomatiseerde_actor (actor, functie, omschrijving)
	VALUES ('00000000-0000-0000-0000-0000000000f2', 'Mail lezen', 'Leest info@')$$);
SELECT pg_temp.probeer($$INSERT INTO organisatorische_eenheid (actor, omschrijving, emailadres, faxnummer, telefoonnummer)
	VALUES ('00000000-0000-0000-0000-0000000000f3', 'KCC', 'kcc@gemeente.nl', '020-7654321', '0800 1234')$$);
SELECT pg_temp.probeer($$INSERT INTO medewerker (actor, functie, telefoonnummer) VALUES ('00000000-0000-0000-0000-0000000000f3', 'x', '0612345678')$$);
SELECT pg_temp.probeer($$INSERT INTO geautomatiseerde_actor (actor, functie) VALUES ('00000000-0000-0000-0000-0000000000f1', 'x')$$);
SELECT pg_temp.probeer($$INSERT INTO organisatorische_eenheid (actor) VALUES ('00000000-0000-0000-0000-0000000000f2')$$);
SELECT pg_temp.probeer($$UPDATE actor SET soort_actor = 'organisatorische_eenheid' WHERE uuid = '00000000-0000-0000-0000-0000000000f1'$$);
-- Medewerker: functie (not empty, at most 40) and telefoonnummer required;
-- e-mail and phone typed.  Actors may have service numbers (0800): the
-- klant rule is for digitale adressen.
SELECT emailadres, telefoonnummer FROM medewerker;
SELECT telefoonnummer, telefoonnummer_soort(telefoonnummer) FROM organisatorische_eenheid;
SELECT v, pg_temp.probeer(format('UPDATE medewerker SET %s', v)) FROM (VALUES
	('functie = repeat(''f'', 41)'), ('functie = '''''), ('telefoonnummer = NULL'), ('telefoonnummer = ''14020'''),
	('telefoonnummer = ''invalid'''), ('emailadres = ''invalid'''), ('emailadres = NULL')) t(v);
SELECT v, pg_temp.probeer(format('UPDATE geautomatiseerde_actor SET %s', v)) FROM (VALUES
	('functie = NULL'), ('omschrijving = repeat(''o'', 201)')) t(v);
SELECT v, pg_temp.probeer(format('UPDATE organisatorische_eenheid SET %s', v)) FROM (VALUES
	('telefoonnummer = NULL, emailadres = NULL'), ('faxnummer = repeat(''1'', 21)'), ('omschrijving = repeat(''o'', 201)')) t(v);

-- Actorklantcontact: each (actor, klantcontact) pair once.
INSERT INTO klantcontact (uuid, kanaal, onderwerp, taal, vertrouwelijk)
VALUES ('00000000-0000-0000-0000-0000000000a1', 'telefoon', 'Terugbelverzoek', 'nld', false);
SELECT pg_temp.probeer($$INSERT INTO actor_klantcontact (actor, klantcontact) VALUES ('00000000-0000-0000-0000-0000000000f1', '00000000-0000-0000-0000-0000000000a1')$$);
SELECT pg_temp.probeer($$INSERT INTO actor_klantcontact (actor, klantcontact) VALUES ('00000000-0000-0000-0000-0000000000f1', '00000000-0000-0000-0000-0000000000a1')$$);
SELECT pg_temp.probeer($$INSERT INTO actor_klantcontact (actor, klantcontact) VALUES ('00000000-0000-0000-0000-0000000000ff', '00000000-0000-0000-0000-0000000000a1')$$);

-- Interne taak: gevraagdeHandeling required, status an enumeration,
-- toegewezenOp set on insert; numbers as on klantcontact.
SELECT pg_temp.probeer($$INSERT INTO interne_taak (uuid, gevraagde_handeling, aanleidinggevend_klantcontact, nummer)
	VALUES ('00000000-0000-0000-0000-0000000000b1', 'Terugbellen', '00000000-0000-0000-0000-0000000000a1', '1')$$);
SELECT status, toegewezen_op = now() AS toegewezen_nu, afgehandeld_op FROM interne_taak;
SELECT pg_temp.probeer($$INSERT INTO interne_taak (gevraagde_handeling, aanleidinggevend_klantcontact) VALUES ('', '00000000-0000-0000-0000-0000000000a1')$$);
SELECT pg_temp.probeer($$INSERT INTO interne_taak (gevraagde_handeling) VALUES ('x')$$);
SELECT pg_temp.probeer($$INSERT INTO interne_taak (gevraagde_handeling, aanleidinggevend_klantcontact, status) VALUES ('x', '00000000-0000-0000-0000-0000000000a1', 'afgehandeld')$$);
SELECT pg_temp.probeer($$INSERT INTO interne_taak (gevraagde_handeling, aanleidinggevend_klantcontact, nummer) VALUES ('x', '00000000-0000-0000-0000-0000000000a1', '1')$$);
SELECT pg_temp.probeer($$INSERT INTO interne_taak (gevraagde_handeling, aanleidinggevend_klantcontact, referentienummer) VALUES ('x', '00000000-0000-0000-0000-0000000000a1', 'R1')$$);
SELECT pg_temp.probeer($$INSERT INTO interne_taak (gevraagde_handeling, aanleidinggevend_klantcontact, toelichting) VALUES ('x', '00000000-0000-0000-0000-0000000000a1', repeat('t', 1001))$$);

-- afgehandeldOp: set when the status becomes verwerkt, kept when given,
-- cleared when the status goes back; not to be given with te_verwerken.
UPDATE interne_taak SET status = 'verwerkt';
SELECT status, afgehandeld_op = now() AS afgehandeld_nu FROM interne_taak;
UPDATE interne_taak SET afgehandeld_op = '2024-05-01 10:00+00';
SELECT status, afgehandeld_op AT TIME ZONE 'UTC' AS afgehandeld FROM interne_taak;
UPDATE interne_taak SET status = 'te_verwerken';
SELECT status, afgehandeld_op FROM interne_taak;
SELECT pg_temp.probeer($$INSERT INTO interne_taak (gevraagde_handeling, aanleidinggevend_klantcontact, status, afgehandeld_op)
	VALUES ('x', '00000000-0000-0000-0000-0000000000a1', 'verwerkt', '2024-05-01 10:00+00')$$);
SELECT pg_temp.probeer($$INSERT INTO interne_taak (gevraagde_handeling, aanleidinggevend_klantcontact, status, afgehandeld_op)
	VALUES ('x', '00000000-0000-0000-0000-0000000000a1', 'te_verwerken', '2024-05-01 10:00+00')$$);
SELECT pg_temp.probeer($$UPDATE interne_taak SET afgehandeld_op = now() WHERE uuid = '00000000-0000-0000-0000-0000000000b1'$$);

-- Toewijzing: each (taak, actor) pair once, both must exist.
SELECT pg_temp.probeer($$INSERT INTO interne_taak_actor (interne_taak, actor) VALUES
	('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000f1'),
	('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000f3')$$);
SELECT pg_temp.probeer($$INSERT INTO interne_taak_actor (interne_taak, actor) VALUES ('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000f1')$$);
SELECT pg_temp.probeer($$INSERT INTO interne_taak_actor (interne_taak, actor) VALUES ('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000ff')$$);

-- Open taken of an actor.
SET enable_seqscan = off;
EXPLAIN (COSTS OFF)
SELECT t.uuid, t.gevraagde_handeling FROM interne_taak_actor ta JOIN interne_taak t ON t.uuid = ta.interne_taak
 WHERE ta.actor = '00000000-0000-0000-0000-0000000000f1' AND t.status = 'te_verwerken'
 ORDER BY t.toegewezen_op;
SELECT t.uuid, t.gevraagde_handeling FROM interne_taak_actor ta JOIN interne_taak t ON t.uuid = ta.interne_taak
 WHERE ta.actor = '00000000-0000-0000-0000-0000000000f1' AND t.status = 'te_verwerken'
 ORDER BY t.toegewezen_op;
EXPLAIN (COSTS OFF) SELECT uuid FROM actor WHERE naam ILIKE '%boer%';
RESET enable_seqscan;

-- Deleting an actor takes its details and links, not the klantcontact or
-- the taak (as Open Klant).
DELETE FROM actor WHERE uuid = '00000000-0000-0000-0000-0000000000f1';
SELECT (SELECT count(*) FROM medewerker) AS medewerker, (SELECT count(*) FROM actor_klantcontact) AS actor_klantcontact,
	   (SELECT count(*) FROM interne_taak_actor) AS interne_taak_actor, (SELECT count(*) FROM interne_taak) AS interne_taak,
	   (SELECT count(*) FROM klantcontact) AS klantcontact;

ROLLBACK;
SELECT count(*) AS actoren_na_afloop FROM actor;
