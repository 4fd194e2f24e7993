/*
 * bank_core.c
 *		IBAN and BIC: parsing, checks, formatting.
 *
 * Rules: ISO 13616 (IBAN, the SWIFT IBAN registry) and ISO 9362 (BIC); docs/types.md.
 */
#include "bank_core.h"

#include <stdlib.h>
#include <string.h>

#include "iso3166_core.h"

/*
 * The SWIFT IBAN registry: IBAN length and BBAN structure per country.
 *
 * Source: python-stdnum's stdnum/iban.dat (arthurdejong/python-stdnum,
 * commit d848b6e), generated from the SWIFT IBAN Registry TXT; validation-
 * rules.md section 8.1 identifies it as registry release 101, 89 countries.
 * Structure notation: n digits, a upper-case letters, c letters or digits;
 * "!" marks a fixed length (every entry is fixed).
 *
 * To update from a newer registry release: take, per country, the "IBAN
 * structure" minus its leading country code and "2!n" (that is the BBAN
 * structure) and the "IBAN length"; keep the rows sorted by code (lookup is a
 * binary search).  sql/iban.sql checks every row: length = 4 + the sum of
 * the structure, codes sorted, and a generated IBAN per country accepted.
 */
static const ki_iban_country iban_registry[] = {
	{"AD", 24, "4!n4!n12!c"},		/* Andorra */
	{"AE", 23, "3!n16!n"},		/* United Arab Emirates (The) */
	{"AL", 28, "8!n16!c"},		/* Albania */
	{"AT", 20, "5!n11!n"},		/* Austria */
	{"AZ", 28, "4!a20!c"},		/* Azerbaijan */
	{"BA", 20, "3!n3!n8!n2!n"},		/* Bosnia and Herzegovina */
	{"BE", 16, "3!n7!n2!n"},		/* Belgium */
	{"BG", 22, "4!a4!n2!n8!c"},		/* Bulgaria */
	{"BH", 22, "4!a14!c"},		/* Bahrain */
	{"BI", 27, "5!n5!n11!n2!n"},		/* Burundi */
	{"BR", 29, "8!n5!n10!n1!a1!c"},		/* Brazil */
	{"BY", 28, "4!c4!n16!c"},		/* Republic of Belarus */
	{"CH", 21, "5!n12!c"},		/* Switzerland */
	{"CR", 22, "4!n14!n"},		/* Costa Rica */
	{"CY", 28, "3!n5!n16!c"},		/* Cyprus */
	{"CZ", 24, "4!n6!n10!n"},		/* Czechia */
	{"DE", 22, "8!n10!n"},		/* Germany */
	{"DJ", 27, "5!n5!n11!n2!n"},		/* Djibouti */
	{"DK", 18, "4!n9!n1!n"},		/* Denmark */
	{"DO", 28, "4!c20!n"},		/* Dominican Republic */
	{"EE", 20, "2!n14!n"},		/* Estonia */
	{"EG", 29, "4!n4!n17!n"},		/* Egypt */
	{"ES", 24, "4!n4!n1!n1!n10!n"},		/* Spain */
	{"FI", 18, "3!n11!n"},		/* Finland */
	{"FK", 18, "2!a12!n"},		/* Falkland Islands */
	{"FO", 18, "4!n9!n1!n"},		/* Faroe Islands */
	{"FR", 27, "5!n5!n11!c2!n"},		/* France */
	{"GB", 22, "4!a6!n8!n"},		/* United Kingdom */
	{"GE", 22, "2!a16!n"},		/* Georgia */
	{"GI", 23, "4!a15!c"},		/* Gibraltar */
	{"GL", 18, "4!n9!n1!n"},		/* Greenland */
	{"GR", 27, "3!n4!n16!c"},		/* Greece */
	{"GT", 28, "4!c20!c"},		/* Guatemala */
	{"HN", 28, "4!a20!n"},		/* Honduras */
	{"HR", 21, "7!n10!n"},		/* Croatia */
	{"HU", 28, "3!n4!n1!n15!n1!n"},		/* Hungary */
	{"IE", 22, "4!a6!n8!n"},		/* Ireland */
	{"IL", 23, "3!n3!n13!n"},		/* Israel */
	{"IQ", 23, "4!a3!n12!n"},		/* Iraq */
	{"IS", 26, "4!n2!n6!n10!n"},		/* Iceland */
	{"IT", 27, "1!a5!n5!n12!c"},		/* Italy */
	{"JO", 30, "4!a4!n18!c"},		/* Jordan */
	{"KW", 30, "4!a22!c"},		/* Kuwait */
	{"KZ", 20, "3!n13!c"},		/* Kazakhstan */
	{"LB", 28, "4!n20!c"},		/* Lebanon */
	{"LC", 32, "4!a24!c"},		/* Saint Lucia */
	{"LI", 21, "5!n12!c"},		/* Liechtenstein */
	{"LT", 20, "5!n11!n"},		/* Lithuania */
	{"LU", 20, "3!n13!c"},		/* Luxembourg */
	{"LV", 21, "4!a13!c"},		/* Latvia */
	{"LY", 25, "3!n3!n15!n"},		/* Libya */
	{"MC", 27, "5!n5!n11!c2!n"},		/* Monaco */
	{"MD", 24, "2!c18!c"},		/* Moldova */
	{"ME", 22, "3!n13!n2!n"},		/* Montenegro */
	{"MK", 19, "3!n10!c2!n"},		/* Macedonia */
	{"MN", 20, "4!n12!n"},		/* Mongolia */
	{"MR", 27, "5!n5!n11!n2!n"},		/* Mauritania */
	{"MT", 31, "4!a5!n18!c"},		/* Malta */
	{"MU", 30, "4!a2!n2!n12!n3!n3!a"},		/* Mauritius */
	{"NI", 28, "4!a20!n"},		/* Nicaragua */
	{"NL", 18, "4!a10!n"},		/* Netherlands (The) */
	{"NO", 15, "4!n6!n1!n"},		/* Norway */
	{"OM", 23, "3!n16!c"},		/* Oman */
	{"PK", 24, "4!a16!c"},		/* Pakistan */
	{"PL", 28, "8!n16!n"},		/* Poland */
	{"PS", 29, "4!a21!c"},		/* Palestine, State of */
	{"PT", 25, "4!n4!n11!n2!n"},		/* Portugal */
	{"QA", 29, "4!a21!c"},		/* Qatar */
	{"RO", 24, "4!a16!c"},		/* Romania */
	{"RS", 22, "3!n13!n2!n"},		/* Serbia */
	{"RU", 33, "9!n5!n15!c"},		/* Russia */
	{"SA", 24, "2!n18!c"},		/* Saudi Arabia */
	{"SC", 31, "4!a2!n2!n16!n3!a"},		/* Seychelles */
	{"SD", 18, "2!n12!n"},		/* Sudan */
	{"SE", 24, "3!n16!n1!n"},		/* Sweden */
	{"SI", 19, "5!n8!n2!n"},		/* Slovenia */
	{"SK", 24, "4!n6!n10!n"},		/* Slovakia */
	{"SM", 27, "1!a5!n5!n12!c"},		/* San Marino */
	{"SO", 23, "4!n3!n12!n"},		/* Somalia */
	{"ST", 25, "8!n11!n2!n"},		/* Sao Tome and Principe */
	{"SV", 28, "4!a20!n"},		/* El Salvador */
	{"TL", 23, "3!n14!n2!n"},		/* Timor-Leste */
	{"TN", 24, "2!n3!n13!n2!n"},		/* Tunisia */
	{"TR", 26, "5!n1!n16!c"},		/* Turkey */
	{"UA", 29, "6!n19!c"},		/* Ukraine */
	{"VA", 22, "3!n15!n"},		/* Vatican City State */
	{"VG", 24, "4!a16!n"},		/* Virgin Islands */
	{"XK", 20, "4!n10!n2!n"},		/* Kosovo */
	{"YE", 30, "4!a4!n18!c"},		/* Yemen */
};

#define IBAN_COUNTRIES ((int) (sizeof(iban_registry) / sizeof(iban_registry[0])))

const ki_iban_country *
ki_iban_registry(int *count)
{
	*count = IBAN_COUNTRIES;
	return iban_registry;
}

static int
country_cmp(const void *key, const void *entry)
{
	return strncmp((const char *) key, ((const ki_iban_country *) entry)->code, 2);
}

static const ki_iban_country *
iban_country(const char *code)
{
	return bsearch(code, iban_registry, IBAN_COUNTRIES, sizeof(iban_registry[0]), country_cmp);
}

static bool
is_alnum_upper(char c)
{
	return ki_isdigit(c) || ki_isupper(c);
}

/*
 * Text input of both types: trim, drop the separators space and hyphen
 * (only between letters and digits, not at either end), upper-case the rest into buf (at most bufsize characters stored, NUL-
 * terminated) and count them all in *n, so that a too-long value still
 * reports its length.  Fails on any other character.
 */
static bool
collect_alnum(const char *s, const char *what, char *buf, int bufsize, int *n,
			  ki_reason *why)
{
	const char *p;
	size_t		len;
	int			count = 0;
	char		leading = '\0';	/* a hyphen before the first letter or digit */
	char		trailing = '\0';	/* a hyphen after the last one */
	char		cbuf[16];

	if (!ki_trim(s, &p, &len, why))
		return false;
	if (len == 0)
		return ki_fail(why, "%s is empty.", what);
	for (const char *end = p + len; p < end; p++)
	{
		char		c = ki_toupper(*p);

		if (is_alnum_upper(c))
		{
			if (count < bufsize)
				buf[count] = c;
			count++;
			trailing = '\0';
		}
		else if (*p != ' ' && *p != '-')
			return ki_fail(why, "%s contains %s; only letters, digits and the separators space and hyphen are allowed.",
						   what, ki_char_desc(*p, cbuf, sizeof(cbuf)));
		else if (count == 0)
		{
			/* blanks are trimmed, so this is a hyphen */
			if (leading == '\0')
				leading = *p;
		}
		else if (*p == '-' && trailing == '\0')
			trailing = *p;
	}
	if (count == 0)
		return ki_fail(why, "%s has no letters or digits.", what);
	if (leading != '\0')
		return ki_fail(why, "%s starts with the separator %s; separators are allowed only between letters and digits.",
					   what, ki_char_desc(leading, cbuf, sizeof(cbuf)));
	if (trailing != '\0')
		return ki_fail(why, "%s ends with the separator %s; separators are allowed only between letters and digits.",
					   what, ki_char_desc(trailing, cbuf, sizeof(cbuf)));
	buf[count < bufsize ? count : bufsize] = '\0';
	*n = count;
	return true;
}

/* ISO 7064 MOD 97-10 over the IBAN with its first four characters moved to the end. */
static int
iban_mod97(const char *s, int len)
{
	int			r = 0;

	for (int i = 0; i < len; i++)
	{
		char		c = s[(i + 4) % len];

		if (ki_isdigit(c))
			r = (r * 10 + (c - '0')) % 97;
		else
			r = (r * 100 + (c - 'A' + 10)) % 97;
	}
	return r;
}

static bool
bban_matches(const ki_iban_country *c, const char *bban, ki_reason *why)
{
	const char *p = c->bban;
	int			pos = 0;

	/*
	 * The caller checked the length against the table, whose lengths match
	 * the structures (tested); the NUL after the BBAN would fail any class.
	 */
	while (*p)
	{
		int			count = 0;
		char		cls;

		while (ki_isdigit(*p))
			count = count * 10 + (*p++ - '0');
		if (*p == '!')
			p++;
		cls = *p++;
		for (int i = 0; i < count; i++, pos++)
		{
			char		ch = bban[pos];
			bool		ok;
			const char *want;

			switch (cls)
			{
				case 'n':
					ok = ki_isdigit(ch);
					want = "a digit";
					break;
				case 'a':
					ok = ki_isupper(ch);
					want = "a letter";
					break;
				default:
					ok = is_alnum_upper(ch);
					want = "a letter or digit";
					break;
			}
			if (!ok)
				return ki_fail(why, "BBAN does not match the structure %s for %s: character %d (\"%c\") must be %s.",
							   c->bban, c->code, pos + 1, ch, want);
		}
	}
	return true;
}

/*
 * The rules on upper-case letters and digits: s holds min(n, KI_IBAN_MAXLEN)
 * characters, NUL-terminated, n is the full count.  Each step reads only
 * what the steps before it guarantee to be there.
 */
static bool
iban_validate(const char *s, int n, ki_reason *why)
{
	const ki_iban_country *c;
	int			check;
	int			r;

	if (n < 2 || !ki_isupper(s[0]) || !ki_isupper(s[1]))
		return ki_fail(why, "IBAN must start with a two-letter country code, not \"%.2s\".", s);
	c = iban_country(s);
	if (c == NULL)
		return ki_fail(why, "Country code %.2s does not use IBAN.", s);
	if (n >= 4 && !(ki_isdigit(s[2]) && ki_isdigit(s[3])))
		return ki_fail(why, "IBAN check digits (characters 3 and 4) must be digits, not \"%.2s\".", s + 2);
	if (n != c->length)
		return ki_fail(why, "IBAN for %s has %d characters, expected %d.", c->code, n, c->length);
	if (!bban_matches(c, s + 4, why))
		return false;
	check = (s[2] - '0') * 10 + (s[3] - '0');
	if (check < 2 || check > 98)
	{
		ki_fail(why, "IBAN check digits %.2s lie outside 02..98.", s + 2);
		ki_hint(why, "Computed check digits are 98 minus a remainder modulo 97, so 00, 01 and 99 never occur; they pass mod-97 only as stand-ins for 97, 98 and 02.");
		return false;
	}
	r = iban_mod97(s, n);
	if (r != 1)
	{
		ki_fail(why, "IBAN fails the mod-97 check: the remainder is %d, expected 1.", r);
		ki_hint(why, "Check the IBAN for a typing error.");
		return false;
	}
	return true;
}

bool
ki_iban_parse(const char *s, ki_iban *out, ki_reason *why)
{
	int			n;

	if (!collect_alnum(s, "IBAN", out->s, KI_IBAN_MAXLEN, &n, why))
		return false;
	if (!iban_validate(out->s, n, why))
		return false;
	out->len = n;
	return true;
}

bool
ki_iban_check(const char *s, size_t len, ki_iban *out, ki_reason *why)
{
	char		cbuf[16];

	if (len == 0)
		return ki_fail(why, "IBAN is empty.");
	if (len > KI_IBAN_MAXLEN)
		return ki_fail(why, "IBAN has %zu characters, at most %d are allowed.", len, KI_IBAN_MAXLEN);
	for (size_t i = 0; i < len; i++)
		if (!is_alnum_upper(s[i]))
			return ki_fail(why, "IBAN contains %s; the canonical form has only digits and upper-case letters.",
						   ki_char_desc(s[i], cbuf, sizeof(cbuf)));
	memcpy(out->s, s, len);
	out->s[len] = '\0';
	if (!iban_validate(out->s, (int) len, why))
		return false;
	out->len = (int) len;
	return true;
}

void
ki_iban_format(const char *iban, int len, char *buf)
{
	char	   *p = buf;

	for (int i = 0; i < len; i++)
	{
		if (i > 0 && i % 4 == 0)
			*p++ = ' ';
		*p++ = iban[i];
	}
	*p = '\0';
}

/*
 * Only NL for now: its bank code is BBAN positions 1-4 (4!a).  Public copies
 * of the registry's "bank identifier position" column disagree for several
 * other countries, so those stay unknown until checked against the registry.
 */
bool
ki_iban_bankcode(const char *iban, int ibanlen, int *start, int *len)
{
	if (ibanlen >= 8 && iban[0] == 'N' && iban[1] == 'L')
	{
		*start = 4;
		*len = 4;
		return true;
	}
	return false;
}

/*
 * BIC storage: the 11 character positions as base-37 digits, most
 * significant first, with 0 for "no character" (the absent branch code of a
 * BIC8), 1-10 for '0'-'9' and 11-36 for 'A'-'Z'.  That digit order follows
 * the byte order of the canonical text (a BIC8 sorts before every BIC11 that
 * extends it, as a prefix does), so the integer order is the text order under
 * COLLATE "C" and int8 comparison and hashing serve the type.  37^11 - 1
 * < 2^63, so every value is a non-negative int64.
 */
#define BIC_BASE		37
#define BIC_LIMIT		INT64_C(177917621779460413)		/* 37^11 */

static int
bic_digit(char c)
{
	return ki_isdigit(c) ? c - '0' + 1 : c - 'A' + 11;
}

static char
bic_char(int d)
{
	return d <= 10 ? (char) ('0' + d - 1) : (char) ('A' + d - 11);
}

/* The rules on a collected BIC of n characters (buf holds min(n, 11)). */
static bool
bic_validate(const char *buf, int n, ki_reason *why)
{
	if (n != KI_BIC_LEN8 && n != KI_BIC_LEN11)
		return ki_fail(why, "BIC has %d characters, expected 8 or 11.", n);
	for (int i = 0; i < 6; i++)
		if (!ki_isupper(buf[i]))
			return ki_fail(why, "BIC character %d (\"%c\") must be a letter: %s.", i + 1, buf[i],
						   i < 4 ? "the bank code (characters 1-4) consists of letters"
						   : "the country code (characters 5-6) consists of letters");
	/* SWIFT uses XK for Kosovo, which ISO 3166-1 has not assigned. */
	if (!ki_iso3166_alpha2_known(buf + 4) && !(buf[4] == 'X' && buf[5] == 'K'))
		return ki_fail(why, "BIC country code %.2s is not an ISO 3166-1 country code.", buf + 4);
	return true;
}

bool
ki_bic_parse(const char *s, int64_t *out, ki_reason *why)
{
	char		buf[KI_BIC_LEN11 + 1];
	int			n;
	int64_t		v = 0;

	if (!collect_alnum(s, "BIC", buf, KI_BIC_LEN11, &n, why))
		return false;
	if (!bic_validate(buf, n, why))
		return false;
	for (int i = 0; i < KI_BIC_LEN11; i++)
		v = v * BIC_BASE + (i < n ? bic_digit(buf[i]) : 0);
	*out = v;
	return true;
}

int
ki_bic_format(int64_t v, char *buf)
{
	int			d[KI_BIC_LEN11];
	int			n;

	if (v < 0 || v >= BIC_LIMIT)
		return -1;
	for (int i = KI_BIC_LEN11 - 1; i >= 0; i--, v /= BIC_BASE)
		d[i] = (int) (v % BIC_BASE);
	n = d[KI_BIC_LEN8] == 0 ? KI_BIC_LEN8 : KI_BIC_LEN11;
	for (int i = 0; i < KI_BIC_LEN11; i++)
	{
		if ((d[i] == 0) != (i >= n))
			return -1;
		if (i < n)
			buf[i] = bic_char(d[i]);
	}
	buf[n] = '\0';
	return n;
}

bool
ki_bic_check(int64_t v, ki_reason *why)
{
	char		buf[KI_BIC_LEN11 + 1];
	int			n = ki_bic_format(v, buf);

	if (n < 0)
		return ki_fail(why, "The value %lld does not encode 8 or 11 BIC characters.", (long long) v);
	return bic_validate(buf, n, why);
}

/* The branch code is the three least significant digits. */
int64_t
ki_bic8(int64_t v)
{
	const int64_t branch = BIC_BASE * BIC_BASE * BIC_BASE;

	return v / branch * branch;
}
