"""Checks on the country and place tables of the knowledge base.

Reads the TSV files directly (stdlib csv only); does not import communique.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "src" / "communique" / "kb" / "data"

ENTITY_FILES = ["countries.entities.tsv", "places.entities.tsv"]
ALIAS_FILES = ["countries.aliases.tsv", "places.aliases.tsv"]
ENTITY_HEADER = ["id", "type", "label", "wikidata"]
ALIAS_HEADER = ["id", "lang", "alias", "kind"]

ID_RE = re.compile(r"^(country|loc):[a-z0-9-]+$")
LANGS = {"az", "kk", "ru", "en", "tr", "ky", "uz"}
KINDS = {"name", "short", "acronym", "former", "adjective", "demonym", "title"}
CYRILLIC_LANGS = {"kk", "ru", "ky"}
LATIN_LANGS = {"az", "tr", "uz", "en"}


def read_tsv(name: str) -> tuple[list[str], list[list[str]]]:
    """Return (header, rows); `#` lines are comments, the first other line is the header."""
    path = DATA / name
    with path.open(encoding="utf-8", newline="") as f:
        lines = [ln for ln in f if not ln.startswith("#")]
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    header, *rows = list(reader)
    return header, rows


def script_letters(text: str, script: str) -> list[str]:
    return [ch for ch in text
            if ch.isalpha() and script in unicodedata.name(ch, "")]


@pytest.fixture(scope="module")
def entities() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for name in ENTITY_FILES:
        _, rows = read_tsv(name)
        for row in rows:
            out[row[0]] = row
    return out


@pytest.fixture(scope="module")
def aliases() -> list[list[str]]:
    out: list[list[str]] = []
    for name in ALIAS_FILES:
        _, rows = read_tsv(name)
        out.extend(rows)
    return out


@pytest.mark.parametrize("name", ENTITY_FILES)
def test_entity_file_format(name: str) -> None:
    header, rows = read_tsv(name)
    assert header == ENTITY_HEADER
    assert rows
    ids = [r[0] for r in rows]
    assert len(ids) == len(set(ids)), "duplicate entity ids"
    for row in rows:
        assert len(row) == 4, row
        eid, etype, label, wikidata = row
        assert ID_RE.match(eid), eid
        expected_type = "country" if eid.startswith("country:") else "location"
        assert etype == expected_type, row
        assert label and label == label.strip(), row
        assert wikidata == "" or re.fullmatch(r"Q[1-9][0-9]*", wikidata), row
    assert [r[0] for r in rows] == sorted(ids), "rows not sorted by id"


@pytest.mark.parametrize("name", ALIAS_FILES)
def test_alias_file_format(name: str) -> None:
    header, rows = read_tsv(name)
    assert header == ALIAS_HEADER
    assert rows
    for row in rows:
        assert len(row) == 4, row
        eid, lang, alias, kind = row
        assert ID_RE.match(eid), row
        assert lang in LANGS, row
        assert kind in KINDS, row
        assert alias and alias == alias.strip() and "  " not in alias, row
    keys = [(r[0], r[1], r[2]) for r in rows]
    assert keys == sorted(keys), "rows not sorted by id, lang, alias"


def test_no_duplicate_alias_rows(aliases) -> None:
    counts = Counter((r[0], r[1], r[2]) for r in aliases)
    dups = [k for k, n in counts.items() if n > 1]
    assert not dups, dups


def test_alias_ids_exist(entities, aliases) -> None:
    missing = sorted({r[0] for r in aliases} - set(entities))
    assert not missing, missing


def test_every_entity_has_an_alias(entities, aliases) -> None:
    with_alias = {r[0] for r in aliases}
    assert not sorted(set(entities) - with_alias)


@pytest.mark.parametrize("name", ENTITY_FILES + ALIAS_FILES)
def test_text_is_nfc(name: str) -> None:
    text = (DATA / name).read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", text) == text
    assert "\r" not in text


def test_alias_scripts(aliases) -> None:
    bad = []
    for eid, lang, alias, _kind in aliases:
        if lang in CYRILLIC_LANGS and script_letters(alias, "LATIN"):
            bad.append((eid, lang, alias))
        if lang in LATIN_LANGS and script_letters(alias, "CYRILLIC"):
            bad.append((eid, lang, alias))
    assert not bad, bad


def ids_for(aliases, alias: str, lang: str | None = None) -> set[str]:
    return {r[0] for r in aliases if r[2] == alias and (lang is None or r[1] == lang)}


def test_astana_and_nur_sultan_are_one_entity(aliases) -> None:
    astana = ids_for(aliases, "Astana")
    assert astana == {"loc:astana"}
    assert ids_for(aliases, "Nur-Sultan") == astana
    assert ids_for(aliases, "Нұр-Сұлтан", "kk") == ids_for(aliases, "Астана", "kk") == astana
    assert ids_for(aliases, "Нур-Султан", "ru") == ids_for(aliases, "Астана", "ru") == astana


@pytest.mark.parametrize("alias,lang,eid", [
    ("Alma-Ata", "en", "loc:almaty"),
    ("Алма-Ата", "ru", "loc:almaty"),
    ("Фрунзе", "ru", "loc:bishkek"),
    ("Киев", "ru", "loc:kyiv"),
    ("Kyiv", "en", "loc:kyiv"),
    ("Washington, D.C.", "en", "loc:washington"),
    ("White House", "en", "loc:white-house"),
    ("Bakı", "az", "loc:baku"),
    ("Мәскеу", "kk", "loc:moscow"),
])
def test_place_aliases(aliases, alias: str, lang: str, eid: str) -> None:
    assert ids_for(aliases, alias, lang) == {eid}


@pytest.mark.parametrize("eid", [
    "country:az", "country:kz", "country:ru", "country:tr", "country:kg",
])
@pytest.mark.parametrize("lang", ["az", "kk", "ru"])
def test_core_countries_have_aliases(aliases, eid: str, lang: str) -> None:
    assert any(r[0] == eid and r[1] == lang and r[3] == "name" for r in aliases)


@pytest.mark.parametrize("alias,lang,eid", [
    ("Azərbaycan", "az", "country:az"),
    ("Қазақстан", "kk", "country:kz"),
    ("Россия", "ru", "country:ru"),
    ("Российская Федерация", "ru", "country:ru"),
    ("Türkiyə", "az", "country:tr"),
    ("Түркия", "kk", "country:tr"),
    ("Киргизия", "ru", "country:kg"),
    ("Кыргызстан", "ru", "country:kg"),
    ("Qırğızıstan", "az", "country:kg"),
    ("США", "ru", "country:us"),
    ("ABŞ", "az", "country:us"),
    ("АҚШ", "kk", "country:us"),
    ("КНР", "ru", "country:cn"),
    ("Белоруссия", "ru", "country:by"),
    ("Молдавия", "ru", "country:md"),
    ("казахстанский", "ru", "country:kz"),
    ("қазақстандық", "kk", "country:kz"),
    ("azərbaycanlı", "az", "country:az"),
])
def test_country_aliases(aliases, alias: str, lang: str, eid: str) -> None:
    assert ids_for(aliases, alias, lang) == {eid}


def test_country_coverage(entities) -> None:
    countries = [e for e in entities if e.startswith("country:")]
    assert len(countries) >= 249
    for eid in ("country:xk", "country:ps", "country:az", "country:kz"):
        assert eid in entities
    labels = {e: entities[e][2] for e in countries}
    assert labels["country:ru"] == "Russia"
    assert labels["country:tr"] == "Turkey"
    assert labels["country:kr"] == "South Korea"
    assert labels["country:us"] == "United States"
