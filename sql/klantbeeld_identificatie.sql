-- Identifying a klant: zoek_partij, zoek_partijen and registreer_partij
-- (the standard's "look up by identifier; absent: register; present:
-- supplement and read"), and the markings of every function of the
-- klantbeeld.  Concurrency is tested in specs/registreer_*.spec and
-- test/registreer_concurrency.sh.  Rolled back at the end.
SET search_path = klantinteracties, public;

-- Runs one statement; says 'ok' or the SQLSTATE and message of its error.
CREATE FUNCTION pg_temp.probeer(opdracht text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE opdracht;
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- Every function and view of the klantbeeld: volatility, strictness,
-- parallel safety and a pinned search_path.  Lookups are STABLE and
-- PARALLEL SAFE; writers VOLATILE and PARALLEL UNSAFE; STRICT where a NULL
-- argument means a NULL result.
SELECT p.oid::regprocedure AS functie, p.provolatile AS vol, p.proisstrict AS strict, p.proparallel AS par,
	   EXISTS (SELECT FROM unnest(p.proconfig) c WHERE c LIKE 'search_path=%') AS search_path
  FROM pg_proc p
 WHERE p.pronamespace = 'klantinteracties'::regnamespace
   AND p.proname IN ('zoek_partij', 'zoek_partijen', 'registreer_partij', 'partij_bij_identificator',
					 'partij_aanvullen', 'partij_registreren', 'identificator_register', 'identificator_objecttype',
					 'adres_json', 'adres_tekst', 'klantbeeld', 'contacthistorie', 'open_taken',
					 'contactgegevens_voor_opvolging', 'mogelijke_dubbelen', 'voeg_partijen_samen', 'adresgroep',
					 'betrokkene_samengevoegde_partij', 'genereer_voorbeelddata')
 ORDER BY p.proname, p.oid::regprocedure::text;

BEGIN;

-- Absent: registreer_partij creates the persoon with its BSN; present, in
-- any spelling of the number: the same partij.
SELECT registreer_partij('111222333'::bsn) AS karel \gset
SELECT registreer_partij('1112.22.333'::bsn) = :'karel' AS zelfde, registreer_partij('111 222 333'::bsn) = :'karel' AS zelfde;
SELECT zoek_partij('111222333'::bsn) = :'karel' AS gevonden;
SELECT p.soort_partij, p.indicatie_actief, i.code_register, i.code_objecttype, i.code_soort_object_id, i.object_id
  FROM partij p JOIN partij_identificator i ON i.identificeerde_partij = p.uuid WHERE p.uuid = :'karel';
-- A persoon row exists from the start (empty names).
SELECT volledige_naam = '' AS leeg FROM persoon WHERE partij = :'karel';

-- Present: supplement.  Empty fields are filled, filled ones are not
-- overwritten; a new address is added (the first of its soort becomes the
-- standaard adres), an address it has in another spelling is not.
SELECT registreer_partij('111222333'::bsn, voorletters => 'K.', voornaam => 'Karel',
	voorvoegsel_achternaam => 'van', achternaam => 'Deurne', emailadres => 'Karel@Example.COM',
	telefoonnummer => '06-12345678', voorkeurstaal => 'nld') = :'karel' AS zelfde;
SELECT registreer_partij('111222333'::bsn, voornaam => 'Piet', achternaam => 'Jansen', emailadres => 'karel@example.com',
	telefoonnummer => '+31 6 1234 5678', voorkeurstaal => 'eng') = :'karel' AS zelfde;
SELECT registreer_partij('111222333'::bsn, telefoonnummer => '020-1234567') = :'karel' AS zelfde;
SELECT contactnaam_voorletters, contactnaam_voornaam, contactnaam_voorvoegsel_achternaam, contactnaam_achternaam,
	   volledige_naam, (SELECT voorkeurstaal FROM partij WHERE uuid = :'karel')
  FROM persoon WHERE partij = :'karel';
SELECT soort_digitaal_adres, adres, is_standaard_adres, is_voorkeursadres
  FROM digitaal_adres WHERE verstrekt_door_partij = :'karel' ORDER BY soort_digitaal_adres, adres;

-- A mistyped number fails loudly, with the reason, instead of finding
-- nothing; a bare literal must say which identifier it is.
SELECT pg_temp.probeer($$SELECT zoek_partij('111222334'::bsn)$$);
SELECT pg_temp.probeer($$SELECT registreer_partij('1234567'::kvk_nummer)$$);
SELECT pg_temp.probeer($$SELECT zoek_partij('111222333')$$);
-- A BSN nobody has: NULL; a NULL identifier: NULL, and nothing registered.
SELECT zoek_partij('999999990'::bsn) AS onbekend, registreer_partij(NULL::bsn) AS niets,
	   registreer_partij(NULL::vestigingsnummer, '69599084'::kvk_nummer) AS niets;

-- Organisaties by RSIN and by KvK-nummer; a name supplements.
SELECT registreer_partij('296648875'::rsin, naam => 'Stichting Buurtzorg') AS stichting \gset
SELECT registreer_partij('69599084'::kvk_nummer) AS bakkerij \gset
SELECT registreer_partij('6959 9084'::kvk_nummer, naam => 'Bakkerij de Krakeling', emailadres => 'info@krakeling.example.com') = :'bakkerij' AS zelfde;
SELECT registreer_partij('69599084'::kvk_nummer, naam => 'Andere naam') = :'bakkerij' AS zelfde;
SELECT zoek_partij('296648875'::rsin) = :'stichting' AS rsin, zoek_partij('69599084'::kvk_nummer) = :'bakkerij' AS kvk;
SELECT n.naam, n.soort_partij FROM partij_naam n WHERE n.partij IN (:'stichting', :'bakkerij') ORDER BY n.naam;
-- Names supplement only the soort they belong to: a BSN that identifies a
-- contactpersoon is found, and the persoon name is not forced onto it.
INSERT INTO partij (uuid, soort_partij, indicatie_actief) VALUES ('00000000-0000-0000-0000-0000000000c1', 'contactpersoon', true);
INSERT INTO contactpersoon (partij, contactnaam_achternaam) VALUES ('00000000-0000-0000-0000-0000000000c1', 'Jansen');
INSERT INTO partij_identificator (identificeerde_partij, code_register, code_objecttype, code_soort_object_id, object_id)
VALUES ('00000000-0000-0000-0000-0000000000c1', 'brp', 'natuurlijk_persoon', 'bsn', '999999990');
SELECT registreer_partij('999999990'::bsn, voornaam => 'Jan', telefoonnummer => '010-1234567') AS contactpersoon;
SELECT n.naam, (SELECT count(*) FROM persoon WHERE partij = n.partij) AS persoon_rijen,
	   (SELECT adres FROM digitaal_adres WHERE verstrekt_door_partij = n.partij) AS telefoon
  FROM partij_naam n WHERE n.partij = '00000000-0000-0000-0000-0000000000c1';

-- A vestiging: its vestigingsnummer hangs under the identificator of its
-- KvK-nummer; the same vestigingsnummer under another KvK-nummer is another
-- vestiging (Open Klant #529).  Registering a vestiging of an unknown
-- KvK-nummer registers that organisatie as well.
SELECT registreer_partij('000038509504'::vestigingsnummer, '69599084'::kvk_nummer, naam => 'Filiaal Noord') AS noord \gset
SELECT registreer_partij('0000 3850 9504'::vestigingsnummer, '69599084'::kvk_nummer) = :'noord' AS zelfde;
SELECT registreer_partij('000038509504'::vestigingsnummer, '12345678'::kvk_nummer) AS ander \gset
SELECT :'ander' <> :'noord' AS andere_vestiging;
SELECT zoek_partij('000038509504'::vestigingsnummer, '69599084'::kvk_nummer) = :'noord' AS noord,
	   zoek_partij('000038509504'::vestigingsnummer, '12345678'::kvk_nummer) = :'ander' AS ander,
	   zoek_partij('000038509504'::vestigingsnummer, '87654321'::kvk_nummer) AS onder_onbekende_kvk,
	   zoek_partij('12345678'::kvk_nummer) IS NOT NULL AS kvk_geregistreerd;
SELECT v.code_objecttype, v.object_id_sleutel, k.code_soort_object_id AS ouder_soort, k.object_id_sleutel AS ouder,
	   k.identificeerde_partij = :'bakkerij' AS ouder_is_bakkerij
  FROM partij_identificator v JOIN partij_identificator k ON k.uuid = v.sub_identificator_van
 WHERE v.identificeerde_partij = :'noord';

-- An identificator without partij (the model allows it): registering its
-- number gives it a partij, once.
INSERT INTO partij_identificator (code_register, code_objecttype, code_soort_object_id, object_id)
VALUES ('brp', 'natuurlijk_persoon', 'bsn', '123456782');
SELECT zoek_partij('123456782'::bsn) AS zonder_partij;
SELECT registreer_partij('123456782'::bsn, achternaam => 'Wees') AS wees \gset
SELECT zoek_partij('123456782'::bsn) = :'wees' AS gekoppeld, registreer_partij('123456782'::bsn) = :'wees' AS zelfde,
	   (SELECT count(*) FROM partij_identificator WHERE object_id_sleutel = '123456782') AS identificatoren;

-- zoek_partijen: every partij that gave an e-mail address or telephone
-- number, in any spelling.  A second partij with Karel's number (a
-- duplicate without BSN) is found too.
INSERT INTO partij (uuid, soort_partij, indicatie_actief) VALUES ('00000000-0000-0000-0000-0000000000d1', 'persoon', false);
INSERT INTO persoon (partij, contactnaam_voornaam, contactnaam_achternaam) VALUES ('00000000-0000-0000-0000-0000000000d1', 'K.', 'van Deurne');
INSERT INTO digitaal_adres (verstrekt_door_partij, soort_digitaal_adres, adres)
VALUES ('00000000-0000-0000-0000-0000000000d1', 'telefoonnummer', '0612345678');
SELECT naam, soort_partij, indicatie_actief, adres FROM zoek_partijen('+31612345678'::telefoonnummer);
SELECT naam, adres FROM zoek_partijen('06 - 12 34 56 78'::telefoonnummer);
SELECT naam, adres FROM zoek_partijen('KAREL@example.com'::emailadres);
SELECT naam, adres FROM zoek_partijen('info@KRAKELING.example.com'::emailadres);
SELECT count(*) AS niemand FROM zoek_partijen('nobody@example.com'::emailadres);
-- Typed at a prompt, a bare literal says itself what it is.
SELECT naam, adres FROM zoek_partijen('06 12 34 56 78');
SELECT naam, adres FROM zoek_partijen('karel@EXAMPLE.com');
SELECT pg_temp.probeer($$SELECT * FROM zoek_partijen('06-1234567')$$);
-- By a piece of an address or a name, case-insensitively; wildcards in
-- the piece match themselves; at least 3 characters.
SELECT naam, adres FROM zoek_partijen_met_adresdeel('KRAKELING');
SELECT naam, adres FROM zoek_partijen_met_adresdeel('345678', 'telefoonnummer');
SELECT naam, soort_partij FROM zoek_partijen_met_naamdeel('deurn');
SELECT naam FROM zoek_partijen_met_naamdeel('bakkerij de kr');
SELECT count(*) AS geen_jokers FROM zoek_partijen_met_naamdeel('%%%');
SELECT pg_temp.probeer($$SELECT * FROM zoek_partijen_met_naamdeel(' de ')$$);

-- A partij that disappears while being supplemented is looked up again:
-- here it was deleted before the call, so the number registers anew.
SELECT registreer_partij('111222333'::bsn) = :'karel' AS zelfde;
DELETE FROM partij WHERE uuid = :'karel';
SELECT registreer_partij('111222333'::bsn, achternaam => 'Deurne') <> :'karel' AS nieuw;
SELECT count(*) AS partijen_met_bsn FROM partij_identificator WHERE code_soort_object_id = 'bsn';

ROLLBACK;
