/*
 * core_fuzz.c
 *		Mutation fuzzer for the pure C core, built without PostgreSQL and run
 *		under AddressSanitizer and UndefinedBehaviorSanitizer by
 *		test/core_fuzz.sh.
 *
 * For every type it mutates valid seeds (delete, replace, insert, truncate,
 * duplicate, random bytes) and checks the core's promises:
 *   - parsing never touches memory it should not (the sanitizers watch);
 *   - the verdict does not depend on whether a reason is asked for, so the
 *     is_<type>() predicates agree with the input functions;
 *   - a failure always comes with a reason;
 *   - an accepted value passes its own check, and its canonical text parses
 *     back to the same value (output is a fixed point);
 *   - an accepted text neither starts nor ends, blanks aside, with one of the
 *     type's separators: separators stand only between the characters of the
 *     value (the oracle for "-111222333" and "111222333-").
 *
 * And the BSN masker of free text (tekst_core.c) against its definition by
 * regular expressions (POSIX, tried at every position, as an obviously
 * correct and slow oracle), on texts made of digits, separators, uuids,
 * letters and BSNs in every grouping; the work it reports stays linear.
 *
 * And erasure's search (vergeet_core.c): a set of one person's values, each
 * planted in texts in spellings its type accepts among random fragments, is
 * always found and replaced; the work stays linear in the text; sets with
 * random damage are read without touching memory outside them.
 *
 * Usage: core_fuzz [iterations per type] [seed]
 */
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bag_core.h"
#include "bank_core.h"
#include "emailadres_core.h"
#include "identificatie_core.h"
#include "landcode_core.h"
#include "postcode_core.h"
#include "telefoonnummer_core.h"
#include "tekst_core.h"
#include "vergeet_core.h"

#define MAXLEN 1400

/* A fixed-width type: parse into an int64, check, format. */
typedef struct fixed_type
{
	const char *name;
	bool		(*parse) (const char *s, int64_t *out, ki_reason *why);
	bool		(*check) (int64_t v, ki_reason *why);
	void		(*format) (int64_t v, char *buf);
	const char *no_first;		/* separators that may not start the value */
	const char *no_last;		/* separators that may not end it */
	const char *seeds[8];
} fixed_type;

/* Adapters from each core's storage width to int64. */
#define ADAPT(name, ctype) \
static bool name##_parse64(const char *s, int64_t *out, ki_reason *why) \
{ \
	ctype		v = 0; \
	bool		ok = ki_##name##_parse(s, &v, why); \
 \
	*out = v; \
	return ok; \
} \
static void name##_format64(int64_t v, char *buf) \
{ \
	ki_##name##_format((ctype) v, buf); \
}

ADAPT(bsn, int32_t)
ADAPT(rsin, int32_t)
ADAPT(kvk_nummer, int32_t)
ADAPT(vestigingsnummer, int64_t)
ADAPT(postcode, int32_t)
ADAPT(bag_id, int64_t)
ADAPT(landcode, int16_t)
ADAPT(telefoonnummer, int64_t)
ADAPT(bic, int64_t)

#define FIXED(name, first, last, ...) {#name, name##_parse64, ki_##name##_check, name##_format64, first, last, {__VA_ARGS__, NULL}}

/* The separators of the identification numbers, of the telephone number, of IBAN and BIC. */
#define ID_SEP ".-"
#define TEL_FIRST "-./)"
#define TEL_LAST "-./("
#define BANK_SEP "-"

static const fixed_type fixed_types[] = {
	FIXED(bsn, ID_SEP, ID_SEP, "111222333", "0000.09.921", "12345672", "-111222333"),
	FIXED(rsin, ID_SEP, ID_SEP, "517439943", "002564440", ".517439943"),
	FIXED(kvk_nummer, ID_SEP, ID_SEP, "69599084", "1234 5678", "69599084-"),
	FIXED(vestigingsnummer, ID_SEP, ID_SEP, "000038509504", "990000541921", "-000038509504"),
	FIXED(postcode, "", "", "1015 CJ", "NL-2611ET", "9999xl"),
	FIXED(bag_id, "", "", "0363010000758545", "NL.IMBAG.Nummeraanduiding.0363200000218908"),
	FIXED(landcode, "", "", "NL", "de", " BE "),
	FIXED(telefoonnummer, TEL_FIRST, TEL_LAST, "020-123 45 67", "+31 (0)6 1234 5678", "0031612345678",
		  "+441134960000", "0800 1234", "097012345678", "(020) 123 4567-"),
	FIXED(bic, BANK_SEP, BANK_SEP, "ABNANL2A", "abnanl2axxx", "DEUTDEFF500", "-ABNA-NL-2A"),
};

/* A variable-length type: parse into its canonical text. */
typedef struct text_type
{
	const char *name;
	bool		(*parse) (const char *s, char *canon, ki_reason *why);
	const char *no_first;
	const char *no_last;
	const char *seeds[8];
} text_type;

static bool
emailadres_parse_text(const char *s, char *canon, ki_reason *why)
{
	ki_emailadres a;

	if (!ki_emailadres_parse(s, &a, why))
	{
		/* out of memory is no verdict on the value; the fuzzer never expects it */
		if (a.oom)
			abort();
		return false;
	}
	memcpy(canon, a.addr, a.len + 1);
	return true;
}

static bool
iban_parse_text(const char *s, char *canon, ki_reason *why)
{
	ki_iban		a;

	if (!ki_iban_parse(s, &a, why))
		return false;
	memcpy(canon, a.s, a.len + 1);
	return true;
}

static const text_type text_types[] = {
	{"emailadres", emailadres_parse_text, "", "",
	{"Jan@Voorbeeld.NL", "info@b\xc3\xbc" "cher.example", "a.b-c+d@sub.domain.nl", NULL}},
	{"iban", iban_parse_text, BANK_SEP, BANK_SEP,
	{"NL91ABNA0417164300", "nl91 abna 0417 1643 00", "DE89370400440532013000",
	"GB82WEST12345698765432", "NL91-ABNA-0417-1643-00-", NULL}},
};

static const char *fragments[] = {
	"0", "1", "9", "a", "Z", " ", ".", "-", "+", "@", "(", ")", "/", "\t", "\n",
	"\xc3\xa9", "\xe2\x82\xac", "\xff", "\xc3", "\"", "'", "\\", "%", "00",
	"999999999999999999999", "NL", "xn--", "..", "(0)", "IMBAG."
};

static uint64_t rng_state;

static uint32_t
rnd(uint32_t n)
{
	/* xorshift64*: deterministic for a seed, no libc state */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (uint32_t) ((rng_state * UINT64_C(2685821657736338717)) >> 33) % n;
}

static void
mutate(const char *seed, char *buf)
{
	size_t		len;
	int			ops = 1 + rnd(3);

	snprintf(buf, MAXLEN, "%s", seed);
	for (int i = 0; i < ops; i++)
	{
		len = strlen(buf);
		size_t		pos = rnd((uint32_t) len + 1);
		const char *frag = fragments[rnd(sizeof(fragments) / sizeof(fragments[0]))];
		char		tmp[MAXLEN];

		switch (rnd(6))
		{
			case 0:				/* delete */
				if (pos < len)
					memmove(buf + pos, buf + pos + 1, len - pos);
				break;
			case 1:				/* replace */
			case 2:				/* insert */
				snprintf(tmp, sizeof(tmp), "%.*s%s%s", (int) pos, buf, frag,
						 buf + pos + (rnd(2) && pos < len ? 1 : 0));
				memcpy(buf, tmp, MAXLEN);
				break;
			case 3:				/* truncate */
				buf[pos] = '\0';
				break;
			case 4:				/* duplicate */
				if (2 * len + 1 < MAXLEN)
				{
					memmove(buf + len, buf, len);
					buf[2 * len] = '\0';
				}
				break;
			default:			/* random byte (never NUL: C strings) */
				if (pos < len)
					buf[pos] = (char) (1 + rnd(255));
				break;
		}
	}
}

static long failures;

/* Whether s, blanks (space, tab) at both ends aside, starts with a character of first or ends with one of last. */
static bool
separator_at_edge(const char *s, const char *first, const char *last)
{
	const char *b = s;
	const char *e = s + strlen(s);

	while (*b == ' ' || *b == '\t')
		b++;
	while (e > b && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	if (b == e)
		return false;
	return strchr(first, *b) != NULL || strchr(last, e[-1]) != NULL;
}

static void
finding(const char *type, const char *input, const char *what)
{
	if (failures++ < 20)
		fprintf(stderr, "%s: %s: input \"%s\"\n", type, what, input);
}

static void
fuzz_fixed(const fixed_type *t, long iterations)
{
	char		input[MAXLEN];
	char		out[64];
	int			nseeds = 0;
	long		accepted = 0;

	while (t->seeds[nseeds])
		nseeds++;
	for (long i = 0; i < iterations; i++)
	{
		int64_t		v,
					v2;
		ki_reason	why;
		bool		ok;

		mutate(t->seeds[rnd(nseeds)], input);
		why.detail[0] = '\0';
		ok = t->parse(input, &v, &why);
		if (ok != t->parse(input, &v2, NULL))
			finding(t->name, input, "verdict depends on the reason argument");
		if (!ok)
		{
			if (why.detail[0] == '\0')
				finding(t->name, input, "rejected without a reason");
			continue;
		}
		accepted++;
		if (separator_at_edge(input, t->no_first, t->no_last))
			finding(t->name, input, "accepted with a separator at an end");
		if (!t->check(v, NULL))
			finding(t->name, input, "accepted value fails its own check");
		t->format(v, out);
		if (!t->parse(out, &v2, NULL) || v2 != v)
			finding(t->name, input, "canonical text does not parse back to the value");
	}
	printf("%-18s %8ld mutants %8ld accepted\n", t->name, iterations, accepted);
}

static void
fuzz_text(const text_type *t, long iterations)
{
	char		input[MAXLEN];
	char		canon[MAXLEN];
	char		again[MAXLEN];
	int			nseeds = 0;
	long		accepted = 0;

	while (t->seeds[nseeds])
		nseeds++;
	for (long i = 0; i < iterations; i++)
	{
		ki_reason	why;
		bool		ok;

		mutate(t->seeds[rnd(nseeds)], input);
		why.detail[0] = '\0';
		ok = t->parse(input, canon, &why);
		if (ok != t->parse(input, again, NULL))
			finding(t->name, input, "verdict depends on the reason argument");
		if (!ok)
		{
			if (why.detail[0] == '\0')
				finding(t->name, input, "rejected without a reason");
			continue;
		}
		accepted++;
		if (separator_at_edge(input, t->no_first, t->no_last))
			finding(t->name, input, "accepted with a separator at an end");
		if (!t->parse(canon, again, NULL) || strcmp(canon, again) != 0)
			finding(t->name, input, "canonical text does not parse back to itself");
	}
	printf("%-18s %8ld mutants %8ld accepted\n", t->name, iterations, accepted);
}

/*
 * The masking rule, straight from its definition: at each position, a uuid
 * (passed over whole), else a candidate by the regular expression with the
 * look-behind and look-ahead for digits, kept if its digits pass the BSN
 * rules; else the next position.
 */
static regex_t re_uuid;
static regex_t re_kandidaat;

static size_t
mask_oracle(const char *s, size_t len, char *out)
{
	size_t		o = 0;
	size_t		i = 0;
	regmatch_t	m;

	while (i < len)
	{
		if (regexec(&re_uuid, s + i, 1, &m, 0) == 0)
		{
			memcpy(out + o, s + i, (size_t) m.rm_eo);
			o += (size_t) m.rm_eo;
			i += (size_t) m.rm_eo;
			continue;
		}
		if ((i == 0 || !ki_isdigit(s[i - 1]))
			&& regexec(&re_kandidaat, s + i, 1, &m, 0) == 0
			&& !ki_isdigit(s[i + (size_t) m.rm_eo]))
		{
			int64_t		v = 0;

			for (size_t k = i; k < i + (size_t) m.rm_eo; k++)
				if (ki_isdigit(s[k]))
					v = v * 10 + (s[k] - '0');
			if (ki_bsn_check(v, NULL))
			{
				memcpy(out + o, KI_BSN_MASK, KI_BSN_MASK_LEN);
				o += KI_BSN_MASK_LEN;
				i += (size_t) m.rm_eo;
				continue;
			}
		}
		out[o++] = s[i++];
	}
	out[o] = '\0';
	return o;
}

static const char *tekst_fragments[] = {
	"111222333", "111 222 333", "1112.22.333", "111-222-333", "12345672", "123456782",
	"0", "1", "9", "00", " ", ".", "-", "--", " .", "a", "F", "x", "BSN: ", "\xc3\xa9",
	"00000000-0000-0000-0099-0000000000a1", "12345678-1234-1234-1234-123456789abc",
	"11122233-3aaa-bbbb-cccc-dddddddddddd", "deadbeef-0000-1111-2222-333344445555",
	"+31 6 12345678", "06-58493484", "NL91 ABNA 0417 1643 00", "1234567890",
};

static void
fuzz_bsn_mask(long iterations)
{
	char		input[MAXLEN];
	char		out[MAXLEN];
	char		want[MAXLEN];
	long		masked = 0;
	int			nfrag = sizeof(tekst_fragments) / sizeof(tekst_fragments[0]);

	if (regcomp(&re_uuid, "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
				REG_EXTENDED) != 0
		|| regcomp(&re_kandidaat, "^[0-9]([ .-]?[0-9]){8}", REG_EXTENDED) != 0)
	{
		fprintf(stderr, "core_fuzz: regcomp failed\n");
		exit(2);
	}
	for (long i = 0; i < iterations; i++)
	{
		size_t		len = 0;
		size_t		outlen;
		size_t		n;
		uint64_t	stappen = 0;
		int			parts = 1 + rnd(12);

		for (int p = 0; p < parts; p++)
		{
			const char *f = tekst_fragments[rnd(nfrag)];
			size_t		fl = strlen(f);

			if (len + fl >= 200)
				break;
			memcpy(input + len, f, fl);
			len += fl;
		}
		input[len] = '\0';
		if (rnd(2))
		{
			char		seed[MAXLEN];

			memcpy(seed, input, len + 1);
			mutate(seed, input);
		}
		len = strlen(input);
		n = ki_bsn_maskeer(input, len, out, &outlen, &stappen);
		out[outlen] = '\0';
		mask_oracle(input, len, want);
		if (strcmp(out, want) != 0)
			finding("bsn_mask", input, "differs from the regular-expression definition");
		if (stappen > 64 * (uint64_t) len)
			finding("bsn_mask", input, "more than 64 steps per byte");
		if (n > 0)
			masked++;
	}
	/* The worst case the issue measured: 20,000 BSN-like numbers in one text. */
	{
		size_t		cap = 20000 * 11;
		char	   *big = malloc(cap + 1);
		char	   *bigout = malloc(cap + 1);
		size_t		len = 0;
		size_t		outlen;
		uint64_t	stappen = 0;

		for (int k = 0; k < 20000; k++)
			len += (size_t) snprintf(big + len, cap + 1 - len, "%09d, ", 100000000 + 7 * k);
		ki_bsn_maskeer(big, len, bigout, &outlen, &stappen);
		if (stappen > 64 * (uint64_t) len)
			finding("bsn_mask", "20,000 numbers", "more than 64 steps per byte");
		printf("%-18s %8ld texts    %8ld masked; 20,000 numbers (%zu bytes): %.2f steps per byte\n",
			   "bsn_mask", iterations, masked, len, (double) stappen / (double) len);
		free(big);
		free(bigout);
	}
	regfree(&re_uuid);
	regfree(&re_kandidaat);
}

/* One person's values and spellings of each that the scan must find. */
static const struct
{
	const char *soort;
	const char *waarde;
	const char *spellingen[6];
}			persoon[] = {
	{"bsn", "111222333", {"111222333", "111 222 333", "1112.22.333", "111-222-333", NULL}},
	{"bsn", "012345672", {"12345672", "012345672", "0123 45 672", NULL}},
	{"telefoonnummer", "06-12345678", {"0612345678", "+31 6 1234 5678", "0031 (0)6 12345678", "06 12 34 56 78",
	"+31612345678", NULL}},
	{"email", "Anna.Aalders@Example.com", {"anna.aalders@example.com", "ANNA.AALDERS@EXAMPLE.COM", NULL}},
	{"iban", "NL02ABNA0123456789", {"NL02ABNA0123456789", "NL02 ABNA 0123 4567 89", "nl02 abna 0123 4567 89", NULL}},
	{"kvk_nummer", "69599084", {"69599084", "6959 9084", NULL}},
	{"naam", "Anna van Aalders", {"Anna van Aalders", "ANNA VAN AALDERS", "Anna  van-Aalders", NULL}},
	{"tekst", "digid-Kx7Qp2Lm9Wz", {"digid-Kx7Qp2Lm9Wz", "DIGID Kx7Qp2Lm9Wz", NULL}},
	{"tekst", "0f8e1c2a-1111-4222-8333-944455556666", {"0f8e1c2a-1111-4222-8333-944455556666", NULL}},
};

static const char *vul_fragments[] = {
	" ", ", ", "; ", "\n", " en ", " of ", "(", ")", ".", " - ", "Anna", "Aalders", "van", "06", "111", "+31",
	"@", "NL", " 1234 ", "x", "\xc3\xa9", "00000000-0000-0000-0099-0000000000a1", "AA11 AA11 ", "a@b ",
	"1 2 3 4 5 6 7 8 9 0 ", "0", "-", "/",
};

/* The set's bytes, laid out as the glue does (src/vergeet.c). */
static size_t
vset_bouwen(unsigned char *out, size_t cap)
{
	char		keys[32][KI_VSLEUTEL_MAX + 1];
	size_t		lens[32];
	int			n = 0;
	uint32_t	offsets[33];
	ki_vset_info info;
	size_t		total = 0;
	size_t		len;

	for (size_t i = 0; i < sizeof(persoon) / sizeof(persoon[0]); i++)
	{
		lens[n] = ki_vergeet_sleutel(persoon[i].soort, persoon[i].waarde, keys[n]);
		if (lens[n] > 0)
			n++;
	}
	for (int i = 0; i < n; i++)		/* sort: insertion, by bytes then length */
		for (int j = i; j > 0; j--)
		{
			size_t		m = lens[j - 1] < lens[j] ? lens[j - 1] : lens[j];
			int			c = memcmp(keys[j - 1], keys[j], m);
			char		t[KI_VSLEUTEL_MAX + 1];
			size_t		tl;

			if (c < 0 || (c == 0 && lens[j - 1] <= lens[j]))
				break;
			memcpy(t, keys[j], sizeof(t));
			memcpy(keys[j], keys[j - 1], sizeof(t));
			memcpy(keys[j - 1], t, sizeof(t));
			tl = lens[j];
			lens[j] = lens[j - 1];
			lens[j - 1] = tl;
		}
	memset(&info, 0, sizeof(info));
	for (int i = 0; i < n; i++)
	{
		offsets[i] = (uint32_t) total;
		total += lens[i];
		ki_vset_info_voeg_toe(&info, keys[i], lens[i]);
	}
	offsets[n] = (uint32_t) total;
	len = KI_VSET_HEADER + 4 * ((size_t) n + 1) + total;
	if (len > cap)
		abort();
	ki_vset_header(out, (uint32_t) n, &info, offsets);
	for (int i = 0, o = KI_VSET_HEADER + 4 * (n + 1); i < n; o += (int) lens[i], i++)
		memcpy(out + o, keys[i], lens[i]);
	return len;
}

static void
fuzz_vergeet(long iterations)
{
	unsigned char blob[4096];
	size_t		bloblen = vset_bouwen(blob, sizeof(blob));
	ki_vset		set;
	long		gevonden = 0;
	int			nfrag = sizeof(vul_fragments) / sizeof(vul_fragments[0]);
	int			npers = sizeof(persoon) / sizeof(persoon[0]);
	uint64_t	max_werk = 0;

	if (!ki_vset_lees(blob, bloblen, &set))
		abort();
	for (long it = 0; it < iterations; it++)
	{
		char		input[MAXLEN];
		char		out[2 * MAXLEN];
		size_t		len = 0;
		size_t		o = 0;
		size_t		pos = 0,
					start,
					end;
		uint64_t	stappen = 0;
		int			p = rnd(npers);
		int			nsp = 0;
		const char *plant;

		while (persoon[p].spellingen[nsp])
			nsp++;
		plant = persoon[p].spellingen[rnd(nsp)];
		/* filler, " ", the planted spelling, " ", filler */
		for (int k = 0, parts = (int) rnd(8); k < parts; k++)
			len += (size_t) snprintf(input + len, 400 - len, "%s", vul_fragments[rnd(nfrag)]);
		len += (size_t) snprintf(input + len, MAXLEN - len, " %s ", plant);
		for (int k = 0, parts = (int) rnd(8); k < parts; k++)
			len += (size_t) snprintf(input + len, MAXLEN - len, "%s", vul_fragments[rnd(nfrag)]);
		while (ki_vergeet_volgende(&set, input, len, pos, &start, &end, &stappen))
		{
			memcpy(out + o, input + pos, start - pos);
			o += start - pos;
			o += ki_vergeet_vervanging(input, start, end, out + o);
			pos = end;
		}
		memcpy(out + o, input + pos, len - pos);
		o += len - pos;
		out[o] = '\0';
		if (strstr(out, plant) != NULL)
			finding("vergeet", input, "a planted value is still there");
		else
			gevonden++;
		if (ki_vergeet_volgende(&set, out, o, 0, &start, &end, NULL))
			finding("vergeet", input, "the redacted text still holds a value");
		if (stappen > 128 * (uint64_t) len + 200)
			finding("vergeet", input, "more than 128 steps per byte");
		if (stappen > max_werk)
			max_werk = stappen;
	}
	/* Damaged sets: every byte changed in turn, and truncations. */
	for (long it = 0; it < iterations / 10; it++)
	{
		unsigned char bad[4096];
		size_t		badlen = bloblen;
		size_t		s0,
					e0;
		static const char tekst[] = "Anna van Aalders, 06-12345678, 111222333, NL02ABNA0123456789, anna.aalders@example.com";

		memcpy(bad, blob, bloblen);
		if (rnd(4) == 0)
			badlen = rnd((uint32_t) bloblen + 1);
		else
			for (int k = 0, n = 1 + (int) rnd(4); k < n; k++)
				bad[rnd((uint32_t) bloblen)] = (unsigned char) rnd(256);
		if (ki_vset_lees(bad, badlen, &set))
			(void) ki_vergeet_volgende(&set, tekst, sizeof(tekst) - 1, 0, &s0, &e0, NULL);
	}
	printf("%-18s %8ld texts    %8ld planted values found\n", "vergeet", iterations, gevonden);
}

int
main(int argc, char **argv)
{
	long		iterations = argc > 1 ? atol(argv[1]) : 20000;

	rng_state = argc > 2 ? strtoull(argv[2], NULL, 10) : 20261128;
	if (rng_state == 0)
		rng_state = 1;
	for (size_t i = 0; i < sizeof(fixed_types) / sizeof(fixed_types[0]); i++)
		fuzz_fixed(&fixed_types[i], iterations);
	for (size_t i = 0; i < sizeof(text_types) / sizeof(text_types[0]); i++)
		fuzz_text(&text_types[i], iterations);
	fuzz_bsn_mask(iterations);
	fuzz_vergeet(iterations);
	if (failures > 0)
	{
		printf("core_fuzz: %ld findings\n", failures);
		return 1;
	}
	return 0;
}
