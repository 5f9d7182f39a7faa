"""Validate the person data of the knowledge base (persons.*.tsv, roles.tsv).

Reads the TSV files with csv and the standard library only (not through the
communique package), so that a broken file is reported as such.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "src" / "communique" / "kb" / "data"

ENTITIES = "persons.entities.tsv"
ALIASES = "persons.aliases.tsv"
ROLES = "roles.tsv"
HEADERS = {
    ENTITIES: ["id", "type", "label", "wikidata"],
    ALIASES: ["id", "lang", "alias", "kind"],
    ROLES: ["person", "role", "of", "start", "end"],
}
PERSON_ID = re.compile(r"^person:[a-z0-9-]+$")
OF_ID = re.compile(r"^(country|org):[a-z0-9-]+$")
COUNTRY_ID = re.compile(r"^country:[a-z]{2}$")
WIKIDATA = re.compile(r"^(Q[1-9][0-9]*)?$")
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
LANGS = {"az", "kk", "ru", "en", "tr", "ky", "uz"}
KINDS = {"name", "short", "acronym", "former", "adjective", "demonym", "title"}
CYRILLIC_LANGS = {"kk", "ru", "ky"}
LATIN_LANGS = {"az", "en", "tr", "uz"}


def read(name: str) -> tuple[list[str], list[list[str]]]:
    """(header, data rows) of a TSV file; '#' lines and blank lines are skipped."""
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        text = f.read()
    lines = [ln for ln in text.split("\n") if ln.strip() and not ln.startswith("#")]
    rows = list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    return rows[0], rows[1:]


def rows(name: str) -> list[list[str]]:
    return read(name)[1]


def person_ids() -> set[str]:
    return {r[0] for r in rows(ENTITIES)}


def vocabulary() -> set[str]:
    lines = (DATA / "roles.vocab.txt").read_text(encoding="utf-8").splitlines()
    return {ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")}


def has_script(text: str, script: str) -> bool:
    return any(ch.isalpha() and script in unicodedata.name(ch, "") for ch in text)


def date_key(d: str) -> tuple[str, ...]:
    return tuple(d.split("-"))


# -- file shape ------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(HEADERS))
def test_header_and_columns(name):
    header, data = read(name)
    assert header == HEADERS[name]
    assert data, f"{name} has no rows"
    bad = [r for r in data if len(r) != len(header)]
    assert not bad, f"{name}: rows with a wrong number of columns: {bad[:5]}"


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_utf8_nfc_and_clean_cells(name):
    text = (DATA / name).read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", text), f"{name} is not NFC"
    assert "\r" not in text and "\ufeff" not in text
    for r in rows(name):
        for cell in r:
            assert cell == cell.strip(), f"{name}: untrimmed cell {cell!r} in {r}"
            assert "  " not in cell, f"{name}: double space in {cell!r}"


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_no_duplicate_rows(name):
    dup = [r for r, n in Counter(map(tuple, rows(name))).items() if n > 1]
    assert not dup, f"{name}: duplicate rows {dup[:5]}"


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_sorted(name):
    data = [tuple(r) for r in rows(name)]
    if name == ROLES:
        key = lambda r: r[0]  # noqa: E731 - grouped by person
    else:
        key = lambda r: r[:3]  # noqa: E731 - id, then lang and alias
    assert data == sorted(data, key=key), f"{name} is not sorted"


# -- entities --------------------------------------------------------------
def test_entities():
    data = rows(ENTITIES)
    ids = [r[0] for r in data]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]
    for eid, type_, label, wikidata in data:
        assert PERSON_ID.match(eid), eid
        assert type_ == "person", eid
        assert label and label == label.strip(), eid
        assert not has_script(label, "CYRILLIC"), f"{eid}: label {label!r} is not English"
        assert WIKIDATA.match(wikidata), f"{eid}: wikidata {wikidata!r}"
    qids = [r[3] for r in data if r[3]]
    assert len(qids) == len(set(qids)), "a wikidata id is given to two persons"


# -- aliases ---------------------------------------------------------------
def test_alias_ids_exist():
    known = person_ids()
    missing = sorted({r[0] for r in rows(ALIASES)} - known)
    assert not missing, f"aliases of unknown persons: {missing}"


def test_every_person_has_aliases():
    named = {r[0] for r in rows(ALIASES) if r[3] == "name"}
    missing = sorted(person_ids() - named)
    assert not missing, f"persons without a name alias: {missing}"


def test_alias_lang_and_kind():
    for eid, lang, alias, kind in rows(ALIASES):
        assert lang in LANGS, (eid, lang, alias)
        assert kind in KINDS, (eid, alias, kind)
        assert alias, (eid, lang)


def test_alias_scripts():
    for eid, lang, alias, kind in rows(ALIASES):
        if lang in CYRILLIC_LANGS:
            assert not has_script(alias, "LATIN"), f"{eid}: Latin letters in {lang} alias {alias!r}"
            assert has_script(alias, "CYRILLIC"), f"{eid}: {lang} alias {alias!r}"
        if lang in LATIN_LANGS:
            assert not has_script(alias, "CYRILLIC"), f"{eid}: Cyrillic letters in {lang} alias {alias!r}"
            assert has_script(alias, "LATIN"), f"{eid}: {lang} alias {alias!r}"


def test_kazakh_letters_not_in_russian():
    kazakh_only = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
    for eid, lang, alias, kind in rows(ALIASES):
        if lang == "ru":
            assert not kazakh_only & set(alias), f"{eid}: Kazakh letter in ru alias {alias!r}"


def test_short_aliases_are_single_words_and_unambiguous():
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for eid, lang, alias, kind in rows(ALIASES):
        if kind == "short":
            assert " " not in alias, f"{eid}: short alias {alias!r} has several words"
            owners[(lang, alias.casefold())].add(eid)
    shared = {k: sorted(v) for k, v in owners.items() if len(v) > 1}
    assert not shared, f"short aliases shared by several persons: {shared}"


def test_short_alias_is_not_another_persons_surname():
    """A short alias must not be the last word of another person's full name."""
    surnames: dict[tuple[str, str], set[str]] = defaultdict(set)
    for eid, lang, alias, kind in rows(ALIASES):
        if kind in ("name", "former") and " " in alias:
            surnames[(lang, alias.split()[-1].casefold())].add(eid)
    clashes = []
    for eid, lang, alias, kind in rows(ALIASES):
        if kind == "short":
            others = surnames.get((lang, alias.casefold()), set()) - {eid}
            if others:
                clashes.append((eid, lang, alias, sorted(others)))
    assert not clashes, clashes


def test_full_names_unambiguous():
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for eid, lang, alias, kind in rows(ALIASES):
        if kind in ("name", "former"):
            owners[(lang, alias.casefold())].add(eid)
    shared = {k: sorted(v) for k, v in owners.items() if len(v) > 1}
    assert not shared, f"names given to several persons: {shared}"


# -- roles -----------------------------------------------------------------
def test_role_persons_exist():
    known = person_ids()
    missing = sorted({r[0] for r in rows(ROLES)} - known)
    assert not missing, f"roles of unknown persons: {missing}"


def test_roles_in_vocabulary():
    vocab = vocabulary()
    bad = sorted({r[1] for r in rows(ROLES)} - vocab)
    assert not bad, f"roles not in roles.vocab.txt: {bad}"


def test_role_of_ids():
    for person, role, of, start, end in rows(ROLES):
        assert OF_ID.match(of), (person, role, of)
        if of.startswith("country:"):
            assert COUNTRY_ID.match(of), (person, role, of)


def test_role_of_ids_known():
    """When the country and organisation files are present, `of` must name one of their ids."""
    known = set()
    for name in ("countries.entities.tsv", "organizations.entities.tsv"):
        if (DATA / name).exists():
            known |= {r[0] for r in rows(name)}
    if not known:
        pytest.skip("no country or organisation data")
    for prefix in ("country:", "org:"):
        if not any(k.startswith(prefix) for k in known):
            continue
        missing = sorted({r[2] for r in rows(ROLES) if r[2].startswith(prefix)} - known)
        assert not missing, f"roles name unknown ids: {missing}"


def test_role_dates():
    for person, role, of, start, end in rows(ROLES):
        for d in (start, end):
            assert not d or DATE.match(d), (person, role, d)
            if d:
                parts = [int(p) for p in d.split("-")]
                assert 1900 <= parts[0] <= 2100, (person, d)
                if len(parts) > 1:
                    assert 1 <= parts[1] <= 12, (person, d)
                if len(parts) > 2:
                    assert 1 <= parts[2] <= 31, (person, d)
        if start and end:
            # compare at the common precision: 2022 <= 2022-10, 2022-10 <= 2022-10-05
            n = min(len(date_key(start)), len(date_key(end)))
            assert date_key(start)[:n] <= date_key(end)[:n], (person, role, of, start, end)


def test_no_overlapping_terms_of_the_same_office_for_one_person():
    terms = defaultdict(list)
    for person, role, of, start, end in rows(ROLES):
        terms[(person, role, of)].append((start, end))
    for key, spans in terms.items():
        spans.sort()
        open_ended = [s for s in spans if not s[1]]
        assert len(open_ended) <= 1, f"{key}: several open-ended terms"
        for (s1, e1), (s2, _) in zip(spans, spans[1:]):
            if e1 and s2:
                n = min(len(date_key(e1)), len(date_key(s2)))
                assert date_key(e1)[:n] <= date_key(s2)[:n], f"{key}: overlapping terms"


def test_every_person_has_a_role_or_is_documented():
    """Persons without a role are allowed (offices outside the vocabulary) but few."""
    with_role = {r[0] for r in rows(ROLES)}
    without = person_ids() - with_role
    assert len(without) <= 10, sorted(without)


def test_known_facts():
    """A few anchors the extraction relies on."""
    roles = {tuple(r) for r in rows(ROLES)}
    assert ("person:ilham-aliyev", "president", "country:az", "2003-10-31", "") in roles
    assert ("person:kassym-jomart-tokayev", "president", "country:kz", "2019-03-20", "") in roles
    assert ("person:jeyhun-bayramov", "minister of foreign affairs", "country:az", "2020-07-16", "") in roles
    aliases = {(r[0], r[1], r[2]) for r in rows(ALIASES)}
    assert ("person:ilham-aliyev", "az", "İlham Əliyev") in aliases
    assert ("person:kassym-jomart-tokayev", "kk", "Қасым-Жомарт Тоқаев") in aliases
    assert ("person:kairat-sarybay", "ru", "Кайрат Сарыбай") in aliases
