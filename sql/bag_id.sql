\i sql/include/helpers.psql

-- Valid: BAG identificaties (Catalogus BAG, imbag/catalogus, 3.7.1) in several spellings.
SELECT pg_temp.show(s) AS input, s::bag_id AS canonical, is_bag_id(s),
	bag_id_gemeentecode(s::bag_id) AS gemeente, bag_id_objecttypecode(s::bag_id) AS code,
	bag_id_objecttype(s::bag_id) AS objecttype
FROM (VALUES ('0629200000004591'), ('0629010000004591'), ('0518200000366054'),
	('0797020000056894'), ('0307100000367968'), ('0363300000004835'),
	('0363030000000001'), ('629200000004591'), ('NL.IMBAG.NUMMERAANDUIDING.0629200000004591'),
	('NL.IMBAG.PAND.0307100000367968'), ('NL.IMBAG.Pand.0307100000367968'),
	('nl.imbag.verblijfsobject.0629010000004591'), ('NL.IMBAG.Ligplaats.0797020000056894'),
	('NL.IMBAG.Standplaats.0363030000000001'), ('NL.IMBAG.OpenbareRuimte.0363300000004835'),
	('NL.IMBAG.Openbareruimte.363300000004835'), (E' \t0629200000004591 '),
	('9999309999999999'), ('0001010000000001')) AS v(s);

-- Rejected, with SQLSTATE, detail and hint; is_bag_id agrees.
SELECT pg_temp.show(s) AS input, is_bag_id(s), r.state, r.detail, r.hint
FROM (VALUES ('1234567890000001'), ('1111111111111111'), (''), ('1'), ('1000 AAA'),
	('000000000000000'), ('AAAAAAAAAAAAAAAA'), ('1234-1234-1234-1234'), ('123A123A123A123A'),
	('0000200000004591'), ('0629200000000000'), ('06292000000045910'), ('   '),
	('06292000000045'), ('0629 2000 0000 4591'), ('0629.20.0000004591'), ('0629000000004591'),
	('0629990000004591'), (E'0629200000004591\n'), ('99999999999999999999999'),
	('NL.IMBAG.PAND.0629200000004591'), ('NL.IMBAG.Ligplaats.0307100000367968'),
	('NL.IMBAG.Woonplaats.3594'), ('NL.IMBAG.Gebouw.0307100000367968'),
	('NL.IMBAG.0629200000004591'), ('NL.IMBAG.Pand0307100000367968'), ('NL.IMBAG.Pand.'),
	('NL.IMBAG.Pand. 0307100000367968'), ('NL.IMBAG.'), ('NL.IMBAG'),
	('urn:NL.IMBAG.Pand.0307100000367968'), ('NL.IMBAG.Pand.0307100000367968.')) AS v(s),
	pg_temp.try(format('SELECT %L::bag_id', s)) AS r;

-- The whole message for two of them.
SELECT '1234567890000001'::bag_id;
SELECT 'NL.IMBAG.Pand.0629200000004591'::bag_id;

-- Casts: text both ways; bigint to bag_id is validated (22023), bag_id to
-- bigint is free.
SELECT '629200000004591'::bag_id::text, '0307100000367968'::text::bag_id,
	'0629200000004591'::bag_id::bigint, 629200000004591::bigint::bag_id;
SELECT v, r.state, r.detail, r.hint FROM (VALUES (0::bigint), (-1), (10000000000000000), (1234567890000001),
	(629200000000000), (20000004591)) AS x(v),
	LATERAL pg_temp.try(format('SELECT (%s)::bigint::bag_id', v)) AS r;
SELECT (-1)::bigint::bag_id;

-- A column that holds only nummeraanduidingen, as docs/types.md (bag_id) shows.
CREATE TABLE bag_adres (nummeraanduiding bag_id CHECK (bag_id_objecttype(nummeraanduiding) = 'nummeraanduiding'));
INSERT INTO bag_adres VALUES ('NL.IMBAG.Nummeraanduiding.0629200000004591');
SELECT r.state, r.detail, r.hint FROM pg_temp.try($$INSERT INTO bag_adres VALUES ('0307100000367968')$$) AS r;
DROP TABLE bag_adres;

-- is_bag_id agrees with the input function and with an independent
-- regular-expression oracle of the rule on 100,000 generated inputs: ids of
-- every object type (and unknown type codes), 15 and 16 digits, with and
-- without a prefix (matching or not), then substituted, deleted and inserted
-- characters.
CREATE TEMP TABLE bag_gen AS
WITH pool AS (SELECT E'0123456789 .-0123NLIMBAGPand\t\n' AS pool),
types(k, code, name) AS (VALUES (0, '01', 'Verblijfsobject'), (1, '02', 'ligplaats'),
	(2, '03', 'STANDPLAATS'), (3, '10', 'Pand'), (4, '20', 'Nummeraanduiding'),
	(5, '30', 'OpenbareRuimte')),
g AS (
	SELECT i,
		(CASE WHEN i % 7 = 0 THEN 'NL.IMBAG.' || pt.name || '.' ELSE '' END) ||
		(CASE WHEN i % 5 = 0 THEN ltrim(d, '0') ELSE d END) AS v
	FROM generate_series(1, 100000) AS i
		JOIN types AS t ON t.k = i / 7 % 6
		JOIN types AS pt ON pt.k = (CASE WHEN i % 11 = 0 THEN i / 11 ELSE i / 7 END) % 6,
		LATERAL (SELECT lpad(((i::bigint * 7919) % 10000)::text, 4, '0') ||
			(CASE WHEN i % 13 = 0 THEN lpad(((i / 13) % 100)::text, 2, '0') ELSE t.code END) ||
			lpad(((i::bigint * 104729) % 10000000000)::text, 10, '0') AS d) AS x
)
SELECT i, pg_temp.mutant(v, i, pool) AS s FROM g, pool;
SELECT count(*) AS inputs,
	count(*) FILTER (WHERE is_bag_id(s)) AS valid,
	count(*) FILTER (WHERE is_bag_id(s) IS DISTINCT FROM pg_temp.input_ok(s, 'bag_id')) AS disagree_input,
	count(*) FILTER (WHERE is_bag_id(s) IS DISTINCT FROM coalesce(
		substr(d, 1, 4) <> '0000' AND substr(d, 7) <> '0000000000'
		AND substr(d, 5, 2) IN ('01', '02', '03', '10', '20', '30')
		AND (m[1] IS NULL OR substr(d, 5, 2) = CASE m[1] WHEN 'VERBLIJFSOBJECT' THEN '01'
			WHEN 'LIGPLAATS' THEN '02' WHEN 'STANDPLAATS' THEN '03' WHEN 'PAND' THEN '10'
			WHEN 'NUMMERAANDUIDING' THEN '20' WHEN 'OPENBARERUIMTE' THEN '30' END), false)) AS disagree_oracle
FROM bag_gen,
	LATERAL regexp_match(upper(s), E'^[ \t]*(?:NL\\.IMBAG\\.(VERBLIJFSOBJECT|LIGPLAATS|STANDPLAATS|PAND|NUMMERAANDUIDING|OPENBARERUIMTE)\\.)?([0-9]{15,16})[ \t]*$') AS m,
	LATERAL lpad(m[2], 16, '0') AS d;

-- Every accepted spelling prints canonically and reads back to itself.
SELECT count(*) AS valid,
	count(*) FILTER (WHERE b::text !~ '^[0-9]{16}$') AS not_canonical,
	count(*) FILTER (WHERE b::text::bag_id <> b) AS no_round_trip,
	count(*) FILTER (WHERE b::bigint::bag_id <> b) AS no_bigint_round_trip,
	count(DISTINCT bag_id_objecttype(b)) AS objecttypes
FROM (SELECT s::bag_id AS b FROM bag_gen WHERE is_bag_id(s)) AS v;

-- Indexes: btree for equality and ranges, hash for equality.
CREATE TABLE bag_t (id int PRIMARY KEY, b bag_id NOT NULL);
INSERT INTO bag_t SELECT i, s::bag_id FROM bag_gen WHERE is_bag_id(s);
INSERT INTO bag_t VALUES (-1, '0307100000367968'), (-2, 'NL.IMBAG.Pand.0307100000367968');
CREATE INDEX bag_t_b ON bag_t (b);
ANALYZE bag_t;
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM bag_t WHERE b = '0307100000367968';
EXPLAIN (COSTS OFF) SELECT id FROM bag_t WHERE b BETWEEN '0307010000000001' AND '0307309999999999' ORDER BY b;
SELECT count(*) FROM bag_t WHERE b BETWEEN '0307010000000001' AND '0307309999999999';
SELECT count(*) FROM bag_t WHERE bag_id_gemeentecode(b) = '0307';
DROP INDEX bag_t_b;
CREATE INDEX bag_t_b_hash ON bag_t USING hash (b);
EXPLAIN (COSTS OFF) SELECT id FROM bag_t WHERE b = '0307100000367968';
SELECT count(*) FROM bag_t WHERE b = '0307100000367968';
RESET enable_seqscan;
RESET enable_bitmapscan;

-- Hash join and hash aggregate.
SET enable_mergejoin = off;
SET enable_nestloop = off;
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM bag_t AS a JOIN bag_t AS b ON a.b = b.b;
SELECT count(*) FROM bag_t AS a JOIN bag_t AS b ON a.b = b.b;
EXPLAIN (COSTS OFF) SELECT b, count(*) FROM bag_t GROUP BY b;
SELECT count(*) AS groups, sum(n) AS rows FROM (SELECT b, count(*) AS n FROM bag_t GROUP BY b) AS g;
SELECT bag_id_objecttype(b), count(*) FROM bag_t GROUP BY 1 ORDER BY 1;
RESET enable_mergejoin;
RESET enable_nestloop;
RESET enable_sort;

-- COPY round trips, text and binary, through a file in the data directory.
SELECT current_setting('data_directory') || '/ki_bag_id.copy' AS copyfile \gset
CREATE TABLE bag_t2 (LIKE bag_t);
COPY bag_t TO :'copyfile';
COPY bag_t2 FROM :'copyfile';
SELECT count(*) AS rows, count(*) FILTER (WHERE a.b IS DISTINCT FROM b.b) AS differ
FROM bag_t AS a FULL JOIN bag_t2 AS b USING (id);
TRUNCATE bag_t2;
COPY bag_t TO :'copyfile' (FORMAT binary);
COPY bag_t2 FROM :'copyfile' (FORMAT binary);
SELECT count(*) AS rows, count(*) FILTER (WHERE a.b IS DISTINCT FROM b.b) AS differ
FROM bag_t AS a FULL JOIN bag_t2 AS b USING (id);

-- Binary input is validated again.
CREATE TABLE bag_bin (b bag_id);
COPY (SELECT 629200000004591::int8) TO :'copyfile' (FORMAT binary);
COPY bag_bin FROM :'copyfile' (FORMAT binary);
SELECT b FROM bag_bin;
SELECT v, r.state, r.detail, r.hint FROM (VALUES (-1::bigint), (10000000000000000), (200000004591),
	(629560000004591), (629200000000000)) AS x(v),
	LATERAL pg_temp.try(format('COPY (SELECT (%s)::int8) TO %L (FORMAT binary); COPY bag_bin FROM %L (FORMAT binary)',
		v, :'copyfile', :'copyfile')) AS r;

DROP TABLE bag_t, bag_t2, bag_bin, bag_gen;
