-- emailadres: an e-mail address in canonical form (local part as given,
-- domain in lower-case ASCII with A-labels), a varlena of at most 254
-- octets.  Equality, ordering and hashing ignore ASCII case in the whole
-- address; order is by the bytes of the lower-cased address (docs/types.md).
-- Kind of every function in this file: pure (invoker, executable by PUBLIC).

-- @ONCE
CREATE TYPE emailadres;
-- @END

CREATE OR REPLACE FUNCTION emailadres_in(cstring) RETURNS emailadres
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION emailadres_in(cstring) IS 'Input function of type emailadres: validates the address and stores its canonical form (domain lower-cased, internationalised labels as A-labels).';
CREATE OR REPLACE FUNCTION emailadres_out(emailadres) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION emailadres_out(emailadres) IS 'Output function of type emailadres: prints the canonical form.';
CREATE OR REPLACE FUNCTION emailadres_recv(internal) RETURNS emailadres
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION emailadres_recv(internal) IS 'Binary input function of type emailadres: reads a version byte (1) and the address text, and validates it like the input function.';
CREATE OR REPLACE FUNCTION emailadres_send(emailadres) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION emailadres_send(emailadres) IS 'Binary output function of type emailadres: sends a version byte (1) and the canonical text.';

-- STORAGE extended only to get the 1-byte short header on disk: values of
-- at most 254 octets are never compressed or moved out of line.
-- @ONCE
CREATE TYPE emailadres (
	INPUT = emailadres_in,
	OUTPUT = emailadres_out,
	RECEIVE = emailadres_recv,
	SEND = emailadres_send,
	INTERNALLENGTH = variable,
	ALIGNMENT = int4,
	STORAGE = extended,
	CATEGORY = 'S',
	PREFERRED = false
);
-- @END
COMMENT ON TYPE emailadres IS 'E-mail address: dot-atom local part of at most 64 octets, a domain of at least two labels (Unicode labels converted to A-labels), at most 254 octets. Prints as local part as given @ lower-case ASCII domain; compares ignoring case.';

CREATE OR REPLACE FUNCTION is_emailadres(text) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION is_emailadres(text) IS 'True when the text is a valid emailadres (exactly when the input function accepts it); never raises.';

-- The stored bytes are the canonical text, so the cast to text needs no
-- function; the cast from text validates through the input function.
-- @ONCE
CREATE CAST (emailadres AS text) WITHOUT FUNCTION AS ASSIGNMENT;
CREATE CAST (text AS emailadres) WITH INOUT AS ASSIGNMENT;
-- @END

CREATE OR REPLACE FUNCTION emailadres_lokaal(emailadres) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION emailadres_lokaal(emailadres) IS 'The local part (before the "@"), case as given.';
CREATE OR REPLACE FUNCTION emailadres_domein(emailadres) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION emailadres_domein(emailadres) IS 'The domain in its lower-case ASCII form (internationalised labels as A-labels, "xn--...").';
CREATE OR REPLACE FUNCTION emailadres_domein_unicode(emailadres) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION emailadres_domein_unicode(emailadres) IS 'The domain in its Unicode form (A-labels decoded to U-labels), for display.';
CREATE OR REPLACE FUNCTION emailadres_genormaliseerd(emailadres) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION emailadres_genormaliseerd(emailadres) IS 'The comparison key: the canonical address with ASCII letters lower-cased; two values are equal exactly when their keys are.';

-- @varlena_type emailadres
-- Comparison and hashing work on the case-folded bytes (src/emailadres.c);
-- these comments replace the template's to say so.
COMMENT ON FUNCTION emailadres_cmp(emailadres, emailadres) IS 'Btree comparison function of emailadres: the bytes of the lower-cased addresses.';
COMMENT ON FUNCTION emailadres_hash(emailadres) IS 'Hash function of emailadres (of the lower-cased address, agreeing with =).';
COMMENT ON FUNCTION emailadres_hash_extended(emailadres, bigint) IS 'Seeded 64-bit hash function of emailadres (of the lower-cased address, agreeing with =).';
COMMENT ON OPERATOR = (emailadres, emailadres) IS 'equal, ignoring case';
COMMENT ON OPERATOR <> (emailadres, emailadres) IS 'not equal, ignoring case';
COMMENT ON OPERATOR < (emailadres, emailadres) IS 'less than (bytes of the lower-cased addresses)';
COMMENT ON OPERATOR <= (emailadres, emailadres) IS 'less than or equal (bytes of the lower-cased addresses)';
COMMENT ON OPERATOR > (emailadres, emailadres) IS 'greater than (bytes of the lower-cased addresses)';
COMMENT ON OPERATOR >= (emailadres, emailadres) IS 'greater than or equal (bytes of the lower-cased addresses)';

CREATE OR REPLACE FUNCTION emailadres_sortsupport(internal) RETURNS void
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION emailadres_sortsupport(internal) IS 'Btree sort support of emailadres (the comparison without fmgr overhead).';

-- No equalimage: equal addresses may differ in case, so btree indexes must
-- not deduplicate them.
-- @ONCE
CREATE OPERATOR CLASS emailadres_ops DEFAULT FOR TYPE emailadres USING btree AS
	OPERATOR 1 <,
	OPERATOR 2 <=,
	OPERATOR 3 =,
	OPERATOR 4 >=,
	OPERATOR 5 >,
	FUNCTION 1 emailadres_cmp(emailadres, emailadres),
	FUNCTION 2 emailadres_sortsupport(internal);
-- @END

-- @minmax emailadres
