/*
 * tekst_core.c
 *		Free text: BSNs to mask, found in one linear pass (tekst_core.h has
 *		the rule).  No PostgreSQL headers here.
 */
#include "tekst_core.h"

#include <string.h>

#include "identificatie_core.h"

static inline bool
is_hex(char c)
{
	return ki_isdigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static inline bool
is_bsn_sep(char c)
{
	return c == ' ' || c == '.' || c == '-';
}

/* A uuid's text (8-4-4-4-12 hexadecimal digits) at s[i]; the hyphens first. */
static bool
uuid_at(const char *s, size_t len, size_t i, uint64_t *st)
{
	static const unsigned char hyphen[KI_UUID_TEXT_LEN] = {
		[8] = 1,[13] = 1,[18] = 1,[23] = 1
	};

	if (len - i < KI_UUID_TEXT_LEN)
		return false;
	*st += 4;
	if (s[i + 8] != '-' || s[i + 13] != '-' || s[i + 18] != '-' || s[i + 23] != '-')
		return false;
	for (size_t k = 0; k < KI_UUID_TEXT_LEN; k++)
	{
		(*st)++;
		if (!hyphen[k] && !is_hex(s[i + k]))
			return false;
	}
	return true;
}

/*
 * A BSN candidate starting at the digit s[i] (not preceded by a digit): nine
 * digits, single separators between them, no digit after.  Sets *end and
 * the value of the digits.
 */
static bool
candidate_at(const char *s, size_t len, size_t i, size_t *end, int32_t *value, uint64_t *st)
{
	size_t		j = i;
	int			n = 0;
	int32_t		v = 0;

	for (;;)
	{
		(*st)++;
		v = v * 10 + (s[j] - '0');
		n++;
		j++;
		if (n == KI_BSN_LEN)
			break;
		if (j < len && ki_isdigit(s[j]))
			continue;
		(*st)++;
		if (j + 1 < len && is_bsn_sep(s[j]) && ki_isdigit(s[j + 1]))
		{
			j++;
			continue;
		}
		return false;
	}
	(*st)++;
	if (j < len && ki_isdigit(s[j]))
		return false;
	*end = j;
	*value = v;
	return true;
}

bool
ki_bsn_volgende(const char *s, size_t len, size_t pos, size_t *start, size_t *end,
				uint64_t *stappen)
{
	uint64_t	st = 0;
	size_t		i = pos;
	bool		found = false;

	while (i < len)
	{
		char		c = s[i];
		size_t		e;
		int32_t		v;

		st++;
		if (is_hex(c) && uuid_at(s, len, i, &st))
		{
			i += KI_UUID_TEXT_LEN;
			continue;
		}
		if (ki_isdigit(c) && (i == 0 || !ki_isdigit(s[i - 1]))
			&& candidate_at(s, len, i, &e, &v, &st) && ki_bsn_check(v, NULL))
		{
			*start = i;
			*end = e;
			found = true;
			break;
		}
		i++;
	}
	if (stappen)
		*stappen += st;
	return found;
}

size_t
ki_bsn_maskeer(const char *s, size_t len, char *out, size_t *outlen, uint64_t *stappen)
{
	size_t		pos = 0;
	size_t		o = 0;
	size_t		n = 0;
	size_t		start,
				end;

	while (ki_bsn_volgende(s, len, pos, &start, &end, stappen))
	{
		memcpy(out + o, s + pos, start - pos);
		o += start - pos;
		memcpy(out + o, KI_BSN_MASK, KI_BSN_MASK_LEN);
		o += KI_BSN_MASK_LEN;
		pos = end;
		n++;
	}
	memcpy(out + o, s + pos, len - pos);
	o += len - pos;
	*outlen = o;
	return n;
}

static inline bool
is_lower_hex(char c)
{
	return ki_isdigit(c) || (c >= 'a' && c <= 'f');
}

static inline bool
is_tijd(char c)
{
	return ki_isdigit(c) || c == ':' || c == '.';
}

bool
ki_tekst_sleutel_of_tijdstip(const char *s, size_t len)
{
	size_t		i;

	if (len == KI_UUID_TEXT_LEN && s[8] == '-' && s[13] == '-' && s[18] == '-' && s[23] == '-')
	{
		for (i = 0; i < KI_UUID_TEXT_LEN; i++)
			if (i != 8 && i != 13 && i != 18 && i != 23 && !is_lower_hex(s[i]))
				return false;
		return true;
	}
	/* YYYY-MM-DD */
	if (len < 10)
		return false;
	for (i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : !ki_isdigit(s[i]))
			return false;
	if (len == 10)
		return true;
	if (s[10] != ' ' && s[10] != 'T')
		return false;
	/* The time: one or more of 0-9 : . (none of them starts a zone). */
	for (i = 11; i < len && is_tijd(s[i]); i++)
		;
	if (i == 11)
		return false;
	if (i == len)
		return true;
	if (s[i] == 'Z')
		return i + 1 == len;
	if (s[i] != '+' && s[i] != '-')
		return false;
	/* The zone's offset: one or more of 0-9 :, to the end. */
	if (++i == len)
		return false;
	for (; i < len; i++)
		if (!ki_isdigit(s[i]) && s[i] != ':')
			return false;
	return true;
}
