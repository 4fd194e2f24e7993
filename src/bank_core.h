/*
 * bank_core.h
 *		IBAN (ISO 13616) and BIC (ISO 9362): parsing with the precise reason on
 *		failure, formatting and the parts of a value.  Pure C.
 */
#ifndef BANK_CORE_H
#define BANK_CORE_H

#include "ki_core.h"

/* ISO 13616 caps an IBAN at 34 characters. */
#define KI_IBAN_MAXLEN			34
/* format_iban: groups of four separated by one space. */
#define KI_IBAN_FORMAT_LEN		(KI_IBAN_MAXLEN + (KI_IBAN_MAXLEN - 1) / 4)

/* A canonical IBAN: upper-case letters and digits, NUL-terminated. */
typedef struct ki_iban
{
	int			len;
	char		s[KI_IBAN_MAXLEN + 1];
} ki_iban;

/* One country of the SWIFT IBAN registry. */
typedef struct ki_iban_country
{
	char		code[3];		/* ISO 3166-1 alpha-2 (XK for Kosovo) */
	int			length;			/* IBAN length, 4 + the BBAN's length */
	const char *bban;			/* BBAN structure, e.g. "4!a10!n" */
} ki_iban_country;

/*
 * Text input: blanks around the value are ignored, the separators space and
 * hyphen are dropped anywhere, letters may be lower case.
 */
bool		ki_iban_parse(const char *s, ki_iban *out, ki_reason *why);

/* Binary input: len bytes that must already be a valid canonical IBAN. */
bool		ki_iban_check(const char *s, size_t len, ki_iban *out, ki_reason *why);

/* Groups of four: buf must hold KI_IBAN_FORMAT_LEN + 1 bytes. */
void		ki_iban_format(const char *iban, int len, char *buf);

/*
 * Where the bank identifier lies in a canonical IBAN: sets *start and *len
 * and returns true, or returns false when it is not known for the country.
 */
bool		ki_iban_bankcode(const char *iban, int ibanlen, int *start, int *len);

/* The registry table, sorted by country code. */
const ki_iban_country *ki_iban_registry(int *count);

/* BIC: 8 or 11 characters; base-37 packed into an int64 (see bank_core.c). */
#define KI_BIC_LEN8				8
#define KI_BIC_LEN11			11

/* Text input: blanks around the value and spaces/hyphens inside are ignored, any case. */
bool		ki_bic_parse(const char *s, int64_t *out, ki_reason *why);

/* Binary input: an int64 that must encode a valid BIC. */
bool		ki_bic_check(int64_t v, ki_reason *why);

/*
 * The canonical text of a packed BIC into buf (12 bytes); returns its length,
 * or -1 when v does not encode 8 or 11 characters.
 */
int			ki_bic_format(int64_t v, char *buf);

/* A valid packed BIC without its branch code: the BIC8 it extends. */
int64_t		ki_bic8(int64_t v);

#endif							/* BANK_CORE_H */
