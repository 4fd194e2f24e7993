/*
 * bag_core.c
 *		BAG identificatie: parsing, checks and formatting.
 *
 * Rules (Catalogus BAG 3.7.1 and domain
 * Objecttypecode 8.10): 16 digits = gemeentecode (4, not 0000), object type
 * code (2, one of the catalogue's six) and volgnummer (10, not 0).  Input may
 * carry the IMBAG prefix "NL.IMBAG.<Objecttype>." (any case), whose object
 * type must then agree with the code; 15 digits get the leading zero that
 * integer and spreadsheet storage lose.  The gemeentecode is that of the
 * municipality where the object came into being and survives mergers, so it
 * is deliberately not checked against the current municipality list.
 */
#include "bag_core.h"

#include <string.h>

#define IMBAG_PREFIX	"NL.IMBAG."

typedef struct bag_objecttype
{
	int			code;
	const char *name;			/* catalogue name, lower case */
	const char *imbag;			/* class name in the IMBAG prefix */
} bag_objecttype;

static const bag_objecttype objecttypes[] = {
	{1, "verblijfsobject", "Verblijfsobject"},
	{2, "ligplaats", "Ligplaats"},
	{3, "standplaats", "Standplaats"},
	{10, "pand", "Pand"},
	{20, "nummeraanduiding", "Nummeraanduiding"},
	{30, "openbare ruimte", "OpenbareRuimte"},
};

#define N_OBJECTTYPES (sizeof(objecttypes) / sizeof(objecttypes[0]))

static const bag_objecttype *
objecttype_by_code(int code)
{
	for (size_t i = 0; i < N_OBJECTTYPES; i++)
		if (objecttypes[i].code == code)
			return &objecttypes[i];
	return NULL;
}

const char *
ki_bag_objecttype_name(int code)
{
	const bag_objecttype *t = objecttype_by_code(code);

	return t ? t->name : NULL;
}

/* Does the span p[0..len) equal word, ignoring ASCII case? */
static bool
equals_ci(const char *p, size_t len, const char *word)
{
	if (strlen(word) != len)
		return false;
	for (size_t i = 0; i < len; i++)
		if (ki_toupper(p[i]) != ki_toupper(word[i]))
			return false;
	return true;
}

bool
ki_bag_id_check(int64_t v, ki_reason *why)
{
	int			code;

	if (v < 0)
		return ki_fail(why, "BAG identificatie %lld is negative.", (long long) v);
	if (v > KI_BAG_ID_MAX)
		return ki_fail(why, "BAG identificatie %lld has more than 16 digits.", (long long) v);
	if (ki_bag_id_gemeentecode(v) == 0)
		return ki_fail(why, "BAG identificatie has gemeentecode 0000, which no municipality has.");
	code = ki_bag_id_objecttypecode(v);
	if (objecttype_by_code(code) == NULL)
	{
		ki_fail(why, "BAG identificatie has object type code %02d, which the BAG catalogue does not define.", code);
		ki_hint(why, "Positions 5 and 6 hold the object type: 01 verblijfsobject, 02 ligplaats, 03 standplaats, 10 pand, 20 nummeraanduiding or 30 openbare ruimte.");
		return false;
	}
	if (v % INT64_C(10000000000) == 0)
		return ki_fail(why, "BAG identificatie has volgnummer 0000000000; object numbers start at 1.");
	return true;
}

/*
 * Read the prefix "NL.IMBAG.<Objecttype>." at *p if there is one: advance *p
 * past it and set *type (NULL without a prefix).
 */
static bool
parse_prefix(const char **p, const char *end, const bag_objecttype **type,
			 ki_reason *why)
{
	size_t		plen = strlen(IMBAG_PREFIX);
	const char *word;
	const char *q;

	*type = NULL;
	if ((size_t) (end - *p) < plen || !equals_ci(*p, plen, IMBAG_PREFIX))
		return true;
	word = *p + plen;
	for (q = word; q < end && ki_isalpha(*q); q++)
		;
	if (q == word || q == end || *q != '.')
	{
		ki_fail(why, "The prefix \"NL.IMBAG.\" must be followed by the object type and a dot.");
		ki_hint(why, "Write for example \"NL.IMBAG.Pand.0307100000367968\", or the 16 digits alone.");
		return false;
	}
	for (size_t i = 0; i < N_OBJECTTYPES; i++)
		if (equals_ci(word, (size_t) (q - word), objecttypes[i].imbag))
			*type = &objecttypes[i];
	if (*type == NULL)
	{
		if (equals_ci(word, (size_t) (q - word), "Woonplaats"))
			return ki_fail(why, "The prefix names a woonplaats, whose identificatie has 4 digits; type bag_id holds the 16-digit identificaties of the other BAG objects.");
		ki_fail(why, "The prefix \"NL.IMBAG.\" is followed by \"%.*s\", which is not a BAG object type.",
				(int) (q - word > 40 ? 40 : q - word), word);
		ki_hint(why, "The object types are Verblijfsobject, Ligplaats, Standplaats, Pand, Nummeraanduiding and OpenbareRuimte.");
		return false;
	}
	*p = q + 1;
	return true;
}

bool
ki_bag_id_parse(const char *s, int64_t *out, ki_reason *why)
{
	const char *p;
	const char *end;
	size_t		len;
	const bag_objecttype *prefixtype;
	int			n = 0;
	int64_t		v = 0;
	char		cbuf[16];

	if (!ki_trim(s, &p, &len, why))
		return false;
	end = p + len;
	if (p == end)
		return ki_fail(why, "The value is empty; a BAG identificatie has 16 digits.");
	if (!parse_prefix(&p, end, &prefixtype, why))
		return false;
	if (p == end)
		return ki_fail(why, "The value has the prefix \"NL.IMBAG.%s.\" but no identificatie after it.",
					   prefixtype->imbag);

	for (; p < end; p++)
	{
		if (!ki_isdigit(*p))
			return ki_fail(why, "BAG identificatie contains %s; only digits are allowed.",
						   ki_char_desc(*p, cbuf, sizeof(cbuf)));
		/* keep counting past 16 so the message gives the length */
		if (n < KI_BAG_ID_LEN)
			v = v * 10 + (*p - '0');
		n++;
	}
	if (n != KI_BAG_ID_LEN && n != KI_BAG_ID_LEN - 1)
		return ki_fail(why, "BAG identificatie has %d digit%s, expected 16 (or 15, which get a leading zero).",
					   n, n == 1 ? "" : "s");
	if (!ki_bag_id_check(v, why))
		return false;
	if (prefixtype != NULL && prefixtype->code != ki_bag_id_objecttypecode(v))
	{
		const bag_objecttype *t = objecttype_by_code(ki_bag_id_objecttypecode(v));

		return ki_fail(why, "BAG identificatie has the prefix for object type %s but object type code %02d (%s).",
					   prefixtype->name, t->code, t->name);
	}
	*out = v;
	return true;
}

void
ki_bag_id_format(int64_t v, char *buf)
{
	ki_format_padded(v, KI_BAG_ID_LEN, buf);
}
