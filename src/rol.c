/*
 * rol.c
 *		The acting role and its scopes (48_beveiliging_rollen.sql):
 *		handelende_rol(), jwt_claims() and heeft_scope(text).
 *
 * Every row-level security policy asks heeft_scope(...) in an initPlan, so
 * every query of a reader evaluates it several times.  As an inlined SQL
 * expression each evaluation cost an executor start-up of some thirty
 * function nodes (each with its EXECUTE privilege check) and, in PL/pgSQL,
 * again in every transaction: about 30 microseconds of CPU per call on this
 * project's machine (docs/benchmarks.md, benchmark 3), for a test that is a
 * role lookup, one privilege check and, for PostgREST, a look at one claim.
 * In C it is one function node.  No SQL is parsed here, so no caller's
 * search_path or setting can change what it does.
 *
 * The rules, each once:
 *	 - the acting role is the role set by SET ROLE (as PostgREST sets it),
 *	   else the session user; unlike current_user it stays the caller's
 *	   inside SECURITY DEFINER functions and views;
 *	 - the JWT claims count only when the session user is a member of
 *	   klantinteracties_postgrest (the authenticator), and the setting
 *	   request.jwt.claims is not empty;
 *	 - a role holds a scope when it has USAGE on the scope's marker type in
 *	   the extension's schema (scope_read, ...; superusers have every
 *	   privilege) and the claims, if they have a "scope" member, name it: a
 *	   string of names separated by white space (OAuth 2.0) or an array of
 *	   names; any other "scope" names none.  A claim narrows, never widens.
 */
#include "postgres.h"

#include "catalog/pg_collation.h"
#include "catalog/pg_type.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
/*
 * Inline functions in this header leave parameters unused, which -Wextra
 * reports; the warnings are PostgreSQL's, not ours.
 */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"
#include "utils/guc.h"
#pragma GCC diagnostic pop
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/syscache.h"

PG_FUNCTION_INFO_V1(ki_handelende_rol);
PG_FUNCTION_INFO_V1(ki_jwt_claims);
PG_FUNCTION_INFO_V1(ki_heeft_scope);

/* The acting role: the one SET ROLE set, else the session user. */
static Oid
handelende_rol_oid(void)
{
	Oid			rol = GetCurrentRoleId();

	return OidIsValid(rol) ? rol : GetSessionUserId();
}

/* The text of the verified JWT claims of the PostgREST request, or NULL. */
static const char *
jwt_claims_tekst(void)
{
	const char *claims;

	if (!is_member_of_role(GetSessionUserId(), get_role_oid("klantinteracties_postgrest", false)))
		return NULL;
	claims = GetConfigOption("request.jwt.claims", true, false);
	if (claims == NULL || claims[0] == '\0')
		return NULL;
	return claims;
}

/* The verified JWT claims of the PostgREST request, or NULL. */
static Jsonb *
jwt_claims(void)
{
	const char *claims = jwt_claims_tekst();

	if (claims == NULL)
		return NULL;
	return DatumGetJsonbP(DirectFunctionCall1(jsonb_in, CStringGetDatum(claims)));
}

Datum
ki_handelende_rol(PG_FUNCTION_ARGS)
{
	Name		naam = (Name) palloc0(NAMEDATALEN);

	(void) fcinfo;
	namestrcpy(naam, GetUserNameFromId(handelende_rol_oid(), false));
	PG_RETURN_NAME(naam);
}

Datum
ki_jwt_claims(PG_FUNCTION_ARGS)
{
	Jsonb	   *claims = jwt_claims();

	(void) fcinfo;
	if (claims == NULL)
		PG_RETURN_NULL();
	PG_RETURN_JSONB_P(claims);
}

/* The scopes heeft_scope knows; each has its marker type scope_<name>. */
static const char *const scopes[] = {"read", "write", "bsn", "geheim", "beheer"};

/* Whether the claims' "scope" member, if any, names the scope. */
static bool
claims_noemen(Jsonb *claims, text *scope)
{
	JsonbValue	sleutel;
	JsonbValue *waarde;

	/* No claims, or no object with a "scope" member: nothing narrowed. */
	if (claims == NULL)
		return true;
	sleutel.type = jbvString;
	sleutel.val.string.val = "scope";
	sleutel.val.string.len = strlen("scope");
	waarde = findJsonbValueFromContainer(&claims->root, JB_FOBJECT, &sleutel);
	if (waarde == NULL)
		return true;

	if (waarde->type == jbvString)
	{
		/* "read bsn": split as regexp_split_to_array(..., '[[:space:]]+'). */
		ArrayType  *namen;
		Datum	   *elementen;
		bool	   *leeg;
		int			n;

		namen = DatumGetArrayTypeP(DirectFunctionCall2Coll(regexp_split_to_array, DEFAULT_COLLATION_OID,
														   PointerGetDatum(cstring_to_text_with_len(waarde->val.string.val,
																									waarde->val.string.len)),
														   CStringGetTextDatum("[[:space:]]+")));
		deconstruct_array(namen, TEXTOID, -1, false, TYPALIGN_INT, &elementen, &leeg, &n);
		for (int i = 0; i < n; i++)
		{
			text	   *naam = DatumGetTextPP(elementen[i]);

			if (!leeg[i] && VARSIZE_ANY_EXHDR(naam) == VARSIZE_ANY_EXHDR(scope)
				&& memcmp(VARDATA_ANY(naam), VARDATA_ANY(scope), VARSIZE_ANY_EXHDR(scope)) == 0)
				return true;
		}
		return false;
	}
	if (waarde->type == jbvBinary && JsonContainerIsArray(waarde->val.binary.data))
	{
		/* ["read", "bsn"]: as the operator ? on the array. */
		JsonbValue	naam;

		naam.type = jbvString;
		naam.val.string.val = VARDATA_ANY(scope);
		naam.val.string.len = VARSIZE_ANY_EXHDR(scope);
		return findJsonbValueFromContainer(waarde->val.binary.data, JB_FARRAY, &naam) != NULL;
	}
	/* A number, boolean, null or object: names no scope. */
	return false;
}

/*
 * Which scopes the claims name, as bits in the order of scopes[]: parsed once
 * per distinct claims text (PostgREST sets the same text for every statement
 * of a request; heeft_scope runs several times per statement), kept for the
 * session.  Claims that fail to parse are not kept: they fail every time.
 */
static char *benoemd_tekst = NULL;
static int	benoemd_bits = 0;

static int
claims_bits(const char *claims)
{
	Jsonb	   *j;
	int			bits = 0;

	if (benoemd_tekst != NULL && strcmp(benoemd_tekst, claims) == 0)
		return benoemd_bits;
	j = DatumGetJsonbP(DirectFunctionCall1(jsonb_in, CStringGetDatum(claims)));
	for (int i = 0; i < (int) lengthof(scopes); i++)
		if (claims_noemen(j, cstring_to_text(scopes[i])))
			bits |= 1 << i;
	if (benoemd_tekst != NULL)
		pfree(benoemd_tekst);
	benoemd_tekst = MemoryContextStrdup(TopMemoryContext, claims);
	benoemd_bits = bits;
	return bits;
}

Datum
ki_heeft_scope(PG_FUNCTION_ARGS)
{
	text	   *scope;
	const char *claims;
	char	   *naam;
	char		type[NAMEDATALEN];
	Oid			typoid = InvalidOid;
	Oid			schema;
	int			gevonden = -1;

	if (PG_ARGISNULL(0))
		PG_RETURN_BOOL(false);
	scope = PG_GETARG_TEXT_PP(0);
	naam = text_to_cstring(scope);
	for (int i = 0; i < (int) lengthof(scopes); i++)
	{
		if (strcmp(naam, scopes[i]) == 0)
		{
			/* The marker type in this function's own schema. */
			schema = get_func_namespace(fcinfo->flinfo->fn_oid);
			snprintf(type, sizeof(type), "scope_%s", naam);
			typoid = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid, CStringGetDatum(type),
									 ObjectIdGetDatum(schema));
			gevonden = i;
			break;
		}
	}
	/* An unknown scope, or its type gone: held by nobody. */
	if (!OidIsValid(typoid))
		PG_RETURN_BOOL(false);
#if PG_VERSION_NUM >= 160000
	if (object_aclcheck(TypeRelationId, typoid, handelende_rol_oid(), ACL_USAGE) != ACLCHECK_OK)
#else
	if (pg_type_aclcheck(typoid, handelende_rol_oid(), ACL_USAGE) != ACLCHECK_OK)
#endif
		PG_RETURN_BOOL(false);
	claims = jwt_claims_tekst();
	PG_RETURN_BOOL(claims == NULL || (claims_bits(claims) & (1 << gevonden)) != 0);
}
