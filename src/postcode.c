/*
 * postcode.c
 *		fmgr glue for postcode.
 *
 * An int4 passed by value; comparison and hashing are PostgreSQL's int4
 * functions (src/sql/20_postcode.sql).  I/O and the predicate come from
 * ki_fixed.h; the parts of a postcode are read off the packed integer.
 */
#include "ki_fixed.h"

#include "utils/builtins.h"

#include "postcode_core.h"

KI_FIXED_FUNCS(postcode, int4, KI_POSTCODE_LEN)

PG_FUNCTION_INFO_V1(postcode_cijfers);
Datum
postcode_cijfers(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(ki_postcode_cijfers(PG_GETARG_INT32(0)));
}

PG_FUNCTION_INFO_V1(postcode_letters);
Datum
postcode_letters(PG_FUNCTION_ARGS)
{
	char		buf[3];

	ki_postcode_letters(PG_GETARG_INT32(0), buf);
	PG_RETURN_TEXT_P(cstring_to_text(buf));
}

PG_FUNCTION_INFO_V1(postcode_compact);
Datum
postcode_compact(PG_FUNCTION_ARGS)
{
	char		buf[KI_POSTCODE_COMPACT_LEN + 1];

	ki_postcode_format_compact(PG_GETARG_INT32(0), buf);
	PG_RETURN_TEXT_P(cstring_to_text(buf));
}
