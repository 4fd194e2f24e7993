/*
 * landcode_core.c
 *		ISO 3166-1 alpha-2 country codes: parsing, checks, names and the RvIG
 *		Tabel 34 conversion.
 *
 * Rules (ISO 3166-1): two letters, any case on input,
 * printed upper case, and assigned in ISO 3166-1.  Reserved codes (UK, EU)
 * and user-assigned ones (XK, ZZ) are rejected.  Whether NL is allowed
 * ("land buiten Nederland") is a column CHECK, not a rule of the type.
 */
#include "landcode_core.h"
#include "iso3166_core.h"

#include <string.h>

/* The stored value of a code written as two capital letters. */
#define LC(a, b) (((a) - 'A') * 26 + ((b) - 'A'))

typedef struct country
{
	const char *alpha3;			/* NULL: the alpha-2 code is not assigned */
	const char *name;			/* English short name, UTF-8 */
} country;

/*
 * The assigned ISO 3166-1 codes (249), indexed by stored value, with their
 * alpha-3 code and English short name.  Source: the Debian package iso-codes
 * 4.15.0, /usr/share/iso-codes/json/iso_3166-1.json (Debian's copy
 * of ISO 3166-1).  The table is part of the source rather
 * than read at build time, so an input function gives the same answer for
 * one extension version whatever is installed on the server.
 *
 * To update: install the newer iso-codes, replace the lines between the
 * markers by the output of the program below, and adjust the count of
 * assigned codes that sql/landcode.sql prints.  A code that ISO withdraws
 * then fails on input, so check existing data (SELECT ... WHERE NOT
 * is_landcode(col::text)) and ship an upgrade script that handles it.
 *
 *	python3 - <<'PY'
 *	import json
 *	l = json.load(open('/usr/share/iso-codes/json/iso_3166-1.json'))['3166-1']
 *	def c(s):
 *	    return ''.join(ch if 32 <= ord(ch) < 127 and ch not in '"\\' else
 *	                   ''.join('\\%03o' % b for b in ch.encode()) for ch in s)
 *	for e in sorted(l, key=lambda e: e['alpha_2']):
 *	    a = e['alpha_2']
 *	    print('\t[LC(\'%s\', \'%s\')] = {"%s", "%s"},'
 *	          % (a[0], a[1], e['alpha_3'], c(e['name'])))
 *	PY
 */
static const country countries[KI_LANDCODE_SLOTS] = {
	/* BEGIN generated from iso_3166-1.json */
	[LC('A', 'D')] = {"AND", "Andorra"},
	[LC('A', 'E')] = {"ARE", "United Arab Emirates"},
	[LC('A', 'F')] = {"AFG", "Afghanistan"},
	[LC('A', 'G')] = {"ATG", "Antigua and Barbuda"},
	[LC('A', 'I')] = {"AIA", "Anguilla"},
	[LC('A', 'L')] = {"ALB", "Albania"},
	[LC('A', 'M')] = {"ARM", "Armenia"},
	[LC('A', 'O')] = {"AGO", "Angola"},
	[LC('A', 'Q')] = {"ATA", "Antarctica"},
	[LC('A', 'R')] = {"ARG", "Argentina"},
	[LC('A', 'S')] = {"ASM", "American Samoa"},
	[LC('A', 'T')] = {"AUT", "Austria"},
	[LC('A', 'U')] = {"AUS", "Australia"},
	[LC('A', 'W')] = {"ABW", "Aruba"},
	[LC('A', 'X')] = {"ALA", "\303\205land Islands"},
	[LC('A', 'Z')] = {"AZE", "Azerbaijan"},
	[LC('B', 'A')] = {"BIH", "Bosnia and Herzegovina"},
	[LC('B', 'B')] = {"BRB", "Barbados"},
	[LC('B', 'D')] = {"BGD", "Bangladesh"},
	[LC('B', 'E')] = {"BEL", "Belgium"},
	[LC('B', 'F')] = {"BFA", "Burkina Faso"},
	[LC('B', 'G')] = {"BGR", "Bulgaria"},
	[LC('B', 'H')] = {"BHR", "Bahrain"},
	[LC('B', 'I')] = {"BDI", "Burundi"},
	[LC('B', 'J')] = {"BEN", "Benin"},
	[LC('B', 'L')] = {"BLM", "Saint Barth\303\251lemy"},
	[LC('B', 'M')] = {"BMU", "Bermuda"},
	[LC('B', 'N')] = {"BRN", "Brunei Darussalam"},
	[LC('B', 'O')] = {"BOL", "Bolivia, Plurinational State of"},
	[LC('B', 'Q')] = {"BES", "Bonaire, Sint Eustatius and Saba"},
	[LC('B', 'R')] = {"BRA", "Brazil"},
	[LC('B', 'S')] = {"BHS", "Bahamas"},
	[LC('B', 'T')] = {"BTN", "Bhutan"},
	[LC('B', 'V')] = {"BVT", "Bouvet Island"},
	[LC('B', 'W')] = {"BWA", "Botswana"},
	[LC('B', 'Y')] = {"BLR", "Belarus"},
	[LC('B', 'Z')] = {"BLZ", "Belize"},
	[LC('C', 'A')] = {"CAN", "Canada"},
	[LC('C', 'C')] = {"CCK", "Cocos (Keeling) Islands"},
	[LC('C', 'D')] = {"COD", "Congo, The Democratic Republic of the"},
	[LC('C', 'F')] = {"CAF", "Central African Republic"},
	[LC('C', 'G')] = {"COG", "Congo"},
	[LC('C', 'H')] = {"CHE", "Switzerland"},
	[LC('C', 'I')] = {"CIV", "C\303\264te d'Ivoire"},
	[LC('C', 'K')] = {"COK", "Cook Islands"},
	[LC('C', 'L')] = {"CHL", "Chile"},
	[LC('C', 'M')] = {"CMR", "Cameroon"},
	[LC('C', 'N')] = {"CHN", "China"},
	[LC('C', 'O')] = {"COL", "Colombia"},
	[LC('C', 'R')] = {"CRI", "Costa Rica"},
	[LC('C', 'U')] = {"CUB", "Cuba"},
	[LC('C', 'V')] = {"CPV", "Cabo Verde"},
	[LC('C', 'W')] = {"CUW", "Cura\303\247ao"},
	[LC('C', 'X')] = {"CXR", "Christmas Island"},
	[LC('C', 'Y')] = {"CYP", "Cyprus"},
	[LC('C', 'Z')] = {"CZE", "Czechia"},
	[LC('D', 'E')] = {"DEU", "Germany"},
	[LC('D', 'J')] = {"DJI", "Djibouti"},
	[LC('D', 'K')] = {"DNK", "Denmark"},
	[LC('D', 'M')] = {"DMA", "Dominica"},
	[LC('D', 'O')] = {"DOM", "Dominican Republic"},
	[LC('D', 'Z')] = {"DZA", "Algeria"},
	[LC('E', 'C')] = {"ECU", "Ecuador"},
	[LC('E', 'E')] = {"EST", "Estonia"},
	[LC('E', 'G')] = {"EGY", "Egypt"},
	[LC('E', 'H')] = {"ESH", "Western Sahara"},
	[LC('E', 'R')] = {"ERI", "Eritrea"},
	[LC('E', 'S')] = {"ESP", "Spain"},
	[LC('E', 'T')] = {"ETH", "Ethiopia"},
	[LC('F', 'I')] = {"FIN", "Finland"},
	[LC('F', 'J')] = {"FJI", "Fiji"},
	[LC('F', 'K')] = {"FLK", "Falkland Islands (Malvinas)"},
	[LC('F', 'M')] = {"FSM", "Micronesia, Federated States of"},
	[LC('F', 'O')] = {"FRO", "Faroe Islands"},
	[LC('F', 'R')] = {"FRA", "France"},
	[LC('G', 'A')] = {"GAB", "Gabon"},
	[LC('G', 'B')] = {"GBR", "United Kingdom"},
	[LC('G', 'D')] = {"GRD", "Grenada"},
	[LC('G', 'E')] = {"GEO", "Georgia"},
	[LC('G', 'F')] = {"GUF", "French Guiana"},
	[LC('G', 'G')] = {"GGY", "Guernsey"},
	[LC('G', 'H')] = {"GHA", "Ghana"},
	[LC('G', 'I')] = {"GIB", "Gibraltar"},
	[LC('G', 'L')] = {"GRL", "Greenland"},
	[LC('G', 'M')] = {"GMB", "Gambia"},
	[LC('G', 'N')] = {"GIN", "Guinea"},
	[LC('G', 'P')] = {"GLP", "Guadeloupe"},
	[LC('G', 'Q')] = {"GNQ", "Equatorial Guinea"},
	[LC('G', 'R')] = {"GRC", "Greece"},
	[LC('G', 'S')] = {"SGS", "South Georgia and the South Sandwich Islands"},
	[LC('G', 'T')] = {"GTM", "Guatemala"},
	[LC('G', 'U')] = {"GUM", "Guam"},
	[LC('G', 'W')] = {"GNB", "Guinea-Bissau"},
	[LC('G', 'Y')] = {"GUY", "Guyana"},
	[LC('H', 'K')] = {"HKG", "Hong Kong"},
	[LC('H', 'M')] = {"HMD", "Heard Island and McDonald Islands"},
	[LC('H', 'N')] = {"HND", "Honduras"},
	[LC('H', 'R')] = {"HRV", "Croatia"},
	[LC('H', 'T')] = {"HTI", "Haiti"},
	[LC('H', 'U')] = {"HUN", "Hungary"},
	[LC('I', 'D')] = {"IDN", "Indonesia"},
	[LC('I', 'E')] = {"IRL", "Ireland"},
	[LC('I', 'L')] = {"ISR", "Israel"},
	[LC('I', 'M')] = {"IMN", "Isle of Man"},
	[LC('I', 'N')] = {"IND", "India"},
	[LC('I', 'O')] = {"IOT", "British Indian Ocean Territory"},
	[LC('I', 'Q')] = {"IRQ", "Iraq"},
	[LC('I', 'R')] = {"IRN", "Iran, Islamic Republic of"},
	[LC('I', 'S')] = {"ISL", "Iceland"},
	[LC('I', 'T')] = {"ITA", "Italy"},
	[LC('J', 'E')] = {"JEY", "Jersey"},
	[LC('J', 'M')] = {"JAM", "Jamaica"},
	[LC('J', 'O')] = {"JOR", "Jordan"},
	[LC('J', 'P')] = {"JPN", "Japan"},
	[LC('K', 'E')] = {"KEN", "Kenya"},
	[LC('K', 'G')] = {"KGZ", "Kyrgyzstan"},
	[LC('K', 'H')] = {"KHM", "Cambodia"},
	[LC('K', 'I')] = {"KIR", "Kiribati"},
	[LC('K', 'M')] = {"COM", "Comoros"},
	[LC('K', 'N')] = {"KNA", "Saint Kitts and Nevis"},
	[LC('K', 'P')] = {"PRK", "Korea, Democratic People's Republic of"},
	[LC('K', 'R')] = {"KOR", "Korea, Republic of"},
	[LC('K', 'W')] = {"KWT", "Kuwait"},
	[LC('K', 'Y')] = {"CYM", "Cayman Islands"},
	[LC('K', 'Z')] = {"KAZ", "Kazakhstan"},
	[LC('L', 'A')] = {"LAO", "Lao People's Democratic Republic"},
	[LC('L', 'B')] = {"LBN", "Lebanon"},
	[LC('L', 'C')] = {"LCA", "Saint Lucia"},
	[LC('L', 'I')] = {"LIE", "Liechtenstein"},
	[LC('L', 'K')] = {"LKA", "Sri Lanka"},
	[LC('L', 'R')] = {"LBR", "Liberia"},
	[LC('L', 'S')] = {"LSO", "Lesotho"},
	[LC('L', 'T')] = {"LTU", "Lithuania"},
	[LC('L', 'U')] = {"LUX", "Luxembourg"},
	[LC('L', 'V')] = {"LVA", "Latvia"},
	[LC('L', 'Y')] = {"LBY", "Libya"},
	[LC('M', 'A')] = {"MAR", "Morocco"},
	[LC('M', 'C')] = {"MCO", "Monaco"},
	[LC('M', 'D')] = {"MDA", "Moldova, Republic of"},
	[LC('M', 'E')] = {"MNE", "Montenegro"},
	[LC('M', 'F')] = {"MAF", "Saint Martin (French part)"},
	[LC('M', 'G')] = {"MDG", "Madagascar"},
	[LC('M', 'H')] = {"MHL", "Marshall Islands"},
	[LC('M', 'K')] = {"MKD", "North Macedonia"},
	[LC('M', 'L')] = {"MLI", "Mali"},
	[LC('M', 'M')] = {"MMR", "Myanmar"},
	[LC('M', 'N')] = {"MNG", "Mongolia"},
	[LC('M', 'O')] = {"MAC", "Macao"},
	[LC('M', 'P')] = {"MNP", "Northern Mariana Islands"},
	[LC('M', 'Q')] = {"MTQ", "Martinique"},
	[LC('M', 'R')] = {"MRT", "Mauritania"},
	[LC('M', 'S')] = {"MSR", "Montserrat"},
	[LC('M', 'T')] = {"MLT", "Malta"},
	[LC('M', 'U')] = {"MUS", "Mauritius"},
	[LC('M', 'V')] = {"MDV", "Maldives"},
	[LC('M', 'W')] = {"MWI", "Malawi"},
	[LC('M', 'X')] = {"MEX", "Mexico"},
	[LC('M', 'Y')] = {"MYS", "Malaysia"},
	[LC('M', 'Z')] = {"MOZ", "Mozambique"},
	[LC('N', 'A')] = {"NAM", "Namibia"},
	[LC('N', 'C')] = {"NCL", "New Caledonia"},
	[LC('N', 'E')] = {"NER", "Niger"},
	[LC('N', 'F')] = {"NFK", "Norfolk Island"},
	[LC('N', 'G')] = {"NGA", "Nigeria"},
	[LC('N', 'I')] = {"NIC", "Nicaragua"},
	[LC('N', 'L')] = {"NLD", "Netherlands"},
	[LC('N', 'O')] = {"NOR", "Norway"},
	[LC('N', 'P')] = {"NPL", "Nepal"},
	[LC('N', 'R')] = {"NRU", "Nauru"},
	[LC('N', 'U')] = {"NIU", "Niue"},
	[LC('N', 'Z')] = {"NZL", "New Zealand"},
	[LC('O', 'M')] = {"OMN", "Oman"},
	[LC('P', 'A')] = {"PAN", "Panama"},
	[LC('P', 'E')] = {"PER", "Peru"},
	[LC('P', 'F')] = {"PYF", "French Polynesia"},
	[LC('P', 'G')] = {"PNG", "Papua New Guinea"},
	[LC('P', 'H')] = {"PHL", "Philippines"},
	[LC('P', 'K')] = {"PAK", "Pakistan"},
	[LC('P', 'L')] = {"POL", "Poland"},
	[LC('P', 'M')] = {"SPM", "Saint Pierre and Miquelon"},
	[LC('P', 'N')] = {"PCN", "Pitcairn"},
	[LC('P', 'R')] = {"PRI", "Puerto Rico"},
	[LC('P', 'S')] = {"PSE", "Palestine, State of"},
	[LC('P', 'T')] = {"PRT", "Portugal"},
	[LC('P', 'W')] = {"PLW", "Palau"},
	[LC('P', 'Y')] = {"PRY", "Paraguay"},
	[LC('Q', 'A')] = {"QAT", "Qatar"},
	[LC('R', 'E')] = {"REU", "R\303\251union"},
	[LC('R', 'O')] = {"ROU", "Romania"},
	[LC('R', 'S')] = {"SRB", "Serbia"},
	[LC('R', 'U')] = {"RUS", "Russian Federation"},
	[LC('R', 'W')] = {"RWA", "Rwanda"},
	[LC('S', 'A')] = {"SAU", "Saudi Arabia"},
	[LC('S', 'B')] = {"SLB", "Solomon Islands"},
	[LC('S', 'C')] = {"SYC", "Seychelles"},
	[LC('S', 'D')] = {"SDN", "Sudan"},
	[LC('S', 'E')] = {"SWE", "Sweden"},
	[LC('S', 'G')] = {"SGP", "Singapore"},
	[LC('S', 'H')] = {"SHN", "Saint Helena, Ascension and Tristan da Cunha"},
	[LC('S', 'I')] = {"SVN", "Slovenia"},
	[LC('S', 'J')] = {"SJM", "Svalbard and Jan Mayen"},
	[LC('S', 'K')] = {"SVK", "Slovakia"},
	[LC('S', 'L')] = {"SLE", "Sierra Leone"},
	[LC('S', 'M')] = {"SMR", "San Marino"},
	[LC('S', 'N')] = {"SEN", "Senegal"},
	[LC('S', 'O')] = {"SOM", "Somalia"},
	[LC('S', 'R')] = {"SUR", "Suriname"},
	[LC('S', 'S')] = {"SSD", "South Sudan"},
	[LC('S', 'T')] = {"STP", "Sao Tome and Principe"},
	[LC('S', 'V')] = {"SLV", "El Salvador"},
	[LC('S', 'X')] = {"SXM", "Sint Maarten (Dutch part)"},
	[LC('S', 'Y')] = {"SYR", "Syrian Arab Republic"},
	[LC('S', 'Z')] = {"SWZ", "Eswatini"},
	[LC('T', 'C')] = {"TCA", "Turks and Caicos Islands"},
	[LC('T', 'D')] = {"TCD", "Chad"},
	[LC('T', 'F')] = {"ATF", "French Southern Territories"},
	[LC('T', 'G')] = {"TGO", "Togo"},
	[LC('T', 'H')] = {"THA", "Thailand"},
	[LC('T', 'J')] = {"TJK", "Tajikistan"},
	[LC('T', 'K')] = {"TKL", "Tokelau"},
	[LC('T', 'L')] = {"TLS", "Timor-Leste"},
	[LC('T', 'M')] = {"TKM", "Turkmenistan"},
	[LC('T', 'N')] = {"TUN", "Tunisia"},
	[LC('T', 'O')] = {"TON", "Tonga"},
	[LC('T', 'R')] = {"TUR", "T\303\274rkiye"},
	[LC('T', 'T')] = {"TTO", "Trinidad and Tobago"},
	[LC('T', 'V')] = {"TUV", "Tuvalu"},
	[LC('T', 'W')] = {"TWN", "Taiwan, Province of China"},
	[LC('T', 'Z')] = {"TZA", "Tanzania, United Republic of"},
	[LC('U', 'A')] = {"UKR", "Ukraine"},
	[LC('U', 'G')] = {"UGA", "Uganda"},
	[LC('U', 'M')] = {"UMI", "United States Minor Outlying Islands"},
	[LC('U', 'S')] = {"USA", "United States"},
	[LC('U', 'Y')] = {"URY", "Uruguay"},
	[LC('U', 'Z')] = {"UZB", "Uzbekistan"},
	[LC('V', 'A')] = {"VAT", "Holy See (Vatican City State)"},
	[LC('V', 'C')] = {"VCT", "Saint Vincent and the Grenadines"},
	[LC('V', 'E')] = {"VEN", "Venezuela, Bolivarian Republic of"},
	[LC('V', 'G')] = {"VGB", "Virgin Islands, British"},
	[LC('V', 'I')] = {"VIR", "Virgin Islands, U.S."},
	[LC('V', 'N')] = {"VNM", "Viet Nam"},
	[LC('V', 'U')] = {"VUT", "Vanuatu"},
	[LC('W', 'F')] = {"WLF", "Wallis and Futuna"},
	[LC('W', 'S')] = {"WSM", "Samoa"},
	[LC('Y', 'E')] = {"YEM", "Yemen"},
	[LC('Y', 'T')] = {"MYT", "Mayotte"},
	[LC('Z', 'A')] = {"ZAF", "South Africa"},
	[LC('Z', 'M')] = {"ZMB", "Zambia"},
	[LC('Z', 'W')] = {"ZWE", "Zimbabwe"},
	/* END generated */
};

/*
 * RvIG Tabel 34 (Landentabel) codes with their ISO 3166-1 equivalent: the
 * 223 pairs of data/tabel34-landcodes.csv, the mapping Open Klant 2.18
 * applies (src/openklant/utils/constants.py, COUNTRIES_DICT, taken from
 * RvIG's published "Tabel 34 Landen").  Tabel 34 also lists countries that
 * no longer exist; those have no ISO code and no pair.  The pairs are one to
 * one; the Makefile generates landcode_rvig.h from the CSV with
 * tools/landcode_rvig.awk, which refuses a code that occurs twice.
 */
typedef struct rvig_pair
{
	int16_t		landcode;
	int16_t		rvig;
} rvig_pair;

static const rvig_pair rvig_map[] = {
#include "landcode_rvig.h"
};

#define N_RVIG (sizeof(rvig_map) / sizeof(rvig_map[0]))

/* The one list of assigned codes also serves bic (iso3166_core.h). */
bool
ki_iso3166_alpha2_known(const char c[2])
{
	if (!ki_isupper(c[0]) || !ki_isupper(c[1]))
		return false;
	return countries[LC(c[0], c[1])].alpha3 != NULL;
}

bool
ki_landcode_check(int64_t v, ki_reason *why)
{
	char		code[KI_LANDCODE_LEN + 1];

	if (v < 0 || v >= KI_LANDCODE_SLOTS)
		return ki_fail(why, "Landcode value %lld lies outside 0..%d, the range of AA to ZZ.",
					   (long long) v, KI_LANDCODE_SLOTS - 1);
	if (countries[v].alpha3 != NULL)
		return true;
	ki_landcode_format((int16_t) v, code);
	ki_fail(why, "Landcode \"%s\" is not assigned in ISO 3166-1.", code);
	if (v == LC('U', 'K'))
		ki_hint(why, "The code of the United Kingdom is GB.");
	else if (v == LC('E', 'U'))
		ki_hint(why, "EU is reserved in ISO 3166-1 for the European Union, which is not a country.");
	else if (v == LC('X', 'K'))
		ki_hint(why, "XK (Kosovo) is a user-assigned code outside ISO 3166-1.");
	return false;
}

/* Hint for a three-letter code that is an alpha-3 code. */
static void
hint_alpha3(const char *p, ki_reason *why)
{
	char		up[4];
	char		code[KI_LANDCODE_LEN + 1];

	for (int i = 0; i < 3; i++)
		up[i] = ki_toupper(p[i]);
	up[3] = '\0';
	for (int v = 0; v < KI_LANDCODE_SLOTS; v++)
	{
		if (countries[v].alpha3 != NULL && strcmp(countries[v].alpha3, up) == 0)
		{
			ki_landcode_format((int16_t) v, code);
			ki_hint(why, "\"%s\" is the ISO 3166-1 alpha-3 code of %s; write \"%s\".", up, code, code);
			return;
		}
	}
}

bool
ki_landcode_parse(const char *s, int16_t *out, ki_reason *why)
{
	const char *p;
	size_t		len;
	char		cbuf[16];
	int			v;

	if (!ki_trim(s, &p, &len, why))
		return false;
	if (len == 0)
		return ki_fail(why, "The value is empty; a landcode is two letters (ISO 3166-1 alpha-2), like \"NL\".");
	for (size_t i = 0; i < len; i++)
	{
		if (!ki_isalpha(p[i]))
		{
			bool		four_digits = len == KI_RVIG_LEN;

			for (size_t j = 0; j < len; j++)
				four_digits = four_digits && ki_isdigit(p[j]);
			ki_fail(why, "Landcode contains %s; a landcode is two letters (ISO 3166-1 alpha-2).",
					ki_char_desc(p[i], cbuf, sizeof(cbuf)));
			if (four_digits)
				ki_hint(why, "Four digits are an RvIG Tabel 34 code; convert it with landcode_from_rvig().");
			return false;
		}
	}
	if (len != KI_LANDCODE_LEN)
	{
		ki_fail(why, "Landcode has %zu letter%s, expected 2 (ISO 3166-1 alpha-2).",
				len, len == 1 ? "" : "s");
		if (len == 3)
			hint_alpha3(p, why);
		return false;
	}
	v = LC(ki_toupper(p[0]), ki_toupper(p[1]));
	if (!ki_landcode_check(v, why))
		return false;
	*out = (int16_t) v;
	return true;
}

void
ki_landcode_format(int16_t v, char *buf)
{
	buf[0] = (char) ('A' + v / 26);
	buf[1] = (char) ('A' + v % 26);
	buf[2] = '\0';
}

const char *
ki_landcode_name(int16_t v)
{
	return v >= 0 && v < KI_LANDCODE_SLOTS ? countries[v].name : NULL;
}

int
ki_landcode_rvig(int16_t v)
{
	for (size_t i = 0; i < N_RVIG; i++)
		if (rvig_map[i].landcode == v)
			return rvig_map[i].rvig;
	return -1;
}

bool
ki_landcode_from_rvig(const char *s, int16_t *out, ki_reason *why)
{
	const char *p;
	size_t		len;
	char		cbuf[16];
	int			code = 0;

	if (!ki_trim(s, &p, &len, why))
		return false;
	if (len == 0)
		return ki_fail(why, "The value is empty; an RvIG Tabel 34 code is four digits, like \"6030\".");
	for (size_t i = 0; i < len; i++)
	{
		if (!ki_isdigit(p[i]))
			return ki_fail(why, "RvIG Tabel 34 code contains %s; it is four digits, like \"6030\".",
						   ki_char_desc(p[i], cbuf, sizeof(cbuf)));
		if (i < KI_RVIG_LEN)
			code = code * 10 + (p[i] - '0');
	}
	if (len != KI_RVIG_LEN)
		return ki_fail(why, "RvIG Tabel 34 code has %zu digit%s, expected 4.", len, len == 1 ? "" : "s");
	for (size_t i = 0; i < N_RVIG; i++)
	{
		if (rvig_map[i].rvig == code)
		{
			*out = rvig_map[i].landcode;
			return true;
		}
	}
	ki_fail(why, "RvIG Tabel 34 code %04d has no ISO 3166-1 alpha-2 equivalent.", code);
	ki_hint(why, "Tabel 34 also lists countries that no longer exist; those have no landcode.");
	return false;
}
