/*
 * ki_core.c
 *		Shared helpers of the pure C core: failure reasons, trimming and
 *		digit collection.  No PostgreSQL headers here.
 */
#include "ki_core.h"

#include <stdarg.h>
#include <stdio.h>

bool
ki_fail(ki_reason *why, const char *fmt,...)
{
	va_list		ap;

	if (why == NULL)
		return false;
	va_start(ap, fmt);
	vsnprintf(why->detail, sizeof(why->detail), fmt, ap);
	va_end(ap);
	why->hint[0] = '\0';
	return false;
}

void
ki_hint(ki_reason *why, const char *fmt,...)
{
	va_list		ap;

	if (why == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(why->hint, sizeof(why->hint), fmt, ap);
	va_end(ap);
}

void
ki_format_padded(int64_t v, int width, char *buf)
{
	buf[width] = '\0';
	for (int i = width - 1; i >= 0; i--, v /= 10)
		buf[i] = (char) ('0' + v % 10);
}

const char *
ki_char_desc(char c, char *buf, size_t buflen)
{
	unsigned char uc = (unsigned char) c;

	if (uc >= 0x21 && uc < 0x7f)
		snprintf(buf, buflen, "\"%c\"", c);
	else if (uc == ' ')
		snprintf(buf, buflen, "a space");
	else
		snprintf(buf, buflen, "byte 0x%02X", uc);
	return buf;
}

bool
ki_trim(const char *s, const char **start, size_t *len, ki_reason *why)
{
	const char *p;
	const char *end;

	for (p = s; *p; p++)
	{
		unsigned char uc = (unsigned char) *p;

		if ((uc < 0x20 && uc != '\t') || uc == 0x7f)
			return ki_fail(why, "The value contains the control character 0x%02X.", uc);
	}
	end = p;
	while (s < end && ki_isblank(*s))
		s++;
	while (end > s && ki_isblank(end[-1]))
		end--;
	*start = s;
	*len = (size_t) (end - s);
	return true;
}

/*
 * One pass over the text: this runs for every identifier a COPY loads, so it
 * does not trim first and scan again (the rules are those of ki_trim).
 * Separators may stand only between digits: one before the first digit or
 * after the last (a minus sign, "-111222333", or ".111222333") is refused.
 */
bool
ki_collect_digits(const char *s, const char *what, int maxdigits,
				  int *ndigits, int64_t *value, ki_reason *why)
{
	const char *p = s;
	int			n = 0;
	int64_t		v = 0;
	char		leading = '\0';	/* a separator before the first digit */
	char		trailing = '\0';	/* a dot or hyphen after the last digit */
	char		cbuf[16];

	while (ki_isblank(*p))
		p++;
	if (*p == '\0')
		return ki_fail(why, "%s is empty.", what);

	for (; *p; p++)
	{
		unsigned char c = (unsigned char) *p;

		if (ki_isdigit(c))
		{
			/* keep counting past maxdigits so the message gives the length */
			if (n < maxdigits)
				v = v * 10 + (c - '0');
			n++;
			trailing = '\0';
		}
		else if (c == ' ' || c == '.' || c == '-')
		{
			if (n == 0)
			{
				if (leading == '\0')
					leading = *p;
			}
			/* a space here may still turn out to be a trailing blank */
			else if (c != ' ' && trailing == '\0')
				trailing = *p;
		}
		else if (c == '\t')
		{
			/* a tab may only stand among the trailing blanks */
			const char *q = p;

			while (ki_isblank(*q))
				q++;
			if (*q == '\0')
				break;
			return ki_fail(why, "%s contains the character %s; only digits and the separators space, dot and hyphen are allowed.",
						   what, ki_char_desc(*p, cbuf, sizeof(cbuf)));
		}
		else if (c < 0x20 || c == 0x7f)
			return ki_fail(why, "The value contains the control character 0x%02X.", c);
		else
			return ki_fail(why, "%s contains the character %s; only digits and the separators space, dot and hyphen are allowed.",
						   what, ki_char_desc(*p, cbuf, sizeof(cbuf)));
	}
	if (n == 0)
		return ki_fail(why, "%s has no digits.", what);
	if (leading != '\0')
		return ki_fail(why, "%s starts with the separator %s; separators are allowed only between digits.",
					   what, ki_char_desc(leading, cbuf, sizeof(cbuf)));
	if (trailing != '\0')
		return ki_fail(why, "%s ends with the separator %s; separators are allowed only between digits.",
					   what, ki_char_desc(trailing, cbuf, sizeof(cbuf)));
	*ndigits = n;
	*value = v;
	return true;
}
