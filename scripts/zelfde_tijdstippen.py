#!/usr/bin/env python3
"""Whether two pg_regress outputs are the same once every timestamp is read
as the instant it names: used by make test-instellingen's datetime run.

  zelfde_tijdstippen.py [--toon] EXPECTED RESULT ZONE

EXPECTED was written under pg_regress's own settings (TimeZone PST8PDT,
DateStyle Postgres, MDY), RESULT under DateStyle 'SQL, DMY' and TimeZone
ZONE.  Every timestamp with a zone or offset (ISO 8601 as JSON writes it,
Postgres style with PST/PDT or a numeric offset (a test's own SET TimeZone),
SQL style with the ZONE's offset) becomes its
instant in UTC, every timestamp without one and every date its ISO text;
column padding and table borders are ignored, as the widths follow the
text.  Exit 0 when the outputs are then equal; --toon prints the lines that
still differ.
"""
import difflib
import re
import sys
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

MAANDEN = {m: i + 1 for i, m in enumerate("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split())}
PST8PDT = {"PST": timedelta(hours=-8), "PDT": timedelta(hours=-7)}

ISO = re.compile(r"(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d):(\d\d)(\.\d+)?([+-]\d\d(?::?\d\d)?|Z)?")
POSTGRES = re.compile(r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\w{3}) (\d\d) (\d\d):(\d\d):(\d\d)(\.\d+)? (\d{4})(?: (PST|PDT|[+-]\d\d(?::?\d\d)?))?")
SQL = re.compile(r"\b(\d\d)/(\d\d)/(\d{4}) (\d\d):(\d\d):(\d\d)(\.\d+)?(?: ([+-]\d\d(?:\d\d)?))?")
DATUM_MDY = re.compile(r"\b(\d\d)-(\d\d)-(\d{4})\b")
DATUM_DMY = re.compile(r"\b(\d\d)/(\d\d)/(\d{4})\b")


def offset(text):
    if text in (None, ""):
        return None
    if text == "Z":
        return timedelta(0)
    teken = -1 if text[0] == "-" else 1
    cijfers = text[1:].replace(":", "")
    return teken * timedelta(hours=int(cijfers[:2]), minutes=int(cijfers[2:4] or 0))


def tekst(jaar, maand, dag, uur, minuut, seconde, fractie, verschuiving):
    t = datetime(int(jaar), int(maand), int(dag), int(uur), int(minuut), int(seconde))
    f = fractie or ""
    if verschuiving is None:
        return "<%s%s>" % (t.isoformat(sep=" "), f)
    return "<%s%sZ>" % ((t - verschuiving).isoformat(sep=" "), f)


def normaal(regel):
    regel = ISO.sub(lambda m: tekst(*m.group(1, 2, 3, 4, 5, 6, 7), offset(m.group(8))), regel)
    regel = POSTGRES.sub(lambda m: tekst(m.group(7), MAANDEN[m.group(1)], m.group(2), *m.group(3, 4, 5, 6),
                                         PST8PDT[m.group(8)] if m.group(8) in PST8PDT else offset(m.group(8))), regel)
    regel = SQL.sub(lambda m: tekst(m.group(3), m.group(2), m.group(1), *m.group(4, 5, 6, 7), offset(m.group(8))), regel)
    regel = DATUM_MDY.sub(lambda m: "<%s-%s-%s>" % (m.group(3), m.group(1), m.group(2)), regel)
    regel = DATUM_DMY.sub(lambda m: "<%s-%s-%s>" % (m.group(3), m.group(2), m.group(1)), regel)
    if re.fullmatch(r"[-+]+", regel.strip()):
        return "---"
    return re.sub(r"\s+", "", regel)


def main():
    args = sys.argv[1:]
    toon = args and args[0] == "--toon"
    if toon:
        args = args[1:]
    verwacht, uitkomst, zone = args
    ZoneInfo(zone)  # a known zone, or an error
    a = [normaal(r) for r in open(verwacht, encoding="utf-8", errors="replace").read().splitlines()]
    b = [normaal(r) for r in open(uitkomst, encoding="utf-8", errors="replace").read().splitlines()]
    if a == b:
        return 0
    if toon:
        for r in difflib.unified_diff(a, b, "expected", "result", n=0, lineterm=""):
            print(r)
    return 1


if __name__ == "__main__":
    sys.exit(main())
