-- Country code: ISO 3166-1 alpha-2, upper case (Debian
-- iso-codes).  An int2 packed so that integer order is code order.  The RvIG Tabel
-- 34 codes of the VNG standard convert through functions, not casts: the
-- two lists do not map one to one.
-- Kind of every function in this file: pure (invoker, executable by PUBLIC).

-- @fixed_type landcode int2
COMMENT ON TYPE landcode IS 'Country code: ISO 3166-1 alpha-2, assigned codes only (not UK, EU, XK). Accepts any case; prints upper case, like "NL".';

CREATE OR REPLACE FUNCTION landcode_naam(landcode) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION landcode_naam(landcode) IS 'The English short name of the country in ISO 3166-1 (from Debian iso-codes 4.15.0), like ''Netherlands''; NULL for a code no longer assigned.';
CREATE OR REPLACE FUNCTION landcode_rvig(landcode) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION landcode_rvig(landcode) IS 'The RvIG Tabel 34 code (four digits) of the country, or NULL when the extension knows no mapping for it.';
CREATE OR REPLACE FUNCTION landcode_from_rvig(text) RETURNS landcode
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION landcode_from_rvig(text) IS 'The landcode of an RvIG Tabel 34 code (four digits); fails (22023) on other text and on codes without a known mapping.';
