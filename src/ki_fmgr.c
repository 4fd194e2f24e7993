/*
 * ki_fmgr.c
 *		Error reporting shared by the fmgr glue of every type.
 */
#include "ki_fmgr.h"

#include "utils/builtins.h"

#if PG_VERSION_NUM >= 160000
#include "nodes/miscnodes.h"
#endif

void
ki_invalid_text(Node *escontext, const char *typname, const char *input,
				const ki_reason *why)
{
#if PG_VERSION_NUM >= 160000
	errsave(escontext,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type %s: \"%s\"", typname, input),
			 errdetail_internal("%s", why->detail),
			 why->hint[0] ? errhint("%s", why->hint) : 0));
#else
	(void) escontext;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type %s: \"%s\"", typname, input),
			 errdetail_internal("%s", why->detail),
			 why->hint[0] ? errhint("%s", why->hint) : 0));
#endif
}

void
ki_invalid_value(const char *typname, const char *input, const ki_reason *why)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid value for type %s: %s", typname, input),
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
