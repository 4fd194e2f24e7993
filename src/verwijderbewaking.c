/*
 * verwijderbewaking.c
 *		The guard against dropping the registry by one statement (issue 14,
 *		finding 2): an event trigger function for ddl_command_start.
 *
 * DROP EXTENSION klantinteracties deletes every table of the extension, the
 * audit trail included.  The event trigger klantinteracties_verwijderbewaking
 * (src/sql/78_verwijderbewaking.sql) runs this function before DROP
 * EXTENSION, DROP SCHEMA and DROP OWNED do anything; it refuses a statement
 * that would drop the extension unless the setting
 * klantinteracties.verwijderen_toegestaan is on:
 *
 *   - DROP EXTENSION klantinteracties, with or without CASCADE;
 *   - with CASCADE, DROP EXTENSION or DROP SCHEMA of anything the extension
 *     rests on (its schema, pg_trgm, pg_trgm's schema: what pg_depend says
 *     the extension and the extensions it requires depend on);
 *   - DROP OWNED BY the extension's owner.
 *
 * Why here and not at sql_drop: an event trigger that is a member of the
 * extension is gone by the time sql_drop fires for the DROP EXTENSION that
 * removes it (PostgreSQL reads the event triggers anew after the drop), and
 * one that is not a member would be dumped by pg_dump and outlive the
 * extension.  At ddl_command_start only a C function sees which objects the
 * statement names (the parse tree).
 */
#include "postgres.h"
#include "fmgr.h"

#include "catalog/namespace.h"
#include "catalog/pg_extension.h"
#include "catalog/pg_namespace.h"
#include "catalog/pg_type.h"
/* PostgreSQL's executor headers have inline functions with unused
 * parameters, which -Wextra reports. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"
#include "commands/event_trigger.h"
#include "commands/extension.h"
#include "executor/spi.h"
#pragma GCC diagnostic pop
#include "nodes/parsenodes.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/guc.h"

#define KI_EXTENSIE "klantinteracties"
#define KI_INSTELLING "klantinteracties.verwijderen_toegestaan"

static bool ki_verwijderen_toegestaan = false;

void		ki_verwijderbewaking_init(void);

/* The setting, defined when the library is loaded (_PG_init, module.c). */
void
ki_verwijderbewaking_init(void)
{
	DefineCustomBoolVariable(KI_INSTELLING,
							 "Allows DROP EXTENSION klantinteracties, which deletes the whole registry.",
							 "Set it only in the transaction that drops the extension: "
							 "SET LOCAL " KI_INSTELLING " = on.",
							 &ki_verwijderen_toegestaan,
							 false,
							 PGC_USERSET,
							 0,
							 NULL, NULL, NULL);
}

/*
 * Does the extension rest on the object (classid, objid): is it the
 * extension, or something the extension or an extension it requires depends
 * on (transitively, through pg_depend's normal dependencies of extensions)?
 * With only_itself, only the extension itself counts.
 */
static bool
raakt_extensie(Oid classid, Oid objid, bool only_itself)
{
	Oid			argtypes[3] = {OIDOID, OIDOID, BOOLOID};
	Datum		values[3];
	bool		raakt;
	bool		isnull;
	int			ret;

	values[0] = ObjectIdGetDatum(classid);
	values[1] = ObjectIdGetDatum(objid);
	values[2] = BoolGetDatum(only_itself);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	ret = SPI_execute_with_args(
		"WITH RECURSIVE steun(classid, objid) AS ("
		" SELECT 'pg_catalog.pg_extension'::pg_catalog.regclass::pg_catalog.oid, e.oid"
		"   FROM pg_catalog.pg_extension e WHERE e.extname OPERATOR(pg_catalog.=) '" KI_EXTENSIE "'"
		" UNION"
		" SELECT d.refclassid, d.refobjid FROM pg_catalog.pg_depend d, steun s"
		"  WHERE NOT $3 AND d.classid OPERATOR(pg_catalog.=) s.classid AND d.objid OPERATOR(pg_catalog.=) s.objid"
		"    AND d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_extension'::pg_catalog.regclass"
		"    AND d.deptype OPERATOR(pg_catalog.=) 'n')"
		" SELECT EXISTS (SELECT FROM steun s WHERE s.classid OPERATOR(pg_catalog.=) $1"
		"                 AND s.objid OPERATOR(pg_catalog.=) $2)",
		3, argtypes, values, NULL, true, 1);
	if (ret != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "could not read the dependencies of extension %s", KI_EXTENSIE);
	raakt = DatumGetBool(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	SPI_finish();
	return raakt;
}

/* The extension's owner, or InvalidOid when it is not installed. */
static Oid
extensie_eigenaar(void)
{
	Oid			eigenaar = InvalidOid;
	bool		isnull;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (SPI_execute("SELECT e.extowner FROM pg_catalog.pg_extension e"
					" WHERE e.extname OPERATOR(pg_catalog.=) '" KI_EXTENSIE "'", true, 1) != SPI_OK_SELECT)
		elog(ERROR, "could not read extension %s", KI_EXTENSIE);
	if (SPI_processed == 1)
	{
		Datum		d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);

		if (!isnull)
			eigenaar = DatumGetObjectId(d);
	}
	SPI_finish();
	return eigenaar;
}

/* The statement would drop the extension: refuse, or let it pass. */
static void
bewaak(const char *wat)
{
	if (ki_verwijderen_toegestaan)
	{
		ereport(LOG,
				(errmsg("extension \"%s\" and its registry are dropped by %s (%s is on)",
						KI_EXTENSIE, wat, KI_INSTELLING)));
		return;
	}
	ereport(ERROR,
			(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
			 errmsg("refusing to drop extension \"%s\": it holds the registry", KI_EXTENSIE),
			 errdetail("%s would drop extension \"%s\" and every table of the registry with it, the audit trail included.",
					   wat, KI_EXTENSIE),
			 errhint("If that is meant, take a pg_dump first, then run the statement in a transaction "
					 "after SET LOCAL %s = on.", KI_INSTELLING)));
}

PG_FUNCTION_INFO_V1(ki_verwijderbewaking);
Datum
ki_verwijderbewaking(PG_FUNCTION_ARGS)
{
	EventTriggerData *trigdata;
	Node	   *stmt;

	if (!CALLED_AS_EVENT_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function ki_verwijderbewaking() must be called by an event trigger")));
	trigdata = (EventTriggerData *) fcinfo->context;
	stmt = trigdata->parsetree;

	if (IsA(stmt, DropStmt))
	{
		DropStmt   *drop = (DropStmt *) stmt;
		bool		cascade = drop->behavior == DROP_CASCADE;
		ListCell   *lc;

		if (drop->removeType != OBJECT_EXTENSION && drop->removeType != OBJECT_SCHEMA)
			PG_RETURN_VOID();
		foreach(lc, drop->objects)
		{
			const char *naam = strVal(lfirst(lc));
			Oid			classid;
			Oid			objid;

			if (drop->removeType == OBJECT_EXTENSION)
			{
				classid = ExtensionRelationId;
				objid = get_extension_oid(naam, true);
			}
			else
			{
				classid = NamespaceRelationId;
				objid = get_namespace_oid(naam, true);
			}
			if (OidIsValid(objid) && raakt_extensie(classid, objid, !cascade))
				bewaak(drop->removeType == OBJECT_EXTENSION
					   ? (cascade ? "DROP EXTENSION ... CASCADE" : "DROP EXTENSION")
					   : "DROP SCHEMA ... CASCADE");
		}
	}
	else if (IsA(stmt, DropOwnedStmt))
	{
		DropOwnedStmt *drop = (DropOwnedStmt *) stmt;
		Oid			eigenaar = extensie_eigenaar();
		ListCell   *lc;

		if (!OidIsValid(eigenaar))
			PG_RETURN_VOID();
		foreach(lc, drop->roles)
		{
			if (get_rolespec_oid(lfirst(lc), true) == eigenaar)
				bewaak("DROP OWNED BY its owner");
		}
	}
	PG_RETURN_VOID();
}
