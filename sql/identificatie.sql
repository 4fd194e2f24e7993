-- bsn, rsin, kvk_nummer, vestigingsnummer: vectors of the elfproef
-- (RvIG) and of the KVK, every rejection with its SQLSTATE, is_* against the input
-- function and a reference elfproef in SQL, I/O round trips, indexes, hashing.
\i sql/include/helpers.psql

-- The acceptance examples
SELECT '111222333'::klantinteracties.bsn;
SELECT '123456789'::bsn;
SELECT is_bsn('123456789');

-- BSN vectors (elfproef; python-stdnum tests/test_bsn.doctest)
SELECT v.input, t.ok, t.canonical, t.code, t.detail
FROM (VALUES ('111222333'), ('1112.22.333'), ('123456782'), ('296648875'),
	('999993653'), ('999993847'), ('999992077'), ('999990482'), ('000009921'),
	('999995017'), ('999990408'), ('999994669'), ('999991905'), ('249566758'),
	('00009921'), ('12345672'), ('024325818'), (' 999 993 653 '),
	('111252333'), ('123456789'), ('000000000'), ('1112223334'), ('123'),
	('1234'), ('123TEST12'), ('foo'), (''), ('999993654'), ('1234567'),
	('9921'), ('100000060'), ('12345678'), (E'111222333\n'), ('12-34-56-782'))
	AS v(input), pg_temp.try_input(v.input, 'bsn') t;

-- RSIN vectors (section 2)
SELECT v.input, t.ok, t.canonical, t.code, t.detail
FROM (VALUES ('517439943'), ('002564440'), ('296648875'), ('111222333'),
	('123456782'), ('613907826'), ('812345678'), ('850000002'), ('865432107'),
	('5174.39.943'), ('999993653'), ('001234567'), ('517439944'),
	('000000000'), ('12345678X'), ('5174399430'), ('2564440'), ('02564440'),
	('80737144'), ('NL002564440B01'), ('')) AS v(input),
	pg_temp.try_input(v.input, 'rsin') t;
-- the hint for an 8-digit RSIN
DO $$ BEGIN PERFORM '80737144'::klantinteracties.rsin;
EXCEPTION WHEN invalid_text_representation THEN
	DECLARE h text; BEGIN GET STACKED DIAGNOSTICS h = PG_EXCEPTION_HINT; RAISE NOTICE 'hint: %', h; END;
END $$;

-- KvK-nummer vectors (section 3)
SELECT v.input, t.ok, t.canonical, t.code, t.detail
FROM (VALUES ('69599084'), ('90004973'), ('68727720'), ('90004760'),
	('68750110'), ('90001354'), ('69599068'), ('90000102'), ('90006623'),
	('69599076'), ('90005414'), ('55344526'), ('12345678'), ('80737144'),
	('6959 9084'), ('00000000'), ('1234567'), ('123456789'), ('12a45678'), (''),
	('abcdefgh'), ('296648875'), ('6959908'), ('69599084B01'), ('NL69599084'),
	('+69599084')) AS v(input), pg_temp.try_input(v.input, 'kvk_nummer') t;
SELECT k, kvk_nummer_mod11_ok(k::kvk_nummer)
FROM (VALUES ('69599084'), ('12345678'), ('80737144')) AS v(k);

-- Vestigingsnummer vectors (section 4)
SELECT v.input, t.ok, t.canonical, t.code, t.detail
FROM (VALUES ('000038509504'), ('000038509520'), ('000037178598'),
	('000037178601'), ('990000541921'), ('000037143557'), ('990064773193'),
	('990064773207'), ('000038509474'), ('000038509490'), ('990000216645'),
	('296648875154'), ('123456789878'), ('123456789012'), ('12345678901'),
	('1234567890123'), ('12a456789012'), (''), ('abcdefghijkl'), ('38509504'),
	('69599084'), ('0000 3850 9504 1'), ('00003850950X'), ('-00038509504'),
	('999999999999999999999'))
	AS v(input), pg_temp.try_input(v.input, 'vestigingsnummer') t;

-- Separators (space, dot, hyphen) only between digits: a minus sign, a
-- leading or a trailing dot or hyphen is refused (22P02), for every type;
-- blanks around the value are still ignored
SELECT v.t, v.input, t.ok, t.canonical, t.code, t.detail
FROM (VALUES ('bsn', '-111222333'), ('bsn', '111222333-'), ('bsn', '.111222333'),
	('bsn', '111222333.'), ('bsn', ' -111222333 '), ('bsn', '111222333 - '),
	('bsn', '- 111222333'), ('bsn', '111.222.333..'), ('bsn', '---'), ('bsn', '1112-22-333'),
	('bsn', ' 111 222 333 '), ('rsin', '-517439943'), ('rsin', '517439943.'),
	('kvk_nummer', '-69599084'), ('kvk_nummer', '6959 9084-'),
	('vestigingsnummer', '-000038509504'), ('vestigingsnummer', '000038509504.'),
	('vestigingsnummer', '.0000-3850-9504'), ('vestigingsnummer', '0000-3850-9504'))
	AS v(t, input), pg_temp.try_input(v.input, v.t::regtype) t;
SELECT is_bsn('-111222333') AS minus, is_rsin('517439943-') AS trailing,
	is_kvk_nummer('.69599084') AS dot, is_vestigingsnummer('-000038509504') AS vestiging;

-- is_* agrees with the input function on every vector above and on NULL
SELECT count(*) AS disagreements
FROM (VALUES ('bsn'), ('rsin'), ('kvk_nummer'), ('vestigingsnummer')) AS ty(t),
	(VALUES ('111222333'), ('1112.22.333'), ('00009921'), ('123456789'),
	('000000000'), ('69599084'), ('000038509504'), ('12 34'), (''), ('x'),
	(E'\t517439943\t'), ('5174399430')) AS v(input),
	LATERAL (SELECT (pg_temp.try_input(v.input, ty.t::regtype)).ok) AS r,
	LATERAL (SELECT CASE ty.t WHEN 'bsn' THEN is_bsn(v.input)
		WHEN 'rsin' THEN is_rsin(v.input) WHEN 'kvk_nummer' THEN is_kvk_nummer(v.input)
		ELSE is_vestigingsnummer(v.input) END AS is_ok) AS p
WHERE r.ok IS DISTINCT FROM p.is_ok;
SELECT is_bsn(NULL) IS NULL AS strict_null;

-- 200,000 random 9-digit strings: is_bsn and is_rsin equal a reference
-- elfproef written in SQL (weights 9..2 and -1, not all zeros).
SELECT setseed(0.42);
CREATE TEMP TABLE random9 AS
	SELECT lpad((floor(random() * 1000000000))::bigint::text, 9, '0') AS s
	FROM generate_series(1, 200000);
CREATE FUNCTION pg_temp.elfproef(s text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
	SELECT s <> '000000000' AND (
		SELECT sum(substr(s, i, 1)::int * CASE WHEN i = 9 THEN -1 ELSE 10 - i END)
		FROM generate_series(1, 9) AS i) % 11 = 0 $$;
SELECT count(*) AS strings,
	count(*) FILTER (WHERE pg_temp.elfproef(s)) AS valid,
	count(*) FILTER (WHERE is_bsn(s) IS DISTINCT FROM pg_temp.elfproef(s)) AS bsn_disagreements,
	count(*) FILTER (WHERE is_rsin(s) IS DISTINCT FROM pg_temp.elfproef(s)) AS rsin_disagreements
FROM random9;
-- the input function accepts exactly the strings is_bsn accepts (on a sample
-- of 20,000: each rejected string costs a subtransaction)
SELECT count(*) AS input_disagreements
FROM (SELECT s FROM random9 LIMIT 20000) r, pg_temp.try_input(r.s, 'bsn') t
WHERE t.ok IS DISTINCT FROM is_bsn(r.s);

-- casts from and to integers
SELECT 111222333::bsn, 9921::bsn, 517439943::bigint::rsin, 1234567::kvk_nummer,
	38509504::vestigingsnummer, 990000541921::vestigingsnummer;
SELECT '000009921'::bsn::bigint, '02564440'::kvk_nummer::bigint,
	'000038509504'::vestigingsnummer::bigint, '111222333'::bsn::text;
SELECT v.expr, t.ok, t.code, t.detail
FROM (VALUES ('123456789::bsn'), ('0::bsn'), ('(-5)::bsn'), ('1000000000::bigint::rsin'),
	('100000000::kvk_nummer'), ('(-1)::kvk_nummer'),
	('1000000000000::vestigingsnummer')) AS v(expr),
	pg_temp.try_expr(v.expr) t;

-- text and binary COPY round trips
CREATE TABLE ids (b bsn, r rsin, k kvk_nummer, v vestigingsnummer);
INSERT INTO ids VALUES ('000009921', '002564440', '02564440', '000038509504'),
	('999993653', '517439943', '69599084', '990000541921'), (NULL, NULL, NULL, NULL);
SELECT * FROM pg_temp.copy_roundtrip('ids');
SELECT * FROM ids_bin;
-- server-side files go into the cluster's own data directory
SELECT current_setting('data_directory') || '/ki_bad.bin' AS fbad \gset
-- binary input validates again: an int4 that fails the elfproef is refused
COPY (SELECT 123456789) TO :'fbad' WITH (FORMAT binary);
CREATE TABLE bad_bsn (b bsn);
COPY bad_bsn FROM :'fbad' WITH (FORMAT binary);

-- ordering follows the canonical text; btree index for equality and range
CREATE TABLE people AS
	SELECT (i * 11)::bigint::bsn AS b, i FROM generate_series(10000000, 10100000) i
	WHERE klantinteracties.is_bsn(lpad((i * 11)::text, 9, '0'));
CREATE INDEX ON people (b);
ANALYZE people;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT * FROM people WHERE b = '110000055';
EXPLAIN (COSTS OFF) SELECT * FROM people WHERE b BETWEEN '110000006' AND '110000638';
SELECT b FROM people WHERE b BETWEEN '110000006' AND '110000638' ORDER BY b DESC;
RESET enable_seqscan;
CREATE INDEX ON people USING hash (b);
SET enable_bitmapscan = off;
SET enable_seqscan = off;
DROP INDEX people_b_idx;
EXPLAIN (COSTS OFF) SELECT * FROM people WHERE b = '110000055';
RESET enable_seqscan;
RESET enable_bitmapscan;
SELECT '000009921'::bsn < '111222333'::bsn, '111222333'::bsn <= '111222333'::bsn,
	'999993653'::bsn > '111222333'::bsn, '1112.22.333'::bsn = '111222333',
	'111222333'::bsn <> '123456782', '69599084'::kvk_nummer >= '12345678';

-- hash join and hash aggregate
CREATE TABLE orders AS SELECT b, i % 7 AS n FROM people;
ANALYZE orders;
SET enable_mergejoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM people p JOIN orders o USING (b);
SELECT count(*) FROM people p JOIN orders o USING (b);
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT b, count(*) FROM orders GROUP BY b;
SELECT count(*) FROM (SELECT b, count(*) FROM orders GROUP BY b) g;
RESET enable_mergejoin;
RESET enable_nestloop;
RESET enable_sort;

DROP TABLE ids, ids_text, ids_bin, bad_bsn, people, orders;
