/*
 * ki_core.h
 *		Shared pieces of the pure C core of klantinteracties.
 *
 * The core parses, validates and formats values without any PostgreSQL
 * header, so that it can be unit-tested, fuzzed and benchmarked alone.
 * Every parser has the same shape:
 *
 *		bool ki_<type>_parse(const char *s, <storage> *out, ki_reason *why);
 *
 * It returns true and sets *out on success.  On failure it returns false and,
 * when why is not NULL, fills why->detail (a full sentence saying exactly what
 * is wrong) and optionally why->hint.  With why == NULL no text is formatted,
 * which keeps the never-throwing is_<type>() predicates cheap.
 */
#ifndef KI_CORE_H
#define KI_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define KI_REASON_LEN 256

typedef struct ki_reason
{
	char		detail[KI_REASON_LEN];
	char		hint[KI_REASON_LEN];
} ki_reason;

/* Record why parsing failed (no-op when why is NULL); always returns false. */
bool		ki_fail(ki_reason *why, const char *fmt,...)
			__attribute__((format(printf, 2, 3)));

/* Add a hint to an already recorded failure (no-op when why is NULL). */
void		ki_hint(ki_reason *why, const char *fmt,...)
			__attribute__((format(printf, 2, 3)));

/* ASCII helpers that do not depend on the locale. */
static inline bool
ki_isdigit(char c)
{
	return c >= '0' && c <= '9';
}

static inline bool
ki_isupper(char c)
{
	return c >= 'A' && c <= 'Z';
}

static inline bool
ki_islower(char c)
{
	return c >= 'a' && c <= 'z';
}

static inline bool
ki_isalpha(char c)
{
	return ki_isupper(c) || ki_islower(c);
}

static inline char
ki_toupper(char c)
{
	return ki_islower(c) ? (char) (c - 'a' + 'A') : c;
}

static inline char
ki_tolower(char c)
{
	return ki_isupper(c) ? (char) (c - 'A' + 'a') : c;
}

/* Leading/trailing blanks that every type ignores: ASCII space and tab only. */
static inline bool
ki_isblank(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * Trim blanks from both ends of s: sets *start and *len to the remaining span.
 * Returns false (with a reason) when the text holds any other control
 * character anywhere, since those hide upstream bugs.
 */
bool		ki_trim(const char *s, const char **start, size_t *len, ki_reason *why);

/*
 * Collect the digits of a numeric identifier, dropping the separators
 * space, dot and hyphen, in one pass; blanks around the value are ignored
 * as ki_trim does.  what names the identifier in messages ("BSN").  Fails on
 * any other character.  *ndigits receives the number of digits (counted
 * past maxdigits, so callers can report a wrong length), *value the value
 * of the first maxdigits of them.
 */
bool		ki_collect_digits(const char *s, const char *what, int maxdigits,
							  int *ndigits, int64_t *value, ki_reason *why);

/* Zero-padded decimal of width digits into buf (size >= width + 1). */
void		ki_format_padded(int64_t v, int width, char *buf);

/* Describe a character for messages: "'x'" or "byte 0x0A". */
const char *ki_char_desc(char c, char *buf, size_t buflen);

#endif							/* KI_CORE_H */
