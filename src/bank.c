/*
 * bank.c
 *		fmgr glue for iban and bic.
 *
 * iban is a varlena holding the canonical text (see src/sql/25_bank.sql for
 * why); its comparison and hashing are here.  bic is an int8 passed by value
 * whose comparison and hashing are PostgreSQL's own int8 functions, so only
 * I/O, the predicate and the accessors live here.
 */
#include "ki_fixed.h"

/*
 * Inline functions in these headers leave parameters unused, which -Wextra
 * reports; the warnings are PostgreSQL's, not ours.
 */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"
#include "access/htup_details.h"
#include "funcapi.h"
#pragma GCC diagnostic pop
#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"

#include "bank_core.h"

/* ---- iban ---- */

#define IBAN_DATA(t)	VARDATA_ANY(t)
#define IBAN_LEN(t)		((int) VARSIZE_ANY_EXHDR(t))

static Datum
iban_datum(const ki_iban *v)
{
	return PointerGetDatum(cstring_to_text_with_len(v->s, v->len));
}

PG_FUNCTION_INFO_V1(iban_in);
Datum
iban_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	ki_iban		v;
	ki_reason	why;

	if (!ki_iban_parse(str, &v, &why))
	{
		ki_invalid_text(fcinfo->context, "iban", str, &why);
		PG_RETURN_NULL();
	}
	return iban_datum(&v);
}

PG_FUNCTION_INFO_V1(iban_out);
Datum
iban_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(text_to_cstring(PG_GETARG_TEXT_PP(0)));
}

/* The binary form is the canonical text's bytes, validated again on receipt. */
PG_FUNCTION_INFO_V1(iban_recv);
Datum
iban_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			n = buf->len - buf->cursor;
	const char *bytes = pq_getmsgbytes(buf, n);
	ki_iban		v;
	ki_reason	why;

	if (!ki_iban_check(bytes, (size_t) n, &v, &why))
		ki_invalid_binary("iban", &why);
	return iban_datum(&v);
}

PG_FUNCTION_INFO_V1(iban_send);
Datum
iban_send(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbytes(&buf, IBAN_DATA(t), IBAN_LEN(t));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(is_iban);
Datum
is_iban(PG_FUNCTION_ARGS)
{
	ki_iban		v;

	PG_RETURN_BOOL(ki_iban_parse(ki_text_arg(fcinfo, 0), &v, NULL));
}

/* Canonical IBANs are ASCII digits and upper-case letters: bytes order them. */
static int
iban_cmp_internal(FunctionCallInfo fcinfo)
{
	text	   *a = PG_GETARG_TEXT_PP(0);
	text	   *b = PG_GETARG_TEXT_PP(1);
	int			la = IBAN_LEN(a);
	int			lb = IBAN_LEN(b);
	int			r = memcmp(IBAN_DATA(a), IBAN_DATA(b), Min(la, lb));

	if (r == 0)
		r = (la > lb) - (la < lb);
	PG_FREE_IF_COPY(a, 0);
	PG_FREE_IF_COPY(b, 1);
	return r;
}

PG_FUNCTION_INFO_V1(iban_cmp);
Datum
iban_cmp(PG_FUNCTION_ARGS)
{
	int			r = iban_cmp_internal(fcinfo);

	PG_RETURN_INT32((r > 0) - (r < 0));
}

#define IBAN_CMP_FN(name, op) \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_BOOL(iban_cmp_internal(fcinfo) op 0); \
}

IBAN_CMP_FN(iban_eq, ==)
IBAN_CMP_FN(iban_ne, !=)
IBAN_CMP_FN(iban_lt, <)
IBAN_CMP_FN(iban_le, <=)
IBAN_CMP_FN(iban_gt, >)
IBAN_CMP_FN(iban_ge, >=)

PG_FUNCTION_INFO_V1(iban_hash);
Datum
iban_hash(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	Datum		h = hash_any((const unsigned char *) IBAN_DATA(t), IBAN_LEN(t));

	PG_FREE_IF_COPY(t, 0);
	return h;
}

PG_FUNCTION_INFO_V1(iban_hash_extended);
Datum
iban_hash_extended(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	Datum		h = hash_any_extended((const unsigned char *) IBAN_DATA(t), IBAN_LEN(t),
									  PG_GETARG_INT64(1));

	PG_FREE_IF_COPY(t, 0);
	return h;
}

PG_FUNCTION_INFO_V1(format_iban);
Datum
format_iban(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	char		buf[KI_IBAN_FORMAT_LEN + 1];

	ki_iban_format(IBAN_DATA(t), Min(IBAN_LEN(t), KI_IBAN_MAXLEN), buf);
	PG_RETURN_TEXT_P(cstring_to_text(buf));
}

PG_FUNCTION_INFO_V1(iban_landcode);
Datum
iban_landcode(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);

	PG_RETURN_TEXT_P(cstring_to_text_with_len(IBAN_DATA(t), 2));
}

PG_FUNCTION_INFO_V1(iban_bban);
Datum
iban_bban(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);

	PG_RETURN_TEXT_P(cstring_to_text_with_len(IBAN_DATA(t) + 4, IBAN_LEN(t) - 4));
}

PG_FUNCTION_INFO_V1(iban_bankcode);
Datum
iban_bankcode(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	int			start;
	int			len;

	if (!ki_iban_bankcode(IBAN_DATA(t), IBAN_LEN(t), &start, &len))
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text_with_len(IBAN_DATA(t) + start, len));
}

/* The compiled-in registry as rows (landcode, lengte, bban_structuur). */
PG_FUNCTION_INFO_V1(iban_registry);
Datum
iban_registry(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	int			count;
	const ki_iban_country *reg = ki_iban_registry(&count);

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext oldcontext;
		TupleDesc	tupdesc;

		funcctx = SRF_FIRSTCALL_INIT();
		oldcontext = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("function returning record called in context that cannot accept type record")));
		funcctx->tuple_desc = BlessTupleDesc(tupdesc);
		funcctx->max_calls = count;
		MemoryContextSwitchTo(oldcontext);
	}
	funcctx = SRF_PERCALL_SETUP();
	if (funcctx->call_cntr < funcctx->max_calls)
	{
		const ki_iban_country *c = &reg[funcctx->call_cntr];
		Datum		values[3];
		bool		nulls[3] = {false, false, false};

		values[0] = PointerGetDatum(cstring_to_text(c->code));
		values[1] = Int32GetDatum(c->length);
		values[2] = PointerGetDatum(cstring_to_text(c->bban));
		SRF_RETURN_NEXT(funcctx,
						HeapTupleGetDatum(heap_form_tuple(funcctx->tuple_desc, values, nulls)));
	}
	SRF_RETURN_DONE(funcctx);
}

/* ---- bic ---- */

/* Stored values passed bic_in or bic_recv; anything else is corruption. */
static int
bic_text(int64 v, char *buf)
{
	int			n = ki_bic_format(v, buf);

	if (n < 0)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("stored bic value " INT64_FORMAT " is corrupt", v)));
	return n;
}

/* I/O, binary I/O and is_bic(), shared with every fixed-width type */
KI_FIXED_FUNCS(bic, int8, KI_BIC_LEN11)

/* The characters [from, from + len) of the BIC, or NULL when it is shorter. */
static Datum
bic_part(FunctionCallInfo fcinfo, int from, int len)
{
	char		buf[KI_BIC_LEN11 + 1];
	int			n = bic_text(PG_GETARG_INT64(0), buf);

	if (n < from + len)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text_with_len(buf + from, len));
}

#define BIC_PART_FN(name, from, len) \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	return bic_part(fcinfo, from, len); \
}

BIC_PART_FN(bic_bankcode, 0, 4)
BIC_PART_FN(bic_landcode, 4, 2)
BIC_PART_FN(bic_locatie, 6, 2)
BIC_PART_FN(bic_filiaal, 8, 3)

/* The first eight characters: the institution and location without the branch. */
PG_FUNCTION_INFO_V1(bic8);
Datum
bic8(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(ki_bic8(PG_GETARG_INT64(0)));
}
