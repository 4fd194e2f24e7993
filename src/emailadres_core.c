/*
 * emailadres_core.c
 *		E-mail addresses: parsing, canonical form and comparison key.
 *
 * Rules (docs/types.md; Django's EmailValidator, which Open Klant uses): blanks
 * around the value are trimmed, none inside; split at the last "@"; the local
 * part is an RFC 5322 dot-atom over ASCII atext of 1-64 octets (no quoted
 * strings, no SMTPUTF8); the domain is converted to lower-case ASCII, Unicode
 * labels to A-labels with libidn2, and must then have at least two labels of
 * 1-63 letters, digits and hyphens, no hyphen at either end, no "--" in
 * positions 3-4 unless an A-label, a top-level label of letters or an A-label,
 * at most 253 octets in all.  The whole address has at most 254 octets.
 */
#include "emailadres_core.h"

#include <idn2.h>
#include <string.h>

/*
 * IDNA2008 with the UTS #46 non-transitional mapping on NFC input: "ß" and
 * the joiners stay themselves (as registries and browsers now do) instead of
 * becoming "ss" or nothing.  Not IDN2_USE_STD3_ASCII_RULES: libidn2 2.3.3
 * then silently drops the ASCII characters it disallows ("a_b" becomes "ab")
 * rather than failing; the label checks below reject those characters.
 */
#define KI_IDN2_FLAGS	(IDN2_NONTRANSITIONAL | IDN2_NFC_INPUT)

/* Longest quotation of user text in a message, so that none is cut short. */
#define EXCERPT_MAX		64

static bool
is_atext(char c)
{
	return ki_islower(c) || ki_isupper(c) || ki_isdigit(c) ||
		(c != '\0' && strchr("!#$%&'*+-/=?^_`{|}~", c) != NULL);
}

static bool
is_ldh(char c)
{
	return ki_islower(c) || ki_isupper(c) || ki_isdigit(c) || c == '-';
}

/* ki_char_desc, but naming the double quote, which quoted would read """. */
static const char *
char_desc(char c, char *buf, size_t buflen)
{
	return c == '"' ? "a double quote" : ki_char_desc(c, buf, buflen);
}

/* Octets of the well-formed UTF-8 character at s (avail octets left), or 0. */
static size_t
utf8_seqlen(const char *s, size_t avail)
{
	const unsigned char *p = (const unsigned char *) s;
	size_t		n;
	uint32_t	cp;
	uint32_t	min;

	if (p[0] < 0x80)
		return 1;
	else if ((p[0] & 0xE0) == 0xC0)
		n = 2, cp = p[0] & 0x1F, min = 0x80;
	else if ((p[0] & 0xF0) == 0xE0)
		n = 3, cp = p[0] & 0x0F, min = 0x800;
	else if ((p[0] & 0xF8) == 0xF0)
		n = 4, cp = p[0] & 0x07, min = 0x10000;
	else
		return 0;
	if (n > avail)
		return 0;
	for (size_t i = 1; i < n; i++)
	{
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3F);
	}
	/* overlong forms, UTF-16 surrogates and beyond Unicode are not UTF-8 */
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return n;
}

/*
 * Quote user text for a message: at most EXCERPT_MAX octets, shortened at a
 * character boundary and marked "..." when longer.  buf has EXCERPT_MAX + 1.
 */
static const char *
excerpt(const char *s, size_t len, char *buf)
{
	size_t		n = len;

	if (len > EXCERPT_MAX)
	{
		n = EXCERPT_MAX - 3;
		while (n > 0 && ((unsigned char) s[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(buf, s, n);
	if (n < len)
		memcpy(buf + n, "...", 4);
	else
		buf[n] = '\0';
	return buf;
}

/* The local part: 1-64 octets of dot-atom. */
static bool
check_local(const char *s, size_t len, ki_reason *why)
{
	char		cbuf[16];

	if (len == 0)
		return ki_fail(why, "The local part (before the \"@\") is empty.");
	if (s[0] == '"')
	{
		ki_fail(why, "The local part is a quoted string; quoted local parts are not supported.");
		ki_hint(why, "Few mail systems handle them; use an address without quotes.");
		return false;
	}
	for (size_t i = 0; i < len; i++)
	{
		unsigned char uc = (unsigned char) s[i];

		if (s[i] == '.')
		{
			if (i == 0)
				return ki_fail(why, "The local part starts with a dot.");
			if (i == len - 1)
				return ki_fail(why, "The local part ends with a dot.");
			if (s[i - 1] == '.')
				return ki_fail(why, "The local part contains two consecutive dots.");
		}
		else if (s[i] == '@')
			return ki_fail(why, "The address contains more than one \"@\".");
		else if (uc >= 0x80)
		{
			size_t		n = utf8_seqlen(s + i, len - i);

			if (n == 0)
				return ki_fail(why, "The local part contains byte 0x%02X, which is not valid UTF-8.", uc);
			ki_fail(why, "The local part contains the non-ASCII character \"%.*s\"; internationalised local parts are not supported.",
					(int) n, s + i);
			ki_hint(why, "Such addresses need SMTPUTF8 (RFC 6531), which many mail systems lack.");
			return false;
		}
		else if (!is_atext(s[i]))
		{
			ki_fail(why, "The local part contains %s; it may contain only letters, digits, dots and ! # $ %% & ' * + - / = ? ^ _ ` { | } ~.",
					char_desc(s[i], cbuf, sizeof(cbuf)));
			return false;
		}
	}
	if (len > KI_EMAILADRES_LOCAL_MAX)
		return ki_fail(why, "The local part has %zu octets; at most %d are allowed.",
					   len, KI_EMAILADRES_LOCAL_MAX);
	return true;
}

/* An A-label must decode to a valid U-label; libidn2 checks the round trip. */
static bool
check_alabel(const char *label, size_t len, bool *oom, ki_reason *why)
{
	char		buf[KI_EMAILADRES_LABEL_MAX + 1];
	uint8_t    *res = NULL;
	int			rc;

	memcpy(buf, label, len);
	buf[len] = '\0';
	rc = idn2_lookup_u8((const uint8_t *) buf, &res, KI_IDN2_FLAGS);
	idn2_free(res);
	if (rc == IDN2_OK)
		return true;
	*oom = (rc == IDN2_MALLOC);
	return ki_fail(why, "The domain label \"%s\" is not a valid A-label: %s.", buf, idn2_strerror(rc));
}

/*
 * The rules of an all-ASCII label.  Before conversion (final false) A-labels
 * are not decoded yet; that happens on the converted domain.
 */
static bool
check_ascii_label(const char *label, size_t len, bool final, bool *oom, ki_reason *why)
{
	char		ebuf[EXCERPT_MAX + 1];

	if (len > KI_EMAILADRES_LABEL_MAX)
		return ki_fail(why, "The domain label \"%s\" has %zu octets; at most %d are allowed.",
					   excerpt(label, len, ebuf), len, KI_EMAILADRES_LABEL_MAX);
	if (label[0] == '-')
		return ki_fail(why, "The domain label \"%s\" starts with a hyphen.", excerpt(label, len, ebuf));
	if (label[len - 1] == '-')
		return ki_fail(why, "The domain label \"%s\" ends with a hyphen.", excerpt(label, len, ebuf));
	if (len >= 4 && label[2] == '-' && label[3] == '-')
	{
		/* RFC 5890 2.3.1: "??--" labels are reserved; only "xn--" is in use */
		if (ki_tolower(label[0]) != 'x' || ki_tolower(label[1]) != 'n')
			return ki_fail(why, "The domain label \"%s\" has hyphens in the third and fourth positions, which are reserved for A-labels (\"xn--\").",
						   excerpt(label, len, ebuf));
		if (final)
			return check_alabel(label, len, oom, why);
	}
	return true;
}

/*
 * Check the labels of a domain of len > 0 octets.  final: the domain is in
 * its lower-case ASCII form, and every label rule applies.  Otherwise it is
 * the Unicode input before libidn2 sees it, and only what needs no conversion
 * is checked: empty labels, ASCII characters other than letters, digits and
 * hyphens, and the rules of all-ASCII labels.  That gives messages naming the
 * label as typed; the final pass still catches what the mapping produces.
 */
static bool
check_labels(const char *d, size_t len, bool final, bool *oom, ki_reason *why)
{
	const char *end = d + len;
	const char *label = d;
	char		ebuf[EXCERPT_MAX + 1];
	char		cbuf[16];

	for (;;)
	{
		const char *dot = memchr(label, '.', (size_t) (end - label));
		const char *lend = dot ? dot : end;
		size_t		llen = (size_t) (lend - label);
		bool		ascii = true;

		if (llen == 0)
		{
			if (label == d)
				return ki_fail(why, "The domain starts with a dot.");
			if (dot == NULL)
			{
				ki_fail(why, "The domain ends with a dot.");
				ki_hint(why, "Leave out the final dot; e-mail domains are written without it.");
				return false;
			}
			return ki_fail(why, "The domain contains two consecutive dots.");
		}
		for (const char *p = label; p < lend; p++)
		{
			if ((unsigned char) *p >= 0x80)
				ascii = false;
			else if (!is_ldh(*p))
				return ki_fail(why, "The domain label \"%s\" contains %s; labels consist of letters, digits and hyphens.",
							   excerpt(label, llen, ebuf), char_desc(*p, cbuf, sizeof(cbuf)));
		}
		if (ascii && !check_ascii_label(label, llen, final, oom, why))
			return false;
		if (dot == NULL)
			return true;
		label = dot + 1;
	}
}

/*
 * The domain as typed (len octets) to lower-case ASCII in dom (room for
 * KI_EMAILADRES_INPUT_MAX + 1 octets); *converted tells whether libidn2 did it.
 */
static bool
domain_to_ascii(const char *d, size_t len, char *dom, bool *converted,
				bool *oom, ki_reason *why)
{
	char		ebuf[EXCERPT_MAX + 1];
	char		in[KI_EMAILADRES_INPUT_MAX + 1];
	uint8_t    *res = NULL;
	bool		ascii = true;
	int			rc;
	size_t		n;

	*converted = false;
	if (len == 0)
		return ki_fail(why, "The domain (after the \"@\") is empty.");
	if (d[0] == '[')
	{
		ki_fail(why, "The domain \"%s\" is an address literal; address literals are not supported.",
				excerpt(d, len, ebuf));
		ki_hint(why, "Use the domain name of the mail server instead.");
		return false;
	}
	for (size_t i = 0; i < len; i += n)
	{
		n = utf8_seqlen(d + i, len - i);
		if (n == 0)
			return ki_fail(why, "The domain contains byte 0x%02X, which is not valid UTF-8.",
						   (unsigned char) d[i]);
		if (n > 1)
			ascii = false;
	}
	if (ascii)
	{
		for (size_t i = 0; i < len; i++)
			dom[i] = ki_tolower(d[i]);
		dom[len] = '\0';
		return true;
	}

	if (!check_labels(d, len, false, oom, why))
		return false;
	memcpy(in, d, len);
	in[len] = '\0';
	rc = idn2_lookup_u8((const uint8_t *) in, &res, KI_IDN2_FLAGS);
	if (rc != IDN2_OK)
	{
		*oom = (rc == IDN2_MALLOC);
		if (rc == IDN2_TOO_BIG_DOMAIN)
			return ki_fail(why, "The domain has more than %d octets in its ASCII (A-label) form.",
						   KI_EMAILADRES_DOMAIN_MAX);
		if (rc == IDN2_TOO_BIG_LABEL || rc == IDN2_PUNYCODE_BIG_OUTPUT)
			return ki_fail(why, "A label of the domain \"%s\" has more than %d octets in its ASCII (A-label) form.",
						   excerpt(d, len, ebuf), KI_EMAILADRES_LABEL_MAX);
		ki_fail(why, "The domain \"%s\" is not a valid internationalised domain name: %s.",
				excerpt(d, len, ebuf), idn2_strerror(rc));
		ki_hint(why, "Internationalised domains are checked against IDNA2008 with the UTS #46 mapping.");
		return false;
	}
	/* libidn2 refuses results over 253 octets; the bound only guards the copy */
	n = strlen((const char *) res);
	if (n > KI_EMAILADRES_INPUT_MAX)
		n = KI_EMAILADRES_INPUT_MAX;
	memcpy(dom, res, n);
	dom[n] = '\0';
	idn2_free(res);
	*converted = true;
	return true;
}

/*
 * The rules of the lower-case ASCII domain.  (libidn2 itself rejects
 * converted domains over 253 octets, so the length rule fires only here for
 * domains typed in ASCII.)
 */
static bool
check_domain(const char *d, size_t len, bool *oom, ki_reason *why)
{
	char		ebuf[EXCERPT_MAX + 1];
	const char *tld;
	size_t		tlen;
	bool		letters = true;
	bool		digits = true;

	/* the mapping can turn Unicode input into an empty domain */
	if (len == 0)
		return ki_fail(why, "The domain is empty in its ASCII form.");
	if (!check_labels(d, len, true, oom, why))
		return false;
	if (len > KI_EMAILADRES_DOMAIN_MAX)
		return ki_fail(why, "The domain has %zu octets; at most %d are allowed.",
					   len, KI_EMAILADRES_DOMAIN_MAX);

	tld = strrchr(d, '.');
	if (tld == NULL)
		return ki_fail(why, "The domain \"%s\" has only one label; an e-mail domain has at least two, such as \"example.nl\".",
					   excerpt(d, len, ebuf));
	tld++;
	tlen = (size_t) (d + len - tld);
	if (tlen >= 4 && strncmp(tld, "xn--", 4) == 0)
		return true;
	for (size_t i = 0; i < tlen; i++)
	{
		letters &= ki_islower(tld[i]);
		digits &= ki_isdigit(tld[i]);
	}
	if (!letters || tlen < 2)
	{
		ki_fail(why, "The top-level domain \"%s\" is not valid; it must be 2 to 63 letters or an A-label (\"xn--...\").", tld);
		if (digits)
			ki_hint(why, "IP addresses are not accepted as e-mail domains.");
		return false;
	}
	return true;
}

bool
ki_emailadres_parse(const char *s, ki_emailadres *out, ki_reason *why)
{
	char		dom[KI_EMAILADRES_INPUT_MAX + 1];
	const char *p;
	const char *at = NULL;
	size_t		len;
	size_t		llen;
	size_t		dlen;
	bool		converted;

	out->oom = false;
	if (!ki_trim(s, &p, &len, why))
		return false;
	if (len == 0)
		return ki_fail(why, "The value is empty; an e-mail address has the form local-part@domain.");
	if (len > KI_EMAILADRES_INPUT_MAX)
		return ki_fail(why, "The value has %zu octets; an e-mail address has at most %d.",
					   len, KI_EMAILADRES_MAX_LEN);
	for (size_t i = 0; i < len; i++)
	{
		if (ki_isblank(p[i]))
			return ki_fail(why, "The address contains %s; e-mail addresses contain no blanks.",
						   p[i] == ' ' ? "a space" : "a tab");
		if (p[i] == '@')
			at = p + i;
	}
	if (at == NULL)
		return ki_fail(why, "The address has no \"@\"; an e-mail address has the form local-part@domain.");

	llen = (size_t) (at - p);
	if (!check_local(p, llen, why))
		return false;
	if (!domain_to_ascii(at + 1, len - llen - 1, dom, &converted, &out->oom, why))
		return false;
	dlen = strlen(dom);
	if (!check_domain(dom, dlen, &out->oom, why))
		return false;
	if (llen + 1 + dlen > KI_EMAILADRES_MAX_LEN)
		return ki_fail(why, "The address has %zu octets%s; at most %d are allowed.",
					   llen + 1 + dlen, converted ? " with its domain in ASCII (A-label) form" : "",
					   KI_EMAILADRES_MAX_LEN);

	memcpy(out->addr, p, llen);
	out->addr[llen] = '@';
	memcpy(out->addr + llen + 1, dom, dlen + 1);
	out->len = llen + 1 + dlen;
	return true;
}

size_t
ki_emailadres_at(const char *addr, size_t len)
{
	size_t		i = len;

	while (i > 0 && addr[i - 1] != '@')
		i--;
	return i > 0 ? i - 1 : 0;
}

void
ki_emailadres_fold(const char *addr, size_t len, char *out)
{
	for (size_t i = 0; i < len; i++)
		out[i] = ki_tolower(addr[i]);
}

int
ki_emailadres_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t		n = alen < blen ? alen : blen;

	for (size_t i = 0; i < n; i++)
	{
		unsigned char ca = (unsigned char) ki_tolower(a[i]);
		unsigned char cb = (unsigned char) ki_tolower(b[i]);

		if (ca != cb)
			return ca < cb ? -1 : 1;
	}
	return (alen > blen) - (alen < blen);
}

bool
ki_emailadres_domain_unicode(const char *domain, size_t len, char *buf, bool *oom)
{
	char		in[KI_EMAILADRES_DOMAIN_MAX + 1];
	char	   *res = NULL;
	size_t		n;
	int			rc;

	*oom = false;
	if (len > KI_EMAILADRES_DOMAIN_MAX)
		return false;
	memcpy(in, domain, len);
	in[len] = '\0';
	rc = idn2_to_unicode_8z8z(in, &res, 0);
	if (rc != IDN2_OK)
	{
		*oom = (rc == IDN2_MALLOC);
		return false;
	}
	n = strlen(res);
	if (n <= KI_EMAILADRES_UNICODE_MAX)
		memcpy(buf, res, n + 1);
	idn2_free(res);
	return n <= KI_EMAILADRES_UNICODE_MAX;
}
