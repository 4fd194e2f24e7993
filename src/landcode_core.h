/*
 * landcode_core.h
 *		Country code: ISO 3166-1 alpha-2, checked against the assigned codes,
 *		with the RvIG Tabel 34 codes where their mapping is known.
 *		Pure C: parse, check, format, names and the Tabel 34 conversion.
 *
 * Stored as (c1 - 'A') * 26 + (c2 - 'A'), so the integer order is the order
 * of the code.
 */
#ifndef LANDCODE_CORE_H
#define LANDCODE_CORE_H

#include "ki_core.h"

/* Number of two-letter combinations, the range of the stored value. */
#define KI_LANDCODE_SLOTS	(26 * 26)

/* Text length of the canonical form and of a Tabel 34 code. */
#define KI_LANDCODE_LEN		2
#define KI_RVIG_LEN			4

bool		ki_landcode_parse(const char *s, int16_t *out, ki_reason *why);

/* Check of an already packed value, for binary input. */
bool		ki_landcode_check(int64_t v, ki_reason *why);

/* The two letters into buf (size >= KI_LANDCODE_LEN + 1). */
void		ki_landcode_format(int16_t v, char *buf);

/*
 * The ISO 3166-1 English short name (UTF-8), or NULL for a code that is not
 * assigned (stored by an older version whose list still had it).
 */
const char *ki_landcode_name(int16_t v);

/*
 * The RvIG Tabel 34 code of a landcode, or -1 when no mapping is known.
 */
int			ki_landcode_rvig(int16_t v);

/*
 * Convert a Tabel 34 code (four digits, blanks around allowed) to the
 * landcode; fails on malformed text and on codes without a known mapping.
 */
bool		ki_landcode_from_rvig(const char *s, int16_t *out, ki_reason *why);

#endif							/* LANDCODE_CORE_H */
