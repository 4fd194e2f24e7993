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
--     partij or a vertrouwelijk klantcontact; a writer without the bsn
--     scope cannot change or delete a row whose text or free identificator
--     holds a BSN.  The API views show such a caller those values masked,
--     and write back what the view showed for the fields a PATCH leaves
--     out; these rules keep a mask from being written over the real value.

-- Secret partijen, and the betrokkenen that were one, for the policies: a
-- small set (partial index below), which the policies test with a hashed
-- NOT IN.  SECURITY DEFINER, so that the set does not depend on what the
-- caller may see (the citizen sees only its own partij).
-- @ONCE
CREATE INDEX partij_geheim_idx ON partij (uuid) WHERE indicatie_geheimhouding;
-- @END

--
-- Every caller evaluates the policies of every caller kind (through the
-- views' owner, which is a member of every group role), so the citizen may execute
-- them too; the set is therefore empty for a caller that neither reads nor
-- audits, which needs it for nothing: a citizen learns no uuid from it.
-- PL/pgSQL, so that the plan is cached for the session.
-- Kind: internal (definer, owned by the installing superuser: sees every row), for lezer, burger, beheer.
CREATE OR REPLACE FUNCTION geheime_partijen() RETURNS SETOF uuid
	LANGUAGE plpgsql STABLE PARALLEL SAFE ROWS 100
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
BEGIN
	IF klantinteracties.heeft_scope('read') OR klantinteracties.heeft_scope('beheer') THEN
		RETURN QUERY SELECT p.uuid FROM klantinteracties.partij p WHERE p.indicatie_geheimhouding;
	END IF;
END
$$;
REVOKE ALL ON FUNCTION geheime_partijen() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION geheime_partijen() TO klantinteracties_lezer, klantinteracties_burger, klantinteracties_beheer;
COMMENT ON FUNCTION geheime_partijen() IS 'The uuids of the partijen with indicatie_geheimhouding, for the row-level security policies (which hide what hangs under them from callers without the geheim scope); empty for a caller with neither the read nor the beheer scope.';

-- Kind: internal (definer, owned by the installing superuser: sees every row), for lezer, burger.
CREATE OR REPLACE FUNCTION geheime_betrokkenen() RETURNS SETOF uuid
	LANGUAGE plpgsql STABLE PARALLEL SAFE ROWS 100
	SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
BEGIN
	RETURN QUERY SELECT b.uuid FROM klantinteracties.betrokkene b
				  WHERE b.was_partij IN (SELECT klantinteracties.geheime_partijen());
END
$$;
REVOKE ALL ON FUNCTION geheime_betrokkenen() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION geheime_betrokkenen() TO klantinteracties_lezer, klantinteracties_burger;
COMMENT ON FUNCTION geheime_betrokkenen() IS 'The uuids of the betrokkenen that were a secret partij, for the row-level security policy of digitaal_adres (addresses a betrokkene gave).';

-- Policies per table.  lezen: the row condition for SELECT (with the read
-- scope); schrijven: the row condition for INSERT, UPDATE and DELETE (with
-- the write scope; for UPDATE also of the new row, unless nieuw says
-- otherwise).  %1$s is the geheim scope, %2$s the bsn scope; G(col) is "col
-- is no secret partij", GB(col) "col is no betrokkene of one", B(group)
-- "the free identificator group holds no BSN, or the caller may see it".
DO $$
DECLARE
	t record;
	geheim text := '(SELECT klantinteracties.heeft_scope(''geheim''))';
	bsn text := '(SELECT klantinteracties.heeft_scope(''bsn''))';
	lezen text := '(SELECT klantinteracties.heeft_scope(''read''))';
	schrijven text := '(SELECT klantinteracties.heeft_scope(''write''))';
	uit text[];
	voorwaarde text;
	nieuw text;
BEGIN
	FOR t IN
		SELECT * FROM (VALUES
			('partij', 'true', '(%1$s OR indicatie_geheimhouding IS NOT TRUE) AND (%2$s OR NOT klantinteracties.bevat_bsn(interne_notitie))', 'true'),
			('persoon', '(%1$s OR G(partij))', NULL, NULL),
			('organisatie', '(%1$s OR G(partij))', NULL, NULL),
			('contactpersoon', '(%1$s OR G(partij))', NULL, NULL),
			('partij_identificator', '(code_soort_object_id <> ''bsn'' OR %2$s)',
				'((code_soort_object_id <> ''bsn'' OR %2$s) AND (%1$s OR G(identificeerde_partij)))', NULL),
			('digitaal_adres', '(%1$s OR (G(verstrekt_door_partij) AND GB(verstrekt_door_betrokkene)))', NULL, NULL),
			('rekeningnummer', '(%1$s OR G(partij))', NULL, NULL),
			('vertegenwoordiging', '(%1$s OR (G(vertegenwoordigende_partij) AND G(vertegenwoordigde_partij)))', NULL, NULL),
			('categorie', 'true', NULL, NULL),
			('categorie_relatie', '(%1$s OR G(partij))', NULL, NULL),
			('klantcontact', 'true', '(%1$s OR NOT vertrouwelijk) AND (%2$s OR NOT klantinteracties.bevat_bsn(onderwerp || '' '' || inhoud || '' '' || reactie || '' '' || metadata::text))', 'true'),
			('betrokkene', '(%1$s OR G(was_partij))', NULL, NULL),
			('onderwerpobject', '(%1$s OR onderwerpobject.klantcontact IS NULL OR EXISTS (SELECT FROM klantinteracties.klantcontact k WHERE k.uuid = onderwerpobject.klantcontact AND NOT k.vertrouwelijk))',
				'(%1$s OR onderwerpobject.klantcontact IS NULL OR EXISTS (SELECT FROM klantinteracties.klantcontact k WHERE k.uuid = onderwerpobject.klantcontact AND NOT k.vertrouwelijk)) AND B(onderwerpobjectidentificator)', 'true'),
			('bijlage', '(%1$s OR bijlage.was_bijlage_van_klantcontact IS NULL OR EXISTS (SELECT FROM klantinteracties.klantcontact k WHERE k.uuid = bijlage.was_bijlage_van_klantcontact AND NOT k.vertrouwelijk))',
				'(%1$s OR bijlage.was_bijlage_van_klantcontact IS NULL OR EXISTS (SELECT FROM klantinteracties.klantcontact k WHERE k.uuid = bijlage.was_bijlage_van_klantcontact AND NOT k.vertrouwelijk)) AND B(bijlageidentificator)', 'true'),
			('actor', 'true', 'B(actoridentificator)', 'true'),
			('medewerker', 'true', NULL, NULL),
			('geautomatiseerde_actor', 'true', NULL, NULL),
			('organisatorische_eenheid', 'true', NULL, NULL),
			('actor_klantcontact', 'true', NULL, NULL),
			('interne_taak', 'true', '(%2$s OR NOT klantinteracties.bevat_bsn(gevraagde_handeling || '' '' || toelichting))', 'true'),
			('interne_taak_actor', 'true', NULL, NULL),
			('samengevoegde_partij', 'true', NULL, NULL)) AS v(tabel, lezen, schrijven, nieuw)
	LOOP
		-- The three conditions with the scopes filled in, G(col) and GB(col)
		-- written out (NOT IN over a definer set, which PostgreSQL hashes),
		-- and B(group).
		SELECT pg_catalog.array_agg(pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.regexp_replace(
				   pg_catalog.format(e.expr, geheim, bsn),
				   'GB[(]([a-z_.]+)[)]', E'(\\1 IS NULL OR NOT \\1 IN (SELECT klantinteracties.geheime_betrokkenen()))', 'g'),
				   'G[(]([a-z_.]+)[)]', E'(\\1 IS NULL OR NOT \\1 IN (SELECT klantinteracties.geheime_partijen()))', 'g'),
				   'B[(]([a-z]+)[)]', pg_catalog.format(E'(%s OR NOT (pg_catalog.lower(\\1_code_soort_object_id) = ''bsn'' OR klantinteracties.bevat_bsn(\\1_object_id)))', bsn), 'g')
				   ORDER BY e.nr)
		  INTO uit
		  FROM pg_catalog.unnest(ARRAY[t.lezen, coalesce(t.schrijven, t.lezen), coalesce(t.nieuw, t.schrijven, t.lezen)])
			   WITH ORDINALITY AS e(expr, nr);
		t.lezen := uit[1];
		voorwaarde := uit[2];
		nieuw := uit[3];

		EXECUTE pg_catalog.format('ALTER TABLE klantinteracties.%I ENABLE ROW LEVEL SECURITY', t.tabel);
		EXECUTE pg_catalog.format('ALTER TABLE klantinteracties.%I FORCE ROW LEVEL SECURITY', t.tabel);
		EXECUTE pg_catalog.format('CREATE POLICY lezen ON klantinteracties.%I FOR SELECT TO klantinteracties_lezer '
			'USING (%s AND %s)', t.tabel, lezen, t.lezen);
		EXECUTE pg_catalog.format('CREATE POLICY toevoegen ON klantinteracties.%I FOR INSERT TO klantinteracties_schrijver '
			'WITH CHECK (%s AND %s)', t.tabel, schrijven, nieuw);
		EXECUTE pg_catalog.format('CREATE POLICY wijzigen ON klantinteracties.%I FOR UPDATE TO klantinteracties_schrijver '
			'USING (%s AND %s) WITH CHECK (%s AND %s)', t.tabel, schrijven, voorwaarde, schrijven, nieuw);
		EXECUTE pg_catalog.format('CREATE POLICY verwijderen ON klantinteracties.%I FOR DELETE TO klantinteracties_schrijver '
			'USING (%s AND %s)', t.tabel, schrijven, voorwaarde);
		EXECUTE pg_catalog.format('GRANT SELECT, INSERT, UPDATE, DELETE ON klantinteracties.%I TO klantinteracties_eigenaar', t.tabel);
	END LOOP;
END
$$;

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

-- Privileges: only klantinteracties_eigenaar has any on these tables (the
-- loop above).  It owns the views and the functions that read or write
-- them (each declares it beside its definition), which apply the masks; its policies
-- are those above, because it is a member of the group roles, and they test
-- the caller.  Callers therefore never see an unmasked column, whatever
-- they can name.  USAGE on the schema names the types, views and
-- functions; a DBA may still grant a role privileges on a table, and the
-- policies above then apply to it there (docs/security.md, section 5).
