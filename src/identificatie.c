/*
 * identificatie.c
 *		fmgr glue for bsn, rsin, kvk_nummer and vestigingsnummer.
 *
 * The four types are integers passed by value; comparison and hashing use
 * PostgreSQL's own int4/int8 functions (declared in identificatie.sql), so
 * only I/O, the predicate and the validated casts live here.  The macros of
 * ki_fixed.h generate them for every type, so the four cannot drift apart.
 */
#include "ki_fixed.h"

#include "identificatie_core.h"

KI_FIXED_FUNCS(bsn, int4, KI_BSN_LEN)
KI_FIXED_FUNCS(rsin, int4, KI_BSN_LEN)
KI_FIXED_FUNCS(kvk_nummer, int4, KI_KVK_LEN)
KI_FIXED_FUNCS(vestigingsnummer, int8, KI_VESTIGINGSNUMMER_LEN)

KI_FIXED_FROM_INT8(bsn, int4)
KI_FIXED_FROM_INT8(rsin, int4)
KI_FIXED_FROM_INT8(kvk_nummer, int4)
KI_FIXED_FROM_INT8(vestigingsnummer, int8)

/* Diagnostic only: KvK's published numbers satisfy a weighted mod-11, but it is no rule. */
PG_FUNCTION_INFO_V1(kvk_nummer_mod11_ok);
Datum
kvk_nummer_mod11_ok(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(ki_kvk_mod11_ok(PG_GETARG_INT32(0)));
}
