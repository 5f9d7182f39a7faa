"""Validate the organisation and gathering data of the knowledge base.

Reads the TSV files with csv and the standard library only (not through the
communique package), so that a broken file is reported as such.
"""
from __future__ import annotations

import csv
import datetime as dt
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "src" / "communique" / "kb" / "data"

HEADERS = {
    "organizations.entities.tsv": ["id", "type", "label", "wikidata"],
    "organizations.aliases.tsv": ["id", "lang", "alias", "kind"],
    "gatherings.entities.tsv": ["id", "type", "label", "wikidata"],
    "gatherings.aliases.tsv": ["id", "lang", "alias", "kind"],
    "gatherings.tsv": ["id", "organization", "number", "start", "end", "location"],
    "memberships.tsv": ["state", "organization", "role", "start", "end"],
    "chairs.tsv": ["state", "organization", "start", "end"],
    "organizations.states.tsv": ["organization", "state"],
}
OWN_ID = re.compile(r"^(org|gathering):[a-z0-9-]+$")
ORG_ID = re.compile(r"^org:[a-z0-9-]+$")
GATHERING_ID = re.compile(r"^gathering:[a-z0-9-]+$")
COUNTRY_ID = re.compile(r"^country:[a-z]{2}$")
LOC_ID = re.compile(r"^loc:[a-z0-9-]+$")
WIKIDATA = re.compile(r"^(Q[1-9][0-9]*)?$")
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
LANGS = {"az", "kk", "ru", "en", "tr", "ky", "uz"}
KINDS = {"name", "short", "acronym", "former", "adjective", "demonym", "title"}

CYRILLIC_LANGS = {"kk", "ru", "ky"}
LATIN_LANGS = {"az", "en", "tr", "uz"}
# Letters each language's aliases may use (both cases); ASCII letters are always
# allowed in the Latin-script languages (acronyms such as UNESCO, NATO).
ALPHABETS = {
    "az": "abcçdeəfgğhxıijkqlmnoöprsştuüvyz",
    "tr": "abcçdefgğhıijklmnoöprsştuüvyz",
    "uz": "abcdefghijklmnopqrstuvxyz",
    "en": "abcdefghijklmnopqrstuvwxyz",
    "kk": "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя",
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "ky": "абвгдеёжзийклмнңоөпрстуүфхцчшщъыьэюя",
}


def read(name: str) -> tuple[list[str], list[list[str]]]:
    """(header, data rows) of a TSV file; '#' lines and blank lines are skipped."""
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        text = f.read()
    lines = [ln for ln in text.split("\n") if ln.strip() and not ln.startswith("#")]
    rows = list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    return rows[0], rows[1:]


def records(name: str) -> list[dict[str, str]]:
    header, rows = read(name)
    return [dict(zip(header, r)) for r in rows]


def parse_date(s: str) -> tuple[dt.date, dt.date]:
    """Earliest and latest day a YYYY / YYYY-MM / YYYY-MM-DD value can mean."""
    assert DATE.match(s), s
    parts = [int(p) for p in s.split("-")]
    if len(parts) == 3:
        d = dt.date(*parts)
        return d, d
    if len(parts) == 2:
        first = dt.date(parts[0], parts[1], 1)
        nxt = dt.date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return first, nxt - dt.timedelta(days=1)
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)


def check_span(start: str, end: str, where: str) -> None:
    if start:
        parse_date(start)
    if end:
        parse_date(end)
    if start and end:
        assert parse_date(start)[0] <= parse_date(end)[1], f"{where}: start {start} after end {end}"


@pytest.fixture(scope="module")
def org_ids() -> set[str]:
    return {r["id"] for r in records("organizations.entities.tsv")}


@pytest.fixture(scope="module")
def gathering_ids() -> set[str]:
    return {r["id"] for r in records("gatherings.entities.tsv")}


@pytest.fixture(scope="module")
def aliases() -> list[dict[str, str]]:
    return records("organizations.aliases.tsv") + records("gatherings.aliases.tsv")


# -- file-level checks ----------------------------------------------------------

@pytest.mark.parametrize("name", sorted(HEADERS))
def test_header_and_columns(name):
    header, rows = read(name)
    assert header == HEADERS[name]
    assert rows, f"{name} has no data rows"
    for n, r in enumerate(rows, 1):
        assert len(r) == len(header), f"{name} row {n}: {len(r)} columns: {r}"


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_nfc_and_clean_cells(name):
    text = (DATA / name).read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", text), f"{name} is not NFC"
    assert "\r" not in text
    _, rows = read(name)
    for r in rows:
        for cell in r:
            assert cell == cell.strip(), f"{name}: stray whitespace in {cell!r}"
            assert "  " not in cell, f"{name}: double space in {cell!r}"
            assert not any(unicodedata.category(ch) in ("Cc", "Cf") for ch in cell), f"{name}: control char in {cell!r}"


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_no_duplicate_rows_and_sorted(name):
    _, rows = read(name)
    dup = [r for r, c in Counter(map(tuple, rows)).items() if c > 1]
    assert not dup, f"{name}: duplicate rows {dup}"
    assert rows == sorted(rows), f"{name}: rows are not sorted"


# -- entities ---------------------------------------------------------------------

@pytest.mark.parametrize("name,type_,pattern", [
    ("organizations.entities.tsv", "organization", ORG_ID),
    ("gatherings.entities.tsv", "gathering", GATHERING_ID),
])
def test_entities(name, type_, pattern):
    rows = records(name)
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), f"{name}: duplicate ids"
    for r in rows:
        assert OWN_ID.match(r["id"]) and pattern.match(r["id"]), r["id"]
        assert r["type"] == type_, r
        assert r["label"], r
        assert WIKIDATA.match(r["wikidata"]), r


def test_ids_unique_across_files_and_wikidata_unique(org_ids, gathering_ids):
    assert not org_ids & gathering_ids
    qids = [r["wikidata"] for n in ("organizations.entities.tsv", "gatherings.entities.tsv")
            for r in records(n) if r["wikidata"]]
    assert len(qids) == len(set(qids)), [q for q, c in Counter(qids).items() if c > 1]


# -- aliases ----------------------------------------------------------------------

@pytest.mark.parametrize("name,idfile", [
    ("organizations.aliases.tsv", "organizations.entities.tsv"),
    ("gatherings.aliases.tsv", "gatherings.entities.tsv"),
])
def test_aliases_reference_known_ids(name, idfile):
    known = {r["id"] for r in records(idfile)}
    for r in records(name):
        assert OWN_ID.match(r["id"]), r
        assert r["id"] in known, f"{name}: alias {r['alias']!r} names unknown {r['id']}"
        assert r["lang"] in LANGS, r
        assert r["kind"] in KINDS, r
        assert r["alias"], r


def test_alias_unique_per_entity_and_language(aliases):
    keys = Counter((r["id"], r["lang"], r["alias"]) for r in aliases)
    assert not [k for k, c in keys.items() if c > 1]


def test_alias_scripts(aliases):
    for r in aliases:
        letters = [ch for ch in r["alias"] if ch.isalpha()]
        cyr = [ch for ch in letters if "CYRILLIC" in unicodedata.name(ch, "")]
        lat = [ch for ch in letters if "LATIN" in unicodedata.name(ch, "")]
        assert len(cyr) + len(lat) == len(letters), f"neither Latin nor Cyrillic letters in {r}"
        if r["lang"] in CYRILLIC_LANGS:
            assert not lat, f"Latin letters {lat} in {r['lang']} alias {r['alias']!r}"
        if r["lang"] in LATIN_LANGS:
            assert not cyr, f"Cyrillic letters {cyr} in {r['lang']} alias {r['alias']!r}"


def test_alias_letters_belong_to_language(aliases):
    for r in aliases:
        allowed = set(ALPHABETS[r["lang"]])
        if r["lang"] in LATIN_LANGS:
            allowed |= set("abcdefghijklmnopqrstuvwxyz")
        bad = {ch for ch in r["alias"].lower().replace("i̇", "i") if ch.isalpha() and ch not in allowed}
        assert not bad, f"letters {bad} not in the {r['lang']} alphabet: {r['alias']!r}"


def _ids_for(aliases, text: str, lang: str | None = None) -> set[str]:
    labels = {r["id"]: r["label"] for n in ("organizations.entities.tsv", "gatherings.entities.tsv")
              for r in records(n)}
    found = {r["id"] for r in aliases if r["alias"] == text and (lang is None or r["lang"] == lang)}
    if lang in (None, "en"):
        found |= {i for i, label in labels.items() if label == text}
    return found


def test_cica_names_share_one_id(aliases):
    for text in ("CICA", "AQEM", "АӨСШК", "СВМДА",
                 "Asiyada Qarşılıqlı Fəaliyyət və Etimad Tədbirləri üzrə Müşavirə",
                 "Азиядағы өзара іс-қимыл және сенім шаралары жөніндегі кеңес",
                 "Совещание по взаимодействию и мерам доверия в Азии",
                 "Conference on Interaction and Confidence Building Measures in Asia"):
        assert _ids_for(aliases, text) == {"org:cica"}, text


def test_turkic_council_is_ots(aliases):
    for text in ("Organization of Turkic States", "Turkic Council", "Türk Dövlətləri Təşkilatı", "TDT",
                 "Türk Şurası", "Түркі мемлекеттері ұйымы", "ТМҰ", "Түркі кеңесі",
                 "Организация тюркских государств", "ОТГ", "Тюркский совет"):
        assert _ids_for(aliases, text) == {"org:ots"}, text
    former = {(r["lang"], r["alias"]) for r in aliases if r["id"] == "org:ots" and r["kind"] == "former"}
    assert {("en", "Turkic Council"), ("az", "Türk Şurası"), ("kk", "Түркі кеңесі"), ("ru", "Тюркский совет")} <= former


@pytest.mark.parametrize("eid,lang,text", [
    ("org:un", "az", "BMT"), ("org:un", "kk", "БҰҰ"), ("org:un", "ru", "ООН"),
    ("org:un", "ru", "Организация Объединённых Наций"), ("org:un", "kk", "Біріккен Ұлттар Ұйымы"),
    ("org:un", "az", "Birləşmiş Millətlər Təşkilatı"),
    ("org:unga", "az", "Baş Assambleya"), ("org:unga", "az", "BMT Baş Assambleyası"),
    ("org:unga", "kk", "Бас Ассамблея"), ("org:unga", "ru", "Генеральная Ассамблея ООН"),
    ("org:unga", "ru", "Генассамблея"),
    ("org:sco", "az", "ŞƏT"), ("org:sco", "kk", "ШЫҰ"), ("org:sco", "ru", "ШОС"),
    ("org:cis", "az", "MDB"), ("org:cis", "kk", "ТМД"), ("org:cis", "ru", "СНГ"),
    ("org:csto", "az", "KTMT"), ("org:csto", "kk", "ҰҚШҰ"), ("org:csto", "ru", "ОДКБ"),
    ("org:eaeu", "kk", "ЕАЭО"), ("org:eaeu", "ru", "ЕАЭС"),
    ("org:osce", "az", "ATƏT"), ("org:osce", "kk", "ЕҚЫҰ"), ("org:osce", "ru", "ОБСЕ"),
    ("org:eu", "az", "Aİ"), ("org:eu", "kk", "ЕО"), ("org:eu", "ru", "ЕС"),
    ("org:nato", "kk", "НАТО"), ("org:nato", "kk", "Солтүстік Атлант шарты ұйымы"),
    ("org:oic", "az", "İƏT"), ("org:oic", "kk", "ИЫҰ"), ("org:oic", "ru", "ОИС"),
    ("org:icrc", "az", "BQXK"), ("org:icrc", "ru", "МККК"),
    ("org:nam", "az", "Qoşulmama Hərəkatı"), ("org:nam", "kk", "Қосылмау қозғалысы"),
    ("org:nam", "ru", "Движение неприсоединения"),
    ("org:unaoc", "az", "Sivilizasiyalar Alyansı"),
    ("org:mfa-az", "az", "Xarici İşlər Nazirliyi"), ("org:mfa-az", "az", "XİN"),
    ("org:mfa-kz", "kk", "Сыртқы істер министрлігі"), ("org:mfa-kz", "kk", "СІМ"),
    ("org:mfa-kz", "ru", "МИД Казахстана"), ("org:mfa-ru", "ru", "МИД России"),
    ("gathering:cop29", "en", "COP29"), ("gathering:cop29", "en", "COP-29"), ("gathering:cop29", "ru", "КС-29"),
    ("gathering:unga-76", "az", "BMT Baş Assambleyasının 76-cı sessiyası"),
    ("gathering:unga-76", "kk", "БҰҰ Бас Ассамблеясының 76-сессиясы"),
    ("gathering:unga-76", "ru", "76-я сессия Генеральной Ассамблеи ООН"),
    ("gathering:unga-76", "en", "76th session of the UN General Assembly"),
])
def test_required_aliases(aliases, eid, lang, text):
    assert eid in _ids_for(aliases, text, lang), f"{lang} {text!r} should name {eid}"


def test_azerbaijani_ordinal_suffixes(aliases):
    want = {47: "ci", 55: "ci", 56: "cı", 59: "cu", 60: "cı", 63: "cü", 64: "cü", 70: "ci", 76: "cı", 80: "ci"}
    for n, suffix in want.items():
        text = f"BMT Baş Assambleyasının {n}-{suffix} sessiyası"
        assert _ids_for(aliases, text, "az") == {f"gathering:unga-{n}"}, text


# -- details ----------------------------------------------------------------------

def test_gatherings_details(org_ids, gathering_ids):
    rows = records("gatherings.tsv")
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    assert set(ids) == gathering_ids, "every gathering has exactly one details row"
    for r in rows:
        assert GATHERING_ID.match(r["id"]), r
        assert not r["organization"] or r["organization"] in org_ids, r
        assert not r["number"] or re.fullmatch(r"[1-9][0-9]*", r["number"]), r
        assert not r["location"] or LOC_ID.match(r["location"]), r
        check_span(r["start"], r["end"], r["id"])


def test_gathering_facts():
    g = {r["id"]: r for r in records("gatherings.tsv")}
    assert g["gathering:cop29"]["start"] == "2024-11-11" and g["gathering:cop29"]["location"] == "loc:baku"
    assert g["gathering:cica-summit-6"]["start"] == "2022-10-12"
    assert g["gathering:cica-summit-6"]["location"] == "loc:astana"
    for n in [47, *range(55, 81)]:
        r = g[f"gathering:unga-{n}"]
        assert (r["organization"], r["number"], r["start"][:4]) == ("org:unga", str(n), str(1945 + n))
    for n in range(1, 31):
        r = g[f"gathering:cop{n}"]
        assert (r["organization"], r["number"]) == ("org:unfccc", str(n))
    # numbered series of one organisation: no number twice, dates in number order
    series: dict[str, list[tuple[int, str]]] = {}
    for r in g.values():
        if r["number"]:
            series.setdefault(r["id"].rsplit("-", 1)[0].rstrip("0123456789"), []).append((int(r["number"]), r["start"]))
    for key, items in series.items():
        nums = [n for n, _ in items]
        assert len(nums) == len(set(nums)), key
        starts = [parse_date(s)[0] for _, s in sorted(items) if s]
        assert starts == sorted(starts), f"{key}: dates not in number order"


@pytest.mark.parametrize("name", ["memberships.tsv", "chairs.tsv"])
def test_memberships_and_chairs(name, org_ids):
    for r in records(name):
        assert COUNTRY_ID.match(r["state"]), r
        assert r["organization"] in org_ids, r
        if "role" in r:
            assert r["role"] in ("member", "observer"), r
        check_span(r["start"], r["end"], str(r))


def test_a_states_own_bodies_are_known_and_hold_no_membership(org_ids):
    members = {r["organization"] for r in records("memberships.tsv")}
    for r in records("organizations.states.tsv"):
        assert r["organization"] in org_ids and COUNTRY_ID.match(r["state"]), r
        assert r["organization"] not in members, f"{r['organization']} has member states: not one state's body"


def test_memberships_do_not_overlap():
    seen: dict[tuple[str, str], list[dict[str, str]]] = {}
    for r in records("memberships.tsv"):
        seen.setdefault((r["state"], r["organization"]), []).append(r)
    for key, rows in seen.items():
        if len(rows) == 1:
            continue
        assert all(r["start"] for r in rows), f"{key}: several spans, one without a start"
        rows.sort(key=lambda r: parse_date(r["start"])[0])
        for a, b in zip(rows, rows[1:]):
            assert a["end"] and parse_date(a["end"])[0] <= parse_date(b["start"])[1], f"{key}: {a} overlaps {b}"


def test_chairs_do_not_overlap():
    by_org: dict[str, list[dict[str, str]]] = {}
    for r in records("chairs.tsv"):
        by_org.setdefault(r["organization"], []).append(r)
    for org, rows in by_org.items():
        dated = sorted((r for r in rows if r["start"]), key=lambda r: parse_date(r["start"])[0])
        for a, b in zip(dated, dated[1:]):
            assert a["end"], f"{org}: {a['state']} has no end but {b['state']} follows"
            assert parse_date(a["end"])[0] <= parse_date(b["start"])[1], f"{org}: {a} overlaps {b}"
        assert sum(1 for r in rows if not r["end"]) <= 1, f"{org}: more than one open chairmanship"


def test_known_chairs():
    rows = {(r["state"], r["organization"], r["start"], r["end"]) for r in records("chairs.tsv")}
    assert ("country:az", "org:nam", "2019-10", "2024-01") in rows
    assert ("country:az", "org:cica", "2022-10", "") in rows
    assert ("country:kz", "org:cica", "2020", "2022-10") in rows
