-- Error messages quote a rejected value only in part when it is long (issue
-- 14 finding 5): a 10 MB input must not give a 10 MB message.  For every
-- base type of the extension (found in the catalog, so a new type is
-- covered without touching this test): the text input of 10 MB and of 200
-- two-byte characters fails with 22P02, the message quotes the first 128
-- bytes (whole characters only) and says what was cut; a short value is
-- quoted whole, as before.  The RvIG code cast (22023) cuts the same way.
\i sql/include/helpers.psql

CREATE TEMP TABLE typen AS
	SELECT t.oid::regtype AS typ
	FROM pg_type t JOIN pg_proc p ON p.oid = t.typinput
	WHERE t.typnamespace = 'klantinteracties'::regnamespace AND t.typtype = 'b'
		AND p.pronamespace = 'klantinteracties'::regnamespace;
SELECT count(*) AS base_types FROM typen;

-- 10 MB of digits, 10 MB of letters, 200 characters 'é' (400 bytes in UTF-8)
SELECT ty.typ, v.soort, octet_length(v.val) AS input_bytes, r.state,
	octet_length(r.message) AS message_bytes,
	r.message = format('invalid input syntax for type %s: "%s"... (first %s of %s bytes)',
		ty.typ, left(v.val, v.shown), octet_length(left(v.val, v.shown)), octet_length(v.val)) AS message_as_expected
FROM typen ty,
	(VALUES ('digits', repeat('1', 10485760), 128), ('letters', repeat('ab', 5242880), 128),
		('two-byte', repeat(U&'\00e9', 200), 64)) AS v(soort, val, shown),
	pg_temp.try(format('SELECT %L::%s', v.val, ty.typ)) r
ORDER BY 1, 2;

-- exactly 128 bytes: quoted whole; 129 bytes: cut
SELECT ty.typ, r1.message = format('invalid input syntax for type %s: "%s"', ty.typ, repeat('9', 128)) AS whole_at_128,
	r2.message LIKE '%... (first 128 of 129 bytes)' AS cut_at_129
FROM typen ty,
	pg_temp.try(format('SELECT %L::%s', repeat('9', 128), ty.typ)) r1,
	pg_temp.try(format('SELECT %L::%s', repeat('9', 129), ty.typ)) r2
ORDER BY 1;

-- a short rejected value: quoted whole
SELECT '12345'::postcode;
SELECT '-111222333'::bsn;

-- is_<type>() of the long input: false, without an error
SELECT ty.typ, r.state, r.message
FROM typen ty, pg_temp.try(format('DO $do$ BEGIN ASSERT NOT klantinteracties.is_%s(%L); END $do$',
	ty.typ::text, repeat('1', 10485760))) r
ORDER BY 1;

-- the RvIG code of a landcode (22023): the same cut, as an SQL literal
SELECT r.state, r.message
FROM pg_temp.try(format('SELECT klantinteracties.landcode_from_rvig(%L)', repeat('x', 300))) r;
SELECT landcode_from_rvig('9999');
