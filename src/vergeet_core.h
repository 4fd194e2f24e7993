/*
 * vergeet_core.h
 *		Erasure: finding one person's identifiers and names in free text, in
 *		every spelling the types accept, in one linear pass.  Pure C.
 *
 * The person is described by a set of canonical keys ("sleutels"), one per
 * identifier, made by the types' own parsers:
 *
 *		b:<bsn>  r:<rsin>  k:<kvk_nummer>  v:<vestigingsnummer>
 *		t:<telefoonnummer, E.164 with +>  i:<IBAN>  e:<e-mail, lower-cased>
 *		w:<words>	a name or other literal value: its words (maximal runs of
 *					ASCII letters and digits and non-ASCII bytes), ASCII
 *					lower-cased, joined by single spaces
 *
 * A value that its soort's parser refuses becomes a w: key.  The set is a
 * byte string (ki_vset_*): a small header, the offsets, the keys sorted by
 * their bytes; a probe is a binary search, so a text costs the same with 10
 * keys or 10,000 but for a logarithm.
 *
 * The scan (ki_vergeet_volgende) goes through a text once, left to right,
 * and at each position takes the longest match of any of these candidates
 * starting there; a match is passed over whole, else the next position:
 *
 *   - a uuid (8-4-4-4-12 hexadecimal digits at a word start) is one
 *     candidate as a whole (w: of its five groups, so a pseudonym that is a
 *     uuid is found), and is otherwise passed over whole: no identifier is
 *     found inside it;
 *   - digit groups: a group of digits not preceded by a digit (or a "+"
 *     or "(" directly before it), followed by further groups with one to three of
 *     the separators space . - / ( ) between them; every run of whole groups
 *     from the first, with at most 15 digits, is given to the parsers of
 *     bsn, rsin, kvk_nummer, vestigingsnummer and telefoonnummer (each only
 *     when the set holds a key of its kind and the digit count fits), so
 *     "06-58493484", "+31 6 5849 3484", "0031 (0)6 58493484", "1112.22.333"
 *     all find the same key as the registry's value;
 *   - an IBAN: two letters and two digits at a word start, then letters and
 *     digits with single spaces between groups, at most 34, given to the
 *     IBAN parser at every group boundary ("NL91 ABNA 0417 1643 00");
 *   - an e-mail address: a maximal run of the characters of a local part,
 *     "@", the characters of a domain (trailing dots and hyphens left off),
 *     given to the emailadres parser; compared lower-cased;
 *   - words: from a word start, one word and up to 15 following words each
 *     after at most 3 characters that are no word characters, lower-cased
 *     and joined by single spaces ("Aalders, Anna" is "aalders anna").
 *
 * What it cannot find: a name spelled otherwise (other letters, diacritics
 * or case of non-ASCII letters, initials the registry does not hold), an
 * e-mail address glued to a preceding word by characters that may stand in
 * a local part ("mail.anna@example.com" is another address), a number
 * split by other characters or by more than three separators.
 *
 * Every examined byte and every key comparison adds one to *stappen, which
 * the tests use to show the work is linear in the text.
 */
#ifndef VERGEET_CORE_H
#define VERGEET_CORE_H

#include "ki_core.h"

/* Kinds of key: the first byte of a key, and a bit in ki_vset.soorten. */
#define KI_VK_BSN				'b'
#define KI_VK_RSIN				'r'
#define KI_VK_KVK				'k'
#define KI_VK_VESTIGING			'v'
#define KI_VK_TELEFOON			't'
#define KI_VK_IBAN				'i'
#define KI_VK_EMAIL				'e'
#define KI_VK_WOORDEN			'w'

/* The longest key: "e:" and an e-mail address; words are cut off here. */
#define KI_VSLEUTEL_MAX			300
/* Most words in a w: key that the scan compares. */
#define KI_VWOORDEN_MAX			16
/*
 * Replacement of a match: "[vergeten]", or as many asterisks as the match
 * has characters when it has fewer than ten, so that no text grows and a
 * redacted value still fits its column (varchar(n), metadata's 255).
 */
#define KI_VERGETEN				"[vergeten]"
#define KI_VERGETEN_LEN			10

/* The replacement of s[start..end) (UTF-8) into out (room for KI_VERGETEN_LEN); its length. */
size_t		ki_vergeet_vervanging(const char *s, size_t start, size_t end, char *out);

/*
 * The key of one value of a given soort (bsn, rsin, kvk_nummer,
 * vestigingsnummer, telefoonnummer, email, iban; anything else, and a value
 * its parser refuses, is a w: key).  Writes at most KI_VSLEUTEL_MAX bytes
 * and a NUL into key; returns its length, 0 when the value has no word.
 */
size_t		ki_vergeet_sleutel(const char *soort, const char *waarde, char *key);

/* The digit counts in which the text of a telefoonnummer key can be written. */
uint32_t	ki_vergeet_tel_cijfers(const char *key, size_t keylen);

/* The number of words of a w: key. */
int			ki_vergeet_woorden(const char *key, size_t keylen);

/* What a set holds, for the scan's cheap rejections. */
typedef struct ki_vset_info
{
	uint32_t	soorten;		/* bit (kind - 'a') for each kind present */
	uint32_t	tel_cijfers;	/* digit counts of telefoonnummer spellings */
	uint32_t	woorden;		/* bit k: some w: key has k words */
	uint32_t	max_woordlen;	/* longest w: key */
	uint32_t	iban_lengtes;	/* bit (length - 3) of each IBAN */
	unsigned char eerste[32];	/* bit per first byte of the w: keys' text */
} ki_vset_info;

/* The byte string of a set, read without copying. */
typedef struct ki_vset
{
	const unsigned char *offsets;	/* n + 1 little-endian uint32 */
	const unsigned char *keys;
	size_t		keys_len;
	uint32_t	n;
	ki_vset_info info;
} ki_vset;

#define KI_VSET_MAGIC			"KIV1"
#define KI_VSET_HEADER			60

/* Kind bit of a kind byte. */
static inline uint32_t
ki_vsoort_bit(char kind)
{
	return UINT32_C(1) << (kind - 'a');
}

/* Adds what a key tells to the info of the set it goes in (zeroed first). */
void		ki_vset_info_voeg_toe(ki_vset_info *info, const char *key, size_t keylen);

/*
 * Writes the header and the offsets of n sorted, distinct keys into out
 * (KI_VSET_HEADER + 4 * (n + 1) bytes); the keys' bytes follow them.
 */
void		ki_vset_header(unsigned char *out, uint32_t n, const ki_vset_info *info,
						   const uint32_t *offsets);

/*
 * Reads a set's header in O(1).  False when the bytes cannot be a set.
 * Every later access checks its offsets against the length, so a damaged
 * set gives wrong answers at worst, never a read outside the bytes.
 */
bool		ki_vset_lees(const void *bytes, size_t len, ki_vset *set);

/* Whether the set holds the key (binary search). */
bool		ki_vset_bevat(const ki_vset *set, const char *key, size_t keylen, uint64_t *stappen);

/* Key i of the set (for showing it); false when i is out of range or damaged. */
bool		ki_vset_sleutel(const ki_vset *set, uint32_t i, const char **key, size_t *keylen);

/*
 * The first match at or after pos: true with [*start, *end), false when
 * there is none.  Successive calls from the previous *end scan each byte a
 * bounded number of times.
 */
bool		ki_vergeet_volgende(const ki_vset *set, const char *s, size_t len, size_t pos,
								size_t *start, size_t *end, uint64_t *stappen);

#endif							/* VERGEET_CORE_H */
