/*
 * postcode_core.c
 *		Dutch postcode: parsing, checks and formatting.
 *
 * Rules (PostNL; python-stdnum stdnum/nl/postcode.py): four digits, the first not 0, and
 * two letters; PostNL never issues the letters SA, SD and SS.  Accepted
 * spellings: any case, blanks (or none) between digits and letters, an
 * optional prefix "NL-" or "NL " (any case).  A hyphen between digits and
 * letters is rejected, as django-localflavor does: it reads like a range.
 */
#include "postcode_core.h"

#define ASCII_LETTERS 26

bool
ki_postcode_check(int64_t v, ki_reason *why)
{
	char		l[3];

	if (v < 0 || v > KI_POSTCODE_MAX)
		return ki_fail(why, "Postcode value %lld lies outside 0..%d, the range of 1000 AA to 9999 ZZ.",
					   (long long) v, KI_POSTCODE_MAX);
	ki_postcode_letters((int32_t) v, l);
	if (l[0] == 'S' && (l[1] == 'A' || l[1] == 'D' || l[1] == 'S'))
	{
		ki_fail(why, "Postcode has letters \"%s\", which are never issued.", l);
		ki_hint(why, "PostNL does not issue the letter combinations SA, SD and SS.");
		return false;
	}
	return true;
}

bool
ki_postcode_parse(const char *s, int32_t *out, ki_reason *why)
{
	const char *p;
	const char *end;
	size_t		len;
	const char *digits;
	int			nd;
	int			nl;
	int			n;
	char		cbuf[16];

	if (!ki_trim(s, &p, &len, why))
		return false;
	end = p + len;
	if (p == end)
		return ki_fail(why, "The value is empty; a postcode is four digits and two letters, like \"1234 AB\".");

	/* Optional country prefix: "NL-" or "NL" and blanks. */
	if (end - p >= 2 && ki_toupper(p[0]) == 'N' && ki_toupper(p[1]) == 'L')
	{
		p += 2;
		if (p < end && *p == '-')
			p++;
		else if (p < end && ki_isblank(*p))
		{
			while (p < end && ki_isblank(*p))
				p++;
		}
		else if (p < end)
		{
			ki_fail(why, "Postcode has the country prefix \"NL\" directly followed by %s.",
					ki_char_desc(*p, cbuf, sizeof(cbuf)));
			ki_hint(why, "Write the prefix as \"NL-\" or \"NL \", or leave it out.");
			return false;
		}
		if (p == end)
			return ki_fail(why, "The value has the country prefix \"NL\" but no postcode after it.");
	}

	digits = p;
	while (p < end && ki_isdigit(*p))
		p++;
	nd = (int) (p - digits);
	if (nd == 0)
		return ki_fail(why, "Postcode must start with four digits, but %s comes first.",
					   ki_char_desc(*p, cbuf, sizeof(cbuf)));
	if (nd != 4)
		return ki_fail(why, "Postcode has %d digit%s, expected 4.", nd, nd == 1 ? "" : "s");
	if (digits[0] == '0')
		return ki_fail(why, "Postcode starts with 0; postcodes run from 1000 to 9999.");

	while (p < end && ki_isblank(*p))
		p++;
	if (p == end)
		return ki_fail(why, "Postcode has no letters after the digits; expected two, like \"1234 AB\".");
	if (*p == '-')
	{
		ki_fail(why, "Postcode has a hyphen between the digits and the letters; only spaces may separate them.");
		ki_hint(why, "Write \"1234 AB\" or \"1234AB\".");
		return false;
	}
	if (!ki_isalpha(*p))
		return ki_fail(why, "Postcode has %s after the digits; expected two letters, optionally after spaces.",
					   ki_char_desc(*p, cbuf, sizeof(cbuf)));

	for (nl = 0; p + nl < end && ki_isalpha(p[nl]); nl++)
		;
	if (nl > 2)
		return ki_fail(why, "Postcode has %d letters after the digits, expected 2.", nl);
	if (nl == 1)
	{
		if (p + 1 == end)
			return ki_fail(why, "Postcode has one letter after the digits, expected 2.");
		return ki_fail(why, "Postcode has %s where the second letter is expected.",
					   ki_char_desc(p[1], cbuf, sizeof(cbuf)));
	}
	if (p + 2 != end)
		return ki_fail(why, "Postcode continues after the letters with %s; it ends with two letters.",
					   ki_char_desc(p[2], cbuf, sizeof(cbuf)));

	n = (digits[0] - '0') * 1000 + (digits[1] - '0') * 100 +
		(digits[2] - '0') * 10 + (digits[3] - '0');
	n = (n - 1000) * ASCII_LETTERS * ASCII_LETTERS +
		(ki_toupper(p[0]) - 'A') * ASCII_LETTERS + (ki_toupper(p[1]) - 'A');
	if (!ki_postcode_check(n, why))
		return false;
	*out = n;
	return true;
}

void
ki_postcode_letters(int32_t v, char *buf)
{
	buf[0] = (char) ('A' + v / ASCII_LETTERS % ASCII_LETTERS);
	buf[1] = (char) ('A' + v % ASCII_LETTERS);
	buf[2] = '\0';
}

void
ki_postcode_format_compact(int32_t v, char *buf)
{
	ki_format_padded(ki_postcode_cijfers(v), 4, buf);
	ki_postcode_letters(v, buf + 4);
}

void
ki_postcode_format(int32_t v, char *buf)
{
	ki_format_padded(ki_postcode_cijfers(v), 4, buf);
	buf[4] = ' ';
	ki_postcode_letters(v, buf + 5);
}
