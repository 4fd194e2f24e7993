-- BSNs in free text and JSON: maskeer_bsn and bevat_bsn (src/tekst_core.h
-- has the rule).  Issue 12 finding 7: the mask must cost time linear in
-- the text, whatever it holds, and must not corrupt uuids.
\i sql/include/helpers.psql

-- The rule by example: nine digits, single spaces, dots or hyphens between
-- them, not next to another digit, passing the elfproef; a uuid is passed
-- over whole.
SELECT t AS tekst, maskeer_bsn(t, false) AS gemaskeerd, bevat_bsn(t) AS bevat
  FROM (VALUES ('BSN 111222333.'), ('111 222 333'), ('1112.22.333'), ('111-222-333'), ('111--222333'),
			   ('1112223334'), ('0111222333'), ('x111222333y'), ('123456789'), ('000000000'),
			   ('123 111 222 333'), ('12 345 678 901 234'), ('a 111222333, b 123456782; c 111 222 333'),
			   ('12345678-1234-1234-1234-123456789abc'), ('11122233-3aaa-bbbb-cccc-dddddddddddd'),
			   ('12345678-1234-1234-1234-123456789abcd 111222333'), ('12345678-1234-1234-1234-12345678'),
			   ('+31 6 12345678'), ('06-58493484'), ('NL91 ABNA 0417 1643 00'), ('1.11222333'),
			   ('é111222333é'), ('')) AS v(t);

-- Visible, NULL (strict: nothing shown) and the three-argument form for free identificators.
SELECT maskeer_bsn('111222333', true) AS zichtbaar, maskeer_bsn('111222333', NULL) AS onbekend_leeg,
	   maskeer_bsn(NULL::text, false) AS leeg, bevat_bsn(NULL) AS bevat_null,
	   maskeer_bsn('123', false, 'bsn') AS soort_bsn, maskeer_bsn('123', true, 'bsn') AS soort_bsn_zichtbaar,
	   maskeer_bsn('ZAAK 111222333', false, 'zaak') AS andere_soort;

-- JSON: keys and strings as text; a number holding a BSN becomes the
-- string of its masked text; structure, other scalars and uuids stay.
SELECT maskeer_bsn('{"111222333": [111222333, 1.11222333, 123456789, "x 111.222.333 y", 12, true, null,
	{"uuid": "12345678-1234-1234-1234-123456789abc", "leeg": {}, "lijst": []}]}'::jsonb, false) AS gemaskeerd;
SELECT maskeer_bsn('"111222333"'::jsonb, false) AS tekst, maskeer_bsn('111222333'::jsonb, false) AS getal,
	   maskeer_bsn('[]'::jsonb, false) AS lijst, maskeer_bsn('{"a": "111222333"}'::jsonb, true) AS zichtbaar,
	   maskeer_bsn('{"a": "111222333"}'::jsonb, NULL) AS onbekend_leeg, maskeer_bsn(NULL::jsonb, false) AS leeg;
-- A key that becomes the same as another after masking: the last wins, as
-- in any JSON object with a repeated key.
SELECT maskeer_bsn('{"111222333": 1, "123456782": 2}'::jsonb, false) AS sleutels;

-- Oracle: the rule written with PostgreSQL's regular expressions, tried at
-- every position (slow and obviously right), against maskeer_bsn on texts
-- made of digits, separators, uuids, letters and BSNs in every grouping.
CREATE FUNCTION pg_temp.maskeer_volgens_definitie(t text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	uit text := '';
	i int := 1;
	n int := length(t);
	m text;
BEGIN
	WHILE i <= n LOOP
		m := substring(substr(t, i) from '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}');
		IF m IS NOT NULL THEN
			uit := uit || m;
			i := i + length(m);
			CONTINUE;
		END IF;
		IF i = 1 OR substr(t, i - 1, 1) !~ '[0-9]' THEN
			m := substring(substr(t, i) from '^([0-9](?:[ .-]?[0-9]){8})(?![0-9])');
			IF m IS NOT NULL AND is_bsn(regexp_replace(m, '[^0-9]', '', 'g')) THEN
				uit := uit || '*********';
				i := i + length(m);
				CONTINUE;
			END IF;
		END IF;
		uit := uit || substr(t, i, 1);
		i := i + 1;
	END LOOP;
	RETURN uit;
END $$;
SELECT setseed(0.12);
CREATE TEMP TABLE teksten AS
SELECT g, string_agg((ARRAY['111222333', '111 222 333', '1112.22.333', '111-222-333', '12345672', '123456782',
		'0', '1', '9', '00', ' ', '.', '-', '--', ' .', 'a', 'F', 'x', 'BSN: ', 'é', '€',
		'00000000-0000-0000-0099-0000000000a1', '12345678-1234-1234-1234-123456789abc',
		'11122233-3aaa-bbbb-cccc-dddddddddddd', '+31 6 12345678', '06-58493484', '1234567890'])[1 + floor(random() * 27)::int], '') AS t
  FROM generate_series(1, 2000) AS g, generate_series(1, 12) AS d
 WHERE d <= 1 + (g % 12)
 GROUP BY g;
SELECT count(*) AS teksten, count(*) FILTER (WHERE bevat_bsn(t)) > 500 AS veel_met_bsn,
	   count(*) FILTER (WHERE maskeer_bsn(t, false) IS DISTINCT FROM pg_temp.maskeer_volgens_definitie(t)) AS verschillen,
	   count(*) FILTER (WHERE bevat_bsn(t) <> (maskeer_bsn(t, false) <> t)) AS bevat_oneens
  FROM teksten;
-- The JSON variant masks each string as the text variant does.
SELECT count(*) AS verschillen_json
  FROM teksten
 WHERE maskeer_bsn(jsonb_build_object(t, t, 'lijst', jsonb_build_array(t)), false)
	   IS DISTINCT FROM jsonb_build_object(maskeer_bsn(t, false), maskeer_bsn(t, false), 'lijst', jsonb_build_array(maskeer_bsn(t, false)));

-- Linear: the work the scanner reports (bytes examined) per byte stays
-- under 64 and grows tenfold with a tenfold text, for the issue's case
-- (20,000 BSN-like numbers, 209 KB: 2.76 s in 0.1.0, one replace() per
-- number) and for texts made to be slow: long digit runs, digits with a
-- separator after each, near-uuids, hyphens.
CREATE FUNCTION pg_temp.tekst(soort text, n int) RETURNS text LANGUAGE sql AS $$
	SELECT CASE soort
		WHEN 'bsn-achtig' THEN (SELECT string_agg(lpad((100000000 + 7 * g)::text, 9, '0'), ', ') FROM generate_series(1, n) AS g)
		WHEN 'geldige bsn' THEN (SELECT string_agg(b, ' ') FROM (SELECT lpad(v::text, 9, '0') AS b FROM generate_series(100000000, 100000000 + 40 * n) AS v
								   WHERE is_bsn(lpad(v::text, 9, '0')) LIMIT n) AS x)
		WHEN 'cijfers' THEN repeat('1', 10 * n)
		WHEN 'gescheiden cijfers' THEN repeat('1 ', 5 * n)
		WHEN 'bijna uuid' THEN repeat('00000000-0000-0000-0000-00000000000g', n / 4)
		WHEN 'streepjes' THEN repeat('0-', 5 * n) END $$;
CREATE TEMP TABLE lang AS
SELECT soort, pg_temp.tekst(soort, 2000) AS kort, pg_temp.tekst(soort, 20000) AS t
  FROM unnest(ARRAY['bsn-achtig', 'geldige bsn', 'cijfers', 'gescheiden cijfers', 'bijna uuid', 'streepjes']) AS soort;
SELECT soort, length(t) AS lengte, round(maskeer_bsn_werk(t)::numeric / length(t), 1) AS werk_per_byte,
	   maskeer_bsn_werk(t)::numeric / length(t) < 64 AS onder_64,
	   round(maskeer_bsn_werk(t)::numeric / maskeer_bsn_werk(kort), 1) AS verhouding_10x_tekst
  FROM lang;
-- The issue's case masks every one of its BSNs, in text and in JSON.
SELECT length(t) AS lengte, (length(t) - length(replace(maskeer_bsn(t, false), '*********', ''))) / 9 AS gemaskeerd,
	   (SELECT count(*) FROM jsonb_array_elements_text(maskeer_bsn(to_jsonb(string_to_array(t, ' ')), false)) AS e
		 WHERE e = '*********') AS gemaskeerd_json
  FROM lang WHERE soort = 'geldige bsn';

-- The audit trail's BSN test of a row (rij_bevat_bsn, in C) against the
-- rule written in SQL, as the audit trigger had it before (jsonb_each, a
-- regular expression passing over values that are whole a uuid or a date
-- or moment, string_agg, bevat_bsn): the same answer for rows made of the
-- texts above in strings, numbers, arrays and objects, beside uuids (lower
-- and upper case), dates, moments and near-misses of each.
CREATE FUNCTION pg_temp.rij_bevat_bsn_sql(rij jsonb) RETURNS boolean LANGUAGE sql AS $$
SELECT coalesce(bevat_bsn((
	SELECT string_agg(CASE WHEN jsonb_typeof(e.value) = 'string' THEN e.value #>> '{}' ELSE e.value::text END, ' ')
	  FROM jsonb_each(rij) AS e
	 WHERE jsonb_typeof(e.value) = ANY ('{string,object,array}'::text[])
	   AND NOT (e.value #>> '{}') ~
		   '^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9]{4}-[0-9]{2}-[0-9]{2}([ T][0-9:.]+([+-][0-9:]+|Z)?)?)$')), false) $$;
CREATE TEMP TABLE rijen AS
SELECT jsonb_build_object('t', t, 'b', b) AS rij
  FROM teksten,
	   unnest(ARRAY['12345678-1234-1234-1234-123456789abc', '12345678-1234-1234-1234-123456789ABC',
					'2024-01-02', '2024-01-02 11:12:13.5+01', '2024-01-02T11:12:13Z', '2024-01-02 11:12:13+01:00',
					'2024-01-02 11:12:13-', '2024-01-02 ', '2024-01-02T', '2024-01-02Z', '2024-1-02',
					'2024-01-02 11:12:13+01:00x', '111222333', '2024-01-02 111222333', '']) AS b
UNION ALL SELECT jsonb_build_object('t', t, 'n', 111222333, 'l', jsonb_build_array(t), 'o', jsonb_build_object('k', t)) FROM teksten
UNION ALL SELECT jsonb_build_object('lijst', jsonb_build_array(t, 1), 'x', true, 'y', NULL) FROM teksten
UNION ALL SELECT jsonb_build_object(t, 1) FROM teksten
UNION ALL SELECT jsonb_build_object('a', '111 222', 'b', '333')
UNION ALL SELECT '{}'::jsonb;
SELECT count(*) AS rijen, count(*) FILTER (WHERE rij_bevat_bsn(rij)) > 500 AS veel_met_bsn,
	   count(*) FILTER (WHERE rij_bevat_bsn(rij) IS DISTINCT FROM pg_temp.rij_bevat_bsn_sql(rij)) AS oneens
  FROM rijen;
-- Not an object: false; NULL: NULL (strict).
SELECT rij_bevat_bsn('["111222333"]') AS lijst, rij_bevat_bsn('"111222333"') AS tekst, rij_bevat_bsn(NULL) AS leeg;
