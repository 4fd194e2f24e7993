/*
 * identificatie_core.h
 *		Dutch identification numbers: BSN, RSIN, KvK-nummer, vestigingsnummer.
 *		Pure C: parse (with the precise reason on failure), format, check digits.
 */
#ifndef IDENTIFICATIE_CORE_H
#define IDENTIFICATIE_CORE_H

#include "ki_core.h"

/* Largest values; anything above cannot come from the digit rules. */
#define KI_BSN_MAX				999999999
#define KI_KVK_MAX				99999999
#define KI_VESTIGINGSNUMMER_MAX INT64_C(999999999999)

/* Text lengths of the canonical forms, without the terminating NUL. */
#define KI_BSN_LEN				9
#define KI_KVK_LEN				8
#define KI_VESTIGINGSNUMMER_LEN 12

bool		ki_bsn_parse(const char *s, int32_t *out, ki_reason *why);
bool		ki_rsin_parse(const char *s, int32_t *out, ki_reason *why);
bool		ki_kvk_nummer_parse(const char *s, int32_t *out, ki_reason *why);
bool		ki_vestigingsnummer_parse(const char *s, int64_t *out, ki_reason *why);

/* Checks of an already numeric value, for casts and binary input. */
bool		ki_bsn_check(int64_t v, ki_reason *why);
bool		ki_rsin_check(int64_t v, ki_reason *why);
bool		ki_kvk_nummer_check(int64_t v, ki_reason *why);
bool		ki_vestigingsnummer_check(int64_t v, ki_reason *why);

/* The elfproef of BSN and RSIN: weights 9..2 and -1; returns sum mod 11. */
int			ki_elfproef_remainder(int32_t v);

/* The weighted mod-11 (8..1) that KvK's own numbers satisfy; diagnostic only. */
bool		ki_kvk_mod11_ok(int32_t v);

/* Canonical text: the number zero-padded to its full width. */
static inline void
ki_bsn_format(int32_t v, char *buf)
{
	ki_format_padded(v, KI_BSN_LEN, buf);
}

static inline void
ki_rsin_format(int32_t v, char *buf)
{
	ki_format_padded(v, KI_BSN_LEN, buf);
}

static inline void
ki_kvk_nummer_format(int32_t v, char *buf)
{
	ki_format_padded(v, KI_KVK_LEN, buf);
}

static inline void
ki_vestigingsnummer_format(int64_t v, char *buf)
{
	ki_format_padded(v, KI_VESTIGINGSNUMMER_LEN, buf);
}

#endif							/* IDENTIFICATIE_CORE_H */
