-- Postcode (NL): four digits and two letters, printed "1234 AB"
-- (PostNL; python-stdnum stdnum/nl/postcode.py).  An int4 packed so that integer order
-- is postcode order; no integer casts, since the packing means nothing
-- outside the type.
-- Kind of every function in this file: pure (invoker, executable by PUBLIC).

-- @fixed_type postcode int4
COMMENT ON TYPE postcode IS 'Dutch postcode: four digits (1000-9999) and two letters, never SA, SD or SS. Accepts any case, spaces or none between the parts and a prefix "NL-" or "NL "; prints as "1234 AB".';

CREATE OR REPLACE FUNCTION postcode_cijfers(postcode) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF SECURITY INVOKER;
COMMENT ON FUNCTION postcode_cijfers(postcode) IS 'The digit part of the postcode, 1000..9999.';
CREATE OR REPLACE FUNCTION postcode_letters(postcode) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION postcode_letters(postcode) IS 'The letter part of the postcode, two capital letters.';
CREATE OR REPLACE FUNCTION postcode_compact(postcode) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION postcode_compact(postcode) IS 'The postcode without space ("1234AB"), as the BAG writes it.';
