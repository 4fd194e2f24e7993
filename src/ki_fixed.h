/*
 * ki_fixed.h
 *		fmgr glue shared by the fixed-width types: one integer passed by value.
 *
 * A line "-- @fixed_type NAME BASE" in src/sql declares NAME_in, NAME_out,
 * NAME_recv, NAME_send and is_NAME (src/sql/fixed_type.sql.in);
 * KI_FIXED_FUNCS(NAME, BASE, OUTLEN) defines them, so every such type reads,
 * prints, re-validates binary input and reports errors the same way.  BASE is
 * int2, int4 or int8; the type's pure core must provide
 *
 *		bool ki_NAME_parse(const char *s, ctype *out, ki_reason *why);
 *		bool ki_NAME_check(int64_t v, ki_reason *why);	(binary input, casts)
 *		void ki_NAME_format(ctype v, char *buf);	(OUTLEN chars and a NUL)
 *
 * with ctype int16_t, int32_t or int64_t to match BASE.
 * KI_FIXED_FROM_INT8(NAME, BASE) adds NAME_from_int8(bigint), the validated
 * cast from bigint, which fails with 22023.
 */
#ifndef KI_FIXED_H
#define KI_FIXED_H

#include "ki_fmgr.h"

#include "libpq/pqformat.h"

/* Per storage type: C type, Datum conversions and the wire format. */
#define KI_FIXED_CTYPE_int2			int16_t
#define KI_FIXED_GET_int2			DatumGetInt16
#define KI_FIXED_DATUM_int2			Int16GetDatum
#define KI_FIXED_GETMSG_int2(buf)	((int16) pq_getmsgint((buf), 2))
#define KI_FIXED_SENDMSG_int2		pq_sendint16

#define KI_FIXED_CTYPE_int4			int32_t
#define KI_FIXED_GET_int4			DatumGetInt32
#define KI_FIXED_DATUM_int4			Int32GetDatum
#define KI_FIXED_GETMSG_int4(buf)	((int32) pq_getmsgint((buf), 4))
#define KI_FIXED_SENDMSG_int4		pq_sendint32

#define KI_FIXED_CTYPE_int8			int64_t
#define KI_FIXED_GET_int8			DatumGetInt64
#define KI_FIXED_DATUM_int8			Int64GetDatum
#define KI_FIXED_GETMSG_int8(buf)	pq_getmsgint64(buf)
#define KI_FIXED_SENDMSG_int8		pq_sendint64

#define KI_FIXED_FUNCS(name, base, outlen) \
PG_FUNCTION_INFO_V1(name##_in); \
Datum \
name##_in(PG_FUNCTION_ARGS) \
{ \
	char	   *str = PG_GETARG_CSTRING(0); \
	KI_FIXED_CTYPE_##base v; \
	ki_reason	why; \
 \
	if (!ki_##name##_parse(str, &v, &why)) \
	{ \
		ki_invalid_text(fcinfo->context, #name, str, &why); \
		PG_RETURN_NULL(); \
	} \
	return KI_FIXED_DATUM_##base(v); \
} \
 \
PG_FUNCTION_INFO_V1(name##_out); \
Datum \
name##_out(PG_FUNCTION_ARGS) \
{ \
	char	   *buf = palloc((outlen) + 1); \
 \
	ki_##name##_format(KI_FIXED_GET_##base(PG_GETARG_DATUM(0)), buf); \
	PG_RETURN_CSTRING(buf); \
} \
 \
PG_FUNCTION_INFO_V1(name##_recv); \
Datum \
name##_recv(PG_FUNCTION_ARGS) \
{ \
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0); \
	int64		v = KI_FIXED_GETMSG_##base(buf); \
	ki_reason	why; \
 \
	if (!ki_##name##_check(v, &why)) \
		ki_invalid_binary(#name, &why); \
	return KI_FIXED_DATUM_##base((KI_FIXED_CTYPE_##base) v); \
} \
 \
PG_FUNCTION_INFO_V1(name##_send); \
Datum \
name##_send(PG_FUNCTION_ARGS) \
{ \
	StringInfoData buf; \
 \
	pq_begintypsend(&buf); \
	KI_FIXED_SENDMSG_##base(&buf, KI_FIXED_GET_##base(PG_GETARG_DATUM(0))); \
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf)); \
} \
 \
PG_FUNCTION_INFO_V1(is_##name); \
Datum \
is_##name(PG_FUNCTION_ARGS) \
{ \
	KI_FIXED_CTYPE_##base v; \
 \
	PG_RETURN_BOOL(ki_##name##_parse(ki_text_arg(fcinfo, 0), &v, NULL)); \
}

#define KI_FIXED_FROM_INT8(name, base) \
PG_FUNCTION_INFO_V1(name##_from_int8); \
Datum \
name##_from_int8(PG_FUNCTION_ARGS) \
{ \
	int64		v = PG_GETARG_INT64(0); \
	ki_reason	why; \
 \
	if (!ki_##name##_check(v, &why)) \
		ki_invalid_value(#name, psprintf(INT64_FORMAT, v), false, &why); \
	return KI_FIXED_DATUM_##base((KI_FIXED_CTYPE_##base) v); \
}

#endif							/* KI_FIXED_H */
