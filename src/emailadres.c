/*
 * emailadres.c
 *		fmgr glue for emailadres: a varlena holding the canonical address.
 *
 * The stored bytes are the canonical text (no terminating NUL), so the value
 * is binary-compatible with text.  Comparison, ordering and hashing use the
 * ASCII-case-folded bytes (emailadres_core.c); every rule lives in the core.
 *
 * Values are at most 254 octets, so they are never compressed or moved out of
 * line, but with STORAGE extended they get PostgreSQL's 1-byte short header on
 * disk; every function therefore reads its arguments with
 * PG_DETOAST_DATUM_PACKED and VARDATA_ANY.
 *
 * LEAKPROOF: the comparison and hash functions raise no error of their own;
 * only detoasting could, and then only for lack of memory, which reveals
 * nothing about the values.  PostgreSQL reasons the same way for text
 * (texteq, text_lt and bttextcmp are leakproof; hashtext is not, but only
 * because nondeterministic collations can make it fail, and emailadres has
 * no collation).
 */
#include "ki_fmgr.h"

#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/sortsupport.h"
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

#include "emailadres_core.h"

/* The version byte that starts the binary form. */
#define EMAILADRES_BINARY_VERSION	1

#define DatumGetEmailadresPP(d)		((struct varlena *) PG_DETOAST_DATUM_PACKED(d))
#define PG_GETARG_EMAILADRES_PP(n)	DatumGetEmailadresPP(PG_GETARG_DATUM(n))

static void
report_oom(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_OUT_OF_MEMORY),
			 errmsg("out of memory"),
			 errdetail("libidn2 could not allocate memory.")));
}

/*
 * The core parser behind every entry point (input, binary input, predicate),
 * so that they cannot disagree.  The core reads UTF-8; other server encodings
 * get ASCII addresses only.
 */
static bool
parse(const char *s, ki_emailadres *out, ki_reason *why)
{
	int			enc = GetDatabaseEncoding();

	if (enc != PG_UTF8 && enc != PG_SQL_ASCII)
	{
		for (const char *p = s; *p; p++)
		{
			if (IS_HIGHBIT_SET(*p))
			{
				out->oom = false;
				return ki_fail(why, "The value contains non-ASCII characters, which emailadres accepts only in UTF8 databases; this database uses %s.",
							   GetDatabaseEncodingName());
			}
		}
	}
	if (ki_emailadres_parse(s, out, why))
		return true;
	if (out->oom)
		report_oom();
	return false;
}

static Datum
make_emailadres(const ki_emailadres *e)
{
	return PointerGetDatum(cstring_to_text_with_len(e->addr, (int) e->len));
}

PG_FUNCTION_INFO_V1(emailadres_in);
Datum
emailadres_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	ki_emailadres e;
	ki_reason	why;

	if (!parse(str, &e, &why))
	{
		ki_invalid_text(fcinfo->context, "emailadres", str, &why);
		PG_RETURN_NULL();
	}
	return make_emailadres(&e);
}

PG_FUNCTION_INFO_V1(emailadres_out);
Datum
emailadres_out(PG_FUNCTION_ARGS)
{
	struct varlena *a = PG_GETARG_EMAILADRES_PP(0);

	PG_RETURN_CSTRING(pnstrdup(VARDATA_ANY(a), VARSIZE_ANY_EXHDR(a)));
}

/* Binary form: the version byte, then the canonical text. */
PG_FUNCTION_INFO_V1(emailadres_send);
Datum
emailadres_send(PG_FUNCTION_ARGS)
{
	struct varlena *a = PG_GETARG_EMAILADRES_PP(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, EMAILADRES_BINARY_VERSION);
	pq_sendtext(&buf, VARDATA_ANY(a), VARSIZE_ANY_EXHDR(a));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* Binary input goes through the text parser, so it cannot bypass a rule. */
PG_FUNCTION_INFO_V1(emailadres_recv);
Datum
emailadres_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version = pq_getmsgbyte(buf);
	char	   *str;
	int			nbytes;
	ki_emailadres e;
	ki_reason	why;

	if (version != EMAILADRES_BINARY_VERSION)
	{
		ki_fail(&why, "The binary value has format version %d; only version %d exists.",
				version, EMAILADRES_BINARY_VERSION);
		ki_invalid_binary("emailadres", &why);
	}
	str = pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes);
	if (!parse(str, &e, &why))
		ki_invalid_binary("emailadres", &why);
	return make_emailadres(&e);
}

PG_FUNCTION_INFO_V1(is_emailadres);
Datum
is_emailadres(PG_FUNCTION_ARGS)
{
	ki_emailadres e;

	PG_RETURN_BOOL(parse(ki_text_arg(fcinfo, 0), &e, NULL));
}

/* Comparison: the case-folded canonical bytes. */
static int
compare(struct varlena *a, struct varlena *b)
{
	return ki_emailadres_cmp(VARDATA_ANY(a), VARSIZE_ANY_EXHDR(a),
							 VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b));
}

/* Btree comparison functions must not leak memory: free detoasted copies. */
#define EMAILADRES_CMP_FUNC(name, expr) \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	struct varlena *a = PG_GETARG_EMAILADRES_PP(0); \
	struct varlena *b = PG_GETARG_EMAILADRES_PP(1); \
	int			c = compare(a, b); \
 \
	PG_FREE_IF_COPY(a, 0); \
	PG_FREE_IF_COPY(b, 1); \
	return (expr); \
}

EMAILADRES_CMP_FUNC(emailadres_eq, BoolGetDatum(c == 0))
EMAILADRES_CMP_FUNC(emailadres_ne, BoolGetDatum(c != 0))
EMAILADRES_CMP_FUNC(emailadres_lt, BoolGetDatum(c < 0))
EMAILADRES_CMP_FUNC(emailadres_le, BoolGetDatum(c <= 0))
EMAILADRES_CMP_FUNC(emailadres_gt, BoolGetDatum(c > 0))
EMAILADRES_CMP_FUNC(emailadres_ge, BoolGetDatum(c >= 0))
EMAILADRES_CMP_FUNC(emailadres_cmp, Int32GetDatum(c))

static int
emailadres_fastcmp(Datum x, Datum y, SortSupport ssup)
{
	struct varlena *a = DatumGetEmailadresPP(x);
	struct varlena *b = DatumGetEmailadresPP(y);
	int			c = compare(a, b);

	(void) ssup;				/* no state: the order needs no collation */
	if ((Pointer) a != DatumGetPointer(x))
		pfree(a);
	if ((Pointer) b != DatumGetPointer(y))
		pfree(b);
	return c;
}

/* Sort support: the comparator without the fmgr call overhead. */
PG_FUNCTION_INFO_V1(emailadres_sortsupport);
Datum
emailadres_sortsupport(PG_FUNCTION_ARGS)
{
	SortSupport ssup = (SortSupport) PG_GETARG_POINTER(0);

	ssup->comparator = emailadres_fastcmp;
	PG_RETURN_VOID();
}

/*
 * Hash the case-folded bytes, so that equal values hash alike.  Stored
 * values have at most 254 octets (input and binary input check it); the
 * bound only keeps the buffer safe.
 */
static int
fold_arg(FunctionCallInfo fcinfo, char *buf)
{
	struct varlena *a = PG_GETARG_EMAILADRES_PP(0);
	int			len = Min((int) VARSIZE_ANY_EXHDR(a), KI_EMAILADRES_MAX_LEN);

	ki_emailadres_fold(VARDATA_ANY(a), len, buf);
	PG_FREE_IF_COPY(a, 0);
	return len;
}

PG_FUNCTION_INFO_V1(emailadres_hash);
Datum
emailadres_hash(PG_FUNCTION_ARGS)
{
	char		buf[KI_EMAILADRES_MAX_LEN];
	int			len = fold_arg(fcinfo, buf);

	return hash_any((unsigned char *) buf, len);
}

PG_FUNCTION_INFO_V1(emailadres_hash_extended);
Datum
emailadres_hash_extended(PG_FUNCTION_ARGS)
{
	char		buf[KI_EMAILADRES_MAX_LEN];
	int			len = fold_arg(fcinfo, buf);

	return hash_any_extended((unsigned char *) buf, len, PG_GETARG_INT64(1));
}

/* Parts of the address as text. */
PG_FUNCTION_INFO_V1(emailadres_lokaal);
Datum
emailadres_lokaal(PG_FUNCTION_ARGS)
{
	struct varlena *a = PG_GETARG_EMAILADRES_PP(0);
	size_t		at = ki_emailadres_at(VARDATA_ANY(a), VARSIZE_ANY_EXHDR(a));

	PG_RETURN_TEXT_P(cstring_to_text_with_len(VARDATA_ANY(a), (int) at));
}

PG_FUNCTION_INFO_V1(emailadres_domein);
Datum
emailadres_domein(PG_FUNCTION_ARGS)
{
	struct varlena *a = PG_GETARG_EMAILADRES_PP(0);
	size_t		len = VARSIZE_ANY_EXHDR(a);
	size_t		at = ki_emailadres_at(VARDATA_ANY(a), len);

	PG_RETURN_TEXT_P(cstring_to_text_with_len(VARDATA_ANY(a) + at + 1, (int) (len - at - 1)));
}

PG_FUNCTION_INFO_V1(emailadres_domein_unicode);
Datum
emailadres_domein_unicode(PG_FUNCTION_ARGS)
{
	struct varlena *a = PG_GETARG_EMAILADRES_PP(0);
	size_t		len = VARSIZE_ANY_EXHDR(a);
	size_t		at = ki_emailadres_at(VARDATA_ANY(a), len);
	char		buf[KI_EMAILADRES_UNICODE_MAX + 1];
	bool		oom;
	char	   *server;

	if (!ki_emailadres_domain_unicode(VARDATA_ANY(a) + at + 1, len - at - 1, buf, &oom))
	{
		if (oom)
			report_oom();
		/* the input function accepted only domains that libidn2 decodes */
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("could not convert the domain of emailadres \"%s\" to Unicode",
						pnstrdup(VARDATA_ANY(a), len))));
	}
	/* a no-op in UTF8 databases; elsewhere it fails on unmappable letters */
	server = pg_any_to_server(buf, (int) strlen(buf), PG_UTF8);
	PG_RETURN_TEXT_P(cstring_to_text(server));
}

PG_FUNCTION_INFO_V1(emailadres_genormaliseerd);
Datum
emailadres_genormaliseerd(PG_FUNCTION_ARGS)
{
	struct varlena *a = PG_GETARG_EMAILADRES_PP(0);
	size_t		len = VARSIZE_ANY_EXHDR(a);
	text	   *result = (text *) palloc(len + VARHDRSZ);

	SET_VARSIZE(result, len + VARHDRSZ);
	ki_emailadres_fold(VARDATA_ANY(a), len, VARDATA(result));
	PG_RETURN_TEXT_P(result);
}
