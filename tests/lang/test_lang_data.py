"""Format checks for the per-language data files (src/communique/lang/<code>/, see lang/README.md).

Stdlib and pytest only: the files are read as plain text, the communique package is not imported.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LANG_DIR = ROOT / "src" / "communique" / "lang"
ROLES_FILE = ROOT / "src" / "communique" / "kb" / "data" / "roles.vocab.txt"

LANGS = ("az", "kk", "ru")
TURKIC = ("az", "kk")

# file -> number of tab-separated columns (README.md)
COLUMNS = {
    "alphabet.txt": 1,
    "vowels.tsv": 3,
    "suffixes.tsv": 4,
    "months.tsv": 2,
    "relative_dates.tsv": 2,
    "weekdays.tsv": 2,
    "relative_years.tsv": 2,
    "relative_months.tsv": 2,
    "relative_weeks.tsv": 2,
    "on_weekday.tsv": 2,
    "ordinals.tsv": 2,
    "abbreviations.txt": 1,
    "common.txt": 1,
    "triggers.tsv": 3,
    "modality.tsv": 2,
    "frameworks.tsv": 2,
    "titles.tsv": 2,
    "boilerplate.tsv": 2,
    "offtopic.tsv": 1,
    "anaphora.tsv": 1,
    "comitative.tsv": 2,
    "talks.tsv": 1,
    "speech.tsv": 2,
    "membership.tsv": 2,
    "between.tsv": 2,
    "org_heads.tsv": 1,
    "gathering_heads.tsv": 1,
    "series.tsv": 1,
    "this_year.tsv": 1,
    "same_day.tsv": 1,
    "qualifiers.tsv": 3,
    "reporting.tsv": 2,
    "regions.tsv": 2,
    "subdivisions.tsv": 2,
    "compass.tsv": 2,
    "home.tsv": 1,
    "attribution.tsv": 1,
    "topics.tsv": 2,
    "year_words.tsv": 2,
    "eponyms.tsv": 2,
    "greetings.tsv": 2,
    "anniversaries.tsv": 2,
}
# file -> index of the column written in the language (checked against the alphabet, lower case)
TEXT_COLUMN = {
    "vowels.tsv": 0,
    "suffixes.tsv": 0,
    "months.tsv": 0,
    "relative_dates.tsv": 0,
    "weekdays.tsv": 0,
    "relative_years.tsv": 0,
    "relative_months.tsv": 0,
    "relative_weeks.tsv": 0,
    "on_weekday.tsv": 0,
    "ordinals.tsv": 0,
    "abbreviations.txt": 0,
    "common.txt": 0,
    "triggers.tsv": 2,
    "modality.tsv": 1,
    "frameworks.tsv": 1,
    "titles.tsv": 1,
    "offtopic.tsv": 0,
    "anaphora.tsv": 0,
    "comitative.tsv": 1,
    "talks.tsv": 0,
    "speech.tsv": 1,
    "membership.tsv": 1,
    "between.tsv": 1,
    "org_heads.tsv": 0,
    "gathering_heads.tsv": 0,
    "series.tsv": 0,
    "this_year.tsv": 0,
    "same_day.tsv": 0,
    "qualifiers.tsv": 2,
    "reporting.tsv": 1,
    "regions.tsv": 1,
    "subdivisions.tsv": 1,
    "compass.tsv": 1,
    "home.tsv": 0,
    "attribution.tsv": 0,
    "topics.tsv": 1,
    "year_words.tsv": 1,
    "eponyms.tsv": 1,
    "greetings.tsv": 1,
    "anniversaries.tsv": 1,
}
# files whose language column uses the token pattern syntax ('x*', '…')
PATTERN_FILES = ("triggers.tsv", "modality.tsv", "frameworks.tsv", "titles.tsv", "offtopic.tsv", "anaphora.tsv", "comitative.tsv", "talks.tsv", "speech.tsv",
                 "membership.tsv", "between.tsv", "org_heads.tsv", "gathering_heads.tsv",
                 "series.tsv", "this_year.tsv", "same_day.tsv", "qualifiers.tsv", "regions.tsv", "subdivisions.tsv", "home.tsv", "attribution.tsv", "topics.tsv", "eponyms.tsv", "greetings.tsv", "anniversaries.tsv")

EVENT_TYPES = {"MEET", "CALL", "CONVENE", "SIGN", "APPOINT", "CHAIR"}
MODALITIES = {"asserted", "planned", "negated"}
MARKER_MODALITIES = {"planned", "negated"}
CASES = {"gen", "dat", "acc", "loc", "abl", "ins", "com", "poss3", "plural", "rel"}
AFTER = {"V", "C", "*", "P"}
HARMONY = {"back", "front", "*"}
BOILERPLATE_KINDS = {"related", "share", "counter", "subscribe", "credit", "clock"}
FRAMEWORK_POSITION = {"az": {"after"}, "kk": {"after"}, "ru": {"before"}}
ELLIPSIS = "…"
MEMBERSHIP_ROLES = {"member", "observer"}


def _lines(code: str, name: str) -> list[tuple[int, str]]:
    """(line number, line) of the data lines: no blank lines, no comments."""
    text = (LANG_DIR / code / name).read_text(encoding="utf-8")
    return [(n, line) for n, line in enumerate(text.splitlines(), 1)
            if line.strip() and not line.lstrip().startswith("#")]


def _rows(code: str, name: str) -> list[list[str]]:
    return [line.split("\t") for _, line in _lines(code, name)]


def _alphabet(code: str) -> set[str]:
    lines = _lines(code, "alphabet.txt")
    return {c for c in lines[0][1] if not c.isspace()}


@pytest.mark.parametrize("code", LANGS)
@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_file_exists(code, name):
    assert (LANG_DIR / code / name).is_file(), f"{code}/{name} is missing"


@pytest.mark.parametrize("code", LANGS)
@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_utf8_nfc(code, name):
    raw = (LANG_DIR / code / name).read_bytes()
    text = raw.decode("utf-8")
    assert not text.startswith("\ufeff"), f"{code}/{name} starts with a byte order mark"
    for n, line in enumerate(text.splitlines(), 1):
        assert unicodedata.is_normalized("NFC", line), f"{code}/{name}:{n} is not NFC: {line!r}"


@pytest.mark.parametrize("code", LANGS)
@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_column_count(code, name):
    for n, line in _lines(code, name):
        cols = line.split("\t")
        assert len(cols) == COLUMNS[name], f"{code}/{name}:{n}: {len(cols)} columns, expected {COLUMNS[name]}"
        assert all(c and c == c.strip() for c in cols), f"{code}/{name}:{n}: empty cell or stray spaces"


@pytest.mark.parametrize("code", LANGS)
@pytest.mark.parametrize("name", sorted(set(COLUMNS) - {"alphabet.txt"}))
def test_sorted_and_unique(code, name):
    lines = [line for _, line in _lines(code, name)]
    assert lines == sorted(lines), f"{code}/{name} is not sorted"
    dupes = {line for line in lines if lines.count(line) > 1}
    assert not dupes, f"{code}/{name} has duplicate rows: {sorted(dupes)}"


@pytest.mark.parametrize("code", LANGS)
def test_alphabet(code):
    lines = _lines(code, "alphabet.txt")
    assert len(lines) == 1, "alphabet.txt has exactly one line"
    letters = [c for c in lines[0][1] if not c.isspace()]
    assert all(unicodedata.category(c).startswith("L") for c in letters)
    assert letters == [c.lower() for c in letters], "alphabet is lower case"
    assert len(letters) == len(set(letters)), "alphabet letters are unique"


@pytest.mark.parametrize("code", LANGS)
@pytest.mark.parametrize("name", sorted(TEXT_COLUMN))
def test_letters_belong_to_the_alphabet(code, name):
    """Every letter of the language column is in alphabet.txt; ASCII letters (acronyms) only in az."""
    alphabet = _alphabet(code)
    col = TEXT_COLUMN[name]
    for n, line in _lines(code, name):
        cell = line.split("\t")[col]
        for ch in cell:
            if not unicodedata.category(ch).startswith("L"):
                continue
            if ch in alphabet or (code == "az" and ch.isascii()):
                continue
            pytest.fail(f"{code}/{name}:{n}: letter {ch!r} (U+{ord(ch):04X}) of {cell!r} is not in the alphabet")


@pytest.mark.parametrize("code", LANGS)
@pytest.mark.parametrize("name", sorted(TEXT_COLUMN))
def test_language_column_is_lower_case(code, name):
    col = TEXT_COLUMN[name]
    for n, line in _lines(code, name):
        cell = line.split("\t")[col]
        assert not any(c.isupper() for c in cell), f"{code}/{name}:{n}: {cell!r} is not lower case"


@pytest.mark.parametrize("code", LANGS)
@pytest.mark.parametrize("name", PATTERN_FILES)
def test_pattern_syntax(code, name):
    """Tokens are words with an optional final '*' (a prefix) or initial '*' (an ending), or '…'
    between two words."""
    col = TEXT_COLUMN[name]
    for n, line in _lines(code, name):
        toks = line.split("\t")[col].split(" ")
        where = f"{code}/{name}:{n}: {line!r}"
        assert all(toks), f"{where}: double space"
        assert toks[0] != ELLIPSIS and toks[-1] != ELLIPSIS, f"{where}: '…' at an end"
        for a, b in zip(toks, toks[1:]):
            assert not (a == ELLIPSIS and b == ELLIPSIS), f"{where}: '… …'"
        for tok in toks:
            if tok == ELLIPSIS:
                continue
            assert "*" not in tok[1:-1], f"{where}: '*' inside a token"
            assert not (tok.startswith("*") and tok.endswith("*")), f"{where}: '*' at both ends"
            assert tok.rstrip("*"), f"{where}: bare '*'"
            assert "." not in tok, f"{where}: tokens never contain a dot"


@pytest.mark.parametrize("code", LANGS)
def test_vowels(code):
    rows = _rows(code, "vowels.tsv")
    assert rows, "vowels.tsv lists the vowels"
    for vowel, harmony, rounding in rows:
        assert len(vowel) == 1
        if code == "ru":
            assert (harmony, rounding) == ("-", "-")
        else:
            # kk у and ю take both back and front endings: no class, written '-'
            assert harmony in ({"back", "front", "-"} if code == "kk" else {"back", "front"}), vowel
            assert rounding in {"rounded", "unrounded"}, vowel
    if code in TURKIC:
        classes = {r[1] for r in rows}
        assert {"back", "front"} <= classes


@pytest.mark.parametrize("code", LANGS)
def test_suffixes(code):
    rows = _rows(code, "suffixes.tsv")
    if code == "ru":
        assert rows == [], "Russian has no suffix rules (comment only)"
        return
    assert rows
    for text, case, after, harmony in rows:
        assert case in CASES, (text, case)
        assert after in AFTER, (text, after)
        assert harmony in HARMONY, (text, harmony)
        assert not text.startswith("-"), text
    texts = {r[0] for r in rows}
    for case in ("gen", "dat", "acc", "loc", "abl"):
        assert any(r[1] == case for r in rows), f"no {case} suffix"
    assert texts


@pytest.mark.parametrize("code", LANGS)
def test_months_cover_the_year(code):
    rows = _rows(code, "months.tsv")
    months = set()
    for form, month in rows:
        assert month.isdigit() and 1 <= int(month) <= 12, (form, month)
        months.add(int(month))
    assert months == set(range(1, 13))
    forms = [r[0] for r in rows]
    assert len(forms) == len(set(forms)), "a form names one month"


@pytest.mark.parametrize("code", LANGS)
def test_relative_dates(code):
    rows = _rows(code, "relative_dates.tsv")
    days = {}
    for form, offset in rows:
        assert re.fullmatch(r"-?\d+", offset), (form, offset)
        days.setdefault(int(offset), []).append(form)
    assert {-1, 0} <= set(days), "today and yesterday are covered"
    if code != "az":  # az 'sabah' (tomorrow) is also 'morning' and is left out on purpose
        assert 1 in days, "tomorrow is covered"


@pytest.mark.parametrize("code", LANGS)
@pytest.mark.parametrize("name", ["relative_years.tsv", "relative_months.tsv", "relative_weeks.tsv"])
def test_relative_periods_cover_next_and_last(code, name):
    offsets = set()
    for form, offset in _rows(code, name):
        assert re.fullmatch(r"-?\d+", offset), (form, offset)
        offsets.add(int(offset))
    assert {-1, 1} <= offsets, f"{code}/{name}: next and last are covered"


@pytest.mark.parametrize("code", LANGS)
def test_weekdays_alone_cover_the_week(code):
    """Every weekday, each in one form at least, and never the bare weekday word (an ordinary word
    too: "среда", "bazar", "жұма"): a form of several words or one in a case ("сейсенбіде")."""
    rows = _rows(code, "on_weekday.tsv")
    assert {int(day) for _, day in rows} == set(range(1, 8))
    bare = {form for form, _ in _rows(code, "weekdays.tsv")}
    assert all(" " in form or form not in bare for form, _ in rows)


@pytest.mark.parametrize("code", LANGS)
def test_abbreviations_end_with_a_dot(code):
    rows = _rows(code, "abbreviations.txt")
    assert rows
    for (abbr,) in rows:
        assert abbr.endswith("."), abbr


@pytest.mark.parametrize("code", LANGS)
def test_triggers(code):
    rows = _rows(code, "triggers.tsv")
    seen = set()
    for type_, modality, pattern in rows:
        assert type_ in EVENT_TYPES, type_
        assert modality in MODALITIES, modality
        seen.add(type_)
    assert seen == EVENT_TYPES, f"event types without triggers: {EVENT_TYPES - seen}"
    assert {r[1] for r in rows} == MODALITIES


@pytest.mark.parametrize("code", LANGS)
def test_modality_markers(code):
    rows = _rows(code, "modality.tsv")
    assert {r[0] for r in rows} == MARKER_MODALITIES


@pytest.mark.parametrize("code", LANGS)
def test_frameworks(code):
    rows = _rows(code, "frameworks.tsv")
    assert rows
    for position, _ in rows:
        assert position in FRAMEWORK_POSITION[code], position


@pytest.mark.parametrize("code", LANGS)
def test_titles_use_the_role_vocabulary(code):
    vocab = {line.strip() for line in ROLES_FILE.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")}
    rows = _rows(code, "titles.tsv")
    assert rows
    for role, pattern in rows:
        assert role in vocab, f"{code}/titles.tsv: role {role!r} is not in roles.vocab.txt"


@pytest.mark.parametrize("code", LANGS)
def test_boilerplate_regexes_compile(code):
    rows = _rows(code, "boilerplate.tsv")
    kinds = set()
    for kind, regex in rows:
        assert kind in BOILERPLATE_KINDS, kind
        re.compile(regex, re.I)
        kinds.add(kind)
    assert {"related", "share"} <= kinds


@pytest.mark.parametrize("code", LANGS)
def test_offtopic(code):
    assert _rows(code, "offtopic.tsv")


@pytest.mark.parametrize("code", LANGS)
def test_membership_roles(code):
    bad = [r for r in _rows(code, "membership.tsv") if r[0] not in MEMBERSHIP_ROLES]
    assert not bad, f"{code}/membership.tsv: unknown roles {bad}"


@pytest.mark.parametrize("pattern, words, found", [
    ("*acaq", ["prezident", "səfər", "edəcək"], False),
    ("*əcək", ["prezident", "səfər", "edəcək"], True),
    ("*мақ", ["ол", "келісімге", "қол", "қоймақ"], True),
    ("*мақ", ["мақ"], False),  # the ending alone is no word
])
def test_pattern_ending_matches_any_word_ending_in_it(pattern, words, found):
    from communique.lang import Pattern, PatternIndex
    index = PatternIndex([Pattern("planned", (pattern,))])
    assert bool(index.find(words)) is found
