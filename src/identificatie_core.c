/*
 * identificatie_core.c
 *		BSN, RSIN, KvK-nummer and vestigingsnummer: parsing and checks.
 *
 * Rules (docs/types.md; the elfproef of RvIG for BSN and RSIN, the KVK for KvK-nummer and vestigingsnummer): digits with
 * optional separators; BSN 9 digits or 8 (legacy, left-padded with a zero),
 * RSIN exactly 9, KvK-nummer exactly 8, vestigingsnummer exactly 12.  BSN and
 * RSIN pass the elfproef and are not all zeros.  KvK publishes no check digit
 * for the other two, so none is enforced.
 */
#include "identificatie_core.h"

int
ki_elfproef_remainder(int32_t v)
{
	/*
	 * Every digit straight from one of two halves, so the divisions do not
	 * wait on each other (a digit-by-digit loop is a chain of nine).
	 */
	int32_t		lo = v % 10000;		/* d6..d9, weights 4, 3, 2, -1 */
	int32_t		hi = v / 10000;		/* d1..d5, weights 9..5 */
	int			sum;

	sum = -(lo % 10) + 2 * (lo / 10 % 10) + 3 * (lo / 100 % 10) + 4 * (lo / 1000)
		+ 5 * (hi % 10) + 6 * (hi / 10 % 10) + 7 * (hi / 100 % 10)
		+ 8 * (hi / 1000 % 10) + 9 * (hi / 10000);
	return ((sum % 11) + 11) % 11;
}

bool
ki_kvk_mod11_ok(int32_t v)
{
	int			sum = 0;

	for (int w = 1; w <= 8; w++, v /= 10)
		sum += w * (v % 10);
	return sum % 11 == 0;
}

/* BSN and RSIN share everything but their name and the 8-digit rule. */
static bool
elfproef_check(int64_t v, const char *what, ki_reason *why)
{
	int			r;

	if (v < 0 || v > KI_BSN_MAX)
		return ki_fail(why, "%s must lie between 000000001 and 999999999.", what);
	if (v == 0)
		return ki_fail(why, "%s consists of zeros only.", what);
	r = ki_elfproef_remainder((int32_t) v);
	if (r != 0)
	{
		ki_fail(why, "%s fails the elfproef: the weighted sum leaves remainder %d modulo 11, expected 0.", what, r);
		ki_hint(why, "Check the number for a typing error; the elfproef weighs the digits 9, 8, 7, 6, 5, 4, 3, 2 and -1.");
	}
	return r == 0;
}

bool
ki_bsn_check(int64_t v, ki_reason *why)
{
	return elfproef_check(v, "BSN", why);
}

bool
ki_rsin_check(int64_t v, ki_reason *why)
{
	return elfproef_check(v, "RSIN", why);
}

bool
ki_kvk_nummer_check(int64_t v, ki_reason *why)
{
	if (v < 0 || v > KI_KVK_MAX)
		return ki_fail(why, "KvK-nummer must lie between 00000000 and 99999999.");
	return true;
}

bool
ki_vestigingsnummer_check(int64_t v, ki_reason *why)
{
	if (v < 0 || v > KI_VESTIGINGSNUMMER_MAX)
		return ki_fail(why, "Vestigingsnummer must lie between 000000000000 and 999999999999.");
	return true;
}

bool
ki_bsn_parse(const char *s, int32_t *out, ki_reason *why)
{
	int			n;
	int64_t		v;

	if (!ki_collect_digits(s, "BSN", KI_BSN_LEN, &n, &v, why))
		return false;
	if (n != 8 && n != 9)
		return ki_fail(why, "BSN has %d digits, expected 9 (or 8, which get a leading zero).", n);
	if (!ki_bsn_check(v, why))
		return false;
	*out = (int32_t) v;
	return true;
}

bool
ki_rsin_parse(const char *s, int32_t *out, ki_reason *why)
{
	int			n;
	int64_t		v;

	if (!ki_collect_digits(s, "RSIN", KI_BSN_LEN, &n, &v, why))
		return false;
	if (n != KI_BSN_LEN)
	{
		ki_fail(why, "RSIN has %d digits, expected 9.", n);
		if (n == KI_KVK_LEN)
			ki_hint(why, "An 8-digit number of a non-natural person is a KvK-nummer.");
		return false;
	}
	if (!ki_rsin_check(v, why))
		return false;
	*out = (int32_t) v;
	return true;
}

bool
ki_kvk_nummer_parse(const char *s, int32_t *out, ki_reason *why)
{
	int			n;
	int64_t		v;

	if (!ki_collect_digits(s, "KvK-nummer", KI_KVK_LEN, &n, &v, why))
		return false;
	if (n != KI_KVK_LEN)
	{
		ki_fail(why, "KvK-nummer has %d digits, expected 8.", n);
		if (n == 7)
			ki_hint(why, "A lost leading zero is not guessed; write all 8 digits.");
		return false;
	}
	*out = (int32_t) v;
	return true;
}

bool
ki_vestigingsnummer_parse(const char *s, int64_t *out, ki_reason *why)
{
	int			n;
	int64_t		v;

	if (!ki_collect_digits(s, "Vestigingsnummer", KI_VESTIGINGSNUMMER_LEN, &n, &v, why))
		return false;
	if (n != KI_VESTIGINGSNUMMER_LEN)
	{
		ki_fail(why, "Vestigingsnummer has %d digits, expected 12.", n);
		if (n < KI_VESTIGINGSNUMMER_LEN)
			ki_hint(why, "Vestigingsnummers often start with zeros; write all 12 digits.");
		return false;
	}
	*out = v;
	return true;
}
