\i sql/include/helpers.psql

-- Valid: PostNL postcodes (python-stdnum's test set), Open Klant's valid
-- ones, the spellings of issue 3 and more spellings people type.
SELECT pg_temp.show(s) AS input, s::postcode AS canonical, is_postcode(s),
	postcode_compact(s::postcode) AS compact, postcode_cijfers(s::postcode) AS cijfers,
	postcode_letters(s::postcode) AS letters
FROM (VALUES ('1015 CJ'), ('2601 DC'), ('NL-2611ET'), ('1234 AB'), ('2403 BW'),
	('2612 JJ'), ('1234ab'), (' 1234AB '), ('1234   AB '), ('2242KM'), ('1000 AA'),
	('9999 XL'), ('8011 PK'), ('1008 DG'), ('1015CJ'), ('1015 cj'), (' 1015  CJ '),
	('1111 Aa'), ('1111 aA'), ('1000  aa'), (E'\t1015\tCJ\t'), ('nl-1015cj'),
	('NL 1015 CJ'), (E'NL\t 1015CJ'), ('Nl-1015 CJ'), ('1234 FI'), ('1234 QU'),
	('1234 OY'), ('9999 ZZ'), ('1000 SB'), ('1000 SZ'), ('1000 AS')) AS v(s);

-- Rejected, with SQLSTATE, detail and hint; is_postcode agrees.
SELECT pg_temp.show(s) AS input, is_postcode(s), r.state, r.detail, r.hint
FROM (VALUES ('0123 AB'), ('0999AA'), ('26112 ET'), ('2611 SS'), ('2611 SA'),
	('2611 SD'), ('2611 sd'), ('1000 AAA'), ('1234A'), ('3243 A1'), ('AA 1245'),
	('1111,aa'), ('1234-AB'), ('1234 - AB'), ('foo'), (''), ('   '), ('0000AA'),
	('1000AAA'), ('1111,a'), ('1111"a'), ('1111"aa'), ('123 AB'), ('1 AB'), ('1234'),
	('1234 '), ('1234 A'), ('1234 AB C'), ('1234AB.'), (E'1234AB\n'), (E'1234\rAB'),
	('NL2611ET'), ('NL'), ('NL-'), ('NL- 2611ET'), ('NLD 2611ET'), ('NL--2611ET'),
	('1234 ÄB'), ('1234 AÉ'), ('１２３４ AB'), ('+1234 AB'), ('1234AB1234AB')) AS v(s),
	pg_temp.try(format('SELECT %L::postcode', s)) AS r;

-- The whole message for two of them.
SELECT '2611 SS'::postcode;
SELECT '1234-ab'::postcode;

-- Canonical output and the text casts.
SELECT '1015cj'::postcode::text, 'nl-1015 cj'::text::postcode, '1015 CJ'::postcode = ' 1015cj'::postcode AS equal;
SELECT postcode_compact('9999 zz'), postcode_cijfers('1000 AA'), postcode_letters('1000 aa');

-- is_postcode agrees with the input function and with an independent
-- regular-expression oracle of the rule on 100,000 generated inputs: valid
-- postcodes in several spellings, then substituted, deleted and inserted
-- characters (digits, letters of the prefix and of SA/SD/SS, separators,
-- control characters, a multibyte letter).
CREATE TEMP TABLE pc_gen AS
WITH pool AS (SELECT E'0123456789ABSDLNabsdln -.,\t\nÉ' AS pool),
g AS (
	SELECT i,
		(CASE i % 7 WHEN 0 THEN 'NL-' WHEN 1 THEN 'nl ' ELSE '' END) ||
		lpad(((i::bigint * 7919) % 10000)::text, 4, '0') ||
		(CASE i % 4 WHEN 0 THEN '' WHEN 1 THEN ' ' WHEN 2 THEN '  ' ELSE E'\t' END) ||
		(CASE WHEN i % 3 = 0 THEN lower(l) ELSE l END) ||
		(CASE WHEN i % 5 = 0 THEN ' ' ELSE '' END) AS v
	FROM generate_series(1, 100000) AS i,
		LATERAL (SELECT chr(65 + (i * 31) % 26) || chr(65 + (i * 17 + i / 26) % 26) AS l) AS x
)
SELECT i, pg_temp.mutant(v, i, pool) AS s FROM g, pool;
SELECT count(*) AS inputs,
	count(*) FILTER (WHERE is_postcode(s)) AS valid,
	count(*) FILTER (WHERE is_postcode(s) IS DISTINCT FROM pg_temp.input_ok(s, 'postcode')) AS disagree_input,
	count(*) FILTER (WHERE is_postcode(s) IS DISTINCT FROM
		(upper(s) ~ E'^[ \t]*(NL(-|[ \t]+))?[1-9][0-9]{3}[ \t]*[A-Z]{2}[ \t]*$'
		 AND upper(s) !~ E'S[ADS][ \t]*$')) AS disagree_oracle
FROM pc_gen;

-- Every accepted spelling prints canonically and reads back to itself;
-- integer order is text order.
SELECT count(*) AS valid,
	count(*) FILTER (WHERE p::text !~ '^[1-9][0-9]{3} [A-Z]{2}$') AS not_canonical,
	count(*) FILTER (WHERE p::text::postcode <> p) AS no_round_trip,
	count(DISTINCT p) AS distinct_postcodes
FROM (SELECT s::postcode AS p FROM pc_gen WHERE is_postcode(s)) AS v;
SELECT count(*) FILTER (WHERE prev > p) AS order_violations
FROM (SELECT p, lag(p) OVER (ORDER BY p::text COLLATE "C") AS prev
	FROM (SELECT DISTINCT s::postcode AS p FROM pc_gen WHERE is_postcode(s)) AS d) AS o;
SELECT (SELECT s::postcode FROM pc_gen WHERE is_postcode(s) ORDER BY 1 LIMIT 1) AS lowest,
	(SELECT s::postcode FROM pc_gen WHERE is_postcode(s) ORDER BY 1 DESC LIMIT 1) AS highest;

-- Indexes: btree for equality and ranges, hash for equality.
CREATE TABLE pc_t (id int PRIMARY KEY, p postcode NOT NULL);
INSERT INTO pc_t SELECT i, s::postcode FROM pc_gen WHERE is_postcode(s);
INSERT INTO pc_t VALUES (-1, '1015 CJ'), (-2, 'nl-1015cj');
CREATE INDEX pc_t_p ON pc_t (p);
ANALYZE pc_t;
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM pc_t WHERE p = '1015 CJ';
EXPLAIN (COSTS OFF) SELECT id FROM pc_t WHERE p BETWEEN '1000 AA' AND '1099 ZZ' ORDER BY p;
SELECT count(*) FROM pc_t WHERE p BETWEEN '1000 AA' AND '1099 ZZ';
SELECT count(*) FROM pc_t WHERE postcode_cijfers(p) BETWEEN 1000 AND 1099;
DROP INDEX pc_t_p;
CREATE INDEX pc_t_p_hash ON pc_t USING hash (p);
EXPLAIN (COSTS OFF) SELECT id FROM pc_t WHERE p = '1015 CJ';
SELECT count(*) FROM pc_t WHERE p = '1015 CJ';
RESET enable_seqscan;
RESET enable_bitmapscan;

-- Hash join and hash aggregate.
SET enable_mergejoin = off;
SET enable_nestloop = off;
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM pc_t AS a JOIN pc_t AS b ON a.p = b.p;
SELECT count(*) FROM pc_t AS a JOIN pc_t AS b ON a.p = b.p;
EXPLAIN (COSTS OFF) SELECT p, count(*) FROM pc_t GROUP BY p;
SELECT count(*) AS groups, sum(n) AS rows FROM (SELECT p, count(*) AS n FROM pc_t GROUP BY p) AS g;
RESET enable_mergejoin;
RESET enable_nestloop;
RESET enable_sort;

-- COPY round trips, text and binary, through a file in the data directory.
SELECT current_setting('data_directory') || '/ki_postcode.copy' AS copyfile \gset
CREATE TABLE pc_t2 (LIKE pc_t);
COPY pc_t TO :'copyfile';
COPY pc_t2 FROM :'copyfile';
SELECT count(*) AS rows, count(*) FILTER (WHERE a.p IS DISTINCT FROM b.p) AS differ
FROM pc_t AS a FULL JOIN pc_t2 AS b USING (id);
TRUNCATE pc_t2;
COPY pc_t TO :'copyfile' (FORMAT binary);
COPY pc_t2 FROM :'copyfile' (FORMAT binary);
SELECT count(*) AS rows, count(*) FILTER (WHERE a.p IS DISTINCT FROM b.p) AS differ
FROM pc_t AS a FULL JOIN pc_t2 AS b USING (id);

-- Binary input is validated again: the int4 of "1234 AB" is accepted, an
-- out-of-range value and the packed letters SS are not.
CREATE TABLE pc_bin (p postcode);
COPY (SELECT 158185::int4) TO :'copyfile' (FORMAT binary);
COPY pc_bin FROM :'copyfile' (FORMAT binary);
SELECT p FROM pc_bin;
SELECT v, r.state, r.detail, r.hint FROM (VALUES (-1), (6084000), ((1234 - 1000) * 676 + 18 * 26 + 18)) AS x(v),
	LATERAL pg_temp.try(format('COPY (SELECT (%s)::int4) TO %L (FORMAT binary); COPY pc_bin FROM %L (FORMAT binary)',
		v, :'copyfile', :'copyfile')) AS r;

DROP TABLE pc_t, pc_t2, pc_bin, pc_gen;
