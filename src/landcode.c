/*
 * landcode.c
 *		fmgr glue for landcode.
 *
 * An int2 passed by value; comparison and hashing are PostgreSQL's int2
 * functions (src/sql/22_landcode.sql).  I/O and the predicate come from
 * ki_fixed.h; names and the Tabel 34 conversion from the core's tables.
 */
#include "ki_fixed.h"

#include "mb/pg_wchar.h"
#include "utils/builtins.h"

#include "landcode_core.h"

KI_FIXED_FUNCS(landcode, int2, KI_LANDCODE_LEN)

/* The name is UTF-8 in the core; the database may use another encoding. */
PG_FUNCTION_INFO_V1(landcode_naam);
Datum
landcode_naam(PG_FUNCTION_ARGS)
{
	const char *name = ki_landcode_name(PG_GETARG_INT16(0));

	if (name == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(pg_any_to_server(name, strlen(name), PG_UTF8)));
}

PG_FUNCTION_INFO_V1(landcode_rvig);
Datum
landcode_rvig(PG_FUNCTION_ARGS)
{
	int			code = ki_landcode_rvig(PG_GETARG_INT16(0));
	char		buf[KI_RVIG_LEN + 1];

	if (code < 0)
		PG_RETURN_NULL();
	ki_format_padded(code, KI_RVIG_LEN, buf);
	PG_RETURN_TEXT_P(cstring_to_text(buf));
}

PG_FUNCTION_INFO_V1(landcode_from_rvig);
Datum
landcode_from_rvig(PG_FUNCTION_ARGS)
{
	char	   *str = ki_text_arg(fcinfo, 0);
	int16_t		v;
	ki_reason	why;

	if (!ki_landcode_from_rvig(str, &v, &why))
		ki_invalid_value("landcode", str, true, &why);
	PG_RETURN_INT16(v);
}
