-- Column groups that recur on several tables get their comment here, once:
-- the adres groups (bezoekadres_*, correspondentieadres_*), the contactnaam
-- group (contactnaam_*) and the registration timestamps.  (Every table
-- with registration timestamps gets the registratie_bijwerken trigger in
-- 54_samenvoegen.sql, once the last of them exists.)

DO $$
DECLARE
	groep record;
	kolom record;
	tabel regclass;
BEGIN
	FOR groep IN
		SELECT * FROM (VALUES
			('bezoekadres', 'het bezoekadres (bezoekadres)'),
			('correspondentieadres', 'het correspondentieadres (correspondentieadres)')) AS g(prefix, naam)
	LOOP
		FOR kolom IN
			SELECT * FROM (VALUES
				('nummeraanduiding_id', 'Identificatie van de BAG-nummeraanduiding van %s (nummeraanduidingId, 16 cijfers).'),
				('straatnaam', 'Straatnaam van %s (hoogstens 255 tekens).'),
				('huisnummer', 'Huisnummer van %s (1 tot en met 99999).'),
				('huisnummertoevoeging', 'Huisnummertoevoeging van %s (hoogstens 20 tekens).'),
				('postcode', 'Postcode van %s.'),
				('stad', 'Woonplaats of stad van %s (hoogstens 255 tekens).'),
				('adresregel1', 'Eerste vrije adresregel van %s, voor adressen die niet in de BAG staan (hoogstens 80 tekens).'),
				('adresregel2', 'Tweede vrije adresregel van %s (hoogstens 80 tekens).'),
				('adresregel3', 'Derde vrije adresregel van %s (hoogstens 80 tekens).'),
				('land', 'Land van %s (ISO 3166-1 alpha-2), voor adressen buiten Nederland.')) AS k(suffix, tekst)
		LOOP
			FOR tabel IN SELECT unnest(ARRAY['klantinteracties.partij', 'klantinteracties.betrokkene']::regclass[])
			LOOP
				EXECUTE format('COMMENT ON COLUMN %s.%I IS %L', tabel, groep.prefix || '_' || kolom.suffix,
							   format(kolom.tekst, groep.naam));
			END LOOP;
		END LOOP;
	END LOOP;

	FOR kolom IN
		SELECT * FROM (VALUES
			('voorletters', 'Voorletters van de contactnaam (contactnaam.voorletters, hoogstens 10 tekens).'),
			('voornaam', 'Voornaam waarmee de persoon aangesproken wil worden (contactnaam.voornaam, hoogstens 200 tekens).'),
			('voorvoegsel_achternaam', 'Voorvoegsel van de achternaam, zoals van of de (contactnaam.voorvoegselAchternaam, hoogstens 10 tekens).'),
			('achternaam', 'Achternaam waarmee de persoon aangesproken wil worden (contactnaam.achternaam, hoogstens 200 tekens).')) AS k(suffix, tekst)
	LOOP
		FOR tabel IN SELECT unnest(ARRAY['klantinteracties.persoon', 'klantinteracties.contactpersoon',
										 'klantinteracties.betrokkene']::regclass[])
		LOOP
			EXECUTE format('COMMENT ON COLUMN %s.%I IS %L', tabel, 'contactnaam_' || kolom.suffix, kolom.tekst);
		END LOOP;
	END LOOP;

	FOR tabel IN
		SELECT a.attrelid::regclass FROM pg_catalog.pg_attribute a
		  JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
		 WHERE c.relnamespace = 'klantinteracties'::regnamespace AND c.relkind = 'r'
		   AND a.attname = 'geregistreerd_op'
	LOOP
		EXECUTE format('COMMENT ON COLUMN %s.geregistreerd_op IS %L', tabel,
					   'Tijdstip waarop de rij in het register is vastgelegd (door de database bijgehouden).');
		EXECUTE format('COMMENT ON COLUMN %s.gewijzigd_op IS %L', tabel,
					   'Tijdstip van de laatste wijziging van de rij (door de database bijgehouden).');
	END LOOP;
END
$$;
