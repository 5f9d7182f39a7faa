"""Boilerplate marking and article metadata (title, publication date, source).

The text is never changed: boilerplate is a list of spans, so offsets into the
original stay valid.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from itertools import islice, product
from urllib.parse import urlsplit

from babel.dates import get_month_names

from .. import lang as langdata
from ..document import Document, Span
from ..headline import headline
from ..kb import KnowledgeBase
from ..lang.dates import find_dates
from ..lang import letters
from ..text import lower
from .ingest import iso_date

# A date in the URL's path, its parts and its ends marked by / - _ . : "/2024/05/08/", "-2023-10-13-150926",
# "_2021.6.16."; or a run of digits so marked that starts with one, a time of day or a clock reading
# after it: "/20171102/", "/news/20210925045851456-slug".
_URL_DATE = re.compile(r"(?<![^/_.-])((?:19|20)\d\d)([/_.-])(\d{1,2})\2(\d{1,2})(?![^/_.-])")
_URL_DIGITS = re.compile(r"(?<![^/_.-])((?:19|20)\d\d)(\d\d)(\d\d)"
                         r"(?:(?:[01]\d|2[0-3])[0-5]\d(?:[0-5]\d\d{0,6})?)?(?![^/_.-])")
_URL_STAMP = re.compile(r"[-_/](1[2-9]\d{8})(?:[/?#.]|$)")
# A year and a month as two folders of the path, a slug or an article's number after them ("/2023/04/slug",
# "/az/2021/9/slug", "/world/2021/08/734760"): the month of publication.
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)/(\d{1,2})/(?=[^/]*[^\d/]|\d{3})")
_LINE = re.compile(r"[^\n]*\n?")
_LONG_LINE = 250
_DATELINE = 80
_HEADER_LINES = 20  # lines a page's header may run to
_DATE_ALONE = 32  # characters of a line that holds a date and its time, nothing else
_SENTENCE_END = re.compile(r"[.!?…][\"»”’)]*$")
# "БАКУ, 25 сен — Sputnik. Текст…": an agency dateline opening a long first paragraph
_DATELINE_START = re.compile(rf"^[{letters('upper')} .,-]{{3,30}},\s*\d")  # a headline list ends where real prose starts again
# A date in digits opening a line near the top or the bottom, alone or after a place, a label or a
# list's bullet ("08.11.2022 | 10:15", "Bakı/24.11.22/Turan:", "Ташкент, 16.07.21.", "Tarix: 9-03-2023,
# 13:43", "- 20-10-2020, 10:32"): the page's date line, the year in two digits too.
# An ISO date opening a line, alone or after a label ("date 2023-04", "Tarix: 2024-11-20"), to the
# precision it gives.
_ISO_DATELINE = re.compile(rf"^(?:[{letters()}{letters('upper')}]{{2,20}}:?\s+)?((?:19|20)\d\d-\d\d(?:-\d\d)?)(?![\d.:-])")
# The year first, in dots or slashes, with its time ("2023.03.09 13:43 (UTC+04:00)", "2022/11/08"): a
# page's date line as some sites print it.
_YEAR_FIRST_DATELINE = re.compile(r"^(?:[-–•*]\s*)?((?:19|20)\d\d)([./])(\d{1,2})\2(\d{1,2})(?![\d./])")
# A page's own time stamp: a full date followed by the time of day, wherever a short line at the top or
# the bottom puts it ("Baxış: 345 Tarix: 23-05-2022 13:43", "2021-7-5 12:00", "31 нау, 2022 жыл 10:58",
# "Jan 15, 2022 10:58"; the year may run into the clock: "29 сентября 202110:51"). A date in words
# opening such a line needs no clock ("Қаң 15, 2022"). Month words: CLDR's (babel), ``_stamp_months``.
_CLOCK = r"(?:\s*,?\s*(?:[^\W\d_]{1,5}\.?,?\s*)?\s*)?(?:[01]?\d|2[0-3]):[0-5]\d"
_YEAR = r"(?P<y>(?:19|20)\d\d)"
_YEAR_IN = re.compile(r"(?:19|20)\d\d")
_DIGIT = re.compile(r"\d")
_DIGIT_STAMP = re.compile(rf"(?<![\d.:/-])(?:(?P<d>\d{{1,2}})(?P<s>[./-])(?P<m>\d{{1,2}})(?P=s){_YEAR}"
                          rf"|(?P<y2>(?:19|20)\d\d)(?P<s2>[./-])(?P<m2>\d{{1,2}})(?P=s2)(?P<d2>\d{{1,2}})){_CLOCK}")
_NUMERIC_DATELINE = re.compile(rf"^(?:[-–•*]\s*)?(?:\d{{1,2}}:\d{{2}}\s+)?(?:[{letters()}{letters('upper')} .-]{{2,30}}[,/:]\s*)?(\d{{1,2}})([.-])(\d{{1,2}})\2(\d{{4}}|\d{{2}})(?![\d.-]\d)")


def _unmarked_lines(doc: Document):
    """The article's lines that are not empty and not marked as boilerplate, in order."""
    marked = {(b.start, b.end) for b in doc.boilerplate}
    return (line for start, end, line in lines(doc.text) if line.strip() and (start, end) not in marked)


def lines(text: str):
    pos = 0
    for m in _LINE.finditer(text):
        if not m.group():
            break
        yield pos, pos + len(m.group().rstrip("\n")), m.group().rstrip("\n")
        pos = m.end()


def _union(rules: list[tuple[str, re.Pattern]]) -> re.Pattern | None:
    """One regex that matches where any rule does, or None when the rules cannot be joined
    safely (group references or global flags inside a rule change meaning in an alternation)."""
    if not rules or any(rx.flags != rules[0][1].flags or re.search(r"\\\d|\(\?P=|\(\?\(", rx.pattern)
                        for _, rx in rules):
        return None
    try:
        return re.compile("|".join(f"(?:{rx.pattern})" for _, rx in rules), rules[0][1].flags)
    except re.error:
        return None


def url_date(url: str) -> str | None:
    """The publication date a URL's path states, the first real calendar date in it ("/2024/02/30/" is
    none, nor is a year alone: "...-2015"), else a Unix time ending a slug ("...-aktau-1735309058")."""
    path = urlsplit(url).path
    found = [(m.start(), m.group(1), m.group(3), m.group(4)) for m in _URL_DATE.finditer(path)]
    found += [(m.start(), *m.groups()) for m in _URL_DIGITS.finditer(path)]
    for _, y, mo, d in sorted(found):
        try:
            return dt.date(int(y), int(mo), int(d)).isoformat()
        except ValueError:
            continue
    if m := _URL_STAMP.search(path):
        return dt.datetime.fromtimestamp(int(m.group(1)), dt.timezone.utc).date().isoformat()
    if (m := _URL_MONTH.search(path)) and 1 <= int(m.group(2)) <= 12:
        return f"{m.group(1)}-{int(m.group(2)):02d}"
    return None


def _trailing_headlines(text: str) -> list[Span]:
    """The run of short lines with no full stop that ends a page after its prose: other articles'
    headlines, listed with no "related" line above them ("Vesti.az\nПрезидент ... выступил"). At
    least _HEADLINE_RUN of them, none a list's item (a bullet, a number, or lines a colon announces:
    "Подписаны документы:\nСоглашение о ...")."""
    run: list[Span] = []
    for start, end, line in reversed([x for x in lines(text) if x[2].strip()]):
        stripped = line.strip()
        if len(stripped) > _HEADLINE or _PROSE_END.search(stripped) or _LIST_ITEM.match(stripped):
            return run if len(run) >= _HEADLINE_RUN and not stripped.endswith(":") else []
        run.append(Span(start, end))
    return []  # short lines only: a list, a poem or a headline alone, no page around them


_HEADLINE = 160  # characters
_HEADLINE_RUN = 3
_PROSE_END = re.compile(r"[.…:;][\"»”’)]*$")
_LIST_ITEM = re.compile(r"^(?:[-–•*]|\d)")


def _digit_dateline(line: str) -> str | None:
    """The date in digits a line opens with: the day first, ISO, or the year first."""
    if (m := _NUMERIC_DATELINE.match(line)) and (found := _calendar_date(*m.group(1, 3, 4))):
        return found
    if (m := _ISO_DATELINE.match(line)) and (found := iso_date(m.group(1))):
        return found
    if m := _YEAR_FIRST_DATELINE.match(line):
        return _calendar_date(*m.group(4, 3, 1))
    return None


@lru_cache(maxsize=None)
def _stamp_months(langs: tuple[str, ...]) -> dict[str, int]:
    """Month words a page's stamp uses: CLDR's abbreviated and full names in the languages read and in
    English ("нау", "қаң", "okt", "Jan"), lower case, without the abbreviation's dot."""
    out: dict[str, int] = {}
    for code in (*langs, "en"):
        for width, context in product(("abbreviated", "wide"), ("format", "stand-alone")):
            for number, name in get_month_names(width, context=context, locale=code).items():
                out.setdefault(lower(name).rstrip("."), number)
    return out


@lru_cache(maxsize=None)
def _word_stamp(langs: tuple[str, ...]) -> re.Pattern:
    months = "|".join(sorted(map(re.escape, _stamp_months(langs)), key=len, reverse=True))

    def month(group: str) -> str:
        return rf"(?<![^\W\d_])(?P<{group}>{months})\.?(?![^\W\d_])"
    day_first = rf"(?<![\d.])(?P<d>\d{{1,2}})\s+{month('mon')},?\s+{_YEAR}"
    month_first = rf"{month('mon2')}\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>(?:19|20)\d\d)"
    return re.compile(rf"(?:{day_first}|{month_first})(?P<clock>{_CLOCK})?", re.IGNORECASE)


def _stamp(line: str, langs: tuple[str, ...], opening: bool = True) -> str | None:
    """The date of a page's time stamp in ``line`` (see _DIGIT_STAMP), or None; a date in words with no
    clock only where it opens the line and ``opening`` allows it (a short line: a paragraph opening
    on a date tells of an event, "12 may 2022-ci il tarixdə ...")."""
    if not _YEAR_IN.search(line):
        return None  # most lines: no year, no stamp
    if m := _DIGIT_STAMP.search(line):
        return _calendar_date(m["d"] or m["d2"], m["m"] or m["m2"], m["y"] or m["y2"])
    if (m := _word_stamp(langs).search(line)) and (m["clock"] or opening and not line[:m.start()].strip(" •-–|")):
        month = _stamp_months(langs)[lower(m["mon"] or m["mon2"])]
        return _calendar_date(m["d"] or m["d2"], str(month), m["y"] or m["y2"])
    return None


def _calendar_date(day: str, month: str, year: str) -> str | None:
    try:
        return dt.date(int(year) + (2000 if len(year) == 2 else 0), int(month), int(day)).isoformat()
    except ValueError:
        return None


class CleanStage:
    name = "clean"
    requires = ("text",)
    provides = ("boilerplate", "metadata")

    def __init__(self, kb: KnowledgeBase, langs=langdata.LANGS):
        self.rules = [(kind, rx) for code in langs for kind, rx in langdata.load(code).boilerplate]
        self.any_rule = _union(self.rules)
        self.kb = kb
        self.agencies = [(r["name"], re.compile(r["pattern"])) for r in kb.agencies]
        self.langs = langs

    def __call__(self, doc: Document) -> Document:
        # the page's own lines first: a date line may close the page among other articles' headlines
        doc.boilerplate = self._furniture(doc.text)
        if not doc.title:
            doc.title = self._title(doc)
        if not doc.published:
            doc.published = self._published(doc)
        doc.boilerplate = self.find_boilerplate(doc.text, doc.boilerplate)
        if not doc.source:
            doc.source = self._source(doc)
        return doc

    def find_boilerplate(self, text: str, furniture: list[Span] | None = None) -> list[Span]:
        """The page's furniture (boilerplate.tsv) and the headlines of other articles closing it."""
        spans = self._furniture(text) if furniture is None else furniture
        return sorted(spans + [s for s in _trailing_headlines(text) if s not in spans], key=lambda s: s.start)

    def _furniture(self, text: str) -> list[Span]:
        spans: list[Span] = []
        in_list = False
        for start, end, line in (x for x in lines(text) if x[2].strip()):
            stripped = line.strip()
            if self.any_rule is not None and not self.any_rule.search(stripped):
                kind = None  # most lines: one search instead of one per rule
            else:
                kind = next((k for k, rx in self.rules if rx.search(stripped)), None)
            if kind == "related":
                in_list = True
            elif in_list and (len(stripped) > _LONG_LINE or _SENTENCE_END.search(stripped)):
                in_list = False  # prose again: headlines carry no final full stop
            if kind or in_list:
                spans.append(Span(start, end))
        return spans

    def _title(self, doc: Document) -> str | None:
        """The headline among the first lines that are no boilerplate (``headline``)."""
        return headline(list(islice(_unmarked_lines(doc), 4)), self._outlet(doc))

    def _published(self, doc: Document) -> str | None:
        in_url = url_date(doc.url) if doc.url else None
        if in_url and len(in_url) == 10:
            return in_url
        return self._dateline(doc) or in_url  # a dateline's day is more precise than the URL's month

    def _dateline(self, doc: Document) -> str | None:
        # A dateline is a short line at the top ("БАКУ, 25 сен — Sputnik", "24 Қыркүйек, 2020")
        # or the bottom ("AZƏRTAC\n2024, 20 iyul"); dates inside the prose are about events.
        all_lines = list(_unmarked_lines(doc))  # not page furniture: a clock, a counter
        edges = all_lines[:6] + all_lines[-4:][::-1]
        for line in edges:
            if found := _digit_dateline(line.strip()):
                return found
        for line in edges:
            if len(line) > _DATELINE and not _DATELINE_START.match(line):
                continue
            if found := self._written_date(line[:_DATELINE]):
                return found
        # lower in a long page header (menus, a ticker before it): a line that is a full date and no more
        # ("• 12 Марта 2014", "09.03.2023, 13:43")
        for line in all_lines[6:_HEADER_LINES]:
            if len(line.strip()) <= _DATE_ALONE and (found := _digit_dateline(line.strip())
                                                     or self._written_date(line, day=True)):
                return found
        # a time stamp inside a short line of the header or the bottom, or opening a paragraph at the
        # top or bottom ("Москва, 5 октября, 2020, 10:00 — ИА Регнум. Текст…")
        for line in all_lines[:_HEADER_LINES] + all_lines[-4:][::-1]:
            short = len(line.strip()) <= _DATELINE
            if (short or line in edges) and (found := _stamp(line.strip()[:_DATELINE], tuple(self.langs), short)):
                return found
        return None

    def _written_date(self, text: str, day: bool = False) -> str | None:
        """The first date with its year and month (and its day, where ``day``) written in words in any
        of the languages read ("24 Қыркүйек, 2020")."""
        if not _DIGIT.search(text):
            return None  # a year is written in digits: a line without one is not read in every language
        for code in self.langs:
            for dm in find_dates(text, langdata.load(code)):
                if dm.relative is None and dm.year and dm.month and (dm.day or not day):
                    return dm.value()
        return None

    def _source(self, doc: Document) -> str | None:
        """The agency the first lines name, else the outlet whose site the article is on (outlets.tsv),
        else that site's host."""
        head = doc.text[:600]
        hits = [(m.start(), name) for name, rx in self.agencies if (m := rx.search(head))]
        return min(hits)[1] if hits else self._outlet(doc)

    def _outlet(self, doc: Document) -> str | None:
        host = (urlsplit(doc.url).hostname or "").rstrip(".") if doc.url else ""
        return self.kb.outlet(host) or (host.removeprefix("www.") or None)
