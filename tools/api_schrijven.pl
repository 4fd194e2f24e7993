#!/usr/bin/perl
# Generates the REST API's write path from its declaration:
#
#	perl tools/api_schrijven.pl src/api/schrijven.api > src/sql/65_api_schrijven.sql
#
# The declaration's header comment describes the syntax and what comes out.
# Only core Perl (perl-base, which every Debian system has).  Any error in
# the declaration stops the build with the line it is on.
use strict;
use warnings;

my $bron = shift @ARGV or die "usage: $0 src/api/schrijven.api\n";
open(my $in, '<', $bron) or die "$bron: $!\n";

my (@groepen, %groep, @resources, @rollen);
my ($blok, $regelnr);

sub fout { die "$bron:$regelnr: $_[0]\n"; }

# Splits "... ! a b=c" into the text before the last " ! " and the
# constraint entries after it.
sub beperkingen {
	my ($tekst) = @_;
	my @b;
	if ($tekst =~ /^(.*?)\s+!\s+([a-z0-9_=. A-Za-z]+)$/) {
		$tekst = $1;
		for my $e (split ' ', $2) {
			my ($naam, $pad) = split /=/, $e, 2;
			fout("constraint name expected: $e") unless $naam =~ /^[a-z][a-z0-9_]*$/;
			push @b, [$naam, $pad];
		}
	}
	return ($tekst, \@b);
}

while (my $regel = <$in>) {
	$regelnr = $.;
	chomp $regel;
	next if $regel =~ /^\s*(#.*)?$/;
	if ($regel =~ /^\S/) {
		my @w = split ' ', $regel;
		if ($w[0] eq 'rollen' && @w == 3) {
			@rollen = @w[1, 2];
			$blok = undef;
		} elsif ($w[0] eq 'groep' && (@w == 2 || (@w == 4 && $w[2] eq 'tabel'))) {
			fout("group $w[1] declared twice") if $groep{$w[1]};
			$blok = { soort => 'groep', naam => $w[1], tabel => $w[3], leden => [] };
			$groep{$w[1]} = $blok;
			push @groepen, $blok;
		} elsif ($w[0] eq 'resource' && @w == 3) {
			fout("view name expected: $w[1]") unless $w[1] =~ /^[a-z][a-z-]*$/;
			fout("table name expected: $w[2]") unless $w[2] =~ /^[a-z][a-z_]*$/;
			$blok = { soort => 'resource', view => $w[1], tabel => $w[2], velden => [], stappen => [],
					  variabelen => [], bij_wijzigen => [], beperkingen => [], uitbreidingen => [] };
			push @resources, $blok;
		} else {
			fout("expected rollen, groep or resource: $regel");
		}
		next;
	}
	fout("line outside a groep or resource block") unless $blok;
	$regel =~ s/^\s+//;
	if ($blok->{soort} eq 'groep') {
		my ($key, $lid, $type, $lezen) = split ' ', $regel, 4;
		fout("expected <key> <member> <sql type or -> <lezen>") unless defined $lezen
			&& $lezen =~ /^(tekst|leeg_null|verplicht|verplicht leeg_null|verwijzing [a-z_]+|groep [a-z_]+)$/;
		fout("a group of a table takes its types from the table: write -") if $blok->{tabel} && $type ne '-';
		fout("a group without a table needs the member's sql type") if !$blok->{tabel} && $type eq '-';
		my $l = { key => $key, lid => $lid, type => $type, lezen => $lezen };
		if ($lezen =~ /^groep ([a-z_]+)$/) {
			fout("unknown group $1") unless $groep{$1};
			$l->{groep} = $groep{$1};
		}
		push @{$blok->{leden}}, $l;
		next;
	}
	my ($tekst, $b) = beperkingen($regel);
	if ($tekst =~ /^\@variabele\s+([a-z_]+)\s+(.+)$/) {
		push @{$blok->{variabelen}}, [$1, $2];
	} elsif ($tekst =~ /^\@(voor|na|gewijzigd)\s+(\S+)\s+(.+)$/) {
		my ($wanneer, $veld, $sql, $gewijzigd) = ($1, $2, $3, undef);
		if ($wanneer eq 'gewijzigd') {
			($wanneer, $gewijzigd) = ('na', $veld);
		} elsif ($wanneer eq 'na' && $sql =~ s/^gewijzigd\s+(\S+)\s+//) {
			$gewijzigd = $1;
		}
		$veld = undef if $veld eq '-';
		push @{$blok->{stappen}}, { wanneer => $wanneer, veld => $veld, gewijzigd => $gewijzigd, sql => $sql };
		fout("constraints need a field: name it or give =path") if !$veld && grep { !defined $_->[1] } @$b;
		push @{$blok->{beperkingen}}, map { [$_->[0], $veld, $_->[1]] } @$b;
	} elsif ($tekst =~ /^\@uitbreiding\s+([a-zA-Z]+)\s+([a-z-]+)\s+(veel\s+[a-z_]+\.[a-z_]+|een\s+[a-z_]+)$/) {
		push @{$blok->{uitbreidingen}}, { naam => $1, doel => $2, soort => (split ' ', $3)[0], bron => (split ' ', $3)[1] };
	} elsif ($tekst =~ /^\@bij_wijzigen\s+([a-z_]+)\s*=\s*(.+)$/) {
		push @{$blok->{bij_wijzigen}}, [$1, $2];
	} elsif ($tekst =~ /^\@/) {
		fout("unknown step: $tekst");
	} else {
		my ($veld, $kolom, $rest) = split ' ', $tekst, 3;
		fout("expected <field> <column> <lezen>") unless defined $rest;
		fout("field name expected: $veld") unless $veld =~ /^[a-zA-Z][a-zA-Z0-9]*(\.[a-zA-Z][a-zA-Z0-9]*)?$/;
		my $v = { veld => $veld, kolom => $kolom };
		if ($rest =~ /^groep\s+([a-z]+)$/) {
			my $g = $1;
			fout("unknown group $g") unless $groep{$g};
			fout("a group's column prefix ends in _: $kolom") unless $kolom =~ /^[a-z_]+_$/;
			$v->{groep} = $groep{$g};
		} else {
			fout("column name expected: $kolom") unless $kolom =~ /^[a-z][a-z_]*$/;
			$v->{controle} = $1 if $rest =~ s/\s+controle\s+(.+)$//;
			$v->{verplicht} = 1 if $rest =~ s/^verplicht\b\s*//;
			if ($rest eq '') {
				fout("verplicht of what?") unless $v->{verplicht};
				$v->{lezen} = 'waarde';
			} elsif ($rest =~ /^(tekst|leeg_null|waarde)$/) {
				$v->{lezen} = $1;
			} elsif ($rest =~ /^(standaard|nieuw)\s+(.+)$/) {
				@$v{qw(lezen expr)} = ($1, $2);
			} elsif ($rest =~ /^via\s+([a-z_.]+)$/) {
				@$v{qw(lezen expr)} = ('via', $1);
			} elsif ($rest =~ /^verwijzing\s+([a-z_]+)$/) {
				@$v{qw(lezen tabel)} = ('verwijzing', $1);
			} else {
				fout("unknown lezen: $rest");
			}
		}
		push @{$blok->{velden}}, $v;
		push @{$blok->{beperkingen}}, map { [$_->[0], $veld, $_->[1]] } @$b;
	}
}
close $in;
fout("no rollen line") unless @rollen;

# Output ---------------------------------------------------------------------

sub ident { my ($n) = @_; return $n =~ /^[a-z_][a-z0-9_]*$/ ? $n : qq("$n"); }
sub lit { my ($s) = @_; $s =~ s/'/''/g; return "'$s'"; }
sub view { return 'klantinteracties_api.' . ident($_[0]); }
sub naam { my ($v) = @_; $v =~ s/-/_/g; return $v; }

my @uit;
sub uit { push @uit, @_; }

uit("-- REST API write path, generated by tools/api_schrijven.pl from src/api/schrijven.api; do not edit.",
	"-- The declaration there says what comes out and why.", "");

# Gegevensgroepen: type and reader.
for my $g (@groepen) {
	my $type = $g->{tabel} ? "klantinteracties.$g->{tabel}" : "klantinteracties.api_$g->{naam}";
	if (!$g->{tabel}) {
		uit("-- Gegevensgroep $g->{naam}.", "-- \@ONCE", "CREATE TYPE $type AS (");
		uit(join(",\n", map { "\t$_->{lid} " . ($_->{type} =~ /^(varchar|integer)/ ? $_->{type} : "klantinteracties.$_->{type}") } @{$g->{leden}}));
		uit(");", "-- \@END");
		uit("COMMENT ON TYPE $type IS " . lit("A $g->{naam} group of a request body, typed as the registry's <prefix>$g->{naam}_* columns ("
			. join(', ', map { $_->{key} } @{$g->{leden}}) . "); generated from src/api/schrijven.api.") . ";", "");
	} else {
		uit("-- Gegevensgroep $g->{naam}: a row of table $g->{tabel}.");
	}
	my @sub = map { "\tg_$_->{lid} klantinteracties.api_$_->{groep}{naam};" } grep { $_->{groep} } @{$g->{leden}};
	my $verwijst = grep { $_->{lezen} =~ /^verwijzing/ } @{$g->{leden}};
	uit("CREATE OR REPLACE FUNCTION klantinteracties.api_$g->{naam}_lezen(groep jsonb, naam text) RETURNS $type",
		"\tLANGUAGE plpgsql " . ($verwijst ? 'STABLE' : 'IMMUTABLE') . " PARALLEL SAFE",
		"\tSECURITY INVOKER",
		"\tSET search_path = pg_catalog, pg_temp",
		"\tAS \$\$",
		"DECLARE",
		"\tg jsonb;",
		"\tw $type;",
		@sub,
		"\tveld text;",
		"\tf_staat text; f_bericht text; f_detail text; f_hint text;",
		"BEGIN",
		"\tg := klantinteracties.api_object(groep);");
	for my $l (@{$g->{leden}}) {
		my $t = "klantinteracties.api_tekst(g -> veld)";
		if ($l->{groep}) {
			# A nested group names the fields of its refusals itself.
			my $var = "g_$l->{lid}";
			uit("\tveld := NULL; $var := klantinteracties.api_$l->{groep}{naam}_lezen(g -> " . lit($l->{key}) . ", naam || " . lit(".$l->{key}") . ");");
			uit(map { "\tw.$l->{lid}$_->{lid} := $var.$_->{lid};" } @{$l->{groep}{leden}});
			next;
		}
		my $e = $l->{lezen} eq 'tekst' ? "coalesce($t, '')"
			: $l->{lezen} eq 'leeg_null' ? "nullif($t, '')"
			: $l->{lezen} eq 'verplicht' ? "klantinteracties.api_verplicht($t)"
			: $l->{lezen} eq 'verplicht leeg_null' ? "klantinteracties.api_verplicht(nullif($t, ''))"
			: $l->{lezen} =~ /^verwijzing ([a-z_]+)$/ ? "klantinteracties.api_verwijzing(g -> veld, " . lit($1) . ")"
			: die;
		uit("\tveld := " . lit($l->{key}) . "; w.$l->{lid} := $e;");
	}
	uit("\tRETURN w;",
		"EXCEPTION WHEN OTHERS THEN",
		"\tGET STACKED DIAGNOSTICS f_staat = RETURNED_SQLSTATE, f_bericht = MESSAGE_TEXT,",
		"\t\tf_detail = PG_EXCEPTION_DETAIL, f_hint = PG_EXCEPTION_HINT;",
		"\tPERFORM klantinteracties.api_fout(naam || CASE WHEN g IS NULL THEN '' ELSE '.' END,",
		"\t\tCASE WHEN g IS NULL THEN '' ELSE veld END, f_staat, f_bericht, f_detail, f_hint, NULL);",
		"\tRETURN NULL;",
		"END",
		"\$\$;");
	# A reader that resolves references reads the registry: a helper of the
	# write triggers, which run it as klantinteracties_eigenaar.
	uit("REVOKE ALL ON FUNCTION klantinteracties.api_$g->{naam}_lezen(jsonb, text) FROM PUBLIC;",
		"GRANT EXECUTE ON FUNCTION klantinteracties.api_$g->{naam}_lezen(jsonb, text) TO klantinteracties_eigenaar;") if $verwijst;
	uit("COMMENT ON FUNCTION klantinteracties.api_$g->{naam}_lezen(jsonb, text) IS "
		. lit(($verwijst ? "Helper of the write triggers, which run as the caller (invoker; only klantinteracties_eigenaar executes it; resolves references under the caller's policies)" : "Pure") . ": reads a $g->{naam} group of a request body (keys " . join(', ', map { $_->{key} } @{$g->{leden}})
			. ") into typed values; absent keys are empty, a wrong value is refused naming group and key (<naam>.<key>: ...). Generated from src/api/schrijven.api.") . ";", "");
}

# The value a field of the request becomes.
sub lezen {
	my ($v) = @_;
	my $new = $v->{veld} =~ /^(\w+)\.(\w+)$/
		? "klantinteracties.api_tekst(klantinteracties.api_object(NEW." . ident($1) . ") -> " . lit($2) . ")"
		: 'NEW.' . ident($v->{veld});
	my $l = $v->{lezen};
	my $e = $l eq 'tekst' ? "coalesce($new, '')"
		: $l eq 'leeg_null' ? "nullif($new, '')"
		: $l eq 'waarde' ? $new
		: $l eq 'standaard' ? "coalesce($new, $v->{expr})"
		: $l eq 'nieuw' ? "CASE TG_OP WHEN 'INSERT' THEN coalesce($new, $v->{expr}) ELSE $new END"
		: $l eq 'via' ? "$v->{expr}($new, " . lit($v->{veld}) . ")"
		: $l eq 'verwijzing' ? "klantinteracties.api_verwijzing($new, " . lit($v->{tabel}) . ")"
		: die;
	return $v->{verplicht} ? "klantinteracties.api_verplicht($e)" : $e;
}

# A comma-separated list, wrapped before 100 columns.
sub lijst {
	my ($inspringen, @l) = @_;
	my ($uit, $regel) = ('', '');
	for my $e (@l) {
		if ($regel ne '' && length($regel) + length($e) > 90) {
			$uit .= "$regel,\n$inspringen";
			$regel = '';
		}
		$regel .= ($regel eq '' ? '' : ', ') . $e;
	}
	return $uit . $regel;
}

my %veld_van;	# constraint -> field
for my $res (@resources) {
	my ($vw, $t) = ($res->{view}, $res->{tabel});
	my $fn = "klantinteracties.api_" . naam($vw) . "_schrijven()";
	my (@kolommen, @waarden, @decl);
	for my $v (@{$res->{velden}}) {
		if ($v->{groep}) {
			push @decl, "\tg_$v->{kolom} klantinteracties.api_$v->{groep}{naam};";
			for my $l (@{$v->{groep}{leden}}) {
				push @kolommen, "$v->{kolom}$l->{lid}";
			}
		} else {
			push @kolommen, $v->{kolom};
		}
	}
	push @decl, map { "\t$_->[0] $_->[1];" } @{$res->{variabelen}};

	uit("-- /$vw: POST, PATCH and DELETE on view " . view($vw) . ", table klantinteracties.$t.");
	uit("CREATE OR REPLACE FUNCTION $fn RETURNS trigger",
		"\tLANGUAGE plpgsql VOLATILE",
		"\tSECURITY DEFINER",
		"\tSET search_path = pg_catalog, pg_temp",
		"\tAS \$\$",
		"DECLARE",
		"\tveld text;",
		"\tr klantinteracties.$t%ROWTYPE;",
		@decl,
		"\tf_staat text; f_bericht text; f_detail text; f_hint text; f_beperking text;",
		"BEGIN",
		"\tIF TG_OP = 'DELETE' THEN",
		"\t\t-- Nothing deleted (row-level security kept the row): no row answered.",
		"\t\tDELETE FROM klantinteracties.$t WHERE uuid = OLD.uuid;",
		"\t\tRETURN CASE WHEN FOUND THEN OLD END;",
		"\tEND IF;",
		"\tBEGIN",
		"\t\tr.uuid := CASE TG_OP WHEN 'INSERT' THEN coalesce(NEW.uuid, pg_catalog.gen_random_uuid()) ELSE OLD.uuid END;");
	my $ouder = '';
	for my $v (@{$res->{velden}}) {
		if ($v->{groep}) {
			my $var = "g_$v->{kolom}";
			uit("\t\tveld := NULL;",
				"\t\t$var := klantinteracties.api_$v->{groep}{naam}_lezen(NEW." . ident($v->{veld}) . ", " . lit($v->{veld}) . ");");
			uit(map { "\t\tr.$v->{kolom}$_->{lid} := $var.$_->{lid};" } @{$v->{groep}{leden}});
			$ouder = '';
			next;
		}
		if ($v->{veld} =~ /^(\w+)\./ && $1 ne $ouder) {
			# The object itself first, so that a non-object is named as such.
			$ouder = $1;
			uit("\t\tveld := " . lit($ouder) . ";", "\t\tPERFORM klantinteracties.api_object(NEW." . ident($ouder) . ");");
		} elsif ($v->{veld} !~ /\./) {
			$ouder = '';
		}
		# A reader function (via) names the field of its refusals itself.
		uit("\t\tveld := " . ($v->{lezen} eq 'via' ? 'NULL' : lit($v->{veld})) . ";", "\t\tr.$v->{kolom} := " . lezen($v) . ";");
		uit("\t\tPERFORM $v->{controle};") if $v->{controle};
	}
	my $stap = sub {
		my ($s) = @_;
		my $body = "\t\tveld := " . (defined $s->{veld} ? lit($s->{veld}) : 'NULL') . ";\n\t\t$s->{sql}";
		if ($s->{gewijzigd}) {
			my $c = 'NEW.' . ident($s->{gewijzigd});
			my $o = 'OLD.' . ident($s->{gewijzigd});
			$body = "\t\tIF (TG_OP = 'INSERT' AND $c IS NOT NULL) OR $c IS DISTINCT FROM $o THEN\n"
				. join("\n", map { "\t$_" } split /\n/, $body) . "\n\t\tEND IF;";
		}
		uit($body);
	};
	$stap->($_) for grep { $_->{wanneer} eq 'voor' } @{$res->{stappen}};
	my @zet = ((map { "$_ = r.$_" } @kolommen), (map { "$_->[0] = $_->[1]" } @{$res->{bij_wijzigen}}));
	uit("\t\tveld := NULL;",
		"\t\tIF TG_OP = 'INSERT' THEN",
		"\t\t\tINSERT INTO klantinteracties.$t (" . lijst("\t\t\t\t", 'uuid', @kolommen) . ")",
		"\t\t\tVALUES (" . lijst("\t\t\t\t", map { "r.$_" } 'uuid', @kolommen) . ");",
		"\t\tELSE",
		"\t\t\tUPDATE klantinteracties.$t",
		"\t\t\t   SET " . join(",\n\t\t\t       ", @zet),
		"\t\t\t WHERE uuid = r.uuid;",
		"\t\t\tIF NOT FOUND THEN",
		"\t\t\t\tRAISE EXCEPTION USING ERRCODE = 'no_data_found';",
		"\t\t\tEND IF;",
		"\t\tEND IF;");
	$stap->($_) for grep { $_->{wanneer} eq 'na' } @{$res->{stappen}};
	uit("\tEXCEPTION",
		"\t\tWHEN no_data_found THEN",
		"\t\t\t-- Row-level security kept the row: what the steps before did is",
		"\t\t\t-- undone with this block, and no row is answered.",
		"\t\t\tRETURN NULL;",
		"\t\tWHEN OTHERS THEN",
		"\t\t\tGET STACKED DIAGNOSTICS f_staat = RETURNED_SQLSTATE, f_bericht = MESSAGE_TEXT,",
		"\t\t\t\tf_detail = PG_EXCEPTION_DETAIL, f_hint = PG_EXCEPTION_HINT, f_beperking = CONSTRAINT_NAME;",
		"\t\t\tPERFORM klantinteracties.api_fout(NULL, veld, f_staat, f_bericht, f_detail, f_hint, f_beperking);",
		"\tEND;",
		"\tSELECT * INTO NEW FROM " . view($vw) . " WHERE uuid = r.uuid;",
		"\tRETURN NEW;",
		"END",
		"\$\$;");
	# As the caller: the owner alone may write the tables, the policies test
	# the caller; a trigger function needs no EXECUTE privilege to fire.
	uit("ALTER FUNCTION $fn OWNER TO klantinteracties_eigenaar;",
		"REVOKE ALL ON FUNCTION $fn FROM PUBLIC;",
		"COMMENT ON FUNCTION $fn IS " . lit("As the caller: INSTEAD OF trigger of " . view($vw) . ", POST, PATCH and DELETE of /$vw"
			. " (fields " . join(", ", (map { $_->{veld} } @{$res->{velden}}), (map { $_->{gewijzigd} // $_->{veld} // () } @{$res->{stappen}}))
			. "). Generated from src/api/schrijven.api.") . ";",
		"CREATE TRIGGER schrijven INSTEAD OF INSERT OR UPDATE OR DELETE ON " . view($vw),
		"\tFOR EACH ROW EXECUTE FUNCTION $fn;",
		"GRANT SELECT ON " . view($vw) . " TO $rollen[0];",
		"GRANT INSERT, UPDATE, DELETE ON " . view($vw) . " TO $rollen[1];", "");

	# Filters by the uuid of a reference, under Open Klant's names
	# (wasPartij__uuid=eq.<uuid>): computed fields that PostgREST offers
	# as filter columns, typed uuid, so that a value that is no uuid is
	# refused (400) as on a uuid column.  Inlined: everything qualified.
	for my $v (grep { ($_->{lezen} // '') eq 'verwijzing' && $_->{veld} !~ /\./ } @{$res->{velden}}) {
		my $f = "klantinteracties_api." . ident("$v->{veld}__uuid") . "(" . view($vw) . ")";
		uit("CREATE OR REPLACE FUNCTION $f RETURNS uuid",
			"\tLANGUAGE sql IMMUTABLE PARALLEL SAFE",
			"\tSECURITY INVOKER",
			"\tAS \$\$ SELECT (\$1." . ident($v->{veld}) . " OPERATOR(pg_catalog.->>) 'uuid')::pg_catalog.uuid \$\$;",
			"REVOKE ALL ON FUNCTION $f FROM PUBLIC;",
			"GRANT EXECUTE ON FUNCTION $f TO $rollen[0];",
			"COMMENT ON FUNCTION $f IS " . lit("Pure: the uuid of $v->{veld} of a row of /$vw, a filter column of PostgREST under Open Klant's name ($v->{veld}__uuid=eq.<uuid>); a value that is no uuid is refused (22P02, HTTP 400). Generated from src/api/schrijven.api.") . ";");
	}
	# Open Klant's expand: computed relationships, which PostgREST embeds
	# (select=*,hadBetrokkenen(*)); as the caller (the owner reads the
	# table, the caller's policies apply), ROWS 1 for a reference.
	for my $u (@{$res->{uitbreidingen}}) {
		my $f = "klantinteracties_api." . ident($u->{naam}) . "(" . view($vw) . ")";
		my $sql;
		if ($u->{soort} eq 'veel') {
			my ($tabel, $kolom) = split /\./, $u->{bron};
			$sql = "SELECT v.* FROM klantinteracties.$tabel t JOIN " . view($u->{doel}) . " v ON v.uuid = t.uuid\n"
				. " WHERE t.$kolom = \$1.uuid ORDER BY t.geregistreerd_op, t.uuid";
		} else {
			$sql = "SELECT v.* FROM " . view($u->{doel}) . " v\n WHERE v.uuid = (SELECT t.$u->{bron} FROM klantinteracties.$t t"
				. " WHERE t.uuid = \$1.uuid)";
		}
		uit("CREATE OR REPLACE FUNCTION $f RETURNS SETOF " . view($u->{doel}),
			"\tLANGUAGE sql STABLE PARALLEL SAFE",
			"\tSECURITY DEFINER",
			"\tSET search_path = pg_catalog, pg_temp",
			($u->{soort} eq 'een' ? "\tROWS 1" : "\tROWS 10"),
			"\tAS \$\$",
			$sql,
			"\$\$;",
			"ALTER FUNCTION $f OWNER TO klantinteracties_eigenaar;",
			"REVOKE ALL ON FUNCTION $f FROM PUBLIC;",
			"GRANT EXECUTE ON FUNCTION $f TO $rollen[0];",
			"COMMENT ON FUNCTION $f IS " . lit("As the caller: Open Klant's expand=$u->{naam} of /$vw, "
				. ($u->{soort} eq 'een' ? "the one row" : "the rows") . " of /$u->{doel} it names, as a computed relationship that PostgREST embeds"
				. " (select=*,$u->{naam}(*)). Generated from src/api/schrijven.api.") . ";");
	}
	uit("");

	# The constraint map.
	my @map = (["${t}_pkey", 'uuid', undef], @{$res->{beperkingen}});
	for my $m (@map) {
		my ($c, $veld, $pad) = @$m;
		my $doel = !defined $pad ? $veld : $pad =~ /^\./ ? "$veld$pad" : $pad;
		die "$bron: constraint $c is mapped twice\n" if exists $veld_van{$c};
		$veld_van{$c} = $doel;
	}
}

uit("-- The API field each constraint of the registry tables guards, from the",
	"-- \"!\" entries beside the fields.",
	"CREATE OR REPLACE FUNCTION klantinteracties.api_veld_van_beperking(beperking text) RETURNS text",
	"\tLANGUAGE sql IMMUTABLE PARALLEL SAFE",
	"\tSECURITY INVOKER",
	"\tSET search_path = pg_catalog, pg_temp",
	"\tAS \$\$",
	"SELECT CASE beperking");
uit(map { "\tWHEN " . lit($_) . " THEN " . lit($veld_van{$_}) } sort keys %veld_van);
uit("END", "\$\$;",
	"COMMENT ON FUNCTION klantinteracties.api_veld_van_beperking(text) IS "
	. lit('Pure: the API field (path within its resource) that a constraint of the registry tables guards, for naming it in refusals of the REST API; NULL for a constraint the API cannot break. Generated from src/api/schrijven.api.') . ";");

# One assignment of veld where two follow each other without a use between.
my @schoon;
for my $r (map { split /\n/ } @uit) {
	pop @schoon if @schoon && $schoon[-1] =~ /^\s*veld := [^;]*;$/ && $r =~ /^\s*veld := [^;]*;$/;
	push @schoon, $r;
}
print join("\n", @schoon), "\n";
