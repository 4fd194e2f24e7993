/*
 * tekst_core.h
 *		Free text: finding BSNs to mask, in one linear pass.  Pure C.
 *
 * The masking rule (docs/security.md, "Masks"), scanning left to right:
 *
 *   - a uuid (8-4-4-4-12 hexadecimal digits, either case) is passed over
 *     whole: its digits are never a BSN, so masks never corrupt the uuids
 *     of a document;
 *   - a BSN candidate is nine digits with at most one separator (space,
 *     dot or hyphen) between two of them, not preceded and not followed by
 *     a digit; the regular expression
 *         (?<![0-9])[0-9]([ .-]?[0-9]){8}(?![0-9])
 *   - a candidate whose digits pass the BSN rules (elfproef, not all zeros)
 *     is masked: replaced by nine asterisks, and the scan goes on after it;
 *     a candidate that does not pass is not consumed, the scan goes on at
 *     the next character (so "123 111 222 333" masks the BSN in it).
 *
 * At every position the work is bounded (a uuid is 36 characters, a
 * candidate at most 17), so a text of n bytes costs O(n): the counter of
 * examined bytes that every function can return proves it in the tests.
 * The scan works on bytes: digits, separators, hyphens and hexadecimal
 * letters are ASCII, which no byte of a multibyte character in a server
 * encoding can be.
 */
#ifndef TEKST_CORE_H
#define TEKST_CORE_H

#include "ki_core.h"

/* The length of a uuid's text, and of a mask. */
#define KI_UUID_TEXT_LEN	36
#define KI_BSN_MASK			"*********"
#define KI_BSN_MASK_LEN		9

/*
 * The first BSN to mask at or after pos: true with [*start, *end), false
 * when there is none.  stappen, when not NULL, is increased by the number
 * of bytes examined.
 */
bool		ki_bsn_volgende(const char *s, size_t len, size_t pos,
							size_t *start, size_t *end, uint64_t *stappen);

/*
 * The text with every BSN masked, into out (room for len bytes: a mask is
 * never longer than what it replaces); *outlen gets the new length.
 * Returns the number of BSNs masked (0: out holds a copy of s).
 */
size_t		ki_bsn_maskeer(const char *s, size_t len, char *out, size_t *outlen,
						   uint64_t *stappen);

/*
 * Whether the whole text is a key or a moment, which the audit trail's BSN
 * test passes over (a uuid's digits or a date's can look like a BSN): a
 * uuid in lower-case hexadecimal (8-4-4-4-12), or a date YYYY-MM-DD, alone
 * or followed by a space or T, one or more of 0-9 : . and optionally a zone
 * (Z, or + or - and one or more of 0-9 :).  The same as the regular
 * expression ^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|
 * [0-9]{4}-[0-9]{2}-[0-9]{2}([ T][0-9:.]+([+-][0-9:]+|Z)?)?)$.
 */
bool		ki_tekst_sleutel_of_tijdstip(const char *s, size_t len);

#endif							/* TEKST_CORE_H */
