/*
 * postcode_core.h
 *		Dutch postcode: four digits (the first not 0) and two letters.
 *		Pure C: parse (with the precise reason on failure), check, format.
 *
 * Stored as (n - 1000) * 676 + (l1 - 'A') * 26 + (l2 - 'A'), so the integer
 * order is the order of the canonical text.
 */
#ifndef POSTCODE_CORE_H
#define POSTCODE_CORE_H

#include "ki_core.h"

/* 9999 ZZ packed; anything above cannot come from a postcode. */
#define KI_POSTCODE_MAX		((9999 - 1000) * 676 + 675)

/* Text lengths of "1234 AB" and "1234AB", without the terminating NUL. */
#define KI_POSTCODE_LEN			7
#define KI_POSTCODE_COMPACT_LEN 6

bool		ki_postcode_parse(const char *s, int32_t *out, ki_reason *why);

/* Check of an already packed value, for binary input. */
bool		ki_postcode_check(int64_t v, ki_reason *why);

/* The digit part, 1000..9999. */
static inline int
ki_postcode_cijfers(int32_t v)
{
	return 1000 + v / 676;
}

/* The two letters into buf (size >= 3). */
void		ki_postcode_letters(int32_t v, char *buf);

/* "1234 AB" into buf (size >= KI_POSTCODE_LEN + 1). */
void		ki_postcode_format(int32_t v, char *buf);

/* "1234AB", the BAG spelling, into buf (size >= KI_POSTCODE_COMPACT_LEN + 1). */
void		ki_postcode_format_compact(int32_t v, char *buf);

#endif							/* POSTCODE_CORE_H */
