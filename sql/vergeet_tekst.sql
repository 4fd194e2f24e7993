-- Erasure's search of free text (src/vergeet_core.h has the rules): a
-- person's values become a set of canonical keys once; a text is searched
-- in one pass, each candidate parsed by its type's parser and looked up.
-- Issue 12 findings 6 (every spelling) and 8 (linear).
\i sql/include/helpers.psql

CREATE TEMP TABLE anna AS
SELECT vergeet_sleutelset(
	'{bsn,telefoonnummer,email,iban,kvk_nummer,naam,naam,tekst,tekst,bsn,telefoonnummer,email,onbekend}',
	'{"1112.22.333",06-12345678,Anna@Example.com,"nl02 abna 0123 4567 89",69599084,"Anna van Aalders","Aalders, Anna",digid-Kx7Qp2Lm9Wz,0f8e1c2a-1111-4222-8333-944455556666,123,+31 6 1234 5678,geen adres,"x  y"}') AS s;
-- Each value by its type's canonical form (a value its parser refuses,
-- and an unknown soort, by its words); the same value twice is one key.
SELECT unnest(vergeet_sleutels(s)) AS sleutel FROM anna;

-- Every spelling the types accept is found; what is not hers, or not the
-- same number, is not.
SELECT t AS tekst, vergeet_tekst(t, s) AS geredigeerd, vergeet_bevat(t, s) AS bevat
  FROM anna, (VALUES ('BSN 111222333'), ('BSN 111 222 333'), ('BSN 1112.22.333'), ('BSN 111-222-333'),
	('bsn:111222333.'), ('1111222333'), ('111222334'), ('011222333'),
	('tel 06-12345678'), ('tel 0612345678'), ('tel 06 12 34 56 78'), ('tel +31 6 1234 5678'), ('tel +31612345678'),
	('tel 0031 6 12345678'), ('tel +31 (0)6 12345678'), ('tel (06) 12345678'), ('tel 06-12345679'), ('tel 6 12345678'),
	('mail anna@example.com.'), ('mail ANNA@EXAMPLE.COM'), ('<Anna@Example.com>'), ('mail hanna@example.com'),
	('mail anna@example.co'), ('mail.anna@example.com'),
	('IBAN NL02ABNA0123456789'), ('IBAN NL02 ABNA 0123 4567 89'), ('iban nl02-abna-0123-4567-89'), ('IBAN NL02ABNA012345678'),
	('KvK 69599084'), ('KvK 6959 9084'), ('KvK 69599085'),
	('Anna van Aalders belde'), ('ANNA VAN AALDERS'), ('Aalders, Anna'), ('Anna van-Aalders'), ('Anna Aalders'),
	('Anna'), ('Hanna van Aalders'), ('Anna van Aaldersen'), ('Ana van Aalders'),
	('sub digid-Kx7Qp2Lm9Wz'), ('DigiD Kx7Qp2Lm9Wz'), ('digid-Kx7Qp2Lm9W'),
	('req 0f8e1c2a-1111-4222-8333-944455556666'), ('req 0F8E1C2A-1111-4222-8333-944455556666'),
	-- Inside a uuid no identifier is found: her BSN's digits stay.
	('ref 11122233-3aaa-4bbb-8ccc-dddddddddddd'),
	('123'), ('')) AS v(t);

-- A replacement is never longer than what it replaces, in characters:
-- "[vergeten]" from ten characters on, else asterisks.
SELECT t AS tekst, vergeet_tekst(t, s) AS geredigeerd, char_length(t) >= char_length(vergeet_tekst(t, s)) AS niet_langer
  FROM (SELECT vergeet_sleutelset('{naam,naam,naam,bsn}', '{Ada,Éva Öz,Anna Aalders,111222333}') AS s) AS x,
	   (VALUES ('Ada belde'), ('Éva Öz belde'), ('Anna Aalders belde'), ('111222333'), ('111 222 333')) AS v(t);

-- JSON: keys, strings and numbers; the top-level keys named in leeg
-- emptied (not nested ones, not null or empty ones); the value itself
-- when nothing changes.
SELECT vergeet_json('{"melder": "Aalders, Anna", "111222333": 111222333, "n": 612345678, "inhoud": "x", "reactie": null,
	"lijst": [{"inhoud": "y", "tel": "+31 6 1234 5678"}], "uuid": "0f8e1c2a-1111-4222-8333-944455556666"}', s, '{inhoud,reactie}')
  FROM anna;
SELECT vergeet_json('{"a": "b"}', s, '{}') AS ongewijzigd, vergeet_bevat('{"a": "b"}'::jsonb, s) AS bevat,
	   vergeet_bevat('["06-12345678"]'::jsonb, s) AS bevat_tel, vergeet_json('"Anna van Aalders"', s, '{}') AS scalar
  FROM anna;

-- Any bytea is safe to pass: one that is no set is refused; a damaged set
-- finds nothing or the wrong thing, and reads nothing outside its bytes.
SELECT pg_temp.probeer($$SELECT vergeet_tekst('x', '\x00'::bytea)$$) AS geen_set,
	   pg_temp.probeer($$SELECT vergeet_tekst('x', '\x4b495631'::bytea)$$) AS te_kort;
SELECT count(*) AS beschadigd_gelezen
  FROM anna, generate_series(1, length(s) - 1) AS i,
	   LATERAL (SELECT set_byte(s, i, (get_byte(s, i) + 101) % 256) AS bad) AS b,
	   LATERAL pg_temp.try(format('SELECT vergeet_tekst(%L, %L::bytea)',
			'Anna van Aalders, 06-12345678, 111222333, NL02ABNA0123456789, anna@example.com', b.bad)) AS r
 WHERE r.state IN ('ok', '22023');
SELECT count(*) AS afgekapt_gelezen
  FROM anna, generate_series(0, length(s) - 1) AS i,
	   LATERAL pg_temp.try(format('SELECT vergeet_tekst(%L, %L::bytea)', 'Anna van Aalders 111222333', substring(s from 1 for i))) AS r
 WHERE r.state IN ('ok', '22023');
SELECT length(s) - 1 AS bytes, length(s) AS lengtes FROM anna;

-- Linear (finding 8): the work (bytes examined plus keys compared) per
-- byte stays bounded (under 128: a run of zeros is tried as a phone number
-- in every length the set's numbers can be written in) and grows tenfold
-- with a tenfold text, for ordinary text and for texts made to be slow;
-- and the same text with a set of 3,000 digitale adressen costs about what
-- it costs with 100 (a binary search per candidate, not a pass per value
-- as in 0.1.0).
CREATE FUNCTION pg_temp.tekst(soort text, n int) RETURNS text LANGUAGE sql AS $$
	SELECT CASE soort
		WHEN 'proza' THEN repeat('Mevrouw A. van Aalders-de Vries belde over 06-1234 5678 en anna@voorbeeld.nl; ', n / 80)
		WHEN 'cijfers' THEN repeat('1', n)
		WHEN 'cijfergroepen' THEN repeat('1 ', n / 2)
		WHEN 'nullen' THEN repeat('0-', n / 2)
		WHEN 'woorden' THEN repeat('Anna van ', n / 9)
		WHEN 'apenstaartjes' THEN repeat('anna@', n / 5)
		WHEN 'iban-achtig' THEN repeat('NL02 ABNA ', n / 10)
		WHEN 'bijna uuid' THEN repeat('0f8e1c2a-1111-4222-8333-94445555666g ', n / 37) END $$;
CREATE TEMP TABLE sets AS
SELECT n, vergeet_sleutelset(array_agg(soort), array_agg(waarde)) AS s
  FROM (VALUES (100), (3000)) AS v(n),
	   LATERAL (SELECT 'email' AS soort, 'anna' || g || '@example.com' AS waarde FROM generate_series(1, n) AS g
				UNION ALL SELECT 'telefoonnummer', '06-' || (12340000 + g) FROM generate_series(1, n) AS g
				UNION ALL VALUES ('naam', 'Anna van Aalders'), ('iban', 'NL02ABNA0123456789'), ('bsn', '111222333')) AS w
 GROUP BY n;
SELECT n, cardinality(vergeet_sleutels(s)) AS sleutels FROM sets ORDER BY n;
CREATE TEMP TABLE lang AS
SELECT soort, pg_temp.tekst(soort, 20000) AS kort, pg_temp.tekst(soort, 200000) AS t
  FROM unnest(ARRAY['proza', 'cijfers', 'cijfergroepen', 'nullen', 'woorden', 'apenstaartjes', 'iban-achtig', 'bijna uuid']) AS soort;
SELECT l.soort, round(vergeet_werk(l.t, k.s)::numeric / length(l.t), 1) AS werk_per_byte,
	   vergeet_werk(l.t, k.s)::numeric / length(l.t) < 128 AS onder_128,
	   round(vergeet_werk(l.t, k.s)::numeric / vergeet_werk(l.kort, k.s), 1) AS verhouding_10x_tekst,
	   round(vergeet_werk(l.t, k.s)::numeric / vergeet_werk(l.t, h.s), 2) AS verhouding_30x_sleutels
  FROM lang l, sets k, sets h WHERE k.n = 3000 AND h.n = 100 ORDER BY l.soort;
