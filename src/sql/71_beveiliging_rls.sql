-- Security, part 2: row-level security on the registry tables, and the
-- privileges of the group roles.  docs/security.md has the rules as a table.
--
-- Policies decide which rows exist for a caller; the API views decide which
-- columns of those rows it sees (masks).  Every policy names the group role
-- it is for (klantinteracties_lezer for SELECT, _schrijver for writes,
-- _burger for the citizen), and checks the scope, which a JWT may have
-- narrowed, in an initPlan: (SELECT heeft_scope('read')).
--
--   * BSN identificators exist only with the bsn scope.  Whoever may write
--     one may therefore see every existing one, so a unique violation on
--     insert reveals nothing new (and RLS checks WITH CHECK before any
--     unique index, so without the bsn scope the answer is 42501 whether
--     or not the BSN exists).  PostgreSQL leaves the key out of the error
--     detail of a table with row-level security.
--   * Without the geheim scope, what hangs under a secret partij does not
--     exist: its persoon / organisatie / contactpersoon details, digitale
--     adressen, rekeningnummers, categorie-relaties, vertegenwoordigingen
--     and betrokkenen.  The partij row itself stays (uuid and flag), and
--     so do its non-BSN identificators (public registers).
--   * Without the geheim scope, the onderwerpobjecten and bijlagen of a
--     vertrouwelijk klantcontact do not exist; the klantcontact row does.
--   * A writer without the geheim scope cannot change or delete a secret
--     partij or a vertrouwelijk klantcontact, nor add or move an
--     onderwerpobject, bijlage or interne taak under a vertrouwelijk one
--     (the flag is set by the BEFORE trigger, before WITH CHECK runs); a writer without the bsn
--     scope cannot change or delete a row whose text or free identificator
--     holds a BSN.  The API views show such a caller those values masked,
--     and write back what the view showed for the fields a PATCH leaves
--     out; these rules keep a mask from being written over the real value.

-- The flags the policies test (docs/security.md, section 2).  Rows that
-- hang under a partij carry geheim: the partij they belong to asked for
-- secrecy (indicatie_geheimhouding); a vertegenwoordiging when either
-- side did, a betrokkene when the partij it was did, a digitaal adres when
-- its partij or its betrokkene is secret.  Rows under a klantcontact that
-- are hidden or masked for vertrouwelijke contacts (onderwerpobject,
-- bijlage, interne taak) carry vertrouwelijk.  A policy then compares a
-- column of the row itself, which costs nothing per row, instead of
-- testing the row against a set of secret partijen.  The database keeps
-- the flags: a row copies them when it is written or moved (its reference
-- in the SET list, or the flag itself: nobody sets it by hand), and a
-- change of the parent's flag moves to its rows.
-- A row that loses its reference (its partij deleted, an address
-- unlinked) keeps its flag: what was given in secret stays secret.  The
-- audit trail does not record a change of these derived flags alone.

-- Kind: internal (definer, owned by the installing superuser: sees every row).
CREATE OR REPLACE FUNCTION vlaggen_overnemen() RETURNS trigger
	LANGUAGE plpgsql VOLATILE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	geheim boolean;
BEGIN
	-- One branch per table: each names only its own columns.
	IF TG_TABLE_NAME = 'onderwerpobject' THEN
		NEW.vertrouwelijk := coalesce((SELECT k.vertrouwelijk FROM klantinteracties.klantcontact k
										WHERE k.uuid = NEW.klantcontact), false);
		RETURN NEW;
	ELSIF TG_TABLE_NAME = 'bijlage' THEN
		NEW.vertrouwelijk := coalesce((SELECT k.vertrouwelijk FROM klantinteracties.klantcontact k
										WHERE k.uuid = NEW.was_bijlage_van_klantcontact), false);
		RETURN NEW;
	ELSIF TG_TABLE_NAME = 'interne_taak' THEN
		NEW.vertrouwelijk := coalesce((SELECT k.vertrouwelijk FROM klantinteracties.klantcontact k
										WHERE k.uuid = NEW.aanleidinggevend_klantcontact), false);
		RETURN NEW;
	ELSIF TG_TABLE_NAME = 'partij_identificator' THEN
		geheim := (SELECT p.indicatie_geheimhouding IS TRUE FROM klantinteracties.partij p WHERE p.uuid = NEW.identificeerde_partij);
	ELSIF TG_TABLE_NAME = 'vertegenwoordiging' THEN
		geheim := (SELECT pg_catalog.bool_or(p.indicatie_geheimhouding IS TRUE) FROM klantinteracties.partij p
					WHERE p.uuid IN (NEW.vertegenwoordigende_partij, NEW.vertegenwoordigde_partij));
	ELSIF TG_TABLE_NAME = 'betrokkene' THEN
		geheim := (SELECT p.indicatie_geheimhouding IS TRUE FROM klantinteracties.partij p WHERE p.uuid = NEW.was_partij);
	ELSIF TG_TABLE_NAME = 'digitaal_adres' THEN
		IF NEW.verstrekt_door_partij IS NOT NULL OR NEW.verstrekt_door_betrokkene IS NOT NULL THEN
			geheim := coalesce((SELECT p.indicatie_geheimhouding IS TRUE FROM klantinteracties.partij p
								 WHERE p.uuid = NEW.verstrekt_door_partij), false)
				   OR coalesce((SELECT b.geheim FROM klantinteracties.betrokkene b
								 WHERE b.uuid = NEW.verstrekt_door_betrokkene), false);
		END IF;
	ELSE
		-- persoon, organisatie, contactpersoon, rekeningnummer, categorie_relatie
		geheim := (SELECT p.indicatie_geheimhouding IS TRUE FROM klantinteracties.partij p WHERE p.uuid = NEW.partij);
	END IF;
	-- No parent (any more): an inserted row is not secret, a detached one
	-- stays what it was.
	NEW.geheim := CASE WHEN geheim IS NOT NULL THEN geheim WHEN TG_OP = 'UPDATE' THEN OLD.geheim ELSE false END;
	RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION vlaggen_overnemen() FROM PUBLIC;
COMMENT ON FUNCTION vlaggen_overnemen() IS 'Trigger function (BEFORE INSERT OR UPDATE OF its references, per row, on the tables under a partij or a klantcontact): sets geheim from the partij (both partijen of a vertegenwoordiging; the partij or betrokkene of a digitaal adres) or vertrouwelijk from the klantcontact; a row that lost its reference keeps its geheim.';

-- Kind: internal (definer, owned by the installing superuser: sees every row).
CREATE OR REPLACE FUNCTION vlaggen_doorgeven() RETURNS trigger
	LANGUAGE plpgsql VOLATILE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
BEGIN
	-- Rewriting a row's reference makes vlaggen_overnemen compute its flag
	-- again, by the one rule.
	IF TG_TABLE_NAME = 'partij' THEN
		UPDATE klantinteracties.persoon SET partij = partij WHERE partij = NEW.uuid;
		UPDATE klantinteracties.organisatie SET partij = partij WHERE partij = NEW.uuid;
		UPDATE klantinteracties.contactpersoon SET partij = partij WHERE partij = NEW.uuid;
		UPDATE klantinteracties.rekeningnummer SET partij = partij WHERE partij = NEW.uuid;
		UPDATE klantinteracties.categorie_relatie SET partij = partij WHERE partij = NEW.uuid;
		UPDATE klantinteracties.partij_identificator SET identificeerde_partij = identificeerde_partij
		 WHERE identificeerde_partij = NEW.uuid;
		UPDATE klantinteracties.vertegenwoordiging SET vertegenwoordigende_partij = vertegenwoordigende_partij
		 WHERE vertegenwoordigende_partij = NEW.uuid OR vertegenwoordigde_partij = NEW.uuid;
		UPDATE klantinteracties.betrokkene SET was_partij = was_partij WHERE was_partij = NEW.uuid;
		UPDATE klantinteracties.digitaal_adres SET verstrekt_door_partij = verstrekt_door_partij
		 WHERE verstrekt_door_partij = NEW.uuid;
		-- Its history in the audit trail becomes secret with it (and stays so).
		IF NEW.indicatie_geheimhouding THEN
			UPDATE klantinteracties.wijzigingslog l SET geheim = true
			 WHERE l.partijen @> ARRAY[NEW.uuid] AND NOT l.geheim;
		END IF;
	ELSIF TG_TABLE_NAME = 'betrokkene' THEN
		UPDATE klantinteracties.digitaal_adres SET verstrekt_door_betrokkene = verstrekt_door_betrokkene
		 WHERE verstrekt_door_betrokkene = NEW.uuid;
	ELSE
		UPDATE klantinteracties.onderwerpobject SET klantcontact = klantcontact WHERE klantcontact = NEW.uuid;
		UPDATE klantinteracties.bijlage SET was_bijlage_van_klantcontact = was_bijlage_van_klantcontact
		 WHERE was_bijlage_van_klantcontact = NEW.uuid;
		UPDATE klantinteracties.interne_taak SET aanleidinggevend_klantcontact = aanleidinggevend_klantcontact
		 WHERE aanleidinggevend_klantcontact = NEW.uuid;
	END IF;
	RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION vlaggen_doorgeven() FROM PUBLIC;
COMMENT ON FUNCTION vlaggen_doorgeven() IS 'Trigger function (AFTER UPDATE of indicatie_geheimhouding on partij, of was_partij or geheim on betrokkene when geheim changed, of vertrouwelijk on klantcontact, per row, when it changed): has the rows under it compute their flag again (vlaggen_overnemen); a partij that becomes secret makes its audit trail secret too.';

CREATE TRIGGER vlaggen_overnemen BEFORE INSERT OR UPDATE OF partij, geheim ON persoon
	FOR EACH ROW EXECUTE FUNCTION vlaggen_overnemen();
CREATE TRIGGER vlaggen_overnemen BEFORE INSERT OR UPDATE OF partij, geheim ON organisatie
	FOR EACH ROW EXECUTE FUNCTION vlaggen_overnemen();
CREATE TRIGGER vlaggen_overnemen BEFORE INSERT OR UPDATE OF partij, geheim ON contactpersoon
	FOR EACH ROW EXECUTE FUNCTION vlaggen_overnemen();
CREATE TRIGGER vlaggen_overnemen BEFORE INSERT OR UPDATE OF partij, geheim ON rekeningnummer
	FOR EACH ROW EXECUTE FUNCTION vlaggen_overnemen();
CREATE TRIGGER vlaggen_overnemen BEFORE INSERT OR UPDATE OF partij, geheim ON categorie_relatie
	FOR EACH ROW EXECUTE FUNCTION vlaggen_overnemen();
CREATE TRIGGER vlaggen_overnemen BEFORE INSERT OR UPDATE OF identificeerde_partij, geheim ON partij_identificator
	FOR EACH ROW EXECUTE FUNCTION vlaggen_overnemen();
CREATE TRIGGER vlaggen_overnemen BEFORE INSERT OR UPDATE OF vertegenwoordigende_partij, vertegenwoordigde_partij, geheim ON vertegenwoordiging
	FOR EACH ROW EXECUTE FUNCTION vlaggen_overnemen();
CREATE TRIGGER vlaggen_overnemen BEFORE INSERT OR UPDATE OF was_partij, geheim ON betrokkene
	FOR EACH ROW EXECUTE FUNCTION vlaggen_overnemen();
CREATE TRIGGER vlaggen_overnemen BEFORE INSERT OR UPDATE OF verstrekt_door_partij, verstrekt_door_betrokkene, geheim ON digitaal_adres
	FOR EACH ROW EXECUTE FUNCTION vlaggen_overnemen();
CREATE TRIGGER vlaggen_overnemen BEFORE INSERT OR UPDATE OF klantcontact, vertrouwelijk ON onderwerpobject
	FOR EACH ROW EXECUTE FUNCTION vlaggen_overnemen();
CREATE TRIGGER vlaggen_overnemen BEFORE INSERT OR UPDATE OF was_bijlage_van_klantcontact, vertrouwelijk ON bijlage
	FOR EACH ROW EXECUTE FUNCTION vlaggen_overnemen();
CREATE TRIGGER vlaggen_overnemen BEFORE INSERT OR UPDATE OF aanleidinggevend_klantcontact, vertrouwelijk ON interne_taak
	FOR EACH ROW EXECUTE FUNCTION vlaggen_overnemen();
CREATE TRIGGER vlaggen_doorgeven AFTER UPDATE OF indicatie_geheimhouding ON partij
	FOR EACH ROW WHEN (OLD.indicatie_geheimhouding IS DISTINCT FROM NEW.indicatie_geheimhouding)
	EXECUTE FUNCTION vlaggen_doorgeven();
-- A betrokkene's geheim changes by its own trigger (vlaggen_overnemen, when
-- its partij's secrecy changed or it moved to another partij), and a
-- column list counts only the columns of the SET list: hence was_partij.
CREATE TRIGGER vlaggen_doorgeven AFTER UPDATE OF was_partij, geheim ON betrokkene
	FOR EACH ROW WHEN (OLD.geheim IS DISTINCT FROM NEW.geheim)
	EXECUTE FUNCTION vlaggen_doorgeven();
CREATE TRIGGER vlaggen_doorgeven AFTER UPDATE OF vertrouwelijk ON klantcontact
	FOR EACH ROW WHEN (OLD.vertrouwelijk IS DISTINCT FROM NEW.vertrouwelijk)
	EXECUTE FUNCTION vlaggen_doorgeven();

-- The same rule, set-based, for rows whose BEFORE trigger could not see
-- their parent: one statement that writes parents and children together
-- (the data-modifying CTEs of genereer_voorbeelddata: sibling statements do
-- not see each other's rows), and the rows 0.1.0 stored (the update calls
-- it, 72, once the audit trail has its geheim column).  Every row with a
-- parent gets the parent's flag; the audit rows about a secret partij, and
-- those of the rows under a vertrouwelijk klantcontact, are flagged as the
-- audit trigger would have.  Without the audit, outbox and registration
-- triggers (replica role): it corrects derived columns only.
-- Kind: internal (definer, owned by the installing superuser: sees and corrects every row).
CREATE OR REPLACE FUNCTION vlaggen_herstellen(logregels_vertrouwelijk boolean DEFAULT true) RETURNS void
	LANGUAGE plpgsql VOLATILE
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	rol text := pg_catalog.current_setting('session_replication_role');
BEGIN
	PERFORM pg_catalog.set_config('session_replication_role', 'replica', true);
	UPDATE klantinteracties.persoon c SET geheim = p.indicatie_geheimhouding IS TRUE FROM klantinteracties.partij p
	 WHERE p.uuid = c.partij AND c.geheim <> (p.indicatie_geheimhouding IS TRUE);
	UPDATE klantinteracties.organisatie c SET geheim = p.indicatie_geheimhouding IS TRUE FROM klantinteracties.partij p
	 WHERE p.uuid = c.partij AND c.geheim <> (p.indicatie_geheimhouding IS TRUE);
	UPDATE klantinteracties.contactpersoon c SET geheim = p.indicatie_geheimhouding IS TRUE FROM klantinteracties.partij p
	 WHERE p.uuid = c.partij AND c.geheim <> (p.indicatie_geheimhouding IS TRUE);
	UPDATE klantinteracties.rekeningnummer c SET geheim = p.indicatie_geheimhouding IS TRUE FROM klantinteracties.partij p
	 WHERE p.uuid = c.partij AND c.geheim <> (p.indicatie_geheimhouding IS TRUE);
	UPDATE klantinteracties.categorie_relatie c SET geheim = p.indicatie_geheimhouding IS TRUE FROM klantinteracties.partij p
	 WHERE p.uuid = c.partij AND c.geheim <> (p.indicatie_geheimhouding IS TRUE);
	UPDATE klantinteracties.partij_identificator c SET geheim = p.indicatie_geheimhouding IS TRUE FROM klantinteracties.partij p
	 WHERE p.uuid = c.identificeerde_partij AND c.geheim <> (p.indicatie_geheimhouding IS TRUE);
	UPDATE klantinteracties.vertegenwoordiging c SET geheim = x.geheim
	  FROM (SELECT v.uuid, pg_catalog.bool_or(p.indicatie_geheimhouding IS TRUE) AS geheim
			  FROM klantinteracties.vertegenwoordiging v JOIN klantinteracties.partij p
				ON p.uuid IN (v.vertegenwoordigende_partij, v.vertegenwoordigde_partij) GROUP BY v.uuid) x
	 WHERE x.uuid = c.uuid AND c.geheim <> x.geheim;
	UPDATE klantinteracties.betrokkene c SET geheim = p.indicatie_geheimhouding IS TRUE FROM klantinteracties.partij p
	 WHERE p.uuid = c.was_partij AND c.geheim <> (p.indicatie_geheimhouding IS TRUE);
	UPDATE klantinteracties.digitaal_adres c
	   SET geheim = coalesce((SELECT p.indicatie_geheimhouding IS TRUE FROM klantinteracties.partij p WHERE p.uuid = c.verstrekt_door_partij), false)
				 OR coalesce((SELECT b.geheim FROM klantinteracties.betrokkene b WHERE b.uuid = c.verstrekt_door_betrokkene), false)
	 WHERE (c.verstrekt_door_partij IS NOT NULL OR c.verstrekt_door_betrokkene IS NOT NULL)
	   AND c.geheim <> (coalesce((SELECT p.indicatie_geheimhouding IS TRUE FROM klantinteracties.partij p WHERE p.uuid = c.verstrekt_door_partij), false)
						OR coalesce((SELECT b.geheim FROM klantinteracties.betrokkene b WHERE b.uuid = c.verstrekt_door_betrokkene), false));
	UPDATE klantinteracties.onderwerpobject c SET vertrouwelijk = k.vertrouwelijk FROM klantinteracties.klantcontact k
	 WHERE k.uuid = c.klantcontact AND c.vertrouwelijk <> k.vertrouwelijk;
	UPDATE klantinteracties.bijlage c SET vertrouwelijk = k.vertrouwelijk FROM klantinteracties.klantcontact k
	 WHERE k.uuid = c.was_bijlage_van_klantcontact AND c.vertrouwelijk <> k.vertrouwelijk;
	UPDATE klantinteracties.interne_taak c SET vertrouwelijk = k.vertrouwelijk FROM klantinteracties.klantcontact k
	 WHERE k.uuid = c.aanleidinggevend_klantcontact AND c.vertrouwelijk <> k.vertrouwelijk;
	-- The audit rows (flags only ever set: what was secret stays so).
	UPDATE klantinteracties.wijzigingslog l SET geheim = true
	 WHERE NOT l.geheim AND l.partijen && ARRAY(SELECT p.uuid FROM klantinteracties.partij p WHERE p.indicatie_geheimhouding);
	UPDATE klantinteracties.wijzigingslog l SET vertrouwelijk = true
	 WHERE logregels_vertrouwelijk AND NOT l.vertrouwelijk AND l.tabel IN ('onderwerpobject', 'bijlage', 'interne_taak')
	   AND l.sleutel IN (SELECT x.uuid::text FROM klantinteracties.onderwerpobject x WHERE x.vertrouwelijk
						 UNION ALL SELECT x.uuid::text FROM klantinteracties.bijlage x WHERE x.vertrouwelijk
						 UNION ALL SELECT x.uuid::text FROM klantinteracties.interne_taak x WHERE x.vertrouwelijk);
	PERFORM pg_catalog.set_config('session_replication_role', rol, true);
END
$$;
REVOKE ALL ON FUNCTION vlaggen_herstellen(boolean) FROM PUBLIC;
COMMENT ON FUNCTION vlaggen_herstellen(boolean) IS 'Sets every flag (geheim, vertrouwelijk) of the rows under a partij or klantcontact from their parent, set-based, and flags the audit rows about secret partijen (geheim) and, unless the argument is false, those of vertrouwelijke rows (vertrouwelijk): for loads whose BEFORE triggers could not see the parents (genereer_voorbeelddata) and for the update from 0.1.0. Without firing the audit, outbox and registration triggers.';

-- @UPDATE 0.1.0
-- (The flags of the rows 0.1.0 stored: vlaggen_herstellen(), called by the
-- update in 72 once the audit trail has its geheim column.)
DROP FUNCTION IF EXISTS klantinteracties.geheime_betrokkenen();
DROP FUNCTION IF EXISTS klantinteracties.geheime_partijen();
DROP INDEX IF EXISTS klantinteracties.partij_geheim_idx;
-- @END

-- The policies of the registry tables (lezen, toevoegen, wijzigen,
-- verwijderen), row-level security enabled and forced, and the privileges
-- of klantinteracties_eigenaar on them: declared once per table in
-- src/beveiliging/rijen.beleid, generated into 71_beveiliging_rls_beleid.sql.

-- The citizen (mijn-omgeving): its own partij (not the interne notitie),
-- its persoon, its identificators, its digitale adressen, and the
-- klantcontacten in which it was a betrokkene (its own betrokkene rows,
-- not those of others).  It may change its voorkeurstaal and maintain its
-- digitale adressen, except the ones that are also a betrokkene's record
-- of a klantcontact.  No actors, no interne taken.
CREATE POLICY burger ON partij FOR SELECT TO klantinteracties_burger
	USING (uuid = (SELECT klantinteracties.burger_partij()));
CREATE POLICY burger_wijzigen ON partij FOR UPDATE TO klantinteracties_burger
	USING (uuid = (SELECT klantinteracties.burger_partij()))
	WITH CHECK (uuid = (SELECT klantinteracties.burger_partij()));
CREATE POLICY burger ON persoon FOR SELECT TO klantinteracties_burger
	USING (partij = (SELECT klantinteracties.burger_partij()));
CREATE POLICY burger ON partij_identificator FOR SELECT TO klantinteracties_burger
	USING (identificeerde_partij = (SELECT klantinteracties.burger_partij()));
CREATE POLICY burger ON digitaal_adres FOR SELECT TO klantinteracties_burger
	USING (verstrekt_door_partij = (SELECT klantinteracties.burger_partij()));
CREATE POLICY burger_toevoegen ON digitaal_adres FOR INSERT TO klantinteracties_burger
	WITH CHECK (verstrekt_door_partij = (SELECT klantinteracties.burger_partij()) AND verstrekt_door_betrokkene IS NULL);
CREATE POLICY burger_wijzigen ON digitaal_adres FOR UPDATE TO klantinteracties_burger
	USING (verstrekt_door_partij = (SELECT klantinteracties.burger_partij()) AND verstrekt_door_betrokkene IS NULL)
	WITH CHECK (verstrekt_door_partij = (SELECT klantinteracties.burger_partij()) AND verstrekt_door_betrokkene IS NULL);
CREATE POLICY burger_verwijderen ON digitaal_adres FOR DELETE TO klantinteracties_burger
	USING (verstrekt_door_partij = (SELECT klantinteracties.burger_partij()) AND verstrekt_door_betrokkene IS NULL);
CREATE POLICY burger ON betrokkene FOR SELECT TO klantinteracties_burger
	USING (was_partij = (SELECT klantinteracties.burger_partij()));
-- Through the citizen's betrokkene rows (the subquery runs under their policy).
CREATE POLICY burger ON klantcontact FOR SELECT TO klantinteracties_burger
	USING (uuid IN (SELECT b.had_klantcontact FROM klantinteracties.betrokkene b
					 WHERE b.was_partij = (SELECT klantinteracties.burger_partij())));

-- Privileges: only klantinteracties_eigenaar has any on these tables
-- (src/beveiliging/rijen.beleid).  It owns the views and the functions
-- that read or write them (each declares it beside its definition), which
-- apply the masks; its policies are those declared there and above,
-- because it is a member of the group roles, and they test the caller.  Callers therefore never see an unmasked column, whatever
-- they can name.  USAGE on the schema names the types, views and
-- functions; a DBA may still grant a role privileges on a table, and the
-- policies above then apply to it there (docs/security.md, section 5).
