/*
 * telefoonnummer_core.h
 *		Telephone numbers: the Dutch numbering plan and E.164.
 *		Pure C: parse (with the precise reason on failure), check, classify
 *		and format.
 *
 * A telefoonnummer is stored as the digits of its E.164 form (country
 * calling code and national significant number, NSN) read as one integer:
 * +31 20 123 4567 is 31201234567.  Calling codes never start with 0 and are
 * prefix-free, so the integer gives back the digit string and its split.
 */
#ifndef TELEFOONNUMMER_CORE_H
#define TELEFOONNUMMER_CORE_H

#include "ki_core.h"

/* E.164: at most 15 digits, country calling code included. */
#define KI_TEL_MAX_DIGITS		15
#define KI_TEL_MAX				INT64_C(999999999999999)

/* Buffer size for every format function below (longest form plus NUL). */
#define KI_TEL_BUFLEN			32

/*
 * Kind of a Dutch number: one per prefix class of the numbering plan.
 * KI_TEL_BUITENLAND is every number outside +31.
 */
typedef enum ki_tel_soort
{
	KI_TEL_BUITENLAND = 0,
	KI_TEL_VAST,				/* geographic */
	KI_TEL_MOBIEL,				/* 061-065, 068 */
	KI_TEL_SEMAFONIE,			/* 066 paging */
	KI_TEL_M2M,					/* 0970 machine-to-machine */
	KI_TEL_PERSOONLIJKE_ASSISTENTIE,	/* 084, 087 */
	KI_TEL_PLAATSONAFHANKELIJK, /* 085, 091 */
	KI_TEL_BEDRIJF,				/* 088 */
	KI_TEL_GRATIS,				/* 0800 */
	KI_TEL_BETAALD				/* 0900, 0906, 0909 */
} ki_tel_soort;

bool		ki_telefoonnummer_parse(const char *s, int64_t *out, ki_reason *why);

/* Check an already numeric value (binary input): the same rules as parse. */
bool		ki_telefoonnummer_check(int64_t v, ki_reason *why);

/*
 * The functions below expect a valid value; for any other they still return
 * without reading or writing out of bounds.
 */

/* Country calling code (31); 0 when the value has none. */
int			ki_telefoonnummer_landnummer(int64_t v);

/* ISO 3166-1 alpha-2 country, or NULL when the code is shared or has none. */
const char *ki_telefoonnummer_land(int64_t v);

/* Prefix class of a Dutch number; KI_TEL_BUITENLAND for any other. */
ki_tel_soort ki_telefoonnummer_soort(int64_t v);

/* The SQL name of a soort ("vast", "mobiel" ...); NULL for KI_TEL_BUITENLAND. */
const char *ki_tel_soort_naam(ki_tel_soort soort);

/* "+31201234567" */
void		ki_telefoonnummer_format(int64_t v, char *buf);

/* "020 123 4567"; numbers outside +31 get the international form. */
void		ki_telefoonnummer_nationaal(int64_t v, char *buf);

/* "+31 20 123 4567"; outside +31: "+CC" and the NSN in simple blocks. */
void		ki_telefoonnummer_internationaal(int64_t v, char *buf);

#endif							/* TELEFOONNUMMER_CORE_H */
