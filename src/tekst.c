/*
 * tekst.c
 *		fmgr glue for the BSN masks of free text and JSON (tekst_core.c has
 *		the rule and the scanner).
 *
 * Every function returns its argument itself when there is nothing to mask,
 * so the common case copies nothing.  The jsonb variant walks the value:
 * keys and strings are masked as text, a number whose text holds a BSN
 * becomes the string of its masked text (the digits of a number cannot be
 * asterisks), and structure, other scalars and uuids stay as they are.
 */
#include "ki_fmgr.h"

#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

#include "tekst_core.h"

/* The masked copy of s[0..len), or NULL when it holds no BSN. */
static text *
mask_bytes(const char *s, size_t len, uint64_t *stappen)
{
	size_t		start,
				end,
				outlen;
	text	   *out;

	if (!ki_bsn_volgende(s, len, 0, &start, &end, stappen))
		return NULL;
	out = (text *) palloc(VARHDRSZ + len);
	ki_bsn_maskeer(s, len, VARDATA(out), &outlen, stappen);
	SET_VARSIZE(out, VARHDRSZ + outlen);
	return out;
}

/* maskeer_bsn(tekst text, zichtbaar boolean) */
PG_FUNCTION_INFO_V1(ki_maskeer_bsn_text);
Datum
ki_maskeer_bsn_text(PG_FUNCTION_ARGS)
{
	text	   *t;
	text	   *masked;

	if (PG_GETARG_BOOL(1))
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	t = PG_GETARG_TEXT_PP(0);
	masked = mask_bytes(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), NULL);
	if (masked == NULL)
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	PG_RETURN_TEXT_P(masked);
}

/* bevat_bsn(tekst text): strict. */
PG_FUNCTION_INFO_V1(ki_bevat_bsn);
Datum
ki_bevat_bsn(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	size_t		start,
				end;

	PG_RETURN_BOOL(ki_bsn_volgende(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), 0, &start, &end, NULL));
}

/*
 * maskeer_bsn_werk(tekst text): the number of bytes the scanner examined to
 * mask the text; for the tests, which show that it grows linearly with the
 * text's length whatever the text holds.
 */
PG_FUNCTION_INFO_V1(ki_maskeer_bsn_werk);
Datum
ki_maskeer_bsn_werk(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	uint64_t	stappen = 0;

	(void) mask_bytes(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &stappen);
	PG_RETURN_INT64((int64) stappen);
}

/* ---- jsonb ---- */

/*
 * The masked form of a key or scalar, into *out; false when it holds no BSN
 * (out untouched).
 */
static bool
mask_scalar(const JsonbValue *v, JsonbValue *out)
{
	const char *s;
	size_t		len;
	bool		copied;
	text	   *masked;

	if (!ki_jsonb_scalar_text(v, &s, &len, &copied))
		return false;
	masked = mask_bytes(s, len, NULL);
	if (masked == NULL)
		return false;
	out->type = jbvString;
	out->val.string.val = VARDATA(masked);
	out->val.string.len = VARSIZE(masked) - VARHDRSZ;
	return true;
}

/* Whether any key or scalar of the value holds a BSN: one walk, no copy. */
static bool
jsonb_has_bsn(Jsonb *j)
{
	JsonbIterator *it = JsonbIteratorInit(&j->root);
	JsonbIteratorToken tok;
	JsonbValue	v;
	const char *s;
	size_t		len,
				start,
				end;
	bool		copied;

	while ((tok = JsonbIteratorNext(&it, &v, false)) != WJB_DONE)
	{
		if (tok != WJB_KEY && tok != WJB_VALUE && tok != WJB_ELEM)
			continue;
		if (ki_jsonb_scalar_text(&v, &s, &len, &copied))
		{
			bool		found = ki_bsn_volgende(s, len, 0, &start, &end, NULL);

			if (copied)
				pfree((char *) s);
			if (found)
				return true;
		}
	}
	return false;
}

static Jsonb *
jsonb_mask(Jsonb *j)
{
	JsonbIterator *it = JsonbIteratorInit(&j->root);
	JsonbParseState *state = NULL;
	JsonbIteratorToken tok;
	JsonbValue	v;
	JsonbValue	masked;
	JsonbValue *res = NULL;

	while ((tok = JsonbIteratorNext(&it, &v, false)) != WJB_DONE)
	{
		if ((tok == WJB_KEY || tok == WJB_VALUE || tok == WJB_ELEM) && mask_scalar(&v, &masked))
			res = pushJsonbValue(&state, tok, &masked);
		else
			res = pushJsonbValue(&state, tok,
								 tok == WJB_KEY || tok == WJB_VALUE || tok == WJB_ELEM
								 || (tok == WJB_BEGIN_ARRAY && v.val.array.rawScalar) ? &v : NULL);
	}
	return JsonbValueToJsonb(res);
}

/* maskeer_bsn(waarde jsonb, zichtbaar boolean) */
PG_FUNCTION_INFO_V1(ki_maskeer_bsn_jsonb);
Datum
ki_maskeer_bsn_jsonb(PG_FUNCTION_ARGS)
{
	Jsonb	   *j;

	if (PG_GETARG_BOOL(1))
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	j = PG_GETARG_JSONB_P(0);
	if (!jsonb_has_bsn(j))
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	PG_RETURN_JSONB_P(jsonb_mask(j));
}

/*
 * rij_bevat_bsn(rij jsonb): whether a registry row (as JSON, an object) holds
 * a BSN in one of its texts: the values that are strings (as they are) or
 * objects and arrays (as JSON text), but not those that are whole a uuid or
 * a date or moment (ki_tekst_sleutel_of_tijdstip), joined by single spaces
 * in the object's order, by bevat_bsn's rule.  Numbers, booleans and keys
 * are not read.  The audit trigger's BSN flag (72_beveiliging_audit.sql):
 * one walk over the row, no JSON built.  Strict; false for a row without
 * such texts and for a value that is not an object.
 */
PG_FUNCTION_INFO_V1(ki_rij_bevat_bsn);
Datum
ki_rij_bevat_bsn(PG_FUNCTION_ARGS)
{
	Jsonb	   *j = PG_GETARG_JSONB_P(0);
	JsonbIterator *it;
	JsonbIteratorToken tok;
	JsonbValue	v;
	StringInfoData buf;
	size_t		start,
				end;
	bool		eerste = true;

	if (!JB_ROOT_IS_OBJECT(j))
		PG_RETURN_BOOL(false);
	initStringInfo(&buf);
	it = JsonbIteratorInit(&j->root);
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		const char *s;
		size_t		len;
		char	   *json = NULL;

		if (tok != WJB_VALUE)
			continue;
		if (v.type == jbvString)
		{
			s = v.val.string.val;
			len = v.val.string.len;
		}
		else if (v.type == jbvBinary)
		{
			json = JsonbToCString(NULL, v.val.binary.data, v.val.binary.len);
			s = json;
			len = strlen(json);
		}
		else
			continue;
		if (!ki_tekst_sleutel_of_tijdstip(s, len))
		{
			if (!eerste)
				appendStringInfoChar(&buf, ' ');
			appendBinaryStringInfo(&buf, s, (int) len);
			eerste = false;
		}
		if (json != NULL)
			pfree(json);
	}
	PG_RETURN_BOOL(!eerste && ki_bsn_volgende(buf.data, (size_t) buf.len, 0, &start, &end, NULL));
}
