-- iban: vectors of the SWIFT IBAN registry (ISO 13616) and python-stdnum's
-- registry samples, every rejection with its SQLSTATE, the compiled-in
-- registry, is_iban against the input function and a reference in SQL on
-- 100,000 generated inputs, I/O round trips, ordering, indexes, hashing.
\i sql/include/helpers.psql
SET jit = off;

-- The acceptance examples
SELECT 'NL91ABNA0417164300'::iban;
SELECT 'NL91ABNA0417164301'::iban;
SELECT is_iban('NL91ABNA0417164300'), is_iban('NL91ABNA0417164301'), is_iban(NULL);

-- IBAN vectors (SWIFT IBAN registry examples, ISO 13616)
SELECT v.input, t.ok, t.canonical, t.code, t.detail
FROM (VALUES ('NL91ABNA0417164300'), ('NL91 ABNA 0417 1643 00'),
	('nl91abna0417164300'), ('NL20INGB0001234567'), ('NL44RABO0123456789'),
	('NL23BUNQ2025123456'), ('BE68539007547034'), ('DE89370400440532013000'),
	('GB29NWBK60161331926819'), ('GR16 0110 1050 0000 1054 7023 795'),
	('BE31435411161155'), ('NL56 3003 0A17 1643 00'), ('NL91ABNA0417164301'),
	('NL91ABNA041716430'), ('QQ93 1234 5678'), ('XX431234'), ('0001'),
	('BE36 5390 0754 7034 1234'), ('AB12TEST1253678'), ('ab1299999999999'),
	('AB1259345934953495934953495345345345')) AS v(input),
	pg_temp.try_input(v.input, 'iban') t;

-- Check digits 00/01/99 (section 8.1): the correct IBAN and its alias that
-- passes mod-97 but is never issued
SELECT v.input, t.ok, t.code, t.detail, t.hint
FROM (VALUES ('NL02ABNA4000000000'), ('NL99ABNA4000000000'),
	('NL98ABNA4000000018'), ('NL01ABNA4000000018'),
	('NL97ABNA4000000036'), ('NL00ABNA4000000036')) AS v(input),
	pg_temp.try_input(v.input, 'iban') t;

-- Open Klant's own test data (its API tests): all pattern-only
-- IBANs that a real check rejects
SELECT v.input, t.ok, t.code, t.detail
FROM (VALUES ('AB12TEST1253678'), ('AB12test1253678'), ('ab1299999999999'),
	('ab129'), ('ab12aaaaaaaaaa'), ('NL18BANK23481326'), ('NL18BANK746328229'),
	('1231md4832842834'), ('jda42034nnndnd23923'), ('AB123dasd#asdasda'),
	('AB12')) AS v(input), pg_temp.try_input(v.input, 'iban') t;

-- Every rejection reason, with its SQLSTATE, detail and hint
SELECT v.reason, v.input, t.code, t.detail, t.hint
FROM (VALUES ('empty', ''), ('only blanks', E' \t '),
	('control character', E'NL91ABNA0417164300\n'),
	('other character', 'NL91#ABNA0417164300'),
	('dot is no separator', 'NL91.ABNA.0417.1643.00'),
	('non-ASCII letter', 'NL91ÄBNA0417164300'),
	('inner tab', E'NL91\tABNA0417164300'),
	('only separators', ' - - '),
	('leading hyphen', '-NL91ABNA0417164300'), ('trailing hyphen', 'NL91 ABNA 0417 1643 00-'),
	('trailing hyphen before blanks', 'NL91ABNA0417164300 - '),
	('no country code', '0001'), ('one letter', 'N'), ('digit in country', 'N191ABNA0417164300'),
	('country without IBAN', 'US64SVBKUS6S3300958879'), ('unknown country', 'XX431234'),
	('letters as check digits', 'NLAB ABNA 0417 1643 00'),
	('too short for NL', 'NL91ABNA041716430'), ('country code only', 'NL'),
	('too long for NL', 'NL91ABNA04171643001'),
	('longer than 34', 'NL91 ABNA 0417 1643 0012 3456 7890 1234 5'),
	('digit where a letter belongs', 'NL56 3003 0A17 1643 00'),
	('letter where a digit belongs', 'NL91ABNA04171A4300'),
	('check digits 99', 'NL99ABNA4000000000'),
	('mod-97', 'NL91ABNA0417164301')) AS v(reason, input),
	pg_temp.try_input(v.input, 'iban') t;

-- python-stdnum's registry samples (tests/test_iban.doctest): all valid
CREATE TEMP TABLE stdnum_valid (s text);
INSERT INTO stdnum_valid VALUES ('AD12 0001 2030 2003 5910 0100'),
	('AD1200012030200359100100'), ('AE070331234567890123456'),
	('AL47 2121 1009 0000 0002 3569 8741'), ('AL47212110090000000235698741'),
	('AT61 1904 3002 3457 3201'), ('AT611904300234573201'),
	('AZ21NABZ00000000137010001944'), ('BA39 1290 0794 0102 8494'),
	('BA391290079401028494'), ('BG80 BNBG 9661 1020 3456 78'),
	('BG80BNBG96611020345678'), ('BH67BMAG00001299123456'),
	('BR1800000000141455123924100C2'), ('BR9700360305000010009795493P1'),
	('CH93 0076 2011 6238 5295 7'), ('CH9300762011623852957'),
	('CY17 0020 0128 0000 0012 0052 7600'), ('CY17002001280000001200527600'),
	('CZ65 0800 0000 1920 0014 5399'), ('CZ6508000000192000145399'),
	('CZ94 5500 0000 0010 1103 8930'), ('CZ9455000000001011038930'),
	('DE89 3704 0044 0532 0130 00'), ('DE89370400440532013000'),
	('DK50 0040 0440 1162 43'), ('DK5000400440116243'),
	('DO28BAGR00000001212453611324'), ('EE38 2200 2210 2014 5685'),
	('EE382200221020145685'), ('ES 58 0049 0290 3424 1352 8341'),
	('ES04 0075 0078 0605 0005 0355'), ('ES0521053014113400002160'),
	('ES10 0075 0080 11 0600658108'), ('ES15-0049-1806-9121-1186-9374'),
	('ES2030810089311100269222'), ('ES24 2090 3191 1400 4012 1040'),
	('FI21 1234 5600 0007 85'), ('FI2112345600000785'), ('FI5542345670000081'),
	('FO62 6460 0001 6316 34'), ('FO6264600001631634'),
	('FR14 2004 1010 0505 0001 3M02 606'), ('FR1420041010050500013M02606'),
	('GB29 NWBK 6016 1331 9268 19'), ('GB29NWBK60161331926819'),
	('GE29 NB00 0000 0101 9049 17'), ('GE29NB0000000101904917'),
	('GI75 NWBK 0000 0000 7099 453'), ('GI75NWBK000000007099453'),
	('GL89 6471 0001 0002 06'), ('GL8964710001000206'),
	('GR16 0110 1250 0000 0001 2300 695'), ('GR1601101250000000012300695'),
	('GT82TRAJ01020000001210029690'), ('HR12 1001 0051 8630 0016 0'),
	('HR1210010051863000160'), ('HU42 1177 3016 1111 1018 0000 0000'),
	('HU42117730161111101800000000'), ('IE29 AIBK 9311 5212 3456 78'),
	('IE29AIBK93115212345678'), ('IL62 0108 0000 0009 9999 999'),
	('IL620108000000099999999'), ('IS14 0159 2600 7654 5510 7303 39'),
	('IS140159260076545510730339'), ('IT60 X054 2811 1010 0000 0123 456'),
	('IT60X0542811101000000123456'), ('JO94CBJO0010000000000131000302'),
	('KZ86125KZT5004100100'), ('LB62 0999 0000 0001 0019 0122 9114'),
	('LB62099900000001001901229114'), ('LI21 0881 0000 2324 013A A'),
	('LI21088100002324013AA'), ('LT12 1000 0111 0100 1000'),
	('LT121000011101001000'), ('LU28 0019 4006 4475 0000'),
	('LU280019400644750000'), ('LV80 BANK 0000 4351 9500 1'),
	('LV80BANK0000435195001'), ('MC11 1273 9000 7000 1111 1000 h79'),
	('MC1112739000700011111000h79'), ('MD24AG000225100013104168'),
	('ME 25 5403 0000 2379 9201 09'), ('ME25505000012345678951'),
	('MK072 5012 0000 0589 84'), ('MK07250120000058984'),
	('MR13 0002 0001 0100 0012 3456 753'), ('MR1300020001010000123456753'),
	('MT84 MALT 0110 0001 2345 MTLC AST0 01S'), ('MT84MALT011000012345MTLCAST001S'),
	('MU17 BOMM 0101 1010 3030 0200 000M UR'), ('MU17 BOMM0101101030300200000MUR'),
	('NL91 ABNA 0417 1643 00'), ('NL91ABNA0417164300'),
	('NO 02 15037577003'), ('NO 0560110516994'), ('NO 0571 3905 25162'),
	('NO05 7058 0555 568'), ('NO1782000193468'), ('NO9386011117947'),
	('PK36SCBL0000001123456702'), ('PL61 1090 1014 0000 0712 1981 2874'),
	('PL61109010140000071219812874'), ('PS92PALS000000000400123456702'),
	('PT50 0002 0123 1234 5678 9015 4'), ('PT50000201231234567890154'),
	('QA58DOHB00001234567890ABCDEFG'), ('RO49 AAAA 1B31 0075 9384 0000'),
	('RO49AAAA1B31007593840000'), ('RS35 2600 0560 1001 6113 79'),
	('RS35260005601001611379'), ('SA03 8000 0000 6080 1016 7519'),
	('SA0380000000608010167519'), ('SE45 5000 0000 0583 9825 7466'),
	('SE4550000000058398257466'), ('SI56 1910 0000 0123 438'),
	('SI56191000000123438'), ('SK31 1200 0000 1987 4263 7541'),
	('SK3112000000198742637541'), ('SM86 U032 2509 8000 0000 0270 100'),
	('SM86U0322509800000000270100'), ('TL 38 008 00123456789101 57'),
	('TN59 1000 6035 1835 9847 8831'), ('TN5910006035183598478831'),
	('TR33 0006 1005 1978 6457 8413 26'), ('TR330006100519786457841326'),
	('VG96VPVG0000012345678901'), ('XK051212012345678906');
SELECT count(*) AS samples, count(*) FILTER (WHERE is_iban(s)) AS valid,
	count(DISTINCT s::iban) AS distinct_ibans,
	count(DISTINCT iban_landcode(s::iban)) AS countries
FROM stdnum_valid;
-- stdnum's broken checksums, wrong lengths and wrong character classes
SELECT v.input, t.ok, t.detail
FROM (VALUES ('AL48212110090000000235698741'), ('AD1210012030200359100100'),
	('AT611804300234573201'), ('BE68530907547034'), ('BA391290709401028494'),
	('BG80BNBG99611020345678'), ('HR1210010052863000160'),
	('CY17002001281000001200527600'), ('CZ6508000000129000145399'),
	('CZ9455000000000101038930'), ('DK5000400440116342'),
	('AD48 0001 2030 2003 5910 01'), ('AT93 1904 3002 3457 3201 99'),
	('BE36 5390 0754 7034 1234'), ('BA30 1290 0794 0102 84'),
	('BG93 BNBG 9661 1A20 3456 78'), ('GI22 NW3K 0000 0000 7099 453'),
	('NL56 3003 0A17 1643 00'), ('QQ93 1234 5678'), ('0098'),
	-- national check digits are not checked: these pass
	('ES2121000418450200051331'), ('ES89 3183 1500 9500 0121 0562'))
	AS v(input), pg_temp.try_input(v.input, 'iban') t;

-- The compiled-in registry: every row as in python-stdnum's iban.dat
SELECT * FROM iban_registry();
-- its rows are sorted and unique (lookup is a binary search), and each
-- length is 4 plus the sum of its structure's counts
SELECT count(*) AS countries,
	count(*) FILTER (WHERE landcode !~ '^[A-Z]{2}$') AS bad_codes,
	bool_and(sorted) AS sorted,
	count(*) FILTER (WHERE lengte <> 4 + (SELECT sum(m[1]::int)
		FROM regexp_matches(bban_structuur, '(\d+)!([anc])', 'g') AS m)) AS bad_lengths,
	count(*) FILTER (WHERE bban_structuur !~ '^(\d+![anc])+$') AS bad_structures,
	max(lengte) AS longest, min(lengte) AS shortest
FROM (SELECT *, landcode > lag(landcode, 1, '') OVER () AS sorted FROM iban_registry()) r;

-- The reference in SQL: per country the BBAN structure as a LIKE pattern
-- over the classes of the BBAN's characters (n digit, a letter, _ for c),
-- and mod-97 with numeric arithmetic.
CREATE TEMP TABLE registry AS
	SELECT landcode, lengte,
		(SELECT string_agg(repeat(CASE m[2] WHEN 'c' THEN '_' ELSE m[2] END, m[1]::int), '' ORDER BY o)
			FROM regexp_matches(bban_structuur, '(\d+)!([anc])', 'g') WITH ORDINALITY AS x(m, o)) AS bban_like
	FROM iban_registry();
SELECT landcode, lengte, bban_like FROM registry WHERE landcode IN ('NL', 'BR', 'MU');
DO $$
DECLARE
	e text := 'x';
BEGIN
	FOR i IN 0..25 LOOP
		e := format('replace(%s, %L, %L)', e, chr(65 + i), (10 + i)::text);
	END LOOP;
	EXECUTE format('CREATE FUNCTION pg_temp.iban_number(x text) RETURNS numeric
		LANGUAGE sql IMMUTABLE AS %L', 'SELECT (' || e || ')::numeric');
END $$;
-- whether the normalised c passes the rules, given its country's registry
-- row (lengte NULL when the country has none)
CREATE FUNCTION pg_temp.ref_ok(c text, lengte int, bban_like text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN length(c) = lengte AND substr(c, 3, 2) ~ '^[0-9]{2}$'
			AND translate(substr(c, 5), '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ',
				'nnnnnnnnnnaaaaaaaaaaaaaaaaaaaaaaaaaa') LIKE bban_like
		THEN substr(c, 3, 2)::int BETWEEN 2 AND 98
			AND pg_temp.iban_number(substr(c, 5) || left(c, 4)) % 97 = 1
		ELSE false END $$;
-- a valid IBAN for a country, its BBAN drawn from md5(seed)
CREATE FUNCTION pg_temp.gen_iban(cc text, structure text, seed text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	bban text := '';
	m text[];
	b int;
BEGIN
	FOR m IN SELECT regexp_matches(structure, '(\d+)!([anc])', 'g') LOOP
		FOR i IN 1..m[1]::int LOOP
			b := get_byte(decode(md5(seed || ':' || length(bban)), 'hex'), 0);
			bban := bban || CASE m[2] WHEN 'n' THEN chr(48 + b % 10)
				WHEN 'a' THEN chr(65 + b % 26)
				ELSE substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', b % 36 + 1, 1) END;
		END LOOP;
	END LOOP;
	RETURN cc || lpad((98 - pg_temp.iban_number(bban || cc || '00') % 97)::text, 2, '0') || bban;
END $$;

-- Per country: a generated IBAN is accepted, and one character less is
-- refused with the registry's length
CREATE TEMP TABLE per_country AS
	SELECT landcode, lengte, bban_structuur,
		pg_temp.gen_iban(landcode, bban_structuur, landcode) AS good
	FROM iban_registry();
SELECT count(*) AS countries,
	count(*) FILTER (WHERE is_iban(good)) AS accepted,
	count(*) FILTER (WHERE ref = good) AS reference_accepts,
	count(*) FILTER (WHERE good::iban::text = good AND iban_landcode(good::iban) = landcode
		AND iban_bban(good::iban) = substr(good, 5)) AS parts_ok,
	count(*) FILTER (WHERE t.detail = format('IBAN for %s has %s characters, expected %s.',
		landcode, lengte - 1, lengte)) AS short_refused
FROM per_country p, pg_temp.try_input(left(good, -1), 'iban') t,
	LATERAL (SELECT CASE WHEN pg_temp.ref_ok(pg_temp.compact_upper(good), p.lengte, r.bban_like)
		THEN pg_temp.compact_upper(good) END AS ref FROM registry r WHERE r.landcode = p.landcode) r;
-- Every other pair of letters is a country without IBAN
SELECT count(*) AS pairs,
	count(*) FILTER (WHERE t.detail = format('Country code %s does not use IBAN.', cc)) AS without_iban,
	count(*) FILTER (WHERE cc IN (SELECT landcode FROM iban_registry())) AS in_registry
FROM (SELECT chr(a) || chr(b) AS cc FROM generate_series(65, 90) a, generate_series(65, 90) b) p,
	pg_temp.try_input(cc || '001234', 'iban') t;

-- 126,825 generated inputs: 89 countries x 15 valid IBANs, each in 95
-- variants (spellings, substitutions, transpositions, deletions,
-- insertions, separators, check digits, country codes, truncation).
-- is_iban, the input function and the SQL reference must agree, and the
-- accepted ones print as the reference's canonical form.
CREATE TEMP TABLE bases AS
	SELECT pg_temp.gen_iban(landcode, bban_structuur, landcode || k) AS base
	FROM iban_registry(), generate_series(1, 15) k;
-- byte n of md5(base:k), and a position in base drawn from it
CREATE FUNCTION pg_temp.hb(base text, k int, n int) RETURNS int LANGUAGE sql IMMUTABLE AS $$
	SELECT get_byte(decode(md5(base || ':' || k::text), 'hex'), n) $$;
CREATE FUNCTION pg_temp.mutate(base text, k int) RETURNS text LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE k % 19
		WHEN 0 THEN CASE WHEN k = 0 THEN base
			ELSE overlay(base PLACING ' ' FROM pg_temp.hb(base, k, 0) % length(base) + 1 FOR 0) END
		WHEN 1 THEN lower(left(base, pg_temp.hb(base, k, 0) % length(base) + 1))
			|| substr(base, pg_temp.hb(base, k, 0) % length(base) + 2)
		WHEN 2 THEN regexp_replace(base, '(.{' || (pg_temp.hb(base, k, 1) % 5 + 2)::text || '})', '\1 ', 'g')
		WHEN 3 THEN regexp_replace(base, '(.{' || (pg_temp.hb(base, k, 1) % 4 + 3)::text || '})(?!$)', '\1-', 'g')
		WHEN 4 THEN substr(E'  \t', pg_temp.hb(base, k, 1) % 3 + 1) || base
			|| substr(E'\t  ', pg_temp.hb(base, k, 2) % 3 + 1)
		WHEN 5 THEN overlay(base PLACING substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ',
			pg_temp.hb(base, k, 1) % 36 + 1, 1) FROM pg_temp.hb(base, k, 0) % length(base) + 1)
		WHEN 6 THEN overlay(base PLACING chr(48 + pg_temp.hb(base, k, 1) % 10)
			FROM pg_temp.hb(base, k, 0) % length(base) + 1)
		WHEN 7 THEN overlay(base PLACING chr(65 + pg_temp.hb(base, k, 1) % 26)
			FROM pg_temp.hb(base, k, 0) % length(base) + 1)
		WHEN 8 THEN overlay(base PLACING substr(base, pg_temp.hb(base, k, 0) % length(base) + 2, 1)
			|| substr(base, pg_temp.hb(base, k, 0) % length(base) + 1, 1)
			FROM pg_temp.hb(base, k, 0) % length(base) + 1 FOR 2)
		WHEN 9 THEN overlay(base PLACING substr(base, pg_temp.hb(base, k, 0) % length(base) + 2, 1)
			|| substr(base, pg_temp.hb(base, k, 0) % length(base) + 1, 1)
			FROM pg_temp.hb(base, k, 0) % length(base) + 1 FOR 2)
		WHEN 10 THEN overlay(base PLACING '' FROM pg_temp.hb(base, k, 0) % length(base) + 1 FOR 1)
		WHEN 11 THEN overlay(base PLACING chr(48 + pg_temp.hb(base, k, 1) % 10)
			FROM pg_temp.hb(base, k, 0) % length(base) + 1 FOR 0)
		WHEN 12 THEN overlay(base PLACING substr(' -.:/_', pg_temp.hb(base, k, 1) % 6 + 1, 1)
			FROM pg_temp.hb(base, k, 0) % length(base) + 1 FOR 0)
		WHEN 13 THEN overlay(base PLACING lpad((pg_temp.hb(base, k, 1) % 100)::text, 2, '0') FROM 3)
		WHEN 14 THEN overlay(base PLACING chr(65 + pg_temp.hb(base, k, 1) % 26)
			|| chr(65 + pg_temp.hb(base, k, 2) % 26) FROM 1)
		WHEN 15 THEN lower(substr(base, pg_temp.hb(base, k, 0) % length(base) + 1)) || ' '
			|| left(base, pg_temp.hb(base, k, 0) % length(base))
		WHEN 16 THEN left(base, -1)
		WHEN 17 THEN base || chr(48 + pg_temp.hb(base, k, 1) % 10)
		ELSE overlay(base PLACING substr(E'#_\u00e9\t\n*+', pg_temp.hb(base, k, 1) % 7 + 1, 1)
			FROM pg_temp.hb(base, k, 0) % length(base) + 1 FOR 0)
	END $$;
CREATE TEMP TABLE generated AS
	SELECT pg_temp.mutate(base, k) AS s FROM bases, generate_series(0, 94) k;
CREATE TEMP TABLE checked AS
	SELECT s, is_iban(s) AS is_ok, pg_temp.input_ok(s, 'iban') AS input_ok,
		CASE WHEN pg_temp.ref_ok(n.c, r.lengte, r.bban_like) THEN n.c END AS ref
	FROM generated g, LATERAL (SELECT pg_temp.compact_upper(g.s) AS c) n
	LEFT JOIN registry r ON r.landcode = left(n.c, 2);
SELECT count(*) AS inputs, count(DISTINCT s) AS distinct_inputs,
	count(*) FILTER (WHERE is_ok) AS valid,
	count(*) FILTER (WHERE is_ok IS DISTINCT FROM input_ok) AS input_disagreements,
	count(*) FILTER (WHERE is_ok IS DISTINCT FROM (ref IS NOT NULL)) AS reference_disagreements,
	count(*) FILTER (WHERE is_ok AND s::iban::text IS DISTINCT FROM ref) AS canonical_mismatches
FROM checked;

-- Functions
SELECT i AS iban, format_iban(i), iban_landcode(i), iban_bankcode(i), iban_bban(i)
FROM (VALUES ('NL91ABNA0417164300'::iban), ('nl20 ingb 0001 2345 67'), ('BE68539007547034'),
	('GR16 0110 1050 0000 1054 7023 795'), ('MT84MALT011000012345MTLCAST001S'),
	('NO9386011117947')) AS v(i);
SELECT length(format_iban(good::iban)) = lengte + (lengte - 1) / 4 AS print_lengths_ok,
	count(*)
FROM per_country GROUP BY 1;
-- the longest IBAN in the registry, generated: 33 characters print in 9 groups
SELECT format_iban(good::iban) FROM per_country ORDER BY lengte DESC, landcode LIMIT 1;

-- Casts: to text without a function, from text on assignment
SELECT 'NL91 ABNA 0417 1643 00'::iban::text, pg_typeof('NL91ABNA0417164300'::iban::text);
CREATE TABLE rekeningen (id int, i iban);
INSERT INTO rekeningen VALUES (1, 'nl91 abna 0417 1643 00'::text);
INSERT INTO rekeningen VALUES (2, 'NL91ABNA0417164301'::text);
SELECT * FROM rekeningen;

-- text and binary COPY round trips
INSERT INTO rekeningen SELECT 100 + row_number() OVER (), s::iban FROM stdnum_valid;
INSERT INTO rekeningen VALUES (3, NULL);
SELECT * FROM pg_temp.copy_roundtrip('rekeningen');
SELECT iban_send('NL91ABNA0417164300');
-- binary input validates again and wants the canonical form: text's binary
-- form (the bytes) of a wrong IBAN is refused
CREATE TABLE bad_iban (i iban);
SELECT current_setting('data_directory') || '/ki_bad_iban.bin' AS fbad \gset
COPY (SELECT 'NL91ABNA0417164301'::text) TO :'fbad' WITH (FORMAT binary);
COPY bad_iban FROM :'fbad' WITH (FORMAT binary);
COPY (SELECT 'nl91abna0417164300'::text) TO :'fbad' WITH (FORMAT binary);
COPY bad_iban FROM :'fbad' WITH (FORMAT binary);
COPY (SELECT 'NL91 ABNA 0417 1643 00'::text) TO :'fbad' WITH (FORMAT binary);
COPY bad_iban FROM :'fbad' WITH (FORMAT binary);
COPY (SELECT repeat('NL91', 9)) TO :'fbad' WITH (FORMAT binary);
COPY bad_iban FROM :'fbad' WITH (FORMAT binary);
COPY (SELECT ''::text) TO :'fbad' WITH (FORMAT binary);
COPY bad_iban FROM :'fbad' WITH (FORMAT binary);

-- ordering is the byte order of the canonical text (COLLATE "C")
CREATE TABLE accounts AS
	SELECT DISTINCT ref::iban AS i FROM checked WHERE ref IS NOT NULL;
SELECT count(*) AS ibans,
	count(*) FILTER (WHERE a.i IS DISTINCT FROM b.i) AS order_mismatches
FROM (SELECT i, row_number() OVER (ORDER BY i) AS r FROM accounts) a
JOIN (SELECT i, row_number() OVER (ORDER BY i::text COLLATE "C") AS r FROM accounts) b USING (r);
SELECT 'BE68539007547034'::iban < 'NL91ABNA0417164300', 'NL91ABNA0417164300'::iban <= 'nl91abna0417164300',
	'NL91ABNA0417164300'::iban > 'NL20INGB0001234567', 'NL91 ABNA 0417 1643 00'::iban = 'NL91ABNA0417164300',
	'NL91ABNA0417164300'::iban <> 'NL20INGB0001234567', 'NL44RABO0123456789'::iban >= 'NL20INGB0001234567',
	iban_cmp('NL91ABNA0417164300', 'NL20INGB0001234567'), iban_cmp('AD1200012030200359100100', 'AD1200012030200359100100'),
	iban_hash('NL91ABNA0417164300') = iban_hash('nl91 abna 0417 1643 00'),
	iban_hash_extended('NL91ABNA0417164300', 7) = iban_hash_extended('NL91ABNA0417164300', 7);

-- btree index for equality and range, hash index for equality
CREATE INDEX ON accounts (i);
ANALYZE accounts;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT * FROM accounts WHERE i = 'NL91ABNA0417164300';
EXPLAIN (COSTS OFF) SELECT * FROM accounts WHERE i BETWEEN 'NL02ABNA4000000000' AND 'NO9386011117947';
SELECT count(*) FROM accounts WHERE i BETWEEN 'NL02ABNA4000000000' AND 'NO9386011117947';
SELECT count(*) FROM accounts WHERE i::text COLLATE "C" BETWEEN 'NL02ABNA4000000000' AND 'NO9386011117947';
RESET enable_seqscan;
CREATE INDEX ON accounts USING hash (i);
DROP INDEX accounts_i_idx;
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT * FROM accounts WHERE i = 'NL91ABNA0417164300';
SELECT count(*) FROM accounts WHERE i = (SELECT i FROM accounts ORDER BY i LIMIT 1);
RESET enable_seqscan;
RESET enable_bitmapscan;

-- hash join and hash aggregate
CREATE TABLE betalingen AS SELECT i, n FROM accounts, generate_series(1, 3) n;
ANALYZE betalingen;
SET enable_mergejoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM accounts a JOIN betalingen b USING (i);
SELECT count(*) FROM accounts a JOIN betalingen b USING (i);
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT i, count(*) FROM betalingen GROUP BY i;
SELECT count(*) AS groups, min(c), max(c) FROM (SELECT i, count(*) AS c FROM betalingen GROUP BY i) g;
RESET enable_mergejoin;
RESET enable_nestloop;
RESET enable_sort;

DROP TABLE rekeningen, rekeningen_text, rekeningen_bin, bad_iban, accounts, betalingen;
