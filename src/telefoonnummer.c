/*
 * telefoonnummer.c
 *		fmgr glue for telefoonnummer.
 *
 * The type is an int8 passed by value (the E.164 digits); comparison and
 * hashing use PostgreSQL's int8 functions (see 23_telefoonnummer.sql), so
 * only I/O, the predicate and the accessors live here.  Every rule is in
 * telefoonnummer_core.c.
 */
#include "ki_fixed.h"

#include "utils/builtins.h"

#include "telefoonnummer_core.h"

/* I/O, binary I/O and is_telefoonnummer(), shared with every fixed-width type */
KI_FIXED_FUNCS(telefoonnummer, int8, KI_TEL_BUFLEN - 1)

PG_FUNCTION_INFO_V1(telefoonnummer_landnummer);
Datum
telefoonnummer_landnummer(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(ki_telefoonnummer_landnummer(PG_GETARG_INT64(0)));
}

/* NULL when the core has no answer (shared calling code, foreign number). */
static Datum
text_or_null(FunctionCallInfo fcinfo, const char *s)
{
	if (s == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(s));
}

PG_FUNCTION_INFO_V1(telefoonnummer_land);
Datum
telefoonnummer_land(PG_FUNCTION_ARGS)
{
	return text_or_null(fcinfo, ki_telefoonnummer_land(PG_GETARG_INT64(0)));
}

PG_FUNCTION_INFO_V1(telefoonnummer_soort);
Datum
telefoonnummer_soort(PG_FUNCTION_ARGS)
{
	return text_or_null(fcinfo,
						ki_tel_soort_naam(ki_telefoonnummer_soort(PG_GETARG_INT64(0))));
}

PG_FUNCTION_INFO_V1(telefoonnummer_nationaal);
Datum
telefoonnummer_nationaal(PG_FUNCTION_ARGS)
{
	char		buf[KI_TEL_BUFLEN];

	ki_telefoonnummer_nationaal(PG_GETARG_INT64(0), buf);
	PG_RETURN_TEXT_P(cstring_to_text(buf));
}

PG_FUNCTION_INFO_V1(telefoonnummer_internationaal);
Datum
telefoonnummer_internationaal(PG_FUNCTION_ARGS)
{
	char		buf[KI_TEL_BUFLEN];

	ki_telefoonnummer_internationaal(PG_GETARG_INT64(0), buf);
	PG_RETURN_TEXT_P(cstring_to_text(buf));
}
