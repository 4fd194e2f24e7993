-- Bank details: iban and bic (docs/types.md: iban, bic).
-- Kind of every function in this file: pure (invoker, executable by PUBLIC).

-- iban is a varlena holding the canonical text: at most 34 ASCII digits and
-- upper-case letters.  Why not a fixed or packed form: a fixed 34 bytes
-- wastes 15 of them on a Dutch IBAN (18 characters), while the varlena with
-- its 1-byte short header takes 19; packing 6 bits per character would save
-- 4 more bytes but cost a decode in every output, accessor and comparison.
-- The canonical bytes order exactly like the text under COLLATE "C", so
-- comparison is one memcmp and hashing is hash_any over them.  STORAGE main
-- keeps the short header (plain would force a 4-byte one) and makes the
-- value the last candidate for moving out of line.  Short-header values are
-- stored unaligned, so the int alignment a varlena needs costs no padding.

-- @ONCE
CREATE TYPE iban;
-- @END

CREATE OR REPLACE FUNCTION iban_in(cstring) RETURNS iban
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION iban_in(cstring) IS 'Input function of type iban: validates the text and stores its canonical value.';
CREATE OR REPLACE FUNCTION iban_out(iban) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION iban_out(iban) IS 'Output function of type iban: prints the canonical text form.';
CREATE OR REPLACE FUNCTION iban_recv(internal) RETURNS iban
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION iban_recv(internal) IS 'Binary input function of type iban: reads the canonical text bytes and validates them again.';
CREATE OR REPLACE FUNCTION iban_send(iban) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION iban_send(iban) IS 'Binary output function of type iban: sends the canonical text bytes.';

-- @ONCE
CREATE TYPE iban (
	INPUT = iban_in,
	OUTPUT = iban_out,
	RECEIVE = iban_recv,
	SEND = iban_send,
	INTERNALLENGTH = VARIABLE,
	STORAGE = main,
	CATEGORY = 'U'
);
-- @END
COMMENT ON TYPE iban IS 'International Bank Account Number (ISO 13616): country code, check digits 02..98 passing ISO 7064 mod-97, and the country''s BBAN length and structure from the SWIFT IBAN registry. Prints compact in upper case; input may contain spaces and hyphens and lower case.';

CREATE OR REPLACE FUNCTION is_iban(text) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION is_iban(text) IS 'True when the text is a valid iban (exactly when the input function accepts it); never raises.';

-- To text the bytes are already the canonical text: no function needed.
-- @ONCE
CREATE CAST (iban AS text) WITHOUT FUNCTION AS ASSIGNMENT;
CREATE CAST (text AS iban) WITH INOUT AS ASSIGNMENT;
-- @END

-- @varlena_type iban
-- (replaces the template's comment with the order it implements)
COMMENT ON FUNCTION iban_cmp(iban, iban) IS 'Btree comparison function of iban: the byte order of the canonical text.';

-- @ONCE
CREATE OPERATOR CLASS iban_ops DEFAULT FOR TYPE iban USING btree AS
	OPERATOR 1 <,
	OPERATOR 2 <=,
	OPERATOR 3 =,
	OPERATOR 4 >=,
	OPERATOR 5 >,
	FUNCTION 1 iban_cmp(iban, iban),
	-- equal IBANs have equal bytes, so btree indexes may deduplicate them
	FUNCTION 4 btequalimage(oid);
-- @END

CREATE OR REPLACE FUNCTION format_iban(iban) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION format_iban(iban) IS 'The IBAN in print format: groups of four characters separated by a space (NL91 ABNA 0417 1643 00).';
CREATE OR REPLACE FUNCTION iban_landcode(iban) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION iban_landcode(iban) IS 'The country code of the IBAN (its first two letters).';
CREATE OR REPLACE FUNCTION iban_bankcode(iban) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION iban_bankcode(iban) IS 'The bank code of a Dutch IBAN (the 4 letters after the check digits, e.g. ABNA); NULL for other countries.';
CREATE OR REPLACE FUNCTION iban_bban(iban) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION iban_bban(iban) IS 'The Basic Bank Account Number: the IBAN without country code and check digits.';
CREATE OR REPLACE FUNCTION iban_registry(OUT landcode text, OUT lengte integer, OUT bban_structuur text)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 89 SECURITY INVOKER;
COMMENT ON FUNCTION iban_registry() IS 'The SWIFT IBAN registry compiled into the iban type: per country the IBAN length and the BBAN structure (n digits, a letters, c letters or digits).';

-- bic: the 8 or 11 characters packed base-37 into an int8 whose order is the
-- text order (src/bank_core.c), so it is passed by value and compared and
-- hashed by PostgreSQL's int8 functions.

-- @fixed_type bic int8
COMMENT ON TYPE bic IS 'Business Identifier Code (ISO 9362): 4 letters bank code, ISO 3166-1 country code (or XK), 2 letters/digits location, optional 3 letters/digits branch. Prints in upper case as entered, 8 or 11 characters; ABNANL2A and ABNANL2AXXX differ (compare bic8()).';

CREATE OR REPLACE FUNCTION bic_bankcode(bic) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION bic_bankcode(bic) IS 'The bank (party prefix) code of the BIC: characters 1-4.';
CREATE OR REPLACE FUNCTION bic_landcode(bic) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION bic_landcode(bic) IS 'The country code of the BIC: characters 5-6.';
CREATE OR REPLACE FUNCTION bic_locatie(bic) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION bic_locatie(bic) IS 'The location code of the BIC: characters 7-8.';
CREATE OR REPLACE FUNCTION bic_filiaal(bic) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION bic_filiaal(bic) IS 'The branch code of an 11-character BIC (characters 9-11, XXX for the main office); NULL for an 8-character BIC.';
CREATE OR REPLACE FUNCTION bic8(bic) RETURNS bic
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION bic8(bic) IS 'The BIC without its branch code (the first 8 characters): bic8(a) = bic8(b) compares institution and location, so ABNANL2A and ABNANL2AXXX match.';

-- @minmax iban
