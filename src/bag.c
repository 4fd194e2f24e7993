/*
 * bag.c
 *		fmgr glue for bag_id.
 *
 * An int8 passed by value; comparison and hashing are PostgreSQL's int8
 * functions (src/sql/21_bag_id.sql).  I/O, the predicate and the validated
 * cast from bigint come from ki_fixed.h; the parts are read off the number.
 */
#include "ki_fixed.h"

#include "utils/builtins.h"

#include "bag_core.h"

KI_FIXED_FUNCS(bag_id, int8, KI_BAG_ID_LEN)
KI_FIXED_FROM_INT8(bag_id, int8)

/* A part of the id as text: the number v in width digits, zero-padded. */
static Datum
padded_text(int64 v, int width)
{
	char		buf[KI_BAG_ID_LEN + 1];

	ki_format_padded(v, width, buf);
	PG_RETURN_TEXT_P(cstring_to_text(buf));
}

PG_FUNCTION_INFO_V1(bag_id_gemeentecode);
Datum
bag_id_gemeentecode(PG_FUNCTION_ARGS)
{
	return padded_text(ki_bag_id_gemeentecode(PG_GETARG_INT64(0)), 4);
}

PG_FUNCTION_INFO_V1(bag_id_objecttypecode);
Datum
bag_id_objecttypecode(PG_FUNCTION_ARGS)
{
	return padded_text(ki_bag_id_objecttypecode(PG_GETARG_INT64(0)), 2);
}

/* NULL only for a code that a later catalogue dropped; none has been. */
PG_FUNCTION_INFO_V1(bag_id_objecttype);
Datum
bag_id_objecttype(PG_FUNCTION_ARGS)
{
	const char *name = ki_bag_objecttype_name(ki_bag_id_objecttypecode(PG_GETARG_INT64(0)));

	if (name == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(name));
}
