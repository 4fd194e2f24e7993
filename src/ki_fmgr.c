/*
 * ki_fmgr.c
 *		Error reporting shared by the fmgr glue of every type.
 */
#include "ki_fmgr.h"

#include <limits.h>

#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/numeric.h"

#if PG_VERSION_NUM >= 160000
#include "nodes/miscnodes.h"
#endif

/*
 * The rejected value as a message quotes it: whole up to KI_SHOWN_MAX bytes;
 * a longer one is cut after its first KI_SHOWN_MAX bytes (at a character
 * boundary of the database encoding) and the message says so and gives the
 * length, "1111..."... (first 128 of 104857600 bytes), so that a 100 MB input
 * does not make a 100 MB message for the client and the server log.  literal
 * quotes as an SQL literal ('...'), otherwise in double quotes.
 */
static char *
ki_shown(const char *input, bool literal)
{
	size_t		len = strlen(input);
	int			cut;
	char	   *head;

	if (len <= KI_SHOWN_MAX)
		return literal ? quote_literal_cstr(input) : psprintf("\"%s\"", input);
	cut = pg_mbcliplen(input, (int) Min(len, (size_t) INT_MAX), KI_SHOWN_MAX);
	head = pnstrdup(input, cut);
	return psprintf("%s... (first %d of %zu bytes)",
					literal ? quote_literal_cstr(head) : psprintf("\"%s\"", head),
					cut, len);
}

void
ki_invalid_text(Node *escontext, const char *typname, const char *input,
				const ki_reason *why)
{
#if PG_VERSION_NUM >= 160000
	errsave(escontext,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type %s: %s", typname, ki_shown(input, false)),
			 errdetail_internal("%s", why->detail),
			 why->hint[0] ? errhint("%s", why->hint) : 0));
#else
	(void) escontext;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type %s: %s", typname, ki_shown(input, false)),
			 errdetail_internal("%s", why->detail),
			 why->hint[0] ? errhint("%s", why->hint) : 0));
#endif
}

void
ki_invalid_value(const char *typname, const char *input, bool literal,
				 const ki_reason *why)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid value for type %s: %s", typname,
					literal ? ki_shown(input, true) : input),
			 errdetail_internal("%s", why->detail),
			 why->hint[0] ? errhint("%s", why->hint) : 0));
}

void
ki_invalid_binary(const char *typname, const ki_reason *why)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid external value for type %s", typname),
			 errdetail_internal("%s", why->detail)));
}

char *
ki_text_arg(FunctionCallInfo fcinfo, int argno)
{
	return text_to_cstring(PG_GETARG_TEXT_PP(argno));
}

bool
ki_jsonb_scalar_text(const JsonbValue *v, const char **s, size_t *len, bool *copied)
{
	if (v->type == jbvString)
	{
		*s = v->val.string.val;
		*len = v->val.string.len;
		*copied = false;
		return true;
	}
	if (v->type == jbvNumeric)
	{
		*s = DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(v->val.numeric)));
		*len = strlen(*s);
		*copied = true;
		return true;
	}
	return false;
}
