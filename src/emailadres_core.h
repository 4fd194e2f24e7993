/*
 * emailadres_core.h
 *		E-mail addresses: parsing to the canonical form, the case-folded
 *		comparison key, and the Unicode form of the domain.  Pure C (libidn2
 *		for internationalised domains, no PostgreSQL headers).
 *
 * Canonical form: the local part as given (a dot-atom over ASCII atext), "@",
 * the domain in lower-case ASCII with internationalised labels as A-labels
 * ("xn--...").  Equality, ordering and hashing work on the ASCII-case-folded
 * canonical bytes, so Jan@x.nl and jan@x.nl are the same address.
 */
#ifndef EMAILADRES_CORE_H
#define EMAILADRES_CORE_H

#include "ki_core.h"

/* Limits of RFC 5321 section 4.5.3.1, in octets of the canonical form. */
#define KI_EMAILADRES_MAX_LEN		254
#define KI_EMAILADRES_LOCAL_MAX		64
#define KI_EMAILADRES_DOMAIN_MAX	253
#define KI_EMAILADRES_LABEL_MAX		63

/*
 * Longer input (after trimming) is rejected before any other check.  It is a
 * sanity bound, not a rule: four octets per character would still leave a
 * Unicode domain of 253 characters room.
 */
#define KI_EMAILADRES_INPUT_MAX		1024

/*
 * The Unicode form of a domain of at most 253 ASCII octets: a Punycode label
 * decodes to no more code points than it has characters, each at most four
 * UTF-8 octets.
 */
#define KI_EMAILADRES_UNICODE_MAX	(4 * KI_EMAILADRES_DOMAIN_MAX)

typedef struct ki_emailadres
{
	char		addr[KI_EMAILADRES_MAX_LEN + 1];	/* canonical, NUL-terminated */
	size_t		len;			/* octets in addr */
	bool		oom;			/* parse failed for lack of memory, not for the value */
} ki_emailadres;

/*
 * Parse s (UTF-8, NUL-terminated).  On failure returns false; out->oom tells
 * a libidn2 allocation failure apart from an invalid value.
 */
bool		ki_emailadres_parse(const char *s, ki_emailadres *out, ki_reason *why);

/* Offset of the "@" in a canonical address (the last one; there is one). */
size_t		ki_emailadres_at(const char *addr, size_t len);

/* Copy len octets of addr to out with ASCII upper case folded to lower. */
void		ki_emailadres_fold(const char *addr, size_t len, char *out);

/* Compare two canonical addresses by their case-folded octets: <0, 0, >0. */
int			ki_emailadres_cmp(const char *a, size_t alen, const char *b, size_t blen);

/*
 * The U-label (Unicode) form of a canonical, hence valid, ASCII domain of len
 * octets into buf (KI_EMAILADRES_UNICODE_MAX + 1 octets).  Returns false only
 * when libidn2 fails; *oom then says whether it ran out of memory.
 */
bool		ki_emailadres_domain_unicode(const char *domain, size_t len, char *buf,
										 bool *oom);

#endif							/* EMAILADRES_CORE_H */
