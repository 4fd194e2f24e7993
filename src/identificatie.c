/*
 * identificatie.c
 *		fmgr glue for bsn, rsin, kvk_nummer and vestigingsnummer.
 *
 * The four types are integers passed by value; comparison and hashing use
 * PostgreSQL's own int4/int8 functions (declared in identificatie.sql), so
 * only I/O, the predicate and the validated casts live here.  One macro
 * generates them for every type, so the four cannot drift apart.
 */
#include "ki_fmgr.h"

#include "libpq/pqformat.h"
#include "utils/builtins.h"

#include "identificatie_core.h"

/*
 * KI_IDENT_FUNCS(name, ctype, width, DatumGet, GetDatum, getmsg, sendfn)
 *		name		SQL type name, also the core's ki_<name>_parse/_check
 *		ctype		storage C type (int32_t or int64_t)
 *		width		digits of the canonical text form
 */
#define KI_IDENT_FUNCS(name, ctype, width, DatumGet, GetDatum, getmsg, sendfn) \
PG_FUNCTION_INFO_V1(name##_in); \
Datum \
name##_in(PG_FUNCTION_ARGS) \
{ \
	char	   *str = PG_GETARG_CSTRING(0); \
	ctype		v; \
	ki_reason	why; \
 \
	if (!ki_##name##_parse(str, &v, &why)) \
	{ \
		ki_invalid_text(fcinfo->context, #name, str, &why); \
		PG_RETURN_NULL(); \
	} \
	return GetDatum(v); \
} \
 \
PG_FUNCTION_INFO_V1(name##_out); \
Datum \
name##_out(PG_FUNCTION_ARGS) \
{ \
	char	   *buf = palloc((width) + 1); \
 \
	ki_format_padded(DatumGet(PG_GETARG_DATUM(0)), (width), buf); \
	PG_RETURN_CSTRING(buf); \
} \
 \
PG_FUNCTION_INFO_V1(name##_recv); \
Datum \
name##_recv(PG_FUNCTION_ARGS) \
{ \
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0); \
	int64		v = getmsg(buf); \
	ki_reason	why; \
 \
	if (!ki_##name##_check(v, &why)) \
		ki_invalid_binary(#name, &why); \
	return GetDatum((ctype) v); \
} \
 \
PG_FUNCTION_INFO_V1(name##_send); \
Datum \
name##_send(PG_FUNCTION_ARGS) \
{ \
	StringInfoData buf; \
 \
	pq_begintypsend(&buf); \
	sendfn(&buf, DatumGet(PG_GETARG_DATUM(0))); \
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf)); \
} \
 \
PG_FUNCTION_INFO_V1(is_##name); \
Datum \
is_##name(PG_FUNCTION_ARGS) \
{ \
	ctype		v; \
 \
	PG_RETURN_BOOL(ki_##name##_parse(ki_text_arg(fcinfo, 0), &v, NULL)); \
} \
 \
PG_FUNCTION_INFO_V1(name##_from_int8); \
Datum \
name##_from_int8(PG_FUNCTION_ARGS) \
{ \
	int64		v = PG_GETARG_INT64(0); \
	ki_reason	why; \
 \
	if (!ki_##name##_check(v, &why)) \
		ki_invalid_value(#name, psprintf(INT64_FORMAT, v), &why); \
	return GetDatum((ctype) v); \
}

static int64
getmsg_int4(StringInfo buf)
{
	return (int32) pq_getmsgint(buf, 4);
}

KI_IDENT_FUNCS(bsn, int32_t, KI_BSN_LEN, DatumGetInt32, Int32GetDatum, getmsg_int4, pq_sendint32)
KI_IDENT_FUNCS(rsin, int32_t, KI_BSN_LEN, DatumGetInt32, Int32GetDatum, getmsg_int4, pq_sendint32)
KI_IDENT_FUNCS(kvk_nummer, int32_t, KI_KVK_LEN, DatumGetInt32, Int32GetDatum, getmsg_int4, pq_sendint32)
KI_IDENT_FUNCS(vestigingsnummer, int64_t, KI_VESTIGINGSNUMMER_LEN, DatumGetInt64, Int64GetDatum, pq_getmsgint64, pq_sendint64)

/* Diagnostic only: KvK's published numbers satisfy a weighted mod-11, but it is no rule. */
PG_FUNCTION_INFO_V1(kvk_nummer_mod11_ok);
Datum
kvk_nummer_mod11_ok(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(ki_kvk_mod11_ok(PG_GETARG_INT32(0)));
}
