"""Date expressions in az, kk and ru, with offsets.

dateparser reads "25 сентября" but not the Turkic forms ("2023-cü il
oktyabrın 25-də", "2020 жылғы 24 қыркүйекте", "2019 жылы маусымда"), so the
grammar here works on tokens: a month word (any inflection, via the suffix
rules), a day number next to it, a four-digit year nearby. Words counted from publication (a day:
"dünən"; a year or month: "ötən ilin noyabrında", "в прошлом месяце"; a weekday alone: "во вторник")
give a match with ``relative`` set, which ``DateMatch.value`` reads from the publication date.
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
_DASH = re.compile(r"\s*[-‐‑‒–—―]\s*")
_YEAR_SPAN = re.compile(r"^(\d{4})[-–](\d{4})(\D*)$")
_YEAR_THEN = re.compile(r"^(\d{4})(\D*)$")
_DIGIT = re.compile(r"\d")  # every year, day and ISO date has one: text without is searched no further


@dataclass
class DateMatch:
    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    relative: int | None = None  # offset from publication, in ``unit``s ("dünən" -1 day, "ötən il" -1 year)
    weekday: int | None = None  # ISO weekday: named with the date ("Бейсенбі, 20 желтоқсан") or alone ("во вторник")
    ranged: bool = False  # a range of days ("yanvarın 15-20-də"): the day is its first
    unit: str = "day"  # of ``relative``: day, week, month or year

    @property
    def weekday_alone(self) -> bool:
        """A weekday that is the whole date ("во вторник", "сейсенбі күні"): the last such day on or
        before publication, or, for a planned event, ``value(published, ahead=True)`` the next one."""
        return self.weekday is not None and self.day is None

    def value(self, published: str | None = None, ahead: bool = False) -> str | None:
        year, month, day = self.year, self.month, self.day
        if self.relative is not None:
            # a publication known to the month ("/2023/04/" in its address) dates "today" to that month,
            # and a month or year away from it as precisely as ever
            month_only = bool(published) and len(published) == 7
            if month_only and self.unit not in ("year", "month"):
                return published
            try:  # a malformed publication date ("2024-02-30") or one at the end of the calendar gives no date
                return self._from(dt.date.fromisoformat(published + "-01" if month_only else (published or "")[:10]),
                                  ahead)
            except (ValueError, OverflowError):
                return None
        if year is None and published and published[:4].isdigit() and published[:4].isascii():
            year = int(published[:4])
        return _iso_of(year, month, day)

    def _from(self, published: dt.date, ahead: bool) -> str | None:
        """The date ``relative`` units away from publication: a year ("gələn il" "2025", "ötən ilin
        noyabrında" "2023-11") or month ("в прошлом месяце" "2024-09") at that precision, a week
        ("keçən həftə") as its month, else a day."""
        if self.unit == "year":
            return _iso_of(_calendar_year(published.year + self.relative), self.month, self.day)
        if self.unit == "month":
            year, month = divmod(published.year * 12 + published.month - 1 + self.relative, 12)
            return _iso_of(_calendar_year(year), month + 1, self.day)
        if self.unit == "week":  # "на прошлой неделе": no day, the month its days fall in
            day = published + dt.timedelta(weeks=self.relative)
            return _iso_of(_calendar_year(day.year), day.month, None)
        day = published + dt.timedelta(days=self.relative)
        if self.weekday_alone:
            back = (day.isoweekday() - self.weekday) % 7
            day += dt.timedelta(days=(7 - back) % 7 if ahead else -back)
        return day.isoformat()


def _calendar_year(year: int) -> int:
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise OverflowError(f"year {year} is outside the calendar")
    return year


def _iso_of(year: int | None, month: int | None, day: int | None) -> str | None:
    """An ISO date at the precision given: "2021", "2021-09", "2021-09-24"."""
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
                num = _number(words[j]) if j > i or not _after_clock(text, toks, j) else _after_clock(text, toks, j)
                if j < i and _minutes(text, toks, j):
                    num = None  # "10:15 Noyabrın 7-də": the time's minutes, no day
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
                if j > hi - 1 and j + 1 < len(words) and _year_word(words[j + 1], ld):
                    hi = j + 1
                break
        used.update(range(lo, hi + 1))
        weekday = _weekday(words, lo, hi, ld) if day else None
        if weekday:  # read with the date, never alone as well
            used.update(range(weekday[1], weekday[2]))
        out.append(DateMatch(toks[lo].start, toks[hi].end, year, month, day, ranged=ranged,
                             weekday=weekday[0] if weekday and not year else None))
    out += _years_alone(text, toks, words, used, ld)
    folds = [fold(w) for w in words]
    out += _relative(toks, folds, ld, used)
    _relative_years(text, toks, folds, ld, used, out)
    out += _relative_periods(toks, folds, ld, used, "relative_months", "month")
    out += _relative_periods(toks, folds, ld, used, "relative_weeks", "week")
    out += _weekdays_alone(toks, folds, ld, used)
    end = len(text) if end is None else end
    if _DIGIT.search(text, start, end):  # an ISO date is digits: a sentence without one skips its scan
        out += _iso(text, start, end, out)
    return sorted(out, key=lambda d: d.start)


def _after_clock(text: str, toks: list[Token], j: int) -> tuple[int, None] | None:
    """A day run into the time of day before it, a line break lost ("10:157 ноября": 10:15, the 7th):
    the digits past the clock's two minute digits."""
    w = toks[j].text
    if j < 1 or not (3 <= len(w) <= 4 and w.isdigit()) or text[toks[j - 1].end:toks[j].start] != ":" \
            or not (toks[j - 1].text.isdigit() and len(toks[j - 1].text) <= 2):
        return None
    return int(w[2:]), None


def _minutes(text: str, toks: list[Token], j: int) -> bool:
    """Two digits after an hour and a colon ("10:15"): the minutes of a time of day."""
    return j >= 1 and len(toks[j].text) == 2 and toks[j].text.isdigit() and text[toks[j - 1].end:toks[j].start] == ":" \
        and toks[j - 1].text.isdigit() and len(toks[j - 1].text) <= 2


def _range_start(text: str, toks: list[Token], words: list[str], j: int, used: set[int]) -> int | None:
    """The first day of a range whose days the tokens split at a dash ("11—22 ноября", "11 – 22"):
    the day before the dash, where it is an earlier day."""
    if j < 1 or j - 1 in used or not _DASH.fullmatch(text, toks[j - 1].end, toks[j].start):
        return None
    first, last = _number(words[j - 1]), _number(words[j])
    return first[0] if first and last and first[1] is None and 1 <= first[0] < last[0] else None


def _weekday(words: list[str], lo: int, hi: int, ld: LangData) -> tuple[int, int, int] | None:
    """The weekday named just before a day and month ("Бейсенбі, 20 желтоқсан", "в четверг, 8 мая")
    or just after it ("20 dekabr, cümə axşamı"): (ISO weekday, its first word, one past its last)."""
    folded = [fold(w) for w in words[max(0, lo - 3):hi + 4]]
    offset = max(0, lo - 3)
    near = [(j - i, p, i + offset, j + offset) for p, i, j in forms_index(ld, "weekdays").find(folded)
            if j + offset <= lo and lo - (j + offset) <= 1 or i + offset > hi and i + offset - hi <= 2]
    if not near:
        return None
    _, p, i, j = max(near, key=lambda x: x[0])  # "cümə axşamı", not "cümə"
    return int(p.label), i, j


def _year_word(word: str, ld: LangData) -> bool:
    """The word for "year" after a year, in any form ("жылы", "ildə", "году", "г.")."""
    return bool(ld.year_words) and fold(word).rstrip(".").startswith(ld.year_words)


def _year_ending(ending: str, ld: LangData) -> bool:
    """The ending a year takes joined to its digits ("-cü", "-ші"; year_words.tsv)."""
    ending = fold(ending).lstrip("-")
    return bool(ending and ld.year_suffixes and ending.startswith(ld.year_suffixes))


def _year_span(text: str, toks, words, i: int) -> tuple[int, int, str] | None:
    """A period of years at word i, in one token ("2024-2025", "2024-2025-ci") or two a dash splits
    ("2024 – 2025"): its first year, the index of its last word and that word's ending past the digits."""
    m = _YEAR_SPAN.match(words[i])
    if m and int(m.group(1)) < int(m.group(2)):
        return int(m.group(1)), i, m.group(3)
    if len(words[i]) == 4 and words[i].isdigit() and i + 1 < len(words) \
            and _DASH.fullmatch(text, toks[i].end, toks[i + 1].start) and (m := _YEAR_THEN.match(words[i + 1])) \
            and int(words[i]) < int(m.group(1)):
        return int(words[i]), i + 1, m.group(2)
    return None


def _years_alone(text: str, toks, words, used, ld: LangData) -> list[DateMatch]:
    """'2019 жылы', '2024-cü ildə', 'в 2021 году': a year followed by the word for year, or with
    the ending a year takes joined to its digits (year_words.tsv); a period of years ("в 2024-2025
    годах", "2024-2025-ci illərdə") from its first year."""
    out = []
    for i, w in enumerate(words):
        if not w[:1].isdigit():
            continue  # a year, or a period of years, opens on a digit (isdigit holds for every \d)
        if i not in used and (span := _year_span(text, toks, words, i)) and _is_year(span[0]):
            year, j, ending = span
            after = j + 1 < len(words) and _year_word(words[j + 1], ld)
            if after or _year_ending(ending, ld):
                hi = j + 1 if after else j
                out.append(DateMatch(toks[i].start, toks[hi].end, year, None, None, ranged=True))
                used.update(range(i, hi + 1))
                continue
        num = _number(w)
        if i in used or not num or not _is_year(num[0]) or i + 1 >= len(words):
            continue
        if _year_word(words[i + 1], ld) or _year_ending(w[4:], ld):
            out.append(DateMatch(toks[i].start, toks[i + 1].end, num[0], None, None))
            used.update((i, i + 1))
    return out


def _relative(toks, folds, ld: LangData, used) -> list[DateMatch]:
    """Relative dates ("dünən", "bu gün", "вчера"): each form at each word not yet used, forms in
    file order. A form's last word may also be the prefix of an inflected word when longer than
    four letters ("dünənki")."""
    out = []
    for p, i, j in forms_index(ld, "relative_dates").find(folds):
        if i not in used:
            out.append(DateMatch(toks[i].start, toks[j - 1].end, None, None, None, relative=int(p.label)))
            used.update(range(i, j))
    return out


def _relative_periods(toks, folds, ld: LangData, used, table: str, unit: str) -> list[DateMatch]:
    """Years or months counted from publication ("gələn il", "өткен айда", "в прошлом году"), at
    that precision: each form of the table at words not yet used."""
    out = []
    for p, i, j in forms_index(ld, table).find(folds):
        if used.isdisjoint(range(i, j)):
            out.append(DateMatch(toks[i].start, toks[j - 1].end, None, None, None, relative=int(p.label), unit=unit))
            used.update(range(i, j))
    return out


def _relative_years(text: str, toks, folds, ld: LangData, used, out: list[DateMatch]) -> None:
    """Relative years (``_relative_periods``); one standing right before or after a month that has
    no year ("ötən ilin noyabrında", "өткен жылдың мамыр айында", "в мае прошлого года") gives that
    month its year: the month's match takes the offset and grows to cover the form."""
    for d in _relative_periods(toks, folds, ld, used, "relative_years", "year"):
        month = next((m for m in out if m.month and m.year is None and m.relative is None and (
            not text[d.end:m.start].strip() if d.end <= m.start else not text[m.end:d.start].strip())), None)
        if month is None:
            out.append(d)
        else:
            month.start, month.end = min(month.start, d.start), max(month.end, d.end)
            month.relative, month.unit = d.relative, d.unit


def _weekdays_alone(toks, folds, ld: LangData, used) -> list[DateMatch]:
    """A weekday standing as the date of an event ("во вторник", "сейсенбі күні", "bazar ertəsi günü"),
    only in these forms (a bare "среда", "bazar", "жұма" is also an ordinary word): the last such day
    on or before publication (``DateMatch.weekday_alone``)."""
    out = []
    for p, i, j in forms_index(ld, "on_weekday").find(folds):
        if used.isdisjoint(range(i, j)):
            out.append(DateMatch(toks[i].start, toks[j - 1].end, None, None, None, relative=0, weekday=int(p.label)))
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


_ORDINAL = re.compile(r"^(\d{1,3})(?:-([^\W\d_]+)|st|nd|rd|th)$")
_ordinal_suffixes: tuple[str, ...] | None = None


def _ordinal_suffix(suffix: str) -> bool:
    """An ordinal ending after digits ("-cı", "-ші", "-ой", "-м"; grammar.tsv ordinal_suffix), not a case
    ending that makes the number a day ("Fevralın 6-da", "6-сы"): any language's, the scripts apart."""
    global _ordinal_suffixes
    if _ordinal_suffixes is None:
        from . import LANGS
        from .grammar import grammar  # lang.grammar reads this package's data: imported late
        _ordinal_suffixes = tuple(sorted({x for code in LANGS for x in grammar(code).words["ordinal_suffix"]}))
    return lower(suffix).startswith(_ordinal_suffixes)


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def ordinal(word: str) -> int | None:
    """"76-cı", "6-ой", "47-ші", "76th", and Roman "VI" (as in "VI саммитіне")."""
    m = _ORDINAL.match(word)
    if m and (m.group(2) is None or _ordinal_suffix(m.group(2))):
        return int(m.group(1))
    head = word.split("-")[0]
    if head and len(head) <= 6 and all(c in _ROMAN for c in head) and re.fullmatch(r"X{0,3}(IX|IV|V?I{0,3})", head):
        total = 0
        for a, b in zip(head, head[1:] + " "):
            v = _ROMAN[a]
            total += -v if b in _ROMAN and _ROMAN[b] > v else v
        return total or None
    return None
