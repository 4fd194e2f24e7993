/*
 * vergeet_core.c
 *		Erasure: one person's identifiers found in free text, in one pass
 *		(vergeet_core.h has the rules).  No PostgreSQL headers here.
 */
#include "vergeet_core.h"

#include <string.h>

#include "bank_core.h"
#include "emailadres_core.h"
#include "identificatie_core.h"
#include "telefoonnummer_core.h"

/* Header: magic, n, soorten, tel_cijfers, woorden, max_woordlen, iban_lengtes, eerste[32]. */
#define OFF_N				4
#define OFF_SOORTEN			8
#define OFF_TEL				12
#define OFF_WOORDEN			16
#define OFF_MAXLEN			20
#define OFF_IBAN			24
#define OFF_EERSTE			28

/* Longest text given to a parser: "+", 15 digits, 14 gaps of 3. */
#define SPAN_MAX			64

/* Character classes, one table lookup each. */
#define C_WORD		0x01		/* ASCII letter or digit, or a non-ASCII byte */
#define C_LOCAL		0x02		/* may stand in an e-mail local part */
#define C_DOMAIN	0x04		/* may stand in an e-mail domain */
#define C_GAP		0x08		/* separator between digit groups */
#define C_HEX		0x10
#define C_ALNUM		0x20		/* ASCII letter or digit */

static unsigned char klasse[256];

static void
klassen_vullen(void)
{
	if (klasse['a'])
		return;
	for (int c = 0; c < 256; c++)
	{
		unsigned char k = 0;
		bool		alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

		if (alnum)
			k |= C_ALNUM | C_WORD | C_LOCAL | C_DOMAIN;
		if (c >= 0x80)
			k |= C_WORD | C_LOCAL | C_DOMAIN;
		if (c != 0 && strchr("!#$%&'*+/=?^_`{|}~-.", c) != NULL)
			k |= C_LOCAL;
		if (c == '.' || c == '-')
			k |= C_DOMAIN;
		if (c != 0 && strchr(" .-/()", c) != NULL)
			k |= C_GAP;
		if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))
			k |= C_HEX;
		klasse[c] = k;
	}
}

static inline bool
is_word(unsigned char c)
{
	return klasse[c] & C_WORD;
}

static inline bool
is_alnum(char c)
{
	return klasse[(unsigned char) c] & C_ALNUM;
}

static inline bool
is_hex(char c)
{
	return klasse[(unsigned char) c] & C_HEX;
}

/* The characters of an e-mail address's local part (RFC 5322 atext, dot, UTF-8). */
static inline bool
is_local(unsigned char c)
{
	return klasse[c] & C_LOCAL;
}

static inline bool
is_domain(unsigned char c)
{
	return klasse[c] & C_DOMAIN;
}

/* Separators between the digit groups of a number. */
static inline bool
is_gap(char c)
{
	return klasse[(unsigned char) c] & C_GAP;
}

static inline uint32_t
get_u32(const unsigned char *p)
{
	return (uint32_t) p[0] | ((uint32_t) p[1] << 8) | ((uint32_t) p[2] << 16) | ((uint32_t) p[3] << 24);
}

static inline void
put_u32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char) v;
	p[1] = (unsigned char) (v >> 8);
	p[2] = (unsigned char) (v >> 16);
	p[3] = (unsigned char) (v >> 24);
}

/* ---- keys ---- */

/* "w:" and the words of s[0..len), lower-cased, joined by single spaces. */
static size_t
words_key(const char *s, size_t len, char *key)
{
	size_t		k = 2;
	size_t		i = 0;

	key[0] = KI_VK_WOORDEN;
	key[1] = ':';
	while (i < len)
	{
		while (i < len && !is_word((unsigned char) s[i]))
			i++;
		if (i == len)
			break;
		if (k > 2 && k < KI_VSLEUTEL_MAX)
			key[k++] = ' ';
		while (i < len && is_word((unsigned char) s[i]))
		{
			if (k < KI_VSLEUTEL_MAX)
				key[k++] = ki_tolower(s[i]);
			i++;
		}
	}
	key[k] = '\0';
	return k > 2 ? k : 0;
}

size_t
ki_vergeet_sleutel(const char *soort, const char *waarde, char *key)
{
	int32_t		v32;
	int64_t		v64;

	klassen_vullen();
	key[1] = ':';
	if (strcmp(soort, "bsn") == 0 && ki_bsn_parse(waarde, &v32, NULL))
	{
		key[0] = KI_VK_BSN;
		ki_bsn_format(v32, key + 2);
		return 2 + KI_BSN_LEN;
	}
	if (strcmp(soort, "rsin") == 0 && ki_rsin_parse(waarde, &v32, NULL))
	{
		key[0] = KI_VK_RSIN;
		ki_rsin_format(v32, key + 2);
		return 2 + KI_BSN_LEN;
	}
	if (strcmp(soort, "kvk_nummer") == 0 && ki_kvk_nummer_parse(waarde, &v32, NULL))
	{
		key[0] = KI_VK_KVK;
		ki_kvk_nummer_format(v32, key + 2);
		return 2 + KI_KVK_LEN;
	}
	if (strcmp(soort, "vestigingsnummer") == 0 && ki_vestigingsnummer_parse(waarde, &v64, NULL))
	{
		key[0] = KI_VK_VESTIGING;
		ki_vestigingsnummer_format(v64, key + 2);
		return 2 + KI_VESTIGINGSNUMMER_LEN;
	}
	if (strcmp(soort, "telefoonnummer") == 0 && ki_telefoonnummer_parse(waarde, &v64, NULL))
	{
		key[0] = KI_VK_TELEFOON;
		ki_telefoonnummer_format(v64, key + 2);
		return strlen(key);
	}
	if (strcmp(soort, "iban") == 0)
	{
		ki_iban		iban;

		if (ki_iban_parse(waarde, &iban, NULL))
		{
			key[0] = KI_VK_IBAN;
			memcpy(key + 2, iban.s, (size_t) iban.len + 1);
			return 2 + (size_t) iban.len;
		}
	}
	if (strcmp(soort, "email") == 0)
	{
		ki_emailadres e;

		if (ki_emailadres_parse(waarde, &e, NULL))
		{
			key[0] = KI_VK_EMAIL;
			ki_emailadres_fold(e.addr, e.len, key + 2);
			key[2 + e.len] = '\0';
			return 2 + e.len;
		}
	}
	return words_key(waarde, strlen(waarde), key);
}

uint32_t
ki_vergeet_tel_cijfers(const char *key, size_t keylen)
{
	int64_t		v = 0;
	int			d = 0;
	int			c = 0;
	uint32_t	mask = 0;

	for (size_t i = 2; i < keylen; i++)
		if (ki_isdigit(key[i]))
		{
			v = v * 10 + (key[i] - '0');
			d++;
		}
	for (int cc = ki_telefoonnummer_landnummer(v); cc > 0; cc /= 10)
		c++;
	/* 0NSN (national), +CC NSN, +CC (0)NSN, 00CC NSN, 00CC (0)NSN */
	for (int n = d - c + 1; n <= d + 3; n++)
		if (n > 0 && n < 32)
			mask |= UINT32_C(1) << n;
	return mask;
}

int
ki_vergeet_woorden(const char *key, size_t keylen)
{
	int			n = 1;

	for (size_t i = 2; i < keylen; i++)
		if (key[i] == ' ')
			n++;
	return n;
}

size_t
ki_vergeet_vervanging(const char *s, size_t start, size_t end, char *out)
{
	size_t		chars = 0;

	for (size_t i = start; i < end && chars < KI_VERGETEN_LEN; i++)
		if (((unsigned char) s[i] & 0xC0) != 0x80)
			chars++;
	if (chars >= KI_VERGETEN_LEN)
	{
		memcpy(out, KI_VERGETEN, KI_VERGETEN_LEN);
		return KI_VERGETEN_LEN;
	}
	memset(out, '*', chars);
	return chars;
}

/* ---- the set ---- */

void
ki_vset_info_voeg_toe(ki_vset_info *info, const char *key, size_t keylen)
{
	info->soorten |= ki_vsoort_bit(key[0]);
	if (key[0] == KI_VK_TELEFOON)
		info->tel_cijfers |= ki_vergeet_tel_cijfers(key, keylen);
	else if (key[0] == KI_VK_IBAN && keylen - 2 >= 3 && keylen - 2 - 3 < 32)
		info->iban_lengtes |= UINT32_C(1) << (keylen - 2 - 3);
	else if (key[0] == KI_VK_WOORDEN)
	{
		int			w = ki_vergeet_woorden(key, keylen);
		unsigned char f = (unsigned char) key[2];

		if (w < KI_VWOORDEN_MAX)
			info->woorden |= UINT32_C(1) << w;
		if (keylen > info->max_woordlen)
			info->max_woordlen = (uint32_t) keylen;
		info->eerste[f >> 3] |= (unsigned char) (1 << (f & 7));
	}
}

void
ki_vset_header(unsigned char *out, uint32_t n, const ki_vset_info *info, const uint32_t *offsets)
{
	memcpy(out, KI_VSET_MAGIC, 4);
	put_u32(out + OFF_N, n);
	put_u32(out + OFF_SOORTEN, info->soorten);
	put_u32(out + OFF_TEL, info->tel_cijfers);
	put_u32(out + OFF_WOORDEN, info->woorden);
	put_u32(out + OFF_MAXLEN, info->max_woordlen);
	put_u32(out + OFF_IBAN, info->iban_lengtes);
	memcpy(out + OFF_EERSTE, info->eerste, sizeof(info->eerste));
	for (uint32_t i = 0; i <= n; i++)
		put_u32(out + KI_VSET_HEADER + 4 * i, offsets[i]);
}

bool
ki_vset_lees(const void *bytes, size_t len, ki_vset *set)
{
	const unsigned char *b = bytes;
	uint32_t	n;

	if (len < KI_VSET_HEADER || memcmp(b, KI_VSET_MAGIC, 4) != 0)
		return false;
	n = get_u32(b + OFF_N);
	if ((len - KI_VSET_HEADER) / 4 < (size_t) n + 1)
		return false;
	set->n = n;
	set->info.soorten = get_u32(b + OFF_SOORTEN);
	set->info.tel_cijfers = get_u32(b + OFF_TEL);
	set->info.woorden = get_u32(b + OFF_WOORDEN);
	set->info.max_woordlen = get_u32(b + OFF_MAXLEN);
	set->info.iban_lengtes = get_u32(b + OFF_IBAN);
	memcpy(set->info.eerste, b + OFF_EERSTE, sizeof(set->info.eerste));
	if (set->info.max_woordlen > KI_VSLEUTEL_MAX)
		set->info.max_woordlen = KI_VSLEUTEL_MAX;
	set->offsets = b + KI_VSET_HEADER;
	set->keys = set->offsets + 4 * ((size_t) n + 1);
	set->keys_len = len - KI_VSET_HEADER - 4 * ((size_t) n + 1);
	return true;
}

bool
ki_vset_sleutel(const ki_vset *set, uint32_t i, const char **key, size_t *keylen)
{
	uint32_t	a,
				b;

	if (i >= set->n)
		return false;
	a = get_u32(set->offsets + 4 * (size_t) i);
	b = get_u32(set->offsets + 4 * ((size_t) i + 1));
	if (a > b || b > set->keys_len)
		return false;
	*key = (const char *) set->keys + a;
	*keylen = b - a;
	return true;
}

bool
ki_vset_bevat(const ki_vset *set, const char *key, size_t keylen, uint64_t *st)
{
	uint32_t	lo = 0,
				hi = set->n;

	while (lo < hi)
	{
		uint32_t	mid = lo + (hi - lo) / 2;
		const char *k;
		size_t		kl;
		int			cmp;

		(*st)++;
		if (!ki_vset_sleutel(set, mid, &k, &kl))
			return false;
		cmp = memcmp(k, key, kl < keylen ? kl : keylen);
		if (cmp == 0)
			cmp = (kl > keylen) - (kl < keylen);
		if (cmp == 0)
			return true;
		if (cmp < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

static inline bool
heeft(const ki_vset *set, char kind)
{
	return (set->info.soorten & ki_vsoort_bit(kind)) != 0;
}

/* ---- the candidates at a position: each returns the end of the longest match, or 0 ---- */

/* A uuid's text at s[i]. */
static bool
uuid_at(const char *s, size_t len, size_t i, uint64_t *st)
{
	if (len - i < 36)
		return false;
	*st += 4;
	if (s[i + 8] != '-' || s[i + 13] != '-' || s[i + 18] != '-' || s[i + 23] != '-')
		return false;
	for (size_t k = 0; k < 36; k++)
	{
		(*st)++;
		if (k != 8 && k != 13 && k != 18 && k != 23 && !is_hex(s[i + k]))
			return false;
	}
	return true;
}

static size_t
uuid_match(const ki_vset *set, const char *s, size_t i, uint64_t *st)
{
	char		key[2 + 36];

	if (!heeft(set, KI_VK_WOORDEN) || !(set->info.woorden & (UINT32_C(1) << 5)))
		return 0;
	key[0] = KI_VK_WOORDEN;
	key[1] = ':';
	for (size_t k = 0; k < 36; k++)
		key[2 + k] = s[i + k] == '-' ? ' ' : ki_tolower(s[i + k]);
	return ki_vset_bevat(set, key, sizeof(key), st) ? i + 36 : 0;
}

/* Whether the text span [a, b) parses as a value of the kind whose key is in the set. */
static bool
probe_span(const ki_vset *set, char kind, const char *s, size_t a, size_t b, uint64_t *st)
{
	char		buf[SPAN_MAX + 1];
	char		key[KI_VSLEUTEL_MAX + 1];
	size_t		keylen;

	if (b - a > SPAN_MAX)
		return false;
	memcpy(buf, s + a, b - a);
	buf[b - a] = '\0';
	*st += b - a;
	keylen = ki_vergeet_sleutel(kind == KI_VK_BSN ? "bsn" : kind == KI_VK_RSIN ? "rsin" :
								kind == KI_VK_KVK ? "kvk_nummer" : kind == KI_VK_VESTIGING ? "vestigingsnummer" :
								kind == KI_VK_TELEFOON ? "telefoonnummer" : "iban", buf, key);
	return keylen > 0 && key[0] == kind && ki_vset_bevat(set, key, keylen, st);
}

/*
 * Digit groups from s[i] (a digit, or "+" or "(" and a digit): every run of
 * whole groups from the first with at most 15 digits, longest first.  Before
 * a parser is called, what must hold for its type is checked on the digits
 * (the elfproef of a BSN or RSIN, the + or 0 that starts a phone number), so
 * that a long run of groups costs little.
 */
static size_t
digits_match(const ki_vset *set, const char *s, size_t len, size_t i, uint64_t *st)
{
	size_t		ends[16];
	int			counts[16];
	char		d[KI_TEL_MAX_DIGITS];
	int			ng = 0;
	int			total = 0;
	bool		plus = s[i] == '+';
	size_t		q = (s[i] == '+' || s[i] == '(') ? i + 1 : i;

	while (ng < 16)
	{
		size_t		g = q;
		size_t		r;
		int			gap = 0;

		while (q < len && ki_isdigit(s[q]))
		{
			(*st)++;
			q++;
		}
		if (total + (int) (q - g) > KI_TEL_MAX_DIGITS)
			break;
		memcpy(d + total, s + g, q - g);
		total += (int) (q - g);
		ends[ng] = q;
		counts[ng] = total;
		ng++;
		r = q;
		while (r < len && gap < 3 && is_gap(s[r]))
		{
			(*st)++;
			r++;
			gap++;
		}
		if (gap == 0 || r >= len || !ki_isdigit(s[r]))
			break;
		q = r;
	}
	for (int g = ng - 1; g >= 0; g--)
	{
		int			n = counts[g];
		bool		elfproef = false;

		if (n == 8 || n == 9)
		{
			int32_t		v = 0;

			for (int k = 0; k < n; k++)
				v = v * 10 + (d[k] - '0');
			*st += n;
			elfproef = v != 0 && ki_elfproef_remainder(v) == 0;
		}
		if (elfproef && heeft(set, KI_VK_BSN) && probe_span(set, KI_VK_BSN, s, i, ends[g], st))
			return ends[g];
		if (elfproef && n == 9 && heeft(set, KI_VK_RSIN) && probe_span(set, KI_VK_RSIN, s, i, ends[g], st))
			return ends[g];
		if (n == 8 && heeft(set, KI_VK_KVK) && probe_span(set, KI_VK_KVK, s, i, ends[g], st))
			return ends[g];
		if (n == 12 && heeft(set, KI_VK_VESTIGING) && probe_span(set, KI_VK_VESTIGING, s, i, ends[g], st))
			return ends[g];
		if ((plus || d[0] == '0') && heeft(set, KI_VK_TELEFOON) && (set->info.tel_cijfers & (UINT32_C(1) << n))
			&& probe_span(set, KI_VK_TELEFOON, s, i, ends[g], st))
			return ends[g];
	}
	return 0;
}

/*
 * An IBAN from s[i] (a word start: two letters, two digits): letters and
 * digits with single spaces or hyphens between them, tried at each group
 * boundary whose length an IBAN of the set has, longest first.
 */
static size_t
iban_match(const ki_vset *set, const char *s, size_t len, size_t i, uint64_t *st)
{
	size_t		ends[KI_IBAN_MAXLEN + 1];
	int			counts[KI_IBAN_MAXLEN + 1];
	int			nb = 0;
	int			n = 0;
	size_t		q = i;

	if (len - i < 4 || !ki_isalpha(s[i]) || !ki_isalpha(s[i + 1]) || !ki_isdigit(s[i + 2]) || !ki_isdigit(s[i + 3]))
		return 0;
	while (q < len && n <= KI_IBAN_MAXLEN)
	{
		(*st)++;
		if (is_alnum(s[q]))
		{
			n++;
			q++;
			if (q == len || !is_alnum(s[q]))
			{
				if (n <= KI_IBAN_MAXLEN && !(q < len && is_word((unsigned char) s[q])))
				{
					ends[nb] = q;
					counts[nb] = n;
					nb++;
				}
				if (q + 1 < len && (s[q] == ' ' || s[q] == '-') && is_alnum(s[q + 1]))
					q++;
				else
					break;
			}
		}
		else
			break;
	}
	for (int b = nb - 1; b >= 0; b--)
	{
		int			l = counts[b];

		if (l >= 3 && l - 3 < 32 && (set->info.iban_lengtes & (UINT32_C(1) << (l - 3)))
			&& probe_span(set, KI_VK_IBAN, s, i, ends[b], st))
			return ends[b];
	}
	return 0;
}

/* An e-mail address whose local part starts at s[i]. */
static size_t
email_match(const ki_vset *set, const char *s, size_t len, size_t i, uint64_t *st)
{
	char		buf[KI_EMAILADRES_MAX_LEN + 2];
	char		key[KI_VSLEUTEL_MAX + 1];
	size_t		at = i;
	size_t		e;
	size_t		keylen;

	while (at < len && at - i <= KI_EMAILADRES_LOCAL_MAX && is_local((unsigned char) s[at]))
	{
		(*st)++;
		at++;
	}
	if (at == i || at - i > KI_EMAILADRES_LOCAL_MAX || at >= len || s[at] != '@')
		return 0;
	e = at + 1;
	while (e < len && e - at <= KI_EMAILADRES_DOMAIN_MAX && is_domain((unsigned char) s[e]))
	{
		(*st)++;
		e++;
	}
	while (e > at + 1 && (s[e - 1] == '.' || s[e - 1] == '-'))
		e--;
	if (e == at + 1 || e - i > KI_EMAILADRES_MAX_LEN)
		return 0;
	memcpy(buf, s + i, e - i);
	buf[e - i] = '\0';
	keylen = ki_vergeet_sleutel("email", buf, key);
	return keylen > 0 && key[0] == KI_VK_EMAIL && ki_vset_bevat(set, key, keylen, st) ? e : 0;
}

/*
 * Words from s[i] (a word start): one and up to 15 following words, each
 * after at most 3 other characters; the longest that is a key.
 */
static size_t
words_match(const ki_vset *set, const char *s, size_t len, size_t i, uint64_t *st)
{
	char		key[KI_VSLEUTEL_MAX + 1];
	size_t		k = 2;
	size_t		p = i;
	size_t		best = 0;
	unsigned char f = (unsigned char) ki_tolower(s[i]);

	if (!(set->info.eerste[f >> 3] & (1 << (f & 7))))
		return 0;
	key[0] = KI_VK_WOORDEN;
	key[1] = ':';
	for (int w = 1; w < KI_VWOORDEN_MAX; w++)
	{
		size_t		r;
		int			gap = 0;

		if (w > 1)
			key[k++] = ' ';
		while (p < len && is_word((unsigned char) s[p]))
		{
			(*st)++;
			if (k >= set->info.max_woordlen)
				return best;
			key[k++] = ki_tolower(s[p]);
			p++;
		}
		if ((set->info.woorden & (UINT32_C(1) << w)) && ki_vset_bevat(set, key, k, st))
			best = p;
		r = p;
		while (r < len && gap < 3 && !is_word((unsigned char) s[r]))
		{
			(*st)++;
			r++;
			gap++;
		}
		if (r >= len || !is_word((unsigned char) s[r]) || k + 1 >= set->info.max_woordlen)
			break;
		p = r;
	}
	return best;
}

bool
ki_vergeet_volgende(const ki_vset *set, const char *s, size_t len, size_t pos,
					size_t *start, size_t *end, uint64_t *stappen)
{
	uint64_t	st = 0;
	bool		cijfers = (set->info.soorten & (ki_vsoort_bit(KI_VK_BSN) | ki_vsoort_bit(KI_VK_RSIN)
											| ki_vsoort_bit(KI_VK_KVK) | ki_vsoort_bit(KI_VK_VESTIGING)
											| ki_vsoort_bit(KI_VK_TELEFOON))) != 0;
	bool		emails = heeft(set, KI_VK_EMAIL);
	size_t		i = pos;
	/* The next "@" at or after i (len: none), found again only when passed. */
	size_t		at = pos;
	bool		found = false;

	klassen_vullen();
	while (i < len)
	{
		unsigned char c = (unsigned char) s[i];
		bool		na_woord;
		bool		woordbegin;
		size_t		best = 0;
		size_t		e;

		st++;
		/*
		 * Most bytes start nothing: inside a word only a digit group can
		 * start, outside words only an e-mail address or a "+" number.
		 */
		if (!is_word(c) && c != '+' && c != '(' && !(emails && is_local(c)))
		{
			i++;
			continue;
		}
		na_woord = i > 0 && is_word((unsigned char) s[i - 1]);
		if (na_woord && !(ki_isdigit((char) c) && !ki_isdigit(s[i - 1])))
		{
			i++;
			continue;
		}
		woordbegin = is_word(c) && !na_woord;
		if (woordbegin && is_hex((char) c) && uuid_at(s, len, i, &st))
		{
			best = uuid_match(set, s, i, &st);
			if (best == 0)
			{
				i += 36;
				continue;
			}
		}
		else
		{
			if (emails && at < i)
			{
				const char *a = memchr(s + i, '@', len - i);

				at = a ? (size_t) (a - s) : len;
			}
			if (emails && at < len && at - i <= KI_EMAILADRES_LOCAL_MAX
				&& (i == 0 || !is_local((unsigned char) s[i - 1]))
				&& (e = email_match(set, s, len, i, &st)) > best)
				best = e;
			if (cijfers && (i == 0 || !ki_isdigit(s[i - 1]))
				&& (ki_isdigit((char) c) || ((c == '+' || c == '(') && i + 1 < len && ki_isdigit(s[i + 1])))
				&& (e = digits_match(set, s, len, i, &st)) > best)
				best = e;
			if (woordbegin && heeft(set, KI_VK_IBAN) && ki_isalpha((char) c)
				&& (e = iban_match(set, s, len, i, &st)) > best)
				best = e;
			if (woordbegin && heeft(set, KI_VK_WOORDEN) && (e = words_match(set, s, len, i, &st)) > best)
				best = e;
		}
		if (best > 0)
		{
			*start = i;
			*end = best;
			found = true;
			break;
		}
		i++;
	}
	if (stappen)
		*stappen += st;
	return found;
}
