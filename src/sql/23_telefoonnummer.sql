-- Telephone number: telefoonnummer, the E.164 digits in an int8, printed as
-- +31201234567 (docs/types.md).  Ordering is numeric on those
-- digits (a shorter number sorts first), not the order of the text.
-- Kind of every function in this file: pure (invoker, executable by PUBLIC).

-- @fixed_type telefoonnummer int8
COMMENT ON TYPE telefoonnummer IS 'Telephone number in E.164 form (+31201234567). Accepts Dutch national numbers (020-123 45 67), +CC and 00CC with separators; Dutch numbers must fit the numbering plan, others need a known country calling code, its NSN length and at most 15 digits. Sorts numerically on the digits.';

CREATE OR REPLACE FUNCTION telefoonnummer_landnummer(telefoonnummer) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION telefoonnummer_landnummer(telefoonnummer) IS 'Country calling code of the number (31 for +31 20 123 4567).';

CREATE OR REPLACE FUNCTION telefoonnummer_land(telefoonnummer) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION telefoonnummer_land(telefoonnummer) IS 'ISO 3166-1 alpha-2 country of the number (NL for +31); NULL when the calling code is shared by several countries (+1, +7, +44 ...) or belongs to none (+800 ...).';

CREATE OR REPLACE FUNCTION telefoonnummer_soort(telefoonnummer) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION telefoonnummer_soort(telefoonnummer) IS 'Kind of a Dutch number by the numbering plan: vast, mobiel, semafonie, m2m, persoonlijke_assistentie, plaatsonafhankelijk, bedrijf, gratis (0800) or betaald (090x); NULL for numbers outside +31.';

CREATE OR REPLACE FUNCTION telefoonnummer_nationaal(telefoonnummer) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION telefoonnummer_nationaal(telefoonnummer) IS 'Dutch national layout as libphonenumber writes it (020 123 4567, 06 12345678, 0800 1234); numbers outside +31 get the international layout.';

CREATE OR REPLACE FUNCTION telefoonnummer_internationaal(telefoonnummer) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE SECURITY INVOKER;
COMMENT ON FUNCTION telefoonnummer_internationaal(telefoonnummer) IS 'International layout: +31 20 123 4567 for Dutch numbers as libphonenumber writes it; other numbers +CC and the rest in blocks of three and four digits (+44 113 496 0000).';
