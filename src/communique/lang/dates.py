"""Date expressions in az, kk and ru, with offsets.

dateparser reads "25 сентября" but not the Turkic forms ("2023-cü il
oktyabrın 25-də", "2020 жылғы 24 қыркүйекте", "2019 жылы маусымда"), so the
grammar here works on tokens: a month word (any inflection, via the suffix
rules), a day number next to it, a four-digit year nearby.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..text import Token, fold, lower, tokenize
from . import LangData, Pattern, PatternIndex
from .morph import candidates

_NUM = re.compile(r"^(\d{1,4})(?:[-–](\d{1,2}))?(?:[-'’]?[^\W\d_]+)?$")
# 2024-10-25, 25.10.2024, and a bare year-month "2024-12" (not a range of years: "2011-12-ci illər")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b|\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b"
                  r"|(?<![\w.-])(\d{4})-(0[1-9]|1[0-2])(?![\w-])")
_YEAR_WORDS = ("il", "жыл", "год", "г")
_DASH = re.compile(r"\s*[-‐‑‒–—―]\s*")


@dataclass
class DateMatch:
    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    relative: int | None = None  # days from publication
    weekday: int | None = None  # ISO weekday named with the date ("Бейсенбі, 20 желтоқсан")
    ranged: bool = False  # a range of days ("yanvarın 15-20-də"): the day is its first

    def value(self, published: str | None = None) -> str | None:
        year, month, day = self.year, self.month, self.day
        if self.relative is not None:
            try:  # a malformed publication date ("2024-02-30") or one at the end of the calendar gives no date
                return (dt.date.fromisoformat((published or "")[:10]) + dt.timedelta(days=self.relative)).isoformat()
            except (ValueError, OverflowError):
                return None
        if year is None and published and published[:4].isdigit() and published[:4].isascii():
            year = int(published[:4])
        if year is None:
            return None
        if month is None:
            return f"{year:04d}"
        if day is None:
            return f"{year:04d}-{month:02d}"
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:
            return f"{year:04d}-{month:02d}"


def _month_of(word: str, ld: LangData) -> int | None:
    """The month a word names, in any inflection (memoised per language: called for every word)."""
    memo = ld.memo.setdefault("month", {})
    if word not in memo:
        if len(memo) > 100_000:
            memo.clear()
        memo[word] = _month_of_uncached(word, ld)
    return memo[word]


def _month_of_uncached(word: str, ld: LangData) -> int | None:
    w = fold(word)
    if w in ld.months:
        return ld.months[w]
    if ld.suffixes:
        for stem in candidates(lower(word), ld):
            m = ld.months.get(stem.replace("ı", "i"))
            if m:
                return m
    return None


def _number(word: str) -> tuple[int, int | None] | None:
    m = _NUM.match(word)
    return (int(m.group(1)), int(m.group(2)) if m.group(2) else None) if m else None


def _is_year(n: int) -> bool:
    return 1900 <= n <= 2100


def find_dates(text: str, ld: LangData, start: int = 0, end: int | None = None,
               toks: list[Token] | None = None) -> list[DateMatch]:
    """Every date expression between start and end, in text order (``toks``: that range's tokens,
    when the caller has them already)."""
    if toks is None:
        toks = tokenize(text, start, end)
    words = [t.text for t in toks]
    out: list[DateMatch] = []
    used: set[int] = set()
    for i, w in enumerate(words):
        month = _month_of(w, ld) if not w[:1].isdigit() else None
        if not month:
            continue
        lo = hi = i
        day = year = None
        ranged = False
        # day before the month ("25 oktyabr", "24 қыркүйек", "25 сентября") or after ("oktyabrın 25-də")
        for j in (i - 1, i + 1):
            if 0 <= j < len(words) and j not in used:
                num = _number(words[j])
                if num and 1 <= num[0] <= 31 and day is None:
                    day, ranged = num[0], num[1] is not None
                    lo, hi = min(lo, j), max(hi, j)
                    if j == i - 1 and (first := _range_start(text, toks, words, j, used)) is not None:
                        day, ranged, lo = first, True, j - 1
        # a year within three words either side ("2023-cü il oktyabrın", "24 Қыркүйек, 2020")
        for j in list(range(max(0, lo - 3), lo)) + list(range(hi + 1, min(len(words), hi + 3))):
            num = _number(words[j])
            if num and _is_year(num[0]) and j not in used:
                year = num[0]
                lo, hi = min(lo, j), max(hi, j)
                if j > hi - 1 and j + 1 < len(words) and fold(words[j + 1]).rstrip(".").startswith(_YEAR_WORDS):
                    hi = j + 1
                break
        used.update(range(lo, hi + 1))
        out.append(DateMatch(toks[lo].start, toks[hi].end, year, month, day, ranged=ranged,
                             weekday=_weekday(words, lo, hi, ld) if day and not year else None))
    out += _years_alone(toks, words, used)
    out += _relative(toks, words, ld, used)
    out += _iso(text, start, len(text) if end is None else end, out)
    return sorted(out, key=lambda d: d.start)


def _range_start(text: str, toks: list[Token], words: list[str], j: int, used: set[int]) -> int | None:
    """The first day of a range whose days the tokens split at a dash ("11—22 ноября", "11 – 22"):
    the day before the dash, where it is an earlier day."""
    if j < 1 or j - 1 in used or not _DASH.fullmatch(text, toks[j - 1].end, toks[j].start):
        return None
    first, last = _number(words[j - 1]), _number(words[j])
    return first[0] if first and last and first[1] is None and 1 <= first[0] < last[0] else None


def _weekday(words: list[str], lo: int, hi: int, ld: LangData) -> int | None:
    """The weekday named just before a day and month ("Бейсенбі, 20 желтоқсан", "в четверг, 8 мая")
    or just after it ("20 dekabr, cümə axşamı")."""
    folded = [fold(w) for w in words[max(0, lo - 3):hi + 4]]
    offset = max(0, lo - 3)
    near = [(j - i, p) for p, i, j in forms_index(ld, "weekdays").find(folded)
            if j + offset <= lo and lo - (j + offset) <= 1 or i + offset > hi and i + offset - hi <= 2]
    return int(max(near, key=lambda x: x[0])[1].label) if near else None  # "cümə axşamı", not "cümə"


def _years_alone(toks, words, used) -> list[DateMatch]:
    """'2019 жылы', '2024-cü ildə', 'в 2021 году': a year followed by the word for year."""
    out = []
    for i, w in enumerate(words):
        num = _number(w)
        if i in used or not num or not _is_year(num[0]) or i + 1 >= len(words):
            continue
        if fold(words[i + 1]).rstrip(".").startswith(_YEAR_WORDS) or re.match(r"^\d{4}-?(c|ж|ci|cı|cu|cü)", w):
            out.append(DateMatch(toks[i].start, toks[i + 1].end, num[0], None, None))
            used.update((i, i + 1))
    return out


def _relative(toks, words, ld: LangData, used) -> list[DateMatch]:
    """Relative dates ("dünən", "bu gün", "вчера"): each form at each word not yet used, forms in
    file order. A form's last word may also be the prefix of an inflected word when longer than
    four letters ("dünənki")."""
    out = []
    for p, i, j in forms_index(ld, "relative_dates").find([fold(w) for w in words]):
        if i not in used:
            out.append(DateMatch(toks[i].start, toks[j - 1].end, None, None, None, relative=int(p.label)))
            used.update(range(i, j))
    return out


def forms_index(ld: LangData, table: str) -> PatternIndex:
    """A table of word forms (relative dates, weekdays) as patterns whose label is the value; a form's
    last word longer than four letters also matches inflected words. Built once per table, rebuilt
    if the table is replaced."""
    forms: dict[str, int] = getattr(ld, table)
    got = ld.memo.get(table)
    if got is None or got[0] is not forms:
        patterns = []
        for form, value in forms.items():
            *head, last = form.split() or [""]
            patterns.append(Pattern(str(value), (*head, last + "*" if len(last) > 4 else last), ""))
        got = ld.memo[table] = (forms, PatternIndex(patterns))
    return got[1]


def _iso(text: str, start: int, end: int, found: list[DateMatch]) -> list[DateMatch]:
    out = []
    for m in _ISO.finditer(text, start, end):
        if any(d.start <= m.start() < d.end for d in found):
            continue
        if m.group(1):
            y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        elif m.group(4):
            d, mo, y = int(m.group(4)), int(m.group(5)), int(m.group(6))
        else:
            y, mo, d = int(m.group(7)), int(m.group(8)), None
        if 1 <= mo <= 12 and (d is None or 1 <= d <= 31) and _is_year(y):
            out.append(DateMatch(m.start(), m.end(), y, mo, d))
    return out
