/*
 * iso3166_core.h
 *		ISO 3166-1 alpha-2 country codes, shared by every type that names a
 *		country (bic, landcode).  Pure C, no PostgreSQL headers.  The list
 *		itself is the table of landcode_core.c, so there is only one.
 */
#ifndef ISO3166_CORE_H
#define ISO3166_CORE_H

#include <stdbool.h>

/*
 * True when c[0], c[1] are two upper-case ASCII letters forming an assigned
 * ISO 3166-1 alpha-2 code.  Reserved and user-assigned codes (UK, EU, XK,
 * ZZ ...) are not assigned and give false; callers that accept such a code
 * (SWIFT uses XK for Kosovo) say so themselves.
 */
bool		ki_iso3166_alpha2_known(const char c[2]);

#endif							/* ISO3166_CORE_H */
