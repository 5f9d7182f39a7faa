"""Per-language data files (``lang/<code>/``) and the small helpers that read them."""
from __future__ import annotations

import re
import string
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import DataError
from ..text import fold, lower

LANGS = ("az", "kk", "ru")
TURKIC = ("az", "kk")
_CANDIDATE_MEMO = 50_000  # words remembered per pattern index


@lru_cache(maxsize=None)
def alphabet(code: str) -> str:
    """A language's lower-case letters (``lang/<code>/alphabet.txt``)."""
    path = Path(str(resources.files("communique.lang").joinpath(code, "alphabet.txt")))
    return unicodedata.normalize("NFC", path.read_text(encoding="utf-8").strip())


@lru_cache(maxsize=None)
def letters(case: str = "lower") -> str:
    """The Latin letters and those of every language read here, in one case: for character classes
    ("[A-ZƏÜ...ӘҒ...]") that must not leave a language's own letters out. The Turkic alphabets
    capitalise "i" as "İ"."""
    lower_ = set(string.ascii_lowercase).union(*(alphabet(c) for c in LANGS))
    if case == "lower":
        return "".join(sorted(lower_))
    return "".join(sorted({c.upper() for c in lower_} | ({"İ"} if set(TURKIC) & set(LANGS) else set())))


@lru_cache(maxsize=None)
def distinctive_letters() -> dict[str, str]:
    """Letters that mark one language among those the language identifier knows
    (``lang/distinctive_letters.tsv``), both cases."""
    path = Path(str(resources.files("communique.lang").joinpath("distinctive_letters.tsv")))
    return {r[0]: r[1] + r[1].upper() for r in _rows(path, 2)}


def _rows(path: Path, ncols: int) -> list[list[str]]:
    rows = []
    if not path.exists():
        return rows
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.split("\t")
        if ncols and len(cols) < ncols:
            raise DataError(f"{path}:{n}: expected {ncols} tab-separated columns, got {len(cols)}")
        rows.append([unicodedata.normalize("NFC", c.strip()) for c in cols])
    return rows


# Words a '…' may skip. A verb-final clause puts its whole subject between the object and the verb,
# and two signers with their titles run to a dozen words ("Келісімге [X-тың министрі A B мен Y-тың
# министрі C D] қол қойды"); six left such signings out.
GAP = 12


@dataclass(frozen=True)
class Pattern:
    """A token pattern: 'word', 'prefix*', and '…' (up to GAP words between)."""
    label: str
    tokens: tuple[str, ...]
    extra: str = ""

    def match_at(self, words: list[str], i: int) -> int | None:
        """Index one past the last matched word, or None."""
        return _match(self.tokens, words, i)

    def find(self, words: list[str]) -> list[tuple[int, int]]:
        out = []
        for i in range(len(words)):
            j = self.match_at(words, i)
            if j is not None:
                out.append((i, j))
        return out


class PatternIndex:
    """Patterns by their first token, so a sentence is matched in time proportional to its length,
    not to the number of patterns (hundreds of trigger forms per language)."""

    def __init__(self, patterns: list[Pattern]):
        self.patterns = patterns
        self.exact: dict[str, list[Pattern]] = {}
        self.prefix: dict[str, list[Pattern]] = {}
        self.ending: dict[str, list[Pattern]] = {}  # '*acaq': by the ending a word must have
        self.anywhere: list[Pattern] = []
        for p in patterns:
            head = p.tokens[0] if p.tokens else "…"
            if head == "…":
                self.anywhere.append(p)
            elif _is_ending(head):
                self.ending.setdefault(head[1:], []).append(p)
            elif head.endswith("*"):
                self.prefix.setdefault(head[:-1], []).append(p)
            else:
                self.exact.setdefault(head, []).append(p)
        self.lengths = sorted({len(k) for k in self.prefix})
        self.ending_lengths = sorted({len(k) for k in self.ending})
        self.order = {id(p): k for k, p in enumerate(patterns)}
        # the first letters a word must start with to begin a pattern by its first word (exact or prefix)
        self.initials = None if "" in self.prefix else frozenset(k[:1] for k in (*self.exact, *self.prefix))
        self.any_start = bool(self.ending or self.anywhere)  # patterns a word of any letter may start
        self._candidates = Memo(self._candidates_of)
        # words known to start no pattern: a sentence of only those is rejected by one set test
        self._idle: set[str] = set()

    def candidates(self, word: str) -> tuple[tuple[Pattern, tuple[str, ...], int], ...]:
        """(pattern, tokens left to match, words matched already) for each pattern that may match
        at a word: exact heads, prefix heads, then '…' heads. Remembered per word (vocabulary
        repeats; building the list was most of the time spent matching)."""
        return self._candidates[word]

    def _candidates_of(self, word: str) -> tuple[tuple[Pattern, tuple[str, ...], int], ...]:
        by_first = self.initials is None or word[:1] in self.initials
        if not by_first and not self.any_start:
            got = ()  # most words: no pattern starts with their letter
        else:
            heads = list(self.exact.get(word, ())) if by_first else []
            for n in self.lengths if by_first else ():
                if n > len(word):
                    break
                heads += self.prefix.get(word[:n], ())
            for n in self.ending_lengths:
                if len(word) > n + 1:  # the ending after a stem ('*acaq' is no word of its own)
                    heads += self.ending.get(word[-n:], ())
            got = tuple((p, p.tokens[1:], 1) for p in heads) + tuple((p, p.tokens, 0) for p in self.anywhere)
        if not got:
            if len(self._idle) >= _CANDIDATE_MEMO:
                self._idle.clear()
            self._idle.add(word)
        return got

    def __iter__(self):
        return iter(self.patterns)

    def __len__(self) -> int:
        return len(self.patterns)

    def find(self, words: list[str]) -> list[tuple[Pattern, int, int]]:
        """(pattern, first word, one past the last word) for every match, in pattern-file order."""
        if self._idle.issuperset(words):
            return []  # most sentences: every word seen before, none starting a pattern
        out = []
        # each word's candidates, looked up without a Python call per word: most words start no
        # pattern, and most sentences hold no word that does
        found = list(map(self._candidates.__getitem__, words))
        if not any(found):
            return out
        for i, cands in enumerate(found):
            for p, rest, done in cands:
                j = _match(rest, words, i + done) if rest else i + done
                if j is not None:
                    out.append((p, i, j))
        if len(out) > 1:
            out.sort(key=lambda m: (self.order[id(m[0])], m[1]))
        return out


class Memo(dict):
    """``make(key)``, made on the first lookup and remembered, up to ``limit`` keys (then it starts
    afresh): what the stages ask of each word or name again and again (vocabulary repeats)."""

    def __init__(self, make, limit: int = _CANDIDATE_MEMO):
        super().__init__()
        self.make = make
        self.limit = limit

    def __missing__(self, key: str):
        got = self.make(key)
        if len(self) >= self.limit:
            self.clear()
        self[key] = got
        return got


def _is_ending(pat: str) -> bool:
    return len(pat) > 1 and pat.startswith("*")


def _word_ok(pat: str, word: str) -> bool:
    if pat == word:  # an exact word, or a prefix or an ending read as a word: "*acaq" is none of its own
        return not _is_ending(pat)
    if pat[:1] == "*" and len(pat) > 1:  # '*acaq': an inflectional ending (the future of any verb)
        return word.endswith(pat[1:]) and len(word) > len(pat)
    return pat[-1:] == "*" and word.startswith(pat[:-1])


def _match(toks: tuple[str, ...], words: list[str], i: int) -> int | None:
    for k, head in enumerate(toks):
        if head == "…":
            rest = toks[k + 1:]
            for skip in range(0, GAP + 1):
                j = _match(rest, words, i + skip)
                if j is not None:
                    return j
            return None
        if i >= len(words) or not _word_ok(head, words[i]):
            return None
        i += 1
    return i


def _patterns(rows: list[list[str]], label_col: int, pat_col: int, extra_col: int | None = None) -> list[Pattern]:
    out = []
    for r in rows:
        toks = tuple(fold(t) if t != "…" else t for t in r[pat_col].split())
        out.append(Pattern(r[label_col], toks, r[extra_col] if extra_col is not None else ""))
    return out


@dataclass
class Suffix:
    text: str
    case: str
    after: str  # V, C or *
    harmony: str  # back, front or *


@dataclass
class LangData:
    code: str
    vowels: dict[str, tuple[str, str]] = field(default_factory=dict)
    suffixes: list[Suffix] = field(default_factory=list)
    months: dict[str, int] = field(default_factory=dict)
    relative_dates: dict[str, int] = field(default_factory=dict)
    weekdays: dict[str, int] = field(default_factory=dict)
    relative_years: dict[str, int] = field(default_factory=dict)
    relative_months: dict[str, int] = field(default_factory=dict)
    relative_weeks: dict[str, int] = field(default_factory=dict)
    on_weekday: dict[str, int] = field(default_factory=dict)
    ordinals: dict[str, int] = field(default_factory=dict)
    abbreviations: set[str] = field(default_factory=set)
    common: frozenset[str] = frozenset()  # words seen mostly in lower case inside sentences (common.txt)
    triggers: PatternIndex = field(default_factory=lambda: PatternIndex([]))
    modality: PatternIndex = field(default_factory=lambda: PatternIndex([]))
    frameworks: PatternIndex = field(default_factory=lambda: PatternIndex([]))
    titles: PatternIndex = field(default_factory=lambda: PatternIndex([]))
    boilerplate: list[tuple[str, re.Pattern]] = field(default_factory=list)
    offtopic: PatternIndex = field(default_factory=lambda: PatternIndex([]))
    anaphora: PatternIndex = field(default_factory=lambda: PatternIndex([]))
    comitative: PatternIndex = field(default_factory=lambda: PatternIndex([]))
    talks: PatternIndex = field(default_factory=lambda: PatternIndex([]))
    speech: PatternIndex = field(default_factory=lambda: PatternIndex([]))
    membership: PatternIndex = field(default_factory=lambda: PatternIndex([]))
    between: PatternIndex = field(default_factory=lambda: PatternIndex([]))
    org_heads: PatternIndex = field(default_factory=lambda: PatternIndex([]))
    gathering_heads: PatternIndex = field(default_factory=lambda: PatternIndex([]))
    series: PatternIndex = field(default_factory=lambda: PatternIndex([]))
    habitual: PatternIndex = field(default_factory=lambda: PatternIndex([]))
    this_year: PatternIndex = field(default_factory=lambda: PatternIndex([]))
    same_day: PatternIndex = field(default_factory=lambda: PatternIndex([]))
    arrival: PatternIndex = field(default_factory=lambda: PatternIndex([]))
    gatherings: PatternIndex = field(default_factory=lambda: PatternIndex([]))
    portfolios: PatternIndex = field(default_factory=lambda: PatternIndex([]))
    regions: PatternIndex = field(default_factory=lambda: PatternIndex([]))
    subdivisions: PatternIndex = field(default_factory=lambda: PatternIndex([]))
    compass: dict[str, str] = field(default_factory=dict)  # word -> direction (compass.tsv)
    home: PatternIndex = field(default_factory=lambda: PatternIndex([]))  # "our country" (home.tsv)
    attribution: PatternIndex = field(default_factory=lambda: PatternIndex([]))
    topics: PatternIndex = field(default_factory=lambda: PatternIndex([]))
    eponyms: PatternIndex = field(default_factory=lambda: PatternIndex([]))
    greetings: PatternIndex = field(default_factory=lambda: PatternIndex([]))
    anniversaries: PatternIndex = field(default_factory=lambda: PatternIndex([]))
    year_words: tuple[str, ...] = ()  # the word for "year" after a year: "il", "жыл", "год"
    year_suffixes: tuple[str, ...] = ()  # endings joined to a year's digits: "2024-cü", "2024-жылы"
    next: PatternIndex = field(default_factory=lambda: PatternIndex([]))
    visits: PatternIndex = field(default_factory=lambda: PatternIndex([]))
    domestic: PatternIndex = field(default_factory=lambda: PatternIndex([]))
    reporting: PatternIndex = field(default_factory=lambda: PatternIndex([]))
    memo: dict = field(default_factory=dict, repr=False)  # per-process caches of derived lookups


def route(*codes: str | None) -> str | None:
    """The one language whose object reads a text, for every stage: the first code given (a
    sentence's, then its document's) with an object of its own (az, kk, ru). A text identified as a
    language without one (ky, uz, tr, en, uk, ...) is not read with another language's data: None,
    and the stages find no mentions, events or facts in it. An unidentified text ("", "und") takes
    the next code."""
    for code in codes:
        if code in LANGS:
            return code
        if code and code != "und":
            return None
    return None


def data_dir(code: str) -> Path:
    return Path(str(resources.files("communique.lang").joinpath(code)))


@lru_cache(maxsize=None)
def load(code: str) -> LangData:
    """Read one language's files once per process."""
    d = data_dir(code)
    if not d.is_dir():
        raise DataError(f"no language data for {code!r}; known: {', '.join(LANGS)}")
    ld = LangData(code)
    # every prefix pattern also matches its stem voiced before a vowel (grammar.tsv final_voicing)
    voicing = [tuple(r[1].split(":")) for r in _rows(d / "grammar.tsv", 2) if r[0] == "final_voicing"]

    def index(rows: list[list[str]], *cols: int) -> PatternIndex:
        return PatternIndex(_voiced(_patterns(rows, *cols), voicing))

    ld.vowels = {r[0]: (r[1], r[2]) for r in _rows(d / "vowels.tsv", 3)}
    ld.suffixes = sorted((Suffix(lower(r[0]), r[1], r[2], r[3]) for r in _rows(d / "suffixes.tsv", 4)),
                         key=lambda s: -len(s.text))
    ld.months = {fold(r[0]): int(r[1]) for r in _rows(d / "months.tsv", 2)}
    ld.relative_dates = {fold(r[0]): int(r[1]) for r in _rows(d / "relative_dates.tsv", 2)}
    ld.weekdays = {fold(r[0]): int(r[1]) for r in _rows(d / "weekdays.tsv", 2)}
    ld.relative_years = {fold(r[0]): int(r[1]) for r in _rows(d / "relative_years.tsv", 2)}
    ld.relative_months = {fold(r[0]): int(r[1]) for r in _rows(d / "relative_months.tsv", 2)}
    ld.relative_weeks = {fold(r[0]): int(r[1]) for r in _rows(d / "relative_weeks.tsv", 2)}
    ld.on_weekday = {fold(r[0]): int(r[1]) for r in _rows(d / "on_weekday.tsv", 2)}
    ld.ordinals = {fold(r[0]): int(r[1]) for r in _rows(d / "ordinals.tsv", 2)}
    ld.abbreviations = {fold(r[0]) for r in _rows(d / "abbreviations.txt", 1)}
    ld.common = frozenset(fold(r[0]) for r in _rows(d / "common.txt", 1))
    ld.triggers = index(_rows(d / "triggers.tsv", 3), 0, 2, 1)
    ld.modality = index(_rows(d / "modality.tsv", 2), 0, 1)
    ld.frameworks = index(_rows(d / "frameworks.tsv", 2), 0, 1)
    ld.titles = index(_rows(d / "titles.tsv", 2), 0, 1)
    ld.boilerplate = [(r[0], re.compile(r[1], re.I)) for r in _rows(d / "boilerplate.tsv", 2)]
    ld.offtopic = index(_rows(d / "offtopic.tsv", 1), 0, 0)
    ld.anaphora = index(_rows(d / "anaphora.tsv", 1), 0, 0)
    ld.comitative = index(_rows(d / "comitative.tsv", 2), 0, 1)
    ld.talks = index(_rows(d / "talks.tsv", 1), 0, 0)
    ld.speech = index(_rows(d / "speech.tsv", 2), 0, 1)
    ld.membership = index(_rows(d / "membership.tsv", 2), 0, 1)
    ld.between = index(_rows(d / "between.tsv", 2), 0, 1)
    ld.org_heads = index(_rows(d / "org_heads.tsv", 1), 0, 0)
    ld.gathering_heads = index(_rows(d / "gathering_heads.tsv", 1), 0, 0)
    ld.series = index(_rows(d / "series.tsv", 1), 0, 0)
    ld.habitual = index(_rows(d / "habitual.tsv", 1), 0, 0)
    ld.this_year = index(_rows(d / "this_year.tsv", 1), 0, 0)
    ld.same_day = index(_rows(d / "same_day.tsv", 1), 0, 0)
    ld.arrival = index(_rows(d / "arrival.tsv", 1), 0, 0)
    ld.gatherings = index(_rows(d / "gatherings.tsv", 3), 0, 2, 1)
    ld.portfolios = index(_rows(d / "portfolios.tsv", 2), 0, 1)
    ld.regions = index(_rows(d / "regions.tsv", 2), 0, 1)
    ld.subdivisions = index(_rows(d / "subdivisions.tsv", 2), 0, 1)
    ld.compass = {fold(r[1]): r[0] for r in _rows(d / "compass.tsv", 2)}
    ld.home = index(_rows(d / "home.tsv", 1), 0, 0)
    ld.attribution = index(_rows(d / "attribution.tsv", 1), 0, 0)
    ld.topics = index(_rows(d / "topics.tsv", 2), 0, 1)
    ld.eponyms = index(_rows(d / "eponyms.tsv", 2), 0, 1)
    ld.greetings = index(_rows(d / "greetings.tsv", 2), 0, 1)
    ld.anniversaries = index(_rows(d / "anniversaries.tsv", 2), 0, 1)
    marks = _rows(d / "year_words.tsv", 2)
    ld.year_words = tuple(fold(r[1]) for r in marks if r[0] == "word")
    ld.year_suffixes = tuple(fold(r[1]) for r in marks if r[0] == "suffix")
    ld.next = index(_rows(d / "next.tsv", 2), 0, 1)
    ld.visits = index(_rows(d / "visits.tsv", 1), 0, 0)
    ld.domestic = index(_rows(d / "domestic.tsv", 1), 0, 0)
    ld.reporting = index(_rows(d / "reporting.tsv", 2), 0, 1)

    return ld


def _voiced(patterns: list[Pattern], pairs: list[tuple[str, str]]) -> list[Pattern]:
    """Each pattern, and after it the same with the last consonant of its prefix tokens voiced
    (grammar.tsv ``final_voicing``): a stem's final k/q becomes y/ğ before a vowel in Azerbaijani
    ("görüşəcək*" also as "görüşəcəy*": "görüşəcəyini", "imzalanacağı"), к/қ/п become г/ғ/б in Kazakh."""
    out = []
    for p in patterns:
        out.append(p)
        toks = tuple(_voice(t, pairs) for t in p.tokens)
        if toks != p.tokens:
            out.append(Pattern(p.label, toks, p.extra))
    return out


def _voice(token: str, pairs: list[tuple[str, str]]) -> str:
    stem = token[:-1]
    if not token.endswith("*") or token.startswith("*") or len(stem) < 4:
        return token
    return next((stem[:-len(a)] + b + "*" for a, b in pairs if stem.endswith(a)), token)
