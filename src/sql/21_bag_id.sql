-- BAG identificatie: the 16-digit id of a BAG object other than a woonplaats
-- (Catalogus BAG, imbag/catalogus, 3.7.1).  An int8 passed by value, printed
-- zero-padded; validated cast from bigint, free cast to bigint.
-- Kind of every function in this file: pure (invoker, executable by PUBLIC).

-- @fixed_type bag_id int8
COMMENT ON TYPE bag_id IS 'BAG identificatie: 16 digits = gemeentecode (not 0000), object type code (01, 02, 03, 10, 20 or 30) and volgnummer (not 0). Accepts the prefix "NL.IMBAG.<Objecttype>." and 15 digits (a lost leading zero); prints as 16 digits.';

CREATE OR REPLACE FUNCTION bag_id_from_int8(bigint) RETURNS bag_id
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION bag_id_from_int8(bigint) IS 'Cast bigint to bag_id; fails (22023) unless the number passes the BAG identificatie rules.';
-- @ONCE
CREATE CAST (bigint AS bag_id) WITH FUNCTION bag_id_from_int8(bigint);
CREATE CAST (bag_id AS bigint) WITHOUT FUNCTION;
-- @END

CREATE OR REPLACE FUNCTION bag_id_gemeentecode(bag_id) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION bag_id_gemeentecode(bag_id) IS 'Positions 1-4: the gemeentecode (RvIG Tabel 33) of the municipality where the object came into being; not necessarily where it lies now.';
CREATE OR REPLACE FUNCTION bag_id_objecttypecode(bag_id) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION bag_id_objecttypecode(bag_id) IS 'Positions 5-6: the object type code, 01 verblijfsobject, 02 ligplaats, 03 standplaats, 10 pand, 20 nummeraanduiding or 30 openbare ruimte.';
CREATE OR REPLACE FUNCTION bag_id_objecttype(bag_id) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION bag_id_objecttype(bag_id) IS 'The BAG object type: verblijfsobject, ligplaats, standplaats, pand, nummeraanduiding or openbare ruimte.';
