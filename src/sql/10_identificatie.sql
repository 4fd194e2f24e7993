-- Identification numbers: bsn, rsin, kvk_nummer, vestigingsnummer.
-- Integers passed by value, printed zero-padded (docs/types.md).
-- Kind of every function in this file: pure (invoker, executable by PUBLIC).

-- @fixed_type bsn int4
COMMENT ON TYPE bsn IS 'Burgerservicenummer: 9 digits passing the elfproef (weights 9..2 and -1), not all zeros; 8-digit input gets a leading zero. Prints as 9 digits.';

-- @fixed_type rsin int4
COMMENT ON TYPE rsin IS 'Rechtspersonen en Samenwerkingsverbanden Informatienummer: exactly 9 digits passing the elfproef, not all zeros. Prints as 9 digits.';

-- @fixed_type kvk_nummer int4
COMMENT ON TYPE kvk_nummer IS 'KvK-nummer (Handelsregister): exactly 8 digits, no check digit. Prints as 8 digits.';

-- @fixed_type vestigingsnummer int8
COMMENT ON TYPE vestigingsnummer IS 'Vestigingsnummer (Handelsregister): exactly 12 digits, no check digit, leading zeros kept. Prints as 12 digits.';

-- Validated casts from integers; to bigint they are free or nearly so.
CREATE OR REPLACE FUNCTION bsn_from_int8(bigint) RETURNS bsn
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION bsn_from_int8(bigint) IS 'Cast bigint to bsn; fails (22023) unless the number passes the BSN rules.';
CREATE OR REPLACE FUNCTION rsin_from_int8(bigint) RETURNS rsin
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION rsin_from_int8(bigint) IS 'Cast bigint to rsin; fails (22023) unless the number passes the RSIN rules.';
CREATE OR REPLACE FUNCTION kvk_nummer_from_int8(bigint) RETURNS kvk_nummer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION kvk_nummer_from_int8(bigint) IS 'Cast bigint to kvk_nummer; fails (22023) outside 0..99999999.';
CREATE OR REPLACE FUNCTION vestigingsnummer_from_int8(bigint) RETURNS vestigingsnummer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION vestigingsnummer_from_int8(bigint) IS 'Cast bigint to vestigingsnummer; fails (22023) outside 0..999999999999.';

-- @ONCE
CREATE CAST (bigint AS bsn) WITH FUNCTION bsn_from_int8(bigint);
CREATE CAST (bigint AS rsin) WITH FUNCTION rsin_from_int8(bigint);
CREATE CAST (bigint AS kvk_nummer) WITH FUNCTION kvk_nummer_from_int8(bigint);
CREATE CAST (bigint AS vestigingsnummer) WITH FUNCTION vestigingsnummer_from_int8(bigint);
-- @END

-- From integer through bigint: the same check, one C function per type.
CREATE OR REPLACE FUNCTION bsn_from_int4(integer) RETURNS bsn
	AS 'SELECT klantinteracties.bsn_from_int8($1)' LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION bsn_from_int4(integer) IS 'Cast integer to bsn; fails (22023) unless the number passes the BSN rules.';
CREATE OR REPLACE FUNCTION rsin_from_int4(integer) RETURNS rsin
	AS 'SELECT klantinteracties.rsin_from_int8($1)' LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION rsin_from_int4(integer) IS 'Cast integer to rsin; fails (22023) unless the number passes the RSIN rules.';
CREATE OR REPLACE FUNCTION kvk_nummer_from_int4(integer) RETURNS kvk_nummer
	AS 'SELECT klantinteracties.kvk_nummer_from_int8($1)' LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION kvk_nummer_from_int4(integer) IS 'Cast integer to kvk_nummer; fails (22023) outside 0..99999999.';
CREATE OR REPLACE FUNCTION vestigingsnummer_from_int4(integer) RETURNS vestigingsnummer
	AS 'SELECT klantinteracties.vestigingsnummer_from_int8($1)' LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION vestigingsnummer_from_int4(integer) IS 'Cast integer to vestigingsnummer; fails (22023) when negative.';

-- @ONCE
CREATE CAST (integer AS bsn) WITH FUNCTION bsn_from_int4(integer);
CREATE CAST (integer AS rsin) WITH FUNCTION rsin_from_int4(integer);
CREATE CAST (integer AS kvk_nummer) WITH FUNCTION kvk_nummer_from_int4(integer);
CREATE CAST (integer AS vestigingsnummer) WITH FUNCTION vestigingsnummer_from_int4(integer);
-- @END

-- To bigint: the stored value; int4-based types widen with int48.
CREATE OR REPLACE FUNCTION bsn_to_int8(bsn) RETURNS bigint
	AS 'int48' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF SECURITY INVOKER;
COMMENT ON FUNCTION bsn_to_int8(bsn) IS 'Cast bsn to bigint (the number without leading zeros).';
CREATE OR REPLACE FUNCTION rsin_to_int8(rsin) RETURNS bigint
	AS 'int48' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF SECURITY INVOKER;
COMMENT ON FUNCTION rsin_to_int8(rsin) IS 'Cast rsin to bigint (the number without leading zeros).';
CREATE OR REPLACE FUNCTION kvk_nummer_to_int8(kvk_nummer) RETURNS bigint
	AS 'int48' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF SECURITY INVOKER;
COMMENT ON FUNCTION kvk_nummer_to_int8(kvk_nummer) IS 'Cast kvk_nummer to bigint (the number without leading zeros).';

-- @ONCE
CREATE CAST (bsn AS bigint) WITH FUNCTION bsn_to_int8(bsn);
CREATE CAST (rsin AS bigint) WITH FUNCTION rsin_to_int8(rsin);
CREATE CAST (kvk_nummer AS bigint) WITH FUNCTION kvk_nummer_to_int8(kvk_nummer);
CREATE CAST (vestigingsnummer AS bigint) WITHOUT FUNCTION;
-- @END

CREATE OR REPLACE FUNCTION kvk_nummer_mod11_ok(kvk_nummer) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION kvk_nummer_mod11_ok(kvk_nummer) IS 'Diagnostic: true when the KvK-nummer passes the weighted mod-11 (weights 8..1) that KvK''s published numbers satisfy. Not a validity rule: KvK documents no check digit.';
