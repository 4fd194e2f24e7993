/*
 * vergeet.c
 *		fmgr glue for erasure's search of free text (vergeet_core.c has the
 *		rules): the set of a person's keys as bytea, built once per erasure,
 *		and the functions that find and redact its matches in a text or a
 *		JSON value in one pass each.
 *
 * The set's bytes are read in place; every access checks its offsets, so
 * any bytea is safe to pass (a damaged set finds nothing or the wrong
 * thing, and reads nothing outside its bytes).
 */
#include "ki_fmgr.h"

#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

#include "vergeet_core.h"

static void
set_from_arg(FunctionCallInfo fcinfo, int argno, ki_vset *set)
{
	bytea	   *b = PG_GETARG_BYTEA_PP(argno);

	if (!ki_vset_lees(VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b), set))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid set of erasure keys"),
				 errdetail("The value was not made by vergeet_sleutelset(text[], text[]).")));
}

/* ---- building the set ---- */

typedef struct sleutel
{
	char	   *key;
	size_t		len;
} sleutel;

static int
sleutel_cmp(const void *a, const void *b)
{
	const sleutel *x = a;
	const sleutel *y = b;
	int			c = memcmp(x->key, y->key, Min(x->len, y->len));

	return c != 0 ? c : (x->len > y->len) - (x->len < y->len);
}

static void
text_array(ArrayType *a, Datum **values, bool **nulls, int *n)
{
	if (ARR_NDIM(a) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("erasure keys take one-dimensional arrays")));
	deconstruct_array(a, TEXTOID, -1, false, TYPALIGN_INT, values, nulls, n);
}

/* vergeet_sleutelset(soorten text[], waarden text[]) RETURNS bytea */
PG_FUNCTION_INFO_V1(ki_vergeet_sleutelset);
Datum
ki_vergeet_sleutelset(PG_FUNCTION_ARGS)
{
	Datum	   *soorten,
			   *waarden;
	bool	   *snull,
			   *wnull;
	int			ns,
				nw,
				n = 0,
				m = 0;
	sleutel    *keys;
	ki_vset_info info;
	uint32_t   *offsets;
	size_t		total = 0;
	bytea	   *out;
	unsigned char *p;

	text_array(PG_GETARG_ARRAYTYPE_P(0), &soorten, &snull, &ns);
	text_array(PG_GETARG_ARRAYTYPE_P(1), &waarden, &wnull, &nw);
	if (ns != nw)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("erasure keys need as many soorten as waarden"),
				 errdetail("%d soorten, %d waarden.", ns, nw)));
	keys = palloc(sizeof(sleutel) * Max(nw, 1));
	for (int i = 0; i < nw; i++)
	{
		char		key[KI_VSLEUTEL_MAX + 1];
		size_t		len;

		if (snull[i] || wnull[i])
			continue;
		len = ki_vergeet_sleutel(TextDatumGetCString(soorten[i]), TextDatumGetCString(waarden[i]), key);
		if (len == 0)
			continue;
		keys[n].key = pnstrdup(key, len);
		keys[n].len = len;
		n++;
	}
	qsort(keys, n, sizeof(sleutel), sleutel_cmp);
	memset(&info, 0, sizeof(info));
	offsets = palloc(sizeof(uint32_t) * (n + 1));
	for (int i = 0; i < n; i++)
	{
		if (m > 0 && sleutel_cmp(&keys[m - 1], &keys[i]) == 0)
			continue;
		keys[m] = keys[i];
		offsets[m] = (uint32_t) total;
		total += keys[m].len;
		ki_vset_info_voeg_toe(&info, keys[m].key, keys[m].len);
		m++;
	}
	offsets[m] = (uint32_t) total;
	out = palloc(VARHDRSZ + KI_VSET_HEADER + 4 * ((size_t) m + 1) + total);
	SET_VARSIZE(out, VARHDRSZ + KI_VSET_HEADER + 4 * ((size_t) m + 1) + total);
	p = (unsigned char *) VARDATA(out);
	ki_vset_header(p, (uint32_t) m, &info, offsets);
	p += KI_VSET_HEADER + 4 * ((size_t) m + 1);
	for (int i = 0; i < m; i++)
	{
		memcpy(p, keys[i].key, keys[i].len);
		p += keys[i].len;
	}
	PG_RETURN_BYTEA_P(out);
}

/* vergeet_sleutels(set bytea) RETURNS text[]: the keys, for tests and review. */
PG_FUNCTION_INFO_V1(ki_vergeet_sleutels);
Datum
ki_vergeet_sleutels(PG_FUNCTION_ARGS)
{
	ki_vset		set;
	Datum	   *d;
	int			n = 0;

	set_from_arg(fcinfo, 0, &set);
	d = palloc(sizeof(Datum) * Max(set.n, 1));
	for (uint32_t i = 0; i < set.n; i++)
	{
		const char *k;
		size_t		kl;

		if (ki_vset_sleutel(&set, i, &k, &kl))
			d[n++] = PointerGetDatum(cstring_to_text_with_len(k, (int) kl));
	}
	PG_RETURN_ARRAYTYPE_P(construct_array(d, n, TEXTOID, -1, false, TYPALIGN_INT));
}

/* ---- text ---- */

/* The text with every match replaced, or NULL when there is none. */
static text *
redact_bytes(const ki_vset *set, const char *s, size_t len, uint64_t *stappen)
{
	size_t		start,
				end,
				pos = 0;
	StringInfoData buf;

	if (!ki_vergeet_volgende(set, s, len, 0, &start, &end, stappen))
		return NULL;
	initStringInfo(&buf);
	appendStringInfoSpaces(&buf, VARHDRSZ);
	do
	{
		char		r[KI_VERGETEN_LEN];

		appendBinaryStringInfo(&buf, s + pos, (int) (start - pos));
		appendBinaryStringInfo(&buf, r, (int) ki_vergeet_vervanging(s, start, end, r));
		pos = end;
	} while (ki_vergeet_volgende(set, s, len, pos, &start, &end, stappen));
	appendBinaryStringInfo(&buf, s + pos, (int) (len - pos));
	SET_VARSIZE(buf.data, buf.len);
	return (text *) buf.data;
}

/* vergeet_tekst(tekst text, set bytea) RETURNS text */
PG_FUNCTION_INFO_V1(ki_vergeet_tekst);
Datum
ki_vergeet_tekst(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	ki_vset		set;
	text	   *r;

	set_from_arg(fcinfo, 1, &set);
	r = redact_bytes(&set, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), NULL);
	if (r == NULL)
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	PG_RETURN_TEXT_P(r);
}

/* vergeet_bevat(tekst text, set bytea) RETURNS boolean */
PG_FUNCTION_INFO_V1(ki_vergeet_bevat);
Datum
ki_vergeet_bevat(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	ki_vset		set;
	size_t		start,
				end;

	set_from_arg(fcinfo, 1, &set);
	PG_RETURN_BOOL(ki_vergeet_volgende(&set, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), 0, &start, &end, NULL));
}

/* vergeet_werk(tekst text, set bytea) RETURNS bigint: bytes examined and keys compared. */
PG_FUNCTION_INFO_V1(ki_vergeet_werk);
Datum
ki_vergeet_werk(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	ki_vset		set;
	uint64_t	stappen = 0;

	set_from_arg(fcinfo, 1, &set);
	(void) redact_bytes(&set, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &stappen);
	PG_RETURN_INT64((int64) stappen);
}

/* ---- jsonb ---- */

/* The redacted form of a key or scalar into *out; false when unchanged. */
static bool
redact_scalar(const ki_vset *set, const JsonbValue *v, JsonbValue *out)
{
	const char *s;
	size_t		len;
	bool		copied;
	text	   *r;

	if (!ki_jsonb_scalar_text(v, &s, &len, &copied))
		return false;
	r = redact_bytes(set, s, len, NULL);
	if (r == NULL)
		return false;
	out->type = jbvString;
	out->val.string.val = VARDATA(r);
	out->val.string.len = VARSIZE(r) - VARHDRSZ;
	return true;
}

static bool
scalar_has_match(const ki_vset *set, const JsonbValue *v)
{
	const char *s;
	size_t		len,
				start,
				end;
	bool		copied,
				found;

	if (!ki_jsonb_scalar_text(v, &s, &len, &copied))
		return false;
	found = ki_vergeet_volgende(set, s, len, 0, &start, &end, NULL);
	if (copied)
		pfree((char *) s);
	return found;
}

/* Whether key k (of length kl) is one of the names in leeg. */
static bool
in_names(const char *k, int kl, Datum *names, int nnames)
{
	for (int i = 0; i < nnames; i++)
	{
		text	   *t = DatumGetTextPP(names[i]);

		if (VARSIZE_ANY_EXHDR(t) == (size_t) kl && memcmp(VARDATA_ANY(t), k, kl) == 0)
			return true;
	}
	return false;
}

/* A non-empty value of a top-level key to empty. */
static bool
to_empty(const JsonbValue *v)
{
	return v->type != jbvNull && !(v->type == jbvString && v->val.string.len == 0);
}

/*
 * One walk: with out == NULL, whether anything would change; else the
 * changed value into *out.
 */
static bool
json_walk(const ki_vset *set, Jsonb *j, Datum *leeg, int nleeg, JsonbValue **out)
{
	JsonbIterator *it = JsonbIteratorInit(&j->root);
	JsonbParseState *state = NULL;
	JsonbIteratorToken tok;
	JsonbValue	v;
	JsonbValue	r;
	JsonbValue *res = NULL;
	int			depth = 0;
	bool		leeg_volgt = false;

	while ((tok = JsonbIteratorNext(&it, &v, false)) != WJB_DONE)
	{
		bool		scalar = tok == WJB_KEY || tok == WJB_VALUE || tok == WJB_ELEM;
		bool		changed = false;

		if (tok == WJB_BEGIN_ARRAY || tok == WJB_BEGIN_OBJECT)
			depth++;
		else if (tok == WJB_END_ARRAY || tok == WJB_END_OBJECT)
			depth--;
		if (tok == WJB_VALUE && leeg_volgt && to_empty(&v))
		{
			r.type = jbvString;
			r.val.string.val = "";
			r.val.string.len = 0;
			changed = true;
		}
		else if (scalar && v.type != jbvBinary)
		{
			if (out == NULL)
				changed = scalar_has_match(set, &v);
			else
				changed = redact_scalar(set, &v, &r);
		}
		leeg_volgt = tok == WJB_KEY && depth == 1 && nleeg > 0 && in_names(v.val.string.val, v.val.string.len, leeg, nleeg);
		if (out == NULL)
		{
			if (changed)
				return true;
			continue;
		}
		if (changed)
			res = pushJsonbValue(&state, tok, &r);
		else
			res = pushJsonbValue(&state, tok,
								 scalar || (tok == WJB_BEGIN_ARRAY && v.val.array.rawScalar) ? &v : NULL);
	}
	if (out != NULL)
		*out = res;
	return false;
}

static void
leeg_arg(FunctionCallInfo fcinfo, int argno, Datum **names, int *n)
{
	bool	   *nulls;

	*names = NULL;
	*n = 0;
	if (PG_NARGS() > argno)
		text_array(PG_GETARG_ARRAYTYPE_P(argno), names, &nulls, n);
}

/* vergeet_json(rij jsonb, set bytea, leeg text[]) RETURNS jsonb */
PG_FUNCTION_INFO_V1(ki_vergeet_json);
Datum
ki_vergeet_json(PG_FUNCTION_ARGS)
{
	Jsonb	   *j = PG_GETARG_JSONB_P(0);
	ki_vset		set;
	Datum	   *leeg;
	int			nleeg;
	JsonbValue *res;

	set_from_arg(fcinfo, 1, &set);
	leeg_arg(fcinfo, 2, &leeg, &nleeg);
	if (!json_walk(&set, j, leeg, nleeg, NULL))
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	json_walk(&set, j, leeg, nleeg, &res);
	PG_RETURN_JSONB_P(JsonbValueToJsonb(res));
}

/* vergeet_bevat(rij jsonb, set bytea) RETURNS boolean */
PG_FUNCTION_INFO_V1(ki_vergeet_bevat_json);
Datum
ki_vergeet_bevat_json(PG_FUNCTION_ARGS)
{
	Jsonb	   *j = PG_GETARG_JSONB_P(0);
	ki_vset		set;

	set_from_arg(fcinfo, 1, &set);
	PG_RETURN_BOOL(json_walk(&set, j, NULL, 0, NULL));
}
