/*
 * telefoonnummer.c
 *		fmgr glue for telefoonnummer.
 *
 * The type is an int8 passed by value (the E.164 digits); comparison and
 * hashing use PostgreSQL's int8 functions (see 23_telefoonnummer.sql), so
 * only I/O, the predicate and the accessors live here.  Every rule is in
 * telefoonnummer_core.c.
 */
#include "ki_fmgr.h"

#include "libpq/pqformat.h"
#include "utils/builtins.h"

#include "telefoonnummer_core.h"

PG_FUNCTION_INFO_V1(telefoonnummer_in);
Datum
telefoonnummer_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	int64_t		v;
	ki_reason	why;

	if (!ki_telefoonnummer_parse(str, &v, &why))
	{
		ki_invalid_text(fcinfo->context, "telefoonnummer", str, &why);
		PG_RETURN_NULL();
	}
	PG_RETURN_INT64(v);
}

PG_FUNCTION_INFO_V1(telefoonnummer_out);
Datum
telefoonnummer_out(PG_FUNCTION_ARGS)
{
	char	   *buf = palloc(KI_TEL_BUFLEN);

	ki_telefoonnummer_e164(PG_GETARG_INT64(0), buf);
	PG_RETURN_CSTRING(buf);
}

PG_FUNCTION_INFO_V1(telefoonnummer_recv);
Datum
telefoonnummer_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int64		v = pq_getmsgint64(buf);
	ki_reason	why;

	if (!ki_telefoonnummer_check(v, &why))
		ki_invalid_binary("telefoonnummer", &why);
	PG_RETURN_INT64(v);
}

PG_FUNCTION_INFO_V1(telefoonnummer_send);
Datum
telefoonnummer_send(PG_FUNCTION_ARGS)
{
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint64(&buf, PG_GETARG_INT64(0));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(is_telefoonnummer);
Datum
is_telefoonnummer(PG_FUNCTION_ARGS)
{
	int64_t		v;

	PG_RETURN_BOOL(ki_telefoonnummer_parse(ki_text_arg(fcinfo, 0), &v, NULL));
}

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
